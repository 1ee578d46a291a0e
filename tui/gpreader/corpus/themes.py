"""Policy themes and the words that signal them, read from a TOML file (seeds/themes.toml).

A themes file holds one ``[[theme]]`` table per theme::

    [[theme]]
    id = "commissioning"                      # letters, digits, - and _; unique
    label = "Commissioning and co-commissioning"
    description = "Who buys primary care ..." # optional
    signals = ["commission*", "CCG", "~commission* jointly"]

Signal syntax (kept small on purpose):

* Matching is case-insensitive and on whole words.
* ``word*`` matches any word that begins with *word*: ``integrat*`` -> integrate, integrated,
  integration.
* A word without ``*`` also matches its plural and possessive: ``PCN`` -> PCNs, PCN's.
* A space or hyphen between words of a signal matches a space, a hyphen or nothing in the
  text: ``co-location`` -> co-location, co location, colocation; ``joined up`` -> joined-up.
* British and American -ise/-ize spellings are the same: ``organisation`` = organization.
* A signal that starts with ``~`` matches its words in any order, all within a window of
  (number of words + 2) words of one sentence: ``~commission* jointly`` -> "jointly
  commission", "commission services jointly".

A broken file raises :class:`ThemesError` whose message is one line: the file and the reason.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable
from typing import Final
from dataclasses import dataclass
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore

THEMES_NAME: Final = "themes.toml"
_ID: Final = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_WORD: Final = re.compile(r"^[\w'’&.£$-]+\*?$")
_KEYS: Final = {"id", "label", "description", "signals"}
# What each of these finds comes first, the look-behind after it: the regex engine then skips
# to the next "iz" or hyphen, where a leading look-behind is tried at every position.
_IZE: Final = re.compile(r"iz(?<=[a-z]iz)(?=e\b|ed\b|es\b|er\b|ers\b|ing\b|ation\b|ations\b|ational\b)")
_WORD_HYPHEN: Final = re.compile(r"[-‐‑](?<=\w[-‐‑])(?=\w)")
WINDOW_EXTRA: Final = 2


class ThemesError(Exception):
    """A themes file that cannot be used; ``str()`` is one line naming the file and reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    signals: tuple[str, ...]
    description: str = ""

    def to_json(self) -> dict:
        return {"id": self.id, "label": self.label, "description": self.description, "signals": list(self.signals)}


@dataclass(frozen=True)
class SignalHit:
    """One signal of one theme found in a text: ``text[start:end] == surface``."""

    theme: str
    signal: str
    start: int
    end: int
    surface: str


def default_themes_path() -> Path:
    from gpreader.resources import bundled_seeds

    return bundled_seeds() / THEMES_NAME


def default_themes() -> list[Theme]:
    """The bundled themes (seeds/themes.toml)."""
    return list(_load_cached(str(default_themes_path())))


@functools.lru_cache(maxsize=8)
def _load_cached(path: str) -> tuple[Theme, ...]:
    return tuple(load_themes(path))


