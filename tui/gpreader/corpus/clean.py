"""Turn an article's text into headline, paragraphs and reader comments.

Paragraph text is never altered beyond whitespace: the quote engine relies on it exactly.
Site furniture ("Sign in", "Register now ...") is dropped only when it is a whole line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from gpreader.corpus.model import PubDate

# Whole lines (compared case-insensitively, spaces collapsed) that are never article text.
FURNITURE: Final = frozenset(
    {
        "this site is intended for health professionals only",
        "have you registered with us yet?",
        "already registered?",
        "sign in", "sign in.", "log in", "login", "log out", "sign out", "sign up", "register",
        "log in through your institution",
        "view abstract", "view full text", "full text", "pdf", "free access",
        "request permissions", "article tools", "article metrics",
        "* for online subscription", "for online subscription",
        "advertisement", "advert", "sponsored", "sponsored content",
        "most read", "most popular", "trending", "recommended", "you might also like",
        "read more", "read more:", "continue reading", "show more",
        "share", "share this", "share this article", "share this story", "share on facebook",
        "share on twitter", "share on linkedin", "share via email", "tweet", "email", "print",
        "print this article", "email this article",
        "related articles", "related content", "related stories", "related news",
        "subscribe", "subscribe now", "newsletter",
        "skip to content", "skip to main content", "back to top", "menu", "search",
        "leave a comment", "add a comment", "add comment", "post a comment", "jump to comments",
        "load more comments", "view comments",
    }
)
# Short lines starting so are furniture ("Register now to enjoy more articles ...").
FURNITURE_PREFIXES: Final = (
    "register now", "click here to ", "click here for ", "sign up for ", "sign up to ",
    "subscribe to ", "follow us on ", "read more: ", "you have read ", "to read this article",
    "log in or register", "please log in", "please sign in",
)
MAX_FURNITURE_PREFIX_LINE: Final = 150
# A line that opens the reader comments: "Readers' comments (5)", "Comments (12)", "5 comments".
COMMENTS_MARKER: Final = re.compile(
    r"^(?:readers?['’]? comments?|comments|\d+ comments?)(?: ?\(\d+\))?:?$", re.IGNORECASE
)
CITE_LINE: Final = re.compile(r"^cite this as:\s*(?P<citation>\S.*)$", re.IGNORECASE)
CITE_IN_HEADER: Final = re.compile(r"Cite this as:\s*(\S.*)$")
PUBLISHED: Final = re.compile(r"\(Published (?P<date>\d{1,2} [A-Za-z]+ \d{4})\)")
JOURNAL_HEAD: Final = re.compile(r"^(?P<journal>[A-Z][A-Za-z .]*?)\s+\d{4};")
NUMBERED: Final = re.compile(r"^\d+\.\s+(?P<rest>\S.*)$")
LIST_ITEM: Final = re.compile(r"^(?:\d+[.)]?|[-*•–—])\s")
SENTENCE_END: Final = re.compile(r"[.!?…:][’”'\")\]]*$")
ENDS_ON_PUNCTUATION: Final = re.compile(r"[.,;:]$")
MAX_HEADLINE: Final = 200
MAX_WRAP_WIDTH: Final = 120
MONTHS: Final = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"), start=1)}


@dataclass
class Cleaned:
    headline: str
    paragraphs: list[str]
    comments: list[str] = field(default_factory=list)
    meta: dict = field(default_factory=dict)  # facts found in the text (citation, author, date ...)
    warnings: list[str] = field(default_factory=list)


def clean_article(text: str, meta: dict | None = None, plain_spaces: bool = False, single_spaced: bool = False) -> Cleaned:
    """Split *text* (already normalised by ``read_text``) into headline, paragraphs, comments.

    *meta* may give ``headline`` and ``comments_start`` (see catalog.py). *plain_spaces*: the
    caller knows that the only whitespace of *text* is the space and the line end
    (``text.text_and_spacing`` tells), which is then not looked for in it; *single_spaced*:
    the caller knows that *text* holds no doubled space (``text_and_spacing`` tells too).
    """
    meta = meta or {}
    found: dict = {}
    lines = [line.strip() for line in text.split("\n")]
    if "(Published " in text:  # else no line has it: no journal block
        lines = _take_journal_block(lines, found)
    lines = _drop_furniture(lines, found, plain_spaces or _plain_spaces(text), not single_spaced and "  " in text)
    lines = _drop_repeats(lines)
    uses_blanks = len(_blocks(lines)) > 1
    headline, lines = _take_headline(lines, meta.get("headline"), uses_blanks)
    paragraphs = _paragraphs(lines, uses_blanks)
    paragraphs, comments, warnings = _split_comments(paragraphs, meta.get("comments_start"))
    return Cleaned(headline, paragraphs, comments, found, warnings)


def _spaced(line: str) -> str:
    """*line* with every run of whitespace one space, none at the ends."""
    return " ".join(line.split())


# Whitespace but the plain space and the line end: every other character str.split splits on.
ODD_SPACES: Final = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def _plain_spaces(text: str) -> bool:
    """True when the only whitespace of *text* is the space and the line end, as a text from
    ``read_text`` almost always is: then a stripped line with no doubled space is its own
    ``_spaced`` (it is not split and joined again). (One ``in`` per character: each a memchr,
    where a regex of them all tests every character against the set.)"""
    for space in ODD_SPACES:
        if space in text:
            return False
    return True


def _squash(line: str) -> str:
    return _spaced(line).casefold()


# no line longer than this is furniture (casefolding never shortens a line)
_LONGEST_FURNITURE: Final = max(MAX_FURNITURE_PREFIX_LINE, *map(len, FURNITURE))


def is_furniture(line: str) -> bool:
    """True when the whole *line* is site furniture, not article text."""
    return _is_spaced_furniture(_spaced(line))


# a longer line is never a FURNITURE line, only one that starts with a FURNITURE_PREFIX
_LONGEST_WHOLE: Final = max(map(len, FURNITURE))
_LONGEST_PREFIX: Final = max(map(len, FURNITURE_PREFIXES))
# ASCII characters no FURNITURE_PREFIXES line starts with: an ASCII character casefolds to
# itself in lower case, one character, so a line starting with one of these is no such line
_NOT_PREFIX_START: Final = frozenset(
    c for c in map(chr, range(128)) if c.casefold() not in {p[0] for p in FURNITURE_PREFIXES}
)


_PREFIX_FIRST: Final = frozenset(p[0] for p in FURNITURE_PREFIXES)


def _is_spaced_furniture(joined: str) -> bool:
    """``is_furniture`` of a line that is its own ``_spaced``."""
    if len(joined) > _LONGEST_FURNITURE:  # a line of prose: not casefolded for nothing
        return False
    if len(joined) <= _LONGEST_WHOLE:
        key = joined.casefold()
        if key in FURNITURE:
            return True
        # (a key starts with a prefix only if it starts with the prefix's first character)
        return len(key) <= MAX_FURNITURE_PREFIX_LINE and key[:1] in _PREFIX_FIRST and key.startswith(FURNITURE_PREFIXES)
    if joined[0] in _NOT_PREFIX_START:  # most lines: not casefolded for nothing
        return False
    # Only its start is casefolded to test the prefixes: casefolding goes character by
    # character, so the start's casefold is the start of the line's (and never shorter).
    if not joined[:_LONGEST_PREFIX].casefold().startswith(FURNITURE_PREFIXES):
        return False
    return len(joined.casefold()) <= MAX_FURNITURE_PREFIX_LINE


def _take_journal_block(lines: list[str], found: dict) -> list[str]:
    """Turn a journal header (BMJ style) and its numbered author lines into metadata."""
    for i, line in enumerate(lines):
        published = "(Published " in line and PUBLISHED.search(line)
        if not published:
            continue
        cited = CITE_IN_HEADER.search(line)
        if not (cited or "doi" in line.casefold()):
            continue
        if cited:
            found["citation"] = cited.group(1).strip()
        journal = JOURNAL_HEAD.match(line)
        if journal:
            name = journal.group("journal").strip()
            found["outlet"] = "The BMJ" if name == "BMJ" else name
        date = _published_date(published.group("date"))
        if date:
            found["date"] = date
            found.setdefault("evidence", {})["date"] = f"Printed in the article: “{published.group(0)[1:-1]}”."
        end = i + 1
        authors = []
        while end < len(lines) and (numbered := NUMBERED.match(lines[end])):
            rest = numbered.group("rest")
            if not rest[0].isdigit():  # "1. 1The BMJ" is an affiliation
                authors.append(rest)
            end += 1
        if authors:
            found["author"] = ", ".join(authors)
        return lines[:i] + lines[end:]
    return lines


def _published_date(value: str) -> PubDate | None:
    day, month, year = value.split()
    number = MONTHS.get(month.casefold())
    if number is None:
        return None
    try:
        return PubDate.parse(f"{year}-{number:02d}-{int(day):02d}", "day", False)
    except ValueError:
        return None


def _drop_furniture(lines: list[str], found: dict, plain: bool, doubled: bool) -> list[str]:
    """*lines* (stripped) without furniture and citation lines. *plain*: their only whitespace
    is the space (``_plain_spaces``), so a line is its own ``_spaced`` unless it holds a doubled
    space, looked for only if the text has one (*doubled*; most often an indent, stripped)."""
    kept = []
    for line in lines:
        # only 'c' and 'C' match its 'c' (a tuple: an empty line's "" is not in it, where it
        # is in the str "cC", and CITE_LINE was tried on every blank line)
        cite = CITE_LINE.match(line) if line[:1] in ("c", "C") else None
        if cite:
            found.setdefault("citation", cite.group("citation").strip())
            continue
        spaced = plain and not (doubled and "  " in line)
        if line and (_is_spaced_furniture(line) if spaced else is_furniture(line)):
            continue
        kept.append(line)
    return kept


def _drop_repeats(lines: list[str]) -> list[str]:
    """A line printed twice in a row (a photo caption) is kept once."""
    return [line for i, line in enumerate(lines) if not (line and i and line == lines[i - 1])]


def looks_like_headline(line: str) -> bool:
    return (
        0 < len(line) < MAX_HEADLINE
        and len(line.split()) >= 3
        and not line[0].islower()
        and not ENDS_ON_PUNCTUATION.search(line)
    )


def _take_headline(lines: list[str], given: str | None, uses_blanks: bool) -> tuple[str, list[str]]:
    """The given headline (dropping the same first line), or a first line that looks like one."""
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None:
        return (given or "", lines)
    line = lines[first]
    if given:
        same = _squash(line).rstrip(".") == _squash(given).rstrip(".")
        return (given, lines[first + 1:] if same else lines)
    alone = first + 1 >= len(lines) or lines[first + 1] == "" or not uses_blanks
    others = any(lines[first + 1:])
    if alone and others and looks_like_headline(line):
        return (line, lines[first + 1:])
    return ("", lines)


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _paragraphs(lines: list[str], uses_blanks: bool) -> list[str]:
    """One paragraph per line, unless the file is hard-wrapped prose in blank-line blocks."""
    blocks = _blocks(lines)
    multi = [b for b in blocks if len(b) > 1]
    wrapped = (
        uses_blanks
        and multi
        and all(len(line) <= MAX_WRAP_WIDTH for b in multi for line in b)
    )
    if not wrapped:
        return [line for b in blocks for line in b]
    paragraphs: list[str] = []
    for block in blocks:
        paragraphs += _unwrap(block)
    return paragraphs


def _unwrap(block: list[str]) -> list[str]:
    """Join a block's wrapped lines; a line that ends a sentence, or a list item, starts anew."""
    paragraphs: list[list[str]] = [[block[0]]]
    for before, line in zip(block, block[1:]):
        if SENTENCE_END.search(before) or LIST_ITEM.match(line):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return [_join(parts) for parts in paragraphs]


