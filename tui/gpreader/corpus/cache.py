"""The index cache: parsed articles in one SQLite file per user, so a folder opens fast.

One row per article file, keyed by its absolute path and checked against the file's
SHA-256 (and size and modification time), its catalog facts and the engine's fingerprint
(``version.engine_fingerprint``). Rows are plain data written with ``marshal``, with a
CRC-32, never pickle (``cache_codec``): a damaged row fails its checksum, one of the wrong
shape fails to decode, and a row that fails either way is parsed afresh. Speakers are not
cached: ``build_speakers`` over the cached articles is cheap.

Rows are made by ``cache_codec``. Every failure here is ``CacheUnavailable`` (or ``sqlite3.Error`` during use), which the
loader reports in one line before loading without the cache. A file that is not a SQLite
database is moved aside (``index.sqlite.corrupt``) and a fresh cache is made.
"""

from __future__ import annotations

import os
import sqlite3
import time
import zlib
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from gpreader.corpus.version import engine_fingerprint

SCHEMA = 2
CACHE_FILE = "index.sqlite"
ENV_CACHE_DIR = "GPREADER_CACHE_DIR"
BUSY_TIMEOUT = 0.5  # seconds to wait for another process's write lock before giving up
# A file modified this close to the moment it was indexed may change again within the same
# mtime tick (coarse file-system clocks): its size and mtime are not trusted, its hash is.
RACY_NS = 2_000_000_000

_CORRUPT = {"SQLITE_NOTADB", "SQLITE_CORRUPT"}


class CacheUnavailable(Exception):
    """The cache at ``path`` cannot be used; ``reason`` is a short phrase, ``str()`` one line with both."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"index cache {path}: {reason}")
        self.path = path
        self.reason = reason


class CachedFile(NamedTuple):
    """What the cache knows of one file, without the article itself."""

    size: int
    mtime_ns: int
    indexed_ns: int
    sha256: str
    engine: str
    meta: str

    def fresh_by_stat(self, size: int, mtime_ns: int) -> bool:
        """Unchanged by size and mtime, and not modified too close to its indexing to tell."""
        return size == self.size and mtime_ns == self.mtime_ns and mtime_ns + RACY_NS < self.indexed_ns


class Entry(NamedTuple):
    """One row to write: a parsed file."""

    path: str
    size: int
    mtime_ns: int
    indexed_ns: int
    sha256: str
    meta: str
    data: bytes


def default_cache_path() -> Path:
    """$GPREADER_CACHE_DIR/index.sqlite, else the platform's user cache dir for gpreader."""
    folder = os.environ.get(ENV_CACHE_DIR)
    if not folder:
        from platformdirs import user_cache_dir

        folder = user_cache_dir("gpreader", appauthor=False)
    return Path(folder).expanduser() / CACHE_FILE


def is_corruption(exc: BaseException) -> bool:
    """True for 'file is not a database' and 'database disk image is malformed'."""
    return getattr(exc, "sqlite_errorname", "") in _CORRUPT or (
        isinstance(exc, sqlite3.DatabaseError)
        and not isinstance(exc, sqlite3.OperationalError)
        and ("not a database" in str(exc) or "malformed" in str(exc))
    )


def describe(exc: BaseException) -> str:
    """A short reason: 'database is locked', 'Permission denied', ..."""
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


