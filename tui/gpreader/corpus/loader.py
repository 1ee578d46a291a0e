"""Load a folder of articles: read, clean, catalogue, then find quotes and speakers.

One bad file is one ``LoadProblem``; the other files still load. Only an unusable folder
raises (``CorpusError``). With ``cache=``, articles whose file, catalog facts and engine are
unchanged come from the index cache (cache.py); many files to parse are parsed in worker
processes. Either way the corpus is the same, in the same order.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import re
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from gpreader.corpus.cache import CachedFile, CacheSession, Entry, IndexCache, meta_key, now_ns
from gpreader.corpus.cache_codec import (
    CodecError, decode_article, decode_catalog, encode_article, encode_catalog,
)
from gpreader.corpus.catalog import CATALOG_NAME, MAX_CATALOG_BYTES, read_catalog, split_front_matter, validate_fields
from gpreader.corpus.clean import clean_article
from gpreader.corpus.errors import ArticleError, CorpusError
from gpreader.corpus.extract import extract_quotes
from gpreader.corpus.model import Article, Corpus, LoadProblem
from gpreader.corpus.proposals import prepare as prepare_proposals
from gpreader.corpus.speakers import build_speakers
from gpreader.corpus.text import MAX_BYTES, read_text, text_and_spacing

ARTICLE_SUFFIXES = (".txt", ".md")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_ARTICLE_FIELDS = ("outlet", "date", "author", "event", "address", "citation")
PARALLEL_MIN_FILES = 64  # more files than this to parse, and they are parsed in processes
STORE_BATCH = 500  # cache rows written per transaction
# ... fewer as the load nears its end, down to this many: the rows still unwritten when the
# last file arrives are written before the load can end, on one core (500 rows: 0.05-0.15 s)
STORE_LAST_BATCH = 16
# Take a cached file as unchanged when its size and mtime are (not when recently modified),
# without hashing it? Saves ~0.2 s per 10,000 files (59 MB) on a warm open, but a file
# rewritten with its size and mtime kept would show its old text: off, the hash decides.
TRUST_STAT = False


def article_files(folder: Path) -> list[Path]:
    """The article files of *folder*: .txt and .md, not hidden, not recursive, sorted.

    Listed by ``os.scandir``, whose entries know whether they are folders from the listing
    itself on most file systems (``Path.is_dir`` asks the system once a file: 10,000 calls on
    a large archive, all before the first article is read)."""
    with os.scandir(folder) as entries:
        names = [
            entry.name for entry in entries
            if not entry.name.startswith(".")
            and os.path.splitext(entry.name)[1].lower() in ARTICLE_SUFFIXES
            and not entry.is_dir()
        ]
    names.sort()  # the order of the names (one folder): as sorting the paths by name
    return [folder / name for name in names]


def load_corpus(
    folder: Path | str,
    *,
    cache: "bool | Path | str | IndexCache | None" = False,
    workers: int | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    on_article: Callable[[Article], None] | None = None,
) -> Corpus:
    """Load every article of *folder*; bad files become ``corpus.problems``.

    *cache*: False (default) parses every file; True uses the user's index cache
    (``cache.default_cache_path()``); a path uses that SQLite file; an open ``IndexCache``
    is used and left open. A cache that cannot be used is one non-fatal problem, never a
    different result.
    *workers*: processes for parsing files the cache does not hold; None decides (one
    per CPU when more than ``PARALLEL_MIN_FILES`` files need parsing), 1 never forks.
    *on_progress(done, total)* is called after each article file; *on_article(article)*
    with each article as it is ready, before speakers are merged (its quotes' speakers
    become canonical names, in place, when loading ends). Both run in the caller's thread.
    """
    root = Path(folder).expanduser()
    if not root.exists():
        raise CorpusError(f"{root}: no such folder")
    if not root.is_dir():
        raise CorpusError(f"{root}: not a folder")
    try:
        files = article_files(root)
    except OSError as exc:
        raise CorpusError(f"{root}: cannot list the folder ({exc.strerror or exc})") from None

    corpus = Corpus(root=root)
    session = CacheSession(cache, root.absolute())
    with _gc_paused():  # millions of new objects: collecting as they come costs more than loading
        try:
            _fill(corpus, files, session, workers, on_progress, on_article)
        finally:
            session.close()
        corpus.speakers = build_speakers(corpus.articles)
    return corpus


def _fill(
    corpus: Corpus,
    files: list[Path],
    session: CacheSession,
    workers: int | None,
    on_progress: Callable[[int, int], None] | None,
    on_article: Callable[[Article], None] | None,
) -> None:
    root = corpus.root
    catalog, corpus.problems, store_catalog = _read_catalog(root, session)
    seen: dict[str, Path] = {}
    slots: list[LoadProblem | int] = []  # per file: a duplicate's problem, or its job number
    jobs: list[tuple[Path, dict]] = []
    for path in files:
        if path.stem in seen:
            slots.append(LoadProblem(path, f"same name as {seen[path.stem].name}; skipped"))
            continue
        seen[path.stem] = path
        slots.append(len(jobs))
        jobs.append((path, catalog.get(path.stem, {})))

    parsed = _parse_all(jobs, session, workers, on_progress, on_article, store_catalog)

    for slot in slots:
        if isinstance(slot, LoadProblem):
            corpus.problems.append(slot)
            continue
        path, result = jobs[slot][0], parsed[slot]
        if result.error is not None:
            corpus.problems.append(LoadProblem(path, result.error))
            continue
        corpus.problems += [LoadProblem(path, w, fatal=False) for w in result.warnings]
        corpus.articles.append(result.article)

    for stem in sorted(set(catalog) - set(seen)):
        corpus.problems.append(
            LoadProblem(root / CATALOG_NAME, f"{stem}: no article file of that name", fatal=False)
        )
    corpus.problems += [LoadProblem(session.path or root, reason, fatal=False) for reason in session.problems]
    corpus.articles.sort(key=lambda a: a.sort_key)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No collection while loading; then what the load made moved, unwalked, to the oldest
    generation (``gc.freeze`` then ``gc.unfreeze``, two list splices), where only a full
    collection looks at it, as it would have in the end. Left in the youngest generation,
    the first allocation after loading would start a collection walking every object the
    load made (a million on 10,000 articles: 0.2 s on one core, the last thing the load
    does), and the next one of the middle generation would walk them all again. Nothing is
    kept from the collector: every object stays collectable. Skipped when the process has
    frozen objects of its own (``gc.unfreeze`` would thaw them too): the reader freezes
    its start-up, and freezes the corpus it loads (``open_folder``)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()


def _read_catalog(root: Path, session: CacheSession) -> tuple[dict[str, dict], list[LoadProblem], Callable[[], None] | None]:
    """``read_catalog``, from the cache when catalog.toml's content is unchanged; and, when
    it was read from the file, what stores it in the cache, for the caller to call once the
    workers have started (on 10,000 entries, 60-70 ms of one core, the other idle until then)."""
    path = root / CATALOG_NAME
    if not session.enabled:
        return (*read_catalog(root), None)
    try:
        if not path.is_file() or path.stat().st_size > MAX_CATALOG_BYTES:
            return (*read_catalog(root), None)
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return (*read_catalog(root), None)
    data = session.catalog(sha)
    if data is not None:
        try:
            catalog, reasons = decode_catalog(data)
            return catalog, [LoadProblem(path, r, fatal=False) for r in reasons], None
        except Exception:  # a damaged row: read the file
            pass
    catalog, problems = read_catalog(root)
    reasons = [p.reason for p in problems]

    def store() -> None:
        try:
            session.store_catalog(sha, encode_catalog(catalog, reasons))
        except CodecError:
            pass

    return catalog, problems, store


@dataclass
class _Parsed:
    """One file, read: its article (quotes found) and warnings, or why it was skipped."""

    article: Article | None = None
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    entry: Entry | None = None  # its cache row, when caching


def _parse_file(path: Path, meta: dict, for_cache: bool) -> _Parsed:
    """Read, clean and find the quotes of one file (in this process or a worker)."""
    stat = digest = data = None
    if for_cache:
        stat, digest, data = _stat_hash_and_bytes(path)
    try:
        article, warnings = _load(path, meta, data)  # the bytes hashed are the text parsed
    except ArticleError as exc:
        return _Parsed(error=exc.reason)
    try:
        article.quotes = extract_quotes(article)
    except Exception as exc:  # one article's quotes must not sink the corpus
        warnings.append(f"quotes not found: {exc!r}")
        article.quotes = []
    try:
        prepare_proposals(article)  # its proposals' text-only part, kept (and cached) with it
    except Exception:  # found when the compare table is built instead
        pass
    result = _Parsed(article, warnings)
    if stat is not None and digest is not None:
        try:
            row = encode_article(article, warnings)
        except CodecError:  # cannot be cached exactly: parsed afresh next time too
            return result
        result.entry = Entry(str(path.absolute()), stat[0], stat[1], stat[2], digest, meta_key(meta), row)
    return result


def _parse_job(job: tuple[Path, dict, bool]) -> _Parsed:
    """``_parse_file`` in a worker process. An article with a cache row is sent as that row
    alone (``_Parsed.article`` None), the bytes the parent stores, less than half the bytes
    of the row and the article pickled beside it; the parent reads it back as a warm open
    does (``_from_row``), names and kinds shared between articles, not a copy of each per
    article (25 MB less at the peak on 10,000)."""
    result = _parse_file(*job)
    if result.entry is not None:
        result.article = None
    return result


def _from_row(result: _Parsed, path: Path) -> _Parsed:
    """A worker's result with its article back, read from its cache row (see ``_parse_job``),
    which the worker decoded to an article equal to the one it parsed (``encode_article``)."""
    if result.article is None and result.entry is not None:
        result.article, _warnings = decode_article(result.entry.data, path)
    return result


def _stat_and_hash(path: Path) -> tuple[tuple[int, int, int] | None, str | None]:
    """((size, mtime_ns, when), sha256) of *path*, taken before it is parsed; Nones if unreadable."""
    stat, digest, _data = _stat_hash_and_bytes(path)
    return stat, digest


def _stat_hash_and_bytes(path: Path) -> tuple[tuple[int, int, int] | None, str | None, bytes | None]:
    """``_stat_and_hash``, and the bytes hashed (to parse: the file is not read twice)."""
    try:
        st = path.stat()
        if st.st_size > MAX_BYTES:
            return None, None, None
        indexed = now_ns()
        data = path.read_bytes()
        return (st.st_size, st.st_mtime_ns, indexed), hashlib.sha256(data).hexdigest(), data
    except OSError:
        return None, None, None


def _parse_all(
    jobs: list[tuple[Path, dict]],
    session: CacheSession,
    workers: int | None,
    on_progress: Callable[[int, int], None] | None,
    on_article: Callable[[Article], None] | None,
    store_catalog: Callable[[], None] | None = None,
) -> list[_Parsed]:
    """Every job's result, in job order: from the cache where it is fresh, else parsed;
    *store_catalog* called as soon as the workers have started."""
    total = len(jobs)
    results: list[_Parsed | None] = [None] * total
    done = 0

    def arrived(i: int, result: _Parsed, decoded: bool = False) -> None:
        nonlocal done
        results[i] = result
        done += 1
        if result.article is not None:
            if not decoded:  # a decoded article's quotes share their texts already (cache_codec)
                result.article.share_quote_texts()  # no second copy of the quoted words in memory
            if on_article is not None:
                on_article(result.article)
        if on_progress is not None:
            on_progress(done, total)

    plan = _plan(jobs, session)
    session.forget(plan.gone)
    session.touch(plan.touched)
    pool, parsed = None, iter(())
    n_workers = _worker_count(workers, len(plan.misses))
    if n_workers > 1:
        pool, parsed = _start_pool(n_workers, [(*jobs[i], session.enabled) for i in plan.misses])
    if store_catalog is not None:
        store_catalog()
    batch: list[Entry] = []
    try:
        # cached articles first: they are ready now, while the workers start
        for path, data in session.rows(set(plan.hits)):
            i = plan.hits.pop(path)
            if data is None:  # its checksum failed: the file is parsed instead, below
                continue
            try:
                article, warnings = decode_article(data, jobs[i][0])
            except Exception:  # not a cached article after all: parsed below too
                continue
            arrived(i, _Parsed(article, warnings), decoded=True)
        try:
            for i, result in zip(plan.misses, parsed):
                decoded = result.article is None and result.entry is not None
                try:
                    result = _from_row(result, jobs[i][0])
                except Exception:  # cannot happen (the worker read back these bytes): parsed below
                    continue
                arrived(i, result, decoded)
                batch = _store(session, batch, result, total - done)
        except (OSError, BrokenProcessPool):  # the workers died: parse the rest here
            pass
        for i in range(total):  # serial parsing, or whatever the cache and workers left
            if results[i] is None:
                result = _parse_file(*jobs[i], session.enabled)
                arrived(i, result)
                batch = _store(session, batch, result, total - done)
        _store(session, batch, None, 0)
    finally:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
    return results  # type: ignore[return-value]


@dataclass
class _Plan:
    hits: dict[str, int] = field(default_factory=dict)  # absolute path -> job, to read from the cache
    misses: list[int] = field(default_factory=list)  # jobs to parse
    touched: list[tuple[str, int, int, int]] = field(default_factory=list)  # same content, new size/mtime
    gone: list[str] = field(default_factory=list)  # cached files of the folder that no longer exist


def _plan(jobs: list[tuple[Path, dict]], session: CacheSession) -> _Plan:
    """Which files the cache holds fresh: same content hash, catalog facts and engine."""
    known = session.known()
    plan = _Plan()
    if not known:
        plan.misses = list(range(len(jobs)))
        return plan
    keys = [str(path.absolute()) for path, _meta in jobs]
    candidates = [i for i, (key, (_path, meta)) in enumerate(zip(keys, jobs))
                  if key in known and known[key].meta == meta_key(meta)]
    if TRUST_STAT:
        fresh = {i for i in candidates if _fresh_by_stat(jobs[i][0], known[keys[i]])}
    else:
        fresh = set()
    hashed = {i: _stat_and_hash(jobs[i][0]) for i in candidates if i not in fresh}
    for i, key in enumerate(keys):
        row = known.get(key)
        if i in fresh:
            plan.hits[key] = i
            continue
        stat, digest = hashed.get(i, (None, None))
        if row is None or stat is None or digest != row.sha256:
            plan.misses.append(i)
            continue
        plan.hits[key] = i
        if (stat[0], stat[1]) != (row.size, row.mtime_ns):
            plan.touched.append((key, *stat))
    wanted = set(keys)
    plan.gone = [p for p in known if p not in wanted]
    return plan


def _fresh_by_stat(path: Path, row: CachedFile) -> bool:
    try:
        st = path.stat()
    except OSError:
        return False
    return row.fresh_by_stat(st.st_size, st.st_mtime_ns)


def _worker_count(workers: int | None, misses: int) -> int:
    if workers is not None:
        return max(1, min(workers, misses))
    if misses <= PARALLEL_MIN_FILES:
        return 1
    return max(1, min(_cpus(), misses // 16))


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _start_pool(n: int, items: list[tuple[Path, dict, bool]]):
    """A process pool mapping ``_parse_job`` over *items*, results in order.

    Forked when this process has one thread (fast; no re-import of the main script), else
    spawned: forking a threaded process (the app loads in a worker thread) can deadlock.
    """
    method = "fork" if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = None
    try:
        with _stderr_with_a_descriptor():
            pool = ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context(method))
            runs = [pool.submit(_parse_jobs, run) for run in _runs(items, n)]  # the workers start here
    except (OSError, ValueError):
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        return None, iter(())
    return pool, (result for run in runs for result in run.result())


def _runs(items: list, workers: int, largest: int = 32, smallest: int = 2) -> list[list]:
    """*items* cut, in order, into the runs the workers take one at a time: up to *largest*
    (each run costs a hand-over each way), fewer as the end nears (a quarter of what is
    left for each worker, down to *smallest*), so that the workers end together. A worker
    that ends first waits for the other's last run: with runs of 32 to the end, some 40 ms
    of one core on 10,000 articles (guided self-scheduling)."""
    runs = []
    at = 0
    while at < len(items):
        size = max(smallest, min(largest, (len(items) - at) // (workers * 4)))
        runs.append(items[at : at + size])
        at += size
    return runs


def _parse_jobs(jobs: list[tuple[Path, dict, bool]]) -> list[_Parsed]:
    """``_parse_job`` of each job of a run, in a worker process."""
    return [_parse_job(job) for job in jobs]


@contextmanager
def _stderr_with_a_descriptor() -> Iterator[None]:
    """The process's own stderr while worker processes start, if ``sys.stderr`` has no file
    descriptor: multiprocessing hands that descriptor to its resource tracker and refuses
    -1 (``bad value(s) in fds_to_keep``), which is what a terminal UI's capture of stderr
    (Textual's) reports."""
    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable or sys.__stderr__ is None:
        yield
        return
    captured, sys.stderr = sys.stderr, sys.__stderr__
    try:
        yield
    finally:
        sys.stderr = captured


def _store(session: CacheSession, batch: list[Entry], result: _Parsed | None, left: int) -> list[Entry]:
    """Collect cache rows; write them every STORE_BATCH rows, and at the end (*result* None).
    *left*: files still to come. Near the end a batch is written at a quarter of that (at
    least STORE_LAST_BATCH rows), while the workers still parse the last files, so that few
    rows are left to write once the last one is in."""
    if result is not None and result.entry is not None:
        if session.enabled:
            batch.append(result.entry)
        result.entry = None  # the row is not kept once written
    if batch and (result is None or len(batch) >= min(STORE_BATCH, max(STORE_LAST_BATCH, left // 4))):
        session.store(batch)
        return []
    return batch


def load_article(path: Path | str, meta: dict | None = None) -> Article:
    """Load one file; *meta* are catalog fields (as from ``read_catalog``). Raises ``ArticleError``."""
    article, _warnings = _load(Path(path), meta or {})
    return article


def _load(path: Path, catalog_meta: dict, data: bytes | None = None) -> tuple[Article, list[str]]:
    """The article of *path* and its warnings; *data*: the file's bytes, if read already."""
    if data is None:
        text, plain_spaces, single_spaced = read_text(path), False, False
    else:
        text, plain_spaces, single_spaced = text_and_spacing(data)
    warnings: list[str] = []
    meta: dict = {}
    if path.suffix.lower() == ".md":
        raw, text = split_front_matter(text)
        front, complaints = validate_fields(raw)
        warnings += [f"front matter: {c}" for c in complaints]
        meta = _merge(front, {})
        text = _MD_HEADING.sub("", text)
        single_spaced = False  # not told of the text as it is now
    meta = _merge(catalog_meta, meta)
    cleaned = clean_article(text, meta, plain_spaces, single_spaced)
    warnings += cleaned.warnings
    meta = _merge(meta, cleaned.meta)
    if not cleaned.paragraphs:
        raise ArticleError("no article text (only site furniture or reader comments)")
    article = Article(
        id=path.stem,
        path=path,
        headline=cleaned.headline or path.stem,
        paragraphs=cleaned.paragraphs,
        comments=cleaned.comments,
        evidence=dict(meta.get("evidence", {})),
        **{name: meta.get(name) for name in _ARTICLE_FIELDS},
    )
    return article, warnings


def _merge(first: dict, second: dict) -> dict:
    """Fields of *first* win over *second*; a field keeps the evidence of its own source."""
    merged = {**second, **first}
    mine, theirs = first.get("evidence", {}), second.get("evidence", {})
    evidence = dict(mine)
    for name, sentence in theirs.items():
        if name not in evidence and (name not in first or first.get(name) == second.get(name)):
            evidence[name] = sentence
    merged.pop("evidence", None)
    if evidence:
        merged["evidence"] = evidence
    return merged
