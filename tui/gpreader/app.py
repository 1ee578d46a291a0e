"""The gpreader Textual app: owns the corpus and the clippings; screens do the work."""

from __future__ import annotations

import asyncio
import gc
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.reactive import Reactive

from gpreader import keys
from gpreader.corpus.collection import Corpus
from gpreader.counts import plural
from gpreader.open_folder import Folder
from gpreader.safe_text import one_line, printable
from gpreader.screens.main_screen import MainScreen
from gpreader.settings import SettingsStore
from gpreader.terminal_filter import ControlCharacterFilter, FilterChain
from gpreader.ui_theme import ThemeKeeper

if TYPE_CHECKING:
    from gpreader.clippings import ClippingStore
    from gpreader.quote_out import QuoteOut


def _speaker_commands():
    """The palette's speaker provider, imported when the palette first opens."""
    from gpreader.commands import SpeakerCommands

    return SpeakerCommands


class GPReaderApp(App[None]):
    """Read a corpus of articles; jump between speakers; copy and keep quotes."""

    CSS_PATH = Path(__file__).parent / "gpreader.tcss"  # absolute: subclasses live elsewhere
    TITLE = "gpreader"
    BINDINGS = keys.APP
    COMMANDS = App.COMMANDS | {_speaker_commands}
    HORIZONTAL_BREAKPOINTS = [(0, "-tiny"), (60, "-narrow"), (100, "-normal"), (160, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]
    # The title line (TitleBar) watches the sub-title and redraws itself; Textual's own
    # sub-title would redraw the whole screen at every change (it did for every batch of
    # articles while a folder was read, when the title line counted them).
    sub_title: Reactive[str] = Reactive("", compute=False, repaint=False)

    def __init__(
        self,
        corpus: Corpus | Folder,
        *,
        store: ClippingStore | None = None,
        settings: SettingsStore | None = None,
        theme: str | None = None,
        search_cache: bool | Path = True,
        **kwargs,
    ) -> None:
        """*corpus*: a loaded Corpus, or a Folder to load once the window is up (in a
        worker: the sidebar fills as articles are read)."""
        super().__init__(**kwargs)
        self.control_filter = ControlCharacterFilter()
        self._filter_chain: FilterChain | None = None
        self._gc_paused = False  # by run(), until the first frame
        self.theme_keeper = ThemeKeeper(self, settings or SettingsStore(), theme)
        self.folder = corpus if isinstance(corpus, Folder) else None
        self.corpus = Corpus(root=corpus.root) if self.folder else corpus
        self.search_cache = search_cache  # the full-text index's file: True, the cache dir's; False, memory
        self.speaker_index = None if self.folder else _speaker_index(self.corpus)
        self.folder_read = asyncio.Event()  # set once every article is in (or reading failed)
        if self.folder is None:
            self.folder_read.set()
        self._store = store
        self.main_screen = MainScreen(self.corpus, reading_folder=self.folder is not None)

    def run(self, **kwargs):
        """Run the app (see ``App.run``). What start-up made (modules, classes, styles) lives
        as long as the program: frozen, the collector stops walking it, which saved a fifth
        of the time to the first frame on the seeds and keeps later collections short.
        Collecting is also paused until that frame is up (``on_ready``): start-up makes
        objects by the thousand and few cycles, and collecting them was about a tenth of the
        time from here to that frame."""
        gc.freeze()
        paused = gc.isenabled()
        gc.disable()
        self._gc_paused = paused
        try:
            return super().run(**kwargs)
        finally:
            if paused:
                gc.enable()

    @property
    def still_loading(self) -> bool:
        """True while the folder is still being read (speakers not merged yet)."""
        return self.speaker_index is None

    def get_default_screen(self) -> MainScreen:
        return self.main_screen

    @cached_property
    def quote_out(self) -> QuoteOut:
        """Copying, clipping and exporting quotations (made when first needed, after the
        first frame: the clippings file and the code that copies are not part of it)."""
        from gpreader.clippings import ClippingStore
        from gpreader.quote_out import QuoteOut

        return QuoteOut(self, self._store or ClippingStore(), on_change=self._clippings_changed)

    def on_mount(self) -> None:
        self._clippings_changed(0)
        self.theme_keeper.start()
        if self.folder is None:
            self._report_problems()

    def on_ready(self) -> None:
        """The first frame is on the screen: now count the clippings, and read the folder
        in a thread (whose first job is to import what reading needs)."""
        if self._gc_paused:
            self._gc_paused = False
            gc.enable()
        self.quote_out.load()
        if self.folder is not None:
            self.run_worker(self._read_folder, thread=True, name="load folder")

    def _read_folder(self) -> None:
        from gpreader.folder_loading import load_in_worker

        load_in_worker(self, self.folder)

    def _report_problems(self, warnings: list[str] = ()) -> None:
        lines = [*warnings, *(str(p) for p in self.corpus.problems)]
        for line in lines[:3]:
            self.notify(line, severity="warning", markup=False, timeout=10)
        if len(lines) > 3:
            self.notify(f"… and {len(lines) - 3} more files with problems.", severity="warning", markup=False)

    # -- a folder being read (gpreader.folder_loading) ------------------------------------
    def on_articles_arrived(self, message) -> None:
        if not self.is_running:  # closing: the worker finished as the app quit
            return
        self.corpus.articles.extend(message.articles)
        self.main_screen.articles_arrived(message.articles, message.done, message.total)

    async def on_folder_loaded(self, message) -> None:
        if not self.is_running:  # closing: the worker finished as the app quit
            return
        loaded = message.corpus
        corpus = self.corpus  # the screens hold this one: fill it in
        corpus.articles, corpus.speakers, corpus.problems = loaded.articles, loaded.speakers, loaded.problems
        self.speaker_index = message.speaker_index
        await self.main_screen.corpus_loaded()
        self._clippings_changed(self.quote_out.count)
        self._report_problems(message.warnings)
        self.folder_read.set()

    def on_folder_failed(self, message) -> None:
        if not self.is_running:  # closing: the worker finished as the app quit
            return
        self.speaker_index = _speaker_index(self.corpus)
        self.main_screen.load_failed(message.reason)
        self.notify(message.reason, severity="error", markup=False, timeout=10)
        self.folder_read.set()

    def not_while_loading(self, what: str) -> bool:
        """True (and says so) while the folder is read: *what* needs every article."""
        if self.still_loading:
            self.notify(f"Still reading the folder: {what} when every article is in.", markup=False, timeout=4)
        return self.still_loading

    def _clippings_changed(self, count: int) -> None:
        clippings = plural(count, "clipping")
        if self.speaker_index is None:
            # no running count: the loading bar has it, and a title line changed with every
            # batch of articles would have the whole window drawn again with it (Textual
            # redraws the span from the top line to the bar as one)
            self.sub_title = f"reading the folder… · {clippings}"
            return
        articles, speakers = len(self.corpus.articles), len(self.speaker_index.entries)
        self.sub_title = f"{plural(articles, 'article')} · {plural(speakers, 'speaker')} · {clippings}"

    # -- terminal safety ---------------------------------------------------------------
    def get_line_filters(self):
        """Textual's filters (NO_COLOR and the like), then ours: no control character out. Applied
        as one filter (``FilterChain``): Textual makes a new strip per filter per line drawn."""
        ours = [self.control_filter] if self.control_filter.enabled else []
        filters = [*super().get_line_filters(), *ours]
        if len(filters) < 2:
            return filters
        chain = self._filter_chain
        if chain is None or chain.filters != filters:  # the same object while the same: strips cache by it
            chain = self._filter_chain = FilterChain(filters)
        return [chain]

    def notify(self, message: str, *, title: str = "", severity="information", timeout=None, markup=False) -> None:
        """Every notification is plain text, made printable: messages quote article text,
        file names and paths. (*markup* is accepted and ignored.)"""
        super().notify(printable(message), title=one_line(title), severity=severity, timeout=timeout, markup=False)

    # -- global actions --------------------------------------------------------------
    def action_cycle_theme(self) -> None:
        self.theme_keeper.cycle()

    def action_show_keys(self) -> None:
        from gpreader.screens.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_jump_to_speaker(self) -> None:
        if self.not_while_loading("the speaker finder opens"):
            return
        from gpreader.screens.speaker_finder import SpeakerFinder  # not needed for the first frame

        if not isinstance(self.screen, SpeakerFinder):
            self.push_screen(SpeakerFinder(self.speaker_index), self._speaker_chosen)

    def action_export_clippings(self) -> None:
        self.quote_out.export()

    def _speaker_chosen(self, name: str | None) -> None:
        if name:
            self.open_speaker(name)

    # -- navigation ------------------------------------------------------------------
    def open_speaker(self, name: str) -> None:
        """Show the page of the speaker with canonical *name*."""
        from gpreader.screens.speaker_page import SpeakerPage

        self.push_screen(SpeakerPage(self.corpus, name), self._quote_chosen)

    async def _quote_chosen(self, key: tuple | None) -> None:
        if key is not None:
            await self.open_quote(key)

    async def open_quote(self, key: tuple) -> None:
        """Back to the main screen, with quotation *key* open, selected and in view."""
        while len(self.screen_stack) > 1 and self.screen is not self.main_screen:
            await self.pop_screen()
        await self.main_screen.show_quote(key)


def _speaker_index(corpus: Corpus):
    from gpreader.search import SpeakerIndex  # rapidfuzz: not needed before the first frame

    return SpeakerIndex(corpus)
