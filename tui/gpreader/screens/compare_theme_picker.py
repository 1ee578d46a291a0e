"""Choose one theme for the compare view, or all of them."""

from __future__ import annotations

from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from gpreader import keys
from gpreader.corpus.themes import Theme
from gpreader.safe_text import one_line

ALL_THEMES = "All themes"
ALL_ID = "-all-"  # theme ids start with a letter or digit, so this is never one


class ThemeOptions(OptionList):
    BINDINGS = keys.THEME_OPTIONS


class ThemePicker(ModalScreen[str | None]):
    """Dismissed with a theme id, "" for all themes, or None when cancelled."""

    BINDINGS = keys.THEME_PICKER

    def __init__(self, themes: list[Theme], current: str | None, counts: dict[str, int] | None = None) -> None:
        super().__init__()
        self.themes = list(themes)
        self.current = current
        self.counts = counts or {}

    def compose(self):
        with Vertical(id="theme-picker"):
            yield Static(Content("Show one theme"), id="theme-picker-title")
            options = [Option(Content(ALL_THEMES), id=ALL_ID)]
            for theme in self.themes:
                label = Content(one_line(theme.label))
                if theme.id in self.counts:
                    label = Content.assemble(label, Content.styled(f"  {self.counts[theme.id]:,}", "dim"))
                options.append(Option(label, id=theme.id))
            yield ThemeOptions(*options, id="theme-options")

    def on_mount(self) -> None:
        options = self.query_one(ThemeOptions)
        ids = [ALL_ID] + [t.id for t in self.themes]
        options.highlighted = ids.index(self.current) if self.current in ids else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss("" if event.option.id == ALL_ID else event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
