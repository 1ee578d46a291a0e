"""The index cache: a warm load equals a cold one, only what changed is parsed again, and a
cache that is damaged, locked or unwritable is one warning line, never a wrong result."""

from __future__ import annotations

import dataclasses
import marshal
import os
import shutil
import sqlite3
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import gpreader.corpus
import gpreader.corpus.cache as cache_module
import gpreader.corpus.loader as loader
import gpreader.corpus.version as version
from gpreader.corpus.cache_codec import CodecError, decode_article, encode_article
from gpreader.corpus.loader import load_corpus
from gpreader.corpus.model import Article, PubDate, Quote, Role, Speaker, Statement
from gpreader.resources import bundled_seeds

SEEDS = bundled_seeds()


@pytest.fixture
def folder(tmp_path):
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture
def db(tmp_path):
    return tmp_path / "cache" / "index.sqlite"


@pytest.fixture
def engine_calls(monkeypatch):
    """The ids of the articles the quote engine is run on."""
    calls: list[str] = []
    real = loader.extract_quotes

    def counting(article):
        calls.append(article.id)
        return real(article)

    monkeypatch.setattr(loader, "extract_quotes", counting)
    return calls


def summary(corpus):
    """Everything a user sees of a corpus, as plain data."""
    return (
        [(a.id, a.headline, a.paragraphs, a.comments, a.outlet, a.date, a.author, a.citation, a.evidence) for a in corpus.articles],
        [[q.to_json() for q in a.quotes] for a in corpus.articles],
        [(a.id, [(s.paragraph, s.start, s.end, s.speaker) for s in a.statements]) for a in corpus.articles],
        {name: s.to_json() for name, s in corpus.speakers.items()},
        [str(p) for p in corpus.problems],
    )


def cache_problems(corpus, db):
    return [p for p in corpus.problems if p.path == db]


def test_a_warm_load_equals_a_cold_one_and_runs_no_engine(folder, db, engine_calls):
    plain = load_corpus(folder)
    cold = load_corpus(folder, cache=db)
    assert db.exists()
    engine_calls.clear()
    warm = load_corpus(folder, cache=db)
    assert engine_calls == []
    assert summary(warm) == summary(cold) == summary(plain)
    assert warm.articles == plain.articles  # every field, local speakers and roles included


