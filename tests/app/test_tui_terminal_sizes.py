"""Usable at 40×12 (one pane at a time, \\ switches), 80×24 and 250×70; resizing in any
state keeps the selection and the place in the article."""

from __future__ import annotations

import pytest

from tui_fixture_corpus import GEDDES_TEXT, LONG_PART_ONE
from tui_helpers import pane, screen_text, selected_quote_on_screen, selected_text, sidebar

from gpreader.screens.speaker_finder import SpeakerFinder
from gpreader.screens.speaker_page import SpeakerPage
from gpreader.widgets.paragraph import Paragraph

SIZES = [(40, 12), (80, 24), (250, 70)]


def reader_shown(app) -> bool:
    return pane(app).region.width > 0


def sidebar_shown(app) -> bool:
    return sidebar(app).region.width > 0


def top_paragraph(app) -> str | None:
    """The id of the paragraph on the top line of the reading pane (None: the article head)."""
    reading = pane(app)
    top = reading.content_region.y
    for paragraph in reading.query(Paragraph):
        if paragraph.region.y <= top < paragraph.region.bottom + 1:  # (+1: its bottom margin)
            return paragraph.id
    return None


def in_view(app, paragraph_id: str) -> bool:
    reading = pane(app)
    region = reading.query_one(f"#{paragraph_id}").region
    return region.y < reading.content_region.bottom and region.bottom > reading.content_region.y


async def test_40x12_shows_one_pane_at_a_time_and_backslash_switches(app):
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert sidebar_shown(app) and not reader_shown(app)
        assert sidebar(app).region.width == 40  # the list has the whole width
        assert "Nov    · GP · Merger of GP and" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert reader_shown(app) and not sidebar_shown(app)
        assert pane(app).region.width == 40
        assert "Dr Mike Bewick said there was a need" in screen_text(app)
        await pilot.press("backslash")
        await pilot.pause()
        assert sidebar_shown(app) and not reader_shown(app)
        await pilot.press("backslash")
        await pilot.pause()
        assert reader_shown(app) and not sidebar_shown(app)
        await pilot.press("escape", "j", "n")  # from the list, n shows the article at its first quote
        await pilot.pause()
        assert reader_shown(app) and selected_text(app) == "real momentum building"
        assert "Quote 1 of 5 · Simon Stevens" in screen_text(app) and selected_quote_on_screen(app)
        assert "n/N quote c copy a clip" in screen_text(app).splitlines()[-1]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_screen_fits(app, size):
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter", "n")
        await pilot.pause()
        assert selected_quote_on_screen(app)
        assert "Quote 1 of 5" in screen_text(app)
        assert all(p.region.width <= 100 for p in pane(app).query(Paragraph))  # readable lines
        assert sidebar_shown(app) == (size[0] >= 100)  # narrower, the article has the width while reading
        await pilot.press("s", *"geddes")
        await pilot.pause()
        finder = app.screen.query_one("#finder")
        assert finder.region.right <= size[0] and finder.region.bottom <= size[1]
        assert "Dr David Geddes" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerPage)
        assert GEDDES_TEXT[:20] in screen_text(app)
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        help_box = app.screen.query_one("#help")
        assert help_box.region.right <= size[0] and help_box.region.bottom <= size[1]
        assert "gpreader keys" in screen_text(app)


async def test_resizing_keeps_the_selected_quote_selected_and_in_view(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", *["n"] * 5)
        await pilot.pause()
        selected = selected_text(app)
        assert selected.startswith(LONG_PART_ONE)  # the last quotation, over two paragraphs
        for size in [(40, 12), (250, 70), (40, 12), (80, 24), (120, 40)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            assert selected_text(app) == selected, size
            assert selected_quote_on_screen(app), f"the selected quote is out of view at {size}"


async def test_resizing_keeps_the_place_when_nothing_is_selected(app):
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("enter", *["j"] * 16)
        await pilot.pause()
        place = top_paragraph(app)
        assert place not in (None, "p0")  # scrolled into the article
        for size in [(80, 24), (250, 70), (40, 12), (60, 20), (40, 12)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            reading = pane(app)
            if reading.scroll_y < reading.max_scroll_y:  # it could scroll on: the place is at the top
                assert top_paragraph(app) == place, size
            else:  # scrolled as far as it goes (or all fits): the place is in view
                assert in_view(app, place), size
        assert top_paragraph(app) == place  # back at 40x12, exactly where we were


async def test_resizing_keeps_the_selection_in_the_finder_and_on_a_speaker_page(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "down", "down")
        await pilot.pause()
        finder = app.screen
        assert isinstance(finder, SpeakerFinder)
        chosen = finder.results.highlighted_option.id
        for size in [(40, 12), (250, 70)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert finder.results.highlighted_option.id == chosen
        await pilot.press("enter", "j")
        await pilot.pause()
        page = app.screen
        assert isinstance(page, SpeakerPage)
        current = page.current
        for size in [(40, 12), (80, 24)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert page.current == current


async def test_backslash_hides_the_list_at_any_width_and_escape_brings_it_back(app):
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        width = pane(app).region.width
        await pilot.press("backslash")
        await pilot.pause()
        assert not sidebar_shown(app) and pane(app).region.width > width
        assert app.focused is pane(app)
        await pilot.press("escape")
        await pilot.pause()
        assert sidebar_shown(app) and pane(app).region.width == width
