"""Build an article from paragraphs and run the quote engine on it, as the loader does."""

from __future__ import annotations

from pathlib import Path

from gpreader.corpus.extract import extract_quotes
from gpreader.corpus.model import Article, Quote
from gpreader.corpus.speakers import build_speakers


GAPS = (" ", "  ", "", ", ", ". ", ".", "; ", ": ", "-", "\n")


def prose(words: list[str], size: int = 12):
    """A hypothesis strategy: up to *size* of *words*, each followed by one of ``GAPS``
    (for comparing a pattern written for speed with its plain form)."""
    from hypothesis import strategies as st

    return st.lists(st.tuples(st.sampled_from(words), st.sampled_from(GAPS)), max_size=size).map(
        lambda pieces: "".join(word + gap for word, gap in pieces)
    )


def quotes_of(*paragraphs: str) -> list[Quote]:
    article = Article("t", Path("t.txt"), "Headline", list(paragraphs))
    article.quotes = extract_quotes(article)
    build_speakers([article])
    return article.quotes


def pairs(*paragraphs: str) -> list[tuple[str, str | None]]:
    """(text, speaker) of every quote."""
    return [(q.text, q.speaker) for q in quotes_of(*paragraphs)]


def found_proposals(article: Article):
    """The proposals found for *article* and remembered by the engine (None: not found yet).

    Observed in the engine's memo rather than by replacing its functions: with the engine
    compiled (setup.py), calls inside a module do not go through the module's attributes.
    """
    from gpreader.corpus import proposals

    entry = proposals._FOUND.get(id(article))
    return entry[2] if entry is not None and entry[0]() is article else None
