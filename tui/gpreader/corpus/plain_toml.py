"""TOML as catalogs are written, read quickly; tomllib for anything else.

A catalog of 10,000 articles is 50,000 lines of ``[articles."stem"]`` headers and
``key = "text"`` / ``true`` / ``false`` / integer lines. tomllib reads it character by
character, in 0.25 to 0.5 s, before the first article can be parsed (the worker processes
wait for each article's facts). ``plain_toml`` reads such lines with one regular
expression each: the same tables in a sixth of the time (0.085 s against 0.50 s in one
run, 4 Dec 2026). A line of any other kind (an escape in a string, a float, a date, an
array, a dotted key, a table defined twice, a carriage return, a control character …)
makes it give up, and tomllib reads the whole text (and says what is wrong with it, if
anything): it only ever returns what tomllib returns (tests/corpus/test_plain_toml.py
compares the two on generated documents).
"""

from __future__ import annotations

import re

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

# what TOML forbids raw in comments and strings (a tab is allowed), \r among them (a line
# ended by \r\n is left to tomllib)
_NOT_PLAIN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_KEY = r'(?:[A-Za-z0-9_-]+|"[^"\\\n]*")'  # bare, or quoted without escapes
_TAIL = r"[ \t]*(?:#[^\n]*)?$"  # spaces and a comment to the end of the line
_LINE = re.compile(
    r"^[ \t]*(?:"
    rf"\[[ \t]*(?P<table>{_KEY}(?:[ \t]*\.[ \t]*{_KEY})*)[ \t]*\]"  # [a."b".c]
    rf'|(?P<key>{_KEY})[ \t]*=[ \t]*(?:"(?P<text>[^"\\\n]*)"|(?P<word>true|false)|(?P<int>[+-]?(?:0|[1-9][0-9]*)))'
    rf")?{_TAIL}",
    re.MULTILINE,
)
_PART = re.compile(rf"[ \t]*({_KEY})[ \t]*(?:\.|$)")


def load_toml(text: str) -> dict:
    """``tomllib.loads(text)``: by ``plain_toml`` where it can, else by tomllib (which raises
    ``tomllib.TOMLDecodeError`` for a text that is not TOML)."""
    doc = plain_toml(text)
    return doc if doc is not None else tomllib.loads(text)


def plain_toml(text: str) -> dict | None:
    """What ``tomllib.loads(text)`` gives, if every line of *text* is blank, a comment, a
    table header of bare or quoted keys, or a key (bare or quoted) given a string without
    escapes, true, false or a plain integer, and no table or key is defined twice; else None.

    The two kinds of line a catalog is made of, written as gpreader writes them
    (``[articles."stem"]`` and ``key = "text"``, ``true`` or ``false``, nothing around
    them), are read by string methods; any other line by ``_LINE`` (each of these is one
    of its matches, read as it reads them): the regex took 13,000 instructions a line,
    two thirds of reading a catalog of 10,000 entries."""
    if _NOT_PLAIN.search(text) is not None:
        return None
    root: dict = {}
    table = root
    defined: set[tuple[str, ...]] = set()
    for line in text.split("\n"):  # (no \r: _NOT_PLAIN)
        path: tuple[str, ...]
        if line.startswith('[articles."') and line.endswith('"]') and _quotable(line, 11, len(line) - 2):
            path = ("articles", line[11:-2])
        else:
            eq = line.find(" = ")
            if eq > 0 and _bare(line[:eq]):
                value = line[eq + 3 :]
                given: str | bool | None = None
                if len(value) >= 2 and value[0] == '"' and value[-1] == '"' and _quotable(value, 1, len(value) - 1):
                    given = value[1:-1]
                elif value == "true" or value == "false":
                    given = value == "true"
                if given is not None:
                    name = line[:eq]
                    if name in table:
                        return None
                    table[name] = given
                    continue
            m = _LINE.fullmatch(line)
            if m is None:  # a line that is not of these kinds
                return None
            key = m.group("key")
            if key is not None:
                name = _key(key)
                if name in table:
                    return None
                if m.group("text") is not None:
                    table[name] = m.group("text")
                elif m.group("word") is not None:
                    table[name] = m.group("word") == "true"
                else:
                    table[name] = int(m.group("int"))
                continue
            header = m.group("table")
            if header is None:
                continue
            path = tuple(_key(part) for part in _PART.findall(header))
        if path in defined:
            return None
        defined.add(path)
        table = root
        for name in path[:-1]:
            parent: object = table.setdefault(name, {})
            if type(parent) is not dict:  # a key with a value, not a table
                return None
            table = parent
        if path[-1] in table:  # made already, as a value or as the parent of a table: tomllib decides
            return None
        table[path[-1]] = table = {}
    return root


def _quotable(line: str, start: int, end: int) -> bool:
    """Whether ``line[start:end]`` may stand between double quotes as _KEY's quoted key and
    _LINE's text do: no double quote, no backslash (no newline: it is one line)."""
    return line.find('"', start, end) < 0 and line.find("\\", start, end) < 0


def _bare(key: str) -> bool:
    """Whether *key* is a bare key: ASCII letters, digits, "_" and "-", one at least."""
    return key.isascii() and key.replace("-", "a").replace("_", "a").isalnum()


def _key(key: str) -> str:
    return key[1:-1] if key.startswith('"') else key
