"""The title line at the top of every screen: what is open, kept up to date."""

from __future__ import annotations

from textual.command import CommandPalette
from tui_helpers import notified, screen_text

SIZE = (120, 36)


def top_line(app) -> str:
    return screen_text(app).splitlines()[0]


async def test_the_top_line_shows_the_corpus_and_follows_the_clippings_count(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "gpreader — 3 articles · 6 speakers · 0 clippings" in top_line(app)
        await pilot.press("n", "n", "a")  # clip the selected quote
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "clip" in notified(app).lower()
        assert "gpreader — 3 articles · 6 speakers · 1 clipping" in top_line(app)


async def test_the_title_is_centred_and_cut_with_an_ellipsis_when_narrow(app):
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        line = top_line(app)
        assert len(line) == 60
        assert line.startswith(" ⭘")
        assert line.rstrip().endswith("…")  # "… 0 clippings" does not fit in 42 cells
        assert line.endswith(" " * 10)


async def test_a_screen_with_its_own_sub_title_shows_it(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", *"gerada", "enter")
        await pilot.pause()
        assert "gpreader — Professor Clare Gerada" in top_line(app)


async def test_a_click_on_the_icon_opens_the_command_palette(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click(offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
