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
