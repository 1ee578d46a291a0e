"""The compare table: proposals by theme (rows) and year (columns), and what changed.

``build_compare(corpus, years, themes, theme_ids)`` finds the proposals of the articles of the
chosen years (default: every year of the corpus, oldest first) and files each under each of
its themes. A cell is a ``ProposalRun``: the proposals are filed by their themes as read off
each article's plan, and an article's proposals are made only when a cell shows one of them
(over 10,000 articles: half a second and a few megabytes, where making every proposal took
seconds and 230 MB for proposals mostly never drawn). Per theme, ``ThemeChanges`` says which
signals (as written in the themes file) occur in every column, which are new in a later
column, and which come back after a column without them. ``ThemeChanges.summary()`` is the
one line shown under a theme.

``parse_years(["2013", "2014-2024"])`` reads years and ranges for the command line.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

from gpreader.corpus.model import Corpus
from gpreader.corpus.proposals import LazyProposals, Proposal
from gpreader.corpus.themes import Theme, default_themes

MIN_YEAR, MAX_YEAR = 1800, 2200
_RANGE = re.compile(r"^\s*(\d{4})\s*(?:-|–|—|\.\.|to)\s*(\d{4})\s*$")


class CompareError(ValueError):
    """A year, range or theme id that cannot be used; ``str()`` is one line."""


def parse_years(specs: Iterable[str], available: Iterable[int] | None = None) -> list[int]:
    """Years from '2014', '2013-2015' (also 2013–2015, 2013..2015) and comma lists, sorted.

    With *available* (the corpus's years), the years of a range that are not available are
    left out; a single year is always kept (its column then shows it has no proposals).
    """
    have = set(available) if available is not None else None
    years: set[int] = set()
    for spec in specs:
        for item in str(spec).split(","):
            item = item.strip()
            if not item:
                continue
            m = _RANGE.match(item)
            if m:
                a, b = int(m.group(1)), int(m.group(2))
                if a > b:
                    raise CompareError(f"year range {item!r} runs backwards (write {b}-{a})")
                _check_year(a, item)
                _check_year(b, item)
                years.update(y for y in range(a, b + 1) if have is None or y in have)
            elif item.isdigit() and len(item) == 4:
                _check_year(int(item), item)
                years.add(int(item))
            else:
                raise CompareError(f"not a year or a range of years: {item!r} (write 2014 or 2013-2015)")
    return sorted(years)


def _check_year(year: int, spec: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise CompareError(f"year out of range: {spec!r} (expected {MIN_YEAR}-{MAX_YEAR})")


@dataclass
class ThemeChanges:
    """What changed in one theme across the columns. Signals are as written in the themes file."""

    theme: str
    columns: list[int]
    seen: dict[str, list[int]] = field(default_factory=dict)  # signal -> columns it occurs in
    surface: dict[str, str] = field(default_factory=dict)  # signal -> its commonest wording: "PCNs"

    @property
    def everywhere(self) -> list[str]:
        """Signals found in every column (none when there is only one column with proposals)."""
        if len(self.columns) < 2:
            return []
        return [s for s, ys in self.seen.items() if len(ys) == len(self.columns)]

    @property
    def new(self) -> dict[int, list[str]]:
        """{year: signals first found in that column}, for every column after the first."""
        out: dict[int, list[str]] = {}
        for s, ys in self.seen.items():
            if ys and ys[0] != self.columns[0]:
                out.setdefault(ys[0], []).append(s)
        return {y: out[y] for y in self.columns if y in out}

    @property
    def back(self) -> dict[int, list[str]]:
        """{year: signals found again in that column after a column without them}."""
        out: dict[int, list[str]] = {}
        index = {y: i for i, y in enumerate(self.columns)}
        for s, ys in self.seen.items():
            for prev, cur in zip(ys, ys[1:]):
                if index[cur] - index[prev] > 1:
                    out.setdefault(cur, []).append(s)
        return {y: out[y] for y in self.columns if y in out}

    @property
    def gone(self) -> list[str]:
        """Signals of the first column that the last column lacks."""
        if len(self.columns) < 2:
            return []
        first, last = self.columns[0], self.columns[-1]
        return [s for s, ys in self.seen.items() if ys[0] == first and ys[-1] != last]

    def words(self, signals: Iterable[str]) -> str:
        """The signals' wordings, each once, comma-separated."""
        return ", ".join(dict.fromkeys(self.word(s) for s in signals))

    def word(self, signal: str) -> str:
        """How a signal is shown: its commonest wording in the proposals."""
        return self.surface.get(signal, signal.lstrip("~").rstrip("*"))

    def summary(self) -> str:
        """One line: 'in every column: contracts; new in 2024: PCNs, integrated neighbourhood
        teams; back in 2024: co-location; gone by 2024: CCGs' (new signals seen again later
        say so: 'co-location (again 2024)')."""
        if not self.seen:
            return "no signals in these columns"
        parts: list[str] = []
        if len(self.columns) == 1:
            return f"only {self.columns[0]}: " + self.words(self.seen)
        every = self.everywhere
        if every:
            parts.append("in every column: " + self.words(every))
        for year, signals in self.new.items():
            words = []
            for s in signals:
                later = [str(y) for y in self.seen[s][1:]]
                words.append(self.word(s) + (f" (again {', '.join(later)})" if later else ""))
            parts.append(f"new in {year}: " + ", ".join(dict.fromkeys(words)))
        for year, signals in self.back.items():
            parts.append(f"back in {year}: " + self.words(signals))
        gone = self.gone
        if gone:
            parts.append(f"gone by {self.columns[-1]}: " + self.words(gone))
        return "; ".join(parts)

    def to_json(self) -> dict:
        return {
            "summary": self.summary(),
            "everywhere": self.everywhere,
            "new": [{"year": y, "signals": s} for y, s in self.new.items()],
            "back": [{"year": y, "signals": s} for y, s in self.back.items()],
            "gone": self.gone,
            "seen": {s: ys for s, ys in self.seen.items()},
            "wording": {s: self.word(s) for s in self.seen},
        }


class ProposalRun(Sequence[Proposal]):
    """Proposals of a ``LazyProposals`` by number (article *i*'s n-th is ``starts[i] + n``),
    in order; each article's proposals are made when one of them is first read, so a cell of
    thousands costs only what is drawn of it."""

    __slots__ = ("store", "starts", "_ids")

    def __init__(self, store: LazyProposals, starts: list[int], ids: list[int]) -> None:
        self.store, self.starts, self._ids = store, starts, ids

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, index: int) -> Proposal: ...
    @overload
    def __getitem__(self, index: slice) -> list[Proposal]: ...
    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._get(g) for g in self._ids[index]]
        return self._get(self._ids[index])

    def __iter__(self) -> Iterator[Proposal]:
        return map(self._get, self._ids)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (ProposalRun, list, tuple)):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<ProposalRun of {len(self._ids)} proposals>"

    def numbers(self) -> list[int]:
        """The proposals' numbers in their store (the same proposal has the same number in
        every run of one table)."""
        return self._ids

    def _get(self, g: int) -> Proposal:
        i = bisect_right(self.starts, g) - 1
        return self.store.proposal(i, g - self.starts[i])


