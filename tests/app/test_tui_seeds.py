"""The reader on the bundled seed articles (needs the real quote engine)."""

from __future__ import annotations

import pytest
from tui_helpers import current_article_id, screen_text, selected_quote_on_screen

from gpreader.app import GPReaderApp
from gpreader.corpus import load_corpus
from gpreader.resources import bundled_seeds
from gpreader.search import search_speakers

HEADLINE_STARTS = [  # what a 120-column sidebar shows of each seed headline
    "CCGs to jointly commission",
    "Merger of GP and community",
    "NHS chief calls for GPs",
    "Hospitals could run general",
    "GP contracts must change",
]


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(bundled_seeds())


def test_stevns_finds_simon_stevens(seeds):
    assert search_speakers(seeds, "stevns", 5)[0].name == "Simon Stevens"


def test_rcgp_chair_finds_the_three_chairs(seeds):
    found = {hit.name for hit in search_speakers(seeds, "rcgp chair", 10)}
    assert {"Maureen Baker", "Kamila Hawthorne", "Clare Gerada"} <= found


def test_geddes_is_found(seeds):
    assert search_speakers(seeds, "geddes", 5)[0].name == "David Geddes"


async def test_the_seeds_open_and_geddes_is_one_jump_away(seeds):
    app = GPReaderApp(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        for start in HEADLINE_STARTS:
            assert start in text
        await pilot.press("s", *"geddes", "enter")
        await pilot.pause()
        assert len(app.screen.found) > 1, "David Geddes has quotations"
        await pilot.press("G", "enter")  # his last quotation, far down the article
        await pilot.pause()
        quotation = app.main_screen.pane.selected_quotation
        assert quotation is not None and quotation.speaker == "David Geddes"
        assert app.main_screen.pane.scroll_y > 0
        assert current_article_id(app) == quotation.first.article_id
        assert selected_quote_on_screen(app)