class IndexCache:
    """An open index cache. Not thread-safe: use it from one thread at a time."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_cache_path()
        self.notes: list[str] = []  # one-line remarks for the user, e.g. a corrupt file moved aside
        self.engine = engine_fingerprint()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            why = "a file is in the way" if isinstance(exc, (FileExistsError, NotADirectoryError)) else describe(exc)
            raise CacheUnavailable(self.path, f"cannot create its folder ({why})") from None
        try:
            self._conn = self._connect()
        except sqlite3.Error as exc:
            if not is_corruption(exc):
                raise CacheUnavailable(self.path, describe(exc)) from None
            aside = self.move_aside()
            self.notes.append(f"index cache was damaged ({describe(exc)}); moved it to {aside.name} and started a new one")
            try:
                self._conn = self._connect()
            except sqlite3.Error as exc2:
                raise CacheUnavailable(self.path, describe(exc2)) from None

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA:
                with transaction(conn):
                    conn.execute("DROP TABLE IF EXISTS articles")
                    conn.execute("DROP TABLE IF EXISTS settings")
                    conn.execute("DROP TABLE IF EXISTS catalogs")
                    conn.execute(
                        "CREATE TABLE articles (path TEXT PRIMARY KEY, folder TEXT NOT NULL, size INTEGER NOT NULL,"
                        " mtime_ns INTEGER NOT NULL, indexed_ns INTEGER NOT NULL, sha256 TEXT NOT NULL,"
                        " engine TEXT NOT NULL, meta TEXT NOT NULL, crc INTEGER NOT NULL, data BLOB NOT NULL)"
                    )
                    conn.execute(
                        "CREATE TABLE catalogs (folder TEXT PRIMARY KEY, sha256 TEXT NOT NULL, engine TEXT NOT NULL,"
                        " crc INTEGER NOT NULL, data BLOB NOT NULL)"
                    )
                    conn.execute("CREATE INDEX articles_by_folder ON articles(folder, path)")
                    conn.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                    conn.execute(f"PRAGMA user_version={SCHEMA}")
            row = conn.execute("SELECT value FROM settings WHERE key='engine'").fetchone()
            if row is None or row[0] != self.engine:  # a new engine: old rows can never be used again
                with transaction(conn):
                    conn.execute("DELETE FROM articles WHERE engine != ?", (self.engine,))
                    conn.execute("DELETE FROM catalogs WHERE engine != ?", (self.engine,))
                    conn.execute("INSERT OR REPLACE INTO settings VALUES ('engine', ?)", (self.engine,))
        except BaseException:
            conn.close()
            raise
        return conn

    def move_aside(self) -> Path:
        """Move a damaged cache file to '<name>.corrupt' (dropping its WAL); the next open rebuilds."""
        self.close()
        aside = self.path.with_name(self.path.name + ".corrupt")
        try:
            os.replace(self.path, aside)
            for suffix in ("-wal", "-shm"):
                Path(str(self.path) + suffix).unlink(missing_ok=True)
        except OSError as exc:
            raise CacheUnavailable(self.path, f"damaged, and cannot be moved aside ({describe(exc)})") from None
        return aside

    # -- reading ---------------------------------------------------------------------------
    def files(self, folder: Path | str) -> dict[str, CachedFile]:
        """{absolute path: what is known of it} for the files cached under *folder* with this engine."""
        cur = self._conn.execute(
            "SELECT path, size, mtime_ns, indexed_ns, sha256, engine, meta FROM articles WHERE folder = ?",
            (to_db(str(folder)),),
        )
        return {from_db(row[0]): CachedFile(*row[1:]) for row in cur if row[5] == self.engine}

    def data(self, folder: Path | str, paths: set[str]) -> Iterator[tuple[str, bytes | None]]:
        """(path, row) of the wanted *paths* under *folder*, streamed in path order; the row
        is None when its checksum shows it damaged."""
        cur = self._conn.execute("SELECT path, crc, data FROM articles WHERE folder = ? ORDER BY path", (to_db(str(folder)),))
        for stored, crc, data in cur:
            path = from_db(stored)
            if path in paths:
                yield path, data if isinstance(data, bytes) and checksum(data) == crc else None

    def catalog(self, folder: Path | str, sha256: str) -> bytes | None:
        """The parsed catalog of *folder* (its row, cache_codec) if it was cached for content *sha256*."""
        row = self._conn.execute(
            "SELECT sha256, engine, crc, data FROM catalogs WHERE folder = ?", (to_db(str(folder)),)
        ).fetchone()
        if row is None or row[0] != sha256 or row[1] != self.engine or not isinstance(row[3], bytes):
            return None
        return row[3] if checksum(row[3]) == row[2] else None

    def store_catalog(self, folder: Path | str, sha256: str, data: bytes) -> None:
        with transaction(self._conn):
            self._conn.execute(
                "INSERT OR REPLACE INTO catalogs VALUES (?, ?, ?, ?, ?)",
                (to_db(str(folder)), sha256, self.engine, checksum(data), data),
            )

    # -- writing ---------------------------------------------------------------------------
    def store(self, folder: Path | str, entries: Iterable[Entry]) -> None:
        rows = [
            (to_db(e.path), to_db(str(folder)), e.size, e.mtime_ns, e.indexed_ns, e.sha256, self.engine, to_db(e.meta), checksum(e.data), e.data)
            for e in entries
        ]
        if rows:
            with transaction(self._conn):
                self._conn.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def touch(self, updates: Iterable[tuple[str, int, int, int]]) -> None:
        """Record new (path, size, mtime_ns, indexed_ns) for files whose content hash still matched."""
        rows = [(size, mtime, indexed, to_db(path)) for path, size, mtime, indexed in updates]
        if rows:
            with transaction(self._conn):
                self._conn.executemany("UPDATE articles SET size=?, mtime_ns=?, indexed_ns=? WHERE path=?", rows)

    def forget(self, paths: Iterable[str]) -> None:
        rows = [(p,) for p in paths]
        if rows:
            with transaction(self._conn):
                self._conn.executemany("DELETE FROM articles WHERE path = ?", rows)

    def close(self) -> None:
        conn = getattr(self, "_conn", None)
        if conn is not None:
            self._conn = None  # type: ignore[assignment]
            try:
                conn.close()
            except sqlite3.Error:
                pass

    def __enter__(self) -> "IndexCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def to_db(text: str) -> str:
    """Any Python string as SQLite text: a file name that is not UTF-8 carries surrogates,
    which SQLite refuses; its bytes go in as latin-1 instead (reversible, see from_db)."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "\x00" + text.encode("utf-8", "surrogateescape").decode("latin-1")


