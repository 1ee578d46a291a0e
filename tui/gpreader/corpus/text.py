"""Read one article file as text: decode it, reject what is not an article, tidy whitespace.

Quotation marks and apostrophes are never touched: the quote engine needs them exactly.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Final

from gpreader.corpus.errors import ArticleError

MAX_BYTES: Final = 5 * 1024 * 1024
_MB: Final = 1024 * 1024
# More than this share (and this many) control characters and the file is not prose.
MAX_CONTROL_SHARE: Final = 0.05
MIN_CONTROLS_FOR_BINARY: Final = 8

_BOMS: Final = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_BINARY_MAGIC: Final = (b"%PDF-", b"PK\x03\x04", b"\x1f\x8b", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")

_SPACES: Final = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_INVISIBLE: Final = "\u200b\u200c\u200d\ufeff\u2060\u2061\u2062\u2063\u2064\u00ad\u200e\u200f"
_NEWLINES: Final = "\u2028\u2029\u0085\x0b\x0c"  # line/paragraph separators, NEL, VT, FF

_TABLE: dict[int, str | None] = {}
_TABLE.update({ord(c): " " for c in _SPACES})
_TABLE.update({ord(c): "\n" for c in _NEWLINES})
_TABLE.update({ord(c): None for c in _INVISIBLE})
_TABLE.update({c: None for c in range(0x20) if chr(c) not in "\n\t\x0b\x0c"})
_TABLE.update({c: None for c in range(0x7F, 0xA0) if c != 0x85})

# Any character _TABLE changes: most files have none, and a regex finds that far faster than
# str.translate walks a dict per character.
_TABLED: Final = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TABLE)) + "]")

# A character outside ASCII that NFC might change, or change with its neighbours: any but
# these, each its own composed form, of combining class 0, and never the second of a pair
# NFC composes (Latin-1 and Latin letters, general punctuation but U+2000/U+2001, currency
# signs: a test checks each against unicodedata). A text with none is NFC as it stands.
_NFC_UNSURE: Final = re.compile("[^\u0080-\u02ff\u2002-\u206f\u20a0-\u20c0]")

_CONTROL: Final = re.compile(r"[\x01-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# two or more spaces after a non-space (a literal first: the regex engine can skip to it)
_SPACE_RUN: Final = re.compile(r" (?<=\S ) +")
_LINE_END_SPACES: Final = re.compile(r" +(?=\n|\Z)")


def read_text(path: Path) -> str:
    """Return the normalised text of *path*, or raise ``ArticleError(reason)``."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ArticleError(f"cannot read: {exc.strerror or exc}") from None
    if size > MAX_BYTES:
        raise ArticleError(
            f"too large ({size / _MB:.1f} MB; the limit is {MAX_BYTES // _MB} MB)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot read: {exc.strerror or exc}") from None
    return text_of(data)


def text_of(data: bytes) -> str:
    """``read_text`` of a file's bytes, read already."""
    return text_and_spacing(data)[0]


def text_and_spacing(data: bytes) -> tuple[str, bool, bool]:
    """``text_of(data)``, True if its only whitespace is the space and the line end (the
    file's text was printable but for its line ends, found as it was decoded: every other
    whitespace character is unprintable, and normalising makes none), and True if it holds
    no doubled space (normalising looked for one, and found none, where it would have made
    each run of spaces one; False: it may hold one, at the start of a line)."""
    if len(data) > MAX_BYTES:  # grew since stat
        raise ArticleError(f"too large (the limit is {MAX_BYTES // _MB} MB)")
    text, untabled, composed = _decode(data)
    text, single = _normalised(text, untabled, composed)
    if not text.strip():
        raise ArticleError("empty file")
    return text, untabled, single


def decode(data: bytes) -> str:
    """Bytes to str: BOM-marked UTF-8/16/32, else UTF-8, else Windows-1252."""
    return _decode(data)[0]


