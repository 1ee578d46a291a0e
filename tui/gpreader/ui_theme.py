"""The app's theme: chosen with --theme or `t`, remembered in the settings file.

``NO_COLOR`` needs nothing here: Textual reads it and draws in monochrome, whatever the
theme (``app.no_color``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gpreader.settings import THEMES, Settings, SettingsError, SettingsStore, theme_choice, theme_name

if TYPE_CHECKING:
    from textual.app import App
    from textual.theme import Theme

DEFAULT = THEMES["dark"]


class ThemeKeeper:
    """Applies the starting theme to *app* and saves every change of theme.

    *choice* (from --theme: "dark", "light", "ansi" or a Textual theme name) wins over the
    saved theme, and is saved in its turn.
    """

    def __init__(self, app: "App", store: SettingsStore, choice: str | None = None) -> None:
        self.app = app
        self.store = store
        self.saved = store.load()
        wanted = theme_name(choice) if choice else self.saved.theme
        self.unknown = wanted if wanted and wanted not in app.available_themes else None
        app.theme = wanted if wanted and not self.unknown else DEFAULT
        self.failure_told = False
        if choice is not None:
            self._save(app.theme)

    def start(self) -> None:
        """Report damaged settings and follow later changes of theme (call on mount)."""
        for warning in self.store.warnings:
            self.app.notify(warning, title="Settings", severity="warning", timeout=10)
        if self.unknown:
            self.app.notify(f"Unknown theme {self.unknown!r}: using {theme_choice(DEFAULT)}.", severity="warning")
        self.app.theme_changed_signal.subscribe(self.app, self._changed)

    def cycle(self) -> None:
        """Dark, light, ansi, dark…: the next theme, said in a notification."""
        order = list(THEMES.values())
        current = self.app.theme
        following = order[(order.index(current) + 1) % len(order)] if current in order else order[0]
        self.app.theme = following  # _changed saves it

    def _changed(self, theme: "Theme") -> None:
        remembered = self._save(theme.name)
        tail = "remembered" if remembered else "not remembered (see the warning)"
        self.app.notify(f"Theme: {theme_choice(theme.name)} — {tail}", title="Theme", timeout=3)

    def _save(self, name: str) -> bool:
        if name == self.saved.theme:
            return True
        try:
            self.store.save(Settings(theme=name))
        except SettingsError as error:
            if not self.failure_told:  # once is enough: every change would fail alike
                self.app.notify(str(error), title="Settings", severity="warning", timeout=10)
                self.failure_told = True
            return False
        self.saved = Settings(theme=name)
        return True
