"""Themes: dark, light and ansi, chosen with --theme or t, remembered; NO_COLOR honoured."""

from __future__ import annotations

import json
import os

from tui_helpers import notified, selected_text

from gpreader.app import GPReaderApp

SIZE = (100, 30)


def screen_colours(app) -> set[tuple[int, int, int]]:
    """Every foreground and background colour on screen, as RGB triplets."""
    found = set()
    for strip in app.screen._compositor.render_strips():  # noqa: SLF001 - what the terminal gets
        for segment in strip:
            for colour in (segment.style.color, segment.style.bgcolor) if segment.style else ():
                if colour is not None and colour.triplet is not None:
                    found.add(tuple(colour.triplet))
    return found


def saved(data) -> dict:
    return json.loads((data / "settings.json").read_text(encoding="utf-8"))


async def test_the_default_theme_is_dark_and_nothing_is_written(corpus, private_environment):
    app = GPReaderApp(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
    assert not (private_environment / "settings.json").exists()


async def test_a_theme_from_the_command_line_is_used_and_remembered(corpus, private_environment):
    app = GPReaderApp(corpus, theme="light")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-light" and not app.current_theme.dark
    assert saved(private_environment)["theme"] == "textual-light"
    again = GPReaderApp(corpus)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"


async def test_t_cycles_dark_light_ansi_and_the_choice_survives_a_restart(corpus, private_environment):
    app = GPReaderApp(corpus)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", "n", "n")
        before = selected_text(app)
        seen = []
        for _ in range(3):
            await pilot.press("t")
            await pilot.pause()
            seen.append(app.theme)
            assert saved(private_environment)["theme"] == app.theme
        assert seen == ["textual-light", "ansi-dark", "textual-dark"]
        assert "Theme: dark — remembered" in notified(app)
        assert selected_text(app) == before  # a theme change keeps the selection
        await pilot.press("t", "t")
        assert app.theme == "ansi-dark"
    again = GPReaderApp(corpus)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "ansi-dark" and again.current_theme.ansi


async def test_a_theme_picked_in_the_palette_is_remembered_too(corpus, private_environment):
    app = GPReaderApp(corpus)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert saved(private_environment)["theme"] == "nord"


async def test_no_color_draws_in_greys_only(corpus, monkeypatch):
    coloured = GPReaderApp(corpus)
    async with coloured.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "n")
        assert any(len(set(rgb)) > 1 for rgb in screen_colours(coloured))  # speakers in colour
    monkeypatch.setenv("NO_COLOR", "1")
    for theme in ("dark", "light", "ansi"):
        app = GPReaderApp(corpus, theme=theme)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter", "n")
            assert app.no_color
            colours = screen_colours(app)
            assert all(r == g == b for r, g, b in colours), f"{theme}: {colours}"
            assert "— Mike Bewick" in app.main_screen.query_one("#p0").render().plain  # names still say who


async def test_damaged_settings_are_moved_aside_and_said(corpus, private_environment):
    private_environment.mkdir()
    (private_environment / "settings.json").write_text("{oops", encoding="utf-8")
    app = GPReaderApp(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark" and app.is_running
        message = notified(app)
        assert "settings.json: not valid JSON" in message and "moved it aside to" in message
    aside = [p for p in private_environment.iterdir() if p.name.startswith("settings.json.corrupt-")]
    assert len(aside) == 1 and str(aside[0]) in message


async def test_an_unknown_saved_theme_falls_back_to_dark(corpus, private_environment):
    private_environment.mkdir()
    (private_environment / "settings.json").write_text('{"theme": "no-such-theme"}', encoding="utf-8")
    app = GPReaderApp(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        assert "Unknown theme 'no-such-theme': using dark." in notified(app)


async def test_a_theme_that_cannot_be_saved_is_said_once(corpus, private_environment):
    private_environment.parent.mkdir(exist_ok=True)
    private_environment.write_text("a file, not a folder")
    app = GPReaderApp(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert app.theme == "textual-light"
        assert "Theme: light — not remembered" in notified(app)
        assert notified(app).count("Cannot save settings to") == 1
        await pilot.press("t")
        await pilot.pause()
        assert notified(app).count("Cannot save settings to") == 1
        assert app.is_running
    assert os.path.isfile(private_environment)


async def test_a_command_line_theme_that_cannot_be_saved_is_still_used(corpus, private_environment):
    private_environment.parent.mkdir(exist_ok=True)
    private_environment.write_text("a file, not a folder")
    app = GPReaderApp(corpus, theme="ansi")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "ansi-dark"
        assert "Cannot save settings to" in notified(app)
