"""The reader works from 60×20 to 200×60."""

from __future__ import annotations

import pytest
from tui_fixture_corpus import GEDDES_TEXT
from tui_helpers import screen_text, selected_text

from gpreader.screens.breakpoints import breakpoint_classes
from gpreader.widgets.article_list import ArticleList


async def test_small_terminal_60x20(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        text = screen_text(app)
        row = next(line for line in text.splitlines() if line.startswith("Nov    · GP · Merger"))
        assert "…▕" in row  # the sidebar narrows and clips headlines with an ellipsis
        assert "n/N quote c copy a clip s speaker" in text.splitlines()[-1]
        await pilot.press("enter")  # reading: the article takes the whole width
        await pilot.pause()
        assert not app.query_one(ArticleList).display or app.query_one(ArticleList).region.width == 0
        assert "Dr Mike Bewick said there was a need to ‘revisit the" in screen_text(app)
        await pilot.press("escape")  # back to the list
        await pilot.pause()
        assert app.query_one(ArticleList).region.width > 0
        await pilot.press("s", *"geddes", "enter", "enter")
        await pilot.pause()
        assert selected_text(app) == GEDDES_TEXT
        assert "There will still be a national" in screen_text(app)


async def test_large_terminal_200x60(app):
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        text = screen_text(app)
        for headline in (
            "Merger of GP and community care possible, says NHS England",
            "NHS chief calls for GPs to work within community hospitals",
            "GP contracts must change, says report",
        ):
            assert headline in text
        footer = text.splitlines()[-1]
        for shown in ("n/N quote", "c copy", "a clip", "s speaker", "[/] article", "? help", "q quit",
                      "e export", "v compare", "esc back", "/ filter", "j/k move", "tab pane"):
            assert shown in footer
        assert "Reader comments" in text


async def test_finder_and_help_fit_a_small_terminal(app):
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("s", *"rcgp chair")
        await pilot.pause()
        text = screen_text(app)
        assert "Jump to speaker" in text and "Maureen Baker" in text
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert "gpreader keys" in screen_text(app)



@pytest.mark.parametrize("size", [(40, 15), (59, 19), (60, 20), (99, 30), (100, 40), (159, 48), (160, 50)])
async def test_the_first_layout_already_has_the_size_classes_textual_would_set(app, size):
    """The main screen's width and height classes are set as it composes (so the first
    frame is not laid out twice); they must be the ones Textual sets on a resize."""
    width, height = size
    async with app.run_test(size=size) as pilot:
        at_first = set(app.screen.classes)
        await pilot.resize_terminal(width + 1, height + 1)
        await pilot.resize_terminal(width, height)  # Textual sets the classes itself
        await pilot.pause()
        made = breakpoint_classes(app, app.size)
        assert {name for name, on in made.items() if on} == {name for name in made if app.screen.has_class(name)}
        assert at_first == set(app.screen.classes)