def load_themes(path: Path | str) -> list[Theme]:
    """Read and check a themes file; raise ThemesError (one line) when it cannot be used."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ThemesError(path, "no such file") from None
    except IsADirectoryError:
        raise ThemesError(path, "is a folder, not a themes file") from None
    except OSError as exc:
        raise ThemesError(path, f"cannot be read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ThemesError(path, "is not UTF-8 text") from None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ThemesError(path, f"not valid TOML: {exc}") from None
    return parse_themes(doc, path)


def parse_themes(doc: dict, path: Path | str = "<themes>") -> list[Theme]:
    """Themes from a parsed TOML document; ThemesError names *path* and the first problem."""
    tables = doc.get("theme")
    if tables is None:
        raise ThemesError(path, "no [[theme]] tables")
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise ThemesError(path, "'theme' must be an array of tables ([[theme]])")
    if not tables:
        raise ThemesError(path, "no [[theme]] tables")
    themes: list[Theme] = []
    seen: set[str] = set()
    for n, table in enumerate(tables, 1):
        where = f"theme {n}"
        tid = table.get("id")
        if not isinstance(tid, str) or not _ID.match(tid):
            raise ThemesError(path, f"{where}: 'id' must be a word of letters, digits, - or _ (got {tid!r})")
        where = f"theme {tid!r}"
        if tid in seen:
            raise ThemesError(path, f"{where}: the id is used twice")
        seen.add(tid)
        unknown = sorted(set(table) - _KEYS)
        if unknown:
            raise ThemesError(path, f"{where}: unknown key {unknown[0]!r} (expected id, label, description, signals)")
        label = table.get("label")
        if not isinstance(label, str) or not label.strip():
            raise ThemesError(path, f"{where}: 'label' must be a non-empty string")
        description = table.get("description", "")
        if not isinstance(description, str):
            raise ThemesError(path, f"{where}: 'description' must be a string")
        signals = table.get("signals")
        if not isinstance(signals, list) or not signals:
            raise ThemesError(path, f"{where}: 'signals' must be a non-empty list of strings")
        for s in signals:
            problem = signal_problem(s)
            if problem:
                raise ThemesError(path, f"{where}: signal {s!r} {problem}")
        if len(set(signals)) != len(signals):
            dup = next(s for s in signals if signals.count(s) > 1)
            raise ThemesError(path, f"{where}: signal {dup!r} is listed twice")
        themes.append(Theme(tid, label.strip(), tuple(signals), description.strip()))
    return themes


def signal_problem(signal: object) -> str | None:
    """Why *signal* is not a valid signal, or None."""
    if not isinstance(signal, str):
        return "is not a string"
    words = _signal_words(signal)
    if not words:
        return "has no words"
    for w in words:
        if "*" in w[:-1]:
            return "has a * that is not at the end of a word"
        if w == "*" or not _WORD.match(w):
            return f"has a word {w!r} that is not letters with an optional trailing *"
    return None


def _signal_words(signal: str) -> list[str]:
    body = signal.strip()
    if body.startswith("~"):
        body = body[1:]
    return [w for w in re.split(r"\s+", body.strip()) if w]


# -- matching ------------------------------------------------------------------------------

def normalise(text: str) -> str:
    """Lower case, ’ as ', hyphens inside words as spaces, -ize as -ise; same length as *text*."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if "’" in low or "‘" in low:
        low = low.replace("’", "'").replace("‘", "'")
    if "-" in low or "‐" in low or "‑" in low:
        low = _hyphens_spaced(low)
    return _IZE.sub("is", low) if "iz" in low else low


def _word_char(c: str) -> bool:
    """What \\w matches in a str pattern: an alphanumeric character or "_"."""
    return c.isalnum() or c == "_"


def _hyphens_spaced(low: str) -> str:
    """``_WORD_HYPHEN.sub(" ", low)``: each hyphen between two word characters as a space.
    A sentence holds a hyphen or two: each is found by str.find and its neighbours read,
    some ten times cheaper than the regex's substitution (its call, and its scan of the
    class at every character). A test checks them against each other."""
    last = len(low) - 1
    places: list[int] = []
    for hyphen in ("-", "‐", "‑"):
        at = low.find(hyphen)
        while at >= 0:
            if 0 < at < last and _word_char(low[at - 1]) and _word_char(low[at + 1]):
                places.append(at)
            at = low.find(hyphen, at + 1)
    if not places:
        return low
    places.sort()
    pieces: list[str] = []
    start = 0
    for at in places:
        pieces.append(low[start:at])
        start = at + 1
    pieces.append(low[start:])
    return " ".join(pieces)


_TOKEN: Final = re.compile(r"[\w&£$]+")
CANDIDATES_KEPT: Final = 200_000  # words whose candidates a matcher remembers (a vocabulary, bounded)
# in ASCII text, a token's characters are letters, digits and _&$: every other byte as a space
_ASCII_GAPS: Final = bytes(c if chr(c).isalnum() or chr(c) in "_&$" else 32 for c in range(256))