@dataclass
class CompareTable:
    """Rows are themes, columns are years; ``cells[(theme_id, year)]`` lists proposals."""

    columns: list[int]
    rows: list[Theme]
    cells: dict[tuple[str, int], ProposalRun]
    changes: dict[str, ThemeChanges]
    unthemed: dict[int, ProposalRun] = field(default_factory=dict)  # proposals of no theme
    undated: int = 0  # proposals left out because their article has no date
    theme_counts: dict[str, int] = field(default_factory=dict)  # every theme's proposals, rows or not

    def cell(self, theme_id: str, year: int) -> Sequence[Proposal]:
        return self.cells.get((theme_id, year), [])

    def proposals(self) -> list[Proposal]:
        """Every proposal in the table once, in date order."""
        runs = [*self.cells.values(), *self.unthemed.values()]
        if not runs:
            return []
        numbers = sorted({g for run in runs for g in run.numbers()})
        return sorted(ProposalRun(runs[0].store, runs[0].starts, numbers), key=lambda p: p.sort_key)

    def count(self) -> int:
        """How many proposals the table holds, each once (without making them)."""
        return len({g for run in [*self.cells.values(), *self.unthemed.values()] for g in run.numbers()})

    def to_json(self) -> dict:
        return {
            "columns": list(self.columns),
            "themes": [
                {
                    "id": t.id,
                    "label": t.label,
                    "cells": [{"year": y, "proposals": [p.to_json() for p in self.cell(t.id, y)]} for y in self.columns],
                    "changes": self.changes[t.id].to_json(),
                }
                for t in self.rows
            ],
            "unthemed": [{"year": y, "count": len(self.unthemed.get(y, []))} for y in self.columns],
            "undated": self.undated,
        }


