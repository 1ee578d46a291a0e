"""Running the real command, and small helpers shared by the CLI tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def run_gpreader(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    """Run ``python -m gpreader ARGS`` with stdout and stderr piped (not a terminal) and an
    ASCII-only stdout encoding: gpreader must still write UTF-8."""
    full_env = {**os.environ, "PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "gpreader", *args],
        capture_output=True, env=full_env, timeout=60, **kw,
    )


def parse_json(data: bytes | str):
    return json.loads(data.decode("utf-8") if isinstance(data, bytes) else data)


def write_article(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
