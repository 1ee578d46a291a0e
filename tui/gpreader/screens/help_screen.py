"""Help: every key, grouped by screen, generated from the bindings themselves."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from gpreader import keys

KEY_WIDTH = 16


def section_content(title: str, rows: list[tuple[str, str]]) -> Content:
    lines = [Content.styled(title, "bold underline")]
    for shown, description in rows:
        lines.append(Content("").join([Content.styled(shown.ljust(KEY_WIDTH), "bold"), Content(description)]))
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """A scrollable list of every key binding; escape, ? or f1 closes it."""

    CSS_PATH = Path(__file__).parent / "help_screen.tcss"
    BINDINGS = keys.HELP_SCREEN

    def compose(self):
        with VerticalScroll(id="help"):
            yield Static(Content("gpreader keys"), id="help-title")
            for title, bindings in keys.HELP_SECTIONS:
                rows = keys.help_rows(bindings, self.app.get_key_display)
                yield Static(section_content(title, rows), classes="help-section")
            yield Static(section_content("Mouse and palette", keys.MOUSE_NOTES), classes="help-section")

    def on_mount(self) -> None:
        self.query_one("#help", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll_down(self) -> None:
        self.query_one("#help", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#help", VerticalScroll).scroll_up()
