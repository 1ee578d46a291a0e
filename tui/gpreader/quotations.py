"""A quotation as the reader selects and copies it: one or more Quote parts.

A quotation continued over paragraphs is stored as several ``Quote`` parts sharing a
``group``; the reader selects, copies and clips the whole quotation. Headless.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from gpreader.corpus.model import Article, Corpus, Quote

PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class Quotation:
    """Consecutive parts of one quotation, in paragraph order (usually just one)."""

    parts: tuple[Quote, ...]

    @property
    def first(self) -> Quote:
        return self.parts[0]

    @property
    def key(self) -> tuple[str, int, int]:
        """Stable identity within the corpus: (article id, paragraph, start)."""
        return (self.first.article_id, self.first.paragraph, self.first.start)

    @property
    def speaker(self) -> str | None:
        return self.first.speaker

    @property
    def text(self) -> str:
        """The exact words, parts separated by a paragraph break."""
        return PARAGRAPH_BREAK.join(part.text for part in self.parts)

    def as_quote(self) -> Quote:
        """One Quote carrying the whole text (for citations and clippings)."""
        if len(self.parts) == 1:
            return self.first
        return replace(self.first, text=self.text, end=self.parts[-1].end)


def _continues(previous: Quote, quote: Quote) -> bool:
    return (
        quote.part > 0
        and quote.part == previous.part + 1
        and quote.group == previous.group
        and quote.speaker == previous.speaker
        and quote.paragraph > previous.paragraph
    )


def quotations(quotes: list[Quote]) -> list[Quotation]:
    """Group an article's body quotes into quotations, in reading order."""
    ordered = sorted((q for q in quotes if not q.in_comments), key=lambda q: (q.paragraph, q.start))
    runs: list[list[Quote]] = []
    for quote in ordered:
        if runs and _continues(runs[-1][-1], quote):
            runs[-1].append(quote)
        else:
            runs.append([quote])
    return [Quotation(tuple(run)) for run in runs]


def speaker_quotations(corpus: Corpus, speaker: str) -> list[tuple[Article, Quotation]]:
    """Every quotation of *speaker* across *corpus*, by article date then position."""
    found = [
        (article, quotation)
        for article in corpus.articles
        for quotation in quotations(article.quotes)
        if quotation.speaker == speaker
    ]
    found.sort(key=lambda pair: (pair[0].sort_key, pair[1].first.paragraph, pair[1].first.start))
    return found
