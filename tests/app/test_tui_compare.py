"""The compare view (v): proposals by theme and year, moving, opening, copying, choosing."""

from __future__ import annotations

import gc

import pytest
from textual.binding import Binding
from textual.widgets import Static
from tui_fixture_corpus import STEVENS_FIRST, build_corpus
from tui_helpers import notified, pane, screen_text, selected_text

from gpreader import keys
from gpreader.app import GPReaderApp
from gpreader.collector import NEVER
from gpreader.corpus.compare import build_compare
from gpreader.corpus.model import Article, PubDate
from gpreader.screens.compare_screen import CompareScreen
from gpreader.screens.compare_theme_picker import ThemeOptions, ThemePicker
from gpreader.screens.compare_year_picker import YearList, YearPicker
from gpreader.screens.main_screen import MainScreen
from gpreader.widgets.compare_cell import CompareCell
from gpreader.widgets.compare_grid import CompareGrid
from gpreader.widgets.paragraph import Paragraph

SIZE = (120, 40)
WRAP_AROUND = "She said the so-called ‘wrap around’ services would follow."
GEDDES = "There will still be a national contract but CCGs will commission locally."


async def open_compare(pilot, *more: str) -> CompareScreen:
    """Press v, then *more*; the compare screen (which may no longer be showing)."""
    await pilot.press("v")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    await pilot.press(*more)
    await pilot.pause()
    return screen


def current_text(screen: CompareScreen) -> str | None:
    proposal = screen.grid.current
    return proposal.text if proposal else None


def reversed_text(cell: CompareCell) -> str:
    """What the cell draws reversed: its selected proposal."""
    content = cell.render()
    return "".join(content.plain[span.start : span.end] for span in content.spans if "reverse" in str(span.style))


def place(screen: CompareScreen) -> tuple[str, int]:
    grid = screen.grid
    return grid.table.rows[grid.row].id, grid.table.columns[grid.column]


# -- opening --------------------------------------------------------------------------------

