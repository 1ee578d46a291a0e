"""Find speakers by a loosely typed name: "stevns" finds Simon Stevens.

Each speaker is scored against its name, display name and aliases (full weight) and its
role texts (lower weight); the best-scoring speaker wins, together with any speaker
scoring within ``TIE_WINDOW`` points of it ("nhs" finds both NHS England and NHS
Confederation). Headless: uses rapidfuzz only.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from gpreader.corpus.model import Corpus, Speaker

SCORE_CUTOFF = 70.0
TIE_WINDOW = 3.0
ROLE_WEIGHT = 0.85


@dataclass(frozen=True)
class SpeakerSearch:
    """The outcome of a search: the matching speakers (best first) or the nearest misses."""

    matches: list[Speaker]
    nearest: list[Speaker]


def corpus_speakers(corpus: Corpus) -> list[Speaker]:
    """Every speaker of the corpus, plus bare entries for quote speakers it does not list."""
    speakers = dict(corpus.speakers)
    for quote in corpus.quotes():
        if quote.speaker and quote.speaker not in speakers:
            speakers[quote.speaker] = Speaker(quote.speaker)
    return list(speakers.values())


def _choices(speakers: list[Speaker]) -> tuple[list[str], list[tuple[int, float]]]:
    """Strings to match, each with (speaker index, weight)."""
    texts: list[str] = []
    owners: list[tuple[int, float]] = []
    for i, speaker in enumerate(speakers):
        for text in {speaker.name, speaker.display_name, *speaker.aliases}:
            texts.append(text)
            owners.append((i, 1.0))
        for role in speaker.roles:
            texts.append(role.text)
            owners.append((i, ROLE_WEIGHT))
    return texts, owners


def _scores(query: str, speakers: list[Speaker]) -> list[float]:
    """Best weighted score of each speaker for *query* (0..100)."""
    texts, owners = _choices(speakers)
    best = [0.0] * len(speakers)
    if not texts:
        return best
    results = process.extract(
        query, texts, scorer=fuzz.WRatio, processor=utils.default_process, limit=None
    )
    for _text, score, index in results:
        who, weight = owners[index]
        best[who] = max(best[who], score * weight)
    return best


def find_speakers(query: str, speakers: list[Speaker], nearest: int = 3) -> SpeakerSearch:
    """Speakers matching *query*: exact (case-insensitive) names first, else fuzzy."""
    wanted = query.strip().casefold()
    if not wanted or not speakers:
        return SpeakerSearch([], [])
    exact = [
        s
        for s in speakers
        if wanted in {n.casefold() for n in (s.name, s.display_name, *s.aliases)}
    ]
    if exact:
        return SpeakerSearch(exact, [])
    scores = _scores(query, speakers)
    ranked = sorted(range(len(speakers)), key=lambda i: (-scores[i], speakers[i].name.casefold()))
    top = scores[ranked[0]]
    if top >= SCORE_CUTOFF:
        matches = [speakers[i] for i in ranked if scores[i] >= max(SCORE_CUTOFF, top - TIE_WINDOW)]
        return SpeakerSearch(matches, [])
    return SpeakerSearch([], [speakers[i] for i in ranked[:nearest]])
