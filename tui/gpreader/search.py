"""Fuzzy speaker search for the speaker finder and the command palette.

Every word typed must match a word of the speaker's name, an alias or a role: names
forgive typos ("stevns" finds Simon Stevens), roles match by prefix ("rcgp chair" finds
"former RCGP chairwoman"). Headless: rapidfuzz only, no Textual.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from gpreader.corpus.model import Corpus, Role, Speaker

NAME_CUTOFF = 75.0  # a typed word must be this close to a word of a name or alias
ROLE_CUTOFF = 88.0  # ... or this close to a word of a role (roles are long: be stricter)
ROLE_WEIGHT = 0.9  # a role match ranks below a name match
WHOLE_CUTOFF = 88.0  # ... or the whole query this close to the whole name, spaces ignored
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
    latest_role: str  # the text of the speaker's latest role, or ""
    sort_name: str  # casefolded name, the last tie-break of the ranking


class _WordIndex:
    """Which entries hold each word, as a name word, an alias word or a role word.

    A typed word is scored once against every distinct word of the corpus (rapidfuzz, in
    C), not once per speaker word. An alias or role word is posted as (entry number, its
    position among the entry's words of that field, the alias or role it came from): when
    two words of an entry score the same, the first one names what matched, as a scan of
    the entry's words would.
    """

    def __init__(self, entries: list[_Entry]) -> None:
        self.name: dict[str, list[int]] = {}
        self.alias: dict[str, list[_Posting]] = {}
        self.role: dict[str, list[_Posting]] = {}
        for number, entry in enumerate(entries):
            for word in entry.name_words:
                self.name.setdefault(word, []).append(number)
            for position, (word, alias) in enumerate(entry.alias_of.items()):
                self.alias.setdefault(word, []).append((number, position, alias))
            for position, (word, role) in enumerate(entry.role_words.items()):
                self.role.setdefault(word, []).append((number, position, role))
        self.vocabulary = sorted({*self.name, *self.alias, *self.role})

    def scores(self, typed: str) -> dict[str, float]:
        """Words of the index within NAME_CUTOFF of *typed* (prefixes count as exact)."""
        found = {
            word: score
            for word, score, _ in process.extract(
                typed, self.vocabulary, scorer=fuzz.ratio, processor=None, score_cutoff=NAME_CUTOFF, limit=None
            )
        }
        if len(typed) < 2:
            if typed in found:
                found[typed] = 100.0
            return found
        for i in range(bisect_left(self.vocabulary, typed), len(self.vocabulary)):
            word = self.vocabulary[i]
            if not word.startswith(typed):
                break
            found[word] = 100.0
        return found

    def match(self, typed: str) -> "_WordMatch":
        """The best name, alias and role score of every entry that has one for *typed*."""
        scores = self.scores(typed)
        names: dict[int, float] = {}
        for word, score in scores.items():
            for number in self.name.get(word, ()):
                names[number] = max(names.get(number, 0.0), score)
        return _WordMatch(names, _best(scores, self.alias, NAME_CUTOFF), _best(scores, self.role, ROLE_CUTOFF))


_Posting = tuple[int, int, str]  # entry number, position of the word in the entry, its alias or role
_Best = tuple[float, int, str]  # best score, position of the first word with it, its alias or role


def _best(scores: dict[str, float], postings: dict[str, list[_Posting]], cutoff: float) -> dict[int, _Best]:
    """entry number -> its best word's (score, position, alias or role), over words >= *cutoff*."""
    best: dict[int, _Best] = {}
    for word, score in scores.items():
        if score < cutoff:
            continue
        for number, position, text in postings.get(word, ()):
            held = best.get(number)
            if held is None or score > held[0] or (score == held[0] and position < held[1]):
                best[number] = (score, position, text)
    return best


@dataclass
class _WordMatch:
    """One typed word against the index: entry number -> its best score in each field."""

    name: dict[int, float]
    alias: dict[int, _Best]
    role: dict[int, _Best]  # the score before ROLE_WEIGHT

    def entries(self) -> set[int]:
        return {*self.name, *self.alias, *self.role}


class SpeakerIndex:
    """Search structure over a corpus's speakers; build once, search per keystroke."""

    def __init__(self, corpus: Corpus) -> None:
        counts: dict[str, int] = {}
        years: dict[str, set[int]] = {}
        speakers = dict(corpus.speakers)
        for article in corpus.articles:
            said: dict[str, None] = {}  # the article's speakers, in the order they speak
            for quote in article.quotes:
                name = quote.speaker
                if not name or quote.in_comments:
                    continue
                said[name] = None
                if quote.part == 0:
                    counts[name] = counts.get(name, 0) + 1
            for name in said:
                if name not in speakers:
                    speakers[name] = Speaker(name)
                if article.date:
                    years.setdefault(name, set()).add(article.date.year)
        role_words = _RoleWords()
        self.entries = [
            self._entry(s, counts.get(s.name, 0), tuple(sorted(years.get(s.name, ()))), role_words)
            for s in speakers.values()
        ]
        self._words = _WordIndex(self.entries)
        self._joined = [entry.joined for entry in self.entries]
        # what an empty query shows: everyone, most quoted first
        self._everyone = sorted(range(len(self.entries)), key=lambda n: _rank(self.entries[n], 100.0))

    @staticmethod
    def _entry(speaker: Speaker, count: int, years: tuple[int, ...], role_words: "_RoleWords") -> _Entry:
        name_words = set(words(speaker.display_name))
        alias_of: dict[str, str] = {}
        for alias in sorted(speaker.aliases):
            for word in [*words(alias), *initialisms(alias)]:
                if word not in name_words:
                    alias_of.setdefault(word, alias)
        for word in initialisms(speaker.name):
            alias_of.setdefault(word, speaker.name)
        joined = "".join(words(speaker.name))
        latest = speaker.latest_role()
        return _Entry(
            speaker, name_words, role_words.of(speaker.roles), alias_of, joined, count, years,
            latest.text if latest else "", speaker.name.casefold(),
        )

    def search(self, query: str, limit: int = 20) -> list[SpeakerHit]:
        """Speakers matching every word of *query*, best first; all speakers if it is empty."""
        typed = words(query)
        meaningful = [w for w in typed if w not in STOP_WORDS] or typed
        if not meaningful:
            return [_hit(self.entries[n], 100.0, "") for n in self._everyone[:limit]]
        matches = [self._words.match(word) for word in meaningful]
        whole = self._whole("".join(typed))
        candidates = set.intersection(*(m.entries() for m in matches)) | whole.keys()
        found: list[tuple[float, str, _Entry]] = []
        for number in sorted(candidates):  # in index order, as the ranking's final tie-break
            scored = _score(number, matches, whole.get(number))
            if scored is not None:
                found.append((scored[0], scored[1], self.entries[number]))
        found.sort(key=lambda f: _rank(f[2], f[0]))
        return [_hit(entry, score, matched) for score, matched, entry in found[:limit]]

    def _whole(self, joined: str) -> dict[int, float]:
        """Entries whose whole name is close to the whole query ("simonstevens", "simon stevns")."""
        close = process.extract(
            joined, self._joined, scorer=fuzz.ratio, processor=None, score_cutoff=WHOLE_CUTOFF, limit=None
        )
        return {number: score for _, score, number in close}


class _RoleWords:
    """A speaker's role words, worked out once per distinct role text (roles repeat a lot)."""

    def __init__(self) -> None:
        self._of_text: dict[str, list[str]] = {}

    def _words(self, text: str) -> list[str]:
        found = self._of_text.get(text)
        if found is None:
            found = self._of_text[text] = [*words(text), *initialisms(text)]
        return found

    def of(self, roles: list[Role]) -> dict[str, str]:
        """word -> the text of the earliest role with it, in the order the latest roles give.

        The same as ``for role in reversed(roles): for word in ...: result[word] = role.text``.
        """
        texts = list(dict.fromkeys(role.text for role in roles))  # each text once, first seen first
        earliest: dict[str, str] = {}
        for text in texts:
            for word in self._words(text):
                earliest.setdefault(word, text)
        latest_first = dict.fromkeys(role.text for role in reversed(roles))
        return {word: earliest[word] for text in latest_first for word in self._words(text)}


def _rank(entry: _Entry, score: float) -> tuple[float, int, str]:
    return (-score, -entry.quote_count, entry.sort_name)


_MISS: _Best = (0.0, -1, "")


def _score(number: int, matches: list[_WordMatch], whole: float | None) -> tuple[float, str] | None:
    """(score, matched text) of entry *number* for the typed words, or None when a word misses."""
    fallback = (whole, "") if whole is not None else None
    total, matched = 0.0, ""
    for match in matches:
        name_score = match.name.get(number, 0.0)
        alias_score, _, alias = match.alias.get(number, _MISS)
        role_score, _, role = match.role.get(number, _MISS)
        role_score *= ROLE_WEIGHT
        best = max(name_score, alias_score, role_score)
        if best == 0.0:
            return fallback
        if best == role_score and best > max(name_score, alias_score):
            matched = matched or role
        elif best == alias_score and best > name_score:
            matched = matched or alias
        total += best
    score = total / len(matches)
    if fallback and fallback[0] > score:
        return fallback
    return score, matched


def _hit(entry: _Entry, score: float, matched: str) -> SpeakerHit:
    speaker = entry.speaker
    return SpeakerHit(
        name=speaker.name,
        display_name=speaker.display_name,
        kind=speaker.kind,
        role=entry.latest_role,
        quote_count=entry.quote_count,
        years=entry.years,
        score=score,
        matched=matched if not entry.latest_role or matched != entry.latest_role else "",
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
