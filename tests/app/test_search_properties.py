"""SpeakerIndex.search ranks exactly as a plain scan of every speaker's words would."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from gpreader.corpus.model import Corpus, PubDate, Role, Speaker
from gpreader.search import (
    NAME_CUTOFF, ROLE_CUTOFF, ROLE_WEIGHT, STOP_WORDS, WHOLE_CUTOFF, SpeakerIndex, initialisms, words,
)


# -- the scan: each typed word scored against each word of each speaker --------------------
def _word_score(typed: str, candidates, cutoff: float) -> tuple[float, str]:
    best, best_word = 0.0, ""
    for word in candidates:
        if word == typed or (len(typed) >= 2 and word.startswith(typed)):
            return 100.0, word
        score = fuzz.ratio(typed, word)
        if score > best:
            best, best_word = score, word
    return (best, best_word) if best >= cutoff else (0.0, "")


def _scan_score(speaker: Speaker, typed: list[str], joined: str) -> tuple[float, str] | None:
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
    whole = fuzz.ratio(joined, "".join(words(speaker.name)))
    fallback = (whole, "") if whole >= WHOLE_CUTOFF else None
    total, matched = 0.0, ""
    for word in typed:
        name_score, _ = _word_score(word, name_words, NAME_CUTOFF)
        alias_score, alias_word = _word_score(word, alias_of, NAME_CUTOFF)
        role_score, role_word = _word_score(word, role_words, ROLE_CUTOFF)
        role_score *= ROLE_WEIGHT
        best = max(name_score, alias_score, role_score)
        if best == 0.0:
            return fallback
        if best == role_score and best > max(name_score, alias_score):
            matched = matched or role_words[role_word]
        elif best == alias_score and best > name_score:
            matched = matched or alias_of[alias_word]
        total += best
    score = total / len(typed)
    if fallback and fallback[0] > score:
        return fallback
    return score, matched


def scan(corpus: Corpus, query: str) -> list[tuple[str, float, str]]:
    typed = words(query)
    meaningful = [w for w in typed if w not in STOP_WORDS] or typed
    found = []
    for speaker in corpus.speakers.values():
        scored = _scan_score(speaker, meaningful, "".join(typed)) if meaningful else (100.0, "")
        if scored is not None:
            found.append((scored[0], scored[1], speaker))
    found.sort(key=lambda f: (-f[0], f[2].name.casefold()))  # no quotes: every count is 0
    latest = {s.name: (s.latest_role().text if s.latest_role() else "") for s in corpus.speakers.values()}
    return [(s.name, score, matched if matched != latest[s.name] else "") for score, matched, s in found]


# -- speakers and queries from a small vocabulary, with prefixes and typos ------------------
# words that share prefixes or are a letter apart, so that words of one speaker tie
VOCAB = ["Simon", "Stevens", "Simone", "Steven", "Stevenson", "Clare", "Gerada", "Royal", "College", "of",
         "General", "Practitioners", "RCGP", "chair", "chairman", "chairwoman", "former", "chief", "executive",
         "NHS", "England", "the", "BMA", "GP", "GPs", "committee", "Dr", "Prof", "King’s", "Fund", "Kings", "O’Brien"]
word = st.sampled_from(VOCAB)
phrase = st.lists(word, min_size=1, max_size=4).map(" ".join)
speaker = st.builds(
    lambda name, kind, honorific, aliases, roles: Speaker(
        name, kind, honorific, set(aliases),
        [Role(text, "a", PubDate(year) if year else None) for text, year in roles],
    ),
    phrase, st.sampled_from(["person", "organisation"]), st.sampled_from([None, "Dr", "Professor"]),
    st.lists(phrase, max_size=3), st.lists(st.tuples(phrase, st.sampled_from([None, 2013, 2015])), max_size=3),
)


@st.composite
def typed_word(draw) -> str:
    w = draw(word).lower()
    cut = draw(st.integers(1, len(w)))
    kind = draw(st.sampled_from(["whole", "prefix", "typo", "other"]))
    if kind == "prefix":
        return w[:cut]
    if kind == "typo":
        return w[: cut - 1] + draw(st.sampled_from("aeirstx")) + w[cut:]
    if kind == "other":
        return draw(st.text(alphabet="abcdegrst ", max_size=6))
    return w


query = st.lists(typed_word(), max_size=3).map(" ".join)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(speaker, max_size=8), st.lists(query, min_size=1, max_size=4))
def test_search_ranks_as_a_scan_of_every_speaker_would(speakers, queries):
    corpus = Corpus(root=Path("."), speakers={s.name: s for s in speakers})
    index = SpeakerIndex(corpus)
    for typed in queries:
        found = [(h.name, h.score, h.matched) for h in index.search(typed, limit=len(speakers) + 1)]
        assert found == scan(corpus, typed), typed
