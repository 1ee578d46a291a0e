"""Small headless pieces of the reader: quotations, speaker colours, compare-view counts."""

from __future__ import annotations

from gpreader.corpus.model import Quote
from gpreader.corpus.themes import Theme
from gpreader.quotations import quotations
from gpreader.speaker_colours import DARK, article_colours, colour_for
from gpreader.widgets.compare_grid import theme_title
from gpreader.widgets.compare_header import heads_content


def quote(paragraph: int, start: int, text: str, speaker: str | None = "A", group: int = 0, part: int = 0) -> Quote:
    return Quote("x", paragraph, start, start + len(text), text, speaker=speaker, group=group, part=part)


def test_parts_of_one_quotation_are_joined_with_a_paragraph_break():
    found = quotations([quote(3, 0, "two", group=7, part=1), quote(2, 5, "one", group=7, part=0)])
    assert [q.text for q in found] == ["one\n\ntwo"]
    assert found[0].as_quote().text == "one\n\ntwo"
    assert found[0].key == ("x", 2, 5)


def test_quotes_that_merely_share_a_default_group_stay_apart():
    found = quotations([quote(0, 0, "a"), quote(1, 0, "b"), quote(1, 9, "c", speaker="B")])
    assert [q.text for q in found] == ["a", "b", "c"]


def test_a_continuation_by_someone_else_is_not_joined():
    found = quotations([quote(0, 0, "a", group=1), quote(1, 0, "b", speaker="B", group=1, part=1)])
    assert [q.text for q in found] == ["a", "b"]


def test_quotes_in_reader_comments_are_not_part_of_the_article_quotes():
    comment = quote(0, 0, "c")
    comment.in_comments = True
    assert [q.text for q in quotations([quote(0, 0, "a"), comment])] == ["a"]


def test_a_speaker_keeps_a_colour_and_speakers_of_one_article_differ():
    assert colour_for("Simon Stevens") == colour_for("Simon Stevens") in DARK
    names = [f"Speaker {i}" for i in range(len(DARK))]
    assert len(set(article_colours(names).values())) == len(DARK)
    assert article_colours(["Simon Stevens"])["Simon Stevens"] == colour_for("Simon Stevens")


def test_large_counts_in_the_compare_view_group_their_thousands():
    heads = heads_content([2014, 2015], [12406, 1], [(0, 30), (30, 30)], 0, 60, 0).plain
    assert "2014 · 12,406 proposals" in heads and "2015 · 1 proposal " in heads
    assert theme_title(Theme("t", "Funding", ("money",)), 31101).plain == "Funding  31,101 proposals"
