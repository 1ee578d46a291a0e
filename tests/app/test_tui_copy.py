"""Copying quotes out: exact text with citation, clippings, the Markdown export."""

from __future__ import annotations

from tui_fixture_corpus import GEDDES_TEXT, LONG_PART_ONE, LONG_PART_TWO, MARKUP_TEXT
from tui_helpers import notified, selected_text

from gpreader.app import GPReaderApp
from gpreader.clippings import ClippingStore

SIZE = (120, 40)
BEWICK = (
    "‘I don’t believe we’ve actively commissioned primary care in my lifetime. It’s about time we did,’"
    " — Dr Mike Bewick, deputy medical director of NHS England (GP, Nov 2013)"
)


async def copy_after(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_c_copies_the_selected_quote_with_its_citation(app):
    async with app.run_test(size=SIZE) as pilot:
        await copy_after(pilot, "n", "n", "c")
        assert app.clipboard == BEWICK
        assert "Copied: ‘I don’t believe we’ve actively commissi…’ — Mike Bewick" in notified(app)
        assert "OSC 52" in notified(app)


async def test_y_copies_too(app):
    async with app.run_test(size=SIZE) as pilot:
        await copy_after(pilot, "n", "n", "y")
        assert app.clipboard == BEWICK


async def test_copied_text_is_exact_even_when_it_looks_like_markup(app):
    async with app.run_test(size=SIZE) as pilot:
        await copy_after(pilot, "n", "n", "n", "c")
        assert app.clipboard == (
            f"‘{MARKUP_TEXT}’ — Professor Clare Gerada, former RCGP chairwoman (GP, Nov 2013)"
        )
        assert app.is_running
        assert "‘Money is there. [@click=app.quit]quit[/…’" in notified(app)


async def test_a_quotation_over_paragraphs_is_copied_whole_with_its_paragraph_break(app):
    async with app.run_test(size=SIZE) as pilot:
        await copy_after(pilot, *["n"] * 5, "c")
        assert app.clipboard.startswith(f"‘{LONG_PART_ONE}\n\n{LONG_PART_TWO}’ — Professor Clare Gerada")


async def test_when_no_clipboard_is_confirmed_the_quote_is_kept_in_clippings(app, private_environment):
    async with app.run_test(size=SIZE) as pilot:
        await copy_after(pilot, "n", "n", "c")
        assert "kept in clippings" in notified(app)
        kept = ClippingStore().load()
        assert [c.text for c in kept] == [selected_text(app)]
        assert app.sub_title.endswith("1 clipping")


async def test_copy_without_a_selection_says_what_to_do(app):
    async with app.run_test(size=SIZE) as pilot:
        await copy_after(pilot, "c")
        assert app.clipboard == ""
        assert "No quote selected: press n" in notified(app)


async def test_copy_from_the_speaker_page(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", *"geddes", "enter")
        await pilot.pause()
        await copy_after(pilot, "c")
        assert app.clipboard == (
            f"‘{GEDDES_TEXT}’ — Dr David Geddes, head of primary care commissioning at NHS England (Pulse, 4 Jun 2014)"
        )


async def test_a_adds_to_clippings_once(app):
    async with app.run_test(size=SIZE) as pilot:
        await copy_after(pilot, "n", "a")
        assert "Added to clippings (1 kept)" in notified(app)
        assert app.sub_title == "3 articles · 6 speakers · 1 clipping"
        await copy_after(pilot, "a")
        assert "Already in clippings" in notified(app)
        assert len(ClippingStore().load()) == 1


async def test_clippings_survive_a_restart_and_export_as_markdown(corpus, private_environment):
    first = GPReaderApp(corpus)
    async with first.run_test(size=SIZE) as pilot:
        await copy_after(pilot, "n", "a", "n", "a")
    second = GPReaderApp(corpus)
    async with second.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert second.sub_title.endswith("2 clippings")
        await copy_after(pilot, "n", "a")
        assert "Already in clippings" in notified(second)
        await copy_after(pilot, "e")
        message = notified(second)
        assert "Exported 2 clippings to" in message
        path = message.split("Exported 2 clippings to\n")[1].splitlines()[0]
        exported = open(path, encoding="utf-8").read()
        assert "revisit the organisational form of primary care" in exported
        assert "It’s about time we did," in exported
        assert path.startswith(str(private_environment))


async def test_export_with_no_clippings_says_so(app):
    async with app.run_test(size=SIZE) as pilot:
        await copy_after(pilot, "e")
        assert "No clippings yet" in notified(app)


async def test_a_clippings_file_that_cannot_be_written_is_reported(app, private_environment):
    private_environment.parent.mkdir(exist_ok=True)
    private_environment.write_text("not a folder")  # the data dir is a file: nothing can be saved
    async with app.run_test(size=SIZE) as pilot:
        await copy_after(pilot, "n", "a")
        assert "Cannot save clipping" in notified(app)
        assert app.is_running


async def test_copy_when_clippings_cannot_be_saved_either_says_so(app, private_environment):
    private_environment.parent.mkdir(exist_ok=True)
    private_environment.write_text("not a folder")
    async with app.run_test(size=SIZE) as pilot:
        await copy_after(pilot, "n", "c")
        assert app.clipboard.startswith("‘revisit the organisational form of primary care’")
        assert "could not be kept in clippings" in notified(app)
        assert "— kept in clippings" not in notified(app)
