"""Each bad input is exactly one problem naming its file; everything else still loads."""

from __future__ import annotations

import shutil
import time

import pytest

import gpreader.corpus.loader as loader
from gpreader.corpus.loader import load_corpus
from gpreader.resources import bundled_seeds

SEEDS = bundled_seeds()


def make_empty(folder):
    (folder / "empty.txt").write_bytes(b"")
    return "empty.txt", "empty file"


def make_blank(folder):
    (folder / "blank.md").write_bytes(b" \n\r\n\t \n")
    return "blank.md", "empty file"


def make_binary(folder):
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return "image.txt", "binary file, not text"


def make_undecodable(folder):
    (folder / "garbled.txt").write_bytes("‘Quote’ ".encode("utf-8") + b"\x81\x8d\x90 text")
    return "garbled.txt", "cannot decode"


def make_huge(folder):
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)  # sparse, instant
    return "huge.txt", "too large (20.0 MB; the limit is 5 MB)"


def make_furniture_only(folder):
    (folder / "shell.txt").write_text("Sign in\n\nHave you registered with us yet?\n", encoding="utf-8")
    return "shell.txt", "no article text"


def make_broken_catalog(folder):
    (folder / "catalog.toml").write_text('[articles."000_bfb60d14f6019173"\noutlet = "GP"\n', encoding="utf-8")
    return "catalog.toml", "invalid TOML at line 1"


BAD = [make_empty, make_blank, make_binary, make_undecodable, make_huge, make_furniture_only, make_broken_catalog]


@pytest.fixture
def folder(tmp_path):
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, tmp_path)
    shutil.copy(SEEDS / "catalog.toml", tmp_path)
    return tmp_path


@pytest.mark.parametrize("make", BAD, ids=[m.__name__[5:] for m in BAD])
def test_one_bad_input_is_one_problem_and_the_seeds_still_load(folder, make):
    name, reason = make(folder)
    corpus = load_corpus(folder)
    assert len(corpus.problems) == 1
    problem = corpus.problems[0]
    assert problem.path.name == name
    assert reason in problem.reason
    assert str(problem).startswith(str(folder / name) + ": ")
    assert "\n" not in str(problem)
    assert len(corpus.articles) == 5


def test_broken_catalog_is_a_warning_and_articles_load_without_its_facts(folder):
    make_broken_catalog(folder)
    corpus = load_corpus(folder)
    assert corpus.problems[0].fatal is False
    assert corpus.article("004_f127605748b66a42").comments == []  # comments_start came from the catalog


def test_all_bad_inputs_together(folder):
    names = {make(folder)[0] for make in BAD}
    corpus = load_corpus(folder)
    assert sorted(p.path.name for p in corpus.problems) == sorted(names)
    assert len(corpus.articles) == 5


def test_unbalanced_quote_marks_load_without_problems(folder):
    text = "Quote marks gone astray\n\n‘He said “no and never closed it.\n\n’ ’ ” \" ' ‘‘‘\n"
    (folder / "unbalanced.txt").write_text(text, encoding="utf-8")
    corpus = load_corpus(folder)
    assert corpus.problems == []
    article = corpus.article("unbalanced")
    assert article.paragraphs == ["‘He said “no and never closed it.", "’ ’ ” \" ' ‘‘‘"]


def test_large_pathological_files_load_in_linear_time(tmp_path, monkeypatch):
    # Reading, cleaning and cataloguing only; the quote engine has its own tests.
    monkeypatch.setattr(loader, "extract_quotes", lambda article: [])
    lines = "".join(f"Line {i} says ‘hello’ and “more\n\n" for i in range(60_000))
    (tmp_path / "many.txt").write_text("Many short paragraphs here\n\n" + lines, encoding="utf-8")
    (tmp_path / "spaces.txt").write_text("x" + " " * 3_000_000 + "y\n", encoding="utf-8")
    (tmp_path / "quotes.txt").write_text("‘" * 1_000_000 + "\n", encoding="utf-8")
    started = time.perf_counter()
    corpus = load_corpus(tmp_path)
    assert time.perf_counter() - started < 10  # quadratic code would take minutes here
    assert corpus.problems == []
    assert len(corpus.article("many").paragraphs) == 60_000
    assert corpus.article("spaces").paragraphs == ["x y"]
