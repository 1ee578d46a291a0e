"""Where the bundled seeds live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path


def bundled_seeds() -> Path:
    here = Path(__file__).resolve().parent
    installed = here / "seeds"
    if installed.is_dir():
        return installed
    return here.parent.parent / "seeds"
