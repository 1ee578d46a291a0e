"""Clippings persist, never duplicate, survive damage and concurrent writers."""

import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from gpreader import atomic
from gpreader.clippings import Clipping, ClippingsError, ClippingStore, data_dir
from gpreader.corpus.model import Article, PubDate, Quote, Role, Speaker

TEXT = "It\u2019s just a matter of us working together\u2026"
ROLE = "chairwoman of NHS England\u2019s London primary care clinical board"


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("GPREADER_DATA_DIR", str(folder))
    monkeypatch.setenv("GPREADER_CLIPBOARD", "none")
    return folder


def make_clip(n: int = 0, text: str = TEXT) -> Clipping:
    para = "Intro. " * n + f"She said: \u2018{text}\u2019"
    article = Article(
        id="2014-02-gp-gerada",
        path=Path("a.txt"),
        headline="Gerada calls for GPs to work together",
        paragraphs=["First.", para],
        outlet="GP",
        date=PubDate(2014, 2, precision="month"),
    )
    start = para.index(text)
    quote = Quote(article.id, 1, start, start + len(text), text, speaker="Clare Gerada")
    speaker = Speaker("Clare Gerada", honorific="Professor", roles=[Role(ROLE, article.id)])
    return Clipping.from_quote(quote, article, speaker)


def test_data_dir_comes_from_the_environment_or_platformdirs(data, monkeypatch):
    assert data_dir() == data
    assert ClippingStore().path == data / "clippings.json"
    monkeypatch.delenv("GPREADER_DATA_DIR")
    assert data_dir() == Path(platformdirs.user_data_dir("gpreader"))


def test_clipping_from_quote_carries_what_is_needed_to_cite_it():
    clip = make_clip()
    assert (clip.speaker, clip.role, clip.outlet, clip.date, clip.paragraph) == (
        "Professor Clare Gerada", ROLE, "GP", "Feb 2014", 2)
    assert clip.citation == f"\u2018{TEXT}\u2019 \u2014 Professor Clare Gerada, {ROLE} (GP, Feb 2014)"
    assert Clipping.from_json(json.loads(json.dumps(clip.to_json()))) == clip
    assert clip.added_at.endswith("+00:00")


def test_clippings_persist_across_store_instances(data):
    assert ClippingStore().load() == []
    first, second = make_clip(0), make_clip(1)
    assert ClippingStore().add(first) is True
    assert ClippingStore().add(second) is True
    assert ClippingStore().load() == [first, second]
    on_disk = json.loads((data / "clippings.json").read_text(encoding="utf-8"))
    assert [c["text"] for c in on_disk] == [TEXT, TEXT]
    assert TEXT in (data / "clippings.json").read_text(encoding="utf-8")  # readable, not \u-escaped


def test_adding_the_same_quote_twice_keeps_one(data):
    store = ClippingStore()
    assert store.add(make_clip()) is True
    assert store.add(make_clip()) is False
    assert len(ClippingStore().load()) == 1


def test_remove(data):
    store = ClippingStore()
    store.add(make_clip(0))
    store.add(make_clip(1))
    assert store.remove(make_clip(0)) is True
    assert store.remove(make_clip(0)) is False
    assert [c.start for c in ClippingStore().load()] == [make_clip(1).start]


def test_export_markdown_writes_a_new_file_with_the_quote(data):
    store = ClippingStore()
    store.add(make_clip())
    path = store.export_markdown()
    assert path.exists() and path.parent == data / "exports"
    assert path.name.startswith("clippings-") and path.suffix == ".md"
    body = path.read_text(encoding="utf-8")
    assert f"> \u2018{TEXT}\u2019\n" in body
    assert f"> \u2014 Professor Clare Gerada, {ROLE} (GP, Feb 2014) \u00b7 2014-02-gp-gerada, paragraph 2" in body
    again = store.export_markdown()
    assert again != path and again.exists() and path.exists()


def test_export_markdown_to_a_chosen_path(data, tmp_path):
    store = ClippingStore()
    store.add(make_clip())
    target = tmp_path / "mine.md"
    assert store.export_markdown(target) == target
    assert TEXT in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("damage", ["{not json", '{"clippings": 3}', "\udcff"])
