"""On a large corpus the compare table is built in a thread: the view says so, then shows
the same table, and the years chosen last are the ones shown."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from tui_helpers import notified, screen_text

from gpreader.screens import compare_screen
from gpreader.screens.compare_screen import CompareScreen

SIZE = (120, 40)


@pytest.fixture(autouse=True)
def every_corpus_is_large(monkeypatch):
    monkeypatch.setattr(compare_screen, "THREAD_MIN_ARTICLES", 0)


async def built(app, pilot) -> CompareScreen:
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    return screen


async def test_the_table_built_in_a_thread_is_the_table(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        screen = await built(app, pilot)
        assert screen.table.columns == [2013, 2014, 2024]
        text = screen_text(app)
        assert "2013 · 2 proposals" in text and "2014 · 4 proposals" in text
        assert "Years: 2013, 2014, 2024" in text
        assert screen.grid.current is not None


async def test_the_bar_says_the_table_is_being_built(app, monkeypatch):
    started = []
    monkeypatch.setattr(CompareScreen, "_build_in_thread", lambda self, *a: started.append(a))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert started
        assert "Building the compare view for 3 articles…" in screen_text(app)


async def test_the_years_chosen_last_win_over_tables_still_being_built(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await pilot.press("2", "2", "1")  # each starts a build; only the last may be shown
        screen = await built(app, pilot)
        assert screen.table.columns == [2014, 2024]
        assert "Years: 2014, 2024" in screen_text(app)


async def test_a_table_that_cannot_be_built_is_one_line_and_the_view_stays(app, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("no table [b]today[/b]")

    monkeypatch.setattr(compare_screen, "build_compare", broken)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        screen = await built(app, pilot)
        assert "The compare view could not be built: RuntimeError: no table [b]today[/b]" in notified(app)
        assert "Building" not in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main_screen



async def test_a_full_cell_draws_a_window_that_follows_the_cursor():
    from gpreader.app import GPReaderApp
    from gpreader.corpus import load_corpus
    from gpreader.resources import bundled_seeds
    from gpreader.widgets.compare_cell import SHOWN, CompareCell

    app = GPReaderApp(load_corpus(bundled_seeds()))
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("v")
        screen = await built(app, pilot)
        grid = screen.grid
        cell = max(grid.query(CompareCell), key=lambda c: len(c.proposals))
        total = len(cell.proposals)
        assert total > SHOWN + 1
        assert cell.shown == list(range(SHOWN))
        grid.move_to(cell.row, cell.column, 0)
        await pilot.pause()
        assert cell.more() == [f"↓ {total - SHOWN} more below"]
        grid.move_to(cell.row, cell.column, total - 1)  # the last: the window follows
        await pilot.pause()
        await pilot.pause()
        cell = grid.current_cell
        assert cell.shown == list(range(total - SHOWN, total)) and cell.selected == total - 1
        assert grid.current is cell.proposals[-1]
        assert cell.more() == [f"↑ {total - SHOWN} more above"]
        top, height = cell.item_span(total - 1)  # the selected proposal is in view
        assert grid.region.contains_region(Region(cell.region.x, cell.region.y + top, cell.region.width, height))
        top, height = cell.item_span(total - 2)  # a click on the last line of the one before the last
        await pilot.click(cell, offset=(3, top + height - 1))
        await pilot.pause()
        assert grid.current is cell.proposals[total - 2] and cell.selected == total - 2
        assert cell.render().plain.startswith(f"↑ {total - SHOWN} more above")
