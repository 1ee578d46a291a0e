"""Hostile file names, catalog titles and article text: every CLI output (text, Markdown,
JSON, stderr) holds no byte a terminal would obey, shows the text literally, and JSON
still carries the exact strings."""

from __future__ import annotations

import json
import os
import re

import pytest

from cli_support import run_gpreader

from gpreader.clippings import Clipping, ClippingStore
from gpreader.corpus.model import Article, PubDate, Quote

ESC_NAME = "a_[b]x\x1b[2J"  # an article file whose name holds an escape sequence
HEADLINE = "Head \x1b]52;c;ZXZpbA==\x07 [link=https://x.y]c[/link] \x1b]8;;https://x.y\x1b\\l\x1b]8;;\x1b\\"
OUTLET = "Out \u009b31m \u202eRLO [@click=app.quit]q[/]"
BODY = "Dr Jane Smith said: ‘Words [bold]x[/bold] \x1b[31mred \u202eevil\u2066 end.’"
# C0 controls but newline, DEL, C1 (as UTF-8), bidi and zero-width characters (as UTF-8).
UNSAFE_BYTES = re.compile(
    rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8b-\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xef\xbb\xbf"
)


@pytest.fixture
def hostile_folder(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / f"{ESC_NAME}.txt").write_text(f"A plain headline\n\n{BODY}\n", encoding="utf-8")
    with open(os.fsencode(folder) + b"/b_\xff.txt", "wb") as odd:  # a file name that is not UTF-8
        odd.write("Other\n\nMr Bob Jones said: ‘Fine words here today.’\n".encode("utf-8"))
    (folder / "bad\x1b[2J.txt").write_bytes(b"%PDF-1.4\x00\x01")
    catalog = f"[articles.{json.dumps(ESC_NAME)}]\nheadline = {json.dumps(HEADLINE)}\noutlet = {json.dumps(OUTLET)}\n"
    (folder / "catalog.toml").write_text(catalog, encoding="utf-8")
    return folder


def assert_safe(data: bytes, where: str) -> None:
    found = UNSAFE_BYTES.search(data)
    assert found is None, f"{where}: {found.group()!r} at {found.start()} in {data[max(0, found.start() - 30):found.end() + 30]!r}"


@pytest.mark.parametrize("command", ["list", "quotes", "speakers"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_no_output_holds_a_control_byte(hostile_folder, command, fmt):
    result = run_gpreader(command, "--corpus", str(hostile_folder), "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert_safe(result.stdout, f"{command} --format {fmt} stdout")
    assert_safe(result.stderr, f"{command} --format {fmt} stderr")
    err = result.stderr.decode("utf-8")
    assert "bad␛[2J.txt: binary file, not text" in err  # the file is named, visibly
    if fmt == "json":
        json.loads(result.stdout.decode("utf-8"))


def test_text_output_shows_hostile_strings_literally(hostile_folder):
    listing = run_gpreader("list", "--corpus", str(hostile_folder)).stdout.decode("utf-8")
    assert "Head ␛]52;c;ZXZpbA==␇ [link=https://x.y]c[/link] ␛]8;;https://x.y␛\\l␛]8;;␛\\" in listing
    assert "Out \\u009b31m RLO [@click=app.quit]q[/]" in listing
    assert ESC_NAME.replace("\x1b", "␛") in listing
    assert "b_\\udcff" in listing  # the undecodable byte of the file name, as an escape
    quotes = run_gpreader("quotes", "--corpus", str(hostile_folder)).stdout.decode("utf-8")
    assert "‘Words [bold]x[/bold] [31mred evil end.’" in quotes  # the loader dropped ESC and bidi


def test_json_keeps_the_exact_strings(hostile_folder):
    result = run_gpreader("list", "--corpus", str(hostile_folder), "--format", "json")
    articles = {a["id"]: a for a in json.loads(result.stdout.decode("utf-8"))}
    assert articles[ESC_NAME]["headline"] == HEADLINE
    assert articles[ESC_NAME]["outlet"] == OUTLET


def test_clippings_output_is_safe(tmp_path):
    text = "Kept \x1b]52;c;ZXZpbA==\x07 [bold]x[/bold] \u202eevil"
    article = Article(ESC_NAME, tmp_path / "a.txt", HEADLINE, [f"‘{text}’"], outlet=OUTLET,
                      date=PubDate.parse("2014-02"))
    data = tmp_path / "data"
    store = ClippingStore(data / "clippings.json")
    store.add(Clipping.from_quote(Quote(ESC_NAME, 0, 1, 1 + len(text), text, speaker="X [i]Y"), article, None))
    env = {"GPREADER_DATA_DIR": str(data)}
    markdown = run_gpreader("clippings", env=env)
    assert markdown.returncode == 0
    assert_safe(markdown.stdout, "clippings markdown")
    assert "Kept ␛]52;c;ZXZpbA==␇ [bold]x[/bold] evil" in markdown.stdout.decode("utf-8")
    as_json = run_gpreader("clippings", "--format", "json", env=env)
    assert_safe(as_json.stdout, "clippings json")
    assert json.loads(as_json.stdout.decode("utf-8"))[0]["text"] == text
