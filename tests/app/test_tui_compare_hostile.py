"""Hostile text in the compare view: shown literally, nothing obeyed, nothing run."""

from __future__ import annotations

import pytest

from test_tui_hostile import KINDS, SIZE, assert_terminal_safe, flat
from tui_helpers import screen_text
from tui_hostile_corpus import HOSTILE, build_hostile_corpus, shown

from gpreader.app import GPReaderApp
from gpreader.screens.compare_screen import CompareScreen


def corpus_with_a_proposal(kind: str):
    """The hostile corpus cut to one article, whose proposal carries the hostile text."""
    corpus = build_hostile_corpus()
    article = corpus.articles[KINDS.index(kind)]
    article.paragraphs.append(f"Practices should merge with community services {HOSTILE[kind]} now.")
    corpus.articles = [article]
    return corpus


@pytest.mark.parametrize("kind", KINDS)
async def test_hostile_text_in_the_compare_view(kind):
    app = GPReaderApp(corpus_with_a_proposal(kind))
    app.control_filter.enabled = False  # the view's own care is under test
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        text = flat(screen_text(app))
        assert f"community services {flat(shown(kind))} now." in text
        assert_terminal_safe(app)
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert HOSTILE[kind] in app.clipboard  # the copy keeps the exact text
        assert_terminal_safe(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
