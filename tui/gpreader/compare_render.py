"""The compare table (gpreader.corpus.compare) as text, Markdown or JSON, for `gpreader compare`.

Article text is data, never markup: text output is plain (no Rich markup is interpreted,
control characters are dropped), Markdown cells are escaped, JSON escapes what it must.

``render_json`` prints one object, newline-terminated (shape version 1)::

    {
      "version": 1,
      "columns": [2013, 2014, 2024],                 # years, oldest first
      "themes": [                                    # the rows, in themes-file order
        {"id": "premises", "label": "Co-location and premises",
         "cells": [{"year": 2013, "proposals": [PROPOSAL, ...]}, ...],   # one per column
         "changes": {"summary": "new in 2014: co-location (again 2024); ...",
                     "everywhere": [SIGNAL, ...],     # signals as written in the themes file
                     "new": [{"year": 2014, "signals": [SIGNAL, ...]}, ...],
                     "back": [{"year": 2024, "signals": [...]}],   # again after a column without
                     "gone": [SIGNAL, ...],           # in the first column, not in the last
                     "seen": {SIGNAL: [2014, 2024]},  # the columns each signal occurs in
                     "wording": {SIGNAL: "co-location"}}},          # how it is usually written
        ...],
      "unthemed": [{"year": 2013, "count": 2}, ...], # proposals with no theme, per column
      "undated": 0                                   # proposals of undated articles, left out
    }

PROPOSAL is ``Proposal.to_json()``: article (file stem), paragraph (1-based), start, end,
text, short, proponent (canonical name or null), proponent_kind, quoted, outlet, date (ISO, to
its precision), date_display, themes, signals, trigger.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterator, Sequence

from rich.cells import cell_len

from gpreader.corpus.compare import CompareTable
from gpreader.corpus.proposals import Proposal
from gpreader.counts import plural

EMPTY = "—"
DEFAULT_WIDTH = 100
MIN_COLUMN = 24  # narrower than this, themes are printed one under another
LABEL_MAX = 24
JSON_VERSION = 1
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def clean(value: object) -> str:
    """One line of printable text: line breaks and tabs become spaces, controls go."""
    text = "" if value is None else str(value)
    return _CONTROL.sub("", re.sub(r"[\r\n\t\u2028\u2029]+", " ", text))


def md_escape(value: object) -> str:
    return _MD_SPECIAL.sub(r"\\\1", clean(value))


def item_text(p: Proposal, theme_id: str | None = None) -> str:
    """'“short” — Simon Stevens, Pulse, 4 Jun 2014' (quoted) or 'short — …' (reported); the
    short form shows a signal of *theme_id* when it can."""
    short = clean(p.short_for(theme_id))
    if p.quoted:
        short = f"“{short}”"
    who = clean(p.proponent) if p.proponent else "unattributed"
    return f"{short} — {who}, {clean(p.source())}"


def _notes(table: CompareTable) -> list[str]:
    notes = []
    unthemed = sum(len(v) for v in table.unthemed.values())
    if unthemed:
        notes.append(f"{plural(unthemed, 'proposal')} with no theme not shown.")
    if table.undated:
        notes.append(f"{plural(table.undated, 'proposal')} of undated articles left out.")
    if not table.columns:
        notes.append("No years to compare.")
    return notes


# -- text ---------------------------------------------------------------------------------

def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_len(text))


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    return textwrap.wrap(text, width=max(width, 8), initial_indent=first, subsequent_indent=rest,
                         break_long_words=True, break_on_hyphens=False) or [first.rstrip()]


def _cell_lines(items: Sequence[Proposal], width: int, theme_id: str) -> list[str]:
    if not items:
        return [EMPTY]
    lines: list[str] = []
    for p in items:
        lines += _wrap(item_text(p, theme_id), width, "• ", "  ")
    return lines


def render_text(table: CompareTable, width: int | None = None) -> str:
    """The table for a terminal *width* columns wide (default 100): a grid of themes by years
    with a 'what changed' line under each theme, or, when the years would be narrower than
    24 columns, each theme's years one under another."""
    return "".join(iter_text(table, width))


def iter_text(table: CompareTable, width: int | None = None) -> Iterator[str]:
    """``render_text`` a theme at a time (a theme's proposals are made as it is written)."""
    width = max(int(width or DEFAULT_WIDTH), 40)
    n = len(table.columns)
    label_w = min(LABEL_MAX, max([cell_len(clean(t.label)) for t in table.rows] + [5]))
    col_w = (width - label_w - 3 * n) // n if n else 0
    if n and col_w >= MIN_COLUMN:
        parts = _grid(table, width, label_w, col_w)
    else:
        parts = _stacked(table, width)
    written = False
    for lines in parts:
        yield "".join(line.rstrip() + "\n" for line in lines)
        written = written or bool(lines)
    notes = _notes(table)
    if notes or not written:  # (nothing at all is still one line)
        yield "".join(line.rstrip() + "\n" for line in notes) or "\n"


