"""Fuzzy speaker search for the speaker finder and the command palette.

Every word typed must match a word of the speaker's name, an alias or a role: names
forgive typos ("stevns" finds Simon Stevens), roles match by prefix ("rcgp chair" finds
"former RCGP chairwoman"). Headless: rapidfuzz only, no Textual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from gpreader.corpus.model import Corpus, Speaker

NAME_CUTOFF = 75.0  # a typed word must be this close to a word of a name or alias
ROLE_CUTOFF = 88.0  # ... or this close to a word of a role (roles are long: be stricter)
ROLE_WEIGHT = 0.9  # a role match ranks below a name match
STOP_WORDS = {"of", "the", "and", "for", "at", "in", "a", "an"}
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SpeakerHit:
    """One speaker found, with what the finder shows about them."""

    name: str
    display_name: str
    kind: str
    role: str  # latest role, or ""
    quote_count: int
    years: tuple[int, ...]
    score: float  # 0..100
    matched: str = ""  # the role or alias that matched, when it is not the name

    @property
    def years_label(self) -> str:
        if not self.years:
            return ""
        first, last = self.years[0], self.years[-1]
        return str(first) if first == last else f"{first}–{last}"


def words(text: str) -> list[str]:
    """Lower-case words of *text*: "NHS England’s board" -> ["nhs", "england", "s", "board"]."""
    return _WORD.findall(text.casefold())


def initialisms(text: str) -> list[str]:
    """Initials of runs of capitalised words: "Royal College of General Practitioners" -> "rcgp"."""
    found: list[str] = []
    run: list[str] = []
    for word in re.findall(r"[\w’']+", text) + [""]:
        if word[:1].isupper() and not word.isupper():  # "Royal"; not an acronym like "GP"
            run.append(word[0])
        elif word.casefold() in STOP_WORDS and run:
            continue
        else:
            if len(run) >= 2:
                found.append("".join(run).casefold())
            run = []
    return found


@dataclass
class _Entry:
    speaker: Speaker
    name_words: set[str]
    role_words: dict[str, str]  # word -> the role text it came from
    alias_of: dict[str, str]  # word -> the alias it came from (when not in the name)
    joined: str  # name without spaces, for "simonstevens"
    quote_count: int
    years: tuple[int, ...]


class SpeakerIndex:
    """Search structure over a corpus's speakers; build once, search per keystroke."""

    def __init__(self, corpus: Corpus) -> None:
        counts: dict[str, int] = {}
        years: dict[str, set[int]] = {}
        speakers = dict(corpus.speakers)
        for article in corpus.articles:
            for quote in article.quotes:
                if not quote.speaker or quote.in_comments:
                    continue
                speakers.setdefault(quote.speaker, Speaker(quote.speaker))
                if quote.part == 0:
                    counts[quote.speaker] = counts.get(quote.speaker, 0) + 1
                if article.date:
                    years.setdefault(quote.speaker, set()).add(article.date.year)
        self.entries = [
            self._entry(s, counts.get(s.name, 0), tuple(sorted(years.get(s.name, ()))))
            for s in speakers.values()
        ]

    @staticmethod
    def _entry(speaker: Speaker, count: int, years: tuple[int, ...]) -> _Entry:
        name_words = set(words(speaker.display_name))
        alias_of: dict[str, str] = {}
        for alias in sorted(speaker.aliases):
            for word in [*words(alias), *initialisms(alias)]:
                if word not in name_words:
                    alias_of.setdefault(word, alias)
        for word in initialisms(speaker.name):
            alias_of.setdefault(word, speaker.name)
        role_words: dict[str, str] = {}
        for role in reversed(speaker.roles):  # the latest wording wins
            for word in [*words(role.text), *initialisms(role.text)]:
                role_words[word] = role.text
        joined = "".join(words(speaker.name))
        return _Entry(speaker, name_words, role_words, alias_of, joined, count, years)

    def search(self, query: str, limit: int = 20) -> list[SpeakerHit]:
        """Speakers matching every word of *query*, best first; all speakers if it is empty."""
        typed = words(query)
        meaningful = [w for w in typed if w not in STOP_WORDS] or typed
        found: list[tuple[float, str, _Entry]] = []
        for entry in self.entries:
            if not meaningful:
                found.append((100.0, "", entry))
                continue
            scored = _score(entry, meaningful, "".join(typed))
            if scored is not None:
                found.append((scored[0], scored[1], entry))
        found.sort(key=lambda f: (-f[0], -f[2].quote_count, f[2].speaker.name.casefold()))
        # only the rows shown are built (a speaker's latest role is worked out per row)
        return [_hit(entry, score, matched) for score, matched, entry in found[:limit]]


