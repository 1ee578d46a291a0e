"""Full-text search over a corpus's paragraphs, with SQLite FTS5.

``FullTextIndex`` keeps one row per article paragraph; ``sync(articles)`` brings it up to
date (only changed articles are re-indexed: each is known by a digest of its paragraphs)
and ``search(text)`` returns ``Hit``s, best first, each with the sentence that matched.
What the user types is never FTS5 syntax: every word is quoted, ``"…"`` keeps a phrase,
and the last word matches as a prefix while typing. The index lives in a file per corpus
folder in the cache directory (``open_fulltext``), or in memory.

Thread-safe: the app may ``sync`` in a worker thread while the UI thread searches.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from gpreader.corpus.attribution import sentences
from gpreader.corpus.cache import BUSY_TIMEOUT, default_cache_path, describe, from_db, is_corruption, to_db, transaction
from gpreader.corpus.model import Article, Corpus

SCHEMA = 1
SYNC_BATCH = 250  # articles per transaction while indexing (searches may run between them)
MIN_PREFIX = 2  # the last word matches as a prefix once it has this many characters
RANK_WINDOW = 2000  # broad queries are ranked among this many of the newest matching paragraphs
_PHRASE = re.compile(r'"([^"]*)"?|([^\s"]+)')
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Hit:
    """One matching paragraph: ``paragraphs[paragraph][start:end]`` is the first match."""

    article_id: str
    paragraph: int  # 0-based, as Quote.paragraph
    sentence: str  # the sentence of the paragraph holding the first match
    start: int
    end: int
    rank: float  # FTS5 bm25: lower is better
    sentence_start: int = 0  # where ``sentence`` starts in the paragraph
    matches: tuple[tuple[int, int], ...] = ()  # every matched (start, end) in the paragraph


def parse_query(text: str) -> list[tuple[list[str], bool]]:
    """The phrases the user typed, each (words, last word is a prefix).

    Every whitespace-separated word is a phrase of its own words ("GP's" -> ["GP", "s"]);
    ``"…"`` keeps a phrase; the last phrase is a prefix unless the text ends in a space or
    a quote, or its last word is shorter than ``MIN_PREFIX``.
    """
    text = unicodedata.normalize("NFC", text)
    phrases: list[tuple[list[str], bool]] = []
    for m in _PHRASE.finditer(text):
        words = _WORD.findall(m.group(1) if m.group(1) is not None else m.group(2))
        if words:
            phrases.append((words, False))
    if phrases and not text[-1:].isspace() and not text.endswith('"') and len(phrases[-1][0][-1]) >= MIN_PREFIX:
        phrases[-1] = (phrases[-1][0], True)
    return phrases


def fts_query(text: str) -> str | None:
    """The FTS5 MATCH expression for what the user typed, or None if it has no words.

    ``GP's "primary care" contr`` -> ``"GP s" "primary care" "contr"*``: phrases are ANDed;
    no character the user types is FTS5 syntax.
    """
    phrases = parse_query(text)
    if not phrases:
        return None
    return " ".join('"' + " ".join(words) + '"' + ("*" if prefix else "") for words, prefix in phrases)


def fold(word: str) -> str:
    """A word as the index compares it: case and diacritics removed."""
    if word.isascii():
        return word.lower()
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)).casefold()


def find_matches(paragraph: str, phrases: list[tuple[list[str], bool]]) -> list[tuple[int, int]]:
    """(start, end) in *paragraph* of every occurrence of the query's phrases, in order."""
    tokens = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(paragraph)]
    wanted = [([fold(w) for w in words], prefix) for words, prefix in phrases]
    found: list[tuple[int, int]] = []
    for i in range(len(tokens)):
        for words, prefix in wanted:
            n = len(words)
            if i + n > len(tokens):
                continue
            if all(tokens[i + k][2] == words[k] for k in range(n - 1)):
                last = tokens[i + n - 1][2]
                if last == words[-1] or (prefix and last.startswith(words[-1])):
                    found.append((tokens[i][0], tokens[i + n - 1][1]))
                    break
    return found


def sentence_bounds(paragraph: str, at: int) -> tuple[int, int]:
    """(start, end) of the sentence of *paragraph* that holds offset *at* (the engine's splitter)."""
    for start, end in sentences(paragraph):
        if end > at:
            return start, len(paragraph[:end].rstrip())
    return 0, len(paragraph)


def digest(article: Article) -> str:
    """What the index knows an article's text by: a hash of its paragraphs."""
    h = hashlib.blake2b(digest_size=16)
    for p in article.paragraphs:
        h.update(p.encode("utf-8", "surrogatepass"))
        h.update(b"\x1e")
    return h.hexdigest()


