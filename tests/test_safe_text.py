"""safe_text: what a terminal must not obey becomes visible (or goes); the rest is untouched."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.content import Content

from gpreader.safe_text import has_unsafe, is_safe, json_safe, markup_literal, one_line, printable

_INVISIBLE_GONE = {ord(c): None for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad"}

ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("\x1b\x07\x9b\u202e\u200b[]/\\$@\r\n"))


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[31mred\x1b[0m", "␛[31mred␛[0m"),
        ("\x1b]52;c;ZXZpbA==\x07", "␛]52;c;ZXZpbA==␇"),
        ("\x1b]8;;https://x.y\x1b\\link", "␛]8;;https://x.y␛\\link"),
        ("cr\rover", "cr␍over"),
        ("bs\x08 del\x7f nul\x00", "bs␈ del\\u007f nul␀"),
        ("csi\x9b31m nel\x85x", "csi\\u009b31m nel\\u0085x"),
        ("abc\u202edcba\u2066x\u2069\u200e\u200f\u061c", "abcdcbax"),
        ("zero\u200bwidth\u200d\ufeff\u2060soft\u00adhyphen", "zerowidthsofthyphen"),
        ("tab\there", "tab here"),
        ("line\nbreak\u2028sep\u2029", "line\nbreak\\u2028sep\\u2029"),
        ("name\udcff", "name\\udcff"),
        ("[bold red]x[/] [@click=app.quit]q[/]", "[bold red]x[/] [@click=app.quit]q[/]"),
        ("中文 😀👍🏽 🏴󠁧󠁢󠁥󠁮󠁧󠁿 ｗｉｄｅ", "中文 😀👍🏽 🏴󠁧󠁢󠁥󠁮󠁧󠁿 ｗｉｄｅ"),
        (None, ""),
    ],
)
def test_printable(raw, shown):
    assert printable(raw) == shown


UNSAFE_CHARACTERS = (
    [chr(c) for c in [*range(0x00, 0x0A), *range(0x0B, 0x20), *range(0x7F, 0xA0), *range(0xD800, 0xE000)]]
    + list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
    + list("\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u2028\u2029")
)


@pytest.mark.parametrize("around", ["", "plain words ", "no\u00a0break ", "line\n"])
def test_has_unsafe_finds_every_character_a_terminal_must_not_get(around):
    for character in UNSAFE_CHARACTERS:
        assert has_unsafe(around + character + around), repr(character)
    assert not has_unsafe(around + "‘quoted’ — 中文 😀 [b]x[/b]" + around)


def test_text_returned_as_it_is_when_printable_holds_nothing_the_tables_change():
    """printable, one_line and strip_unsafe return text that ``str.isprintable`` accepts
    untouched, without looking it up: right only while every character their tables
    change is one isprintable rejects."""
    from gpreader.safe_text import _tables

    changed = set().union(*_tables())
    assert changed and not [hex(c) for c in changed if chr(c).isprintable()]


def test_one_line_has_no_line_breaks():
    assert one_line("a\nb\tc\r") == "a b c␍"


@settings(max_examples=300, deadline=None)
@given(st.lists(ANY_TEXT, max_size=4))
def test_json_text_made_printable_is_still_the_same_json(strings):
    text = printable(json_safe(json.dumps(strings, ensure_ascii=False)))
    assert json.loads(text) == strings
    raw = printable(json.dumps(strings, ensure_ascii=False))  # even without json_safe: valid JSON
    assert json.loads(raw) == [s.translate(_INVISIBLE_GONE) for s in strings]


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_printable_output_is_always_safe_and_stable(text):
    shown = printable(text)
    assert is_safe(shown)
    assert printable(shown) == shown
    assert "\n" not in one_line(text) and is_safe(one_line(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(ANY_TEXT, max_size=4))
def test_json_safe_is_valid_json_of_the_same_strings_with_nothing_raw(strings):
    text = json_safe(json.dumps(strings, ensure_ascii=False))
    assert json.loads(text) == strings
    assert is_safe(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="[]/\\$@=#ab :;\"'", max_size=30))
def test_markup_literal_shows_exactly_the_text_in_textual_markup(text):
    assert Content.from_markup(markup_literal(text)).plain == text
    assert Content.from_markup(markup_literal(text)).spans == []


def test_safe_text_is_headless():
    code = "import sys, gpreader.safe_text; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