def _tokens(norm: str) -> list[str]:
    """``_TOKEN.findall(norm)``. ASCII text is split on the spaces of a copy whose every
    character outside a token is a space (``_spaced``), some ten times faster than by the regex."""
    spaced = _spaced(norm)
    return _TOKEN.findall(norm) if spaced is None else spaced.split()


# characters outside ASCII that are in no token, the commonest in news text (after normalise)
_NOT_TOKEN_MARKS: Final = ("“", "”", "–", "—", "…", "\xa0", "•")


def _spaced(norm: str) -> str | None:
    """*norm* with every character outside a token as a space, when it is ASCII but for
    marks of _NOT_TOKEN_MARKS (each as "?" first, then a space: the same length, every
    character where it was); None for other text, whose tokens the regex finds (some
    ten times slower: a third of the sentences have curly double quotes or a dash)."""
    if norm.isascii():
        return norm.encode("ascii").translate(_ASCII_GAPS).decode("ascii")
    marks = 0
    for mark in _NOT_TOKEN_MARKS:
        marks += norm.count(mark)
    if len(norm.encode("ascii", "ignore")) + marks != len(norm):
        return None
    return norm.encode("ascii", "replace").translate(_ASCII_GAPS).decode("ascii")


def _starts(norm: str, tokens: list[str]) -> list[int]:
    """Where each of *tokens* (``_tokens(norm)``) starts in *norm*: the first place at or
    after the token before it, as what lies between two tokens holds no token character."""
    out: list[int] = []
    at = 0
    for token in tokens:
        at = norm.find(token, at)
        out.append(at)
        at += len(token)
    return out


def _word_place(spaced: str, tok: str, after: int) -> int:
    """Where the first whole word *tok* of *spaced* (a copy of ``_spaced``, words between
    spaces) at or after *after* starts: found by str.find, then the characters each side
    looked at (a space or an end: not part of a longer word), not by finding " tok " in
    the copy with a space each end (two strings made a word). A test checks the two."""
    a = spaced.find(tok, after)
    end = a + len(tok)
    size = len(spaced)
    while (a > 0 and spaced[a - 1] != " ") or (end < size and spaced[end] != " "):
        a = spaced.find(tok, a + 1)  # inside a longer word: the next place
        end = a + len(tok)
    return a


@dataclass(frozen=True)
class _Word:
    stem: str
    star: bool
    gap: str | None  # before this word: None (first), " " (a space, or nothing when joined), or a literal

    def matches(self, token: str) -> bool:
        """*token* begins with the stem (star), or is it, its plural in -s or -es (the tail
        after the stem compared, no stem + "s" made for each word looked at)."""
        stem = self.stem
        if self.star:
            return token.startswith(stem)
        return token.startswith(stem) and token[len(stem) :] in ("", "s", "es")


# a signal's variant that may start at a word, and whose it is (see ThemeMatcher.__init__)
_Candidate = tuple[tuple[_Word, ...], int, int, int, str, str]


def _variants(word_or_phrase: str) -> list[tuple[_Word, ...]]:
    """Token sequences a signal (or one word of a ~ signal) may take in normalised text.

    A space or hyphen between two parts may also be absent: 'co-location' gives
    (co, location) and (colocation); a part before a joined one must have no *.
    """
    text = normalise(word_or_phrase.strip())
    pieces: list[tuple[str, bool, str | None]] = []  # (stem, star, gap before)
    last = 0
    for m in _TOKEN.finditer(text):
        gap = text[last : m.start()] if pieces else None
        star = text[m.end() : m.end() + 1] == "*"
        if gap is not None:
            gap = " " if gap.strip(" *") == "" else gap.replace("*", "").strip()
        pieces.append((m.group(0), star, gap))
        last = m.end() + (1 if star else 0)
    out: list[tuple[_Word, ...]] = []
    joinable = [i for i, (_, _, g) in enumerate(pieces) if g == " " and not pieces[i - 1][1]]
    for mask in range(1 << min(len(joinable), 4)):
        joined = {joinable[k] for k in range(min(len(joinable), 4)) if mask >> k & 1}
        words: list[list] = []
        for i, (stem, star, gap) in enumerate(pieces):
            if i in joined:
                words[-1][0] += stem
                words[-1][1] = star
            else:
                words.append([stem, star, gap])
        out.append(tuple(_Word(w[0], w[1], w[2]) for w in words))
    return out


