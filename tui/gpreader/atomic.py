"""Write a file so that a crash leaves either the old contents or the new, never half."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomic(path: Path | str, text: str, encoding: str = "utf-8") -> None:
    """Replace *path* with *text*: temp file in the same folder, fsync, os.replace, fsync folder.

    The parent folder must exist. An existing file keeps its permission bits; a new file
    gets the usual umask-derived mode. Raises ``OSError`` on failure, leaving the old file
    untouched and no temp file behind.
    """
    path = Path(path)
    folder = path.parent
    data = text.encode(encoding)
    tmp = folder / f".{path.name}.{os.urandom(6).hex()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        except OSError:
            pass  # no old file (or cannot stat it): keep the umask-derived mode
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    fsync_dir(folder)


def fsync_dir(folder: Path | str) -> None:
    """Make a rename in *folder* durable; a no-op where folders cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
