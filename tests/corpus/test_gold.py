"""The quote engine against a hand annotation of every quotation in the seeds.

tests/gold/seeds.json was made by reading the articles, not by running the engine. Full and
partial quotes must all be found with exact boundaries and the right speaker; fragments
(scare quotes) must mostly be found. ``pytest -s`` prints the score table.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from copy import deepcopy
from pathlib import Path

import pytest

from gpreader.corpus import load_corpus
from gpreader.corpus.model import QUOTE_KINDS, Article, Corpus, Quote
from gpreader.resources import bundled_seeds

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # gold_scoring is a sibling script, not a package module
    sys.path.insert(0, str(HERE))

from gold_scoring import (  # noqa: E402
    describe,
    describe_missing,
    describe_unmatched,
    describe_wrong_speakers,
    format_table,
    load_gold,
    load_gold_paragraphs,
    score,
)

GOLD = load_gold()
PARAGRAPHS = load_gold_paragraphs()
QUOTES = GOLD["quotes"]
OPENERS, CLOSERS = "‘“'\"", "’”'\""
MARKS = set("‘’“”'\"")
# plural possessives, whose apostrophe has no letter after it
POSSESSIVE_PLURALS = {"LMCs", "Practitioners"}


# ---- the gold file itself -------------------------------------------------------------


def test_gold_entries_are_exact_substrings_of_the_gold_paragraphs():
    wrong = [
        describe(q) for q in QUOTES
        if PARAGRAPHS[q["article"]][q["paragraph"] - 1][q["start"]:q["end"]] != q["text"]
    ]
    assert not wrong, "\n".join(wrong)


def test_gold_entries_are_sorted_and_well_formed():
    assert [(q["article"], q["paragraph"], q["start"]) for q in QUOTES] == sorted(
        (q["article"], q["paragraph"], q["start"]) for q in QUOTES
    )
    assert set(PARAGRAPHS) == {p.stem for p in bundled_seeds().glob("*.txt")}
    for q in QUOTES:
        assert q["kind"] in QUOTE_KINDS, describe(q)
        assert q["text"] and q["text"] == q["text"].strip(), describe(q)
        assert q["mention"], describe(q)
        assert q["speaker"] is None or q["speaker"].split()[0] not in {"Dr", "Mr", "Professor", "Sir", "Lord"}


def test_every_quotation_mark_in_the_seeds_is_annotated_or_an_apostrophe():
    by_paragraph = defaultdict(list)
    for q in QUOTES:
        by_paragraph[(q["article"], q["paragraph"])].append(q)
    unaccounted = []
    for article, paragraphs in PARAGRAPHS.items():
        for number, para in enumerate(paragraphs, 1):
            spans = by_paragraph[(article, number)]
            for i, ch in enumerate(para):
                if ch not in MARKS or _is_apostrophe(para, i):
                    continue
                opens = any(i == q["start"] - 1 and ch in OPENERS for q in spans)
                closes = any(i == q["end"] and ch in CLOSERS for q in spans)
                nested = any(q["start"] <= i < q["end"] for q in spans)
                if not (opens or closes or nested):
                    unaccounted.append(f"{article} ¶{number} col {i}: {para[max(0, i - 30):i + 30]!r}")
    for q in QUOTES:  # marks inside a quote are apostrophes or balanced nested quotes
        inner = [c for i, c in enumerate(q["text"]) if c in MARKS and not _is_apostrophe(q["text"], i)]
        assert "".join(inner) in ("", "‘’"), describe(q)
    assert not unaccounted, "\n".join(unaccounted)


def _is_apostrophe(text: str, i: int) -> bool:
    if text[i] not in "’'":
        return False
    if 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
        return True  # don’t, It's, England’s
    before = text[:i].split()[-1] if text[:i].split() else ""
    return before in POSSESSIVE_PLURALS and (i + 1 == len(text) or not text[i + 1].isalnum())


def test_continued_quotations_are_consecutive_parts_of_one_group():
    groups = defaultdict(list)
    for q in QUOTES:
        groups[(q["article"], q["group"])].append(q)
    for parts in groups.values():
        parts.sort(key=lambda q: q["part"])
        assert [q["part"] for q in parts] == list(range(len(parts))), describe(parts[0])
        assert len({(q["speaker"], q["kind"]) for q in parts}) == 1, describe(parts[0])
        for before, after in zip(parts, parts[1:]):
            para = PARAGRAPHS[before["article"]][before["paragraph"] - 1]
            assert before["end"] == len(para), f"continued but closed: {describe(before)}"
            assert after["paragraph"] == before["paragraph"] + 1 and after["start"] == 1, describe(after)
        last = parts[-1]
        closing = PARAGRAPHS[last["article"]][last["paragraph"] - 1][last["end"]:last["end"] + 1]
        assert closing and closing in CLOSERS, f"quotation never closed: {describe(last)}"


# ---- the engine's cleaning must give the paragraphs the gold offsets refer to -------------


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(bundled_seeds())


def test_engine_cleaning_gives_the_gold_paragraphs(corpus):
    for article_id, expected in PARAGRAPHS.items():
        article = corpus.article(article_id)
        assert article is not None, f"{article_id} not loaded"
        for number, (got, want) in enumerate(zip(article.paragraphs, expected), 1):
            assert got == want, f"{article_id} ¶{number}:\n got  {got[:80]!r}\n want {want[:80]!r}"
        assert len(article.paragraphs) == len(expected), f"{article_id}: paragraph count"
    for q in QUOTES:
        article = corpus.article(q["article"])
        assert article.paragraphs[q["paragraph"] - 1][q["start"]:q["end"]] == q["text"], describe(q)


# ---- the score ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def result(corpus):
    scored = score(corpus, GOLD)
    print("\n" + format_table(scored))
    return scored


def test_every_full_and_partial_quote_is_found_with_exact_boundaries(result):
    missing = describe_missing(result, ("full", "partial"))
    assert not missing, f"{len(missing)} full/partial quotes not found exactly:\n" + "\n".join(missing)


def test_every_full_and_partial_quote_has_the_right_speaker(result):
    wrong = describe_wrong_speakers(result, ("full", "partial"))
    assert not wrong, "\n".join(wrong)


def test_engine_quotes_are_gold_quotes(result):
    precision = result["overall"]["precision"]
    assert precision is not None, "the engine found no quotes in the seeds"
    assert precision >= 0.95, f"precision {precision:.0%}:\n" + "\n".join(describe_unmatched(result))


def test_most_fragments_are_found(result):
    fragments = result["by_kind"]["fragment"]
    assert fragments["recall"] >= 0.90, f"fragment recall {fragments['recall']:.0%}:\n" + "\n".join(
        describe_missing(result, ("fragment",))
    )


# ---- score() itself, on the gold quotes posing as engine output ----------------------------


def _corpus_of(quotes: list[dict]) -> Corpus:
    """A corpus of the gold paragraphs whose 'engine' quotes are *quotes* (gold-shaped dicts)."""
    found = defaultdict(list)
    for q in quotes:
        found[q["article"]].append(Quote(
            article_id=q["article"], paragraph=q["paragraph"] - 1, start=q["start"], end=q["end"],
            text=q["text"], kind=q["kind"], speaker=q["speaker"], group=q["group"], part=q["part"],
        ))
    articles = [
        Article(id=stem, path=Path(f"{stem}.txt"), headline=stem, paragraphs=paras, quotes=found[stem])
        for stem, paras in PARAGRAPHS.items()
    ]
    return Corpus(root=Path("seeds"), articles=articles)


def test_score_of_the_gold_itself_is_perfect():
    scored = score(_corpus_of(QUOTES), GOLD)
    for row in [*scored["by_kind"].values(), scored["overall"]]:
        assert row["recall"] == row["precision"] == row["speaker_accuracy"] == row["kind_accuracy"] == 1.0
    assert scored["overall"]["gold"] == scored["overall"]["engine"] == len(QUOTES)
    assert not (scored["missing"] or scored["unmatched"] or scored["wrong_speaker"] or scored["split_groups"])
    n = len(QUOTES)
    assert f"| all | {n} | {n} | 100% | {n} | 100% | 100% | 100% |" in format_table(scored)


def test_score_reports_a_dropped_quote_a_wrong_speaker_and_a_misjudged_boundary():
    quotes = deepcopy(QUOTES)
    full = [i for i, q in enumerate(quotes) if q["kind"] == "full"]
    dropped = quotes[full[0]]
    quotes[full[1]]["speaker"] = "Somebody Else"
    fragment = next(q for q in quotes if q["kind"] == "fragment")
    fragment["end"] += 1  # takes in the closing mark
    engine = [q for i, q in enumerate(quotes) if i != full[0]]

    scored = score(_corpus_of(engine), GOLD)

    n_full = scored["by_kind"]["full"]["gold"]
    assert scored["by_kind"]["full"]["recall"] == (n_full - 1) / n_full
    assert scored["by_kind"]["full"]["speaker_accuracy"] == (n_full - 2) / (n_full - 1)
    assert scored["by_kind"]["fragment"]["recall"] < 1.0
    assert scored["by_kind"]["fragment"]["precision"] < 1.0
    assert [m["text"] for m in scored["missing"]] == [dropped["text"], fragment["text"]]
    assert "Somebody Else" in describe_wrong_speakers(scored)[0]
    assert "missing full" in describe_missing(scored)[0] and dropped["text"][:20] in describe_missing(scored)[0]
    assert "engine has" in describe_missing(scored)[1]  # the near miss is shown
    assert len(scored["unmatched"]) == 1 and scored["overall"]["precision"] < 1.0


def test_score_ignores_quotes_in_reader_comments_and_other_articles():
    extra = Quote(article_id="004_f127605748b66a42", paragraph=0, start=0, end=6, text="change",
                  kind="fragment", in_comments=True)
    elsewhere = Quote(article_id="999_other", paragraph=0, start=0, end=3, text="Hi.")
    corpus = _corpus_of(QUOTES)
    corpus.article("004_f127605748b66a42").quotes.append(extra)
    corpus.articles.append(Article(id="999_other", path=Path("x.txt"), headline="x",
                                   paragraphs=["‘Hi.’"], quotes=[elsewhere]))
    assert score(corpus, GOLD)["overall"]["precision"] == 1.0
