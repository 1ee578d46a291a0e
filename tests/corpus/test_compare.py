"""The compare table (themes by years), what changed per theme, and its text/Markdown/JSON."""

from __future__ import annotations

import dataclasses
import json
import marshal
import re
from pathlib import Path

import pytest

from gpreader.compare_render import JSON_VERSION, iter_json, iter_markdown, iter_text, render_json, render_markdown, render_text
from gpreader.corpus import load_corpus
from gpreader.corpus import proposals as proposals_module
from gpreader.corpus.compare import CompareError, ThemeChanges, build_compare, parse_years
from gpreader.corpus.model import Article, Corpus, PubDate
from gpreader.corpus.proposals import find_proposals
from gpreader.corpus.themes import Theme, load_themes
from gpreader.resources import bundled_seeds

from engine_support import found_proposals


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(bundled_seeds())


@pytest.fixture(scope="module")
def table(seeds):
    return build_compare(seeds)


def made_up(*items: tuple[int, str], outlet: str = "Pulse") -> Corpus:
    """A corpus of one-paragraph articles: (year, paragraph)."""
    articles = [
        Article(f"a{i}", Path(f"a{i}.txt"), f"Headline {i}", [text], outlet=outlet, date=PubDate(year, 5, None, "month"))
        for i, (year, text) in enumerate(items)
    ]
    return Corpus(Path("."), articles)


# -- years ---------------------------------------------------------------------------------------

def test_parse_years_reads_years_and_ranges():
    assert parse_years(["2013", "2014-2024", "2024"]) == list(range(2013, 2025))
    assert parse_years(["2015–2016", "2013..2013", "2020,2019"]) == [2013, 2015, 2016, 2019, 2020]
    assert parse_years([]) == []


def test_a_range_keeps_only_the_corpus_years_but_a_named_year_stays():
    assert parse_years(["2013-2024"], available=[2013, 2014, 2024]) == [2013, 2014, 2024]
    assert parse_years(["2019", "2013-2024"], available=[2014]) == [2014, 2019]


@pytest.mark.parametrize(
    ("spec", "reason"),
    [
        ("abc", "not a year or a range of years: 'abc'"),
        ("14", "not a year"),
        ("2024-2013", "runs backwards"),
        ("0999", "out of range"),
        ("2013-", "not a year"),
    ],
)
def test_bad_years_are_one_clear_line(spec, reason):
    with pytest.raises(CompareError) as err:
        parse_years([spec])
    assert reason in str(err.value) and "\n" not in str(err.value)


# -- the table -----------------------------------------------------------------------------------

def test_columns_default_to_every_corpus_year_oldest_first(table, seeds):
    assert table.columns == [2013, 2014, 2024] == seeds.years()
    assert [t.id for t in table.rows][:3] == ["integration", "commissioning", "contracts"]


def test_cells_hold_the_proposals_of_their_theme_and_year(table):
    premises_2014 = table.cell("premises", 2014)
    assert premises_2014 and all("premises" in p.themes and p.year == 2014 for p in premises_2014)
    assert table.cell("networks", 2013) == []
    pcn = [p for p in table.cell("networks", 2024) if "PCN" in p.signals]
    assert [p.proponent for p in pcn] == ["Fuller stocktake"]
    assert table.cell("premises", 2024)[0].sort_key <= table.cell("premises", 2024)[-1].sort_key


def test_what_changed_names_new_and_returning_words(table):
    networks = table.changes["networks"]
    assert networks.new[2024] == ["PCN"]
    assert "new in 2024: PCNs" in networks.summary()
    premises = table.changes["premises"]
    assert premises.seen["co-locat*"] == [2014, 2024]
    assert "co-location (again 2024)" in premises.summary()
    assert "integrated neighbourhood teams" in table.changes["integration"].summary()
    assert table.changes["contracts"].everywhere == ["contract*"]
    assert "in every column: contract" in table.changes["contracts"].summary()


def test_changes_logic_on_its_own():
    ch = ThemeChanges("t", [2013, 2014, 2024], {"a": [2013, 2014, 2024], "b": [2013, 2024], "c": [2014], "d": [2013]})
    assert ch.everywhere == ["a"]
    assert ch.new == {2014: ["c"]}
    assert ch.back == {2024: ["b"]}
    assert ch.gone == ["d"]
    assert ch.summary() == "in every column: a; new in 2014: c; back in 2024: b; gone by 2024: d"
    assert ThemeChanges("t", [2014], {}).summary() == "no signals in these columns"


def test_chosen_years_and_themes(seeds):
    t = build_compare(seeds, years=[2024, 2014], theme_ids=["premises", "networks"])
    assert t.columns == [2014, 2024]
    assert [r.id for r in t.rows] == ["premises", "networks"]
    assert set(k[0] for k in t.cells) <= {"premises", "networks"}
    # a proposal keeps all its themes when rows are filtered
    assert any("population" in p.themes for p in t.cell("premises", 2024))
    empty = build_compare(seeds, years=[2019])
    assert empty.columns == [2019] and empty.cells == {}


