"""The last line of defence: no control character reaches the terminal from any widget.

Widgets show article-derived text through ``safe_text.printable`` (controls become visible
pictures). This filter runs on every rendered line afterwards and drops whatever a widget
let through (ESC, C1, bidi and zero-width characters, lone surrogates), so a widget that
forgot — one written later, say — still cannot write an escape sequence to the terminal.
The dropped characters take no cell (a lone surrogate becomes U+FFFD, one cell, as it
was measured), so the layout is unchanged.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from gpreader.safe_text import has_unsafe, strip_unsafe


class ControlCharacterFilter(LineFilter):
    """Removes unsafe characters from the text of each rendered segment."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(has_unsafe(segment.text) for segment in segments if not segment.control):
            return segments
        cleaned: list[Segment] = []
        for text, style, control in segments:
            if not control:
                text = strip_unsafe(text)
                if not text:
                    continue
            cleaned.append(Segment(text, style, control))
        return cleaned


class FilterChain(LineFilter):
    """Several line filters applied as one, in order: Textual makes a new strip for each
    filter it applies to each line, so one filter instead of two halves that work."""

    def __init__(self, filters: list[LineFilter]) -> None:
        super().__init__()
        self.filters = filters

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        for line_filter in self.filters:
            segments = line_filter.apply(segments, background)
        return segments