def test_only_a_changed_file_is_parsed_again(folder, db, engine_calls):
    load_corpus(folder, cache=db)
    path = folder / "001_52dddf06ea81e95a.txt"
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    # same size and modification time, different words: the content hash still tells
    path.write_text(text.replace("Mr Stevens put", "Mr Stevens set"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    engine_calls.clear()
    corpus = load_corpus(folder, cache=db)
    assert engine_calls == ["001_52dddf06ea81e95a"]
    assert any("Mr Stevens set" in p for p in corpus.article("001_52dddf06ea81e95a").paragraphs)
    assert summary(corpus) == summary(load_corpus(folder))


def test_a_touched_but_unchanged_file_is_not_parsed_again(folder, db, engine_calls):
    load_corpus(folder, cache=db)
    path = folder / "000_bfb60d14f6019173.txt"
    os.utime(path, (1_600_000_000, 1_600_000_000))
    engine_calls.clear()
    corpus = load_corpus(folder, cache=db)
    assert engine_calls == []
    assert summary(corpus) == summary(load_corpus(folder))


def test_a_catalog_change_reaches_the_article(folder, db):
    load_corpus(folder, cache=db)
    catalog = folder / "catalog.toml"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace('outlet = "GP"', 'outlet = "GPonline"'), encoding="utf-8")
    corpus = load_corpus(folder, cache=db)
    assert corpus.article("000_bfb60d14f6019173").quote_citation() == "GPonline, Feb 2014"


def test_new_and_deleted_files_show_on_the_next_load(folder, db):
    load_corpus(folder, cache=db)
    (folder / "004_f127605748b66a42.txt").unlink()
    (folder / "new.txt").write_text("A new story\n\n‘We are ready,’ said Dr Jane Smith.\n", encoding="utf-8")
    corpus = load_corpus(folder, cache=db)
    assert "004_f127605748b66a42" not in [a.id for a in corpus.articles]
    assert corpus.article("new").quotes[0].speaker == "Jane Smith"
    assert summary(corpus) == summary(load_corpus(folder))


def test_a_new_engine_parses_everything_again(folder, db, engine_calls, monkeypatch):
    load_corpus(folder, cache=db)
    monkeypatch.setattr(cache_module, "engine_fingerprint", lambda: "2:something-else")
    engine_calls.clear()
    load_corpus(folder, cache=db)
    assert len(engine_calls) == 5


def test_the_fingerprint_follows_the_engine_version(monkeypatch):
    assert isinstance(gpreader.corpus.ENGINE_VERSION, str)
    before = version.engine_fingerprint()
    monkeypatch.setattr(version, "ENGINE_VERSION", "bumped")
    version.engine_fingerprint.cache_clear()
    try:
        assert version.engine_fingerprint() != before
    finally:
        version.engine_fingerprint.cache_clear()


def test_another_python_does_not_read_this_pythons_rows(monkeypatch):
    # rows are marshal data, whose format belongs to the Python that wrote them
    before = version.engine_fingerprint()
    monkeypatch.setattr(version.sys, "version_info", (sys.version_info[0], sys.version_info[1] + 1, 0))
    version.engine_fingerprint.cache_clear()
    try:
        assert version.engine_fingerprint() != before
    finally:
        monkeypatch.undo()
        version.engine_fingerprint.cache_clear()
    assert version.engine_fingerprint() == before


def test_garbage_in_the_cache_file_is_moved_aside_and_rebuilt(folder, db):
    db.parent.mkdir(parents=True)
    db.write_bytes(b"this is not a database " * 500)
    corpus = load_corpus(folder, cache=db)
    assert summary(corpus)[:4] == summary(load_corpus(folder))[:4]
    [problem] = cache_problems(corpus, db)
    assert not problem.fatal and "\n" not in str(problem) and str(db) in str(problem)
    assert (db.parent / "index.sqlite.corrupt").exists()
    again = load_corpus(folder, cache=db)
    assert cache_problems(again, db) == []
    assert summary(again) == summary(load_corpus(folder))


def test_a_locked_cache_is_bypassed_with_one_line(folder, db):
    db.parent.mkdir(parents=True)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("CREATE TABLE t (x)")
    other.execute("BEGIN EXCLUSIVE")  # another process in the middle of writing
    try:
        corpus = load_corpus(folder, cache=db)
    finally:
        other.execute("ROLLBACK")
        other.close()
    [problem] = cache_problems(corpus, db)
    assert "locked" in problem.reason and not problem.fatal
    assert summary(corpus)[:4] == summary(load_corpus(folder))[:4]


def test_a_cache_that_cannot_be_written_keeps_the_right_results(folder, db):
    load_corpus(folder, cache=db)
    path = folder / "002_24d1e309c0c47b10.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nDr Geddes said: ‘One more thing.’\n", encoding="utf-8")
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # holds the write lock
    try:
        corpus = load_corpus(folder, cache=db)
    finally:
        other.execute("ROLLBACK")
        other.close()
    [problem] = cache_problems(corpus, db)
    assert "locked" in problem.reason
    assert "One more thing." in [q.text for q in corpus.article("002_24d1e309c0c47b10").quotes]
    assert summary(corpus)[:4] == summary(load_corpus(folder))[:4]


