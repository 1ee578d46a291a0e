"""The app the SVG snapshots are taken of: the fixture corpus, no blinking cursor."""

from __future__ import annotations

from tui_fixture_corpus import build_corpus
from textual.widgets import Input

from gpreader.app import GPReaderApp


class SnapshotApp(GPReaderApp):
    """GPReaderApp on the fixture corpus, with steady cursors so screenshots are stable."""

    def __init__(self) -> None:
        super().__init__(build_corpus())

    def on_descendant_mount(self, event) -> None:
        if isinstance(event.widget, Input):
            event.widget.cursor_blink = False


app = SnapshotApp  # for `textual run tests/app/tui_snapshot_app.py:app` when looking by eye
