"""Keep the same text at the top of a scrolling column when its width changes.

When a terminal is resized, paragraphs re-wrap and the old scroll offset (in lines) now
points at other text. An ``Anchor`` notes which child was at the top, and how far into
it, while the layout is still the old one; ``restore`` scrolls back to the same place in
the new layout.
"""

from __future__ import annotations

from typing import NamedTuple

from textual.containers import ScrollableContainer
from textual.widget import Widget


class Anchor(NamedTuple):  # a tuple: lighter to make at start-up than a frozen dataclass
    child: Widget  # the child at the top of the view
    fraction: float  # how far into the child the top of the view was, 0 to 1
    extra: object = None  # anything the owner wants to remember with it


def take_anchor(container: ScrollableContainer, extra: object = None) -> Anchor | None:
    """Where the view of *container* starts now; None when it shows nothing."""
    top = container.scroll_y
    for child in container.children:
        region = child.virtual_region_with_margin
        if child.display and region.height and region.bottom > top:
            fraction = max(0.0, (top - region.y) / region.height)
            return Anchor(child, fraction, extra)
    return None


def restore(container: ScrollableContainer, anchor: Anchor) -> bool:
    """Scroll *container* so that *anchor* is at the top again. False if it could not
    get there: the anchor has gone, or everything fits and the view cannot scroll that far."""
    if anchor.child.parent is not container:
        return False
    region = anchor.child.virtual_region_with_margin
    y = region.y + round(anchor.fraction * region.height)
    container.scroll_to(y=y, animate=False, immediate=True)
    return y <= container.max_scroll_y
