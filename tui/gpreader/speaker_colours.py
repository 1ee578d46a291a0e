"""A stable, high-contrast colour per speaker; the name is always shown beside it.

The colour comes from a checksum of the name, so a speaker keeps it across runs and
corpora. Within one article, speakers that would share a colour are moved apart.
"""

from __future__ import annotations

import zlib

# Readable on dark backgrounds (the default theme) ...
DARK = ("#7cc7ff", "#ffb86c", "#8be28b", "#ff8fb1", "#d3a6ff", "#5fe0d0", "#ffe36e", "#ff8a65")
# ... and on light ones.
LIGHT = ("#0b5fa5", "#a64b00", "#1f7a1f", "#b0245a", "#6b3fa0", "#007a70", "#7a6400", "#b3261e")


def palette(dark: bool = True) -> tuple[str, ...]:
    return DARK if dark else LIGHT


def base_index(name: str) -> int:
    """The speaker's own slot in the palette."""
    return zlib.crc32(name.encode("utf-8")) % len(DARK)


def colour_for(name: str, dark: bool = True) -> str:
    """The speaker's stable colour."""
    return palette(dark)[base_index(name)]


def article_colours(names: list[str], dark: bool = True) -> dict[str, str]:
    """Colours for the speakers of one article, in order of first appearance.

    Each speaker keeps their stable colour unless an earlier speaker of the article
    already has it; then they take the next free one (while any is free).
    """
    colours = palette(dark)
    taken: set[int] = set()
    result: dict[str, str] = {}
    for name in names:
        if name in result:
            continue
        slot = base_index(name)
        for step in range(len(colours)):
            candidate = (slot + step) % len(colours)
            if candidate not in taken:
                slot = candidate
                break
        taken.add(slot)
        result[name] = colours[slot]
    return result
