"""Bad input: one clear line, the right exit status, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from cli_support import parse_json, run_gpreader, write_article

from gpreader.cli import main

GOOD = "A good headline\n\nDr Jane Good said: ‘We will act now.’\n"


@pytest.mark.parametrize("command", ["list", "speakers", "quotes"])
def test_missing_corpus_folder_is_one_line_and_exit_1(command, tmp_path, capsys):
    missing = tmp_path / "nowhere"
    assert main([command, "--corpus", str(missing)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("gpreader: error:") and str(missing) in captured.err


def test_missing_corpus_folder_with_json_still_prints_valid_json(tmp_path, capsys):
    assert main(["quotes", "--corpus", str(tmp_path / "nowhere"), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out) == []


def test_a_file_is_not_a_corpus_folder(tmp_path, capsys):
    file = write_article(tmp_path, "one.txt", GOOD)
    assert main(["list", "--corpus", str(file)]) == 1
    assert "not a folder" in capsys.readouterr().err


def test_a_folder_with_nothing_readable_exits_1(tmp_path, capsys):
    (tmp_path / "bad.txt").write_bytes(b"%PDF-1.4\x00\x01\x02 binary")
    assert main(["list", "--corpus", str(tmp_path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"gpreader: warning: {tmp_path / 'bad.txt'}: ")
    assert err[1] == f"gpreader: error: no article could be read from {tmp_path}"


def test_an_empty_folder_exits_1(tmp_path, capsys):
    assert main(["list", "--corpus", str(tmp_path)]) == 1
    assert "no article" in capsys.readouterr().err


def test_one_bad_file_is_skipped_with_one_warning_and_the_good_one_listed(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"%PDF-1.4\x00\x01\x02 binary")
    write_article(tmp_path, "good.txt", GOOD)
    result = run_gpreader("list", "--corpus", str(tmp_path), "--format", "json")
    assert result.returncode == 0
    assert [a["id"] for a in parse_json(result.stdout)] == ["good"]
    warnings = result.stderr.decode("utf-8").splitlines()
    assert len(warnings) == 1
    assert warnings[0].startswith("gpreader: warning: ") and "bad.txt" in warnings[0]
    assert "good.txt" not in warnings[0]


def test_text_list_of_a_mixed_folder(tmp_path, capsys):
    (tmp_path / "bad.txt").write_bytes(b"%PDF-1.4\x00\x01\x02 binary")
    write_article(tmp_path, "good.txt", GOOD)
    assert main(["list", "--corpus", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "A good headline" in captured.out and "bad" not in captured.out
    assert len(captured.err.splitlines()) == 1


def test_a_loader_crash_is_one_line_not_a_traceback(monkeypatch, tmp_path, capsys):
    from gpreader import open_folder

    def explode(folder, **kw):
        raise RuntimeError("boom")

    monkeypatch.setattr(open_folder, "load_corpus", explode)
    monkeypatch.delenv("GPREADER_DEBUG", raising=False)
    assert main(["list", "--corpus", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "boom" in err and "Traceback" not in err


def test_unreadable_corpus_folder_from_the_loader_is_one_line(monkeypatch, tmp_path, capsys):
    from gpreader import open_folder
    from gpreader.corpus.errors import CorpusError

    def refuse(folder, **kw):
        raise CorpusError(f"{folder}: cannot list the folder (Permission denied)")

    monkeypatch.setattr(open_folder, "load_corpus", refuse)
    assert main(["speakers", "--corpus", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"gpreader: error: {tmp_path}: cannot list the folder (Permission denied)\n"


def test_a_closed_pipe_exits_quietly():
    # `gpreader list | head -1`: whoever reads the pipe has gone before gpreader writes
    # (the read end is closed at once; gpreader takes far longer to start up).
    proc = subprocess.Popen(
        [sys.executable, "-m", "gpreader", "list", "--format", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    proc.wait(timeout=60)
    assert err == ""
    assert proc.returncode == 0