class ThemeMatcher:
    """Every theme's signals prepared once; ``hits(text)`` finds them in a sentence.

    Matching walks the sentence's words once: each word looks up the signals that can start
    with it (exactly, or by a starred prefix), so the cost hardly grows with more signals.
    """

    def __init__(self, themes: list[Theme] | tuple[Theme, ...]) -> None:
        self.themes = tuple(themes)
        self.fingerprint = themes_fingerprint(self.themes)  # equal fingerprints, equal hits
        self._order = {t.id: i for i, t in enumerate(self.themes)}
        # each candidate of a first word: (variant, theme order, signal rank, 0, theme, signal)
        # for a plain signal, (variant, -1, loose index, word index, "", "") for a ~ signal
        self._exact: dict[str, list[_Candidate]] = {}
        self._star: dict[str, list[_Candidate]] = {}
        self._loose: list[tuple[str, str, int, int]] = []  # theme, signal, words, window
        for order, theme in enumerate(self.themes):
            for rank, signal in enumerate(theme.signals):
                if signal.strip().startswith("~"):
                    words = _signal_words(signal)
                    li = len(self._loose)
                    self._loose.append((theme.id, signal, len(words), len(words) + WINDOW_EXTRA))
                    for k, w in enumerate(words):
                        for v in _variants(w):
                            self._index((v, -1, li, k, "", ""))
                else:
                    for v in _variants(" ".join(_signal_words(signal))):
                        self._index((v, self._order[theme.id], rank, 0, theme.id, signal))
        # starred stems by their first three letters; a word is checked only against its bucket
        self._star3: dict[str, list[tuple[str, list[_Candidate]]]] = {}
        self._star_short: list[tuple[str, list[_Candidate]]] = []
        for stem, entries in self._star.items():
            if len(stem) >= 3:
                self._star3.setdefault(stem[:3], []).append((stem, entries))
            else:
                self._star_short.append((stem, entries))
        self._candidates: dict[str, tuple[_Candidate, ...]] = {}  # word -> _candidates_of(word)
        # which words opening on two letters a-z may have candidates (see _may_start): those
        # of an exact key's first two letters and length, and those of a starred stem's
        # first three letters; with a starred stem under three letters, every word
        self._every_word = bool(self._star_short)
        self._exact_shapes = _exact_shapes(self._exact)
        self._star_heads = _star_heads(self._star)

    def _index(self, candidate: _Candidate) -> None:
        first = candidate[0][0]
        if first.star:
            self._star.setdefault(first.stem, []).append(candidate)
        else:
            for key in (first.stem, first.stem + "s", first.stem + "es"):
                self._exact.setdefault(key, []).append(candidate)

    def _candidates_of(self, tok: str) -> tuple[_Candidate, ...]:
        """The candidates whose first word *tok* may be, remembered per word."""
        candidates = list(self._exact.get(tok, ()))
        for stem, more in self._star3.get(tok[:3], []) + self._star_short:
            if tok.startswith(stem):
                candidates += more
        found = tuple(candidates)
        if len(self._candidates) < CANDIDATES_KEPT:
            self._candidates[tok] = found
        return found

    def hits(self, text: str) -> list[SignalHit]:
        """Every signal found in *text*, in theme order, then position; within a theme the
        longer of two overlapping matches wins."""
        return [SignalHit(tid, signal, a, b, text[a:b]) for tid, signal, a, b in self.spans(text)]

    def spans(self, text: str) -> list[tuple[str, str, int, int]]:
        """``hits(text)`` as (theme, signal, start, end), without the hits' objects."""
        norm = normalise(text)
        spaced = _spaced(norm)
        words: list[str] = _TOKEN.findall(norm) if spaced is None else spaced.split()
        # Where a word starts is found only for words with candidates: in ASCII text, as the
        # first whole word of a copy (spaced) after the last word looked up (no word between
        # them is this one: it would have had the same candidates), by str.find then a look
        # at the characters each side (a space or an end: not inside a longer word); in
        # other text, from where every word starts (_starts).
        after = 0  # in spaced, the end of the last word with candidates
        starts: list[int] | None = None
        plain: list[tuple[int, int, int, int, str, str]] = []
        loose_at: dict[tuple[int, int], list[tuple[int, int, int]]] | None = None  # made at its first word
        known = self._candidates
        every = self._every_word
        for i, tok in enumerate(words):
            if not every and not _may_start(self, tok):
                continue  # no candidates: no key of its shape, no stem of its head
            candidates = known.get(tok)
            if candidates is None:
                candidates = self._candidates_of(tok)
            if not candidates:
                continue
            if spaced is not None:
                a = _word_place(spaced, tok, after)
                after = a + len(tok)
            else:
                if starts is None:
                    starts = _starts(norm, words)
                a = starts[i]
            for variant, order, rank, k, tid, signal in candidates:
                b = a + len(tok) if len(variant) == 1 else _match_end(norm, words, i, a, variant)
                if b < 0:
                    continue
                if order >= 0:
                    plain.append((order, a, -(b - a), rank, tid, signal))
                else:
                    if loose_at is None:
                        loose_at = {}
                    loose_at.setdefault((rank, k), []).append((i, a, b))
        found: list[tuple[str, str, int, int]] = []
        if len(plain) == 1:  # the commonest: one hit, which nothing overlaps (no dict or sort)
            _, a, neg, _, tid, signal = plain[0]
            found.append((tid, signal, a, a - neg))
        elif plain:
            plain.sort()
            last_end: dict[str, int] = {}
            for _, a, neg, _, tid, signal in plain:
                b = a - neg
                if a < last_end.get(tid, -1):
                    continue
                last_end[tid] = b
                found.append((tid, signal, a, b))
        if loose_at is not None:  # found is in theme order, then start, unless a ~ signal adds to it
            self._add_loose(found, loose_at)
        return found

    def _add_loose(self, found: list[tuple[str, str, int, int]], loose_at: dict[tuple[int, int], list[tuple[int, int, int]]]) -> None:
        """Add the ~ signals' hits to *found* and sort it by theme order, then start (only when
        one is added: *found* is in that order already). A signal's words are looked up until
        one is missing, by a loop (a list of them all and all() are generic calls for mypyc)."""
        added = False
        for li, (tid, signal, count, window) in enumerate(self._loose):
            places: list[list[tuple[int, int, int]]] = []
            for k in range(count):
                occ = loose_at.get((li, k))
                if occ is None:
                    break
                places.append(occ)
            if len(places) == count:
                hit = _window_hit(places, window)
                if hit is not None:
                    found.append((tid, signal, hit[0], hit[1]))
                    added = True
        if added:
            order = self._order
            found.sort(key=lambda h: (order[h[0]], h[2]))

    def themes_of(self, text: str) -> dict[str, list[str]]:
        """{theme id: [signals as written]} for *text*, in theme-file order."""
        out: dict[str, list[str]] = {}
        for h in self.hits(text):
            sigs = out.setdefault(h.theme, [])
            if h.signal not in sigs:
                sigs.append(h.signal)
        return out


