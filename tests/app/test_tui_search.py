"""The headless speaker search behind the finder and the command palette."""

from __future__ import annotations

import ast
from pathlib import Path

import gpreader.search as search_module
from gpreader.corpus.model import PubDate, Role, Speaker
from gpreader.search import SpeakerIndex, initialisms, search_speakers, words


def names(corpus, query: str) -> list[str]:
    return [hit.name for hit in search_speakers(corpus, query, limit=20)]


def test_a_typo_in_a_surname_finds_the_speaker(corpus):
    assert names(corpus, "stevns")[0] == "Simon Stevens"
    assert names(corpus, "gedes") == ["David Geddes"]
    assert names(corpus, "Hawthrone") == ["Kamila Hawthorne"]


def test_a_role_finds_every_holder(corpus):
    assert set(names(corpus, "rcgp chair")) == {"Maureen Baker", "Kamila Hawthorne", "Clare Gerada"}
    assert set(names(corpus, "chair of the rcgp")) == {"Maureen Baker", "Kamila Hawthorne", "Clare Gerada"}


def test_name_matches_rank_above_role_matches(corpus):
    corpus.speakers["Maureen Baker"].roles.append(Role("adviser to Simon Stevens", "b2_stevens"))
    assert names(corpus, "stevens")[:2] == ["Simon Stevens", "Maureen Baker"]


def test_the_whole_name_typed_without_spaces_finds_the_speaker(corpus):
    assert names(corpus, "simonstevens")[0] == "Simon Stevens"
    assert names(corpus, "mikebewik") == ["Mike Bewick"]


def test_a_typed_prefix_counts_as_the_whole_word(corpus):
    (hit,) = search_speakers(corpus, "geddes", limit=5)
    assert [h.name for h in search_speakers(corpus, "ged", limit=5)] == ["David Geddes"]
    assert search_speakers(corpus, "ged", limit=5)[0].score == hit.score == 100.0
    assert names(corpus, "hawth prof") == ["Kamila Hawthorne"]


def test_a_role_word_names_the_first_role_that_has_it(corpus):
    speaker = corpus.speakers["David Geddes"]
    speaker.roles[0:0] = [Role("interim commissioning lead at NHS England", "a1_merger", PubDate.parse("2013-11"))]
    (hit,) = SpeakerIndex(corpus).search("commissioning", 5)
    assert hit.role == "head of primary care commissioning at NHS England"
    assert hit.matched == "interim commissioning lead at NHS England"


def test_every_word_must_match(corpus):
    assert names(corpus, "rcgp geddes") == []
    assert names(corpus, "xylophone") == []


def test_an_empty_query_lists_everyone_most_quoted_first(corpus):
    found = search_speakers(corpus, "", limit=20)
    assert len(found) == 6
    assert found[0].name == "Simon Stevens" and found[0].quote_count == 3


def test_hits_carry_what_the_finder_shows(corpus):
    (hit,) = search_speakers(corpus, "gerada", limit=5)
    assert hit.display_name == "Professor Clare Gerada"
    assert hit.role == "former RCGP chairwoman"
    assert hit.quote_count == 2  # a quotation over two paragraphs counts once
    assert hit.years == (2013,) and hit.years_label == "2013"


def test_a_matching_role_that_is_not_the_latest_is_named(corpus):
    speaker = corpus.speakers["Clare Gerada"]
    speaker.roles.append(Role("chairwoman of the London board", "b2_stevens", PubDate.parse("2014-06")))
    index = SpeakerIndex(corpus)
    (hit,) = index.search("rcgp chairwoman", 5)
    assert hit.matched == "former RCGP chairwoman"


def test_speakers_only_in_quotes_are_found_too(corpus):
    corpus.articles[0].quotes[0].speaker = "Ros Roughton"
    assert names(corpus, "roughton") == ["Ros Roughton"]


def test_initialisms_of_capitalised_names():
    assert initialisms("Royal College of General Practitioners") == ["rcgp"]
    assert initialisms("the British Medical Association said") == ["bma"]
    assert initialisms("a GP in York") == []


def test_words_fold_case_and_punctuation():
    assert words("NHS England’s board") == ["nhs", "england", "s", "board"]


def test_organisations_are_found_by_their_initials(corpus):
    corpus.speakers["British Medical Association"] = Speaker("British Medical Association", kind="organisation")
    assert names(corpus, "bma") == ["British Medical Association"]


def test_the_search_module_is_headless():
    tree = ast.parse(Path(search_module.__file__).read_text(encoding="utf-8"))
    imported = {
        (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    }
    assert not any(name.split(".")[0] in {"textual", "rich"} for name in imported)
