"""gpreader compare: the compare table as text, Markdown and JSON; years, ranges, themes, errors.

Exit status: 0 done; 1 an error (unknown theme id, a themes file that cannot be used, no
article in the years asked for); 2 a year or range that cannot be read (a usage error).
"""

from __future__ import annotations

import json

import pytest
from cli_fake_corpus import GEDDES_1, STEVENS_1
from cli_support import parse_json, run_gpreader

from gpreader.cli import main


def compare(capsys, tmp_path, *args: str) -> tuple[int, str, str]:
    code = main(["compare", "--corpus", str(tmp_path), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def compare_json(capsys, tmp_path, *args: str) -> dict:
    code, out, _ = compare(capsys, tmp_path, *args, "--format", "json")
    assert code == 0
    return json.loads(out)


# -- formats -------------------------------------------------------------------------------

def test_text_is_a_grid_of_themes_by_years_with_what_changed(fake, tmp_path, capsys):
    code, out, err = compare(capsys, tmp_path)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split("│")[1:] and [c.strip() for c in lines[0].split("│")] == ["Theme", "2013", "2014"]
    assert len(lines[0]) <= 100  # piped: 100 columns
    contracts = next(i for i, line in enumerate(lines) if line.startswith("Contracts (national and"))
    assert lines[contracts].split("│")[1].strip() == "• “There will still be a national"
    assert lines[contracts + 1].split("│")[1].strip() == "contract.” — David Geddes, Pulse,"
    assert lines[contracts].split("│")[2].strip() == "—"
    assert "What changed: new in 2014: team up" in out
    assert "broken.txt: binary file, not text" in err  # the corpus's problems, on stderr only


def test_markdown_is_a_table_with_a_what_changed_column(fake, tmp_path, capsys):
    code, out, _ = compare(capsys, tmp_path, "--format", "markdown")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "| Theme | 2013 | 2014 | What changed |"
    assert lines[1] == "|---|---|---|---|"
    contracts = next(line for line in lines if line.startswith("| **Contracts"))
    assert "“There will still be a national contract.” — David Geddes, Pulse, c. May 2013" in contracts
    assert contracts.endswith("| gone by 2014: contract |")


def test_json_holds_every_proposal_with_its_place_in_the_article(fake, tmp_path, capsys):
    doc = compare_json(capsys, tmp_path)
    assert doc["version"] == 1 and doc["columns"] == [2013, 2014]
    assert [t["id"] for t in doc["themes"]][:3] == ["integration", "commissioning", "contracts"]
    contracts = next(t for t in doc["themes"] if t["id"] == "contracts")
    proposal = contracts["cells"][0]["proposals"][0]
    assert proposal["text"] == GEDDES_1 and proposal["proponent"] == "David Geddes"
    paragraph = fake.article(proposal["article"]).paragraphs[proposal["paragraph"] - 1]
    assert paragraph[proposal["start"] : proposal["end"]] == GEDDES_1
    assert contracts["cells"][1] == {"year": 2014, "proposals": []}
    assert contracts["changes"]["gone"] == ["contract*"]


# -- years and themes ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("years", "columns"),
    [
        (["2014"], [2014]),
        (["2013", "2014"], [2013, 2014]),
        (["2013-2014"], [2013, 2014]),
        (["2013..2014"], [2013, 2014]),
        (["2010-2013"], [2013]),  # years of a range without articles are left out
        (["2014,2013"], [2013, 2014]),
        (["2019"], [2019]),  # a single year is kept: an empty column
    ],
)
def test_years_and_ranges_choose_the_columns(fake, tmp_path, capsys, years, columns):
    assert compare_json(capsys, tmp_path, *years)["columns"] == columns


def test_a_year_without_articles_is_an_empty_column(fake, tmp_path, capsys):
    doc = compare_json(capsys, tmp_path, "2019")
    assert all(cell["proposals"] == [] for theme in doc["themes"] for cell in theme["cells"])


def test_theme_limits_the_rows(fake, tmp_path, capsys):
    doc = compare_json(capsys, tmp_path, "--theme", "hospitals")
    assert [t["id"] for t in doc["themes"]] == ["hospitals"]
    assert doc["themes"][0]["cells"][1]["proposals"][0]["text"] == STEVENS_1
    both = compare_json(capsys, tmp_path, "--theme", "contracts", "--theme", "hospitals")
    assert [t["id"] for t in both["themes"]] == ["contracts", "hospitals"]
    listed = compare_json(capsys, tmp_path, "--theme", "contracts,hospitals")
    assert [t["id"] for t in listed["themes"]] == ["contracts", "hospitals"]


def test_a_themes_file_of_ones_own(fake, tmp_path, capsys):
    themes = tmp_path / "mine.toml"
    themes.write_text('[[theme]]\nid = "teams"\nlabel = "Teaming up"\nsignals = ["team up"]\n', encoding="utf-8")
    code, out, _ = compare(capsys, tmp_path, "--themes", str(themes))
    assert code == 0
    assert "Teaming up" in out and "Integrating" not in out
    assert "What changed: new in 2014: team up" in out


# -- errors ------------------------------------------------------------------------------------

def test_unknown_theme_is_one_line_and_exit_1(fake, tmp_path, capsys):
    code, out, err = compare(capsys, tmp_path, "--theme", "nope")
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert err.startswith("gpreader: error: unknown theme 'nope' (known: integration, commissioning")


def test_errors_with_json_still_print_valid_json(fake, tmp_path, capsys):
    code, out, err = compare(capsys, tmp_path, "--theme", "nope", "--format", "json")
    assert code == 1 and json.loads(out) == {} and "unknown theme" in err


@pytest.mark.parametrize("spec", ["20x4", "2015-2013", "14", "3000"])
def test_a_year_that_cannot_be_read_is_a_usage_error(fake, tmp_path, capsys, spec):
    code, out, err = compare(capsys, tmp_path, spec)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("gpreader compare: error:") and spec in err


def test_a_range_without_articles_is_exit_1(fake, tmp_path, capsys):
    code, out, err = compare(capsys, tmp_path, "2000-2005")
    assert code == 1 and out == ""
    assert err.splitlines()[-1] == "gpreader: error: no article in 2000-2005 (the corpus has 2013, 2014)"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "no such file"),
        ("[[theme]\nid = ", "not valid TOML"),
        ('[[theme]]\nid = "x"\n', "theme 'x': 'label' must be a non-empty string"),
        ('[[theme]]\nid = "x"\nlabel = "X"\nsignals = ["a*b"]\n', "signal 'a*b' has a * that is not at the end"),
    ],
)
def test_a_broken_themes_file_is_one_line_naming_it(fake, tmp_path, capsys, content, reason):
    themes = tmp_path / "themes.toml"
    if content is not None:
        themes.write_text(content, encoding="utf-8")
    code, out, err = compare(capsys, tmp_path, "--themes", str(themes))
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"gpreader: error: {themes}: ") and reason in err


