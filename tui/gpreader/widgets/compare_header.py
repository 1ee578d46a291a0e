"""The compare view's column heads: each year with its number of proposals, kept above its
column as the table scrolls sideways; the current year is highlighted."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from gpreader.counts import plural


def heads_content(
    columns: list[int], counts: list[int], spans: list[tuple[int, int]], scroll_x: int, width: int, current: int
) -> Content:
    """One line: ' 2014 · 12 proposals' at each column's (x, width), cut to the view."""
    pieces: list[Content] = []
    at = 0
    for column, (year, count, (x, span)) in enumerate(zip(columns, counts, spans)):
        if x > at:
            pieces.append(Content(" " * (x - at)))
        label = f" {year} · {plural(count, 'proposal')}"
        label = label[:span].ljust(span)
        pieces.append(Content.styled(label, "bold reverse" if column == current else "bold"))
        at = x + span
    line = Content("").join(pieces)
    return line[scroll_x : scroll_x + max(0, width)]


class YearHeader(Static):
    """Column heads; ``place`` and ``mark`` redraw it."""

    def __init__(self, **kwargs) -> None:
        super().__init__(Content(""), **kwargs)
        self.columns: list[int] = []
        self.counts: list[int] = []
        self.spans: list[tuple[int, int]] = []
        self.shift = 0
        self.current = 0

    def set_columns(self, columns: list[int], counts: list[int]) -> None:
        self.columns, self.counts = list(columns), list(counts)
        self._redraw()

    def place(self, spans: list[tuple[int, int]], scroll_x: int) -> None:
        self.spans, self.shift = spans, scroll_x
        self._redraw()

    def mark(self, current: int) -> None:
        if current != self.current:
            self.current = current
            self._redraw()

    def on_resize(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        # one line whatever it says (height 1): no layout of the screen at each key
        if len(self.spans) != len(self.columns):
            self.update(Content("  ".join(str(y) for y in self.columns)), layout=False)
            return
        content = heads_content(self.columns, self.counts, self.spans, self.shift, self.size.width, self.current)
        self.update(content, layout=False)
