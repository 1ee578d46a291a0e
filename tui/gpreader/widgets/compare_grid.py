"""The compare table as widgets: per theme, its title, a row of year cells, and a dim line
saying what changed. Scrolls both ways (each year column is at least MIN_COLUMN cells wide)
and keeps a cursor: the current theme (row), year (column) and proposal in that cell.

Theme labels and signal words come from a themes file and article text: Content only.
"""

from __future__ import annotations

from textual.containers import HorizontalGroup, ScrollableContainer
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.widgets import Static

from gpreader import keys
from gpreader.corpus.compare import CompareTable
from gpreader.corpus.proposals import Proposal
from gpreader.corpus.themes import Theme
from gpreader.counts import plural
from gpreader.safe_text import one_line
from gpreader.widgets.compare_cell import CompareCell

MIN_COLUMN = 30


def theme_title(theme: Theme, count: int) -> Content:
    """'Label  3 proposals' — the label bold, the count dim."""
    return Content.assemble(
        Content.styled(one_line(theme.label), "bold"),
        Content.styled(f"  {plural(count, 'proposal')}", "dim"),
    )


def changes_line(summary: str) -> Content:
    return Content.styled(one_line(f"What changed: {summary}"), "dim")


class CompareGrid(ScrollableContainer, can_focus=False):
    """The table; the focused cell is the current one. Posts Moved and Placed."""

    BINDINGS = keys.COMPARE_GRID

    class Moved(Message):
        """The cursor moved: *proposal* is None in an empty cell."""

        def __init__(self, theme: Theme, year: int, proposal: Proposal | None, index: int, count: int) -> None:
            super().__init__()
            self.theme = theme
            self.year = year
            self.proposal = proposal
            self.index = index  # 0-based place of the proposal in its cell
            self.count = count  # proposals in the cell

    class Placed(Message):
        """Where the year columns are, as (x, width) in the grid, and how far it is scrolled."""

        def __init__(self, spans: list[tuple[int, int]], scroll_x: int) -> None:
            super().__init__()
            self.spans = spans
            self.scroll_x = scroll_x

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.table: CompareTable | None = None
        self.row = 0
        self.column = 0
        self.memory: dict[tuple[str, int], int] = {}  # (theme id, year) -> proposal index
        self._shown: CompareCell | None = None
        # kept from show_table: a query over a thousand widgets at each key costs a frame
        self._cells: dict[tuple[int, int], CompareCell] = {}  # (row, column) -> cell
        self._lines: list[Static] = []  # per row: its title, then its line of what changed

    # -- building -------------------------------------------------------------------------
    async def show_table(self, table: CompareTable, keep: tuple[str, int] | None = None) -> None:
        """Show *table*; the cursor goes to (theme id, year) *keep* or the nearest cell."""
        self.table = table
        self._shown = None
        n = len(table.columns)
        widgets = []
        self._cells, self._lines = {}, []
        for r, theme in enumerate(table.rows if table.columns else []):
            cells = [CompareCell(theme.id, year, table.cell(theme.id, year), r, c) for c, year in enumerate(table.columns)]
            self._cells.update(((r, c), cell) for c, cell in enumerate(cells))
            count = sum(len(cell.proposals) for cell in cells)
            title = Static(theme_title(theme, count), classes="compare-theme")
            changes = Static(changes_line(table.changes[theme.id].summary()), classes="compare-changes")
            self._lines += (title, changes)
            row = HorizontalGroup(*cells, classes="compare-row")
            row.styles.min_width = n * MIN_COLUMN
            widgets += (title, row, changes)
        if not widgets:
            why = "no dated articles" if not table.columns else "no themes"
            widgets.append(Static(Content(f"Nothing to compare: {why}."), classes="compare-none"))
        with self.app.batch_update():
            await self.remove_children()
            await self.mount_all(widgets)
        self.row, self.column = self._place(table, keep)
        self.call_after_refresh(self._after_layout)

    def _place(self, table: CompareTable, keep: tuple[str, int] | None) -> tuple[int, int]:
        if keep is None or not table.rows or not table.columns:
            return 0, 0
        theme_id, year = keep
        ids = [t.id for t in table.rows]
        row = ids.index(theme_id) if theme_id in ids else 0
        column = min(range(len(table.columns)), key=lambda c: (abs(table.columns[c] - year), c))
        return row, column

    def _after_layout(self) -> None:
        self._pin_lines()
        self._post_placed()
        self.show_cursor()

    # -- the cursor -----------------------------------------------------------------------
    def cell_at(self, row: int, column: int) -> CompareCell | None:
        return self._cells.get((row, column))

    @property
    def current_cell(self) -> CompareCell | None:
        return self.cell_at(self.row, self.column)

    @property
    def current(self) -> Proposal | None:
        """The proposal under the cursor (None in an empty cell)."""
        cell = self.current_cell
        if cell is None or not cell.proposals:
            return None
        return cell.proposals[self._index(cell)]

    def _index(self, cell: CompareCell) -> int:
        return min(self.memory.get((cell.theme_id, cell.year), 0), max(0, len(cell.proposals) - 1))

    def _rows(self) -> int:
        return len(self.table.rows) if self.table else 0

    def _columns(self) -> int:
        return len(self.table.columns) if self.table else 0

    def show_cursor(self, scroll: bool = True) -> None:
        """Reverse the current proposal, focus its cell, scroll it into view, post Moved."""
        cell = self.current_cell
        if cell is None or self.table is None:
            return
        if self._shown is not None and self._shown is not cell:
            self._shown.show_selection(None)
        self._shown = cell
        index = self._index(cell)
        cell.show_selection(index if cell.proposals else None)
        if not cell.has_focus:
            cell.focus(scroll_visible=False)
        if scroll:
            self._bring_into_view(cell, index)
        theme = self.table.rows[self.row]
        self.post_message(self.Moved(theme, cell.year, self.current, index, len(cell.proposals)))

    def _bring_into_view(self, cell: CompareCell, index: int) -> None:
        """Bring the proposal into view; with the first one the theme's title, with the last
        one the line of what changed (when they fit)."""
        title, changes = self._lines[2 * self.row : 2 * self.row + 2] or (None, None)
        if changes is not None and index >= len(cell.proposals) - 1:
            self._scroll_vertically(changes)
        if title is not None and index == 0:
            self._scroll_vertically(title)
        span = cell.item_span(index)
        if span is None or cell.parent is None:
            self.scroll_to_widget(cell, animate=False, immediate=True)
            return
        box = cell.virtual_region.translate(cell.parent.virtual_region.offset)  # in the grid: its row's place
        self.scroll_to_region(Region(box.x, box.y + span[0], box.width, span[1]), animate=False, immediate=True)

    def _scroll_vertically(self, widget: Static) -> None:
        region = widget.virtual_region
        self.scroll_to_region(Region(int(self.scroll_x), region.y, 1, region.height), animate=False, immediate=True)

    def move_to(self, row: int, column: int, index: int | None = None) -> None:
        if not self._rows() or not self._columns():
            return
        self.row = max(0, min(row, self._rows() - 1))
        self.column = max(0, min(column, self._columns() - 1))
        cell = self.current_cell
        if cell is not None and index is not None:
            self.memory[(cell.theme_id, cell.year)] = max(0, min(index, len(cell.proposals) - 1))
        self.show_cursor()

    def action_move_item(self, step: int) -> None:
        """The next (1) or previous (-1) proposal; past the end of a cell, the next theme."""
        cell = self.current_cell
        if cell is None:
            return
        index = self._index(cell) + step
        if 0 <= index < len(cell.proposals):
            self.move_to(self.row, self.column, index)
        elif 0 <= self.row + step < self._rows():
            below = self.cell_at(self.row + step, self.column)
            last = len(below.proposals) - 1 if below is not None else 0
            self.move_to(self.row + step, self.column, 0 if step > 0 else last)

    def action_move_column(self, step: int) -> None:
        self.move_to(self.row, self.column + step)

    def action_move_row(self, step: int) -> None:
        self.move_to(self.row + step, self.column, 0)

    def action_first_row(self) -> None:
        self.move_to(0, self.column, 0)

    def action_last_row(self) -> None:
        self.move_to(self._rows() - 1, self.column, 0)

    # -- messages -------------------------------------------------------------------------
    def on_compare_cell_focused(self, message: CompareCell.Focused) -> None:
        message.stop()
        cell = message.cell
        if (cell.row, cell.column) != (self.row, self.column):
            self.row, self.column = cell.row, cell.column
            self.show_cursor()

    def on_compare_cell_clicked(self, message: CompareCell.Clicked) -> None:
        message.stop()
        self.move_to(message.cell.row, message.cell.column, message.index)

    # -- layout: columns for the year header; title and change lines stay in view -----------
    def on_resize(self) -> None:
        self.call_after_refresh(self._after_resize)

    def _after_resize(self) -> None:
        cell = self.current_cell
        if cell is not None:  # the columns changed width: keep the cursor in view
            self._bring_into_view(cell, self._index(cell))
        self._pin_lines()
        self._post_placed()

    def watch_scroll_x(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_x(old_value, new_value)
        self._pin_lines()
        self._post_placed()

    def _pin_lines(self) -> None:
        """Titles and change lines are as wide as the view and move with it sideways."""
        x = round(self.scroll_x)
        for line in self._lines:
            if line.styles.offset.x.value != x:
                line.styles.offset = (x, 0)

    def _post_placed(self) -> None:
        spans = []
        for column in range(self._columns() if self._cells else 0):
            region = self._cells[(0, column)].virtual_region
            spans.append((region.x, region.width))
        self.post_message(self.Placed(spans, round(self.scroll_x)))
