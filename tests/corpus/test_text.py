"""read_text: encodings, rejected files, whitespace normalisation that never touches quotes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gpreader.corpus.errors import ArticleError
from gpreader.corpus.text import MAX_BYTES, read_text
from gpreader.resources import bundled_seeds

QUOTED = "‘It’s time,’ she said – “now”. Don't \"touch\" 'these'."


def write(tmp_path: Path, data: bytes, name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def reason(path: Path) -> str:
    with pytest.raises(ArticleError) as caught:
        read_text(path)
    return caught.value.reason


def test_plain_utf8_keeps_every_quote_mark(tmp_path):
    assert read_text(write(tmp_path, QUOTED.encode("utf-8"))) == QUOTED


def test_utf8_bom_is_stripped(tmp_path):
    assert read_text(write(tmp_path, b"\xef\xbb\xbf" + QUOTED.encode("utf-8"))) == QUOTED


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, encoding):
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
    data = bom + (QUOTED + "\r\nSecond line").encode(encoding)
    assert read_text(write(tmp_path, data)) == QUOTED + "\nSecond line"


def test_cp1252_curly_quotes_come_out_exactly(tmp_path):
    text = "‘It’s £2.7bn,’ he said – “really” … café"
    assert read_text(write(tmp_path, text.encode("cp1252"))) == text


def test_bytes_neither_utf8_nor_cp1252_cannot_be_decoded(tmp_path):
    # 0x81 and 0x8d are undefined in Windows-1252 and invalid UTF-8 here; latin-1 would accept them.
    assert reason(write(tmp_path, b"Some text \x81\x8d more text")).startswith("cannot decode")


def test_line_endings_become_lf(tmp_path):
    assert read_text(write(tmp_path, b"one\r\ntwo\rthree\nfour")) == "one\ntwo\nthree\nfour"


def test_odd_spaces_tabs_and_runs_become_one_space(tmp_path):
    text = "a\u00a0b\u2002c\u202fd\u205fe\u3000f\tg    h"
    assert read_text(write(tmp_path, text.encode("utf-8"))) == "a b c d e f g h"


def test_invisible_and_control_characters_are_removed(tmp_path):
    text = "Dr\u200b Bewick\u2060 said\ufeff ‘yes’\x07.\x9b"
    assert read_text(write(tmp_path, text.encode("utf-8"))) == "Dr Bewick said ‘yes’."


def test_trailing_spaces_go_and_leading_indent_stays(tmp_path):
    data = "  1. Gareth   \nend \u00a0".encode("utf-8")
    assert read_text(write(tmp_path, data)) == "  1. Gareth\nend"


def test_seed_000_loses_its_trailing_nbsp_but_not_its_quotes():
    text = read_text(bundled_seeds() / "000_bfb60d14f6019173.txt")
    assert "more focus on population health.\n" in text
    assert "\u00a0" not in text
    assert "‘I don’t believe we’ve actively commissioned primary care in my lifetime." in text


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf \n", "\u200b\u00a0\n".encode()])
def test_empty_or_blank_file(tmp_path, data):
    assert reason(write(tmp_path, data)) == "empty file"


def test_nul_bytes_mean_binary(tmp_path):
    assert reason(write(tmp_path, b"GIF89a\x00\x01\x02 text")) == "binary file, not text"


def test_many_control_characters_mean_binary(tmp_path):
    data = bytes(range(1, 32)) * 20 + b"some words"
    assert reason(write(tmp_path, data)) == "binary file, not text"


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: fast, no 20 MB written
        handle.truncate(20 * 1024 * 1024)
    assert os.path.getsize(path) > MAX_BYTES

    def refuse(self):
        raise AssertionError("read a file that is too large")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert reason(path) == "too large (20.0 MB; the limit is 5 MB)"


def test_a_missing_file_is_an_article_error(tmp_path):
    assert reason(tmp_path / "nope.txt").startswith("cannot read")


def test_every_character_normalise_translates_is_unprintable():
    # _reject_binary's fast answer (isprintable: nothing to translate) rests on this
    from gpreader.corpus.text import _TABLE

    assert not any(chr(c).isprintable() for c in _TABLE) and "\n".isprintable() is False


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ’\n\r\t\x07\x1b\x85\x9f\xa0\xad\u200b\u2028\u3000\u1680é\u0301\u2126\u2000\u1100\u1161")), max_size=40))
def test_read_text_is_normalise_of_decode(body):
    """The file read once (untabled texts skip the translation) reads as the public steps do."""
    from gpreader.corpus.text import _decode, _normalised, decode, normalise

    data = ("x" + body).encode("utf-8")
    try:
        expected = normalise(decode(data))
    except ArticleError as exc:
        with pytest.raises(ArticleError) as caught:
            _decode(data)
        assert caught.value.reason == exc.reason
        return
    text, untabled, composed = _decode(data)
    assert _normalised(text, untabled, composed)[0] == expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \n\t\x01\x7f\x85\xa0’é\u0301\u200b\u2028\ufeff\U0001f600"))))
def test_printable_outside_ascii_is_printable_of_the_text(text):
    """The bytes' test (printable ASCII and line ends deleted, the rest decoded) says what
    the text's does."""
    from gpreader.corpus.text import _outside_ascii, _printable

    assert _outside_ascii(text.encode("utf-8")).isprintable() == _printable(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab  \n\r\t\x0b\x1c\x85\xa0’é\u0301\u1680\u2000\u2001\u2028\u3000\U0001f600")), max_size=40))
def test_text_said_plain_has_no_whitespace_but_spaces_and_line_ends(body):
    """``text_and_spacing`` says a text's only whitespace is the space and the line end only
    when it is so (``clean_article`` then does not look for the others), and cleaning it so
    told finds what cleaning it untold does."""
    from gpreader.corpus.clean import clean_article
    from gpreader.corpus.text import text_and_spacing, text_of

    data = ("Headline of it\n" + body).encode("utf-8")
    try:
        text, plain, single = text_and_spacing(data)
    except ArticleError:
        return
    assert text == text_of(data)
    if single:
        assert "  " not in text
        assert clean_article(text, {}, False, True) == clean_article(text, {})
    if plain:
        assert all(c in " \n" or not c.isspace() for c in text)
        assert clean_article(text, {}, True, single) == clean_article(text, {})


def test_characters_nfc_is_sure_to_keep_are_composed_starters_no_pair_ends_with():
    """_normalised skips NFC for text whose characters outside ASCII are all outside
    _NFC_UNSURE: each must be its own NFC, of combining class 0, and not the second
    character of any canonical pair (which NFC could compose with the one before)."""
    import unicodedata

    from gpreader.corpus.text import _NFC_UNSURE

    seconds = set()
    for cp in range(0x110000):
        d = unicodedata.decomposition(chr(cp))
        if d and not d.startswith("<") and len(d.split()) == 2:
            seconds.add(int(d.split()[1], 16))
    sure = [cp for cp in range(0x80, 0x110000) if not _NFC_UNSURE.match(chr(cp))]
    assert 0x2019 in sure and 0xE9 in sure and 0x301 not in sure and 0x2126 not in sure
    for cp in sure:
        c = chr(cp)
        assert unicodedata.combining(c) == 0 and unicodedata.normalize("NFC", c) == c and cp not in seconds, hex(cp)
