"""Hostile text is data: in every widget it shows literally, runs nothing, and no control
character reaches the terminal.

Each test runs with gpreader's last-line control filter switched off, so what is checked
is the widget's own care; ``test_the_last_line_filter_*`` checks the filter alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.segment import Segment
from textual.content import Content
from textual.widgets import Static
from textual.widgets._toast import Toast

from tui_helpers import pane, screen_text, sidebar
from tui_hostile_corpus import HOSTILE, RAW_BYTES, build_hostile_corpus, quote_text, shown, speaker_name

from gpreader.app import GPReaderApp
from gpreader.corpus.model import LoadProblem
from gpreader.quote_out import preview
from gpreader.safe_text import one_line, printable
from gpreader.screens.speaker_page import SpeakerPage

SIZE = (200, 60)
KINDS = list(HOSTILE)


def flat(text: str) -> str:
    """Whitespace collapsed, so text wrapped over lines can be found."""
    return " ".join(text.split())


def region_text(app, widget) -> str:
    """What the terminal shows inside *widget*'s content region, lines joined by spaces."""
    region = widget.content_region
    strips = app.screen._compositor.render_strips()  # noqa: SLF001 - what the terminal gets
    lines = [strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)]
    return flat(" ".join(lines))


def assert_terminal_safe(app) -> None:
    """No control byte on screen or in the SVG export; no live link or action anywhere."""
    text = screen_text(app)
    svg = app.export_screenshot()
    for raw in RAW_BYTES:
        assert raw not in text, f"{raw!r} reached the screen"
        assert raw not in svg, f"{raw!r} reached the export"
    for strip in app.screen._compositor.render_strips():  # noqa: SLF001
        for segment in strip:
            style = segment.style
            if style is not None:
                assert not style.link, f"a live link on {segment.text!r}"
                assert "@click" not in (style.meta or {}), f"a live action on {segment.text!r}"
    assert app.is_running


async def open_article(pilot, kind: str) -> None:
    await pilot.press("g", *["j"] * KINDS.index(kind), "enter")
    await pilot.pause()


def toasts_text(app) -> str:
    return " ".join(region_text(app, toast) for toast in app.screen.query(Toast))


def assert_shows(where: str, text: str, *expected: str) -> None:
    for wanted in expected:
        assert flat(wanted) in text, f"{where}: {wanted!r} not shown literally in {text!r}"


@pytest.mark.parametrize("kind", KINDS)
async def test_hostile_text_in_every_widget(kind):
    """Sidebar, load-problem notification, reading pane, status line, copy notification,
    speaker finder, speaker page and its header, command palette, help."""
    s, kind_name = shown(kind), kind.capitalize()
    corpus = build_hostile_corpus()
    bad_file = Path("/h") / f"bad {HOSTILE[kind]}.txt"  # (a "/" in it makes folders, as on disk)
    corpus.problems = [LoadProblem(bad_file, f"reason {HOSTILE[kind]}")]
    app = GPReaderApp(corpus)
    app.control_filter.enabled = False  # the widgets' own care is under test
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert_shows("sidebar", region_text(app, sidebar(app)), f"Out {s} · {kind_name} headline {s}")
        assert_shows("load-problem notification", toasts_text(app), f"{one_line(bad_file)}: reason {s}")
        assert_terminal_safe(app)
        app.clear_notifications()

        await open_article(pilot, kind)
        await pilot.press("n")
        await pilot.pause()
        article = pane(app).article
        assert_shows(
            "reading pane",
            region_text(app, pane(app)),
            f"{kind_name} headline {s}",
            f"Out {s} · {article.date.display()} · by By {s}",
            f"Event {s}",
            f"‘Words {s} end.’ — Zed {kind_name} {s}",
            f"Comment {s}",
        )
        status = region_text(app, app.main_screen.query_one("#quote-status"))
        assert_shows("status line", status, f"Quote 1 of 1 · Zed {kind_name} {s}")
        assert_terminal_safe(app)
        assert app.clipboard == ""

        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clipboard.startswith(f"‘{quote_text(kind)}’ — Dr Zed")  # the copy itself is exact
        assert_shows("copy notification", toasts_text(app), printable(preview(quote_text(kind))),
                     f"Zed {kind_name} {s}")
        assert_terminal_safe(app)
        app.clear_notifications()

        await pilot.press("s", *f"zed {kind}")
        await pilot.pause()
        finder = region_text(app, app.screen.query_one("#finder"))
        assert_shows("speaker finder", finder, f"Dr Zed {kind_name} {s}", f"role {s}")
        assert_terminal_safe(app)

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerPage) and app.screen.speaker.name == speaker_name(kind)
        head = region_text(app, app.screen.query_one("#speaker-head"))
        assert_shows("speaker page head", head, f"Dr Zed {kind_name} {s} 1 quotation", f"role {s}",
                     f"Also named: Alias {s}")
        quotes = region_text(app, app.screen.query_one("#speaker-quotes"))
        assert_shows("speaker page quotes", quotes, f"Out {s} · {kind_name} headline {s}", f"‘Words {s} end.’")
        assert_shows("header", flat(screen_text(app).splitlines()[0]), f"Dr Zed {kind_name} {s}")
        assert_terminal_safe(app)
        await pilot.press("escape")

        await pilot.press("ctrl+p", *f"zed {kind}")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert_shows("command palette", flat(screen_text(app)), f"Speaker: Dr Zed {kind_name} {s}", f"role {s}")
        assert_terminal_safe(app)
        await pilot.press("escape")

        await pilot.press("question_mark")
        await pilot.pause()
        assert "gpreader keys" in screen_text(app)
        assert_terminal_safe(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main_screen and app.is_running
        assert pane(app).article is article


async def test_the_last_line_filter_stops_what_a_careless_widget_lets_through():
    app = GPReaderApp(build_hostile_corpus())
    async with app.run_test(size=SIZE) as pilot:
        raw = "careless " + "".join(HOSTILE[k] for k in ("ansi", "osc52", "osc8", "controls", "bidi"))
        await app.main_screen.mount(Static(Content(raw), id="careless"))
        await pilot.pause()
        text = screen_text(app)
        assert "careless" in text
        assert_terminal_safe(app)


def test_the_filter_keeps_the_width_of_each_line():
    from gpreader.terminal_filter import ControlCharacterFilter

    segments = [Segment("a\x1b[31mb"), Segment("\u202ec\udcff"), Segment("\x07")]
    cleaned = ControlCharacterFilter().apply(segments, None)
    assert "".join(s.text for s in cleaned) == "a[31mbc\ufffd"
    assert sum(s.cell_length for s in cleaned) == sum(s.cell_length for s in segments)
