"""Build the Content of one paragraph with its quotes marked.

The article text is data: it goes into ``Content`` as plain text, never parsed as markup.
Attributed quotes are drawn in their speaker's colour and carry a "— Name" label (the
first quote of a run by one speaker in the paragraph), so colour is never the only
clue; unattributed quotes are dim italic; the selected quotation is reversed.
A marked *sentence* (a proposal opened from the compare view) is underlined and bold.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.color import Color
from textual.content import Content
from textual.style import Style

from gpreader.safe_text import one_line, printable

QUOTE_META = "gpreader_quote"  # meta key carrying the quotation number, for clicks
OPENING_MARKS = "‘“'\""
CLOSING_MARKS = "’”'\""
LABEL_DASH = "\u2014"
SENTENCE_KEY = -1  # in the starts of mark_paragraph: where the marked sentence starts
SENTENCE_STYLE = Style(underline=True, bold=True)


@dataclass(frozen=True)
class Mark:
    """One quote (part) in a paragraph: offsets into the paragraph's text."""

    start: int
    end: int
    number: int  # which quotation of the article it belongs to
    speaker: str | None
    colour: str | None = None
    label: bool = False


def label_text(speaker: str) -> str:
    return f" {LABEL_DASH} {speaker}"


def quote_style(mark: Mark, selected: bool) -> Style:
    meta = Style.from_meta({QUOTE_META: mark.number})
    if mark.speaker and mark.colour:
        style = Style(foreground=Color.parse(mark.colour))
    else:
        style = Style(dim=True, italic=True)
    if selected:
        style = style + Style(reverse=True, bold=True, dim=False)
    return style + meta


def label_style(mark: Mark, selected: bool) -> Style:
    style = Style(foreground=Color.parse(mark.colour), italic=True) if mark.colour else Style(italic=True)
    style = style + (Style(bold=True) if selected else Style(dim=True))
    return style + Style.from_meta({QUOTE_META: mark.number})


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Include the quotation marks around a quote in its highlight."""
    if start > 0 and text[start - 1] in OPENING_MARKS:
        start -= 1
    if end < len(text) and text[end] in CLOSING_MARKS:
        end += 1
    return start, end


def mark_paragraph(
    text: str, marks: list[Mark], selected: int | None, sentence: tuple[int, int] | None = None
) -> tuple[Content, dict[int, int]]:
    """(content, where each quotation starts in the content) for one paragraph.

    Each stretch of text is made printable separately (``safe_text``), so the quote
    offsets into *text* stay right whatever the text holds.
    """
    pieces: list[Content] = []
    starts: dict[int, int] = {}
    position = 0  # in text
    length = 0  # of the content so far

    def add(piece: str, style: Style | None = None) -> None:
        nonlocal length
        shown = printable(piece)
        pieces.append(Content(shown) if style is None else Content.styled(shown, style))
        length += len(shown)

    def add_text(a: int, b: int, style: Style | None = None) -> None:
        """text[a:b]; the part inside *sentence* is also underlined and bold."""
        if sentence is None or b <= sentence[0] or a >= sentence[1]:
            add(text[a:b], style)
            return
        s, e = max(a, sentence[0]), min(b, sentence[1])
        if s > a:
            add(text[a:s], style)
        starts.setdefault(SENTENCE_KEY, length)
        add(text[s:e], SENTENCE_STYLE if style is None else style + SENTENCE_STYLE)
        if e < b:
            add(text[e:b], style)

    for mark in sorted(marks, key=lambda m: m.start):
        start, end = _widen(text, max(mark.start, position), mark.end)
        if start > position:
            add_text(position, start)
        is_selected = mark.number == selected
        starts.setdefault(mark.number, length)
        add_text(start, end, quote_style(mark, is_selected))
        if mark.label and mark.speaker:
            add(label_text(one_line(mark.speaker)), label_style(mark, is_selected))
        position = end
    if position < len(text):
        add_text(position, len(text))
    return Content("").join(pieces), starts


def label_runs(marks: list[Mark]) -> list[Mark]:
    """Set ``label`` on the first mark of each run of one speaker in a paragraph."""
    labelled: list[Mark] = []
    previous: str | None = None
    for mark in sorted(marks, key=lambda m: m.start):
        wants = bool(mark.speaker) and mark.speaker != previous
        labelled.append(Mark(mark.start, mark.end, mark.number, mark.speaker, mark.colour, wants))
        if mark.speaker:
            previous = mark.speaker
    return labelled
