"""Where the bundled seeds live, installed or in a checkout."""

from __future__ import annotations

import functools
from pathlib import Path


@functools.cache  # where the package lives does not change while it runs
def bundled_seeds() -> Path:
    here = Path(__file__).resolve().parent
    installed = here / "seeds"
    if installed.is_dir():
        return installed
    return here.parent.parent / "seeds"
