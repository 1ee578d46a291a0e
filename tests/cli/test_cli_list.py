"""gpreader list: articles in date order, as text, Markdown or JSON."""

from __future__ import annotations

import json

from gpreader.cli import main
from gpreader.resources import bundled_seeds


def test_list_text_is_in_date_order_with_precise_dates(fake, tmp_path, capsys):
    assert main(["list", "--corpus", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["DATE", "OUTLET", "HEADLINE", "ID", "QUOTES"]
    ids = [line.split()[-2] for line in lines[1:]]
    assert ids == ["002_ccgs", "000_merger", "003_hospitals"]
    assert lines[1].startswith("c. May 2013")  # a week: never an invented day
    assert lines[2].startswith("Feb 2014")
    assert lines[3].startswith("3 Oct 2014")
    assert lines[3].rstrip().endswith("2")  # two quotes


def test_list_columns_line_up_and_nothing_is_cut_when_piped(fake, tmp_path, capsys):
    long = "A headline far longer than any terminal is wide " * 5
    fake.articles[0].headline = long.strip()
    main(["list", "--corpus", str(tmp_path)])
    lines = capsys.readouterr().out.splitlines()
    assert long.strip() in "\n".join(lines)
    id_columns = {line.index(word) for line in lines for word in line.split() if word in ("ID", "002_ccgs", "000_merger", "003_hospitals")}
    assert len(id_columns) == 1


def test_list_reports_problems_on_stderr_only(fake, tmp_path, capsys):
    main(["list", "--corpus", str(tmp_path), "--format", "json"])
    captured = capsys.readouterr()
    assert json.loads(captured.out)  # stdout stays parseable
    assert captured.err.splitlines() == [f"gpreader: warning: {tmp_path / 'broken.txt'}: binary file, not text"]


def test_list_json(fake, tmp_path, capsys):
    main(["list", "--corpus", str(tmp_path), "--format", "json"])
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == ["002_ccgs", "000_merger", "003_hospitals"]
    assert rows[0]["date_display"] == "c. May 2013" and rows[0]["date_precision"] == "week"
    assert rows[2]["quotes"] == 2


def test_list_markdown_is_a_table_with_escaped_cells(fake, tmp_path, capsys):
    fake.articles[1].headline = "Pipes | and *stars*"
    main(["list", "--corpus", str(tmp_path), "--format", "markdown"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "| Date | Outlet | Headline | ID | Quotes |"
    assert lines[1] == "|---|---|---|---|---:|"
    assert len(lines) == 5
    assert r"Pipes \| and \*stars\*" in "\n".join(lines)


def test_list_on_the_bundled_seeds(capsys):
    assert main(["list", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == len(list(bundled_seeds().glob("*.txt"))) == 5
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)
    assert {"003_c11f4f72208e9254", "001_52dddf06ea81e95a"} <= {r["id"] for r in rows}


def test_list_text_on_the_bundled_seeds(capsys):
    assert main(["list"]) == 0
    captured = capsys.readouterr()
    assert "Hospitals could run general practice services in underserved areas" in captured.out
    assert "3 Oct 2014" in captured.out
    assert captured.err == ""


def test_on_a_narrow_terminal_long_headlines_are_shortened_to_fit(fake, tmp_path, monkeypatch, capsys):
    from gpreader import cli

    monkeypatch.setattr(cli, "stdout_is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "70")
    fake.articles[0].headline = "A headline far longer than any terminal is wide " * 3
    main(["list", "--corpus", str(tmp_path)])
    lines = capsys.readouterr().out.splitlines()
    assert all(len(line) <= 70 for line in lines)
    assert any("…" in line and "003_hospitals" in line for line in lines)
