"""gpreader quotes: filters, fuzzy speakers, and the public JSON interface."""

from __future__ import annotations

import json

from cli_fake_corpus import BEWICK_1, GEDDES_1, MARKUP, STEVENS_1, STEVENS_2
from cli_support import parse_json, run_gpreader

from gpreader.cli import main

SCHEMA = {"article", "speaker", "text", "kind", "paragraph", "start", "end"}


def quotes_json(capsys, *args: str) -> list[dict]:
    code = main(["quotes", *args, "--format", "json"])
    assert code == 0
    return json.loads(capsys.readouterr().out)


def test_json_schema_and_order(fake, tmp_path, capsys):
    rows = quotes_json(capsys, "--corpus", str(tmp_path))
    assert [r["text"] for r in rows] == [GEDDES_1, BEWICK_1, MARKUP, STEVENS_2, STEVENS_1]
    for row in rows:
        assert SCHEMA <= set(row)
    stevens = rows[-1]
    assert stevens["article"] == "003_hospitals"
    assert stevens["speaker"] == "Simon Stevens"
    assert stevens["paragraph"] == 3  # 1-based
    paragraph = fake.article("003_hospitals").paragraphs[2]
    assert paragraph[stevens["start"] : stevens["end"]] == STEVENS_1
    assert rows[2]["speaker"] is None  # unattributed stays null


def test_json_is_valid_and_empty_when_nothing_matches(fake, tmp_path, capsys):
    assert quotes_json(capsys, "--corpus", str(tmp_path), "--speaker", "geddes", "--kind", "partial") == []


def test_fuzzy_speaker_finds_simon_stevens_from_a_misspelling(fake, tmp_path, capsys):
    rows = quotes_json(capsys, "--corpus", str(tmp_path), "--speaker", "stevns")
    assert [r["text"] for r in rows] == [STEVENS_2, STEVENS_1]
    assert {r["speaker"] for r in rows} == {"Simon Stevens"}


def test_speaker_by_alias_role_and_case(fake, tmp_path, capsys):
    corpus = ["--corpus", str(tmp_path)]
    assert {r["speaker"] for r in quotes_json(capsys, *corpus, "--speaker", "DR MIKE BEWICK")} == {"Mike Bewick"}
    assert {r["speaker"] for r in quotes_json(capsys, *corpus, "--speaker", "chief executive")} == {"Simon Stevens"}
    assert {r["speaker"] for r in quotes_json(capsys, *corpus, "--speaker", "geddes")} == {"David Geddes"}


def test_unknown_speaker_exits_1_naming_three_nearest(fake, tmp_path, capsys):
    assert main(["quotes", "--corpus", str(tmp_path), "--speaker", "xyzzy"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 2  # the corpus problem, then the error
    assert lines[1].startswith("gpreader: error: no speaker matches 'xyzzy'")
    assert all(name in lines[1] for name in ("Simon Stevens", "Dr Mike Bewick", "Dr David Geddes"))


def test_unknown_speaker_with_json_keeps_stdout_parseable(fake, tmp_path, capsys):
    assert main(["quotes", "--corpus", str(tmp_path), "--speaker", "xyzzy", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out) == []


def test_article_by_full_id_or_unique_prefix(fake, tmp_path, capsys):
    corpus = ["--corpus", str(tmp_path)]
    assert [r["text"] for r in quotes_json(capsys, *corpus, "--article", "003")] == [STEVENS_2, STEVENS_1]
    assert [r["text"] for r in quotes_json(capsys, *corpus, "--article", "002_ccgs")] == [GEDDES_1]


def test_ambiguous_or_unknown_article_is_one_line_exit_1(fake, tmp_path, capsys):
    assert main(["quotes", "--corpus", str(tmp_path), "--article", "00"]) == 1
    err = capsys.readouterr().err.splitlines()[-1]
    assert "ambiguous" in err and "000_merger" in err and "003_hospitals" in err
    assert main(["quotes", "--corpus", str(tmp_path), "--article", "999"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith("gpreader: error: no article has the id '999'")


def test_kind_filter(fake, tmp_path, capsys):
    assert [r["text"] for r in quotes_json(capsys, "--corpus", str(tmp_path), "--kind", "partial")] == [BEWICK_1]


def test_text_format_quote_then_citation_line(fake, tmp_path, capsys):
    assert main(["quotes", "--corpus", str(tmp_path), "--article", "003"]) == 0
    out = capsys.readouterr().out
    assert out == (
        f"‘{STEVENS_2}’\n  — Simon Stevens (The BMJ, 3 Oct 2014) [003_hospitals ¶2]\n\n"
        f"‘{STEVENS_1}’\n  — Simon Stevens (The BMJ, 3 Oct 2014) [003_hospitals ¶3]\n"
    )


def test_text_format_shows_article_text_verbatim_and_unattributed(fake, tmp_path, capsys):
    main(["quotes", "--corpus", str(tmp_path), "--article", "000"])
    out = capsys.readouterr().out
    assert f"‘{MARKUP}’\n  — unattributed (GP, Feb 2014) [000_merger ¶2]" in out
    assert "  — Dr Mike Bewick (GP, Feb 2014) [000_merger ¶1]" in out


def test_markdown_format_is_blockquotes_with_citations(fake, tmp_path, capsys):
    main(["quotes", "--corpus", str(tmp_path), "--speaker", "geddes", "--format", "markdown"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"> ‘{GEDDES_1}’"
    assert lines[1].startswith("> — Dr David Geddes")
    assert "Pulse, c. May 2013" in lines[1] and "002_ccgs" in lines[1]


def test_empty_text_result_says_so_on_stderr(fake, tmp_path, capsys):
    assert main(["quotes", "--corpus", str(tmp_path), "--speaker", "geddes", "--kind", "fragment"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "no quotes" in captured.err


# ---- the bundled seeds (need the quote engine) ----------------------------------------


def test_seed_quotes_json_from_the_installed_command():
    result = run_gpreader("quotes", "--format", "json")
    assert result.returncode == 0
    rows = parse_json(result.stdout)
    assert len(rows) >= 20
    for row in rows:
        assert SCHEMA <= set(row)
        assert row["kind"] in ("full", "partial", "fragment")
        assert row["paragraph"] >= 1 and row["end"] > row["start"]
    assert "Simon Stevens" in {r["speaker"] for r in rows}


def test_seed_stevns_finds_simon_stevens():
    result = run_gpreader("quotes", "--speaker", "stevns", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = parse_json(result.stdout)
    assert rows and {r["speaker"] for r in rows} == {"Simon Stevens"}
    assert {r["article"] for r in rows} == {"001_52dddf06ea81e95a", "003_c11f4f72208e9254"}


def test_seed_text_quotes_are_utf8_whatever_the_locale():
    result = run_gpreader("quotes", "--article", "003")
    assert result.returncode == 0
    text = result.stdout.decode("utf-8")
    assert "(The BMJ, 3 Oct 2014) [003_c11f4f72208e9254 ¶" in text
    assert text.startswith("‘")
