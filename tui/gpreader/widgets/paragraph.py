"""One paragraph of an article: selectable text with its quotes marked."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Static

from gpreader.widgets.quote_marks import QUOTE_META, SENTENCE_KEY, Mark, mark_paragraph


class Paragraph(Static):
    """A paragraph rendered from plain text (never markup); clicking a quote selects it."""

    class QuoteClicked(Message):
        """A quote in this paragraph was clicked."""

        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number

    def __init__(self, text: str, marks: list[Mark], selected: int | None = None, **kwargs) -> None:
        self.text = text
        self.marks = marks
        self.selected = selected
        self.sentence: tuple[int, int] | None = None  # (start, end) of a marked sentence
        content, self.starts = mark_paragraph(text, marks, selected)
        super().__init__(content, **kwargs)

    @property
    def numbers(self) -> set[int]:
        """The quotations that have a part in this paragraph."""
        return {mark.number for mark in self.marks}

    def select(self, number: int | None) -> None:
        """Redraw with *number* selected (if that changes anything here)."""
        if number == self.selected:
            return
        before, self.selected = self.selected, number
        if before in self.numbers or number in self.numbers:
            content, self.starts = mark_paragraph(self.text, self.marks, number, self.sentence)
            self.update(content)

    def mark_sentence(self, span: tuple[int, int] | None) -> None:
        """Underline the sentence text[start:end] (None: no sentence); see quote_marks."""
        if span == self.sentence:
            return
        self.sentence = span
        content, self.starts = mark_paragraph(self.text, self.marks, self.selected, span)
        self.update(content)

    def line_of_sentence(self) -> int:
        """The line (0-based, as wrapped now) on which the marked sentence starts."""
        return self._line_at(self.starts.get(SENTENCE_KEY, 0))

    def line_of(self, number: int) -> int:
        """The line (0-based, as wrapped now) on which quotation *number* starts here."""
        return self._line_at(self.starts.get(number, 0))

    def _line_at(self, start: int) -> int:
        width = self.content_region.width
        if width <= 0 or start == 0:
            return 0
        content, _ = mark_paragraph(self.text, self.marks, self.selected, self.sentence)
        position = 0
        for line_number, line in enumerate(content.wrap(width)):
            found = content.plain.find(line.plain.strip(), position)
            if found < 0:
                return 0
            position = found + len(line.plain.strip())
            if start < position:
                return line_number
        return 0

    def on_click(self, event: events.Click) -> None:
        number = event.style.meta.get(QUOTE_META)
        if isinstance(number, int):
            event.stop()
            self.post_message(self.QuoteClicked(number))
