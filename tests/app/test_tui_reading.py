"""Reading: the sidebar opens articles, n/N walk the quotes, markup stays text."""

from __future__ import annotations

from tui_fixture_corpus import LONG_PART_ONE, LONG_PART_TWO, MARKUP_TEXT, STEVENS_FIRST
from tui_helpers import (
    current_article_id,
    notified,
    pane,
    pane_text,
    screen_text,
    selected_quote_on_screen,
    selected_text,
    sidebar,
)
from gpreader.widgets.article_list import ArticleOptions
from gpreader.widgets.paragraph import Paragraph
from gpreader.widgets.reading_pane import ReadingPane

SIZE = (120, 40)


async def test_starts_on_the_first_article_with_every_headline_listed(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        rows = text.splitlines()
        assert [r.split("▕")[0].strip() for r in rows[3:9]] == [
            "2013",
            "Nov    · GP · Merger of GP and community care …",
            "2014",
            "4 Jun  · Pulse · NHS chief calls for GPs to wo…",
            "2024",
            "c. Oct · Pulse · GP contracts must change, say…",
        ]
        assert current_article_id(app) == "a1_merger"
        assert "Merger of GP and community care possible, says NHS England" in text
        assert "GP · Nov 2013 · by Jane Writer" in text
        assert isinstance(app.focused, ArticleOptions)


async def test_open_an_article_from_the_sidebar(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")
        await pilot.pause()
        assert current_article_id(app) == "b2_stevens"
        assert "NHS chief calls for GPs to work within community hospitals" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, ReadingPane)
        await pilot.press("escape")
        assert isinstance(app.focused, ArticleOptions)


async def test_clicking_an_article_opens_it(app):
    async with app.run_test(size=SIZE) as pilot:
        options = sidebar(app).options
        index = options.get_option_index("c3_neighbourhood")
        await pilot.click(ArticleOptions, offset=(5, index))
        await pilot.pause()
        assert current_article_id(app) == "c3_neighbourhood"


async def test_n_and_N_walk_through_the_quotes(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert selected_text(app) == "revisit the organisational form of primary care"
        await pilot.press("n")
        assert selected_text(app).startswith("I don’t believe we’ve actively commissioned")
        await pilot.press("N")
        assert selected_text(app) == "revisit the organisational form of primary care"
        await pilot.press("n", "n", "n")
        assert selected_text(app) == "wrap around"
        await pilot.pause()
        assert "Quote 4 of 5 · unattributed" in screen_text(app)


async def test_a_quotation_over_two_paragraphs_is_selected_whole(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*["n"] * 5)
        assert selected_text(app) == f"{LONG_PART_ONE}\n\n{LONG_PART_TWO}"
        await pilot.press("n")  # already on the last quote
        assert selected_text(app) == f"{LONG_PART_ONE}\n\n{LONG_PART_TWO}"
        await pilot.pause()
        assert "No more quotes in this article" in notified(app)


def _reversed_text(paragraph: Paragraph) -> str:
    content = paragraph.render()
    return "".join(
        content.plain[span.start : span.end]
        for span in content.spans
        if getattr(span.style, "reverse", False)
    )


async def test_the_selected_quote_is_highlighted_and_scrolled_into_view(app):
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("enter")
        await pilot.press(*["n"] * 5)
        await pilot.pause()
        first, second = app.main_screen.query_one("#p3", Paragraph), app.main_screen.query_one("#p4", Paragraph)
        assert LONG_PART_ONE in _reversed_text(first)
        assert LONG_PART_TWO in _reversed_text(second)
        assert "revisit" not in _reversed_text(app.main_screen.query_one("#p0", Paragraph))
        assert pane(app).scroll_y > 0
        assert selected_quote_on_screen(app)
        assert "which is where it" in screen_text(app)


async def test_every_quote_shows_its_speaker_by_name(app):
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        text = pane_text(app)
        assert "form of primary care’ — Mike Bewick." in text
        assert "we did,’ — Mike Bewick he said." in text
        assert "‘wrap around’ services" in text  # unattributed: no label
        assert "this paragraph. — Clare Gerada" in text
        assert "Quoted: Mike Bewick · Clare Gerada" in screen_text(app)


async def test_brackets_next_previous_article(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert current_article_id(app) == "b2_stevens"
        await pilot.press("n", "n")
        assert selected_text(app) == STEVENS_FIRST
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert current_article_id(app) == "c3_neighbourhood"
        assert "This is the last article." in notified(app)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert current_article_id(app) == "b2_stevens"
        assert selected_text(app) is None


async def test_markup_in_articles_renders_literally_and_clicking_it_does_nothing_live(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[@click=app.quit]quit[/]" in text
        assert "[bold red]x" in text
        assert "[b]not[/b]" in text  # reader comments too
        paragraph = app.main_screen.query_one("#p2", Paragraph)
        lines = paragraph.render().wrap(paragraph.content_region.width)
        row = next(i for i, line in enumerate(lines) if "[@click=app.quit]" in line.plain)
        column = lines[row].plain.index("[@click=app.quit]") + 3
        await pilot.click(paragraph, offset=(column, row))
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None
        assert selected_text(app) == MARKUP_TEXT  # the click selected the quote instead


async def test_reader_comments_sit_below_in_their_own_section(app):
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert text.index("Reader comments") > text.index("which is where it")
        assert "A reader wrote that this is [b]not[/b] news, and ‘nothing will" in text


async def test_space_and_b_page_the_reading_pane(app):
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("enter", "space")
        await pilot.pause()
        assert pane(app).scroll_y > 0
        await pilot.press("b")
        await pilot.pause()
        assert pane(app).scroll_y == 0
        await pilot.press("G")
        await pilot.pause()
        assert pane(app).scroll_y == pane(app).max_scroll_y > 0
        await pilot.press("g")
        await pilot.pause()
        assert pane(app).scroll_y == 0


async def test_v_opens_the_compare_view(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert type(app.screen).__name__ == "CompareScreen"  # more in test_tui_compare.py
