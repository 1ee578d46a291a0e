"""One cell of the compare view: the proposals of one theme in one year.

A cell shows at most SHOWN proposals at a time, with how many more there are above and
below: a 10,000-article archive has thousands of proposals in a cell, and a widget for each
would take over a minute to mount. The window follows the selected proposal.

Article text is data: every line is built as ``Content`` from plain strings, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.containers import VerticalGroup
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from gpreader.corpus.proposals import Proposal
from gpreader.safe_text import one_line

EMPTY = "—"
UNATTRIBUTED = "unattributed"
SHOWN = 4  # proposals drawn in a cell at once


def more_content(count: int, where: str) -> Content:
    return Content.styled(f"{'↑' if where == 'above' else '↓'} {count:,} more {where}", "dim")


def item_content(proposal: Proposal, theme_id: str) -> Content:
    """The short form (in “ ” when quoted), then, dim, who proposed it and where and when."""
    short = one_line(proposal.short_for(theme_id))
    if proposal.quoted:
        short = f"“{short}”"
    who = one_line(proposal.proponent) if proposal.proponent else UNATTRIBUTED
    source = Content.styled(f"— {who} · {one_line(proposal.source())}", "dim")
    return Content("\n").join([Content(short), source])


class ProposalItem(Static):
    """One proposal in a cell; clicking it selects it."""

    class Clicked(Message):
        def __init__(self, item: "ProposalItem") -> None:
            super().__init__()
            self.item = item

    def __init__(self, proposal: Proposal, theme_id: str, index: int) -> None:
        super().__init__(item_content(proposal, theme_id), classes="compare-item")
        self.proposal = proposal
        self.index = index

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked(self))


class CompareCell(VerticalGroup, can_focus=True):
    """The proposals of theme *theme_id* in *year*, or "—"; focused when it is the current cell."""

    class Focused(Message):
        def __init__(self, cell: "CompareCell") -> None:
            super().__init__()
            self.cell = cell

    def __init__(self, theme_id: str, year: int, proposals: Sequence[Proposal], row: int, column: int) -> None:
        super().__init__(classes="compare-cell")
        self.theme_id = theme_id
        self.year = year
        self.proposals = proposals
        self.row = row
        self.column = column
        self.first = 0  # the first proposal drawn
        self.selected: int | None = None

    def compose(self):
        if not self.proposals:
            yield Static(Content(EMPTY), classes="compare-empty")
        last = min(len(self.proposals), self.first + SHOWN)
        if self.first > 0:
            yield Static(more_content(self.first, "above"), classes="compare-more")
        for index in range(self.first, last):
            item = ProposalItem(self.proposals[index], self.theme_id, index)
            item.set_class(index == self.selected, "-selected")
            yield item
        if last < len(self.proposals):
            yield Static(more_content(len(self.proposals) - last, "below"), classes="compare-more")

    @property
    def items(self) -> list[ProposalItem]:
        """The proposals drawn now (a window of at most SHOWN)."""
        return list(self.query_children(ProposalItem))

    def item(self, index: int) -> ProposalItem | None:
        """The drawn item of proposal *index*, None if it is not drawn."""
        return next((item for item in self.items if item.index == index), None)

    def show_selection(self, index: int | None) -> None:
        """Reverse the proposal *index* (None: none), moving the window to it if need be."""
        self.selected = index
        if index is not None and not self.first <= index < self.first + SHOWN:
            self.first = max(0, min(index - SHOWN // 2, len(self.proposals) - SHOWN))
            self.refresh(recompose=True)
            return
        for item in self.items:
            item.set_class(item.index == index, "-selected")

    def on_focus(self, event: events.Focus) -> None:
        self.post_message(self.Focused(self))
