"""The footer line: the screen's keys, drawn as one line of text.

Textual's ``Footer`` builds a widget for every key and rebuilds them all whenever the
bindings change (each focus change): on the main screen that was most of the time to
first paint. This is one widget with one line; a click on a key presses it.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.style import Style
from textual.widget import Widget


class KeyHints(Widget, can_focus=False):
    """Shown keys of the screen's active bindings, in the screen's order: `n quote  c copy …`."""

    COMPONENT_CLASSES = {"key-hints--key", "key-hints--description"}
    ALLOW_SELECT = False

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._spans: list[tuple[int, int, str]] = []  # (first cell, end cell, key) as drawn

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen) -> None:
        self.refresh()

    def render(self) -> Content:
        key_style = self.get_visual_style("key-hints--key")
        description_style = self.get_visual_style("key-hints--description")
        pieces: list[Content] = []
        spans: list[tuple[int, int, str]] = []
        x = 0
        shown: set[str] = set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in shown:
                continue
            shown.add(binding.action)
            dim = Style(dim=True) if not enabled else Style()
            piece = Content.styled(self.app.get_key_display(binding), key_style + dim) + Content.styled(
                f" {binding.description}", description_style + dim
            )
            pieces.append(piece)
            spans.append((x, x + piece.cell_length, binding.key))
            x += piece.cell_length + 1
        self._spans = spans
        return Content(" ").join(pieces)

    def on_click(self, event: events.Click) -> None:
        """A click on a key presses it (no action lives in the drawn text)."""
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
