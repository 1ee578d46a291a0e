"""The main screen: the article list beside the reading pane."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.css.query import NoMatches
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from gpreader import keys
from gpreader.counts import plural
from gpreader.safe_text import one_line
from gpreader.screens.breakpoints import breakpoint_classes
from gpreader.widgets.article_list import ArticleList, ArticleOptions
from gpreader.widgets.reading_pane import ReadingPane
from gpreader.widgets.key_hints import KeyHints
from gpreader.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from textual.events import ScreenResume

    from gpreader.corpus.collection import Corpus

BAR_MIN_FILES = 50  # folders this large show how far reading has got
NO_SELECTION = "No quote selected: press n to select the next one."


class MainScreen(Screen):
    """Sidebar and reading pane; owns the reading keys (quotes, articles, copying)."""

    BINDINGS = keys.MAIN_SCREEN
    AUTO_FOCUS = "ArticleOptions"  # the list, at once: not the filter first, then the list

    @property
    def active_bindings(self):  # the footer's order: most useful keys first
        return keys.footer_order(super().active_bindings)

    def __init__(self, corpus: Corpus, *, reading_folder: bool = False) -> None:
        """*reading_folder*: the corpus's folder is still being read; articles arrive
        (``articles_arrived``) until ``corpus_loaded``."""
        super().__init__()
        self.corpus = corpus
        self.reading_folder = reading_folder
        self._resumed = False  # see on_screen_resume

    def compose(self):
        # the width classes now, not on the first resize: the first frame is not laid out twice
        self.update_classes(breakpoint_classes(self.app, self.app.size), update=False)
        # the order places them: each is split off what the ones before it left (gpreader.tcss)
        yield TitleBar()
        yield KeyHints()
        yield ArticleList(self.corpus.articles, growing=self.reading_folder, id="sidebar")
        yield Static(id="quote-status")
        yield ReadingPane(empty_message=self._empty_message(), id="reading-pane")

    def on_screen_resume(self, event: ScreenResume) -> None:
        """Runs before Textual's own handler. The first resume comes straight after
        mounting, when every widget has just been styled as it was mounted: Textual would
        style the whole screen again, to the same result, before the first frame (17 M of
        the 1,062 M instructions to it; a test compares the screen with one restyled in
        full). Later resumes (back from another screen, after a theme change perhaps)
        restyle as usual."""
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def _empty_message(self) -> str:
        if self.reading_folder:
            return f"Reading {self.corpus.root} …"
        return f"No articles found in {self.corpus.root}." if not self.corpus.articles else "Select an article."

    # -- a folder being read -----------------------------------------------------------
    def articles_arrived(self, articles: list, done: int, total: int) -> None:
        """More articles are read: list them, and show how far reading has got."""
        self.sidebar.add_articles(articles)
        if total < BAR_MIN_FILES:  # a small folder is read before a bar could say anything
            return
        from gpreader.widgets.loading_bar import LoadingBar  # large folders only
        try:
            self.query_one(LoadingBar).show(done, total)
        except NoMatches:
            self.mount(LoadingBar(done, total), after=self.query_one(KeyHints))  # split off above it

    async def corpus_loaded(self) -> None:
        """Every article is read and its speakers merged: list them afresh, redraw the
        article shown (its speakers now have their full names)."""
        self._reading_ended()
        self.pane.set_empty_message(self._empty_message())
        await self.pane.redraw()

    def load_failed(self, reason: str) -> None:
        self._reading_ended()
        self.pane.set_empty_message(reason)

    def _reading_ended(self) -> None:
        """No bar, and the sidebar lists what was read as final."""
        self.reading_folder = False
        self.query("LoadingBar").remove()  # by name: imported only when a bar is shown
        self.sidebar.set_articles(self.corpus.articles)

    def on_mount(self) -> None:
        self.query_one(ArticleOptions).focus()

    @property
    def pane(self) -> ReadingPane:
        return self.query_one(ReadingPane)

    @property
    def sidebar(self) -> ArticleList:
        return self.query_one(ArticleList)

    async def show_quote(self, key: tuple) -> None:
        """Open the article of quotation *key*, select the quotation and scroll to it."""
        article = self.corpus.article(key[0])
        if article is None:
            return
        self.sidebar.highlight(article)
        await self.pane.show_article(article, select=key)
        self.pane.focus()

    # -- messages from the widgets ---------------------------------------------------
    def on_descendant_focus(self, event) -> None:
        """Narrow terminals hide the sidebar while reading (see gpreader.tcss)."""
        reading = self.pane in event.widget.ancestors_with_self
        self.set_class(reading, "-reading")

    async def on_article_list_selected(self, message: ArticleList.Selected) -> None:
        await self.pane.show_article(message.article)

    async def on_article_list_opened(self, message: ArticleList.Opened) -> None:
        await self.pane.show_article(message.article)
        self.pane.focus()

    def on_reading_pane_quote_selected(self, message: ReadingPane.QuoteSelected) -> None:
        status = self.query_one("#quote-status", Static)
        if message.article is None:
            status.update("")
        elif message.total == 0:
            status.update(Content("No quotes in this article."))
        elif message.quotation is None:
            status.update(Content(f"{plural(message.total, 'quote')} · n selects the next one"))
        else:
            who = one_line(message.quotation.speaker or "unattributed")
            status.update(Content(f"Quote {message.number} of {message.total} · {who} · c copies it, a clips it"))

    # -- actions -----------------------------------------------------------------------
    def action_next_quote(self) -> None:
        self._reveal_pane()
        if not self.pane.step(1):
            self._at_end("No more quotes in this article: ] opens the next article.")

    def action_previous_quote(self) -> None:
        self._reveal_pane()
        if not self.pane.step(-1):
            self._at_end("No earlier quote in this article: [ opens the previous article.")

    def _reveal_pane(self) -> None:
        """In a tiny terminal the list hides the article: show the article."""
        if not self.pane.display:
            self.pane.focus()

    def action_toggle_sidebar(self) -> None:
        """Hide the article list (the article gets the width), or show it again."""
        if self.sidebar.display:
            self.add_class("-sidebar-hidden")
            self.pane.focus()
        else:
            self.action_back()

    def _at_end(self, message: str) -> None:
        if self.pane.article is not None:
            self.notify(message, markup=False, timeout=3)

    def action_copy_quote(self) -> None:
        quotation = self.pane.selected_quotation
        if quotation is None or self.pane.article is None:
            self.notify(NO_SELECTION, severity="warning", markup=False)
            return
        self.app.quote_out.copy(self.pane.article, quotation)

    def action_clip_quote(self) -> None:
        quotation = self.pane.selected_quotation
        if quotation is None or self.pane.article is None:
            self.notify(NO_SELECTION, severity="warning", markup=False)
            return
        self.app.quote_out.clip(self.pane.article, quotation)

    def action_previous_article(self) -> None:
        if self.sidebar.move(-1) is None:
            self.notify("This is the first article.", markup=False, timeout=3)

    def action_next_article(self) -> None:
        if self.sidebar.move(1) is None:
            self.notify("This is the last article.", markup=False, timeout=3)

    def action_compare(self) -> None:
        if self.app.not_while_loading("the compare view opens"):
            return
        from gpreader.screens.compare_screen import open_compare  # its engine loads on first use

        open_compare(self)

    def action_search_text(self) -> None:
        if self.app.not_while_loading("searching the text works"):
            return
        from gpreader.screens.search_screen import open_search

        open_search(self, getattr(self.app, "search_cache", True))

    def action_back(self) -> None:
        self.remove_class("-sidebar-hidden")
        self.query_one(ArticleOptions).focus()
