"""Reading a folder while the window is up: a worker thread loads it (from the index
cache where it can) and posts what it has to the app, a batch at a time.

Articles arrive in batches (``ArticlesArrived``) for the sidebar to fill; once every file is read
and the speakers are merged, ``FolderLoaded`` brings the final corpus and its speaker index.
Quitting cancels the worker: the loader stops after the article it is on.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual.message import Message
from textual.worker import get_current_worker

from gpreader.corpus.errors import CorpusError
from gpreader.corpus.model import Article, Corpus
from gpreader.open_folder import Folder, load_folder
from gpreader.safe_text import one_line

if TYPE_CHECKING:
    from gpreader.search import SpeakerIndex

BATCH_SECONDS = 0.1  # at most this long between batches posted to the app


class Cancelled(Exception):
    """The app is closing: stop loading."""


class ArticlesArrived(Message):
    """More articles are read (*done* of *total* files so far); speakers not merged yet."""

    def __init__(self, articles: list[Article], done: int, total: int) -> None:
        super().__init__()
        self.articles = articles
        self.done = done
        self.total = total


class FolderLoaded(Message):
    """The folder is read: *corpus* has every article, its speakers and problems."""

    def __init__(self, corpus: Corpus, speaker_index: SpeakerIndex, warnings: list[str]) -> None:
        super().__init__()
        self.corpus = corpus
        self.speaker_index = speaker_index
        self.warnings = warnings


class FolderFailed(Message):
    """The folder could not be read at all (*reason*, one line)."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


def load_in_worker(target, folder: Folder) -> None:
    """Run in a thread worker: load *folder*, posting Arrived, then Loaded or Failed, to
    *target* (the app)."""
    worker = get_current_worker()
    batch: list[Article] = []
    warnings: list[str] = []
    last = time.monotonic() - BATCH_SECONDS  # the first article is posted at once

    def on_progress(done: int, total: int) -> None:
        nonlocal batch, last
        if worker.is_cancelled:
            raise Cancelled
        now = time.monotonic()
        if batch and now - last >= BATCH_SECONDS:
            target.post_message(ArticlesArrived(batch, done, total))
            batch, last = [], now

    from gpreader.search import SpeakerIndex  # rapidfuzz: imported here, in the thread

    try:
        corpus = load_folder(folder, warn=warnings.append, on_progress=on_progress,
                             on_article=lambda article: batch.append(article))
        index = SpeakerIndex(corpus)
    except Cancelled:
        return
    except CorpusError as exc:
        target.post_message(FolderFailed(str(exc) or f"cannot read the folder {folder.root}"))
        return
    except OSError as exc:
        target.post_message(FolderFailed(f"{folder.root}: {exc.strerror or exc}"))
        return
    except Exception as exc:  # a bug, not bad input: one line in the app, not a crash
        target.post_message(FolderFailed(f"{folder.root}: unexpected {type(exc).__name__}: {one_line(str(exc))}"))
        return
    target.post_message(FolderLoaded(corpus, index, warnings))
