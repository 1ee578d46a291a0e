"""The sidebar: articles grouped by year, with a filter-as-you-type box."""

from __future__ import annotations

from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from gpreader import keys
from gpreader.corpus.model import Article
from gpreader.safe_text import one_line

SEPARATOR = " · "


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


def matches(article: Article, query: str) -> bool:
    """True when every word of *query* occurs in the article's details."""
    text = haystack(article)
    return all(word in text for word in query.casefold().split())


class FilterInput(Input):
    """The filter box: escape clears it, down moves to the list."""

    BINDINGS = keys.FILTER_INPUT

    def action_clear(self) -> None:
        self.value = ""
        self.post_message(ArticleList.Leave())

    def action_to_list(self) -> None:
        self.post_message(ArticleList.Leave())


class ArticleOptions(OptionList):
    """The list of articles, with year headings (which cannot be selected)."""

    BINDINGS = keys.ARTICLE_OPTIONS


class ArticleList(Vertical):
    """Filter box above the article list; posts Selected when the highlight moves."""

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

    def __init__(self, articles: list[Article], **kwargs) -> None:
        super().__init__(**kwargs)
        self.articles = sorted(articles, key=lambda a: a.sort_key)
        self.by_id = {a.id: a for a in self.articles}
        self.date_width = max((len(short_date(a)) for a in self.articles), default=0)

    def compose(self):
        yield FilterInput(placeholder="/ filter", id="article-filter")
        yield ArticleOptions(id="article-options")

    def on_mount(self) -> None:
        self.refill("")

    @property
    def options(self) -> ArticleOptions:
        return self.query_one(ArticleOptions)

    @property
    def visible(self) -> list[Article]:
        """The articles the list shows now, in order."""
        ids = [o.id for o in self.options.options if o.id and o.id in self.by_id]
        return [self.by_id[i] for i in ids]

    @property
    def current(self) -> Article | None:
        option = self.options.highlighted_option
        return self.by_id.get(option.id) if option and option.id else None

    def refill(self, query: str) -> None:
        """Show the articles matching *query*, keeping the highlight where it can."""
        options = self.options
        keep = self.current
        rows: list[Option] = []
        year: object = None
        shown = [a for a in self.articles if matches(a, query)]
        for article in shown:
            this_year = article.date.year if article.date else "Undated"
            if this_year != year:
                year = this_year
                rows.append(Option(Content(str(year)), disabled=True))
            rows.append(Option(row_content(article, self.date_width), id=article.id))
        options.set_options(rows)
        if not shown:
            empty = "No article matches the filter." if self.articles else "No articles."
            options.add_option(Option(Content(empty), disabled=True))
            return
        target = keep if keep is not None and any(a is keep for a in shown) else shown[0]
        self.highlight(target)

    def highlight(self, article: Article) -> None:
        """Move the highlight to *article* (clearing the filter if it hides it)."""
        if not any(a is article for a in self.visible):
            self.query_one(FilterInput).value = ""
            self.refill("")
        self.options.highlighted = self.options.get_option_index(article.id)

    def move(self, step: int) -> Article | None:
        """Highlight the article *step* places away in the list; None at either end."""
        shown = self.visible
        current = self.current
        if not shown or current is None:
            return None
        index = [a.id for a in shown].index(current.id) + step
        if not 0 <= index < len(shown):
            return None
        self.highlight(shown[index])
        return shown[index]

    def action_filter(self) -> None:
        self.query_one(FilterInput).focus()

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

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id in self.by_id:
            self.post_message(self.Selected(self.by_id[event.option.id]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id in self.by_id:
            self.post_message(self.Opened(self.by_id[event.option.id]))