async def test_v_shows_years_as_columns_and_themes_as_rows(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        assert screen.table.columns == [2013, 2014, 2024]
        text = screen_text(app)
        assert "2013 · 2 proposals" in text and "2014 · 4 proposals" in text and "2024 · 1 proposal" in text
        assert "Integrating GP and community care" in text
        assert "What changed: new in 2014: team up; gone by 2024: wrap around" in text
        assert "— unattributed · GP, Nov 2013" in text
        assert "“What if some of these groups" in text  # quoted proposals in curly quotes
        empty = screen.grid.cell_at(0, 2)
        assert empty.proposals == [] and empty.render().plain == "—"


async def test_the_first_proposal_is_selected_and_its_cell_focused(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        assert current_text(screen) == WRAP_AROUND
        cell = screen.grid.current_cell
        assert app.focused is cell
        assert cell.shown == [0] and cell.selected == 0
        assert reversed_text(cell).rstrip().endswith("— unattributed · GP, Nov 2013")  # drawn reversed
        assert "‘She said the so-called ‘wrap around’ services would follow.’ — unattributed (GP, Nov 2013)" in (
            screen_text(app)
        )


# -- moving ---------------------------------------------------------------------------------

async def test_arrows_and_hjkl_move_between_cells_and_proposals(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("l")
        assert place(screen) == ("integration", 2014) and current_text(screen) == STEVENS_FIRST
        await pilot.press("j")  # one proposal in that cell: on to the next theme, same year
        assert place(screen) == ("commissioning", 2014) and current_text(screen) == GEDDES
        await pilot.press("k")
        assert place(screen) == ("integration", 2014)
        await pilot.press("left")
        assert place(screen) == ("integration", 2013)
        await pilot.press("right", "right")
        assert place(screen) == ("integration", 2024) and current_text(screen) is None
        await pilot.press("right")  # the last column stays the last
        assert place(screen) == ("integration", 2024)
        await pilot.press("down")
        assert place(screen) == ("commissioning", 2024)
        await pilot.press("end")
        assert place(screen) == ("workforce", 2024)
        await pilot.press("j")  # the end of the table
        assert place(screen) == ("workforce", 2024)
        await pilot.press("home", "pagedown")
        assert place(screen) == ("commissioning", 2024)
        await pilot.pause()
        assert app.focused is screen.grid.current_cell


async def test_clicking_a_proposal_selects_it(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        cell = screen.grid.cell_at(1, 1)
        await pilot.click(cell, offset=(3, 0))  # its first line: its first proposal
        await pilot.pause()
        assert place(screen) == ("commissioning", 2014) and current_text(screen) == GEDDES


# -- opening the source, copying ---------------------------------------------------------------

async def test_enter_opens_the_article_at_the_proposal(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot, "l", "enter")
        await pilot.pause()
        assert app.screen is app.main_screen
        assert pane(app).article.id == "b2_stevens"
        proposal = screen.grid.current
        paragraph = pane(app).query_one(f"#p{proposal.paragraph}", Paragraph)
        assert paragraph.sentence == (proposal.start, proposal.end)
        assert selected_text(app) == STEVENS_FIRST  # the quotation it is: c copies it
        assert pane(app).has_focus


async def test_enter_on_reported_speech_marks_the_sentence_in_view(corpus):
    corpus.articles[0].paragraphs[3:3] = [f"Filler paragraph {n} about nothing in particular." for n in range(30)]
    for quote in corpus.articles[0].quotes:
        if quote.paragraph >= 3:
            quote.paragraph += 30
    app = GPReaderApp(corpus)
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await open_compare(pilot, "enter")
        await pilot.pause()
        proposal = screen.grid.current
        assert proposal.text == WRAP_AROUND and proposal.paragraph == 33
        reading = pane(app)
        paragraph = reading.query_one("#p33", Paragraph)
        assert paragraph.sentence == (proposal.start, proposal.end)
        assert reading.scroll_y > 0
        assert reading.content_region.y <= paragraph.region.y < reading.content_region.bottom
        assert WRAP_AROUND.split("‘")[0].strip() in screen_text(app)


async def test_coming_back_with_v_finds_the_view_as_it_was(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot, "2", "l", "escape")
        assert isinstance(app.screen, MainScreen)
        again = await open_compare(pilot)
        assert again is screen
        assert again.table.columns == [2013, 2024] and place(again) == ("integration", 2024)


async def copy_after(pilot, *keys_: str) -> None:
    await pilot.press(*keys_)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_c_copies_the_whole_sentence_with_who_and_where(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_compare(pilot)
        await copy_after(pilot, "l", "c")
        assert app.clipboard == f"‘{STEVENS_FIRST}’ — Simon Stevens (Pulse, 4 Jun 2014)"
        assert "Copied: ‘What if some of these groups decided to…’ — Simon Stevens" in notified(app)
        await copy_after(pilot, "h", "y")
        assert app.clipboard == f"‘{WRAP_AROUND}’ — unattributed (GP, Nov 2013)"


async def test_c_uses_the_display_name_and_never_the_short_form(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot, "j")
        assert screen.grid.current.short.endswith("…")
        await copy_after(pilot, "c")
        assert app.clipboard == (
            "‘I don’t believe we’ve actively commissioned primary care in my lifetime. It’s about time we did’"
            " — Dr Mike Bewick (GP, Nov 2013)"
        )


async def test_c_in_an_empty_cell_says_there_is_nothing_to_copy(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_compare(pilot, "l", "l")
        await copy_after(pilot, "c")
        assert app.clipboard == ""
        assert "No proposal here" in notified(app)


# -- choosing years and a theme -------------------------------------------------------------

async def test_digits_show_and_hide_the_nth_year(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot, "2")
        await pilot.pause()
        assert screen.table.columns == [2013, 2024]
        assert "2014 ·" not in screen_text(app)
        await pilot.press("2")
        await pilot.pause()
        assert screen.table.columns == [2013, 2014, 2024]
        await pilot.press("4")
        await pilot.pause()
        assert "There is no year 4: the corpus has 3 years." in notified(app)
        await pilot.press("1", "2")
        await pilot.pause()
        assert screen.table.columns == [2024]
        await pilot.press("3")  # the last year stays
        await pilot.pause()
        assert screen.table.columns == [2024]
        assert "At least one year stays" in notified(app)


async def test_the_year_picker_ticks_years_and_applies_them(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot, "p")
        assert isinstance(app.screen, YearPicker)
        await pilot.press("1", "enter")  # untick 2013
        await pilot.pause()
        assert app.screen is screen and screen.table.columns == [2014, 2024]
        await pilot.press("p", "space", "down", "space", "escape")  # cancelled: nothing changes
        await pilot.pause()
        assert screen.table.columns == [2014, 2024]
        await pilot.press("p", "2", "3", "enter")  # nothing ticked: the picker stays open
        await pilot.pause()
        assert isinstance(app.screen, YearPicker) and "Tick at least one year" in notified(app)
        await pilot.press("a", "enter")
        await pilot.pause()
        assert screen.table.columns == [2013, 2014, 2024]


async def test_t_shows_one_theme_or_all(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot, "t")
        assert isinstance(app.screen, ThemePicker)
        await pilot.press("down", "down", "enter")  # All themes, integration, commissioning
        await pilot.pause()
        assert [t.id for t in screen.table.rows] == ["commissioning"]
        assert "Theme: Commissioning and co-commissioning (t)" in screen_text(app)
        assert "Integrating GP" not in screen_text(app)
        await pilot.press("t")
        await pilot.pause()
        full = build_compare(screen.corpus)  # one theme shown: the picker still counts them all
        assert app.screen.counts == {t.id: sum(len(full.cell(t.id, y)) for y in full.columns) for t in full.rows}
        assert app.screen.counts["integration"] > 0
        await pilot.press("escape")
        await pilot.pause()
        assert [t.id for t in screen.table.rows] == ["commissioning"]
        await pilot.press("t", "home", "enter")
        await pilot.pause()
        assert len(screen.table.rows) == 9 and place(screen)[0] == "commissioning"


async def test_escape_returns_to_the_reader(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_compare(pilot, "escape")
        assert isinstance(app.screen, MainScreen)


async def test_full_collections_wait_only_while_the_compare_view_is_up(app):
    usual = gc.get_threshold()
    async with app.run_test(size=SIZE) as pilot:
        await open_compare(pilot)
        assert gc.get_threshold()[2] == NEVER  # no 200 ms walk of the heap at a key
        await pilot.press("t")  # a picker over it: the usual schedule
        await pilot.pause()
        assert gc.get_threshold() == usual
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and gc.get_threshold() == usual


async def test_the_table_keeps_its_place_as_the_sentence_under_it_changes(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        grid, detail = screen.grid.region, screen.query_one("#compare-detail").region
        lines = set()
        for key in "jjlljjhj":
            await pilot.press(key)
            await pilot.pause()
            shown = screen.query_one("#compare-detail", Static)
            lines.add(shown.render().get_height(shown.styles, shown.content_region.width))
            assert (screen.grid.region, shown.region) == (grid, detail)
        assert len(lines) >= 2  # sentences of one line and of more


# -- sizes ------------------------------------------------------------------------------------

async def test_at_80x24_the_years_scroll_sideways_and_titles_stay(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        grid = screen.query_one(CompareGrid)
        assert grid.virtual_size.width > grid.size.width  # three columns of at least 30 do not fit
        await pilot.press("l", "l")
        await pilot.pause()
        assert grid.scroll_x > 0
        cell = grid.current_cell
        assert grid.region.x <= cell.region.x and cell.region.right <= grid.region.right
        title = grid.query_one(".compare-theme")
        assert title.region.x == grid.region.x  # the theme's name does not scroll away
        assert "2024 · 1 proposal" in screen_text(app)


async def test_a_wide_terminal_gives_the_columns_its_width(app):
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await open_compare(pilot)
        widths = [cell.size.width for cell in screen.grid.query(CompareCell) if cell.row == 0]
        assert len(widths) == 3 and min(widths) >= 60


# -- article text is data -----------------------------------------------------------------------

async def test_markup_in_a_proposal_is_shown_as_text(tmp_path):
    corpus = build_corpus()
    text = "GPs should merge with community services [@click=app.quit]now[/] and [bold]soon[/bold]."
    corpus.articles.append(
        Article(id="d4_markup", path=tmp_path / "d4.txt", headline="Markup", outlet="GP",
                date=PubDate.parse("2014-03"), paragraphs=[text])
    )
    app = GPReaderApp(corpus)
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await open_compare(pilot, "l")
        texts = [p.text for p in screen.grid.current_cell.proposals]
        assert text in texts
        assert "[@click=app.quit]now[/] and [bold]soon[/bold]" in screen_text(app)
        cell = screen.grid.current_cell
        top, _ = cell.item_span(texts.index(text))
        await pilot.click(cell, offset=(3, top))
        await pilot.pause()
        assert app.is_running and current_text(screen) == text


# -- keys -------------------------------------------------------------------------------------

OWNERS = [
    (CompareScreen, keys.COMPARE_SCREEN),
    (CompareGrid, keys.COMPARE_GRID),
    (YearPicker, keys.YEAR_PICKER),
    (YearList, keys.YEAR_LIST),
    (ThemePicker, keys.THEME_PICKER),
    (ThemeOptions, keys.THEME_OPTIONS),
]
SCREEN_OF = {YearList: YearPicker, ThemeOptions: ThemePicker}


@pytest.mark.parametrize(("owner", "bindings"), OWNERS, ids=lambda o: getattr(o, "__name__", ""))
def test_compare_keys_come_from_keys_py_and_run_an_action(owner, bindings):
    assert owner.BINDINGS is bindings
    in_help = {id(binding) for _, section in keys.HELP_SECTIONS for binding in section}
    assert {id(binding) for binding in bindings} <= in_help
    for binding in Binding.make_bindings(bindings):
        action = binding.action.split("(")[0]
        target = SCREEN_OF.get(owner, owner) if action.startswith("screen.") else owner
        name = action.removeprefix("screen.")
        assert callable(getattr(target, f"action_{name}", None)), f"{owner.__name__}: {binding.key} -> {action}"


async def test_the_footer_and_help_list_the_compare_keys(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_compare(pilot)
        footer = screen_text(app).splitlines()[-1]
        for shown in ("move", "open", "copy", "theme", "1-9", "years", "back"):
            assert shown in footer
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = "\n".join(str(s.render()) for s in app.screen.query(".help-section"))
        assert "Compare view" in help_text
        assert "1 2 3 4 5 6 7 8 9" in help_text
        assert "c y             Copy the whole proposal with its citation" in help_text
