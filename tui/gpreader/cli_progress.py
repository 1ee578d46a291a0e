"""A Rich progress bar on stderr while the CLI loads a large corpus.

Shown only when stderr is a terminal and more than ``MIN_FILES`` files are counted: never
in pipes, redirects or tests, so stdout and captured stderr stay clean. Rich is imported
only when a bar is actually drawn.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any

MIN_FILES = 200  # fewer files than this load quickly enough without a bar


def stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class LoadProgress:
    """``on_progress(done, total)`` callback that draws a bar once *total* is large.

    Use as a context manager: the bar (if any) is removed on exit.
    """

    def __init__(self, label: str = "Loading articles") -> None:
        self.label = label
        self.enabled = stderr_is_terminal()
        self._progress: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= MIN_FILES:
            return
        if self._progress is None:
            self._start(total)
        self._progress.update(self._task, completed=done, total=total)

    def _start(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        # stderr was a terminal when this began (self.enabled); Rich need not guess again
        console = Console(file=sys.stderr, force_terminal=True, highlight=False)
        self._progress = Progress(
            TextColumn("{task.description}", markup=False),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        self._task = self._progress.add_task(self.label, total=total)
        self._progress.start()

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def __enter__(self) -> "LoadProgress":
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
