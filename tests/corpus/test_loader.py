"""load_corpus / load_article: the seeds, merging of facts, file selection, folder errors."""

from __future__ import annotations

import shutil

import pytest

import gpreader.corpus.loader as loader
from gpreader.corpus.errors import ArticleError, CorpusError
from gpreader.corpus.loader import load_article, load_corpus
from gpreader.corpus.model import PubDate, Quote, Speaker
from gpreader.resources import bundled_seeds

SEEDS = bundled_seeds()


def test_seeds_load_without_problems_in_date_order():
    corpus = load_corpus(SEEDS)
    assert corpus.problems == []
    assert [a.id[:3] for a in corpus.articles] == ["002", "000", "001", "003", "004"]


def test_seed_citations_show_outlet_and_date_precision():
    corpus = load_corpus(str(SEEDS))
    assert [a.quote_citation() for a in corpus.articles] == [
        "Pulse, c. May 2013", "GP, Feb 2014", "Pulse, 4 Jun 2014", "The BMJ, 3 Oct 2014", "Pulse, Oct 2024",
    ]


def test_seed_003_facts():
    article = load_corpus(SEEDS).article("003_c11f4f72208e9254")
    assert (article.author, article.citation, article.date.iso()) == ("Gareth Iacobucci", "BMJ 2014;349:g6055", "2014-10-03")
    assert article.event == "Royal College of General Practitioners annual conference, Liverpool"
    assert "Published 03 October 2014" in article.evidence["date"]


def test_seed_004_headline_comments_and_address():
    article = load_corpus(SEEDS).article("004_f127605748b66a42")
    assert article.headline == "GP contracts must change to enable neighbourhood working, argues report"
    assert (len(article.paragraphs), len(article.comments)) == (13, 5)
    assert article.address.endswith("gp-contracts-must-change-to-enable-neighbourhood-working-argues-report/")
    assert article.author is None


def test_text_facts_fill_in_without_a_catalog(tmp_path):
    shutil.copy(SEEDS / "003_c11f4f72208e9254.txt", tmp_path)
    article = load_corpus(tmp_path).articles[0]
    assert (article.outlet, article.author, article.citation) == ("The BMJ", "Gareth Iacobucci", "BMJ 2014;349:g6055")
    assert article.date == PubDate(2014, 10, 3, "day")
    assert article.event is None


