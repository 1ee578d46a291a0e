"""The article list itself: one line per row, drawn only for the rows on screen.

A folder of 50,000 articles is 50,000 rows; building a widget or measuring a prompt per
row would make opening it, filtering it and resizing it slow. These rows are always one
line (clipped with an ellipsis), so the list knows its height without measuring, and a
row's text is built when it first comes into view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeGuard

from textual import events
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from gpreader import keys

if TYPE_CHECKING:
    from gpreader.corpus.model import Article

    Row = Article | str  # an article, or a heading (a year, or "No article matches")


def is_article(row: Row) -> TypeGuard[Article]:
    """An article's row, not a heading's (headings are text)."""
    return not isinstance(row, str)


class ArticleOptions(ScrollView, can_focus=True):
    """Rows of articles under year headings; headings cannot be highlighted."""

    BINDINGS = keys.ARTICLE_OPTIONS
    COMPONENT_CLASSES = {"article-options--row", "article-options--heading", "article-options--highlighted"}

    class Highlighted(Message):
        """The highlight moved to another article."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    class Chosen(Message):
        """An article was chosen (enter, or a click)."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    def __init__(self, render_row, **kwargs) -> None:
        super().__init__(**kwargs)
        self._render_row = render_row  # Article -> Content
        self._rows: list[Row] = []
        self._line_of: dict[str, int] = {}  # article id -> its row
        self._contents: dict[int, Content] = {}  # id(article) -> its row's text, built when shown
        self.highlighted: int | None = None

    # -- the rows ------------------------------------------------------------------------
    @property
    def rows(self) -> list[Row]:
        return self._rows

    @property
    def articles(self) -> list[Article]:
        """The articles shown, in order."""
        return [row for row in self._rows if is_article(row)]

    @property
    def current(self) -> Article | None:
        if self.highlighted is None:
            return None
        row = self._rows[self.highlighted]
        return row if is_article(row) else None

    def get_option_index(self, article_id: str) -> int | None:
        """The row (and line) of the article with *article_id*, None if not shown."""
        return self._line_of.get(article_id)

    def set_rows(self, rows: list[Row], *, forget: bool = False) -> None:
        """Show *rows*, keeping the highlighted article where it is on screen if it is
        still shown; *forget*: the articles' texts changed (rebuild their rows)."""
        kept = self.current
        offset = None if self.highlighted is None else self.highlighted - round(self.scroll_y)
        self._rows = rows
        self._line_of = {row.id: i for i, row in enumerate(rows) if is_article(row)}
        if forget:
            self._contents.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows))
        line = self._line_of.get(kept.id) if kept is not None else None
        self.highlighted = line
        if line is not None and offset is not None:
            self.scroll_to(y=max(0, line - offset), animate=False, immediate=True)
        self.refresh()

    def forget(self, articles: list[Article]) -> None:
        """These articles changed (their quotes' speakers, say): rebuild their rows."""
        for article in articles:
            self._contents.pop(id(article), None)
        self.refresh()

    # -- the highlight -------------------------------------------------------------------
    def highlight_line(self, line: int | None, *, scroll: bool = True) -> None:
        """Highlight row *line* (an article's); posts Highlighted when the article changes."""
        before = self.current
        if line is not None and not (0 <= line < len(self._rows) and is_article(self._rows[line])):
            return
        self.highlighted = line
        if scroll and line is not None:
            self.scroll_to_line(line)
        self.refresh()
        after = self.current
        if after is not None and after is not before:
            self.post_message(self.Highlighted(after))

    def scroll_to_line(self, line: int) -> None:
        # the heading above the first article of a year comes into view with it
        top = line - 1 if line > 0 and not is_article(self._rows[line - 1]) else line
        self.scroll_to_region(Region(0, top, 1, line - top + 1), animate=False, force=True, immediate=True)

    def _step_from(self, start: int, step: int) -> int | None:
        line = start
        while 0 <= line + step < len(self._rows):
            line += step
            if is_article(self._rows[line]):
                return line
        return None

    def _first(self, step: int) -> int | None:
        return self._step_from(-1 if step > 0 else len(self._rows), step)

    def action_cursor_down(self) -> None:
        line = self._first(1) if self.highlighted is None else self._step_from(self.highlighted, 1)
        if line is not None:
            self.highlight_line(line)

    def action_cursor_up(self) -> None:
        line = self._first(-1) if self.highlighted is None else self._step_from(self.highlighted, -1)
        if line is not None:
            self.highlight_line(line)

    def action_first(self) -> None:
        self.highlight_line(self._first(1))

    def action_last(self) -> None:
        self.highlight_line(self._first(-1))

    def _page(self, step: int) -> None:
        if self.highlighted is None:
            self.highlight_line(self._first(step))
            return
        height = max(1, self.scrollable_content_region.height)
        target = min(max(self.highlighted + step * height, 0), len(self._rows) - 1)
        line = target if is_article(self._rows[target]) else self._step_from(target, step)
        self.highlight_line(line if line is not None else self._first(-step))

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.Chosen(self.current))

    async def _on_click(self, event: events.Click) -> None:
        line = event.style.meta.get("row")
        if line is not None and is_article(self._rows[line]):
            self.highlight_line(line, scroll=False)
            self.action_select()

    # -- drawing -------------------------------------------------------------------------
    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._rows))
        if self.highlighted is not None:
            self.scroll_to_line(self.highlighted)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = round(self.scroll_y) + y
        base = "article-options--row"
        if not 0 <= line < len(self._rows):
            return Strip.blank(width, self.get_visual_style(base).rich_style)
        row = self._rows[line]
        if is_article(row):
            content = self._contents.get(id(row))
            if content is None:
                content = self._contents[id(row)] = self._render_row(row)
            style = self.get_visual_style(base, "article-options--highlighted") if line == self.highlighted \
                else self.get_visual_style(base)
        else:
            content = Content(row)
            style = self.get_visual_style(base, "article-options--heading")
        strips = Visual.to_strips(self, content, width, 1, style)
        strip = strips[0] if strips else Strip.blank(width)
        return strip.extend_cell_length(width, style.rich_style).crop(0, width).apply_meta({"row": line})
