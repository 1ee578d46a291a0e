"""Jump to speaker: a fuzzy finder over names, aliases and roles."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.color import Color
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.style import Style
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from gpreader import keys
from gpreader.counts import plural
from gpreader.safe_text import one_line
from gpreader.speaker_colours import colour_for
from gpreader.widgets.option_moves import move_highlight

if TYPE_CHECKING:  # rapidfuzz loads with the speaker index, not with this screen
    from gpreader.search import SpeakerHit, SpeakerIndex

LIMIT = 50


def hit_content(hit: SpeakerHit, dark: bool = True) -> Content:
    """Name, then quotes and years; the latest role below (and what matched, if else)."""
    facts = plural(hit.quote_count, "quote")
    if hit.years_label:
        facts += f" · {hit.years_label}"
    name_style = Style(foreground=Color.parse(colour_for(hit.name, dark)), bold=True)
    name = Content.styled(one_line(hit.display_name), name_style)
    lines = [Content("  ").join([name, Content.styled(facts, "dim")])]
    if hit.role:
        lines.append(Content.styled(one_line(hit.role), "italic"))
    if hit.matched:
        lines.append(Content.styled(f"matched: {one_line(hit.matched)}", "dim"))
    return Content("\n").join(lines)


class SpeakerFinder(ModalScreen[str | None]):
    """Type to find a speaker; enter returns the speaker's canonical name."""

    CSS_PATH = Path(__file__).parent / "finder.tcss"
    BINDINGS = keys.SPEAKER_FINDER

    def __init__(self, index: SpeakerIndex, query: str = "") -> None:
        super().__init__()
        self.index = index
        self.initial = query

    def compose(self):
        with Vertical(id="finder"):
            yield Static(Content("Jump to speaker"), id="finder-title")
            yield Input(value=self.initial, placeholder="name, alias or role", id="finder-input")
            yield OptionList(id="finder-results")
            yield Static(id="finder-count")

    def on_mount(self) -> None:
        self.refresh_results(self.initial)
        self.query_one(Input).focus()

    @property
    def results(self) -> OptionList:
        return self.query_one("#finder-results", OptionList)

    def refresh_results(self, query: str) -> None:
        hits = self.index.search(query, LIMIT)
        dark = self.app.current_theme.dark
        rows: list[Option | None] = []
        for hit in hits:
            rows += [Option(hit_content(hit, dark), id=hit.name), None]  # None: a divider
        self.results.set_options(rows[:-1])
        if hits:
            self.results.highlighted = 0
        total = len(self.index.entries)
        count = f"{len(hits)} of {total} speakers" if query.strip() else f"{total} speakers"
        self.query_one("#finder-count", Static).update(Content(count if hits else "No speaker matches."))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refresh_results(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_open()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_move(self, step: int) -> None:
        move_highlight(self.results, step)

    def action_open(self) -> None:
        option = self.results.highlighted_option
        if option is not None:
            self.dismiss(option.id)
        else:
            self.app.bell()

    def action_close(self) -> None:
        self.dismiss(None)
