"""Quotes of one article: find the spans, then give each its speaker.

STUB — being written now (quotes.py + attribution.py). The contract:
``extract_quotes(article)`` returns ``Quote`` objects for ``article.paragraphs`` with
``speaker`` set to the name resolved *within the article* (full name where the article
gives one), and ``build_speakers`` (speakers.py) later rewrites them to canonical names.
"""

from __future__ import annotations

from gpreader.corpus.model import Article, Quote


def extract_quotes(article: Article) -> list[Quote]:
    return []
