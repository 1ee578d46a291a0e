"""One cell of the compare view: the proposals of one theme in one year.

A cell shows at most SHOWN proposals at a time, with how many more there are above and
below: a 10,000-article archive has thousands of proposals in a cell, and a widget for each
would take over a minute to mount. The window follows the selected proposal. The cell is one
widget that draws its window itself.

Article text is data: every line is built as ``Content`` from plain strings, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from gpreader.corpus.proposals import Proposal
from gpreader.safe_text import one_line

EMPTY = "—"
UNATTRIBUTED = "unattributed"
SHOWN = 4  # proposals drawn in a cell at once


def more_content(count: int, where: str) -> Content:
    return Content.styled(f"{'↑' if where == 'above' else '↓'} {count:,} more {where}", "dim")


def item_content(proposal: Proposal, theme_id: str, dim: bool = True) -> Content:
    """The short form (in “ ” when quoted), then, dim (unless *dim* is False: a selected one,
    reversed as one block), who proposed it and where and when."""
    short = one_line(proposal.short_for(theme_id))
    if proposal.quoted:
        short = f"“{short}”"
    who = one_line(proposal.proponent) if proposal.proponent else UNATTRIBUTED
    source = Content.styled(f"— {who} · {one_line(proposal.source())}", "dim" if dim else "")
    return Content("\n").join([Content(short), source])


class CompareCell(Widget, can_focus=True):
    """The proposals of theme *theme_id* in *year*, or "—"; focused when it is the current cell.

    One widget draws its window of proposals (each its short form, then who and where, a
    blank line between; the selected one reversed as a block): a table of 144 cells is then
    144 widgets, not a thousand, which is what a key in the table and opening it cost.
    """

    class Focused(Message):
        def __init__(self, cell: "CompareCell") -> None:
            super().__init__()
            self.cell = cell

    class Clicked(Message):
        """Proposal *index* of *cell* was clicked."""

        def __init__(self, cell: "CompareCell", index: int) -> None:
            super().__init__()
            self.cell = cell
            self.index = index

    def __init__(self, theme_id: str, year: int, proposals: Sequence[Proposal], row: int, column: int) -> None:
        super().__init__(classes="compare-cell")
        self.theme_id = theme_id
        self.year = year
        self.proposals = proposals
        self.row = row
        self.column = column
        self.first = 0  # the first proposal drawn
        self.selected: int | None = None
        self._items: dict[int, Content] = {}  # proposal index -> its two parts, for the window drawn
        self._laid: tuple[int, list[Content], dict[int, tuple[int, int]]] | None = None  # width, lines, spans

    # -- what is drawn ---------------------------------------------------------------------
    @property
    def shown(self) -> list[int]:
        """The indexes of the proposals drawn now (a window of at most SHOWN)."""
        return list(range(self.first, min(len(self.proposals), self.first + SHOWN)))

    def _hidden(self) -> tuple[int, int]:
        """How many proposals lie above and below the window."""
        shown = self.shown
        if not shown:
            return 0, 0
        return shown[0], len(self.proposals) - 1 - shown[-1]

    def more(self) -> list[str]:
        """The lines that say how many proposals lie above and below the window."""
        above, below = self._hidden()
        return [more_content(n, where).plain for n, where in ((above, "above"), (below, "below")) if n]

    def _item(self, index: int) -> Content:
        if index == self.selected:
            return item_content(self.proposals[index], self.theme_id, dim=False)
        item = self._items.get(index)
        if item is None:
            item = self._items[index] = item_content(self.proposals[index], self.theme_id)
        return item

    def _layout(self, width: int) -> tuple[list[Content], dict[int, tuple[int, int]]]:
        """The lines at *width*, and each drawn proposal's (first line, line count)."""
        laid = self._laid
        if laid is not None and laid[0] == width:
            return laid[1], laid[2]
        width = max(1, width)
        lines: list[Content] = []
        spans: dict[int, tuple[int, int]] = {}
        if not self.proposals:
            lines.append(Content.styled(EMPTY, "dim"))
        above, below = self._hidden()
        if above:
            lines += [more_content(above, "above"), Content("")]
        for index in self.shown:
            wrapped = self._item(index).wrap(width)
            if index == self.selected:  # reversed, as a block
                wrapped = [line.extend_right(width - line.cell_length).stylize("reverse") for line in wrapped]
            spans[index] = (len(lines), len(wrapped))
            lines += [*wrapped, Content("")]
        if below:
            lines += [more_content(below, "below"), Content("")]
        self._laid = (width, lines, spans)
        return lines, spans

    def render(self) -> Content:
        lines, _ = self._layout(self.content_region.width)
        return Content("\n").join(lines)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._layout(width)[0])

    def item_span(self, index: int) -> tuple[int, int] | None:
        """The first line of proposal *index* in the cell and its number of lines (None: not drawn)."""
        return self._layout(self.content_region.width)[1].get(index)

    # -- the selection ---------------------------------------------------------------------
    def show_selection(self, index: int | None) -> None:
        """Reverse the proposal *index* (None: none), moving the window to it if need be."""
        if index == self.selected and (index is None or self.first <= index < self.first + SHOWN):
            return
        moved = index is not None and not self.first <= index < self.first + SHOWN
        if moved:
            self.first = max(0, min(index - SHOWN // 2, len(self.proposals) - SHOWN))
            self._items = {i: c for i, c in self._items.items() if self.first <= i < self.first + SHOWN}
        self.selected = index
        self._laid = None
        self.refresh(layout=moved)  # the same lines, unless the window moved

    # -- events ----------------------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        event.stop()
        y = event.y - self.styles.gutter.top
        for index, (top, height) in self._layout(self.content_region.width)[1].items():
            if top <= y < top + height:
                self.post_message(self.Clicked(self, index))
                return

    def on_focus(self, event: events.Focus) -> None:
        self.post_message(self.Focused(self))
