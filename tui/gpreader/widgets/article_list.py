"""The sidebar: articles grouped by year, with a filter-as-you-type box."""

from __future__ import annotations

import bisect
import time
from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input

from gpreader import keys
from gpreader.safe_text import one_line
from gpreader.widgets.article_rows import ArticleOptions

if TYPE_CHECKING:
    from gpreader.corpus.model import Article
    from gpreader.widgets.article_rows import Row

SEPARATOR = " · "
NO_ARTICLES = "No articles."
READING = "Reading the folder…"  # no article yet, more to come


def short_date(article: Article) -> str:
    """The date without its year, which the year heading above already gives: "4 Jun", "c. May"."""
    if article.date is None:
        return ""
    return article.date.display().removesuffix(str(article.date.year)).strip()


def row_content(article: Article, date_width: int) -> Content:
    """`date · outlet · headline` (the list clips it with an ellipsis when narrow)."""
    pieces = [Content.styled(short_date(article).ljust(date_width), "dim")]
    if article.outlet:
        pieces += [Content(SEPARATOR), Content.styled(one_line(article.outlet), "italic")]
    pieces += [Content(SEPARATOR), Content(one_line(article.headline))]
    return Content("").join(pieces)


def haystack(article: Article) -> str:
    """Everything the filter looks in, folded for case-insensitive matching."""
    bits = [article.id, article.headline, article.outlet or "", article.author or ""]
    bits.append(article.date.display() if article.date else "undated")
    bits += sorted({q.speaker for q in article.quotes if q.speaker})
    return " ".join(bits).casefold()


def relist_interval(articles: int) -> float:
    """Seconds between relistings of a list of *articles* while more arrive. Relisting
    costs the list's length (its rows, then the rows on screen drawn again): a long list
    is relisted less often, so that a large folder is not read slower for being listed.
    Up to a thousand articles, every batch is listed as it comes; ten thousand, once a
    second."""
    return 0.0 if articles <= 1000 else min(articles / 10_000, 1.0)


FILTER_PROMPT = "/ filter"
FILTER_ID = "article-filter"  # the box itself (filter_input.py), once opened


class FilterPrompt(Widget, can_focus=False):
    """The filter box until it is first used: its prompt, drawn as the empty box draws it.
    ``/`` or a click puts the box itself in its place (an Input is the dearest widget of the
    sidebar to start, and most sessions never filter)."""

    ALLOW_SELECT = False

    def render(self) -> Content:
        return Content(FILTER_PROMPT)

    def on_click(self, event) -> None:
        event.stop()
        self.post_message(ArticleList.OpenFilter())


