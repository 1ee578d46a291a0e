"""Edges: an empty folder, files that could not be read, theme changes, text selection."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import notified, screen_text, selected_text

from textual.color import Color

from gpreader.app import GPReaderApp
from gpreader.speaker_colours import LIGHT
from gpreader.corpus.model import Corpus, LoadProblem
from gpreader.widgets.paragraph import Paragraph

SIZE = (120, 40)


async def test_an_empty_folder_says_so_and_every_key_is_safe():
    app = GPReaderApp(Corpus(root=Path("/nowhere/articles")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "No articles found in /nowhere/articles." in text
        assert "No articles." in text
        await pilot.press("n", "N", "c", "a", "right_square_bracket", "left_square_bracket", "e", "tab", "space")
        await pilot.press("s", *"anyone", "enter", "escape")
        await pilot.pause()
        assert app.is_running
        assert app.screen is app.main_screen
        assert "No clippings yet" in notified(app)


async def test_files_that_could_not_be_read_are_named_one_line_each(corpus):
    corpus.problems = [
        LoadProblem(Path("/fixture/broken.txt"), "not UTF-8 text [bold]x[/bold]"),
        LoadProblem(Path("/fixture/empty.txt"), "no text", fatal=False),
    ]
    app = GPReaderApp(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = notified(app)
        assert "/fixture/broken.txt: not UTF-8 text [bold]x[/bold]" in shown
        assert "/fixture/empty.txt: no text" in shown
        assert "Merger of GP and community care" in screen_text(app)  # the rest keeps working


async def test_switching_to_a_light_theme_keeps_the_selection(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "n")
        before = selected_text(app)
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        assert selected_text(app) == before
        content = app.main_screen.query_one("#p0", Paragraph).render()
        colours = {span.style.foreground.hex for span in content.spans if getattr(span.style, "foreground", None)}
        assert colours and colours <= {Color.parse(c).hex for c in LIGHT}


async def test_text_selection_and_ctrl_c_still_copy_from_the_reading_pane(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        paragraph = app.main_screen.query_one("#p2", Paragraph)
        paragraph.text_select_all()
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert "[@click=app.quit]quit[/] and [bold red]x are words" in app.clipboard
        assert app.is_running