def test_load_article_with_meta(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("Body only, no headline here.\n", encoding="utf-8")
    article = load_article(path, {"headline": "Given", "outlet": "GP", "date": PubDate.parse("2014-02")})
    assert (article.id, article.headline, article.paragraphs) == ("x", "Given", ["Body only, no headline here."])
    assert article.quote_citation() == "GP, Feb 2014"


def test_load_article_raises_article_error(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("Sign in\n\nAlready registered?\n", encoding="utf-8")
    with pytest.raises(ArticleError):
        load_article(path)


def test_markdown_front_matter_loses_to_catalog(tmp_path):
    (tmp_path / "m.md").write_text(
        "---\noutlet: Pulse\nauthor: Jo Bloggs\ndate: 2015-01\nevidence.author: Byline.\n---\n"
        "# A markdown headline\n\nFirst paragraph.\n",
        encoding="utf-8",
    )
    (tmp_path / "catalog.toml").write_text('[articles.m]\noutlet = "GP"\n', encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.problems == []
    article = corpus.articles[0]
    assert (article.headline, article.paragraphs) == ("A markdown headline", ["First paragraph."])
    assert (article.outlet, article.author, article.date.display()) == ("GP", "Jo Bloggs", "Jan 2015")
    assert article.evidence == {"author": "Byline."}


def test_only_visible_txt_and_md_files_at_the_top_level(tmp_path):
    for name in ("a.txt", "b.md", "c.TXT", ".hidden.txt", "notes.rst", "d.html"):
        (tmp_path / name).write_text("Some article text.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "e.txt").write_text("Nested.\n", encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()
    corpus = load_corpus(tmp_path)
    assert sorted(a.id for a in corpus.articles) == ["a", "b", "c"]
    assert corpus.problems == []


def test_links_are_followed_when_listing(tmp_path):
    """A link to a folder is no article, whatever its name; a link to an article is one."""
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "x.txt").write_text("Linked article text.\n", encoding="utf-8")
    (tmp_path / "dir.txt").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "b.txt").symlink_to(tmp_path / "real" / "x.txt")
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus.articles] == ["b"]
    assert corpus.problems == []


def test_same_stem_twice_is_one_problem(tmp_path):
    (tmp_path / "a.md").write_text("One.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Two.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert len(corpus.articles) == 1
    assert [p.path.name for p in corpus.problems] == ["a.txt"]


def test_catalog_entry_without_a_file_is_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text("One.\n", encoding="utf-8")
    (tmp_path / "catalog.toml").write_text('[articles.ghost]\noutlet = "GP"\n', encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert len(corpus.articles) == 1
    assert len(corpus.problems) == 1 and "ghost" in str(corpus.problems[0]) and not corpus.problems[0].fatal


def test_quotes_and_speakers_come_from_the_engine(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Headline of the story\n‘Yes,’ said Dr Smith.\n", encoding="utf-8")

    def fake_extract(article):
        return [Quote(article.id, 0, 1, 4, "Yes", speaker="Jo Smith")]

    def fake_build(articles):
        return {q.speaker: Speaker(q.speaker) for a in articles for q in a.quotes}

    monkeypatch.setattr(loader, "extract_quotes", fake_extract)
    monkeypatch.setattr(loader, "build_speakers", fake_build)
    corpus = load_corpus(tmp_path)
    assert [q.text for q in corpus.articles[0].quotes] == ["Yes"]
    assert list(corpus.speakers) == ["Jo Smith"]


def test_a_failing_quote_engine_still_loads_the_article(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Some text.\n", encoding="utf-8")

    def broken(article):
        raise RuntimeError("boom")

    monkeypatch.setattr(loader, "extract_quotes", broken)
    corpus = load_corpus(tmp_path)
    assert len(corpus.articles) == 1 and corpus.articles[0].quotes == []
    assert len(corpus.problems) == 1 and "boom" in corpus.problems[0].reason and not corpus.problems[0].fatal


def test_missing_folder_raises_corpus_error(tmp_path):
    with pytest.raises(CorpusError, match="no such folder"):
        load_corpus(tmp_path / "nope")


def test_a_file_is_not_a_folder(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(CorpusError, match="not a folder") as caught:
        load_corpus(path)
    assert "\n" not in str(caught.value)


def test_package_level_load_corpus_is_the_loader():
    from gpreader.corpus import load_corpus as exported

    assert len(exported(SEEDS).articles) == 5


@pytest.mark.parametrize("value, ok", [
    ("2024-02-29", True), ("2000-02-29", True), ("2023-02-29", False), ("1900-02-29", False),
    ("2014-04-30", True), ("2014-04-31", False), ("2014-12-31", True), ("2014-01-32", False),
])
def test_a_day_is_checked_against_its_month_and_leap_years(value, ok):
    if ok:
        assert PubDate.parse(value).day == int(value[-2:])
    else:
        with pytest.raises(ValueError, match="day out of range"):
            PubDate.parse(value)


def test_months_are_shown_as_english_abbreviations():
    shown = [PubDate(2014, month, None, "month").display() for month in range(1, 13)]
    assert shown == [f"{m} 2014" for m in "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()]
    assert PubDate(2013, 5, 6, "week").display() == "c. May 2013" and PubDate(2014, 10, 3).display() == "3 Oct 2014"


def test_what_a_load_makes_is_not_walked_by_the_next_young_collection():
    """After loading, the articles are in the oldest generation: the first collection after
    a load (which the next allocation starts) does not walk them all; and nothing is frozen,
    so whatever later becomes garbage is still collected."""
    import gc

    if gc.get_freeze_count():  # another test froze objects: the loader then leaves them be
        gc.unfreeze()
    corpus = load_corpus(bundled_seeds())
    quote = corpus.articles[0].quotes[0]
    assert gc.isenabled() and gc.get_freeze_count() == 0
    young = gc.get_objects(generation=0) + gc.get_objects(generation=1)
    assert not any(o is quote for o in young)
    assert any(o is quote for o in gc.get_objects(generation=2))


def test_a_load_leaves_a_frozen_process_frozen():
    """The reader freezes its start-up objects; a load then does not thaw them."""
    import gc

    kept = [object()]  # a tracked container, frozen below
    gc.freeze()
    try:
        load_corpus(bundled_seeds())
        assert gc.get_freeze_count() > 0
        assert not any(o is kept for o in gc.get_objects(generation=2))
    finally:
        gc.unfreeze()


@pytest.mark.parametrize("count, workers", [(0, 2), (1, 2), (7, 2), (100, 2), (10_000, 2), (5_000, 8)])
def test_the_workers_runs_cover_the_files_in_order_and_shrink_at_the_end(count, workers):
    from gpreader.corpus.loader import _runs

    runs = _runs(list(range(count)), workers)
    assert [i for run in runs for i in run] == list(range(count))
    assert all(1 <= len(run) <= 32 for run in runs)
    if count >= 1000:  # long runs while there is much to do, short ones when the end nears
        assert len(runs[0]) == 32 and all(len(run) <= 2 for run in runs[-3:])
