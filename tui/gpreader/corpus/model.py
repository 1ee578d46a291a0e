"""Plain data classes shared by the engine, the CLI and the app."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from gpreader.corpus.collection import Corpus as Corpus  # in a module of its own (see there)

QUOTE_KINDS = ("full", "partial", "fragment")
SPEAKER_KINDS = ("person", "organisation", "document")
PRECISIONS = ("day", "week", "month", "year")


# English, as the articles and their citations are (calendar.month_abbr follows the locale)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


@dataclass(frozen=True)
class PubDate:
    """A publication date that knows how precisely it is known.

    ``precision`` is one of day, week, month, year. ``week`` means "the week beginning
    year-month-day". A date is never shown more precisely than it is known.
    """

    year: int
    month: int | None = None
    day: int | None = None
    precision: str = "day"
    inferred: bool = False

    @classmethod
    def parse(cls, value: str, precision: str | None = None, inferred: bool = False) -> "PubDate":
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; precision defaults to what is given."""
        parts = str(value).strip().split("-")
        if not parts or not all(p.isdigit() for p in parts) or len(parts) > 3:
            raise ValueError(f"not a date: {value!r}")
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else None
        day = int(parts[2]) if len(parts) > 2 else None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month out of range: {value!r}")
        if day is not None and not 1 <= day <= _days_in_month(year, month or 1):
            raise ValueError(f"day out of range: {value!r}")
        given = ("year", "month", "day")[len(parts) - 1]
        precision = precision or given
        if precision not in PRECISIONS:
            raise ValueError(f"unknown precision {precision!r}")
        if PRECISIONS.index(precision) < PRECISIONS.index(given) and precision != "week":
            raise ValueError(f"{value!r} is not precise enough for precision {precision!r}")
        if precision == "week" and day is None:
            raise ValueError(f"a week precision needs the week's first day: {value!r}")
        return cls(year, month, day, precision, inferred)

    def display(self) -> str:
        """'3 Oct 2014', 'Feb 2014', 'c. May 2013' (a week), '2014'."""
        if self.precision == "year" or self.month is None:
            return f"{self.year}"
        mon = MONTHS[self.month - 1]
        if self.precision == "month":
            return f"{mon} {self.year}"
        if self.precision == "week":
            return f"c. {mon} {self.year}"
        return f"{self.day} {mon} {self.year}"

    def iso(self) -> str:
        """The date to the precision known: '2014', '2014-02', '2014-06-04'."""
        if self.precision == "year" or self.month is None:
            return f"{self.year:04d}"
        if self.precision == "month" or self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __str__(self) -> str:
        return self.display()


@dataclass(slots=True)
class _QuoteFields:
    """The fields of a Quote (see there)."""

    article_id: str
    paragraph: int
    start: int
    end: int
    text: str
    kind: str = "full"
    speaker: str | None = None  # canonical speaker name, or None for unattributed
    mention: str | None = None  # the words that named the speaker: "he", "said the former RCGP chairwoman"
    group: int = 0
    part: int = 0
    index: int = 0  # position among the article's quotes
    in_comments: bool = False
    role_mention: str | None = None  # "the chief executive of NHS England", when no name was given


_TEXT = _QuoteFields.text  # the slot that holds a quote's own copy of its text


class Quote(_QuoteFields):
    """One quotation, or one paragraph's part of a quotation that runs over paragraphs.

    ``paragraph`` is a 0-based index into ``Article.paragraphs``; ``start``/``end`` are
    character offsets into that paragraph, so ``paragraphs[paragraph][start:end] == text``.
    ``text`` excludes the quotation marks. ``group`` is shared by the parts of one
    quotation continued over several paragraphs; ``part`` counts them from 0.

    A loaded quote whose text is its paragraph's slice keeps no copy of it
    (``share_text``; a quote decoded from the cache is made so, cache_codec._Flat):
    the text is sliced from the paragraph when asked for.
    """

    __slots__ = ("_within",)  # the paragraph text is sliced from, once shared
    _within: str
    if TYPE_CHECKING:
        _own_text: str | None
    else:  # the text slot under a name of its own, which the property does not hide: read and
        # set as any slot is, in a few instructions of the interpreter (cache_codec builds quotes so)
        _own_text = _TEXT

    @property
    def text(self) -> str:
        own = self._own_text
        return self._within[self.start : self.end] if own is None else own

    if TYPE_CHECKING:

        @text.setter
        def text(self, value: str) -> None: ...

    else:  # set by the slot's own setter, called from C: no Python frame for each quote made
        text = text.setter(_TEXT.__set__)

    def share_text(self, paragraph: str) -> None:
        """Read ``text`` from *paragraph* from now on, if it is ``paragraph[start:end]``."""
        own = self._own_text
        if own is not None and own == paragraph[self.start : self.end]:
            self._within = paragraph
            self._own_text = None

    def to_json(self) -> dict:
        return {
            "article": self.article_id,
            "speaker": self.speaker,
            "text": self.text,
            "kind": self.kind,
            "paragraph": self.paragraph + 1,
            "start": self.start,
            "end": self.end,
            "mention": self.mention,
            "group": self.group,
            "part": self.part,
        }


