"""Version, help, usage errors, and the reader never drawn into a pipe."""

from __future__ import annotations

import subprocess
import sys

import pytest
from cli_support import run_gpreader

from gpreader import __version__
from gpreader.cli import main

SUBCOMMANDS = ("list", "speakers", "quotes", "clippings")


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"gpreader {__version__}" == "gpreader 0.1.0"


def test_main_help_lists_subcommands_examples_and_exit_status(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for word in (*SUBCOMMANDS, "PATH", "examples:", "exit status:"):
        assert word in out
    for code in ("0  done", "1  nothing to show", "2  usage error"):
        assert code in out


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_subcommand_has_help(command, capsys):
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: gpreader {command}")
    assert "--format" in out


def test_quotes_help_names_its_filters(capsys):
    main(["quotes", "--help"])
    out = capsys.readouterr().out
    for option in ("--speaker", "--article", "--kind", "--corpus", "full,partial,fragment"):
        assert option in out


@pytest.mark.parametrize(
    "argv",
    [["list", "--format", "yaml"], ["quotes", "--kind", "whole"], ["speakers", "--bogus"], ["--bogus"],
     ["clippings", "--format", "text"]],
)
def test_usage_errors_exit_2_with_a_message(argv, capsys):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "gpreader" in captured.err and "error" in captured.err


def test_misspelt_subcommand_suggests_the_right_one(capsys):
    assert main(["lsit"]) == 2
    assert "did you mean 'gpreader list'" in capsys.readouterr().err


def test_no_subcommand_without_a_terminal_prints_a_hint_and_exits_2(capsys):
    assert main([]) == 2  # capsys: stdout is not a terminal
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "gpreader list" in captured.err and "--help" in captured.err


def test_a_path_without_a_terminal_is_not_opened(tmp_path, capsys):
    assert main([str(tmp_path)]) == 2
    assert "needs a terminal" in capsys.readouterr().err


def test_reader_into_a_pipe_exits_2_with_a_one_paragraph_hint():
    result = run_gpreader()
    assert result.returncode == 2
    assert result.stdout == b""
    hint = result.stderr.decode("utf-8").strip()
    assert "\n" not in hint
    assert "gpreader quotes" in hint and "Traceback" not in hint


def test_subcommands_do_not_import_textual(tmp_path):
    code = (
        "import sys; from gpreader.cli import main; "
        "main(['list', '--format', 'json']); print('textual' in sys.modules, file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stderr.strip().splitlines()[-1] == "False"


def test_version_from_the_installed_command():
    result = run_gpreader("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == "gpreader 0.1.0"