def _grid(table: CompareTable, width: int, label_w: int, col_w: int) -> Iterator[list[str]]:
    sep = "─" * label_w + "".join("─┼─" + "─" * col_w for _ in table.columns)
    head = _pad("Theme", label_w) + "".join(" │ " + _pad(str(y), col_w) for y in table.columns)
    yield [head, sep]
    for theme in table.rows:
        lines: list[str] = []
        columns = [_wrap(clean(theme.label), label_w)]
        columns += [_cell_lines(table.cell(theme.id, y), col_w, theme.id) for y in table.columns]
        height = max(len(c) for c in columns)
        for i in range(height):
            row = _pad(columns[0][i] if i < len(columns[0]) else "", label_w)
            for c in columns[1:]:
                row += " │ " + _pad(c[i] if i < len(c) else "", col_w)
            lines.append(row)
        lines += _wrap(clean(table.changes[theme.id].summary()), width, "  What changed: ", "    ")
        lines.append(sep)
        yield lines


def _stacked(table: CompareTable, width: int) -> Iterator[list[str]]:
    for theme in table.rows:
        lines = _wrap(clean(theme.label), width)
        for year in table.columns:
            lines.append(f"  {year}")
            items = table.cell(theme.id, year)
            if not items:
                lines.append(f"    {EMPTY}")
            for p in items:
                lines += _wrap(item_text(p, theme.id), width, "    • ", "      ")
        lines += _wrap(clean(table.changes[theme.id].summary()), width, "  What changed: ", "    ")
        lines.append("")
        yield lines


# -- Markdown ----------------------------------------------------------------------------------

def render_markdown(table: CompareTable) -> str:
    """A Markdown table: a row per theme, a column per year, and a 'What changed' column;
    a cell's proposals are separated by <br>; article text is escaped."""
    return "".join(iter_markdown(table))


def iter_markdown(table: CompareTable) -> Iterator[str]:
    """``render_markdown`` a row (a theme) at a time."""
    head = ["Theme", *[str(y) for y in table.columns], "What changed"]
    yield "| " + " | ".join(head) + " |\n" + "|" + "---|" * len(head) + "\n"
    for theme in table.rows:
        cells = [f"**{md_escape(theme.label)}**"]
        for year in table.columns:
            items = table.cell(theme.id, year)
            cells.append("<br>".join(md_escape(item_text(p, theme.id)) for p in items) if items else EMPTY)
        cells.append(md_escape(table.changes[theme.id].summary()))
        yield "| " + " | ".join(cells) + " |\n"
    notes = _notes(table)
    if notes:
        yield "".join(line + "\n" for line in ["", *notes])


# -- JSON ---------------------------------------------------------------------------------

def render_json(table: CompareTable) -> str:
    """The table as one JSON object (see the module docstring), newline-terminated."""
    return "".join(iter_json(table))


def iter_json(table: CompareTable) -> Iterator[str]:
    """``render_json(table)`` in pieces, each proposal made and written as it comes: the same
    text as ``json.dumps(doc, ensure_ascii=False, indent=2)``, without holding the document
    (over 10,000 articles it is 145 MB of text, and the objects it was made from ten times
    that)."""
    themes = _OpenList(
        _Open({
            "id": t.id,
            "label": t.label,
            "cells": _OpenList(_Open({"year": y, "proposals": _Lazy(table.cell(t.id, y))}) for y in table.columns),
            "changes": table.changes[t.id].to_json(),
        })
        for t in table.rows
    )
    doc = _Open({
        "version": JSON_VERSION,
        "columns": list(table.columns),
        "themes": themes,
        "unthemed": [{"year": y, "count": len(table.unthemed.get(y, []))} for y in table.columns],
        "undated": table.undated,
    })
    yield from _stream(doc, 0)
    yield "\n"


class _Open(dict):
    """A dict written member by member (it holds lazy parts)."""


class _OpenList(list):
    """A list written item by item (its items hold lazy parts)."""


class _Lazy:
    """Proposals written as JSON objects one at a time, made as they are read."""

    def __init__(self, proposals: Sequence[Proposal]) -> None:
        self.proposals = proposals


def _stream(value: object, level: int) -> Iterator[str]:
    """Pieces of ``json.dumps(value, ensure_ascii=False, indent=2)`` nested *level* deep."""
    inner = "\n" + "  " * (level + 1)
    if isinstance(value, _Open):
        if not value:
            yield "{}"
            return
        sep = "{"
        for key, item in value.items():
            yield sep + inner + json.dumps(key, ensure_ascii=False) + ": "
            yield from _stream(item, level + 1)
            sep = ","
        yield "\n" + "  " * level + "}"
    elif isinstance(value, (_OpenList, _Lazy)):
        items = (p.to_json() for p in value.proposals) if isinstance(value, _Lazy) else value
        sep = None
        for item in items:
            yield (sep or "[") + inner
            yield from _stream(item, level + 1)
            sep = ","
        yield "[]" if sep is None else "\n" + "  " * level + "]"
    else:  # written whole, by the json module: a nested object's lines indented to its level
        yield json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