def test_an_unknown_theme_is_one_clear_line(seeds):
    with pytest.raises(CompareError, match=r"unknown theme 'dental' \(known: integration, "):
        build_compare(seeds, theme_ids=["dental"])


def test_a_users_themes_file_gives_the_rows(tmp_path, seeds):
    path = tmp_path / "mine.toml"
    path.write_text('[[theme]]\nid = "money"\nlabel = "Money"\nsignals = ["invest*", "money"]\n', encoding="utf-8")
    t = build_compare(seeds, themes=load_themes(path))
    assert [r.id for r in t.rows] == ["money"]
    assert sum(len(t.cell("money", y)) for y in t.columns) >= 3


def test_undated_and_unthemed_proposals_are_counted():
    corpus = made_up((2020, "The weather must improve."), (2020, "Practices should merge."))
    corpus.articles.append(Article("u", Path("u.txt"), "U", ["PCNs should grow."]))
    t = build_compare(corpus)
    assert t.columns == [2020]
    assert len(t.unthemed[2020]) == 1 and t.undated == 1
    assert [p.text for p in t.proposals()] == ["The weather must improve.", "Practices should merge."]


def test_rebuilding_does_not_read_the_articles_again(seeds):
    build_compare(seeds).proposals()  # every proposal made: each article read once
    before = {a.id: found_proposals(a) for a in seeds.articles}
    assert all(found is not None for found in before.values())
    again = build_compare(seeds, years=[2014], theme_ids=["funding"])
    assert again.cell("funding", 2014)[0].text
    assert all(found_proposals(a) is before[a.id] for a in seeds.articles)  # found before, not again


@pytest.mark.parametrize("years, theme_ids", [(None, None), ([2014, 2024], None), (None, ["premises", "networks"])])
def test_each_cell_holds_its_themes_proposals_of_its_year_in_date_order(years, theme_ids):
    corpus = load_corpus(bundled_seeds())
    found = find_proposals(corpus)
    t = build_compare(corpus, years=years, theme_ids=theme_ids)
    for theme in t.rows:
        for year in t.columns:
            expected = [p for p in found if theme.id in p.themes and p.year == year]
            assert list(t.cell(theme.id, year)) == expected, (theme.id, year)
    for year in t.columns:
        assert list(t.unthemed.get(year, [])) == [p for p in found if not p.themes and p.year == year]
    assert t.count() == len(t.proposals()) == len({id(p) for p in t.proposals()})


def test_a_cells_proposals_are_made_only_when_it_is_read():
    corpus = load_corpus(bundled_seeds())  # articles of their own: none of their proposals made yet

    def made() -> list[str]:
        return [a.id for a in corpus.articles if found_proposals(a) is not None]

    t = build_compare(corpus)
    assert made() == [] and t.count() == 81
    cell = t.cell("premises", 2024)
    assert cell[0].themes and cell[-1].sort_key >= cell[0].sort_key
    assert made() == sorted({cell[0].article_id, cell[-1].article_id}, key=[a.id for a in corpus.articles].index)


def test_a_plan_that_does_not_fit_its_article_is_not_trusted():
    corpus = load_corpus(bundled_seeds())
    longest = max(corpus.articles, key=lambda a: len(a.paragraphs))
    shortest = min(corpus.articles, key=lambda a: len(a.paragraphs))
    proposals_module.attach_plan(shortest, proposals_module.plan_data(longest))  # a wrong plan, as from a bad cache
    t = build_compare(corpus)
    expected = [p for p in find_proposals(corpus) if p.article_id == shortest.id]
    assert [p for p in t.proposals() if p.article_id == shortest.id] == expected


def test_a_plan_read_back_from_its_text_gives_the_same_proposals():
    corpus = load_corpus(bundled_seeds())
    expected = find_proposals(corpus)
    for article in corpus.articles:
        data = marshal.loads(marshal.dumps(proposals_module.plan_data(article)))  # as the cache keeps it
        assert isinstance(data[2], bytes)  # the numbers, packed
        proposals_module.attach_plan(article, data)
        assert proposals_module.plan_data(article) == data
    assert find_proposals(corpus) == expected


# not bytes, no type code or another, not a whole number of numbers, the text PLAN_FORMAT 3 wrote
@pytest.mark.parametrize("numbers", [b"", b"Q", b"Q\0\0", b"H\0", b"I" + b"\0" * 6, None, 7, "HAAA", bytearray(b"H\0\0")])
def test_packed_numbers_that_are_damaged_are_not_a_plan(numbers):
    article = load_corpus(bundled_seeds()).articles[0]
    data = proposals_module.plan_data(article)
    with pytest.raises(ValueError):
        proposals_module.attach_plan(article, [data[0], data[1], numbers, data[3]])


def test_numbers_past_two_bytes_are_packed_whole():
    article = Article("x", Path("x.txt"), "Headline", ["One."])
    proposals_module.attach_plan(article, [proposals_module.PLAN_FORMAT, None, [0, 70_000, 65_535], []])
    data = marshal.loads(marshal.dumps(proposals_module.plan_data(article)))
    assert data[2][:1] == b"I"
    proposals_module.attach_plan(article, data)
    assert proposals_module._plan(article).numbers.tolist() == [0, 70_000, 65_535]