def _word_score(typed: str, candidates: set[str] | dict[str, str], cutoff: float) -> tuple[float, str]:
    """Best score of one typed word against candidate words (prefixes count as exact)."""
    best, best_word = 0.0, ""
    for word in candidates:
        if word == typed or (len(typed) >= 2 and word.startswith(typed)):
            return 100.0, word
        score = fuzz.ratio(typed, word)
        if score > best:
            best, best_word = score, word
    return (best, best_word) if best >= cutoff else (0.0, "")


def _score(entry: _Entry, typed: list[str], joined: str) -> tuple[float, str] | None:
    """(score, matched text) of *entry* for the typed words, or None when a word misses."""
    whole = fuzz.ratio(joined, entry.joined)  # "simonstevens", "simon stevns"
    fallback = (whole, "") if whole >= 88 else None
    total, matched = 0.0, ""
    for word in typed:
        name_score, _ = _word_score(word, entry.name_words, NAME_CUTOFF)
        alias_score, alias_word = _word_score(word, entry.alias_of, NAME_CUTOFF)
        role_score, role_word = _word_score(word, entry.role_words, ROLE_CUTOFF)
        role_score *= ROLE_WEIGHT
        best = max(name_score, alias_score, role_score)
        if best == 0.0:
            return fallback
        if best == role_score and best > max(name_score, alias_score):
            matched = matched or entry.role_words[role_word]
        elif best == alias_score and best > name_score:
            matched = matched or entry.alias_of[alias_word]
        total += best
    score = total / len(typed)
    if fallback and fallback[0] > score:
        return fallback
    return score, matched


def _hit(entry: _Entry, score: float, matched: str) -> SpeakerHit:
    speaker = entry.speaker
    latest = speaker.latest_role()
    return SpeakerHit(
        name=speaker.name,
        display_name=speaker.display_name,
        kind=speaker.kind,
        role=latest.text if latest else "",
        quote_count=entry.quote_count,
        years=entry.years,
        score=score,
        matched=matched if not latest or matched != latest.text else "",
    )


def search_speakers(corpus: Corpus, query: str, limit: int = 20) -> list[SpeakerHit]:
    """Speakers of *corpus* matching *query*, best first (see SpeakerIndex.search)."""
    return SpeakerIndex(corpus).search(query, limit)


TIE_WINDOW = 3.0  # speakers this close to the best are all matches ("nhs": both NHS bodies)


@dataclass(frozen=True)
class SpeakerMatch:
    """What a typed name resolves to, for scripts: the matches, or the nearest misses."""

    matches: list[str]  # canonical names, best first
    nearest: list[str]  # display names of the closest speakers when nothing matched


def corpus_speakers(corpus: Corpus) -> list[Speaker]:
    """Every speaker of the corpus, plus bare entries for quote speakers it does not list."""
    speakers = dict(corpus.speakers)
    for quote in corpus.quotes():
        if quote.speaker and quote.speaker not in speakers:
            speakers[quote.speaker] = Speaker(quote.speaker)
    return list(speakers.values())


def match_speakers(corpus: Corpus, query: str, nearest: int = 3) -> SpeakerMatch:
    """Resolve *query* to speakers: an exact name or alias wins, else the fuzzy best and ties."""
    wanted = query.strip().casefold()
    speakers = corpus_speakers(corpus)
    if not wanted or not speakers:
        return SpeakerMatch([], [])
    exact = [s.name for s in speakers if wanted in {n.casefold() for n in (s.name, s.display_name, *s.aliases)}]
    if exact:
        return SpeakerMatch(exact, [])
    hits = SpeakerIndex(corpus).search(query, limit=len(speakers))
    if hits:
        top = hits[0].score
        return SpeakerMatch([h.name for h in hits if h.score >= top - TIE_WINDOW], [])
    ranked = sorted(speakers, key=lambda s: (-fuzz.WRatio(wanted, s.display_name.casefold()), s.name))
    return SpeakerMatch([], [s.display_name for s in ranked[:nearest]])