def quote_texts(quotes: list[Quote]) -> list[str]:
    """``[q.text for q in quotes]``, read in one loop of the interpreter: each quote's own
    copy, or its paragraph's slice, read from the slots as the ``text`` property reads them,
    without a call of the property (a Python frame, some 2,000 instructions) for each."""
    return [t if (t := q._own_text) is not None else q._within[q.start : q.end] for q in quotes]


@dataclass(slots=True)
class Statement:
    """A sentence of reported speech and who it reports: "Stevens set out four suggestions…".

    ``paragraph`` is 0-based; ``start``/``end`` are offsets of the sentence in it.
    """

    paragraph: int
    start: int
    end: int
    speaker: str


@dataclass(frozen=True, slots=True)
class Role:
    text: str
    article_id: str
    date: PubDate | None = None


@dataclass
class Speaker:
    """A canonical speaker across the corpus: a person, an organisation or a document."""

    name: str  # canonical, without honorific: "Simon Stevens", "NHS Confederation"
    kind: str = "person"
    honorific: str | None = None  # "Dr", "Professor", "Sir", "Dame", "Lord" ...
    aliases: set[str] = field(default_factory=set)
    roles: list[Role] = field(default_factory=list)

    @property
    def display_name(self) -> str:
        """'Professor Clare Gerada', 'Simon Stevens' (Mr, Mrs, Ms and Miss are not shown)."""
        if self.honorific and self.honorific not in ("Mr", "Mrs", "Ms", "Miss", "Mx"):
            return f"{self.honorific} {self.name}"
        return self.name

    def latest_role(self) -> Role | None:
        dated = [r for r in self.roles if r.date is not None]
        if dated:
            return max(dated, key=lambda r: r.date.sort_key)  # type: ignore[union-attr]
        return self.roles[-1] if self.roles else None

    def to_json(self, quote_count: int = 0) -> dict:
        return {
            "name": self.name,
            "kind": self.kind,
            "honorific": self.honorific,
            "aliases": sorted(self.aliases),
            "roles": [
                {"role": r.text, "article": r.article_id, "date": r.date.iso() if r.date else None}
                for r in self.roles
            ],
            "quotes": quote_count,
        }


@dataclass
class Article:
    id: str
    path: Path
    headline: str
    paragraphs: list[str]
    comments: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    outlet: str | None = None
    date: PubDate | None = None
    author: str | None = None
    event: str | None = None
    address: str | None = None
    citation: str | None = None  # e.g. "BMJ 2014;349:g6055"
    evidence: dict[str, str] = field(default_factory=dict)
    # speakers as this article names them (set by extract_quotes, merged by build_speakers)
    local_speakers: dict[str, "Speaker"] = field(default_factory=dict, repr=False)

    @property
    def sort_key(self) -> tuple:
        return (self.date.sort_key if self.date else (9999, 0, 0), self.id)

    def share_quote_texts(self) -> None:
        """Quotes whose text is their paragraph's slice keep no copy of it (``Quote.share_text``)."""
        pars = self.paragraphs
        for q in self.quotes:
            if not q.in_comments and 0 <= q.paragraph < len(pars):
                q.share_text(pars[q.paragraph])

    def quote_citation(self) -> str:
        """'GP, Feb 2014' — the short source used after a copied quote."""
        bits = [b for b in (self.outlet, self.date.display() if self.date else None) if b]
        return ", ".join(bits) if bits else self.id

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "headline": self.headline,
            "outlet": self.outlet,
            "date": self.date.iso() if self.date else None,
            "date_precision": self.date.precision if self.date else None,
            "date_display": self.date.display() if self.date else None,
            "author": self.author,
            "event": self.event,
            "address": self.address,
            "citation": self.citation,
            "paragraphs": len(self.paragraphs),
            "comments": len(self.comments),
            "quotes": len(self.quotes),
        }


@dataclass(frozen=True)
class LoadProblem:
    """A file that could not be read, or read only in part; shown as one line."""

    path: Path
    reason: str
    fatal: bool = True  # True: the article was skipped; False: loaded with a warning

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
