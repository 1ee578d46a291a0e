"""gpreader --theme {dark,light,ansi} [PATH] opens the reader in that theme, remembered."""

from __future__ import annotations

import json

import pytest

from gpreader import cli
from gpreader.cli import main


@pytest.fixture
def opened(monkeypatch, data_dir):
    """Pretend stdout is a terminal; record (theme, corpus root) of each reader run."""
    from gpreader.app import GPReaderApp

    runs = []
    monkeypatch.setattr(GPReaderApp, "run", lambda self, *a, **k: runs.append((self.theme, self.corpus.root)))
    monkeypatch.setattr(cli, "stdout_is_terminal", lambda: True)
    return runs


@pytest.mark.parametrize(("choice", "theme"), [("dark", "textual-dark"), ("light", "textual-light"), ("ansi", "ansi-dark")])
def test_theme_option(opened, choice, theme):
    assert main(["--theme", choice]) == 0
    assert opened[0][0] == theme


def test_theme_option_before_a_path(opened, tmp_path):
    (tmp_path / "one.txt").write_text("A headline\n\nSome text.\n", encoding="utf-8")
    assert main(["--theme=light", str(tmp_path)]) == 0
    assert opened == [("textual-light", tmp_path)]


def test_a_path_then_the_theme_option(opened, tmp_path):
    (tmp_path / "one.txt").write_text("A headline\n\nSome text.\n", encoding="utf-8")
    assert main([str(tmp_path), "--theme", "ansi"]) == 0
    assert opened == [("ansi-dark", tmp_path)]


def test_the_choice_is_remembered_for_the_next_run(opened, data_dir):
    assert main(["--theme", "light"]) == 0
    assert json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))["theme"] == "textual-light"
    assert main([]) == 0
    assert opened == [("textual-light", opened[0][1])] * 2


def test_an_unknown_theme_is_a_usage_error(opened, capsys):
    assert main(["--theme", "pink"]) == 2
    assert opened == []
    assert "invalid choice: 'pink'" in capsys.readouterr().err


def test_help_mentions_the_theme_and_no_color(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "--theme {dark,light,ansi}" in out and "NO_COLOR" in out
