"""Search the text of every article (ctrl+f): type words, enter opens the article there.

The index (``gpreader.corpus.fulltext``) is built the first time the screen opens, in a
thread worker of the screen; the screen is installed once per app (``open_search``), so
the index, the query and the results are kept for the next ctrl+f.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from gpreader import keys
from gpreader.corpus.fulltext import FullTextIndex, Hit, open_fulltext
from gpreader.corpus.model import Article, Corpus
from gpreader.counts import plural
from gpreader.safe_text import one_line
from gpreader.widgets.option_moves import move_highlight

if TYPE_CHECKING:
    from gpreader.screens.main_screen import MainScreen

SCREEN_NAME = "search-text"
LIMIT = 50
CONTEXT = 110  # characters of a long sentence kept on either side of the first match
MATCH_STYLE = "bold reverse"
HINT = 'Type words to find them in every article; "quotes" keep a phrase.'


def heading(article: Article) -> Content:
    """date · outlet · headline, one line."""
    facts = [article.date.display() if article.date else None, article.outlet]
    lead = " · ".join(one_line(f) for f in facts if f)
    title = Content.styled(one_line(article.headline), "bold")
    return Content.assemble(Content.styled(lead + " · ", "dim"), title) if lead else title


def sentence_content(hit: Hit) -> Content:
    """The matching sentence, every match in it highlighted; a long one cut around the first."""
    text, offset = hit.sentence, hit.sentence_start
    spans = [(max(0, s - offset), min(len(text), e - offset)) for s, e in hit.matches]
    spans = [(s, e) for s, e in spans if s < e]
    lo, hi = 0, len(text)
    if len(text) > 2 * CONTEXT + 20:
        first = spans[0][0] if spans else 0
        lo = max(0, first - CONTEXT)
        hi = min(len(text), max(first + CONTEXT, lo + 2 * CONTEXT))
    parts: list[Content] = [Content("…")] if lo > 0 else []
    at = lo
    for s, e in spans:
        s, e = max(s, at), min(e, hi)
        if s >= e:
            continue
        parts += [Content(one_line(text[at:s])), Content.styled(one_line(text[s:e]), MATCH_STYLE)]
        at = e
    parts.append(Content(one_line(text[at:hi])))
    if hi < len(text):
        parts.append(Content("…"))
    return Content.assemble(*parts)


class SearchScreen(ModalScreen[Hit | None]):
    """Dismissed with the hit to open in the reader, or None."""

    CSS_PATH = [Path(__file__).parent / "finder.tcss", Path(__file__).parent / "search_screen.tcss"]
    BINDINGS = keys.SEARCH_SCREEN

    def __init__(self, corpus: Corpus, cache: bool | Path = True) -> None:
        super().__init__()
        self.corpus = corpus
        self.cache = cache
        self.index: FullTextIndex | None = None
        self.hits: list[Hit] = []

    def compose(self):
        with Vertical(id="finder"):
            yield Static(Content("Search the text of every article"), id="finder-title")
            yield Input(placeholder="words or a \"phrase\"", id="finder-input")
            yield OptionList(id="search-results")
            yield Static(id="finder-count")

    def on_mount(self) -> None:
        self.status(f"Indexing {plural(len(self.corpus.articles), 'article')}…")
        self.build_index()
        self.query_one(Input).focus()

    def on_screen_resume(self) -> None:
        self.query_one(Input).focus()

    @property
    def results(self) -> OptionList:
        return self.query_one("#search-results", OptionList)

    def status(self, text: str) -> None:
        self.query_one("#finder-count", Static).update(Content(one_line(text)))

    # -- the index ----------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="fulltext", exit_on_error=False)
    def build_index(self) -> tuple[FullTextIndex, list[str]]:
        def progress(done: int, todo: int) -> None:
            self.post_message(self.Progress(done, todo))  # thread-safe, and never waits for the UI

        return open_fulltext(self.corpus, cache=self.cache, on_progress=progress)

    class Progress(Message):
        """*done* of the *todo* articles that needed (re)indexing are indexed."""

        def __init__(self, done: int, todo: int) -> None:
            super().__init__()
            self.done, self.todo = done, todo

    def on_search_screen_progress(self, message: Progress) -> None:
        if self.index is None:
            total = plural(len(self.corpus.articles), "article")
            self.status(f"Indexing {total}… ({message.done} of {message.todo})")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "fulltext":
            return
        if event.state == WorkerState.SUCCESS:
            self.index, problems = event.worker.result
            for problem in problems:
                self.app.notify(problem, title="Search", severity="warning", timeout=10)
            self.refresh_results(self.query_one(Input).value)
        elif event.state == WorkerState.ERROR:
            self.status("The search index could not be built.")
            self.app.notify(f"Search: {event.worker.error}", severity="error", timeout=10)

    # -- the results --------------------------------------------------------------------------
    def refresh_results(self, query: str) -> None:
        if self.index is None:
            return  # still indexing: the status line says so; results follow when ready
        self.hits = self.index.search(query, LIMIT) if query.strip() else []
        rows: list[Option | None] = []
        for number, hit in enumerate(self.hits):
            article = self.corpus.article(hit.article_id)
            if article is not None:
                body = Content("\n").join([heading(article), sentence_content(hit)])
                rows += [Option(body, id=str(number)), None]  # None: a divider
        self.results.set_options(rows[:-1])
        if self.hits:
            self.results.highlighted = 0
        if not query.strip():
            self.status(HINT)
        elif not self.hits:
            self.status(f"No matches for {query}")
        else:
            more = " (the best)" if len(self.hits) == LIMIT else ""
            n = len(self.hits)
            self.status(f"{n} match{'' if n == 1 else 'es'}{more}")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.refresh_results(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_open()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.hits[int(event.option.id)])

    # -- actions ------------------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        move_highlight(self.results, step)

    def action_open(self) -> None:
        option = self.results.highlighted_option
        if option is not None:
            self.dismiss(self.hits[int(option.id)])
        else:
            self.app.bell()

    def action_close(self) -> None:
        self.dismiss(None)


def open_search(main: "MainScreen", cache: bool | Path = True) -> None:
    """Show the search over *main*; enter there opens the article at the matching sentence."""
    app = main.app
    if not app.is_screen_installed(SCREEN_NAME):
        app.install_screen(SearchScreen(main.corpus, cache), SCREEN_NAME)

    async def chosen(hit: Hit | None) -> None:
        if hit is None:
            return
        article = main.corpus.article(hit.article_id)
        if article is None:
            return
        main.sidebar.highlight(article)
        start = hit.sentence_start
        await main.pane.show_sentence(article, hit.paragraph, start, start + len(hit.sentence))
        main.pane.focus()

    app.push_screen(SCREEN_NAME, chosen)
