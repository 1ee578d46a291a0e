"""Find quotation spans in paragraphs of British news prose.

The hard part is the single curly mark: ’ closes a quotation *and* is the apostrophe
(don’t, England’s, GPs’). Straight ' and " mix with curly marks in one quotation; a
quotation may run over several paragraphs (each new paragraph reopens it); an opening
mark may be missing; a closing mark may be glued to the next word (…country?’He added).

Everything here is linear in the length of a paragraph: one pass to classify marks, one
pass with a small stack to pair them.
"""

from __future__ import annotations

import re
from typing import Final
from dataclasses import dataclass

DOUBLE_OPEN: Final = "“„‟"
DOUBLE_CLOSE: Final = "”"
SINGLE_OPEN: Final = "‘‛"
SINGLE_CLOSE: Final = "’"
ALL_MARKS: Final = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'"
OPENING_CONTEXT: Final = " \t\n([{—–-/:;,"  # what may stand before an opening mark
_MARK_CHARS: Final = tuple(ALL_MARKS)  # each of them once, made once (see _positions)
MARK_RE: Final = re.compile("[" + re.escape(ALL_MARKS) + "]")
MAX_MARKS: Final = 400  # bound on marks considered per paragraph (pathological input)
ELISION: Final = re.compile(r"\d\ds\b|em\b|til\b")  # after an opening mark: ‘90s, ‘em, ‘til
COLON: Final = re.compile(r":\s+")


# The dataclasses here write their own __init__ (init=False): compiled, it is a native call;
# the one dataclass generates is interpreted Python, called with a tuple and a dict of the
# arguments (some 1,500-3,000 instructions a construction). The same fields, eq and repr.
@dataclass(init=False)
class Span:
    """A quoted stretch of one paragraph; ``text = paragraph[start:end]``."""

    paragraph: int
    start: int
    end: int
    open_at: int | None  # index of the opening mark, None when it is missing
    close_at: int | None  # index of the closing mark, None when it runs to the paragraph end
    group: int = 0
    part: int = 0
    kind: str = "full"

    def __init__(
        self,
        paragraph: int,
        start: int,
        end: int,
        open_at: int | None,
        close_at: int | None,
        group: int = 0,
        part: int = 0,
        kind: str = "full",
    ) -> None:
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.open_at = open_at
        self.close_at = close_at
        self.group = group
        self.part = part
        self.kind = kind


@dataclass(init=False)
class _Mark:
    pos: int
    family: str  # "d" double, "s" single
    role: str  # "open", "close", "either", "apos"

    def __init__(self, pos: int, family: str, role: str) -> None:
        self.pos = pos
        self.family = family
        self.role = role


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def char_positions(text: str, chars: str) -> list[int]:
    """Where any of *chars* is in *text*, in order: str's search for each character (one
    the text cannot hold is turned down at once), quicker than a regex's character class."""
    return _positions(text, tuple(chars))


def _positions(text: str, chars: tuple[str, ...]) -> list[int]:
    """``char_positions`` of the characters *chars* (a tuple: iterating a str makes a new
    string of each character outside Latin-1, such as the curly quotation marks)."""
    found: list[int] = []
    for ch in chars:
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    found.sort()
    return found


def _mark_positions(par: str) -> list[int]:
    """Where MARK_RE matches in *par*, in order."""
    return _positions(par, _MARK_CHARS)


def _positions_by_paragraph(paragraphs: list[str]) -> list[list[int]]:
    """``_mark_positions`` of each of *paragraphs*, each searched only for the marks that
    their text as a whole holds (most articles use three or four of the 13): a mark not in
    the article is in none of its paragraphs, and a search costs some 190 instructions even
    when it finds nothing."""
    text = "\n".join(paragraphs)
    present = tuple([ch for ch in _MARK_CHARS if ch in text])
    # an ASCII paragraph (str.isascii reads a flag) holds only the straight marks
    straight = tuple([ch for ch in present if ch == '"' or ch == "'"])
    return [_positions(par, straight if par.isascii() else present) for par in paragraphs]


def _classify(par: str) -> list[_Mark]:
    return _classify_at(par, _mark_positions(par))