def test_an_unusable_cache_location_is_one_line(folder, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    db = blocker / "index.sqlite"
    corpus = load_corpus(folder, cache=db)
    [problem] = cache_problems(corpus, db)
    assert "cannot create its folder" in str(problem) and "\n" not in problem.reason
    assert summary(corpus)[:4] == summary(load_corpus(folder))[:4]


@pytest.mark.parametrize("damage", ["flip", "well-formed-wrong-shape"])
def test_a_damaged_row_is_parsed_again_not_believed(folder, db, engine_calls, damage):
    load_corpus(folder, cache=db)
    conn = sqlite3.connect(db, isolation_level=None)
    path = str((folder / "003_c11f4f72208e9254.txt").absolute())
    if damage == "flip":  # a flipped byte in the file: the checksum no longer matches
        data = conn.execute("SELECT data FROM articles WHERE path = ?", (path,)).fetchone()[0]
        conn.execute("UPDATE articles SET data = ? WHERE path = ?", (data.replace(b"Stevens", b"Stevenz"), path))
    else:  # well-formed but not an article: decoding fails
        bad = marshal.dumps([1, {"x": 1}])
        conn.execute("UPDATE articles SET data = ?, crc = ? WHERE path = ?", (bad, cache_module.checksum(bad), path))
    conn.close()
    engine_calls.clear()
    corpus = load_corpus(folder, cache=db)
    assert engine_calls == ["003_c11f4f72208e9254"]
    assert summary(corpus) == summary(load_corpus(folder))


def test_the_default_cache_lives_in_the_cache_dir(folder, tmp_path, monkeypatch):
    monkeypatch.setenv("GPREADER_CACHE_DIR", str(tmp_path / "user-cache"))
    load_corpus(folder, cache=True)
    assert (tmp_path / "user-cache" / "index.sqlite").exists()


def test_without_cache_nothing_is_written(folder, tmp_path, monkeypatch):
    monkeypatch.setenv("GPREADER_CACHE_DIR", str(tmp_path / "user-cache"))
    load_corpus(folder)
    load_corpus(folder, cache=False)
    assert not (tmp_path / "user-cache").exists()


@pytest.mark.parametrize("warm", [False, True])
def test_progress_and_articles_are_reported_as_they_arrive(folder, db, warm):
    if warm:
        load_corpus(folder, cache=db)
    progress: list[tuple[int, int]] = []
    arrived: list[str] = []
    corpus = load_corpus(folder, cache=db, on_progress=lambda d, t: progress.append((d, t)), on_article=lambda a: arrived.append(a.id))
    assert progress == [(i, 5) for i in range(1, 6)]
    assert sorted(arrived) == sorted(a.id for a in corpus.articles)


def test_worker_processes_give_the_same_corpus(folder, db):
    for i in range(6):  # a few more files, so that both workers have some
        shutil.copy(folder / "001_52dddf06ea81e95a.txt", folder / f"copy{i}.txt")
    serial = load_corpus(folder, workers=1)
    parallel = load_corpus(folder, cache=db, workers=2)
    assert summary(parallel) == summary(serial)
    assert summary(load_corpus(folder, cache=db, workers=2)) == summary(serial)


def test_rows_are_written_in_batches_that_shrink_as_the_load_ends(folder, db, engine_calls, monkeypatch):
    for i in range(35):
        shutil.copy(folder / "001_52dddf06ea81e95a.txt", folder / f"copy{i:02}.txt")
    monkeypatch.setattr(loader, "STORE_BATCH", 4)
    monkeypatch.setattr(loader, "STORE_LAST_BATCH", 2)
    written: list[int] = []
    real = cache_module.CacheSession.store
    monkeypatch.setattr(cache_module.CacheSession, "store", lambda self, entries: (written.append(len(entries)), real(self, entries))[1])
    cold = load_corpus(folder, cache=db, workers=1)
    assert sum(written) == 40 and max(written) == 4
    assert written[-1] <= 2  # what is left when the last file is in: a few rows, not a batch
    engine_calls.clear()
    assert summary(load_corpus(folder, cache=db)) == summary(cold) and engine_calls == []


def test_an_open_index_cache_can_be_shared_between_loads(folder, db, engine_calls):
    with cache_module.IndexCache(db) as cache:
        load_corpus(folder, cache=cache)
        engine_calls.clear()
        corpus = load_corpus(folder, cache=cache)
    assert engine_calls == []
    assert len(corpus.articles) == 5


def _sample(annotation: str, i: int):
    """A value for a field of this annotation, never its default."""
    samples = {
        "int": 7 + i, "bool": True, "str": f"value {i}", "str | None": f"value {i}",
        "int | None": 3 + i, "PubDate | None": PubDate(2014, 2, None, "month", True),
        "set[str]": {"Mr Smith", f"alias {i}"}, "list[str]": [f"one {i}", "two"],
        "dict[str, str]": {"date": f"evidence {i}"},
        "list[Role]": [Role(f"role {i}", "x", PubDate(2015, 1, 2)), Role("another", "x", None)],
    }
    assert annotation in samples, f"add a sample value for a model field of type {annotation!r}"
    return samples[annotation]


def _filled(cls, **given):
    values = {f.name: _sample(str(f.type), i) for i, f in enumerate(dataclasses.fields(cls)) if f.name not in given}
    return cls(**values, **given)


def test_every_field_of_the_model_survives_the_cache():
    path = Path("/somewhere/x.txt")
    article = _filled(
        Article, id="x", path=path, quotes=[], statements=[], local_speakers={},
    )
    article.paragraphs = ["First paragraph, ‘quoted’.", "Second."]
    article.quotes = [_filled(Quote, article_id="x"), Quote("x", 0, 18, 24, "quoted", role_mention="the chair")]
    article.statements = [_filled(Statement)]
    speaker = _filled(Speaker)
    article.local_speakers = {speaker.name: speaker}
    data = encode_article(article, ["a warning"])
    assert decode_article(data, path) == (article, ["a warning"])


def test_an_article_the_cache_cannot_hold_exactly_is_parsed_each_time(folder, db, engine_calls, monkeypatch):
    real = loader.extract_quotes

    def odd(article):
        quotes = real(article)
        if article.id.startswith("000"):
            quotes[0].kind = ("a", "tuple")  # not a number or text: cannot be a flat field
        return quotes

    monkeypatch.setattr(loader, "extract_quotes", odd)
    load_corpus(folder, cache=db)
    engine_calls.clear()
    corpus = load_corpus(folder, cache=db)
    assert engine_calls == ["000_bfb60d14f6019173"]  # the other four came from the cache
    assert corpus.article("000_bfb60d14f6019173").quotes[0].kind == ("a", "tuple")
    assert [p for p in corpus.problems if p.path == db] == []


def test_a_file_name_that_is_not_utf8_is_cached_and_searchable(tmp_path):
    import os

    from gpreader.corpus.fulltext import FullTextIndex

    folder = tmp_path / "articles"
    folder.mkdir()
    odd = os.fsdecode(b"bad\xff name.txt")
    (folder / odd).write_text("Odd name\n\nDr Ann Lee said: ‘Practices need co-location now.’\n", encoding="utf-8")
    db = tmp_path / "index.sqlite"
    first = load_corpus(folder, cache=db)
    again = load_corpus(folder, cache=db)
    assert [p for p in first.problems + again.problems] == []
    assert [a.id for a in again.articles] == [os.fsdecode(b"bad\xff name")]
    assert again.articles[0].quotes[0].speaker == "Ann Lee"
    index = FullTextIndex()
    index.sync(again.articles)
    [hit] = index.search("co-location")
    assert hit.article_id == again.articles[0].id


class _CapturedStderr:
    """What a terminal UI puts in sys.stderr (Textual's capture): no file descriptor."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass

    def fileno(self) -> int:
        return -1


def test_worker_processes_start_from_a_thread_under_a_captured_stderr(tmp_path, monkeypatch):
    # The reader loads in a thread while Textual holds sys.stderr: the files must still be
    # parsed in worker processes (here the parent refuses to parse any itself).
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(loader.PARALLEL_MIN_FILES + 6):
        (folder / f"a{i:03}.txt").write_text(f"Headline {i}\n\n‘We will merge,’ said Dr Ann Lee.\n", encoding="utf-8")

    def not_here(*args, **kwargs):
        raise AssertionError("parsed in the parent: the worker processes did not start")

    monkeypatch.setattr(loader, "_parse_file", not_here)
    monkeypatch.setattr("sys.stderr", _CapturedStderr())
    result: list = []
    thread = threading.Thread(target=lambda: result.append(load_corpus(folder, cache=False, workers=2)))
    thread.start()
    thread.join()
    assert len(result[0].articles) == loader.PARALLEL_MIN_FILES + 6
    assert isinstance(sys.stderr, _CapturedStderr)  # given back once the workers are up


@pytest.mark.parametrize("oddity", ["warning", "quote text", "speaker name", "paragraph", "text subclass"])
def test_a_value_not_of_the_models_type_keeps_the_article_out_of_the_cache(oddity):
    # what reads the cache expects the model's types: a tuple or a subclass where text is
    # declared is not written, though marshal would keep a tuple
    class Text(str):
        pass

    path = Path("/somewhere/x.txt")
    article = Article("x", path, "Headline", ["He said ‘yes’.", "Second."])
    article.quotes = [Quote("x", 0, 9, 12, "yes", speaker="Dr A")]
    article.local_speakers = {"Dr A": Speaker("Dr A")}
    warnings: list = ["a warning"]
    if oddity == "warning":
        warnings = [("a", "tuple")]
    elif oddity == "quote text":
        article.quotes[0].text = ("y", "es")
    elif oddity == "speaker name":
        article.local_speakers = {("Dr", "A"): Speaker("Dr A")}
    elif oddity == "paragraph":
        article.paragraphs[1] = ("Second", ".")
    else:
        article.headline = Text("Headline")
    with pytest.raises(CodecError):
        encode_article(article, warnings)
    assert decode_article(encode_article(Article("x", path, "Headline", ["Plain."]), []), path)[0].paragraphs == ["Plain."]


_TEXT = st.text(st.sampled_from('ab "\\\x00\x01\x1f\x7f\u2028\ud800é’\U0001f600'), max_size=6)


@settings(max_examples=200, deadline=None)
@given(headline=_TEXT, paragraphs=st.lists(_TEXT, min_size=1, max_size=3), warnings=st.lists(_TEXT, max_size=2))
def test_any_text_comes_back_from_a_row_as_it_went_in(headline, paragraphs, warnings):
    """Control characters, lone surrogates, quotation marks, backslashes: a row's bytes give
    back the article exactly (marshal writes text as it is)."""
    path = Path("/somewhere/x.txt")
    article = Article("x", path, headline, paragraphs)
    article.quotes = [Quote("x", 0, 0, len(paragraphs[0]), paragraphs[0], speaker=headline or None)]
    assert decode_article(encode_article(article, warnings), path) == (article, warnings)


def test_a_workers_row_is_what_the_parent_stores_and_reads_back(folder):
    """A worker sends an article as its cache row alone; the parent reads the article from
    those bytes, as a warm open does: the article the engine found, plan and all."""
    from gpreader.corpus.proposals import plan_data

    for path in sorted(folder.glob("*.txt")):
        sent = loader._parse_job((path, {}, True))
        assert sent.article is None and sent.entry is not None
        got = loader._from_row(sent, path)
        parsed = loader._parse_file(path, {}, False).article
        assert got.article == parsed and plan_data(got.article) == plan_data(parsed)
        assert plan_data(got.article) is not None


def test_decoded_quotes_share_their_texts_as_share_quote_texts_leaves_them(folder):
    """A decoded quote keeps no copy of a text that is its paragraph's slice (cache_codec
    shares it as it decodes), exactly where ``Article.share_quote_texts`` would drop it."""
    from gpreader.corpus.model import _TEXT

    path = Path("/somewhere/x.txt")
    article = Article("x", path, "Headline", ["He said ‘quoted’ twice.", "Second."], comments=["A ‘comment’."])
    article.quotes = [
        Quote("x", 0, 9, 15, "quoted"),  # its paragraph's slice: shared
        Quote("x", 1, 0, 6, "Other!"),  # not the slice: kept
        Quote("x", 0, 3, 7, "comment", in_comments=True),  # a comment's: kept
        Quote("x", 5, 0, 2, "gone"),  # no such paragraph: kept
    ]
    for sample in [article] + [loader._parse_file(p, {}, False).article for p in sorted(folder.glob("*.txt"))]:
        decoded, _warnings = decode_article(encode_article(sample, []), sample.path)
        assert decoded == sample
        reference, _warnings = decode_article(encode_article(sample, []), sample.path)
        for q in reference.quotes:  # shared already: share_quote_texts leaves it as it is
            q.text = q.text
        reference.share_quote_texts()
        assert [_TEXT.__get__(q) for q in decoded.quotes] == [_TEXT.__get__(q) for q in reference.quotes]
        assert [q.text for q in decoded.quotes] == [q.text for q in sample.quotes]
    assert [_TEXT.__get__(q) for q in decoded_of(article).quotes] == [None, "Other!", "comment", "gone"]


def decoded_of(article: Article) -> Article:
    return decode_article(encode_article(article, []), article.path)[0]


def _an_article() -> Article:
    path = Path("/somewhere/x.txt")
    article = Article("x", path, "Headline", ["He said ‘yes’ and ‘no’.", "Second."], outlet="GP", date=PubDate(2014, 2))
    article.quotes = [Quote("x", 0, 9, 12, "yes", speaker="Dr A"), Quote("x", 0, 19, 21, "no", group=1, index=1)]
    article.statements = [Statement(1, 0, 7, "Dr A")]
    article.local_speakers = {"Dr A": Speaker("Dr A", roles=[Role("GP", "x")], aliases={"A"})}
    return article


_CHANGES = [
    ("headline", "Other"), ("date", PubDate(2014, 3)), ("id", "y"), ("paragraphs", ["One."]),
    ("quote", ("speaker", "Dr B")), ("quote", ("end", 11)), ("quote", ("text", "ye")), ("quote", ("index", 1.0)),
    ("quote", ("in_comments", True)), ("statement", ("speaker", "Dr B")), ("statement", ("start", 1)),
    ("quotes", None), ("statements", None), ("speaker", "Dr B"), ("quote class", None), ("same", None),
]


@pytest.mark.parametrize("change", _CHANGES, ids=[c[0] + (f" {c[1][0]}" if type(c[1]) is tuple else "") for c in _CHANGES])
def test_the_check_of_a_decoded_article_is_its_equality(change):
    """cache_codec._same_article tells what ``==`` tells of two articles, field by field."""
    from gpreader.corpus.cache_codec import _same_article

    class OtherQuote(Quote):
        __slots__ = ()

    article, other = _an_article(), _an_article()
    what, value = change
    if what == "quote":
        setattr(other.quotes[1], *value)
    elif what == "statement":
        setattr(other.statements[0], *value)
    elif what == "quotes":
        other.quotes.pop()
    elif what == "statements":
        other.statements.append(Statement(1, 0, 7, "Dr A"))
    elif what == "speaker":
        other.local_speakers["Dr A"].roles.append(Role(value, "x"))
    elif what == "quote class":
        q = other.quotes[0]
        other.quotes[0] = OtherQuote(**{f.name: getattr(q, f.name) for f in dataclasses.fields(q)})
    elif what != "same":
        setattr(other, what, value)
    assert _same_article(other, article, [q.text for q in article.quotes]) == (other == article)
    assert _same_article(other, article, [q.text for q in article.quotes]) is (change in (("same", None), ("quote", ("index", 1.0))))


_TEXT = st.text(min_size=1, max_size=30)  # any characters, lone surrogates too
_CATALOG_FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "outlet": _TEXT,
        "author": _TEXT,
        "headline": st.text(max_size=200),
        "evidence": st.dictionaries(_TEXT, _TEXT, max_size=3),
        "date": st.builds(
            PubDate,
            st.integers(1900, 2100),
            st.none() | st.integers(1, 12),
            st.none() | st.integers(1, 28),
            st.sampled_from(["day", "week", "month", "year"]),
            st.booleans(),
        ),
    },
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_TEXT, _CATALOG_FIELDS, max_size=8), st.lists(_TEXT, max_size=3))
def test_a_catalog_comes_back_from_its_row_as_it_went_in(catalog, reasons):
    from gpreader.corpus.cache_codec import decode_catalog, encode_catalog

    again, reasons_again = decode_catalog(encode_catalog(catalog, reasons))
    assert (again, reasons_again) == (catalog, reasons)
    for stem, fields in catalog.items():
        assert list(again[stem]) == list(fields)  # the fields in their order
        assert type(again[stem].get("date")) is type(fields.get("date"))


@pytest.mark.parametrize(
    "fields",
    [
        {"outlet": ["GP"]},  # a list: no catalog field is one
        {"date": "2014-10-23"},  # a date that is not a PubDate
        {"outlet": type("Text", (str,), {})("GP")},  # text of another class
    ],
)
def test_a_catalog_the_cache_cannot_hold_exactly_is_not_cached(fields):
    from gpreader.corpus.cache_codec import encode_catalog

    with pytest.raises(CodecError):
        encode_catalog({"001": fields}, [])


@pytest.mark.parametrize("damage", ["flip", "well-formed-wrong-shape"])
def test_a_damaged_catalog_row_is_read_from_the_file(folder, db, damage):
    first = load_corpus(folder, cache=db)
    conn = sqlite3.connect(db, isolation_level=None)
    (data,) = conn.execute("SELECT data FROM catalogs").fetchone()
    if damage == "flip":  # the checksum no longer matches
        conn.execute("UPDATE catalogs SET data = ?", (data.replace(b"Pulse", b"Pulsf"),))
    else:  # well-formed, the checksum right, but not a catalog
        bad = marshal.dumps([2, [["001", "outlet"]], []])
        conn.execute("UPDATE catalogs SET data = ?, crc = ?", (bad, cache_module.checksum(bad)))
    conn.close()
    assert b"Pulse" in data
    corpus = load_corpus(folder, cache=db)
    assert summary(corpus) == summary(first) == summary(load_corpus(folder))


_SMALL = st.one_of(st.integers(-3, 40), st.none(), st.booleans(), st.floats(allow_nan=False, width=32))
_WORD = st.one_of(st.none(), st.text(st.sampled_from("ab’é "), max_size=4))


@settings(max_examples=200, deadline=None)
@given(
    quotes=st.lists(st.tuples(st.integers(-1, 2), st.integers(0, 9), st.integers(0, 12), _WORD, _WORD, _SMALL, st.booleans()), max_size=4),
    statements=st.lists(st.tuples(_SMALL, _SMALL, st.integers(0, 9), st.text("ab", max_size=3)), max_size=3),
)
def test_quotes_and_statements_made_by_the_decoder_are_those_the_class_makes(quotes, statements):
    """cache_codec._Flat makes each item by object.__new__ and sets its fields as slots, not
    by calling the class: the items are the class's own, equal, with the same repr, every
    field of the same value and type, and nothing else set (a quote's shared paragraph apart)."""
    from gpreader.corpus.model import _TEXT

    path = Path("/somewhere/x.txt")
    pars = ["He said ‘quoted’ twice.", "Second one.", "Third."]
    article = Article("x", path, "Headline", pars, comments=["A ‘comment’."])
    article.quotes = [
        Quote("x", p, a, b, (pars[p][a:b] if p >= 0 else "t") if own is None else own, "partial", speaker, group=group, index=i, in_comments=c)
        for i, (p, a, b, own, speaker, group, c) in enumerate(quotes)
    ]
    article.statements = [Statement(p, a, b, s) for p, a, b, s in statements]
    decoded = decode_article(encode_article(article, []), path)[0]
    assert decoded == article and repr(decoded.quotes) == repr(article.quotes)
    assert repr(decoded.statements) == repr(article.statements)
    for got, made in zip(decoded.quotes + decoded.statements, article.quotes + article.statements):
        assert type(got) is type(made)
        slots = [n for c in type(made).__mro__ for n in getattr(c, "__slots__", ()) if n not in ("text", "_within")]
        assert [(n, getattr(got, n), type(getattr(got, n))) for n in slots] == [(n, getattr(made, n), type(getattr(made, n))) for n in slots]
        if type(made) is Quote:
            assert got.text == made.text and type(got.text) is str
            assert _TEXT.__get__(got) is not None or got._within is decoded.paragraphs[got.paragraph]


def test_quote_texts_reads_what_the_text_property_gives(folder):
    """model.quote_texts reads each quote's own text or its paragraph's slice from the slots,
    as the text property does: the same texts, for quotes parsed, shared and decoded."""
    from gpreader.corpus.model import quote_texts

    for path in sorted(folder.glob("*.txt")):
        article = loader._parse_file(path, {}, False).article
        assert quote_texts(article.quotes) == [q.text for q in article.quotes]
        article.share_quote_texts()
        assert quote_texts(article.quotes) == [q.text for q in article.quotes]
        decoded = decoded_of(article)
        assert quote_texts(decoded.quotes) == [q.text for q in decoded.quotes] == [q.text for q in article.quotes]
    quote = Quote("x", 0, 1, 4, "own")
    assert quote_texts([quote]) == ["own"]
    quote.share_text("a wn b")
    assert quote_texts([quote]) == ["own"]  # not the slice (" wn"): its own copy kept
    quote.share_text("xownx")
    assert quote_texts([quote]) == ["own"] and quote._own_text is None


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.integers(-3, 3), st.none(), st.booleans(), st.floats(0, 2)),
       st.one_of(st.integers(-9, 9), st.none(), st.booleans()), st.one_of(st.integers(-9, 9), st.none(), st.booleans()))
def test_a_quotes_slice_read_from_its_run_is_read_as_from_the_quote(paragraph, start, end):
    """_sliced (the quote's numbers from its run) is the paragraph's slice for ints, None for
    any other value (its text is then listed in the row), compiled or not."""
    from gpreader.corpus import cache_codec

    def read_from_the_quote(pars, q):
        if not all(type(v) is int for v in (q.paragraph, q.start, q.end)):
            return None
        try:
            return pars[q.paragraph][q.start : q.end]
        except IndexError:
            return None

    pars = ["first paragraph", "second", "the third one"]
    quote = Quote("a", paragraph, start, end, "x")  # type: ignore[arg-type]
    assert cache_codec._sliced(pars, paragraph, start, end) == read_from_the_quote(pars, quote)