def test_corrupt_file_is_moved_aside_and_kept(data, damage):
    data.mkdir()
    original = damage.encode("utf-8", "surrogateescape")
    (data / "clippings.json").write_bytes(original)
    store = ClippingStore()
    assert store.load() == []
    assert len(store.warnings) == 1
    warning = store.warnings[0]
    assert str(data / "clippings.json") in warning and "\n" not in warning
    aside = [p for p in data.iterdir() if p.name.startswith("clippings.json.corrupt-")]
    assert len(aside) == 1 and aside[0].name in warning
    assert aside[0].read_bytes() == original
    assert store.add(make_clip()) is True
    assert len(ClippingStore().load()) == 1
    assert aside[0].read_bytes() == original


def test_good_entries_of_a_partly_damaged_file_are_carried_on(data):
    data.mkdir()
    good = make_clip().to_json()
    (data / "clippings.json").write_text(json.dumps([good, {"text": 5}]), encoding="utf-8")
    store = ClippingStore()
    assert [c.text for c in store.load()] == [TEXT]
    assert "1 of 2 entries" in store.warnings[0]
    assert [c.text for c in ClippingStore().load()] == [TEXT]
    assert ClippingStore().warnings == []


def _folder_blocks_writes(folder: Path) -> bool:
    try:
        (folder / ".probe").write_text("x")
    except OSError:
        return True
    (folder / ".probe").unlink()
    return False


def test_read_only_data_dir_loads_but_refuses_to_add_with_one_line(data):
    ClippingStore().add(make_clip(0))
    os.chmod(data, 0o500)
    try:
        if not _folder_blocks_writes(data):
            # Running as root: permissions do not stop us. Block the lock file instead.
            os.chmod(data, 0o700)
            (data / "clippings.json.lock").unlink(missing_ok=True)
            (data / "clippings.json.lock").mkdir()
        store = ClippingStore()
        assert [c.text for c in store.load()] == [TEXT]
        with pytest.raises(ClippingsError) as err:
            store.add(make_clip(1))
        message = str(err.value)
        assert "\n" not in message and str(data) in message
        assert len(ClippingStore().load()) == 1
    finally:
        os.chmod(data, 0o700)


def test_data_dir_under_a_regular_file_fails_cleanly(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("I am a file")
    monkeypatch.setenv("GPREADER_DATA_DIR", str(blocker / "data"))
    store = ClippingStore()
    assert store.load() == [] and store.warnings == []
    with pytest.raises(ClippingsError) as err:
        store.add(make_clip())
    assert "\n" not in str(err.value) and str(blocker) in str(err.value)
    with pytest.raises(ClippingsError):
        store.export_markdown()


def test_crash_between_temp_write_and_replace_leaves_the_old_file(data, monkeypatch):
    store = ClippingStore()
    store.add(make_clip(0))
    before = (data / "clippings.json").read_bytes()

    def crash(src, dst):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", crash)
        with pytest.raises(ClippingsError) as err:
            store.add(make_clip(1))
    assert "No space left on device" in str(err.value)
    assert (data / "clippings.json").read_bytes() == before
    assert [c.start for c in ClippingStore().load()] == [make_clip(0).start]
    assert sorted(p.name for p in data.iterdir()) == ["clippings.json", "clippings.json.lock"]


def test_write_atomic_keeps_old_contents_when_replace_fails(tmp_path, monkeypatch):
    target = tmp_path / "settings.toml"
    atomic.write_atomic(target, "old = 1\n")
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", lambda src, dst: (_ for _ in ()).throw(OSError("boom")))
        with pytest.raises(OSError):
            atomic.write_atomic(target, "new = 2\n")
    assert target.read_text() == "old = 1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.toml"]
    atomic.write_atomic(target, "new = 2\n")
    assert target.read_text() == "new = 2\n"


def _add_many(folder: str, worker: int, count: int, barrier) -> None:
    os.environ["GPREADER_DATA_DIR"] = folder
    store = ClippingStore()
    barrier.wait()
    for i in range(count):
        clip = make_clip(0)
        clip.start, clip.end = worker * 1000 + i, worker * 1000 + i + 1
        assert store.add(clip)


def test_two_processes_adding_at_once_lose_nothing(data):
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_add_many, args=(str(data), w, 50, barrier)) for w in (1, 2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0, 0]
    starts = sorted(c.start for c in ClippingStore().load())
    assert starts == sorted([1000 + i for i in range(50)] + [2000 + i for i in range(50)])


def test_clippings_citation_and_clipboard_do_not_pull_in_textual():
    code = "import sys, gpreader.clippings, gpreader.clipboard, gpreader.citation; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
