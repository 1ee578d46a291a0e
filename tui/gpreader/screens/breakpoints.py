"""A screen's width and height breakpoint classes, worked out before its first layout.

Textual sets them on the screen's first ``Resize``, after the first frame is laid out and
drawn: every widget is then styled and drawn again. Set while the screen composes, from the
size the app already knows, the first layout is the right one and the resize changes nothing.
"""

from __future__ import annotations

from textual.app import App
from textual.geometry import Size

Breakpoints = list[tuple[int, str]]


def breakpoint_classes(app: App, size: Size) -> dict[str, bool]:
    """Each breakpoint class of *app* -> whether *size* puts it on (as Textual decides)."""
    horizontal: Breakpoints = list(app.HORIZONTAL_BREAKPOINTS or [])
    vertical: Breakpoints = list(app.VERTICAL_BREAKPOINTS or [])
    classes = {name: False for _, name in horizontal + vertical}
    for breakpoints, dimension in ((horizontal, size.width), (vertical, size.height)):
        for threshold, name in sorted(breakpoints, reverse=True):
            if dimension >= threshold:
                classes[name] = True
                break
    return classes
