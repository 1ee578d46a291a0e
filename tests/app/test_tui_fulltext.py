"""Search the text of every article (ctrl+f): the modal, its results, opening a match."""

from __future__ import annotations

import threading

from tui_helpers import current_article_id, notified, pane, screen_text, selected_text
from textual.widgets import Input, OptionList

import gpreader.screens.search_screen as search_screen
from gpreader.corpus.fulltext import open_fulltext
from gpreader.screens.main_screen import MainScreen
from gpreader.screens.search_screen import SearchScreen
from gpreader.widgets.paragraph import Paragraph

SIZE = (120, 40)
HOSTILE = "[bold]x \"GP's"


async def open_search(pilot, *typed: str) -> SearchScreen:
    """ctrl+f, wait for the index, then type *typed*."""
    await pilot.press("ctrl+f")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    for text in typed:
        await pilot.press(*text)
    await pilot.pause()
    return screen


def status(screen: SearchScreen) -> str:
    return str(screen.query_one("#finder-count").render())


async def test_ctrl_f_opens_the_search_with_a_hint(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot)
        assert app.focused is screen.query_one(Input)
        assert "Type words to find them in every article" in screen_text(app)
        assert screen.query_one(OptionList).option_count == 0


async def test_a_word_finds_its_article_with_date_outlet_and_headline(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, "polyclinic")
        text = screen_text(app)
        assert "c. Oct 2024 · Pulse · GP contracts must change, says report" in text
        assert "the form of a ‘massive" in text and "polyclinic’." in text
        assert status(screen) == "1 match"
        assert [h.article_id for h in screen.hits] == ["c3_neighbourhood"]


async def test_enter_opens_the_article_with_the_matching_sentence_marked(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, "imposed")
        hit = screen.hits[0]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert current_article_id(app) == "b2_stevens"
        paragraph = pane(app).query_one("#p1", Paragraph)
        start, end = paragraph.sentence
        assert (start, end) == (hit.sentence_start, hit.sentence_start + len(hit.sentence))
        text = app.corpus.article("b2_stevens").paragraphs[1]
        assert text[start:end] == "He added that no model should be ‘imposed’."
        assert selected_text(app) == "imposed"  # the quotation in the sentence: c copies it
        assert pane(app).has_focus


async def test_clicking_a_result_opens_it(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "lifetime")
        await pilot.click("#search-results", offset=(4, 1))
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert current_article_id(app) == "a1_merger"
        assert pane(app).query_one("#p1", Paragraph).sentence is not None


async def test_a_hostile_query_is_shown_literally_and_finds_nothing(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, HOSTILE)
        assert screen.query_one(Input).value == HOSTILE
        assert status(screen) == f"No matches for {HOSTILE}"
        assert f"No matches for {HOSTILE}" in screen_text(app)
        assert app.is_running


async def test_markup_in_a_matching_sentence_stays_text(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "click quit")
        assert "[@click=app.quit]quit[/] and [bold red]x are words, not markup." in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and current_article_id(app) == "a1_merger"


async def test_escape_closes_and_ctrl_f_finds_the_search_as_it_was(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, "momentum")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert current_article_id(app) == "a1_merger"
        again = await open_search(pilot)
        assert again is screen and screen.query_one(Input).value == "momentum"
        assert app.focused is screen.query_one(Input)


async def test_typing_while_indexing_searches_when_the_index_is_ready(app, monkeypatch):
    release = threading.Event()

    def slow_open(corpus, cache=True, on_progress=None):
        release.wait(10)
        return open_fulltext(corpus, cache=cache, on_progress=on_progress)

    monkeypatch.setattr(search_screen, "open_fulltext", slow_open)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f", *"geddes")
        await pilot.pause()
        screen = app.screen
        assert "Indexing 3 articles…" in status(screen)
        assert screen.query_one(OptionList).option_count == 0
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [h.article_id for h in screen.hits] == ["b2_stevens"]
        assert status(screen) == "1 match"


async def test_index_problems_are_one_notification_and_search_still_works(app, monkeypatch):
    def damaged(corpus, cache=True, on_progress=None):
        index, _ = open_fulltext(corpus, cache=False)
        return index, ["search index /x/fulltext.sqlite: [b]damaged[/b]; searching from memory this time"]

    monkeypatch.setattr(search_screen, "open_fulltext", damaged)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, "hospital")
        assert "search index /x/fulltext.sqlite: [b]damaged[/b]; searching from memory" in notified(app)
        assert screen.hits and screen.hits[0].article_id == "b2_stevens"


async def test_the_index_is_kept_in_the_cache_dir(app, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "polyclinic")
    assert list((tmp_path / "cache").glob("fulltext-*.sqlite"))


async def test_the_help_lists_ctrl_f(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Search the text of every article" in screen_text(app)


async def test_the_matched_words_are_highlighted(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, "polyclinic")
        content = search_screen.sentence_content(screen.hits[0])
        marked = [content.plain[span.start : span.end] for span in content.spans if span.style]
        assert marked == ["polyclinic"]


async def test_a_tiny_terminal_still_finds_and_opens(app):
    async with app.run_test(size=(40, 12)) as pilot:
        screen = await open_search(pilot, "geddes")
        assert screen.hits and "1 match" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert current_article_id(app) == "b2_stevens"