def _join(parts: list[str]) -> str:
    out = parts[0]
    pieces = [parts[0]]
    for part in parts[1:]:
        hyphen = len(out) > 1 and out.endswith("-") and out[-2].isalpha()
        pieces.append(part if hyphen else " " + part)
        out = part
    return "".join(pieces)


def _split_comments(
    paragraphs: list[str], start: str | None
) -> tuple[list[str], list[str], list[str]]:
    warnings: list[str] = []
    if start:
        wanted = _squash(start)
        for i, paragraph in enumerate(paragraphs):
            if paragraph.startswith(start) or _squash(paragraph).startswith(wanted):
                return paragraphs[:i], paragraphs[i:], []
        warnings.append(f"comments_start {start!r} matches no paragraph")
    for i, paragraph in enumerate(paragraphs):
        if _may_be_comments_marker(paragraph) and COMMENTS_MARKER.match(_squash(paragraph)):
            return paragraphs[:i], paragraphs[i + 1:], warnings
    return paragraphs, [], warnings


def _may_be_comments_marker(paragraph: str) -> bool:
    """False when *paragraph* cannot match COMMENTS_MARKER once squashed: it would not end
    on 't', 's', ')' or ':' ("comment", "comments", "(12)", "Comments:"). Spares squashing
    every paragraph; the last character is casefolded as _squash does ('ſ' ends in 's')."""
    last = paragraph.rstrip()[-1:]
    if last.isascii():  # its casefold is its lower case
        return last in "tsTS):"
    return last.casefold()[-1:] in "ts):"
