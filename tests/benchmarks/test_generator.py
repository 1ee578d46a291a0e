"""The benchmark corpus generator: deterministic, loadable, and full of attributed quotes."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from gpreader.corpus.loader import load_corpus

GENERATE = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"


def _module():
    if "benchmarks_generate" not in sys.modules:
        spec = importlib.util.spec_from_file_location("benchmarks_generate", GENERATE)
        module = importlib.util.module_from_spec(spec)
        sys.modules["benchmarks_generate"] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules["benchmarks_generate"]


generate = _module().generate


@pytest.fixture(scope="module")
def twenty(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    generate(20, folder, seed=1)
    return folder


def test_twenty_articles_load_with_quotes_and_speakers(twenty):
    corpus = load_corpus(twenty)
    assert corpus.problems == []
    assert len(corpus.articles) == 20
    quotes = corpus.quotes()
    assert all(a.quotes for a in corpus.articles)
    attributed = [q for q in quotes if q.speaker]
    assert len(attributed) >= 0.8 * len(quotes)
    people = [s for s in corpus.speakers.values() if s.kind == "person"]
    assert len(people) >= 20
    assert any(s.honorific in ("Dr", "Professor", "Dame", "Sir", "Lord", "Baroness") for s in people)
    assert any(s.roles for s in people)
    assert any(q.part > 0 for q in quotes)  # a quotation running over paragraphs
    assert any(q.mention and q.mention.split()[0].lower() in ("he", "she") for q in quotes)  # pronouns


def test_outlets_dates_and_quote_styles_vary(twenty):
    corpus = load_corpus(twenty)
    assert len({a.outlet for a in corpus.articles}) >= 3
    assert all(a.date and 2010 <= a.date.year <= 2025 for a in corpus.articles)
    text = "".join(p.read_text(encoding="utf-8") for p in twenty.iterdir())
    for mark in ("‘", "“", '"'):
        assert mark in text
    assert any(p.suffix == ".md" for p in twenty.iterdir())


def test_sizes_are_news_articles(twenty):
    words = [len(p.read_text(encoding="utf-8").split()) for p in twenty.iterdir() if p.suffix in (".txt", ".md")]
    assert 300 <= min(words) and max(words) <= 1700


def test_the_same_seed_writes_the_same_bytes_and_a_prefix_is_a_prefix(tmp_path, twenty):
    generate(5, tmp_path / "five", seed=1)
    for path in (tmp_path / "five").iterdir():
        if path.name != "catalog.toml":
            assert path.read_bytes() == (twenty / path.name).read_bytes()
    generate(5, tmp_path / "other", seed=2)
    assert sorted(p.name for p in (tmp_path / "other").iterdir()) != sorted(p.name for p in (tmp_path / "five").iterdir())


def test_three_hundred_distinct_people_can_speak():
    writer = _module().Writer(1)
    names = {(p["first"], p["last"]) for p in writer.people}
    assert len(names) >= 300
    assert all(re.fullmatch(r"[A-Z][a-z]+", p["first"]) for p in writer.people)