def _classify_at(par: str, positions: list[int]) -> list[_Mark]:
    """``_classify(par)``, given ``_mark_positions(par)``."""
    marks: list[_Mark] = []
    n = len(par)
    for i in positions:
        ch = par[i]
        before = par[i - 1] if i > 0 else " "
        after = par[i + 1] if i + 1 < n else " "
        # (the slices read only beside an "n": each three characters hold one in the middle)
        if (after == "n" and par[i : i + 3] in ("’n’", "'n'")) or (
            before == "n" and i > 1 and par[i - 2 : i + 1] in ("’n’", "'n'")
        ):
            continue  # rock ’n’ roll
        if ch in DOUBLE_OPEN:
            marks.append(_Mark(i, "d", "open"))
        elif ch in DOUBLE_CLOSE:
            marks.append(_Mark(i, "d", "close"))
        elif ch == '"':
            if before in OPENING_CONTEXT or before in DOUBLE_OPEN + SINGLE_OPEN:
                role = "open" if not after.isspace() else "either"
            elif after.isspace() or after in ".,;:!?)]—–-'’" or i + 1 == n:
                role = "close"
            else:
                role = "either"
            marks.append(_Mark(i, "d", role))
        elif ch in SINGLE_OPEN:
            # ‘90s, ‘em: an elision, not a quotation
            if _elision_after(par, i, after):
                continue
            marks.append(_Mark(i, "s", "open"))
        else:  # ’ or '
            if _is_word(before) and _is_word(after):
                continue  # don’t, England’s, O’Brien
            if ch == "'" and (before in OPENING_CONTEXT or before in DOUBLE_OPEN + SINGLE_OPEN) and not after.isspace():
                if _elision_after(par, i, after):
                    continue
                marks.append(_Mark(i, "s", "open"))
                continue
            if before.isspace() or i == 0:
                # a mark standing before a word with a space before it: opening (straight) or stray
                marks.append(_Mark(i, "s", "open" if ch == "'" and not after.isspace() else "either"))
                continue
            if (before == "s" or before == "S") and _is_word(par[i - 2] if i > 1 else " ") and after.isspace():
                # GPs’ contract — or the end of ‘…the GPs’ said X. Decide when pairing.
                marks.append(_Mark(i, "s", "apos"))
                continue
            marks.append(_Mark(i, "s", "close"))
    return marks


def _elision_after(par: str, i: int, after: str) -> bool:
    """``ELISION.match(par[i + 1 : i + 5])``; *after* is ``par[i + 1]`` (a space past the
    end). ELISION starts on a digit, an 'e' or a 't': other marks (most) need no slice and
    no regex call. (str.isdigit holds for every \\d, and a space for none.)"""
    if after == "e" or after == "t" or after.isdigit():
        return ELISION.match(par[i + 1 : i + 5]) is not None
    return False


def _later_close(marks: list[_Mark], k: int, family: str) -> bool:
    """Is there a plain closing mark of *family* after marks[k] before the next opening?"""
    for m in marks[k + 1 :]:
        if m.family != family:
            continue
        if m.role == "open":
            return False
        if m.role in ("close", "either"):
            return True
    return False


def _missing_open_start(par: str, close_at: int) -> int:
    """Where a quotation whose opening mark is missing begins: after 'said:' or a colon."""
    head = par[:close_at]
    m = None
    for m in COLON.finditer(head):
        pass
    if m is not None:
        return m.end()
    return 0


def _strip(par: str, start: int, end: int) -> tuple[int, int]:
    while start < end and par[start].isspace():
        start += 1
    while end > start and par[end - 1].isspace():
        end -= 1
    return start, end


