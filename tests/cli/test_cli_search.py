"""``gpreader search TEXT``: full-text search of the bundled seeds (and the fake corpus)."""

from __future__ import annotations

import json

import pytest
from cli_support import parse_json, run_gpreader, write_article

from gpreader.cli import main
from gpreader.corpus import load_corpus
from gpreader.resources import bundled_seeds

JSON_KEYS = {"article", "paragraph", "sentence", "start", "end", "headline", "date"}


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(bundled_seeds())


def where(corpus, word: str) -> set[tuple[str, int]]:
    """(article id, 1-based paragraph) of every paragraph that holds *word*."""
    return {
        (a.id, i + 1)
        for a in corpus.articles
        for i, p in enumerate(a.paragraphs)
        if word in p.lower()
    }


def search(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["search", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_finds_co_location_in_000_and_004_with_the_right_paragraph(capsys, seeds):
    expected = where(seeds, "co-location")
    assert {aid[:3] for aid, _ in expected} == {"000", "004"}
    code, out, err = search(capsys, "co-location")
    assert code == 0 and err == ""
    for article_id, paragraph in expected:
        assert f"{article_id}  " in out
        head = next(line for line in out.splitlines() if line.startswith(article_id))
        assert head.endswith(f"¶{paragraph}")
    assert out.count("«co-location»") == 2
    assert "Feb 2014" in out and "Oct 2024" in out  # PubDate.display(), no invented day


def test_json_schema_and_offsets(capsys, seeds):
    code, out, err = search(capsys, "co-location", "--format", "json")
    assert code == 0 and err == ""
    rows = json.loads(out)
    assert {(r["article"], r["paragraph"]) for r in rows} == where(seeds, "co-location")
    for row in rows:
        assert JSON_KEYS <= set(row)
        article = seeds.article(row["article"])
        paragraph = article.paragraphs[row["paragraph"] - 1]  # 1-based
        assert paragraph[row["start"] : row["end"]].lower() == "co-location"
        assert row["sentence"] in paragraph and "co-location" in row["sentence"].lower()
        assert row["headline"] == article.headline
        assert row["date"] == article.date.iso()


def test_a_quoted_phrase_must_appear_in_order(capsys, seeds):
    code, out, _ = search(capsys, '"social care on single sites"', "--format", "json")
    assert code == 0
    assert [(r["article"][:3], r["paragraph"]) for r in json.loads(out)] == [("000", 20)]
    code, out, err = search(capsys, '"sites single social"', "--format", "json")
    assert code == 0 and json.loads(out) == []


def test_limit_caps_the_results(capsys):
    _, out, _ = search(capsys, "care", "--format", "json")
    assert len(json.loads(out)) > 1
    code, out, _ = search(capsys, "care", "--format", "json", "--limit", "1")
    assert code == 0 and len(json.loads(out)) == 1
    assert main(["search", "care", "--limit", "0"]) == 2


def test_nothing_matching_is_a_note_and_exit_0(capsys):
    code, out, err = search(capsys, "zzyzx")
    assert code == 0 and out == ""
    assert err == "gpreader: nothing matches 'zzyzx'\n"
    code, out, _ = search(capsys, "zzyzx", "--format", "json")
    assert code == 0 and json.loads(out) == []


@pytest.mark.parametrize("query", ['GP\'s "contract', "[bold]", 'NEAR(a b) AND "', "*", "col:umn -x ^y", '"'])
@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_hostile_query_text_never_raises(capsys, query, fmt):
    code = main(["search", query, "--format", fmt])
    out, err = capsys.readouterr()
    assert code in (0, 2)
    assert "unexpected" not in err and "Traceback" not in err
    if fmt == "json":
        assert isinstance(json.loads(out), list)


def test_gp_s_contract_finds_the_words_curly_apostrophe_or_not(capsys, tmp_path):
    write_article(tmp_path, "001_contract.txt", "Contract row\n\nIntro.\n\nThe GP’s contract was signed. Later, more.\n")
    write_article(tmp_path, "002_other.txt", "Other\n\nA GP said the contract mattered.\n")
    code, out, _ = search(capsys, 'GP\'s "contract', "--corpus", str(tmp_path), "--format", "json")
    rows = json.loads(out)
    assert code == 0 and [(r["article"], r["paragraph"]) for r in rows] == [("001_contract", 3)]
    assert rows[0]["sentence"] == "The GP’s contract was signed."


def test_article_text_is_shown_literally_never_as_markup(capsys, fake):
    code, out, _ = search(capsys, "markup", "--corpus", str(fake.root))
    assert code == 0
    assert "[@click=app.quit]quit[/]" in out and "«markup»" in out
    assert "¶2" in out and "Merger of GP and community care possible" in out
    code, out, _ = search(capsys, "markup", "--corpus", str(fake.root), "--format", "markdown")
    assert "\\[@click=app.quit\\]" in out and "**markup**" in out


def test_missing_corpus_is_exit_1(capsys, tmp_path):
    code, out, err = search(capsys, "care", "--corpus", str(tmp_path / "nope"))
    assert code == 1 and out == "" and err.startswith("gpreader: error: corpus folder not found")
    code, out, _ = search(capsys, "care", "--corpus", str(tmp_path / "nope"), "--format", "json")
    assert code == 1 and json.loads(out) == []


def test_real_command_in_a_pipe():
    result = run_gpreader("search", "co-location", "--format", "json")
    assert result.returncode == 0 and result.stderr == b""
    assert len(parse_json(result.stdout)) == 2
    result = run_gpreader("search", "co-location")
    assert result.returncode == 0 and result.stderr == b""
    assert "«co-location»" in result.stdout.decode("utf-8")
    assert b"\x1b" not in result.stdout


def test_help_lists_search():
    result = run_gpreader("--help")
    assert b"search" in result.stdout
