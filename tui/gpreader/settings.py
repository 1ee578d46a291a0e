"""Settings the reader remembers (the theme), as JSON beside the clippings. Headless.

Written atomically under a lock, keeping keys this version does not know. A damaged file
is moved aside (kept) and the defaults used; failures to save raise ``SettingsError`` with
one line naming the path.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from gpreader.user_dirs import data_dir

FILE_NAME = "settings.json"
# --theme choices and the Textual themes they stand for, in the order `t` cycles them.
THEMES = {"dark": "textual-dark", "light": "textual-light", "ansi": "ansi-dark"}


class SettingsError(Exception):
    """Settings could not be saved; ``str()`` is one line naming the path."""


def theme_name(choice: str) -> str:
    """The Textual theme for a --theme choice ("light" -> "textual-light"); others unchanged."""
    return THEMES.get(choice, choice)


def theme_choice(name: str) -> str:
    """The short name of a Textual theme ("textual-light" -> "light"); others unchanged."""
    return next((short for short, full in THEMES.items() if full == name), name)


class Settings(NamedTuple):
    theme: str | None = None  # a Textual theme name; None: the default


class SettingsStore:
    """The settings file (default ``data_dir()/settings.json``).

    ``warnings`` holds one-line messages (each naming a path) from the last ``load``.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else data_dir() / FILE_NAME
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.warnings: list[str] = []

    def load(self) -> Settings:
        """The saved settings, or the defaults. Never raises."""
        self.warnings = []
        raw, problem = self._read()
        if problem is not None:
            self._move_aside(problem)
            return Settings()
        theme = raw.get("theme")
        return Settings(theme=theme if isinstance(theme, str) and theme else None)

    def save(self, settings: Settings) -> None:
        """Write *settings*, keeping unknown keys already in the file."""
        # imported here: a start that saves nothing draws its first frame without them
        import json

        from gpreader.atomic import write_atomic
        from gpreader.filelock import exclusive_lock

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with exclusive_lock(self.lock_path):
                raw, problem = self._read()
                if problem is not None:
                    raw = {}
                    self._move_aside(problem)
                raw["theme"] = settings.theme
                write_atomic(self.path, json.dumps(raw, ensure_ascii=False, indent=2) + "\n")
        except OSError as exc:
            raise SettingsError(f"Cannot save settings to {self.path}: {_reason(exc)}") from None

    def _read(self) -> tuple[dict, str | None]:
        """(the JSON object, problem); problem is None for a sound or missing file."""
        try:
            stored = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return {}, None
        except OSError as exc:
            return {}, f"cannot read ({_reason(exc)})"
        import json  # only when there is a file: a first start draws its first frame without it

        try:
            data = json.loads(stored.decode("utf-8"))
        except UnicodeDecodeError:
            return {}, "not UTF-8 text"
        except json.JSONDecodeError as exc:
            return {}, f"not valid JSON ({exc.msg} at line {exc.lineno})"
        if not isinstance(data, dict):
            return {}, f"not a settings object (found a JSON {type(data).__name__})"
        return data, None

    def _move_aside(self, problem: str) -> None:
        if problem.startswith("cannot read"):
            self.warnings.append(f"{self.path}: {problem}; using the default settings")
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        try:
            os.replace(self.path, aside)
        except OSError as exc:
            self.warnings.append(f"{self.path}: {problem}; could not move it aside ({_reason(exc)})")
            return
        self.warnings.append(f"{self.path}: {problem}; moved it aside to {aside} and used the defaults")


def _reason(exc: OSError) -> str:
    text = exc.strerror or str(exc) or type(exc).__name__
    return text.splitlines()[0]
