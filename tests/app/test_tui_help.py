"""Help lists every key, and the keys come from the very bindings the screens use."""

from __future__ import annotations

import pytest
from textual.binding import Binding
from textual.containers import VerticalScroll

from gpreader import keys
from gpreader.app import GPReaderApp
from gpreader.screens.help_screen import HelpScreen
from gpreader.screens.main_screen import MainScreen
from gpreader.screens.speaker_finder import SpeakerFinder
from gpreader.screens.speaker_page import QuoteOptions, SpeakerPage
from gpreader.widgets.article_list import ArticleList, ArticleOptions
from gpreader.widgets.filter_input import FilterInput
from gpreader.widgets.reading_pane import ReadingPane

OWNERS = [
    (GPReaderApp, keys.APP),
    (MainScreen, keys.MAIN_SCREEN),
    (ArticleList, keys.ARTICLE_LIST),
    (ArticleOptions, keys.ARTICLE_OPTIONS),
    (FilterInput, keys.FILTER_INPUT),
    (ReadingPane, keys.READING_PANE),
    (SpeakerFinder, keys.SPEAKER_FINDER),
    (SpeakerPage, keys.SPEAKER_PAGE),
    (QuoteOptions, keys.QUOTE_OPTIONS),
    (HelpScreen, keys.HELP_SCREEN),
]


@pytest.mark.parametrize(("owner", "bindings"), OWNERS, ids=lambda o: getattr(o, "__name__", ""))
def test_each_screen_uses_the_bindings_the_help_is_made_from(owner, bindings):
    assert owner.BINDINGS is bindings
    in_help = {id(binding) for _, section in keys.HELP_SECTIONS for binding in section}
    assert {id(binding) for binding in bindings} <= in_help


@pytest.mark.parametrize(("owner", "bindings"), OWNERS, ids=lambda o: getattr(o, "__name__", ""))
def test_every_bound_key_has_an_action_to_run(owner, bindings):
    for binding in Binding.make_bindings(bindings):
        action = binding.action.split("(")[0]
        target = GPReaderApp if action.startswith("app.") else owner
        name = action.removeprefix("app.")
        assert callable(getattr(target, f"action_{name}", None)), f"{owner.__name__}: {binding.key} -> {action}"


async def test_question_mark_shows_every_key_grouped_by_screen(app):
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_text = "\n".join(str(s.render()) for s in app.screen.query(".help-section"))
        for title, section in keys.HELP_SECTIONS:
            assert title in help_text
            for binding in section:
                assert binding.tooltip in help_text
        assert "n               Select the next quote and scroll to it" in help_text
        assert "c y             Copy the selected quote with its citation" in help_text
        assert "? f1            Show this help" in help_text
        assert "j ↓             Scroll down a line" in help_text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_f1_opens_help_and_it_scrolls_when_small(app):
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        scroller = app.screen.query_one("#help", VerticalScroll)
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert scroller.scroll_y > 0
        await pilot.press("f1")
        assert isinstance(app.screen, MainScreen)
