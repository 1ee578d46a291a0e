"""Start-up as `gpreader` runs it (``App.run``): collection paused only for the first frame."""

from __future__ import annotations

import gc

import pytest

from gpreader.app import GPReaderApp


@pytest.fixture(autouse=True)
def collector_restored():
    """run() freezes what start-up made; give it back to the collector afterwards."""
    yield
    gc.unfreeze()
    gc.enable()


def test_collection_is_back_on_once_the_first_frame_is_up(corpus):
    seen = []

    async def look(pilot):
        await pilot.pause()
        seen.append(gc.isenabled())
        pilot.app.exit()

    GPReaderApp(corpus).run(headless=True, size=(80, 24), auto_pilot=look)
    assert seen == [True]
    assert gc.isenabled()


def test_collection_is_back_on_when_start_up_fails_before_the_first_frame(corpus):
    class Failing(GPReaderApp):
        def on_mount(self) -> None:
            raise RuntimeError("start-up failed")

    app = Failing(corpus)
    app.run(headless=True, size=(80, 24))
    assert app.return_code not in (0, None)
    assert gc.isenabled()


def _cells(app) -> list[list[tuple]]:
    """Every cell on screen: its character and style."""
    strips = app.screen._compositor.render_strips()  # noqa: SLF001 - what the terminal shows
    return [[(segment.text, segment.style) for segment in strip] for strip in strips]


@pytest.mark.parametrize(("size", "theme"), [((40, 12), None), ((80, 24), "light"), ((160, 48), "ansi")])
async def test_the_first_frame_is_styled_as_a_full_restyle_would_style_it(corpus, size, theme):
    """The main screen skips Textual's restyle of the whole screen on its first resume
    (every widget was styled as it was mounted): nothing on screen may depend on it."""
    app = GPReaderApp(corpus, theme=theme)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        first = _cells(app)
        app.update_styles(app.screen)  # what the skipped restyle does
        await pilot.pause()
        assert _cells(app) == first