def _decode(data: bytes) -> tuple[str, bool, bool]:
    """``decode``, whether the text has no character _TABLE changes (``_reject_binary``), and
    True if it is known to be NFC already (UTF-8 text: ``_outside_ascii``)."""
    if not data.strip():
        raise ArticleError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise ArticleError(f"cannot decode (broken {encoding.upper()} text)") from None
            return text, _reject_binary(text, _printable(text)), False
    if b"\x00" in data or data.startswith(_BINARY_MAGIC):
        raise ArticleError("binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ArticleError("cannot decode (not UTF-8, UTF-16 or Windows-1252 text)") from None
        return text, _reject_binary(text, _printable(text), True), False
    rest = _outside_ascii(data)
    return text, _reject_binary(text, rest.isprintable(), True), _NFC_UNSURE.search(rest) is None


# the printable ASCII bytes and the line end: what ``_printable`` passes without a look
_PLAIN_ASCII: Final = bytes(range(0x20, 0x7F)) + b"\n"


def _outside_ascii(data: bytes) -> str:
    """The characters of valid UTF-8 *data* but its printable ASCII and line ends, in order:
    those bytes deleted (no byte of a longer character is ASCII, so what is left is the
    other characters, whole), the rest decoded."""
    return data.translate(None, _PLAIN_ASCII).decode("utf-8")


def _printable(text: str) -> bool:
    """Every character of *text* printable but the line ends."""
    return text.replace("\n", "").isprintable()


def _reject_binary(text: str, printable: bool, nul_free: bool = False) -> bool:
    """ArticleError if *text* is binary. True when it has no character _TABLE changes: then
    it has no control character, and ``normalise`` has nothing to translate. Every character
    _TABLE changes is unprintable, and of the others only the line end is, so one C scan
    (isprintable) tells, where two slower regex scans did (_CONTROL, then _TABLED).
    *printable*: ``_printable(text)``, found as the text was decoded. *nul_free*: *text* was
    decoded from bytes with no zero byte by UTF-8 or Windows-1252, which make U+0000 of that
    byte alone, so it holds no NUL (not looked for again: in text of two bytes a character,
    the NUL's zero byte is in every ASCII character, a memchr's false hit at each)."""
    if not nul_free and "\x00" in text:
        raise ArticleError("binary file, not text")
    if printable:
        return True
    controls = len(_CONTROL.findall(text))
    if controls >= MIN_CONTROLS_FOR_BINARY and controls > MAX_CONTROL_SHARE * len(text):
        raise ArticleError("binary file, not text")
    return False


def normalise(text: str) -> str:
    """LF line ends, plain spaces, no invisible or control characters, no doubled spaces."""
    return _normalised(text, False, False)[0]


def _normalised(text: str, untabled: bool, composed: bool) -> tuple[str, bool]:
    """``normalise``, and True if the text has no doubled space (none was found to make one);
    *untabled*: *text* has no character _TABLE changes (no CR either);
    *composed*: its characters outside ASCII are all outside ``_NFC_UNSURE``, so NFC would
    give it back as it is (translated too: that only drops such characters or makes ASCII)."""
    if not untabled:
        text = _translate(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not composed:  # NFC's own quick check looks every character up in the Unicode database
        text = unicodedata.normalize("NFC", text)
    # per line: trailing spaces dropped, then inner runs of spaces made one
    if " \n" in text or text.endswith(" "):
        text = _LINE_END_SPACES.sub("", text)
    if "  " in text:  # runs of spaces after a non-space made one; an indent stays doubled
        return _SPACE_RUN.sub(" ", text), False
    return text, True


def _translate(text: str) -> str:
    """``text.translate(_TABLE)``, found by one regex scan and done only where needed."""
    return _TABLED.sub(_tabled, text) if _TABLED.search(text) else text


def _tabled(match: re.Match) -> str:
    return _TABLE[ord(match.group())] or ""
