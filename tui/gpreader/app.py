"""The gpreader Textual app: owns the corpus and the clippings; screens do the work."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from gpreader import keys
from gpreader.clippings import ClippingStore
from gpreader.commands import SpeakerCommands
from gpreader.corpus.model import Corpus
from gpreader.quote_out import QuoteOut
from gpreader.safe_text import one_line, printable
from gpreader.screens.help_screen import HelpScreen
from gpreader.screens.main_screen import MainScreen
from gpreader.screens.speaker_finder import SpeakerFinder
from gpreader.screens.speaker_page import SpeakerPage
from gpreader.search import SpeakerIndex
from gpreader.settings import SettingsStore
from gpreader.terminal_filter import ControlCharacterFilter
from gpreader.ui_theme import ThemeKeeper


class GPReaderApp(App[None]):
    """Read a corpus of articles; jump between speakers; copy and keep quotes."""

    CSS_PATH = Path(__file__).parent / "gpreader.tcss"  # absolute: subclasses live elsewhere
    TITLE = "gpreader"
    BINDINGS = keys.APP
    COMMANDS = App.COMMANDS | {SpeakerCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-tiny"), (60, "-narrow"), (100, "-normal"), (160, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]

    def __init__(
        self,
        corpus: Corpus,
        *,
        store: ClippingStore | None = None,
        settings: SettingsStore | None = None,
        theme: str | None = None,
        search_cache: bool | Path = True,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        self.control_filter = ControlCharacterFilter()
        self.theme_keeper = ThemeKeeper(self, settings or SettingsStore(), theme)
        self.corpus = corpus
        self.search_cache = search_cache  # the full-text index's file: True, the cache dir's; False, memory
        self.speaker_index = SpeakerIndex(corpus)
        self.quote_out = QuoteOut(self, store or ClippingStore(), on_change=self._clippings_changed)
        self.main_screen = MainScreen(corpus)

    def get_default_screen(self) -> MainScreen:
        return self.main_screen

    def on_mount(self) -> None:
        self._clippings_changed(0)
        self.quote_out.load()
        self.theme_keeper.start()
        problems = self.corpus.problems
        for problem in problems[:3]:
            self.notify(str(problem), severity="warning", markup=False, timeout=10)
        if len(problems) > 3:
            self.notify(f"… and {len(problems) - 3} more files with problems.", severity="warning", markup=False)

    def _clippings_changed(self, count: int) -> None:
        articles = len(self.corpus.articles)
        speakers = len(self.speaker_index.entries)
        self.sub_title = (
            f"{articles} article{'' if articles == 1 else 's'} · "
            f"{speakers} speaker{'' if speakers == 1 else 's'} · "
            f"{count} clipping{'' if count == 1 else 's'}"
        )

    # -- terminal safety ---------------------------------------------------------------
    def get_line_filters(self):
        """Textual's filters (NO_COLOR and the like), then ours: no control character out."""
        ours = [self.control_filter] if self.control_filter.enabled else []
        return [*super().get_line_filters(), *ours]

    def notify(self, message: str, *, title: str = "", severity="information", timeout=None, markup=False) -> None:
        """Every notification is plain text, made printable: messages quote article text,
        file names and paths. (*markup* is accepted and ignored.)"""
        super().notify(printable(message), title=one_line(title), severity=severity, timeout=timeout, markup=False)

    # -- global actions --------------------------------------------------------------
    def action_cycle_theme(self) -> None:
        self.theme_keeper.cycle()

    def action_show_keys(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_jump_to_speaker(self) -> None:
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
        self.push_screen(SpeakerPage(self.corpus, name), self._quote_chosen)

    async def _quote_chosen(self, key: tuple | None) -> None:
        if key is not None:
            await self.open_quote(key)

    async def open_quote(self, key: tuple) -> None:
        """Back to the main screen, with quotation *key* open, selected and in view."""
        while len(self.screen_stack) > 1 and self.screen is not self.main_screen:
            await self.pop_screen()
        await self.main_screen.show_quote(key)
