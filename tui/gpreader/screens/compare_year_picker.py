"""Choose the years of the compare view: a checklist of the corpus's years."""

from __future__ import annotations

from textual import events
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from gpreader import keys
from gpreader.counts import plural

HINT = "space or 1-9 tick a year · a all · enter applies · esc cancels"


class YearList(SelectionList[int]):
    BINDINGS = keys.YEAR_LIST


class YearPicker(ModalScreen[list[int] | None]):
    """Dismissed with the ticked years (oldest first), or None when cancelled."""

    BINDINGS = keys.YEAR_PICKER

    def __init__(self, years: list[int], chosen: list[int], counts: dict[int, int] | None = None) -> None:
        super().__init__()
        self.years = list(years)
        self.chosen = set(chosen)
        self.counts = counts or {}
        self._digit: int | None = None

    def compose(self):
        with Vertical(id="year-picker"):
            yield Static(Content("Years to compare"), id="year-picker-title")
            selections = []
            for n, year in enumerate(self.years, 1):
                count = self.counts.get(year)
                label = f"{n}  {year}" if n <= 9 else f"   {year}"
                if count is not None:
                    label += f"  ({plural(count, 'article')})"
                selections.append(Selection(Content(label), year, year in self.chosen))
            yield YearList(*selections, id="year-list")
            yield Static(Content(HINT), id="year-picker-hint")

    def on_mount(self) -> None:
        self.query_one(YearList).focus()

    @property
    def ticked(self) -> list[int]:
        return sorted(self.query_one(YearList).selected)

    def on_key(self, event: events.Key) -> None:
        """Remember which digit was pressed, for action_toggle_nth (bound to 1-9)."""
        self._digit = int(event.character) if event.character and event.character in "123456789" else None

    def action_toggle_nth(self) -> None:
        if self._digit is not None and self._digit <= len(self.years):
            self.query_one(YearList).toggle(self.years[self._digit - 1])

    def action_all(self) -> None:
        self.query_one(YearList).select_all()

    def action_apply(self) -> None:
        ticked = self.ticked
        if not ticked:
            self.notify("Tick at least one year (space ticks the highlighted one).", severity="warning")
            return
        self.dismiss(ticked)

    def action_cancel(self) -> None:
        self.dismiss(None)
