"""Settings (the theme) persist atomically; damage and read-only folders are survived."""

from __future__ import annotations

import json
import os

import pytest

from gpreader.settings import Settings, SettingsError, SettingsStore, theme_choice, theme_name


@pytest.fixture
def data(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("GPREADER_DATA_DIR", str(folder))
    return folder


def test_theme_names():
    assert [theme_name(c) for c in ("dark", "light", "ansi", "nord")] == [
        "textual-dark", "textual-light", "ansi-dark", "nord"]
    assert [theme_choice(n) for n in ("textual-dark", "textual-light", "ansi-dark", "nord")] == [
        "dark", "light", "ansi", "nord"]


def test_defaults_when_nothing_is_saved(data):
    store = SettingsStore()
    assert store.path == data / "settings.json"
    assert store.load() == Settings() and store.warnings == []
    assert not data.exists()  # reading creates nothing


def test_saved_theme_comes_back_and_unknown_keys_are_kept(data):
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"future": [1, 2]}), encoding="utf-8")
    SettingsStore().save(Settings(theme="textual-light"))
    assert SettingsStore().load().theme == "textual-light"
    assert json.loads((data / "settings.json").read_text(encoding="utf-8")) == {
        "future": [1, 2], "theme": "textual-light"}
    assert sorted(p.name for p in data.iterdir()) == ["settings.json", "settings.json.lock"]  # no temp left


@pytest.mark.parametrize("damage", [b"{not json", b"[1, 2]", b"\xff\xfe"])
def test_a_damaged_file_is_moved_aside_and_the_defaults_used(data, damage):
    data.mkdir()
    (data / "settings.json").write_bytes(damage)
    store = SettingsStore()
    assert store.load() == Settings()
    [warning] = store.warnings
    aside = [p for p in data.iterdir() if p.name.startswith("settings.json.corrupt-")]
    assert len(aside) == 1 and str(aside[0]) in warning and str(data / "settings.json") in warning
    assert aside[0].read_bytes() == damage and "\n" not in warning
    SettingsStore().save(Settings(theme="ansi-dark"))
    assert SettingsStore().load().theme == "ansi-dark"


def test_a_wrongly_typed_theme_is_ignored(data):
    data.mkdir()
    (data / "settings.json").write_text('{"theme": 3}', encoding="utf-8")
    assert SettingsStore().load() == Settings()


def test_saving_into_a_read_only_folder_is_one_line_and_keeps_the_old_file(data):
    SettingsStore().save(Settings(theme="textual-light"))
    os.chmod(data, 0o500)
    try:
        blocked = data / "settings.json.lock"
        if os.access(data, os.W_OK):  # root ignores permissions: block the lock file instead
            os.chmod(data, 0o700)
            blocked.unlink()
            blocked.mkdir()
        with pytest.raises(SettingsError) as err:
            SettingsStore().save(Settings(theme="ansi-dark"))
        assert str(data) in str(err.value) and "\n" not in str(err.value)
        assert SettingsStore().load().theme == "textual-light"
    finally:
        os.chmod(data, 0o700)
