"""Command palette (ctrl+p): speakers, found with the same search as the speaker finder."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from gpreader.counts import plural
from gpreader.safe_text import markup_literal, one_line
from gpreader.search import SpeakerHit

LIMIT = 12


def _prompt(hit: SpeakerHit) -> Text:
    return Text.assemble("Speaker: ", (one_line(hit.display_name), "bold"))


def _help(hit: SpeakerHit) -> str:
    bits = [hit.role, plural(hit.quote_count, "quote"), hit.years_label]
    return markup_literal(" · ".join(b for b in bits if b))  # the palette reads help as markup


class SpeakerCommands(Provider):
    """Offers "Speaker: <name>" entries that open the speaker's page."""

    async def search(self, query: str) -> Hits:
        app = self.app
        words = query.split()
        if words and "speaker:".startswith(words[0].casefold()) and len(words[0]) >= 3:
            query = " ".join(words[1:])  # "speaker: stevens" and "spe stevens" both work
        if app.speaker_index is None:  # type: ignore[attr-defined]  # the folder is still being read
            return
        for hit in app.speaker_index.search(query, LIMIT):  # type: ignore[attr-defined]
            yield Hit(
                hit.score / 100,
                _prompt(hit),
                partial(app.open_speaker, hit.name),  # type: ignore[attr-defined]
                text=f"Speaker: {one_line(hit.display_name)}",
                help=_help(hit),
            )

    async def discover(self) -> Hits:
        app = self.app
        if app.speaker_index is None:  # type: ignore[attr-defined]
            return
        for hit in app.speaker_index.search("", LIMIT):  # type: ignore[attr-defined]
            yield DiscoveryHit(
                _prompt(hit),
                partial(app.open_speaker, hit.name),  # type: ignore[attr-defined]
                text=f"Speaker: {one_line(hit.display_name)}",
                help=_help(hit),
            )