def test_compare_help_names_its_options_and_exit_status(capsys):
    assert main(["compare", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: gpreader compare")
    for word in ("YEAR|RANGE", "--theme", "--themes", "--format", "--corpus", "exit status", "2013-2015"):
        assert word in out


def test_main_help_lists_compare(capsys):
    assert main(["--help"]) == 0
    assert "compare" in capsys.readouterr().out


# -- the real command on the bundled articles ---------------------------------------------------

def test_on_the_seeds_pcns_are_new_in_2024_and_co_location_comes_back():
    result = run_gpreader("compare", "--format", "json")
    assert result.returncode == 0, result.stderr
    doc = parse_json(result.stdout)
    assert doc["columns"] == [2013, 2014, 2024]
    summary = {t["id"]: t["changes"]["summary"] for t in doc["themes"]}
    assert "new in 2024: PCNs" in summary["networks"]
    assert "new in 2024: integrated neighbourhood teams" in summary["integration"]
    assert "co-location (again 2024)" in summary["premises"]


def test_text_into_a_pipe_is_utf8_and_100_columns():
    result = run_gpreader("compare", "2014", "2024", "--theme", "premises")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert "Co-location and premises" in out and "‘co-location’" in out
    assert max(len(line) for line in out.splitlines()) <= 100
