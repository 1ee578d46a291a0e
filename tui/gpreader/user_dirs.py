"""Where gpreader keeps what the user saves (clippings, settings)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "GPREADER_DATA_DIR"


def data_dir() -> Path:
    """``$GPREADER_DATA_DIR`` if set, else the platform's user data folder for gpreader."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("gpreader"))
