"""plain_toml reads catalogs as tomllib does, or leaves them to tomllib: never another answer."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings, strategies as st

from gpreader.corpus.catalog import read_catalog
from gpreader.corpus.model import PubDate
from gpreader.corpus.plain_toml import load_toml, plain_toml
from gpreader.resources import bundled_seeds

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]



def _generate(n: int, folder: Path) -> None:
    """The benchmark corpus generator's articles and catalog.toml (tests/benchmarks loads it so)."""
    if "benchmarks_generate" not in sys.modules:
        path = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"
        spec = importlib.util.spec_from_file_location("benchmarks_generate", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules["benchmarks_generate"] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    sys.modules["benchmarks_generate"].generate(n, folder, 3)

_SPACE = st.sampled_from(["", " ", "  ", "\t"])
_KEY = st.sampled_from(["articles", "outlet", "date", "evidence", "a", "b", "x-1", "_", "1", "true", '"00_ab"',
                        '"a b"', '"a.b"', '""', '"é"', "é", '"a\\"b"', "'lit'", "a.b"])
_TEXT = st.text(st.sampled_from('ab #"\\\t\r\x00\x7f’é.=[]'), max_size=6)
_VALUE = st.one_of(
    _TEXT.map(lambda t: f'"{t}"'),
    st.sampled_from(["true", "false", "0", "-0", "+7", "12", "007", "1_000", "1.5", "2024-07-09", "[1, 2]",
                     "{a = 1}", "'single'", '"""multi"""', "inf", "True", "trueish", "0x1f"]),
)
_COMMENT = st.one_of(st.just(""), _TEXT.map(lambda t: "#" + t.replace("\n", "")))


@st.composite
def _line(draw) -> str:
    kind = draw(st.sampled_from(["blank", "comment", "header", "header", "pair", "pair", "pair", "junk"]))
    lead, gap = draw(_SPACE), draw(_SPACE)
    if kind == "blank":
        return lead
    if kind == "comment":
        return lead + draw(_COMMENT)
    if kind == "header":
        parts = draw(st.lists(_KEY, min_size=1, max_size=3))
        brackets = draw(st.sampled_from([("[", "]"), ("[", "]"), ("[[", "]]"), ("[", "")]))
        return lead + brackets[0] + gap + f"{gap}.{gap}".join(parts) + gap + brackets[1] + draw(_SPACE) + draw(_COMMENT)
    if kind == "pair":
        return lead + draw(_KEY) + gap + "=" + draw(_SPACE) + draw(_VALUE) + draw(_SPACE) + draw(_COMMENT)
    return draw(_TEXT)


_DOCUMENT = st.tuples(st.lists(_line(), max_size=12), st.sampled_from(["\n", "\n", "\r\n"]), st.booleans()).map(
    lambda t: t[1].join(t[0]) + (t[1] if t[2] else "")
)


@settings(max_examples=1500, deadline=None)
@given(_DOCUMENT)
@example('[articles."a"]\noutlet = "GP"\n[articles."a".evidence]\noutlet = "said so"\n')
@example("[a.b]\n[a]\nc = 1\n")  # a table made before it is declared: left to tomllib
@example("[a]\nb = 1\n[a.b]\n")  # a key and a table of one name: an error, left to tomllib
@example("a = 1\na = 2")  # a key twice: an error, left to tomllib
def test_plain_toml_gives_what_tomllib_gives_or_nothing(text):
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assert plain_toml(text) is None
        with pytest.raises(tomllib.TOMLDecodeError):
            load_toml(text)
        return
    got = plain_toml(text)
    assert got is None or got == expected
    assert load_toml(text) == expected


# lines of the two kinds plain_toml reads by string methods, near misses among them
_CATALOG_LINE = st.one_of(
    st.text(st.sampled_from('ab"\\ .#é\t'), max_size=5).map(lambda k: f'[articles."{k}"]'),
    st.tuples(
        st.text(st.sampled_from('ab-_1 é".'), max_size=4),
        st.one_of(
            st.sampled_from(["true", "false", "truex", "1", " true", "true ", '"a" = "b"']),
            st.text(st.sampled_from('ab"\\ #\t’'), max_size=5).map(lambda t: f'"{t}"'),
        ),
    ).map(lambda kv: f"{kv[0]} = {kv[1]}"),
    st.sampled_from(["", "# note", "[articles]", '[articles."a".evidence]', "[x.y]"]),
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_CATALOG_LINE, max_size=10).map("\n".join))
def test_catalog_lines_read_the_quick_way_give_what_tomllib_gives(text):
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assert plain_toml(text) is None
        return
    got = plain_toml(text)
    assert got is None or got == expected


def test_catalogs_as_written_are_read_the_quick_way(tmp_path):
    """The bundled catalog and a generated 300-article one take the quick path, and read as
    tomllib reads them (the catalog's facts too)."""
    _generate(300, tmp_path / "gen")
    for folder in (bundled_seeds(), tmp_path / "gen"):
        text = (folder / "catalog.toml").read_text(encoding="utf-8")
        assert plain_toml(text) is not None
        assert plain_toml(text) == tomllib.loads(text)
    catalog, problems = read_catalog(tmp_path / "gen")
    assert len(catalog) > 250 and problems == []


def test_a_catalog_plain_toml_cannot_read_is_still_read(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "catalog.toml").write_bytes(
        b'[articles."a"]\r\noutlet = "GP\\u2019s"\r\ndate = 2024-07-09\r\n'  # CRLF, an escape, a TOML date
    )
    assert plain_toml((folder / "catalog.toml").read_text(encoding="utf-8")) is None
    catalog, problems = read_catalog(folder)
    assert catalog["a"]["outlet"] == "GP’s" and catalog["a"]["date"] == PubDate(2024, 7, 9) and problems == []
