"""The compare view (v): proposals by theme (rows) and year (columns), and what changed.

The table comes from ``gpreader.corpus.compare.build_compare``; this screen shows it, moves
a cursor over it, opens the article at a proposal (enter), copies a proposal with its
citation (c), and chooses the years (1-9, p) and the theme (t). It is installed once per app
(``open_compare``), so coming back with v finds it as it was left.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from gpreader import keys
from gpreader.collector import hold_full_collections, release_full_collections
from gpreader.corpus.compare import CompareTable, build_compare
from gpreader.corpus.model import Corpus
from gpreader.corpus.proposals import Proposal
from gpreader.corpus.themes import Theme, ThemesError, default_themes
from gpreader.counts import plural
from gpreader.proposal_citation import as_quotation, proponent_name, proposal_citation
from gpreader.safe_text import one_line, printable
from gpreader.screens.compare_theme_picker import ThemePicker
from gpreader.screens.compare_year_picker import YearPicker
from gpreader.widgets.compare_grid import CompareGrid
from gpreader.widgets.compare_header import YearHeader
from gpreader.widgets.key_hints import KeyHints
from gpreader.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from gpreader.screens.main_screen import MainScreen

SCREEN_NAME = "compare"
THREAD_MIN_ARTICLES = 1000  # a table of this many articles takes longer than a frame: built in a thread


def detail_content(proposal: Proposal | None, speakers: dict) -> Content:
    """The whole sentence of the current proposal, then who and where (dim)."""
    if proposal is None:
        return Content.styled("No proposals here.", "dim")
    who = proponent_name(proposal, speakers) or "unattributed"
    where = proposal.source()
    sentence = Content(printable(f"‘{proposal.text}’"))
    return Content.assemble(sentence, Content.styled(one_line(f" — {who} ({where})"), "dim"))


class CompareScreen(Screen[Proposal | None]):
    """Dismissed with the proposal to open in the reader, or None to go back."""

    CSS_PATH = Path(__file__).parent / "compare_screen.tcss"
    BINDINGS = keys.COMPARE_SCREEN

    @property
    def active_bindings(self):  # the footer's order: most useful keys first
        return keys.footer_order(super().active_bindings)

    def __init__(self, corpus: Corpus, themes: list[Theme] | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.themes_problem: str | None = None
        if themes is None:
            try:
                themes = default_themes()
            except ThemesError as error:
                themes, self.themes_problem = [], str(error)
        self.themes = themes
        self.all_years = corpus.years()
        self.years = list(self.all_years)
        self.theme_id: str | None = None
        self.table: CompareTable | None = None
        self._digit: int | None = None

    def compose(self):
        yield TitleBar()
        yield Static(id="compare-bar")
        yield YearHeader(id="compare-years")
        yield CompareGrid(id="compare-grid")
        yield Static(id="compare-detail")
        yield KeyHints()

    async def on_mount(self) -> None:
        self.sub_title = "compare proposals by theme and year"
        if self.themes_problem:
            self.notify(self.themes_problem, title="Themes", severity="error", timeout=10)
        await self.rebuild()

    def on_screen_resume(self) -> None:
        hold_full_collections()  # see gpreader.collector: no 200 ms walk of the heap at a key

    def on_screen_suspend(self) -> None:
        release_full_collections()

    @property
    def grid(self) -> CompareGrid:
        return self.query_one(CompareGrid)

    @property
    def current(self) -> Proposal | None:
        return self.grid.current

    # -- the table ------------------------------------------------------------------------
    class TableBuilt(Message):
        """A table built in a thread (a large corpus), to show keeping the cursor at *keep*;
        or, *table* None, why it could not be built."""

        def __init__(self, table: CompareTable | None, keep: tuple | None, problem: str = "") -> None:
            super().__init__()
            self.table = table
            self.keep = keep
            self.problem = problem

    async def rebuild(self) -> None:
        """Build the table for the chosen years and theme; keep the cursor's place. On a
        large corpus it is built in a thread, the window answering meanwhile."""
        grid = self.grid
        keep = None
        if grid.table is not None and grid.table.rows and grid.table.columns:
            keep = (grid.table.rows[grid.row].id, grid.table.columns[grid.column])
        theme_ids = [self.theme_id] if self.theme_id else None
        if len(self.corpus.articles) < THREAD_MIN_ARTICLES:
            await self._show(build_compare(self.corpus, self.years, self.themes, theme_ids), keep)
            return
        self.query_one("#compare-bar", Static).update(
            Content(f"Building the compare view for {len(self.corpus.articles):,} articles…"))
        self._build_in_thread(list(self.years), theme_ids, keep)

    _building = threading.Lock()  # one table at a time: the engine's caches are shared

    @work(thread=True, exclusive=True, group="compare-table", exit_on_error=False)
    def _build_in_thread(self, years: list[int], theme_ids: list[str] | None, keep: tuple | None) -> None:
        with self._building:
            if get_current_worker().is_cancelled:  # another year or theme was chosen since
                return
            try:
                built = self.TableBuilt(build_compare(self.corpus, years, self.themes, theme_ids), keep)
            except Exception as exc:  # a bug: said in one line, the view stays up
                built = self.TableBuilt(None, keep, f"The compare view could not be built: {type(exc).__name__}: {exc}")
        if not get_current_worker().is_cancelled:
            self.post_message(built)

    async def on_compare_screen_table_built(self, message: TableBuilt) -> None:
        if message.table is None:
            self.notify(one_line(message.problem), severity="error", markup=False, timeout=10)
            self.query_one("#compare-bar", Static).update(Content(one_line(message.problem)))
            return
        await self._show(message.table, message.keep)

    async def _show(self, table: CompareTable, keep: tuple | None) -> None:
        grid = self.grid
        self.table = table
        counts = [sum(len(self.table.cell(t.id, y)) for t in self.table.rows) for y in self.table.columns]
        self.query_one(YearHeader).set_columns(self.table.columns, counts)
        self._update_bar()
        await grid.show_table(self.table, keep)

    def _update_bar(self) -> None:
        table = self.table
        if table is None:
            return
        years = ", ".join(str(y) for y in table.columns) or "none"
        theme = "all themes"
        if self.theme_id:
            theme = next((t.label for t in self.themes if t.id == self.theme_id), self.theme_id)
        parts = [f"Years: {years} (1-9, p)", f"Theme: {theme} (t)"]
        unthemed = sum(len(v) for v in table.unthemed.values())
        if unthemed:
            parts.append(f"{plural(unthemed, 'proposal')} of no theme not shown")
        if table.undated:
            parts.append(f"{plural(table.undated, 'proposal')} of undated articles left out")
        self.query_one("#compare-bar", Static).update(Content(one_line(" · ".join(parts))))

    # -- messages from the grid -------------------------------------------------------------
    def on_compare_grid_moved(self, message: CompareGrid.Moved) -> None:
        detail = self.query_one("#compare-detail", Static)  # of a fixed height: no layout of the screen at each key
        detail.update(detail_content(message.proposal, self.corpus.speakers), layout=False)
        if self.table is not None and message.year in self.table.columns:
            self.query_one(YearHeader).mark(self.table.columns.index(message.year))

    def on_compare_grid_placed(self, message: CompareGrid.Placed) -> None:
        self.query_one(YearHeader).place(message.spans, message.scroll_x)

    # -- actions ----------------------------------------------------------------------------
    def action_open_source(self) -> None:
        proposal = self.current
        if proposal is None:
            self.notify("No proposal here: move to one with the arrow keys.", severity="warning")
            return
        self.dismiss(proposal)

    def action_copy_proposal(self) -> None:
        proposal = self.current
        if proposal is None:
            self.notify("No proposal here: move to one with the arrow keys.", severity="warning")
            return
        article = self.corpus.article(proposal.article_id)
        if article is None:
            return
        citation = proposal_citation(proposal, self.corpus.speakers)
        self.app.quote_out.copy(article, as_quotation(proposal), citation)  # type: ignore[attr-defined]

    def on_key(self, event: events.Key) -> None:
        """Remember which digit was pressed, for action_toggle_year (bound to 1-9)."""
        self._digit = int(event.character) if event.character and event.character in "123456789" else None

    async def action_toggle_year(self) -> None:
        """Show or hide the Nth year of the corpus (N is the digit pressed)."""
        n = self._digit
        if n is None:
            return
        if n > len(self.all_years):
            self.notify(f"There is no year {n}: the corpus has {plural(len(self.all_years), 'year')}.", timeout=3)
            return
        year = self.all_years[n - 1]
        if year in self.years:
            if len(self.years) == 1:
                self.notify("At least one year stays: tick another first (p).", timeout=3)
                return
            self.years.remove(year)
        else:
            self.years = sorted([*self.years, year])
        await self.rebuild()

    def action_pick_years(self) -> None:
        counts: dict[int, int] = {}
        for article in self.corpus.articles:
            if article.date is not None:
                counts[article.date.year] = counts.get(article.date.year, 0) + 1
        self.app.push_screen(YearPicker(self.all_years, self.years, counts), self._years_chosen)

    async def _years_chosen(self, years: list[int] | None) -> None:
        if years and years != self.years:
            self.years = years
            await self.rebuild()

    def action_filter_theme(self) -> None:
        counts = self.table.theme_counts if self.table is not None else {}  # every theme, shown or not
        self.app.push_screen(ThemePicker(self.themes, self.theme_id, counts), self._theme_chosen)

    async def _theme_chosen(self, theme_id: str | None) -> None:
        if theme_id is None:
            return
        chosen = theme_id or None
        if chosen != self.theme_id:
            self.theme_id = chosen
            await self.rebuild()

    def action_back(self) -> None:
        self.dismiss(None)


def open_compare(main: "MainScreen") -> None:
    """Show the compare view over *main*; enter there opens the proposal's article in it."""
    app = main.app
    if not app.is_screen_installed(SCREEN_NAME):
        app.install_screen(CompareScreen(main.corpus), SCREEN_NAME)

    async def chosen(proposal: Proposal | None) -> None:
        if proposal is None:
            return
        article = main.corpus.article(proposal.article_id)
        if article is None:
            return
        main.sidebar.highlight(article)
        await main.pane.show_sentence(article, proposal.paragraph, proposal.start, proposal.end)
        main.pane.focus()

    app.push_screen(SCREEN_NAME, chosen)
