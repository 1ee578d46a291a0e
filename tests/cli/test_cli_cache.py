"""The CLI's cache wiring (--no-cache, GPREADER_CACHE_DIR) and its loading progress bar."""

from __future__ import annotations

import shutil

import pytest

from gpreader import cli, cli_progress, open_folder
from gpreader.cli import main
from gpreader.corpus import loader
from gpreader.resources import bundled_seeds


@pytest.fixture
def seeds_copy(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(bundled_seeds(), folder)
    return folder


@pytest.fixture
def parsed(monkeypatch):
    """Counts the articles whose quotes are found afresh (not read from the cache)."""
    calls: list[str] = []
    real = loader.extract_quotes

    def counting(article):
        calls.append(article.id)
        return real(article)

    monkeypatch.setattr(loader, "extract_quotes", counting)
    return calls


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_second_run_reads_from_the_cache(capsys, seeds_copy, cache_dir, parsed):
    first = run(capsys, "quotes", "--corpus", str(seeds_copy), "--format", "json")
    assert first[0] == 0 and len(parsed) == 5
    assert (cache_dir / "index.sqlite").is_file()
    parsed.clear()
    second = run(capsys, "quotes", "--corpus", str(seeds_copy), "--format", "json")
    assert parsed == [] and second == first


def test_a_changed_file_is_parsed_again(capsys, seeds_copy, parsed):
    run(capsys, "list", "--corpus", str(seeds_copy))
    parsed.clear()
    article = next(seeds_copy.glob("003_*.txt"))
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    assert run(capsys, "list", "--corpus", str(seeds_copy))[0] == 0
    assert parsed == [article.stem]


@pytest.mark.parametrize(
    "args",
    [
        ("list", "--no-cache"),
        ("--no-cache", "speakers"),
        ("quotes", "--no-cache"),
        ("compare", "--no-cache"),
        ("search", "care", "--no-cache"),
    ],
)
def test_no_cache_reads_afresh_and_writes_nothing(capsys, seeds_copy, cache_dir, parsed, args):
    for _ in range(2):
        code, _out, err = run(capsys, *args, "--corpus", str(seeds_copy))
        assert code == 0 and err == ""
    assert len(parsed) == 10  # five articles, parsed on both runs
    assert not cache_dir.exists() or list(cache_dir.iterdir()) == []


def test_search_keeps_its_index_in_the_cache_dir(capsys, seeds_copy, cache_dir):
    assert run(capsys, "search", "co-location", "--corpus", str(seeds_copy))[0] == 0
    assert len(list(cache_dir.glob("fulltext-*.sqlite"))) == 1
    again = run(capsys, "search", "co-location", "--corpus", str(seeds_copy))
    assert again[0] == 0 and again[1].count("«co-location»") == 2


def test_an_unusable_cache_is_a_warning_not_a_failure(capsys, seeds_copy, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("GPREADER_CACHE_DIR", str(blocker))
    code, out, err = run(capsys, "search", "co-location", "--corpus", str(seeds_copy))
    assert code == 0 and out.count("«co-location»") == 2
    lines = err.splitlines()
    assert lines and all(line.startswith("gpreader: warning: ") for line in lines)


@pytest.mark.parametrize(
    "argv, path, cache",
    [
        (["--no-cache"], None, False),
        (["--no-cache", "FOLDER"], "FOLDER", False),
        (["--theme", "dark", "--no-cache", "FOLDER"], "FOLDER", False),
        (["FOLDER"], "FOLDER", True),
        ([], None, True),
    ],
)
def test_the_reader_is_opened_with_or_without_the_cache(monkeypatch, tmp_path, argv, path, cache):
    opened = []
    monkeypatch.setattr(cli, "open_reader", lambda p, theme=None, cache=True: opened.append((p, cache)) or 0)
    folder = str(tmp_path)
    assert main([folder if a == "FOLDER" else a for a in argv]) == 0
    assert opened == [(folder if path else None, cache)]


def test_no_cache_before_a_subcommand_runs_the_subcommand(capsys, fake):
    code, out, _ = run(capsys, "--no-cache", "list", "--corpus", str(fake.root))
    assert code == 0 and "003_hospitals" in out


# ---- progress -------------------------------------------------------------------------


@pytest.fixture
def big_fake(monkeypatch, fake):
    """The fake corpus, loaded as if it had 500 files (on_progress called for each)."""

    def load(folder, *, on_progress=None, **kw):
        for done in range(1, 501):
            if on_progress is not None:
                on_progress(done, 500)
        return fake

    monkeypatch.setattr(open_folder, "load_corpus", load)
    return fake


def test_no_progress_bar_when_stderr_is_not_a_terminal(capsys, big_fake):
    code, out, err = run(capsys, "list", "--corpus", str(big_fake.root))
    assert code == 0
    assert "Loading" not in err and "\x1b" not in err and "\x1b" not in out
    assert err.splitlines() == ["gpreader: warning: " + str(big_fake.root / "broken.txt") + ": binary file, not text"]


def test_a_progress_bar_on_a_terminal_for_many_files(capsys, monkeypatch, big_fake):
    monkeypatch.setattr(cli_progress, "stderr_is_terminal", lambda: True)
    code, out, err = run(capsys, "list", "--corpus", str(big_fake.root))
    assert code == 0 and "Loading articles" in err
    assert "Loading" not in out and "\x1b" not in out  # stdout stays clean


def test_no_progress_bar_for_a_small_corpus_even_on_a_terminal(capsys, monkeypatch):
    monkeypatch.setattr(cli_progress, "stderr_is_terminal", lambda: True)
    with cli_progress.LoadProgress() as progress:
        for done in range(1, cli_progress.MIN_FILES + 1):
            progress(done, cli_progress.MIN_FILES)
    assert capsys.readouterr().err == ""
