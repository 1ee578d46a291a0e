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
    escapes, true, false or a plain integer, and no table or key is defined twice; else None."""
    if _NOT_PLAIN.search(text) is not None:
        return None
    root: dict = {}
    table = root
    defined: set[tuple[str, ...]] = set()
    lines = 0
    end = 0
    for m in _LINE.finditer(text):
        if m.start() != end + (1 if lines else 0):  # a line that is not of these kinds
            return None
        lines += 1
        end = m.end()
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
            table = table.setdefault(name, {})
            if type(table) is not dict:  # a key with a value, not a table
                return None
        if path[-1] in table:  # made already, as a value or as the parent of a table: tomllib decides
            return None
        table[path[-1]] = table = {}
    if end != len(text):
        return None
    return root


def _key(key: str) -> str:
    return key[1:-1] if key.startswith('"') else key