def select_themes(themes: list[Theme], theme_ids: list[str] | None) -> list[Theme]:
    """*themes* limited to *theme_ids* (in the order given); CompareError names an unknown id."""
    if not theme_ids:
        return list(themes)
    by_id = {t.id: t for t in themes}
    out = []
    for tid in theme_ids:
        if tid not in by_id:
            raise CompareError(f"unknown theme {tid!r} (known: {', '.join(by_id)})")
        if by_id[tid] not in out:
            out.append(by_id[tid])
    return out


def build_compare(
    corpus: Corpus,
    years: list[int] | None = None,
    themes: list[Theme] | None = None,
    theme_ids: list[str] | None = None,
) -> CompareTable:
    """The compare table of *corpus*; see the module docstring."""
    paused = gc.isenabled()
    gc.disable()  # hundreds of thousands of new objects over a large corpus: collecting as they come costs more
    try:
        return _build(corpus, years, themes, theme_ids)
    finally:
        if paused:
            gc.enable()


def _build(
    corpus: Corpus, years: list[int] | None, themes: list[Theme] | None, theme_ids: list[str] | None
) -> CompareTable:
    all_themes = list(themes) if themes is not None else default_themes()
    rows = select_themes(all_themes, theme_ids)
    columns = sorted(set(years)) if years else corpus.years()
    wanted = set(columns)
    articles = [a for a in corpus.articles if a.date is None or a.date.year in wanted]
    articles.sort(key=lambda a: a.sort_key)
    undated_articles = [a for a in articles if a.date is None]
    # themed with every theme, so a proposal keeps all its themes when rows are filtered;
    # proposals are numbered in date order, and made only when a cell is read
    store = LazyProposals([a for a in articles if a.date is not None], all_themes, corpus.speakers or None)
    undated = 0
    if undated_articles:
        loose = LazyProposals(undated_articles, all_themes, None)
        undated = sum(len(loose.theming(i)) for i in range(len(undated_articles)))
    counters = {t.id: _ChangeCounter(t) for t in rows}
    cells: dict[tuple[str, int], list[int]] = {}
    unthemed: dict[int, list[int]] = {}
    starts: list[int] = []
    theme_counts = dict.fromkeys((t.id for t in all_themes), 0)
    g = 0
    for i, article in enumerate(store.articles):
        year = article.date.year  # type: ignore[union-attr]
        starts.append(g)
        for themes_of, signal_text in store.theming(i):
            if not themes_of:
                unthemed.setdefault(year, []).append(g)
            for tid in themes_of:
                theme_counts[tid] = theme_counts.get(tid, 0) + 1
                counter = counters.get(tid)
                if counter is not None:
                    key = (tid, year)
                    cell = cells.get(key)
                    if cell is None:
                        cells[key] = [g]
                    else:
                        cell.append(g)
                    counter.add(year, signal_text)
            g += 1
    return CompareTable(
        columns, rows,
        {key: ProposalRun(store, starts, ids) for key, ids in cells.items()},
        {t.id: counters[t.id].changes(columns) for t in rows},
        {year: ProposalRun(store, starts, ids) for year, ids in unthemed.items()},
        undated,
        theme_counts,
    )


class _ChangeCounter:
    """A theme's signals, the years they occur in and their wordings, from its proposals
    added in date order."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.mine = set(theme.signals)
        self.seen: dict[str, list[int]] = {}
        self.wording: dict[str, dict[str, int]] = {}

    def add(self, year: int, signal_text: dict[str, str]) -> None:
        mine, seen, wording = self.mine, self.seen, self.wording
        for signal, text in signal_text.items():
            if signal not in mine:
                continue
            years = seen.get(signal)
            if years is None:
                seen[signal] = [year]
                counts = wording[signal] = {}
            else:
                if years[-1] != year:
                    years.append(year)
                counts = wording[signal]
            if text:
                counts[text] = counts.get(text, 0) + 1

    def changes(self, columns: list[int]) -> ThemeChanges:
        order = {s: i for i, s in enumerate(self.theme.signals)}
        seen = dict(sorted(self.seen.items(), key=lambda kv: (kv[1][0], order[kv[0]])))
        surface: dict[str, str] = {}
        for signal, counts in self.wording.items():
            shown: Counter = Counter()
            for text, n in counts.items():
                shown[_display(text)] += n
            if shown:
                surface[signal] = shown.most_common(1)[0][0]
        return ThemeChanges(self.theme.id, list(columns), seen, surface)


def _display(text: str) -> str:
    """'Commissioning' -> 'commissioning' (a capital only from the sentence start); 'PCNs' kept."""
    one = " ".join(text.split())
    if len(one) > 1 and one[0].isupper() and one[1:] == one[1:].lower():
        return one.lower()
    return one
