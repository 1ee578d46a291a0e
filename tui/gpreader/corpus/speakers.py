"""One canonical speaker per real person, organisation or document across the corpus.

STUB — being written now. ``build_speakers(articles)`` returns {canonical name: Speaker}
and rewrites every ``Quote.speaker`` to its canonical name.
"""

from __future__ import annotations

from gpreader.corpus.model import Article, Speaker


def build_speakers(articles: list[Article]) -> dict[str, Speaker]:
    speakers: dict[str, Speaker] = {}
    for article in articles:
        for quote in article.quotes:
            if quote.speaker and quote.speaker not in speakers:
                speakers[quote.speaker] = Speaker(quote.speaker)
    return speakers
