"""The reading pane: an article's head, its paragraphs with quotes marked, reader comments."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region, Spacing
from textual.message import Message
from textual.widgets import Static

from gpreader import keys
from gpreader.safe_text import printable
from gpreader.widgets.scroll_anchor import Anchor, restore, take_anchor

if TYPE_CHECKING:
    from gpreader.corpus.model import Article
    from gpreader.quotations import Quotation
    from gpreader.widgets.paragraph import Paragraph

# What draws an article (quotations, speaker colours, paragraphs with their marks) is
# imported with the first article shown: the first frame, an empty pane, does without it.


class ReadingPane(VerticalScroll, can_focus=True):
    """Shows one article; keeps track of the selected quotation."""

    BINDINGS = keys.READING_PANE

    class QuoteSelected(Message):
        """The selected quotation changed (``quotation`` is None when nothing is selected)."""

        def __init__(self, article: Article | None, quotation: Quotation | None, number: int, total: int) -> None:
            super().__init__()
            self.article = article
            self.quotation = quotation
            self.number = number  # 1-based position among the article's quotations
            self.total = total

    def __init__(self, empty_message: str = "Select an article.", **kwargs) -> None:
        super().__init__(**kwargs)
        self.empty_message = empty_message
        self.article: Article | None = None
        self.quotations: list[Quotation] = []
        self.selected: int | None = None
        self._anchor: Anchor | None = None  # what is at the top of the view (see on_resize)
        self._anchor_size = None  # the pane's size when the anchor was taken
        self._settling = False

    def compose(self):
        yield Static(Content(printable(self.empty_message)), classes="empty")

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._recolour)

    async def _recolour(self, _theme) -> None:
        """Speaker colours depend on a dark or light theme: redraw the article."""
        await self.redraw()

    async def redraw(self) -> None:
        """Draw the article again (its speakers or colours changed), keeping the selection
        and the place."""
        article, selected = self.article, self.selected_quotation
        if article is None:
            return
        anchor = take_anchor(self)
        children = list(self.children)
        place = (children.index(anchor.child), anchor.fraction) if anchor else None
        self.article = None
        await self.show_article(article, select=selected.key if selected else None, scroll=False)
        if place is not None:
            self.call_after_refresh(self._go_to_place, *place)

    def _go_to_place(self, index: int, fraction: float) -> None:
        children = list(self.children)
        if index < len(children):
            restore(self, Anchor(children[index], fraction))

    def set_empty_message(self, message: str) -> None:
        """What the pane says while no article is shown."""
        self.empty_message = message
        if self.article is None:
            for empty in self.query(".empty").results(Static):
                empty.update(Content(printable(message)))

    @property
    def selected_quotation(self) -> Quotation | None:
        return None if self.selected is None else self.quotations[self.selected]

    async def show_article(self, article: Article | None, select: tuple | None = None, scroll: bool = True) -> None:
        """Show *article* (no-op if shown already), then select the quotation keyed *select*
        (scrolled to unless *scroll* is False)."""
        if article is not self.article:
            self.article = article
            self.selected = None
            self._anchor = None
            if article is not None:
                from gpreader.quotations import quotations

                self.quotations = quotations(article.quotes)
            else:
                self.quotations = []
            with self.app.batch_update():
                await self.remove_children()
                await self.mount_all(self._widgets())
                self.scroll_home(animate=False, immediate=True)
            self._announce()
        if select is not None:
            for number, quotation in enumerate(self.quotations):
                if quotation.key == select:
                    self.select(number, scroll=scroll)
                    break

    def _widgets(self):
        article = self.article
        if article is None:
            yield Static(Content(printable(self.empty_message)), classes="empty")
            return
        from gpreader.speaker_colours import article_colours
        from gpreader.widgets.article_header import header_content
        from gpreader.widgets.paragraph import Paragraph
        from gpreader.widgets.quote_marks import Mark, label_runs

        speakers = [q.speaker for q in self.quotations if q.speaker]
        colours = article_colours(speakers, dark=self.app.current_theme.dark)
        yield Static(header_content(article, colours), classes="article-head")
        marks: dict[int, list[Mark]] = {}
        for number, quotation in enumerate(self.quotations):
            for part in quotation.parts:
                colour = colours.get(part.speaker) if part.speaker else None
                marks.setdefault(part.paragraph, []).append(Mark(part.start, part.end, number, part.speaker, colour))
        for index, text in enumerate(article.paragraphs):
            yield Paragraph(text, label_runs(marks.get(index, [])), id=f"p{index}", classes="paragraph")
        if article.comments:
            yield Static(Content("Reader comments"), classes="comments-title")
            for text in article.comments:
                yield Static(Content(printable(text)), classes="comment")

    def _paragraphs(self) -> list[Paragraph]:
        return list(self.query(".paragraph"))

    def _paragraph(self, index: int) -> Paragraph:
        """The widget of paragraph *index* of the article shown; NoMatches if there is none."""
        return self.query_one(f"#p{index}")  # type: ignore[return-value]

    def select(self, number: int | None, scroll: bool = True) -> None:
        """Select quotation *number* (None: nothing), redraw and scroll it into view."""
        if number is not None and not 0 <= number < len(self.quotations):
            return
        self.selected = number
        for paragraph in self._paragraphs():
            paragraph.select(number)
        if scroll and number is not None:
            self.call_after_refresh(self._scroll_to_quotation, number)
        self.call_after_refresh(self._note_anchor)
        self._announce()

    # -- resizing keeps the place ---------------------------------------------------------
    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._note_anchor()

    def _note_anchor(self, resized: bool = False) -> None:
        if self._settling or self.scrollable_content_region.height <= 0:
            return
        if self._anchor is not None and self.size != self._anchor_size and not resized:
            return  # the view is being resized (and clamped): on_resize restores the place
        self._anchor = take_anchor(self, self._selection_in_view())
        self._anchor_size = self.size

    def _selection_in_view(self) -> bool:
        quotation = self.selected_quotation
        if quotation is None:
            return False
        try:
            paragraph = self._paragraph(quotation.first.paragraph)
        except Exception:
            return False
        region, top = paragraph.virtual_region, self.scroll_y
        return region.bottom > top and region.y < top + self.scrollable_content_region.height

    def on_resize(self, event: events.Resize) -> None:
        """Paragraphs re-wrap: bring back the text that was at the top, and the selected
        quotation if it was in view."""
        if not self._settling:
            self._settling = True
            self.call_after_refresh(self._settle, self._anchor)

    def _settle(self, anchor: Anchor | None) -> None:
        reached = anchor is not None and restore(self, anchor)
        if self.selected is not None and (anchor is None or anchor.extra):
            self._scroll_to_quotation(self.selected)
        self._settling = False
        if reached or anchor is None:
            self._note_anchor(resized=True)
        else:  # the place did not fit this view: keep it for the next size
            self._anchor_size = self.size

    def _announce(self) -> None:
        number = 0 if self.selected is None else self.selected + 1
        self.post_message(self.QuoteSelected(self.article, self.selected_quotation, number, len(self.quotations)))

    def _scroll_to_quotation(self, number: int) -> None:
        quotation = self.quotations[number]
        try:
            first = self._paragraph(quotation.first.paragraph)
            last = self._paragraph(quotation.parts[-1].paragraph)
        except Exception:
            return
        top = first.virtual_region.y + first.line_of(number)
        bottom = last.virtual_region.bottom
        if len(quotation.parts) == 1:
            bottom = min(bottom, top + max(1, len(quotation.text) // max(1, first.content_region.width) + 1))
        height = max(1, bottom - top)
        self._reveal(top, height)

    def _reveal(self, top: int, height: int) -> None:
        """Scroll lines top..top+height into view, clear of the notifications at the bottom."""
        view = self.scrollable_content_region.height
        below = max(1, view // 3)
        fits = height + below + 1 <= view
        self.scroll_to_region(
            Region(0, top, 1, height),
            spacing=Spacing(1, 0, below, 0) if fits else None,
            animate=False,
            top=not fits,
            immediate=True,
        )

    def step(self, direction: int) -> bool:
        """Select the next (1) or previous (-1) quotation; False at either end."""
        if not self.quotations:
            return False
        if self.selected is None:
            number = self._first_in_view() if direction > 0 else self._last_in_view()
        else:
            number = self.selected + direction
        if not 0 <= number < len(self.quotations):
            return False
        self.select(number)
        return True

    def _paragraph_y(self, quotation: Quotation) -> int:
        try:
            return self._paragraph(quotation.first.paragraph).virtual_region.y
        except Exception:
            return 0

    def _first_in_view(self) -> int:
        view_top = round(self.scroll_y)
        for number, quotation in enumerate(self.quotations):
            if self._paragraph_y(quotation) >= view_top:
                return number
        return 0

    def _last_in_view(self) -> int:
        view_bottom = round(self.scroll_y) + self.scrollable_content_region.height
        for number in range(len(self.quotations) - 1, -1, -1):
            if self._paragraph_y(self.quotations[number]) < view_bottom:
                return number
        return len(self.quotations) - 1

    def on_paragraph_quote_clicked(self, message: Paragraph.QuoteClicked) -> None:
        message.stop()
        self.focus()
        self.select(message.number, scroll=False)

    # -- a sentence opened from the compare view ----------------------------------------
    async def show_sentence(self, article: Article, paragraph: int, start: int, end: int) -> None:
        """Show *article* with the sentence ``paragraphs[paragraph][start:end]`` underlined and
        in view; a quotation inside it (or around it) becomes the selected quote."""
        await self.show_article(article)
        for widget in self._paragraphs():
            widget.mark_sentence((start, end) if widget.id == f"p{paragraph}" else None)
        overlapping = [
            number
            for number, quotation in enumerate(self.quotations)
            if any(p.paragraph == paragraph and p.start < end and start < p.end for p in quotation.parts)
        ]
        self.select(overlapping[0] if overlapping else None, scroll=False)
        self.call_after_refresh(self._scroll_to_sentence, paragraph, end - start)

    def _scroll_to_sentence(self, paragraph: int, length: int) -> None:
        try:
            widget = self._paragraph(paragraph)
        except Exception:
            return
        top = widget.virtual_region.y + widget.line_of_sentence()
        height = max(1, length // max(1, widget.content_region.width) + 1)
        self._reveal(top, height)