def from_db(text: str) -> str:
    if text.startswith("\x00"):
        return text[1:].encode("latin-1").decode("utf-8", "surrogateescape")
    return text


class transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on error (the connection is in autocommit mode)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind, exc, tb) -> None:
        if kind is None:
            self.conn.execute("COMMIT")
        else:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass


# -- keys --------------------------------------------------------------------------------------
def meta_key(meta: dict) -> str:
    """A stable text of an article's catalog facts: a changed catalog entry misses the cache."""
    return repr(sorted(meta.items())) if meta else ""


def now_ns() -> int:
    return time.time_ns()


def checksum(data: bytes) -> int:
    """CRC-32 of a row: a flipped byte in the file is a miss, not a wrong article."""
    return zlib.crc32(data)


class CacheSession:
    """The cache as one load uses it: any error becomes one problem line and turns it off.

    *spec* is False/None (no cache), True (the default file), a path, or an open
    ``IndexCache`` (left open at the end; the others are closed by ``close()``).
    """

    def __init__(self, spec: "bool | Path | str | IndexCache | None", folder: Path) -> None:
        self.folder = str(folder)
        self.problems: list[str] = []
        self.cache: IndexCache | None = None
        self._owned = False
        self.path: Path | None = None
        if spec is None or spec is False:
            return
        if isinstance(spec, IndexCache):
            self.cache, self.path = spec, spec.path
            return
        self.path = default_cache_path() if spec is True else Path(spec)
        try:
            self.cache = IndexCache(self.path)
        except CacheUnavailable as exc:
            self.problems.append(f"index cache not used: {exc.reason}")
            return
        self._owned = True
        self.problems += self.cache.notes

    @property
    def enabled(self) -> bool:
        return self.cache is not None

    def _fail(self, exc: BaseException, consequence: str = "index cache not used") -> None:
        """Report *exc* once, turn the cache off; a damaged file is moved aside for next time."""
        cache, self.cache = self.cache, None
        reason = f"{consequence}: {describe(exc)}"
        if cache is not None and is_corruption(exc):
            try:
                aside = cache.move_aside()
                reason += f" (moved the damaged file to {aside.name}; it is rebuilt next time)"
            except CacheUnavailable:
                pass
        elif cache is not None and self._owned:
            cache.close()
        self.problems.append(reason)

    def known(self) -> dict[str, CachedFile]:
        if self.cache is None:
            return {}
        try:
            return self.cache.files(self.folder)
        except sqlite3.Error as exc:
            self._fail(exc)
            return {}

    def rows(self, wanted: set[str]) -> Iterator[tuple[str, str | None]]:
        if self.cache is None or not wanted:
            return
        try:
            yield from self.cache.data(self.folder, wanted)
        except sqlite3.Error as exc:
            self._fail(exc)

    def catalog(self, sha256: str) -> bytes | None:
        if self.cache is None:
            return None
        try:
            return self.cache.catalog(self.folder, sha256)
        except sqlite3.Error as exc:
            self._fail(exc)
            return None

    def store_catalog(self, sha256: str, data: bytes) -> None:
        self._write(lambda c: c.store_catalog(self.folder, sha256, data))

    def store(self, entries: list[Entry]) -> None:
        self._write(lambda c: c.store(self.folder, entries))

    def touch(self, updates: list[tuple[str, int, int, int]]) -> None:
        self._write(lambda c: c.touch(updates))

    def forget(self, paths: list[str]) -> None:
        self._write(lambda c: c.forget(paths))

    def _write(self, action) -> None:
        if self.cache is None:
            return
        try:
            action(self.cache)
        except sqlite3.Error as exc:
            self._fail(exc, "index cache not updated")

    def close(self) -> None:
        if self.cache is not None and self._owned:
            self.cache.close()
        self.cache = None
