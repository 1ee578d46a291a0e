"""Opening a folder: the window is up at once, the sidebar fills as articles are read,
keys keep working, and what needs every article says so until they are all in."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.app import App

from tui_fixture_corpus import build_corpus
from tui_helpers import current_article_id, notified, screen_text, sidebar
from gpreader import folder_loading, open_folder
from gpreader.app import GPReaderApp
from gpreader.corpus.errors import CorpusError
from gpreader.corpus.model import Article, PubDate
from gpreader.open_folder import Folder
from gpreader.screens.speaker_finder import SpeakerFinder
from gpreader.widgets.article_list import ArticleList, relist_interval
from gpreader.widgets.loading_bar import LoadingBar

TOTAL = 60  # files the fake folder claims to hold: enough for a progress bar
FIRST = 2  # articles read before the fake loader waits for the test


class GatedLoader:
    """A load_corpus that reads FIRST articles of the fixture corpus, then waits for
    ``release`` before reading the rest; records how it ended."""

    def __init__(self) -> None:
        self.corpus = build_corpus()
        self.release = threading.Event()
        self.ended = threading.Event()
        self.cancelled = False

    def __call__(self, root, *, cache, on_progress, on_article):
        articles = self.corpus.articles
        try:
            for done, article in enumerate(articles[:FIRST], start=1):
                on_article(article)
                on_progress(done, TOTAL)
            while not self.release.wait(0.01):  # on_progress raises once the app is closing
                on_progress(FIRST, TOTAL)
            for article in articles[FIRST:]:
                on_article(article)
            on_progress(TOTAL, TOTAL)
            return self.corpus
        except folder_loading.Cancelled:
            self.cancelled = True
            raise
        finally:
            self.ended.set()


@pytest.fixture
def loader(monkeypatch):
    fake = GatedLoader()
    monkeypatch.setattr(open_folder, "load_corpus", fake)
    monkeypatch.setattr(folder_loading, "BATCH_SECONDS", 0)  # every article is posted at once
    yield fake
    fake.release.set()  # never leave the loader thread waiting


def reading_app() -> GPReaderApp:
    return GPReaderApp(Folder(Path("/fixture"), cache=False))


async def first_batch_shown(app, pilot) -> None:
    while len(sidebar(app).articles) < FIRST:
        await pilot.pause()
    await pilot.pause()  # and drawn


async def test_the_sidebar_fills_while_the_folder_is_read(loader):
    app = reading_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await first_batch_shown(app, pilot)
        assert app.still_loading
        shown = {a.id for a in sidebar(app).articles}
        assert shown == {a.id for a in loader.corpus.articles[:FIRST]}
        assert f"Reading  {FIRST} of {TOTAL} articles" in screen_text(app)  # as wide as the total: it does not jitter
        assert "gpreader — reading the folder… · 0 clippings" in screen_text(app).splitlines()[0]

        await pilot.press("j")  # keys work: the first article opens
        await pilot.pause()
        assert current_article_id(app) is not None

        loader.release.set()
        await app.folder_read.wait()
        await pilot.pause()
        assert not app.still_loading
        assert len(sidebar(app).articles) == len(loader.corpus.articles)
        assert not app.main_screen.query(LoadingBar)
        assert "Reading" not in screen_text(app)
        assert "speakers" in app.sub_title


async def test_the_speaker_finder_waits_for_every_article(loader):
    app = reading_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await first_batch_shown(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert not isinstance(app.screen, SpeakerFinder)
        assert "Still reading the folder: the speaker finder opens when every article is in." in notified(app)
        await pilot.press("v")
        await pilot.pause()
        assert app.screen is app.main_screen

        loader.release.set()
        await app.folder_read.wait()
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerFinder)


async def test_the_article_being_read_stays_open_when_loading_ends(loader):
    app = reading_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await first_batch_shown(app, pilot)
        await pilot.press("j", "j")
        await pilot.pause()
        reading = current_article_id(app)
        loader.release.set()
        await app.folder_read.wait()
        await pilot.pause()
        assert current_article_id(app) == reading
        assert sidebar(app).current.id == reading


async def test_quitting_while_the_folder_is_read_stops_the_loader(loader):
    app = reading_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await first_batch_shown(app, pilot)
        await pilot.press("q")
    assert loader.ended.wait(10)
    assert loader.cancelled


async def test_a_folder_that_cannot_be_read_is_one_line_and_the_app_stays_up(monkeypatch):
    def refuse(root, **kw):
        raise CorpusError(f"{root}: cannot list the folder (Permission denied)")

    monkeypatch.setattr(open_folder, "load_corpus", refuse)
    app = reading_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.folder_read.wait()
        await pilot.pause()
        assert "/fixture: cannot list the folder (Permission denied)" in notified(app)
        assert not app.still_loading
        await pilot.press("s")  # still answers: an empty finder
        await pilot.pause()
        assert isinstance(app.screen, SpeakerFinder)


async def test_a_loader_crash_is_reported_not_raised(monkeypatch):
    def explode(root, **kw):
        raise RuntimeError("boom [b]not markup[/b]")

    monkeypatch.setattr(open_folder, "load_corpus", explode)
    app = reading_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.folder_read.wait()
        await pilot.pause()
        assert "unexpected RuntimeError: boom [b]not markup[/b]" in notified(app)
        assert "boom [b]not markup[/b]" in screen_text(app)


async def test_a_real_folder_opens_from_its_files(tmp_path):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(f"Headline {i}\n\n‘We will merge,’ said Dr Ann Lee.\n", encoding="utf-8")
    app = GPReaderApp(Folder(tmp_path, cache=tmp_path / "index.sqlite"))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.folder_read.wait()
        await pilot.pause()
        assert sorted(a.id for a in sidebar(app).articles) == ["a0", "a1", "a2"]
        assert "3 articles · 1 speaker" in app.sub_title


async def test_an_empty_folder_says_so_once_it_is_read(tmp_path):
    app = GPReaderApp(Folder(tmp_path, cache=False))
    async with app.run_test(size=(250, 40)) as pilot:
        await app.folder_read.wait()
        await pilot.pause()
        text = screen_text(app)
        assert "No articles." in text and f"No articles found in {tmp_path}." in text
        assert "Reading" not in text


async def test_the_loading_bar_spans_the_window_above_the_key_line(loader):
    """Split off in compose order: the bar under both panes, the quote status under the
    reading pane only."""
    from gpreader.widgets.key_hints import KeyHints
    from gpreader.widgets.reading_pane import ReadingPane

    app = reading_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await first_batch_shown(app, pilot)
        screen = app.main_screen
        bar, keys = screen.query_one(LoadingBar).region, screen.query_one(KeyHints).region
        assert (bar.x, bar.width, bar.bottom) == (0, 120, keys.y)
        pane, status = screen.query_one(ReadingPane).region, screen.query_one("#quote-status").region
        assert (status.x, status.width, status.y) == (pane.x, pane.width, pane.bottom)
        assert status.bottom == bar.y and sidebar(app).region.bottom == bar.y


# -- a long list arriving: relisted at most every relist_interval ------------------------

def dated_articles(n: int, start: int = 0) -> list[Article]:
    return [
        Article(id=f"a{i:05d}", path=Path(f"/x/a{i:05d}.txt"), headline=f"Headline {i}", paragraphs=["Text."],
                date=PubDate(2010 + i % 15, 1 + i % 12, None, "month"))
        for i in range(start, start + n)
    ]


class GrowingListApp(App):
    def compose(self):
        yield ArticleList(dated_articles(LONG), growing=True)


LONG = 9000  # relisted at most every 0.9 s


async def listed(pilot, box: ArticleList, n: int) -> bool:
    for _ in range(500):  # the relisting is due within a second
        if len(box.shown) >= n:
            return True
        await pilot.pause(0.01)
    return False


async def test_a_long_list_lists_arrivals_at_most_once_an_interval_and_none_is_left_out():
    assert relist_interval(1000) == 0 and relist_interval(LONG) == 0.9 and relist_interval(50_000) == 1.0
    app = GrowingListApp()
    async with app.run_test() as pilot:
        box = app.query_one(ArticleList)
        box.add_articles(dated_articles(10, LONG))  # not relisted lately: listed at once
        assert len(box.shown) == LONG + 10
        box.add_articles(dated_articles(10, LONG + 10))  # within the interval: waits for it
        box.add_articles(dated_articles(10, LONG + 20))
        assert len(box.shown) == LONG + 10
        assert await listed(pilot, box, LONG + 30)  # then listed, with no batch after them
        assert [a.id for a in box.shown] == [a.id for a in box.articles]  # in date order


async def test_the_final_list_does_not_wait_for_the_interval():
    app = GrowingListApp()
    async with app.run_test():
        box = app.query_one(ArticleList)
        box.add_articles(dated_articles(10, LONG))
        box.add_articles(dated_articles(10, LONG + 10))  # waiting for the interval
        final = dated_articles(LONG + 25)
        box.set_articles(final)
        assert [a.id for a in box.shown] == [a.id for a in sorted(final, key=lambda a: a.sort_key)]
