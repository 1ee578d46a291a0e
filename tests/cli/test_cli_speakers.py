"""gpreader speakers: who is quoted, most quoted first."""

from __future__ import annotations

import json

from gpreader.cli import main


def test_speakers_text_sorted_by_quote_count_then_name(fake, tmp_path, capsys):
    assert main(["speakers", "--corpus", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["NAME", "KIND", "LATEST", "ROLE", "QUOTES", "YEARS"]
    assert lines[1].startswith("Simon Stevens")
    assert "chief executive of NHS England" in lines[1] and lines[1].rstrip().endswith("2  2014")
    # one quote each: alphabetical by name (David before Mike), shown with honorifics
    assert lines[2].startswith("Dr David Geddes") and lines[2].rstrip().endswith("2013")
    assert lines[3].startswith("Dr Mike Bewick")
    assert len(lines) == 4


def test_speakers_json_uses_the_speaker_schema(fake, tmp_path, capsys):
    main(["speakers", "--corpus", str(tmp_path), "--format", "json"])
    rows = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in rows] == ["Simon Stevens", "David Geddes", "Mike Bewick"]
    stevens = rows[0]
    assert stevens["quotes"] == 2 and stevens["kind"] == "person"
    assert stevens["aliases"] == ["Mr Stevens", "Stevens"]
    assert stevens["roles"][0] == {"role": "chief executive of NHS England", "article": "003_hospitals", "date": "2014-10-03"}
    assert stevens["years"] == [2014]
    assert rows[2]["display_name"] == "Dr Mike Bewick"


def test_speakers_markdown(fake, tmp_path, capsys):
    main(["speakers", "--corpus", str(tmp_path), "--format", "markdown"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "| Name | Kind | Latest role | Quotes | Years |"
    assert lines[2] == "| Simon Stevens | person | chief executive of NHS England | 2 | 2014 |"


def test_speakers_on_the_seeds_include_simon_stevens_first_or_near(capsys):
    # Needs the quote engine: Simon Stevens is quoted in two seed articles.
    assert main(["speakers", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    stevens = next(r for r in rows if r["name"] == "Simon Stevens")
    assert stevens["quotes"] >= 5
    assert stevens["years"] == [2014]
    counts = [r["quotes"] for r in rows]
    assert counts == sorted(counts, reverse=True)
