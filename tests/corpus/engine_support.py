"""Build an article from paragraphs and run the quote engine on it, as the loader does."""

from __future__ import annotations

from pathlib import Path

from gpreader.corpus.extract import extract_quotes
from gpreader.corpus.model import Article, Quote
from gpreader.corpus.speakers import build_speakers


def quotes_of(*paragraphs: str) -> list[Quote]:
    article = Article("t", Path("t.txt"), "Headline", list(paragraphs))
    article.quotes = extract_quotes(article)
    build_speakers([article])
    return article.quotes


def pairs(*paragraphs: str) -> list[tuple[str, str | None]]:
    """(text, speaker) of every quote."""
    return [(q.text, q.speaker) for q in quotes_of(*paragraphs)]