def _shape(word: str) -> int:
    """A word (not empty) opening on letters a-z as a number: its first letter, its second
    (a for a word of one), its length (31 for any longer); -1 for other words."""
    n = len(word)
    c0 = ord(word[0]) - 97
    c1 = ord(word[1]) - 97 if n >= 2 else 0
    return (c0 * 26 + c1) * 32 + min(n, 31) if 0 <= c0 < 26 and 0 <= c1 < 26 else -1


def _exact_shapes(keys: Iterable[str]) -> bytes:
    """1 at the _shape of each key opening on letters a-z."""
    table = bytearray(26 * 26 * 32)
    for key in keys:
        shape = _shape(key)
        if shape >= 0:
            table[shape] = 1
    return bytes(table)


def _star_heads(stems: Iterable[str]) -> bytes:
    """1 at the first three letters of each stem of three or more opening on three letters a-z."""
    table = bytearray(26 * 26 * 26)
    for stem in stems:
        if len(stem) >= 3 and all("a" <= c <= "z" for c in stem[:3]):
            table[((ord(stem[0]) - 97) * 26 + ord(stem[1]) - 97) * 26 + ord(stem[2]) - 97] = 1
    return bytes(table)


def _may_start(matcher: ThemeMatcher, tok: str) -> bool:
    """False when word *tok* has no candidates (``_candidates_of``), told by its shape, as
    ``spans`` tells it: a word opening on letters a-z has none unless an exact key has its
    _shape (a key is the word itself), or it is three letters or more and a starred stem
    (three letters or more, unless ``_every_word``) has its first three (the word begins
    with the stem). Other words are looked up."""
    shape = _shape(tok)
    if matcher._every_word or shape < 0 or matcher._exact_shapes[shape]:
        return True
    if len(tok) < 3:
        return False
    c2 = ord(tok[2]) - 97
    return not 0 <= c2 < 26 or bool(matcher._star_heads[(shape // 32) * 26 + c2])


def _match_end(norm: str, words: list[str], i: int, at: int, variant: tuple[_Word, ...]) -> int:
    """Where in *norm* *variant* ends when it matches from token *i* (``words[i]``, which
    starts at *at*), else -1. Each next token starts where it is first found after the one
    before (as ``_starts`` finds it): what lies between holds no token character."""
    end = at + len(words[i])
    for k in range(1, len(variant)):  # the first word was matched by the look-up
        j = i + k
        if j >= len(words):
            return -1
        word = variant[k]
        token = words[j]
        if not word.matches(token):  # the cheapest test first: it mostly fails
            return -1
        start = norm.find(token, end)
        gap = norm[end:start]  # never empty: tokens are maximal
        if word.gap == " ":
            if not gap.isspace():
                return -1
        elif gap != word.gap:
            return -1
        end = start + len(token)
    return end


def _window_hit(places: list[list[tuple[int, int, int]]], window: int) -> tuple[int, int] | None:
    """(start, end) of the first place where every word occurs within *window* words."""
    for token, _, _ in sorted(p for occ in places for p in occ):
        chosen = []
        for occ in places:
            pick = next((p for p in occ if token <= p[0] < token + window), None)
            if pick is None:
                break
            chosen.append(pick)
        else:
            if len({p[1] for p in chosen}) == len(chosen):  # distinct words, not one match twice
                return min(p[1] for p in chosen), max(p[2] for p in chosen)
    return None


@functools.lru_cache(maxsize=16)
def matcher_for(themes: tuple[Theme, ...]) -> ThemeMatcher:
    """A compiled matcher, cached per set of themes."""
    return ThemeMatcher(themes)


def themes_fingerprint(themes: tuple[Theme, ...] | list[Theme]) -> str:
    """A digest of what matching depends on: each theme's id and signals, in order (not the
    labels or descriptions). Two sets of themes with one fingerprint find the same hits."""
    text = repr([(t.id, tuple(t.signals)) for t in themes])
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]


_DEFAULT: list = [None, None]  # (the bundled themes as loaded, their matcher)


@functools.cache  # bundled_seeds() is the same while it runs, and so then is this
def _default_themes_file() -> str:
    return str(default_themes_path())


def default_matcher() -> ThemeMatcher | None:
    """The matcher of the bundled themes, or None when they cannot be read."""
    try:
        themes = _load_cached(_default_themes_file())
    except Exception:  # a broken bundled file: nothing to theme with ahead of time
        return None
    if _DEFAULT[0] is not themes:
        _DEFAULT[:] = [themes, matcher_for(themes)]
    return _DEFAULT[1]
