"""Getting quotations out of the app: the clipboard (OSC 52 and the system's), clippings
and the Markdown export. Every outcome is told in a notification (plain text, no markup)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from gpreader.citation import format_citation
from gpreader.clipboard import TMUX, ClipboardResult, copy_to_system, describe
from gpreader.clippings import Clipping, ClippingsError, ClippingStore
from gpreader.corpus.model import Article
from gpreader.counts import plural
from gpreader.quotations import Quotation

if TYPE_CHECKING:
    from textual.app import App

PREVIEW = 40


def preview(text: str) -> str:
    """The start of a quotation for a notification (the copy itself is never shortened)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW else flat[: PREVIEW - 1].rstrip() + "…"


class QuoteOut:
    """Copies, clips and exports quotations for *app*, keeping clippings in *store*.

    *on_change* is called with the number of clippings whenever it changes.
    """

    def __init__(self, app: "App", store: ClippingStore, on_change: Callable[[int], None] | None = None) -> None:
        self.app = app
        self.store = store
        self.on_change = on_change
        self.count = 0  # clippings kept, as last seen

    def load(self) -> None:
        """Read the clippings (to count them); report a damaged file or a read-only folder."""
        self.count = len(self.store.load())
        self._changed()
        for warning in self.store.warnings:
            self.app.notify(warning, title="Clippings", severity="warning", markup=False, timeout=10)
        problem = self.store.write_problem()
        if problem:
            message = f"{problem}: clippings and settings cannot be saved; reading and copying work."
            self.app.notify(message, title="Read-only", severity="warning", markup=False, timeout=10)

    def citation(self, article: Article, quotation: Quotation) -> str:
        speaker = self.app.corpus.speakers.get(quotation.speaker or "")  # type: ignore[attr-defined]
        return format_citation(quotation.as_quote(), article, speaker)

    def copy(self, article: Article, quotation: Quotation, citation: str | None = None) -> str:
        """Copy the quotation with its citation (or *citation*, already made): OSC 52 now,
        the system clipboard in a thread."""
        text = citation if citation is not None else self.citation(article, quotation)
        self.app.copy_to_clipboard(text)
        self.app.run_worker(
            lambda: self._copy_in_thread(text, article, quotation),
            thread=True,
            group="clipboard",
            name="copy to system clipboard",
        )
        return text

    def _copy_in_thread(self, text: str, article: Article, quotation: Quotation) -> None:
        result = copy_to_system(text)
        try:
            self.app.call_from_thread(self._copied, result, article, quotation)
        except RuntimeError:  # the app closed while the clipboard tool ran
            pass

    def _copied(self, result: ClipboardResult, article: Article, quotation: Quotation) -> None:
        who = quotation.speaker or "unattributed"
        how = describe(result, osc52_sent=True)
        severity = "information"
        if not result.ok or result.tool == TMUX:  # not on the system clipboard: keep it too
            severity = "information" if result.ok else "warning"
            how = how.removesuffix(" — kept in clippings")
            if self._add(article, quotation) is None:
                how += " — and it could not be kept in clippings"
            else:
                how += " — kept in clippings"
        message = f"‘{preview(quotation.text)}’ — {who}\n{how}"
        self.app.notify(message, title="Copied", severity=severity, markup=False)

    def clip(self, article: Article, quotation: Quotation) -> None:
        """Add the quotation to the clippings and say so."""
        added = self._add(article, quotation)
        if added is None:
            return
        who = quotation.speaker or "unattributed"
        message = f"‘{preview(quotation.text)}’ — {who}\n"
        message += f"Added to clippings ({self.count} kept)." if added else "Already in clippings."
        self.app.notify(message, title="Clippings", markup=False)

    def _add(self, article: Article, quotation: Quotation) -> bool | None:
        """True if added, False if already kept, None if it could not be saved."""
        speaker = self.app.corpus.speakers.get(quotation.speaker or "")  # type: ignore[attr-defined]
        try:
            added = self.store.add(Clipping.from_quote(quotation.as_quote(), article, speaker))
        except ClippingsError as error:
            self.app.notify(str(error), title="Clippings", severity="error", markup=False, timeout=10)
            return None
        if added:
            self.count += 1
            self._changed()
        return added

    def export(self) -> Path | None:
        """Write the clippings as Markdown and show where."""
        clips = self.store.load()
        if len(clips) != self.count:
            self.count = len(clips)
            self._changed()
        if not clips:
            self.app.notify("No clippings yet: press a on a quote to keep it.", markup=False)
            return None
        try:
            path = self.store.export_markdown()
        except ClippingsError as error:
            self.app.notify(str(error), title="Export", severity="error", markup=False, timeout=10)
            return None
        self.app.notify(f"Exported {plural(len(clips), 'clipping')} to\n{path}", title="Export", markup=False, timeout=10)
        return path

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change(self.count)