class ArticleList(Vertical):
    """Filter box above the article list; posts Selected when the highlight moves.

    Articles can arrive while it is shown (``add_articles``, as a large folder is indexed)
    and be replaced once loading ends (``set_articles``); the highlighted article stays
    highlighted, and where it was on screen.
    """

    BINDINGS = keys.ARTICLE_LIST

    class Selected(Message):
        """An article was highlighted: show it."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    class Opened(Message):
        """An article was chosen with enter or a click: read it."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    class Leave(Message):
        """The filter box is done: focus the list."""

    class OpenFilter(Message):
        """The filter's prompt was clicked: put the box in its place."""

    def __init__(self, articles: list[Article], *, growing: bool = False, **kwargs) -> None:
        """*growing*: more articles will arrive; nothing is highlighted for the user
        until they move in the list or ``set_articles`` brings the last of them."""
        super().__init__(**kwargs)
        self.growing = growing
        self.articles: list[Article] = []
        self.date_width = 0
        self._haystacks: dict[int, str] = {}  # id(article) -> what the filter looks in
        self._sort_keys: dict[int, tuple] = {}  # id(article) -> its place in date order
        self._relist_at = 0.0  # (monotonic) arrivals are listed at once from then on
        self._relist_timer = None  # lists what arrived since, when it is due
        self._forget_rows = False  # the next relisting rebuilds every row (the dates widened)
        self._take(articles)

    def _sort_key(self, article: Article) -> tuple:
        key = self._sort_keys.get(id(article))
        if key is None:
            key = self._sort_keys[id(article)] = article.sort_key
        return key

    def _take(self, articles: list[Article]) -> None:
        self._sort_keys.clear()
        self.articles = sorted(articles, key=self._sort_key)
        self.date_width = max((len(short_date(a)) for a in self.articles), default=0)

    def _insert(self, articles: list[Article]) -> None:
        """Put *articles* in their places (after any of the same date): a batch costs its
        own size, not the list's, as a large folder arrives."""
        for article in articles:
            bisect.insort(self.articles, article, key=self._sort_key)
        self.date_width = max(self.date_width, *(len(short_date(a)) for a in articles), 0)

    def compose(self):
        yield FilterPrompt()
        yield ArticleOptions(lambda article: row_content(article, self.date_width), id="article-options")

    def on_mount(self) -> None:
        self.refill(self.filter_text)

    @property
    def filter_box(self) -> Input | None:
        """The filter box, None until it is first opened (its prompt stands in for it)."""
        return next(self.query(f"#{FILTER_ID}").results(Input), None)

    @property
    def filter_text(self) -> str:
        """What is typed in the filter box ('' before it is first opened)."""
        box = self.filter_box
        return box.value if box is not None else ""

    @property
    def options(self) -> ArticleOptions:
        return self.query_one(ArticleOptions)

    @property
    def shown(self) -> list[Article]:
        """The articles the list shows now, in order."""
        return self.options.articles

    @property
    def current(self) -> Article | None:
        return self.options.current

    # -- articles arriving -------------------------------------------------------------
    def add_articles(self, articles: list[Article]) -> None:
        """More articles (a folder being indexed): list them, in date order; in a long
        list, at most every ``relist_interval`` (what arrives meanwhile waits for it)."""
        width = self.date_width
        self._insert(articles)
        self._forget_rows |= self.date_width != width
        if self._relist_timer is not None:
            return
        wait = self._relist_at - time.monotonic()
        if wait > 0 and self.is_mounted:
            self._relist_timer = self.set_timer(wait, self._relist_arrivals)
        else:
            self._relist_arrivals()

    def _relist_arrivals(self) -> None:
        self._relist_timer = None
        forget, self._forget_rows = self._forget_rows, False
        self._refresh_rows(forget=forget)
        self._relist_at = time.monotonic() + relist_interval(len(self.articles))

    def set_articles(self, articles: list[Article]) -> None:
        """The articles, final (their speakers merged): list them afresh."""
        self.growing = False
        if self._relist_timer is not None:
            self._relist_timer.stop()
            self._relist_timer = None
        self._forget_rows = False
        self._take(articles)
        self._haystacks.clear()
        self._refresh_rows(forget=True)

    def _refresh_rows(self, forget: bool) -> None:
        if self.is_mounted:
            self.refill(self.filter_text, forget=forget)

    # -- filtering -----------------------------------------------------------------------
    def _matches(self, article: Article, words: list[str]) -> bool:
        text = self._haystacks.get(id(article))
        if text is None:
            text = self._haystacks[id(article)] = haystack(article)
        return all(word in text for word in words)

    def refill(self, query: str, *, forget: bool = False) -> None:
        """Show the articles matching *query*, keeping the highlight where it can."""
        options = self.options
        keep = options.current
        words = query.casefold().split()
        shown = [a for a in self.articles if self._matches(a, words)] if words else self.articles
        rows: list[Row] = []
        year: object = None
        for article in shown:
            this_year = article.date.year if article.date else "Undated"
            if this_year != year:
                year = this_year
                rows.append(str(year))
            rows.append(article)
        if not shown:
            rows.append("No article matches the filter." if self.articles else READING if self.growing else NO_ARTICLES)
        options.set_rows(rows, forget=forget)
        if not shown:
            return
        if (keep is None or options.get_option_index(keep.id) is None) and not self.growing:
            options.highlight_line(options.get_option_index(shown[0].id))

    def highlight(self, article: Article) -> None:
        """Move the highlight to *article* (clearing the filter if it hides it)."""
        if self.options.get_option_index(article.id) is None:
            box = self.filter_box
            if box is not None:
                box.value = ""
            self.refill("")
        self.options.highlight_line(self.options.get_option_index(article.id))

    def move(self, step: int) -> Article | None:
        """Highlight the article *step* places away in the list; None at either end."""
        options = self.options
        line = options.highlighted
        if line is None:
            return None
        for _ in range(abs(step)):
            line = options._step_from(line, 1 if step > 0 else -1)  # noqa: SLF001 - same family
            if line is None:
                return None
        options.highlight_line(line)
        return options.current

    async def action_filter(self) -> None:
        """Focus the filter box (put in the prompt's place the first time)."""
        for prompt in self.query(FilterPrompt):
            from gpreader.widgets.filter_input import FilterInput

            await self.mount(FilterInput(), before=prompt)
            await prompt.remove()
        self.query_one(f"#{FILTER_ID}").focus()

    async def on_article_list_open_filter(self, event: OpenFilter) -> None:
        event.stop()
        await self.action_filter()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.refill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.options.focus()
        if self.current is not None:
            self.post_message(self.Opened(self.current))

    def on_article_list_leave(self, event: Leave) -> None:
        event.stop()
        self.options.focus()

    def on_article_options_highlighted(self, event: ArticleOptions.Highlighted) -> None:
        event.stop()
        self.post_message(self.Selected(event.article))

    def on_article_options_chosen(self, event: ArticleOptions.Chosen) -> None:
        event.stop()
        self.post_message(self.Opened(event.article))
