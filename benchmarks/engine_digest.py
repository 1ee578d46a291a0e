"""A digest of everything the corpus engine finds, to show an optimisation changed nothing.

    python benchmarks/engine_digest.py [FOLDER ...] [--workers N] [--show]

Each folder (default: the seeds, and the first 2,000 generated articles, made with
``generate.py`` in ``$TMPDIR/gpreader-bench-digest/`` when missing) is loaded with
``cache=False``; every article's text, metadata, paragraphs, comments, quotes (every field),
statements, local speakers and proposals plan (its numbers and strings), then
``corpus.speakers``, ``corpus.problems`` and every proposal of the corpus
(``find_proposals``, with its themes), are hashed.
One SHA-256 per folder is printed, and one over all of them. Record it before a change and
compare after: it must not move.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# GPREADER_ENGINE_ROOT: another copy of the package to digest (tests/corpus/test_compiled.py
# digests the source as pure Python against the compiled engine)
sys.path.insert(0, os.environ.get("GPREADER_ENGINE_ROOT") or str(HERE.parent / "tui"))

from gpreader.corpus.loader import load_corpus  # noqa: E402
from gpreader.corpus.model import PubDate  # noqa: E402
from gpreader.corpus.proposals import find_proposals, plan_data  # noqa: E402

DEFAULT_ARTICLES = 2000


def _plain(value):
    """JSON-able form of engine objects, every field included, sets sorted."""
    if isinstance(value, PubDate):
        return ["date", value.year, value.month, value.day, value.precision, value.inferred]
    if isinstance(value, Path):
        return str(value)
    if dataclasses.is_dataclass(value):
        return [[f.name, _plain(getattr(value, f.name))] for f in dataclasses.fields(value) if f.name != "path"]
    if isinstance(value, dict):
        return [[str(k), _plain(v)] for k, v in value.items()]  # insertion order counts too
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _article_record(article) -> list:
    # every field (local_speakers too), quotes and statements with all of theirs
    return [["file", article.path.name], *_plain(article)]


def _plan_record(article) -> list | None:
    """The article's proposals plan as numbers and strings, whichever form the cache keeps
    the numbers in (a list, text in PLAN_FORMAT 3, bytes since 4): the digest follows what
    the engine finds, not how it is stored."""
    data = plan_data(article)
    if data is None:
        return None
    _format, themes, numbers, strings = data
    if isinstance(numbers, bytes):
        from gpreader.corpus.proposals import _unpacked

        numbers = _unpacked(numbers).tolist()
    return [themes, list(numbers), list(strings)]


def digest_folder(folder: Path, workers: int | None) -> tuple[str, int, int]:
    corpus = load_corpus(folder, cache=False, workers=workers)
    h = hashlib.sha256()

    def feed(obj) -> None:
        h.update(json.dumps(obj, ensure_ascii=False).encode("utf-8"))
        h.update(b"\n")

    for article in corpus.articles:
        feed(_article_record(article))
        feed(_plan_record(article))
    feed(_plain(corpus.speakers))
    feed([[p.path.name, p.reason, p.fatal] for p in corpus.problems])
    for proposal in find_proposals(corpus):
        feed([proposal.to_json(), proposal.theme_signals, proposal.signal_text])
    quotes = sum(len(a.quotes) for a in corpus.articles)
    return h.hexdigest(), len(corpus.articles), quotes


def _generated(n: int) -> Path:
    out = Path(tempfile.gettempdir()) / "gpreader-bench-digest" / f"corpus-{n}-seed1"
    if not (out / "catalog.toml").exists():
        from generate import generate  # benchmarks/generate.py

        generate(n, out, seed=1)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES, help="generated articles (default folders)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1: no fork)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    folders = args.folders or [HERE.parent / "seeds", _generated(args.articles)]
    total = hashlib.sha256()
    for folder in folders:
        t0 = time.perf_counter()
        digest, n_articles, n_quotes = digest_folder(folder, args.workers)
        total.update(digest.encode())
        print(f"{digest}  {folder}  ({n_articles} articles, {n_quotes} quotes, {time.perf_counter() - t0:.1f} s)")
    print(f"{total.hexdigest()}  ALL")
    from gpreader.corpus.compiled import describe

    print(describe())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
