"""gpreader [PATH] on a terminal opens the reader on the right corpus."""

from __future__ import annotations

import asyncio

import pytest

from gpreader import cli
from gpreader.cli import main
from gpreader.resources import bundled_seeds


@pytest.fixture
def opened(monkeypatch):
    """Pretend stdout is a terminal; run the reader headless until its folder is read and
    record the corpus it holds."""
    from gpreader.app import GPReaderApp

    corpora = []

    async def read_then_quit(app):
        async with app.run_test() as pilot:
            await app.folder_read.wait()
            await pilot.pause()
            corpora.append(app.corpus)

    monkeypatch.setattr(GPReaderApp, "run", lambda self, *a, **k: asyncio.run(read_then_quit(self)))
    monkeypatch.setattr(cli, "stdout_is_terminal", lambda: True)
    return corpora


def test_no_subcommand_opens_the_bundled_seeds(opened):
    assert main([]) == 0
    assert [c.root for c in opened] == [bundled_seeds()]
    assert len(opened[0].articles) == 5


def test_a_path_opens_that_folder(opened, tmp_path):
    (tmp_path / "one.txt").write_text("A headline\n\nSome text.\n", encoding="utf-8")
    assert main([str(tmp_path)]) == 0
    assert [a.id for a in opened[0].articles] == ["one"]


def test_a_path_after_double_dash_may_look_like_an_option(opened, tmp_path, monkeypatch):
    folder = tmp_path / "-odd"
    folder.mkdir()
    (folder / "one.txt").write_text("A headline\n\nSome text.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["--", "-odd"]) == 0
    assert len(opened) == 1


def test_a_missing_folder_is_one_line_and_exit_1(opened, tmp_path, capsys):
    assert main([str(tmp_path / "nowhere")]) == 1
    assert opened == []
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "corpus folder not found" in err


def test_extra_arguments_after_the_path_are_a_usage_error(opened, tmp_path, capsys):
    assert main([str(tmp_path), "list"]) == 2
    assert opened == []
