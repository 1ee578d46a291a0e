"""Text from articles, file names and catalogs made safe to show in a terminal.

Headless (no Textual). The rules, one character at a time:

- C0 controls become their visible Unicode "control pictures" (ESC -> ␛, BEL -> ␇,
  CR -> ␍), one cell wide, so an escape sequence shows as text (``␛[31m``) and is
  never obeyed. ``\\n`` is kept where line breaks mean something (``printable``), a
  space in ``one_line``; a tab is a space.
- DEL and the C1 controls (U+0080-U+009F, e.g. the 8-bit CSI U+009B) become ``\\u007f``,
  ``\\u009b``...: JSON escapes, so JSON text passed through here stays valid and exact.
- Bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) and
  zero-width characters (U+200B-U+200D, U+2060-U+2064, U+FEFF, soft hyphen) are removed:
  they reorder or hide text, and terminals disagree about their width.
- A lone surrogate (from a file name byte that was not UTF-8) becomes ``\\udcNN``.
- Line and paragraph separators (U+2028, U+2029) become ``\\u2028``, ``\\u2029``.

Everything else, wide CJK and emoji included, is left alone. ``[bold]`` and other markup
are ordinary characters here: callers pass the result as plain text (``Content``/``Text``
or ``markup=False``), never as markup.
"""

from __future__ import annotations

import functools
import re

_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad"
_SEPARATORS = "\u2028\u2029"

# What must never reach a terminal as it is (for checks and for the last-line filter).
_INVISIBLE = _BIDI + _ZERO_WIDTH.replace("\u00ad", "") + "\u2028\u2029"
_UNSAFE_CLASS = "[\x00-\x09\x0b-\x1f\x7f-\x9f" + _INVISIBLE + "\ud800-\udfff]"
# The same, for JSON text: characters json.dumps(ensure_ascii=False) leaves raw.
_JSON_UNSAFE_CLASS = "[\x7f-\x9f" + _BIDI + _ZERO_WIDTH + "\u2028\u2029\ud800-\udfff]"


@functools.cache
def _tables() -> tuple[dict[int, str | None], dict[int, str | None], dict[int, str | None]]:
    """The translation tables of ``printable``, ``one_line`` and ``strip_unsafe``: made when
    first needed (their 6,000 entries, mostly surrogates, cost a millisecond at start-up).
    Every character they change is unprintable to ``str.isprintable``: printable text is
    returned as it is, without them."""
    table: dict[int, str | None] = {}
    table.update(_PICTURES)
    table.update({code: f"\\u{code:04x}" for code in range(0x7F, 0xA0)})
    table.update({ord(c): None for c in _BIDI + _ZERO_WIDTH})
    table.update({code: f"\\u{code:04x}" for code in range(0xD800, 0xE000)})
    table.update({ord(c): f"\\u{ord(c):04x}" for c in _SEPARATORS})
    table[ord("\t")] = " "
    table[ord("\n")] = "\n"
    one_line_table = dict(table)
    one_line_table[ord("\n")] = " "
    # for text already laid out in cells: drop what takes no cell, keep the width of the rest
    strip: dict[int, str | None] = {code: None for code in range(0x20)}
    strip.update({code: None for code in range(0x7F, 0xA0)})
    strip.update({ord(c): None for c in _INVISIBLE})
    strip.update({code: "\ufffd" for code in range(0xD800, 0xE000)})
    return table, one_line_table, strip


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """Compiled when first needed (each costs a millisecond or more, at start-up otherwise)."""
    return re.compile(pattern)


def has_unsafe(text: str) -> bool:
    """True when *text* holds one of the characters that must never reach a terminal as
    they are (C0 but ``\\n``, DEL, C1, bidi and zero-width controls, separators, lone
    surrogates). Every one of them is unprintable to ``str.isprintable``, which answers
    most text at once; only the rest (a no-break space, say) is searched character by character."""
    return not text.isprintable() and _compiled(_UNSAFE_CLASS).search(text) is not None


def printable(text: object) -> str:
    """*text* with nothing a terminal would obey; line breaks kept (see the module doc)."""
    text = "" if text is None else str(text)
    return text if text.isprintable() else text.translate(_tables()[0])


def one_line(text: object) -> str:
    """As ``printable``, on one line: line breaks and tabs become spaces."""
    text = "" if text is None else str(text)
    return text if text.isprintable() else text.translate(_tables()[1])


def strip_unsafe(text: str) -> str:
    """*text* without the characters ``has_unsafe`` looks for, keeping its width in terminal cells
    (they take none, but a lone surrogate, which becomes U+FFFD)."""
    return text if text.isprintable() else text.translate(_tables()[2])


def json_safe(json_text: str) -> str:
    """JSON text (from ``json.dumps``) with DEL, C1, bidi, zero-width and lone surrogates
    written as ``\\uXXXX`` escapes: still valid JSON that decodes to the same strings."""
    return _compiled(_JSON_UNSAFE_CLASS).sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


def markup_literal(text: str) -> str:
    """Textual content markup that shows *text* exactly (each ``[`` escaped), for the few
    APIs that only take markup strings, such as the command palette's help line.
    (``textual.markup.escape`` is not enough: it leaves ``[$accent]``, ``[B]`` and a lone
    ``[`` to the parser.)"""
    return one_line(text).replace("[", "\\[")


def is_safe(text: str) -> bool:
    """True when *text* holds nothing but printable characters, ``\\n`` included."""
    return not has_unsafe(text)
