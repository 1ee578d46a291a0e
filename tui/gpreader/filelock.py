"""An exclusive lock held on a sibling ``.lock`` file, shared between processes."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
try:
    import msvcrt
except ImportError:  # POSIX
    msvcrt = None  # type: ignore[assignment]

POLL_SECONDS = 0.01


class LockTimeout(OSError):
    """Another process held the lock for longer than we were willing to wait."""


@contextmanager
def exclusive_lock(lock_path: Path | str, timeout: float = 10.0) -> Iterator[None]:
    """Hold an exclusive lock on *lock_path* (created if missing) for the ``with`` block.

    Uses ``fcntl.flock`` where available, ``msvcrt.locking`` on Windows, and degrades to no
    lock at all elsewhere. Raises ``OSError`` if the lock file cannot be opened, or
    ``LockTimeout`` after *timeout* seconds.
    """
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        _acquire(fd, Path(lock_path), timeout)
        try:
            yield
        finally:
            _release(fd)
    finally:
        os.close(fd)


def _acquire(fd: int, lock_path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            elif msvcrt is not None:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return
        except OSError as exc:
            busy = isinstance(exc, BlockingIOError) or (fcntl is None and msvcrt is not None)
            if not busy:
                raise
            if time.monotonic() >= deadline:
                raise LockTimeout(f"{lock_path} is locked by another process") from exc
            time.sleep(POLL_SECONDS)


def _release(fd: int) -> None:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
        elif msvcrt is not None:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    except OSError:
        pass  # closing the descriptor releases it anyway