class FullTextIndex:
    """Paragraph search for one corpus. *path* None: in memory."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self._lock = threading.RLock()
        self._articles: dict[str, Article] = {}
        target = ":memory:" if self.path is None else str(self.path)
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
        try:
            self._setup()
        except BaseException:
            self._conn.close()
            raise

    def _setup(self) -> None:
        c = self._conn
        if self.path is not None:
            c.execute("PRAGMA journal_mode=WAL")
            c.execute("PRAGMA synchronous=NORMAL")
        if c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA:
            return
        c.execute("BEGIN IMMEDIATE")
        try:
            c.execute("DROP TABLE IF EXISTS docs")
            c.execute("DROP TABLE IF EXISTS paragraphs")
            c.execute("CREATE TABLE docs (article_id TEXT PRIMARY KEY, digest TEXT NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL)")
            c.execute(
                "CREATE VIRTUAL TABLE paragraphs USING fts5(text, article_id UNINDEXED, paragraph UNINDEXED,"
                " tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
            )
            c.execute(f"PRAGMA user_version={SCHEMA}")
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise

    # -- indexing --------------------------------------------------------------------------
    def sync(self, articles: Iterable[Article], on_progress: Callable[[int, int], None] | None = None) -> int:
        """Index exactly *articles*: add new and changed ones, drop the rest; return how many were (re)indexed."""
        articles = list(articles)
        with self._lock:
            self._articles = {a.id: a for a in articles}
            known = {from_db(row[0]): row[1:] for row in self._conn.execute("SELECT article_id, digest, first, last FROM docs")}
        wanted = {a.id: digest(a) for a in articles}
        stale = [aid for aid, (dig, _f, _l) in known.items() if wanted.get(aid) != dig]
        todo = [a for a in articles if a.id not in known or known[a.id][0] != wanted[a.id]]
        with self._lock, self._transaction():
            for aid in stale:
                _dig, first, last = known[aid]
                self._conn.execute("DELETE FROM paragraphs WHERE rowid BETWEEN ? AND ?", (first, last))
                self._conn.execute("DELETE FROM docs WHERE article_id = ?", (to_db(aid),))
        for n in range(0, len(todo), SYNC_BATCH):
            with self._lock, self._transaction():
                row = self._conn.execute("SELECT max(rowid) FROM paragraphs").fetchone()[0] or 0
                rows, docs = [], []
                for a in todo[n : n + SYNC_BATCH]:
                    first = row + 1
                    rows += [(row + 1 + i, text, to_db(a.id), i) for i, text in enumerate(a.paragraphs)]
                    row += max(1, len(a.paragraphs))
                    docs.append((to_db(a.id), wanted[a.id], first, row))
                self._conn.executemany("INSERT INTO paragraphs(rowid, text, article_id, paragraph) VALUES (?, ?, ?, ?)", rows)
                self._conn.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)", docs)
            if on_progress is not None:
                on_progress(min(n + SYNC_BATCH, len(todo)), len(todo))
        return len(todo)

    def _transaction(self) -> transaction:
        return transaction(self._conn)

    # -- searching -------------------------------------------------------------------------
    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """Paragraphs matching every word of *query* (see ``parse_query``), best first.

        Ranked by bm25 among the newest ``RANK_WINDOW`` matching paragraphs (all of them,
        for any but the broadest queries): ranking every paragraph of a large corpus that
        holds "the" would take longer than a keystroke.
        """
        phrases = parse_query(query)
        if not phrases or limit <= 0:
            return []
        expression = fts_query(query)
        with self._lock:
            c = self._conn
            row = c.execute(
                "SELECT rowid FROM paragraphs WHERE paragraphs MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                (expression, RANK_WINDOW - 1),
            ).fetchone()
            ranked = c.execute(
                "SELECT rowid, bm25(paragraphs) AS score FROM paragraphs WHERE paragraphs MATCH ? AND rowid >= ?"
                " ORDER BY score LIMIT ?",
                (expression, row[0] if row else 0, limit),
            ).fetchall()
            marks = ",".join("?" * len(ranked))
            found = {
                r[0]: r[1:]
                for r in c.execute(f"SELECT rowid, text, article_id, paragraph FROM paragraphs WHERE rowid IN ({marks})",
                                   [r[0] for r in ranked])
            }
            articles = self._articles
        hits: list[Hit] = []
        for rowid, score in ranked:
            text, stored_id, paragraph = found[rowid]
            article_id = from_db(stored_id)
            article = articles.get(article_id)
            if article is None or not 0 <= paragraph < len(article.paragraphs) or article.paragraphs[paragraph] != text:
                continue  # the index is behind the corpus: never show a wrong place
            matches = find_matches(text, phrases) or [(0, 0)]
            start, end = matches[0]
            s_start, s_end = sentence_bounds(text, start)
            hits.append(Hit(article_id, paragraph, text[s_start:s_end], start, end, score, s_start, tuple(matches)))
        return hits

    def __len__(self) -> int:
        with self._lock:
            return self._conn.execute("SELECT count(*) FROM docs").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass


def fulltext_path(root: Path | str) -> Path:
    """The index file of the corpus folder *root*, beside the index cache."""
    key = hashlib.sha1(str(Path(root).expanduser().absolute()).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return default_cache_path().with_name(f"fulltext-{key}.sqlite")


def open_fulltext(
    corpus: Corpus,
    cache: bool | Path | str = True,
    on_progress: Callable[[int, int], None] | None = None,
) -> tuple[FullTextIndex, list[str]]:
    """An index of *corpus*, synced; (index, one-line problems). *cache* True: the corpus's
    file in the cache dir; a path: that file; False: in memory. An index file that cannot
    be used is reported and replaced by one in memory (a damaged one is rebuilt)."""
    problems: list[str] = []
    index: FullTextIndex | None = None
    if cache is not False:
        path = fulltext_path(corpus.root) if cache is True else Path(cache)
        try:
            index = _open_file(path)
        except (sqlite3.Error, OSError) as exc:
            problems.append(f"search index {path}: {describe(exc)}; searching from memory this time")
    if index is not None:
        try:
            index.sync(corpus.articles, on_progress)
            return index, problems
        except sqlite3.Error as exc:
            index.close()
            problems.append(f"search index {index.path}: {describe(exc)}; searching from memory this time")
            if is_corruption(exc) and index.path is not None:
                _remove(index.path)  # rebuilt next time
    index = FullTextIndex(None)
    index.sync(corpus.articles, on_progress)
    return index, problems


def _open_file(path: Path) -> FullTextIndex:
    try:
        return FullTextIndex(path)
    except sqlite3.Error as exc:
        if not is_corruption(exc):
            raise
    _remove(path)  # a damaged index is only a cache: start again
    return FullTextIndex(path)


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