def find_spans(paragraphs: list[str]) -> list[Span]:
    """Every top-level quotation in *paragraphs*, split at paragraph boundaries."""
    spans: list[Span] = []
    group = -1
    carry = False  # the previous paragraph ended inside a quotation
    positions = _positions_by_paragraph(paragraphs)
    for p, par in enumerate(paragraphs):
        marks = _classify_at(par, positions[p])
        if len(marks) > MAX_MARKS:  # (a copy of the list only then)
            marks = marks[:MAX_MARKS]
        stack: list[_Mark] = []
        top_start: int | None = None  # content start of the open top-level quote
        top_open: int | None = None
        continuing = False
        part = 0
        lead = len(par) - len(par.lstrip())
        carried, carry = carry, False
        if carried and marks and marks[0].pos == lead and marks[0].role in ("open", "either"):
            continuing = True  # the British convention: a new paragraph reopens
        for k, mark in enumerate(marks):
            role = mark.role
            if role == "either":
                # a straight or stray mark: close an open quote of its family, else open
                role = "close" if any(s.family == mark.family for s in stack) else "open"
            if role == "apos":
                if stack and stack[-1].family == mark.family and not _later_close(marks, k, mark.family):
                    role = "close"
                else:
                    continue
            if role == "open":
                if not stack:
                    top_start, top_open = mark.pos + 1, mark.pos
                    if not (continuing and mark.pos == lead):
                        group += 1
                        part = 0
                    else:
                        part = spans[-1].part + 1 if spans else 0
                    stack.append(mark)
                elif stack[-1].family != mark.family:
                    stack.append(mark)  # nested quotation
                else:
                    # same family reopened without closing: treat the earlier as the close of nothing
                    stack.append(mark)
                continue
            # a closing mark
            if not stack:
                if mark.family == "s" and par[mark.pos - 1 : mark.pos].isalpha() and mark.pos + 1 < len(par) and par[mark.pos + 1] == " ":
                    continue  # most likely an apostrophe (GPs’ , Jones’ )
                start = _missing_open_start(par, mark.pos)
                if carried and start == 0 and spans:
                    part = spans[-1].part + 1  # the reopening mark of a continued quote is missing
                else:
                    group += 1
                    part = 0
                carried = False
                s, e = _strip(par, start, mark.pos)
                if e > s:
                    spans.append(Span(p, s, e, None, mark.pos, group, part))
                continue
            # pop to the nearest opener of this family
            idx = next((j for j in range(len(stack) - 1, -1, -1) if stack[j].family == mark.family), None)
            if idx is None:
                continue  # a closing mark of a family not open here: an apostrophe or a stray
            if idx == 0:
                s, e = _strip(par, top_start or 0, mark.pos)
                if e > s:
                    spans.append(Span(p, s, e, top_open, mark.pos, group, part))
                stack.clear()
                top_start = None
            else:
                del stack[idx:]
        if stack and top_start is not None:
            s, e = _strip(par, top_start, len(par))
            if e > s:
                spans.append(Span(p, s, e, top_open, None, group, part))
                carry = True
    for span in spans:
        span.kind = classify_kind(paragraphs[span.paragraph], span)
    _unify_group_kinds(spans)
    return spans


SENTENCE_END: Final = re.compile(r"[.!?…]$|[.!?][’”'\")\]]*$")
INTRODUCER: Final = re.compile(
    r"(?:^|[:.!?…]|\b(?:said|says|say|added|adds|told \w+(?: \w+)?|asked|replied|wrote|writes|continued|explained|warned|argued|insisted|stressed|noted|commented|claimed),)\s*$",
    re.IGNORECASE,
)


def _introduced(before: str) -> bool:
    """``INTRODUCER.search(before)`` for *before* without trailing whitespace: only a comma
    needs the regex (tried at every position, it is slow); nothing, or a final : . ! ? or …,
    matches it, and any other final character cannot."""
    if not before or before[-1] in ":.!?…":
        return True
    return before[-1] == "," and INTRODUCER.search(before) is not None


ENDS_ON_FUNCTION_WORD: Final = re.compile(r"\b(?:the|a|an|of|to|that)$", re.I)
INNER_PUNCTUATION: Final = re.compile(r"[,;:.!?]\S")


def classify_kind(par: str, span: Span) -> str:
    """full (whole sentences), partial (a clause inside reported speech), fragment (a phrase)."""
    text = par[span.start : span.end]
    if span.part > 0:
        return "full"
    at = span.open_at if span.open_at is not None else span.start
    before = par[max(0, at - 80) : at].rstrip()  # the 80 characters before (no copy of all)
    first = text.lstrip("[(…. ")[:1]
    capital = first.isupper() or first.isdigit()
    # the number of words up to 5, all that is asked of it (>= 5, <= 4): split no further
    # than the fifth word (its last piece the rest), not into every word of the quotation
    introduced = _introduced(before) or span.open_at is None
    if capital and introduced:
        return "full"
    words = len(text.split(None, 4))  # (not needed above)
    if capital and SENTENCE_END.search(text) and words >= 5 and not ENDS_ON_FUNCTION_WORD.search(before):
        return "full"
    if words <= 4 and not INNER_PUNCTUATION.search(text):
        return "fragment"
    return "partial"


def _unify_group_kinds(spans: list[Span]) -> None:
    kinds: dict[int, str] = {}
    for s in spans:
        kinds.setdefault(s.group, s.kind)
    for s in spans:
        if s.part > 0:
            s.kind = "full" if kinds[s.group] == "fragment" else kinds[s.group]
