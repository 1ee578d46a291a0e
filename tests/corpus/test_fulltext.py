"""Full-text search: the matching sentence and where it is, whatever the user types."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpreader.corpus.fulltext import FullTextIndex, fts_query, open_fulltext
from gpreader.corpus.loader import load_corpus
from gpreader.corpus.model import Article, Corpus
from gpreader.resources import bundled_seeds


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(bundled_seeds())


@pytest.fixture(scope="module")
def index(seeds):
    idx = FullTextIndex()
    idx.sync(seeds.articles)
    yield idx
    idx.close()


def article(article_id: str, *paragraphs: str) -> Article:
    return Article(article_id, Path(f"{article_id}.txt"), "Headline", list(paragraphs))


def test_a_hit_names_the_article_paragraph_and_sentence(seeds, index):
    hits = index.search("co-commissioning")
    assert hits
    for hit in hits:
        par = seeds.article(hit.article_id).paragraphs[hit.paragraph]
        assert par[hit.start : hit.end].lower() == "co-commissioning"
        assert par[hit.sentence_start :].startswith(hit.sentence)
        assert hit.sentence_start <= hit.start < hit.end <= hit.sentence_start + len(hit.sentence)
        assert len(hit.sentence) < len(par) or par.count(". ") == 0


def test_the_sentence_is_the_one_holding_the_match():
    idx = FullTextIndex()
    idx.sync([article("a", "First sentence about funding. Dr Smith said the contract was dead. Last one.")])
    [hit] = idx.search("contract")
    assert hit.sentence == "Dr Smith said the contract was dead."


@pytest.mark.parametrize(
    "typed",
    ['GP\'s "contract', '"', '""', "AND", "OR NOT", "NEAR(a b", "col:x", "*", "-", "^x", "a AND", "'", "(", "))", "‘’“”", "\\", "%_"],
)
def test_whatever_is_typed_never_raises(index, typed):
    assert isinstance(index.search(typed), list)


def test_words_are_quoted_and_the_last_is_a_prefix():
    assert fts_query('GP\'s "primary care" contr') == '"GP s" "primary care" "contr"*'
    assert fts_query("contract ") == '"contract"'
    assert fts_query("NEAR(a b") == '"NEAR a" "b"'
    assert fts_query("  ") is None and fts_query('"*"') is None


def test_prefix_while_typing_but_not_after_a_space(index):
    assert {h.article_id for h in index.search("Stev")} >= {"001_52dddf06ea81e95a", "003_c11f4f72208e9254"}
    assert index.search("Stev ") == []


def test_a_quoted_phrase_must_be_contiguous():
    idx = FullTextIndex()
    idx.sync([article("a", "Primary care is under strain."), article("b", "Care for primary schools.")])
    assert [h.article_id for h in idx.search('"primary care"')] == ["a"]
    assert {h.article_id for h in idx.search("primary care")} == {"a", "b"}


def test_case_and_accents_do_not_matter():
    idx = FullTextIndex()
    idx.sync([article("a", "Thérèse Coffey said ‘no’.")])
    [hit] = idx.search("therese")
    assert (hit.start, hit.end) == (0, 7)


def test_apostrophes_curly_or_straight_find_the_same(index):
    curly = {(h.article_id, h.paragraph) for h in index.search("England’s ")}
    straight = {(h.article_id, h.paragraph) for h in index.search("England's ")}
    assert curly and curly == straight


def test_sync_follows_changes_and_removals():
    idx = FullTextIndex()
    a, b = article("a", "Old words here."), article("b", "Other text.")
    assert idx.sync([a, b]) == 2
    assert idx.sync([a, b]) == 0  # nothing changed
    a2 = article("a", "New words here.")
    assert idx.sync([a2]) == 1
    assert idx.search("old ") == [] and idx.search("other ") == []
    assert [h.article_id for h in idx.search("new")] == ["a"]


def test_an_index_behind_the_corpus_shows_no_wrong_place():
    a = article("a", "The contract is signed.")
    idx = FullTextIndex()
    idx.sync([a])
    a.paragraphs[0] = "Something else entirely."  # changed without a sync
    assert idx.search("contract") == []


def test_a_persistent_index_is_reused_and_a_damaged_one_rebuilt(seeds, tmp_path):
    path = tmp_path / "fulltext.sqlite"
    first, problems = open_fulltext(seeds, cache=path)
    expected = [(h.article_id, h.paragraph, h.start) for h in first.search("primary care")]
    first.close()
    assert problems == [] and expected
    second, problems = open_fulltext(seeds, cache=path)
    assert problems == [] and len(second) == 5
    assert [(h.article_id, h.paragraph, h.start) for h in second.search("primary care")] == expected
    second.close()
    path.write_bytes(b"not a database at all " * 200)
    third, problems = open_fulltext(seeds, cache=path)
    assert problems == []
    assert [(h.article_id, h.paragraph, h.start) for h in third.search("primary care")] == expected
    third.close()


def test_an_unusable_index_file_falls_back_to_memory(seeds, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    idx, problems = open_fulltext(seeds, cache=blocker / "fulltext.sqlite")
    assert len(problems) == 1 and "\n" not in problems[0] and "search index" in problems[0]
    assert idx.search("Stevens")


def test_the_default_index_file_is_in_the_cache_dir(seeds, tmp_path, monkeypatch):
    monkeypatch.setenv("GPREADER_CACHE_DIR", str(tmp_path))
    idx, problems = open_fulltext(Corpus(root=seeds.root, articles=seeds.articles))
    idx.close()
    assert problems == [] and len(list(tmp_path.glob("fulltext-*.sqlite"))) == 1


def test_limit_and_best_first(index):
    hits = index.search("care", limit=3)
    assert len(hits) == 3
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)
