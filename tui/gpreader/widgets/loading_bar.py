"""How far reading a folder has got: "Reading 3,412 of 10,000 articles" and a bar."""

from __future__ import annotations

from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import ProgressBar, Static


class LoadingBar(Horizontal):
    """One line above the footer while a folder is read; removed when it is done."""

    def __init__(self, done: int, total: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.done, self.total = done, total

    def compose(self):
        yield Static(self._label(), id="loading-label")
        yield ProgressBar(total=max(self.total, 1), show_eta=False, id="loading-progress")

    def on_mount(self) -> None:
        self.show(self.done, self.total)

    def _label(self) -> Content:
        """The count, as wide for every *done* of one *total*: it is redrawn in place,
        without laying the screen out again (ten times a second while a folder is read)."""
        of = f"{self.total:,}"
        return Content(f"Reading {self.done:>{len(of)},} of {of} articles")

    def show(self, done: int, total: int) -> None:
        same_width = total == self.total
        self.done, self.total = done, total
        if self.children:  # composed (on_mount shows what arrived before)
            self.query_one("#loading-label", Static).update(self._label(), layout=not same_width)
            self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
