"""Load a folder for the reader or the CLI: the index cache first, afresh if it fails.

Headless (no Textual): the CLI uses it as it is, the app from a worker thread
(gpreader/folder_loading.py).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, NamedTuple

from gpreader.corpus import load_corpus

if TYPE_CHECKING:
    from gpreader.corpus.model import Article, Corpus


class Folder(NamedTuple):
    """A folder of articles to open; *cache*: True the user's index cache, a path that
    SQLite file, False read every file afresh (--no-cache)."""

    root: Path
    cache: bool | Path = True


def load_folder(
    folder: Folder,
    *,
    warn: Callable[[str], None],
    on_progress: Callable[[int, int], None] | None = None,
    on_article: Callable[[Article], None] | None = None,
) -> Corpus:
    """``load_corpus`` on *folder*; a cache that fails in a way the loader did not expect
    (a file name that is not UTF-8, say) is one *warn*ing, and every file is read afresh
    (*on_article* then sees articles a second time). Raises ``CorpusError`` and OSError.

    The corpus is kept for the rest of the process, out of the garbage collector's sight."""
    import sqlite3  # here, not at the top: the reader's first frame does not wait for it

    with _kept_for_the_session():
        if folder.cache:
            try:
                return load_corpus(folder.root, cache=folder.cache, on_progress=on_progress, on_article=on_article)
            except (UnicodeError, sqlite3.Error) as exc:
                warn(f"the cache could not be used ({type(exc).__name__}: {exc}); reading every file afresh")
        return load_corpus(folder.root, cache=False, on_progress=on_progress, on_article=on_article)


@contextmanager
def _kept_for_the_session() -> Iterator[None]:
    """No garbage collection while a folder is read, and what was read kept out of every
    later one (``gc.freeze``): the corpus stays until the process ends. Otherwise the first
    collections after loading walk its million new objects, each taking over half a second
    on 10,000 articles (in the reader, the window stands still meanwhile)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        if enabled:
            gc.enable()
