"""Jump to speaker: the fuzzy finder, the speaker's page, the command palette."""

from __future__ import annotations

from tui_fixture_corpus import GEDDES_TEXT, LONG_PART_ONE, LONG_PART_TWO, MARKUP_TEXT
from tui_helpers import current_article_id, screen_text, selected_quote_on_screen, selected_text
from textual.widgets import OptionList

from gpreader.screens.main_screen import MainScreen
from gpreader.screens.speaker_finder import SpeakerFinder
from gpreader.screens.speaker_page import SpeakerPage

SIZE = (120, 40)


def finder_names(app) -> list[str]:
    return [o.id for o in app.screen.query_one("#finder-results", OptionList).options]


async def test_a_misspelt_name_lands_on_the_right_quote(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, SpeakerFinder)
        await pilot.press(*"gedes")
        assert finder_names(app)[0] == "David Geddes"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerPage)
        assert GEDDES_TEXT in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert current_article_id(app) == "b2_stevens"
        assert selected_text(app) == GEDDES_TEXT
        assert selected_quote_on_screen(app)
        assert "Quote 5 of 5 · David Geddes" in screen_text(app)


async def test_stevns_finds_simon_stevens(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", *"stevns")
        assert finder_names(app)[0] == "Simon Stevens"
        text = screen_text(app)
        assert "Simon Stevens  3 quotes · 2014" in text
        assert "chief executive of NHS England" in text


async def test_a_role_finds_every_holder_including_former_ones(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", *"rcgp chair")
        assert set(finder_names(app)) == {"Maureen Baker", "Kamila Hawthorne", "Clare Gerada"}
        assert "former RCGP chairwoman" in screen_text(app)


async def test_escape_closes_the_finder_and_nothing_changes(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", *"baker", "escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert current_article_id(app) == "a1_merger"


async def test_no_match_says_so(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", *"zzzzqx")
        assert finder_names(app) == []
        assert "No speaker matches." in screen_text(app)
        await pilot.press("enter")  # nothing to open: still here
        assert isinstance(app.screen, SpeakerFinder)


async def test_speaker_page_lists_every_quotation_in_date_order(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", *"gerada", "enter")
        await pilot.pause()
        page = app.screen
        assert isinstance(page, SpeakerPage)
        assert [q.text for _, q in page.found] == [MARKUP_TEXT, f"{LONG_PART_ONE}\n\n{LONG_PART_TWO}"]
        text = screen_text(app)
        assert "Professor Clare Gerada 2 quotations" in text
        assert "Nov 2013 · GP · Merger of GP and community care possible, says NHS England" in text
        assert "[@click=app.quit]quit[/]" in text  # literal here too
        await pilot.press("j", "enter")
        await pilot.pause()
        assert selected_text(app) == f"{LONG_PART_ONE}\n\n{LONG_PART_TWO}"


async def test_a_role_given_in_several_undated_articles_is_shown_once(app):
    from gpreader.corpus.model import Role

    gerada = app.corpus.speakers["Clare Gerada"]
    article_ids = [a.id for a in app.corpus.articles]
    gerada.roles += [Role("chair of the Test Board", article_id, None) for article_id in article_ids[:3]]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", *"gerada", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerPage)
        assert screen_text(app).count("chair of the Test Board") == 1


async def test_speaker_page_escape_goes_back(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", *"bewick", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerPage)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_quotes_are_ordered_by_article_date_across_articles(app):
    async with app.run_test(size=SIZE) as pilot:
        app.corpus.articles[2].quotes[0].speaker = "Simon Stevens"  # a 2024 quote for Stevens
        await pilot.press("s", *"stevens", "enter")
        await pilot.pause()
        dates = [article.date.year for article, _ in app.screen.found]
        assert dates == [2014, 2014, 2014, 2024]


async def test_speakers_are_offered_in_the_command_palette(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"stevns")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Speaker: Simon Stevens" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerPage)
        assert app.screen.speaker.name == "Simon Stevens"
