"""The sidebar's filter-as-you-type box."""

from __future__ import annotations

from tui_helpers import current_article_id, screen_text, sidebar

from gpreader.widgets.article_list import ArticleOptions
from gpreader.widgets.filter_input import FilterInput
from gpreader.widgets.reading_pane import ReadingPane

SIZE = (120, 40)


def listed(app) -> list[str]:
    return [a.id for a in sidebar(app).shown]


async def test_slash_focuses_the_filter_and_typing_narrows_the_list(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert isinstance(app.focused, FilterInput)
        await pilot.press(*"pulse")
        assert listed(app) == ["b2_stevens", "c3_neighbourhood"]
        await pilot.press("space", *"2024")
        assert listed(app) == ["c3_neighbourhood"]
        await pilot.pause()
        assert current_article_id(app) == "c3_neighbourhood"
        assert "NHS chief calls" not in screen_text(app)


async def test_the_filter_matches_speakers_quoted(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"geddes")
        assert listed(app) == ["b2_stevens"]


async def test_escape_clears_the_filter(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"hawthorne")
        assert listed(app) == ["c3_neighbourhood"]
        await pilot.press("escape")
        assert listed(app) == ["a1_merger", "b2_stevens", "c3_neighbourhood"]
        assert isinstance(app.focused, ArticleOptions)
        assert app.query_one(FilterInput).value == ""


async def test_enter_in_the_filter_opens_the_match(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"community hospitals", "enter")
        await pilot.pause()
        assert current_article_id(app) == "b2_stevens"
        assert isinstance(app.focused, ReadingPane)


async def test_a_filter_matching_nothing_says_so(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"zzzz")
        await pilot.pause()
        assert listed(app) == []
        assert "No article matches the filter." in screen_text(app)


async def test_keys_typed_in_the_filter_are_text_not_commands(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"qsn?")
        await pilot.pause()
        assert app.is_running
        assert app.screen is app.main_screen  # no finder, no help
        assert app.query_one(FilterInput).value == "qsn?"


async def test_the_empty_filter_box_shows_its_key_and_a_click_on_it_opens_it(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert screen_text(app).splitlines()[1].startswith(" / filter")
        await pilot.click("FilterPrompt")
        await pilot.press(*"geddes")
        assert isinstance(app.focused, FilterInput)
        assert listed(app) == ["b2_stevens"]


async def test_opening_the_filter_again_keeps_what_was_typed(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"geddes", "down")
        assert listed(app) == ["b2_stevens"]
        await pilot.press("slash")
        assert isinstance(app.focused, FilterInput)
        assert app.query_one(FilterInput).value == "geddes"  # the same box, its text kept