def test_build_handles_many_articles(seeds):
    many = [dataclasses.replace(a, id=f"{a.id}-{i}") for i in range(40) for a in seeds.articles]
    t = build_compare(Corpus(seeds.root, many, seeds.speakers))
    assert len(t.cell("premises", 2024)) == 40 * 2


# -- rendering ----------------------------------------------------------------------------------

def test_text_grid_has_years_dashes_and_what_changed(table):
    out = render_text(table, width=140)
    lines = out.splitlines()
    assert [c.strip() for c in lines[0].split("│")] == ["Theme", "2013", "2014", "2024"]
    assert all(len(line) <= 140 for line in lines)
    assert "—" in out  # empty cells
    assert out.count("What changed:") == len(table.rows)
    assert "Simon Stevens" in out and "The BMJ" in out


def test_text_stacks_themes_when_years_would_be_too_narrow(table):
    out = render_text(table, width=60)
    assert "│" not in out
    assert "\n  2013\n    —\n" in out
    assert all(len(line) <= 60 for line in out.splitlines())


def test_article_text_is_never_markup():
    corpus = made_up((2021, "Practices should merge [@click=app.quit] and [bold]fund[/bold] it.\x1b[31m now"))
    table = build_compare(corpus)
    text = render_text(table, width=120)
    assert "[@click=app.quit]" in text and "[bold]fund[/bold]" in text
    assert "\x1b" not in text
    md = render_markdown(table)
    assert r"\[@click=app.quit\]" in md and "\x1b" not in md


def test_markdown_table_has_a_row_per_theme_and_escapes_pipes():
    corpus = made_up((2013, "CCGs should commission | more services."), (2024, "PCNs should merge."))
    md = render_markdown(build_compare(corpus, theme_ids=["commissioning", "networks"]))
    lines = md.splitlines()
    assert lines[0] == "| Theme | 2013 | 2024 | What changed |"
    assert lines[1] == "|---|---|---|---|"
    assert lines[2].startswith("| **Commissioning and co-commissioning** | CCGs should commission \\| more services.")
    assert lines[3].startswith("| **Federations, networks and PCNs** | — | PCNs should merge.")
    assert all(len(re.split(r"(?<!\\)\|", line)) == 6 for line in lines[2:4])  # 4 cells between 5 bars


def test_json_shape(table, seeds):
    doc = json.loads(render_json(table))
    assert doc["version"] == 1 and doc["columns"] == [2013, 2014, 2024]
    assert [t["id"] for t in doc["themes"]] == [r.id for r in table.rows]
    for theme in doc["themes"]:
        assert [c["year"] for c in theme["cells"]] == doc["columns"]
        assert set(theme["changes"]) == {"summary", "everywhere", "new", "back", "gone", "seen", "wording"}
        for cell in theme["cells"]:
            for p in cell["proposals"]:
                par = seeds.article(p["article"]).paragraphs[p["paragraph"] - 1]
                assert par[p["start"] : p["end"]] == p["text"]
                assert theme["id"] in p["themes"]
    networks = next(t for t in doc["themes"] if t["id"] == "networks")
    assert {"year": 2024, "signals": ["PCN"]} in networks["changes"]["new"]
    assert networks["changes"]["wording"]["PCN"] == "PCNs"
    assert isinstance(doc["undated"], int) and [u["year"] for u in doc["unthemed"]] == doc["columns"]


def test_themes_file_bundled_with_the_seeds_is_what_build_uses(seeds):
    bundled = load_themes(bundled_seeds() / "themes.toml")
    assert [r.id for r in build_compare(seeds).rows] == [t.id for t in bundled]
    assert all(isinstance(t, Theme) for t in bundled)


@pytest.mark.parametrize("kw", [{}, {"years": [2014]}, {"years": [2013, 2024], "theme_ids": ["premises"]}, {"years": [2019]}])
def test_the_json_written_in_pieces_is_the_document(seeds, kw):
    t = build_compare(seeds, **kw)
    whole = json.dumps({"version": JSON_VERSION, **t.to_json()}, ensure_ascii=False, indent=2) + "\n"
    assert "".join(iter_json(t)) == whole == render_json(t)


@pytest.mark.parametrize("write", [iter_json, iter_markdown, lambda t: iter_text(t, 250)])
def test_the_outputs_are_written_as_they_are_made(write):
    corpus = load_corpus(bundled_seeds())  # articles of their own: no proposals made yet
    t = build_compare(corpus)
    pieces = write(t)
    next(pieces)  # the head is out before any proposal is made
    assert [a.id for a in corpus.articles if found_proposals(a) is not None] == []
    assert len(list(pieces)) >= len(t.rows)  # then a piece per theme at least


def test_text_one_year_under_another_is_written_a_theme_at_a_time(seeds):
    t = build_compare(seeds)
    pieces = list(iter_text(t, 40))
    assert len(pieces) == len(t.rows) + 1  # and the notes
    assert pieces[0].startswith(t.rows[0].label) and t.rows[1].label not in pieces[0]
