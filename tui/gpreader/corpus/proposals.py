"""Proposals: sentences that say something could, should, will or must change, and who says so.

A proposal is found per *unit*: a sentence of an article's body (never its headline, a photo
caption or reader comments), split with ``attribution.sentences`` and then mended: a break
before a lower-case word or an ellipsis is undone ("different contractual elements... put
forward by"), and a very short sentence that ends on an auxiliary, leaving its verb to the one
before ("I don't think we should.", "It's about time we did"), stays with it.

A unit is a proposal when it has a *trigger* (see ``TRIGGERS``): a modal with a verb (could,
should, would, will, must, might, need to, have to, got to, going to ...), or words of calling,
planning and suggesting (call for, plan to, propose, recommend, suggest, urge, envisage, what
if, it is time to, is looking at, want to see, the only way, only if, it is important that,
let's ...). A modal is not a trigger in a past counterfactual ("may have been", "would have
seen") or when it only foresees obstacles ("there would be contractual issues").

Quoted or reported: a reporting frame around a quotation ("He told delegates: ‘…",
"…,’ he said.") is set aside; a unit is then *quoted* when at least half of its letters lie
inside full or partial quotations (fragments — scare quotes — do not count), and its text is
the quoted words without the frame.

Proponent, in order: the speaker of the quotation that holds a quoted unit; the speaker of the
reported-speech statement (``Article.statements``) that holds it; the speaker of a quotation
inside it; a named organisation, document or known person that opens the clause ("the
Department of Health this week launched plans ..."); the proponent of the sentence before in
the same paragraph ("These were to stabilise ..." after "Stevens set out four suggestions");
else None.
"""

from __future__ import annotations

import re
import struct
import sys
import weakref
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Final, NamedTuple

from gpreader.corpus.attribution import _trie, same_org, sentences
from gpreader.corpus.compiled import mypyc_attr
from gpreader.corpus.model import Article, Corpus, PubDate, Quote, Speaker, Statement
from gpreader.corpus.names import classify, classify_kind
from gpreader.corpus.themes import Theme, ThemeMatcher, default_matcher, default_themes, matcher_for

SHORT_MAX: Final = 90
JOIN_MAX_WORDS: Final = 7  # at most this many words, ending on an auxiliary: stays with the one before

# -- triggers --------------------------------------------------------------------------------
_ADVERBS: Final = (
    r"not|also|still|then|therefore|necessarily|just|only|now|all|really|certainly|perhaps|"
    r"possibly|probably|either|even|soon|eventually|instead|ever|actually|simply|increasingly|"
    r"clearly|definitely|undoubtedly|quickly|urgently|gradually|in\s+future|in\s+time"
)
_MODAL: Final = (
    r"(?:could|should|would|will|must|might|shall|ought\s+to|needs?\s+to|needed\s+to|"
    r"has\s+to|have\s+to|had\s+to|(?:'ve|have|has)\s+got\s+to|got\s+to|gotta|going\s+to|"
    r"were\s+to|(?:could|should|would|must|wo|might|sha)n't|'ll)"
)
_MARKS: Final = "'\"“”"
_NOT_VERBS: Final = r"(?:to|of|the|a|an|and|or|in|on|for|with|by|from|at|as|than|which|that)"
MODAL_VERB: Final = rf"(?P<modal>{_MODAL})(?:\s+(?:{_ADVERBS}))*\s+(?!{_NOT_VERBS}\b)[{_MARKS}]?(?P<verb>[a-z][\w']*)"

LEXICAL: Final = [
    r"call(?:s|ed|ing)?\s+(?:for|on)\b",
    r"needs?\s+(?:\d[\d,.]*\s+)?(?:more|less|fewer|greater|better|new|a|an|urgent|radical|major)\b",
    r"plan(?:s|ned|ning)?\s+(?:to|for)\b",
    r"propos(?:e|es|ed|ing|al|als)\b",
    r"recommend\w*",
    r"suggest(?:s|ed|ing|ion|ions)?\b",
    r"urg(?:e|es|ed|ing)\b",
    r"envisag\w*",
    r"what\s+if\b",
    r"(?:it's|it\s+is|it\s+was)\s+(?:about\s+|high\s+|now\s+|surely\s+)?time\s+(?:to|for|we|that)\b",
    r"(?:is|are|was|were|been|being|be|am|'s|'re)\s+(?:\w+\s+)?(?:considering|considered|looking\s+at|exploring|"
    r"examining|reviewing|preparing\s+to|trying\s+to|aiming\s+to|seeking\s+to|working\s+towards|"
    r"continuing\s+to\s+look\s+at)\b",
    r"to\s+(?:look\s+at|consider|explore|examine)\b",
    r"(?:want(?:s|ed)?|like)\s+to\s+see\b",
    r"(?:aspirations?|ambitions?|aims?|intentions?|vision|goals?|drive|push|bid)\s+(?:to|for)\b",
    r"(?:put|puts|putting)\s+forward\b",
    r"(?:it\s+is|it's|is|are|was|were|be|been)\s+(?:\w+\s+)?(?:important|vital|essential|crucial|imperative|"
    r"necessary|critical|needed|required)\s+(?:for|that|to)\b",
    r"the\s+only\s+(?:way|option|solution|answer|route)\b",
    r"(?:only\s+if|unless|as\s+long\s+as|provided\s+that)\b",
    r"(?:can't|cannot|can\s+not)\s+(?:just|simply|continue|go\s+on|afford|carry\s+on|be\s+allowed)\b",
    r"(?:it's|it\s+is)\s+(?:just\s+|simply\s+|only\s+)?a\s+(?:matter|question)\s+of\b",
    r"so\s+that\s+(?:\w+\s+){0,3}?(?:can|could|will|would)\b",
    r"requir(?:e|es|ing)\s+(?:more|a|an|changes?|new|greater|better|further|significant|urgent|radical)\b",
    r"there(?:\s+is|'s)\s+no\s+reason\s+(?:why|not)\b",
    r"let(?:'s|\s+us)\s+(?!say\b|suppose\b|imagine\b|be\b|face\b|remember\b|hope\b|look\b|see\b)\w+",
]
# Every trigger's first character: tried first, it fails at once where no trigger can start
# (after a word, before f, j, k, q, x, y, z), which the word boundary alone does not, as the
# regex engine walks every alternative there. A test checks the set against the alternatives.
TRIGGER_FIRST: Final = "abcdeghilmnoprstuvw'"
TRIGGER_ALTERNATIVES: Final = "|".join([MODAL_VERB, *(f"(?:{p})" for p in LEXICAL)])
# How every trigger begins (each alternative above opens with one of these), tried as a letter
# trie before the alternatives: at most words ("the", "be", "practices") it fails within a
# letter or two, where the alternatives would each be tried. A test checks it against them.
TRIGGER_HEADS: Final = (
    r"could should would will must might shall ought need has\s+to has\s+got have\s+to have\s+got had\s+to "
    r"'ve\s+got got\s+to gotta going\s+to were\s+to won't shan't 'll "  # the modals
    r"call plan propos recommend suggest urg envisag what\s+if it's it\s+is it\s+was is\s+ are\s+ was\s+ "
    r"were\s+ been\s+ being\s+ be\s+ am\s+ 's\s+ 're\s+ to\s+look to\s+consider to\s+explore to\s+examine "
    r"want like\s+to aspiration ambition aim intention vision goal drive push bid put the\s+only only\s+if unless "
    r"as\s+long provided\s+that can't cannot can\s+not so\s+that requir there\s+is there's let's let\s+us"
).split()
_TRIGGER_HEAD: Final = _trie([re.findall(r"\\s\+|.", h) for h in TRIGGER_HEADS])
TRIGGERS: Final = re.compile(rf"\b(?=[{TRIGGER_FIRST}])(?={_TRIGGER_HEAD})(?:{TRIGGER_ALTERNATIVES})", re.IGNORECASE)
OPENER: Final = re.compile(r"^\W*(?:perhaps|maybe|possibly)\b", re.IGNORECASE)  # "Perhaps taking …"
# a modal that only looks back, or only foresees obstacles, proposes nothing
PAST: Final = re.compile(r"^(?:could|should|would|might|must|may)(?:n't)?(?:\s+not)?$", re.I)
PAST_VERB: Final = re.compile(r"^\s*(?:been|[a-z]+ed|[a-z]+en|done|had|made|seen|gone|got)\b", re.I)
OBSTACLES: Final = re.compile(  # "there" first, its word boundary after: the engine skips to the literal
    r"there(?<!\wthere)\s+(?:would|will|could|might|may)\s+(?:also\s+|still\s+|obviously\s+)?be\s+(?:\w+\s+){0,4}?"
    r"(?:issues|problems|risks|concerns|difficulties|challenges|questions|obstacles|barriers|hurdles)\b",
    re.IGNORECASE,
)
# news furniture, not proposals: "will speak at the conference", "could not be reached for comment"
EVENTS: Final = re.compile(
    r"^(?:speak|attend|meet|address|appear|visit|host|present|chair|thank|comment|respond|join\s+us|"
    r"be\s+(?:held|reached|joined|available|speaking|attending|published\s+on))\b",
    re.IGNORECASE,
)
# a picture's caption: "… (Photo: PA)" at the end, or "Picture: …" at the start
_CAPTION_TAIL: Final = re.compile(r"\((?:photo|picture|image|pictured)s?\b[^)]*\)\s*$", re.I)  # found by its "("
_CAPTION_HEAD: Final = re.compile(r"(?:photo|picture|image)s?\s*:", re.I)


# the first characters _CAPTION_HEAD may match in ASCII: p, i, either case (IGNORECASE also
# takes some characters outside ASCII for i: those are tried)
_CAPTION_FIRST: Final = "pPiI"


def is_caption(par: str) -> bool:
    """A picture's caption. _CAPTION_HEAD is tried only on text that opens on a character it
    may match (a regex call costs more than a paragraph's every test here)."""
    first = par[:1]
    if (first in _CAPTION_FIRST or not first.isascii()) and _CAPTION_HEAD.match(par) is not None:
        return True
    return ")" in par and _CAPTION_TAIL.search(par) is not None


_LETTER: Final = re.compile(r"[^\W\d_]")
_BRACKETED: Final = re.compile(r"\[(\w)\](?=\w)")


@dataclass(slots=True)
class Proposal:
    """One proposal sentence. ``paragraph`` is 0-based; ``paragraphs[paragraph][start:end] == text``."""

    article_id: str
    paragraph: int
    start: int
    end: int
    text: str
    short: str
    proponent: str | None
    proponent_kind: str | None  # person, organisation, document
    quoted: bool
    date: PubDate | None
    outlet: str | None
    themes: list[str] = field(default_factory=list)
    signals: list[str] = field(default_factory=list)  # as written in the themes file
    signal_text: dict[str, str] = field(default_factory=dict)  # signal -> words matched here
    trigger: str = ""  # the words that make it a proposal: "could include", "called for"
    theme_signals: dict[str, list[str]] = field(default_factory=dict)  # theme id -> its signals here

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @property
    def sort_key(self) -> tuple:
        return (self.date.sort_key if self.date else (9999, 0, 0), self.article_id, self.paragraph, self.start)

    def short_for(self, theme_id: str | None = None, limit: int = SHORT_MAX) -> str:
        """The short form for a theme's cell: ``short`` (cut to *limit*), unless that cuts off
        every signal of *theme_id*; then a window of the sentence around the first of them."""
        body = short_body(self.text, self.quoted)
        full = self.short if limit == SHORT_MAX else shorten(body, limit)
        words = [self.signal_text[s] for s in self.theme_signals.get(theme_id or "", []) if s in self.signal_text]
        if not words or any(w in full for w in words):
            return full
        places = [body.find(w) for w in words if w in body]
        return window(body, min(places), limit) if places else full

    def source(self) -> str:
        """'Pulse, 4 Jun 2014' — outlet and date, as shown in a cell."""
        bits = [b for b in (self.outlet, self.date.display() if self.date else None) if b]
        return ", ".join(bits) if bits else self.article_id

    def to_json(self) -> dict:
        return {
            "article": self.article_id,
            "paragraph": self.paragraph + 1,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "short": self.short,
            "proponent": self.proponent,
            "proponent_kind": self.proponent_kind,
            "quoted": self.quoted,
            "outlet": self.outlet,
            "date": self.date.iso() if self.date else None,
            "date_display": self.date.display() if self.date else None,
            "themes": list(self.themes),
            "signals": list(self.signals),
            "trigger": self.trigger,
        }


def _one_line(text: str) -> bool:
    """True when ``" ".join(text.split()) == text``: every whitespace character but the
    space is unprintable, so printable text is one line of single spaces unless it has
    two together or one at an end (a proposal's text mostly: no words split and joined)."""
    return text.isprintable() and "  " not in text and not text.startswith(" ") and not text.endswith(" ")


def shorten(text: str, limit: int = SHORT_MAX) -> str:
    """*text* on one line, at most *limit* characters, cut at a word boundary with '…'."""
    one = text if _one_line(text) else " ".join(text.split())
    if len(one) <= limit:
        return one
    cut = one[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:–—-") + "…"


_FRAME_VERB: Final = re.compile(
    r"\b(?:said|says|told|tells|added|adds|argued|argues|stressed|claimed|claims|warned|explained|insisted|"
    r"noted|indicated|emphasised|emphasized|pointed\s+out|acknowledged|believes|thinks|revealed|"
    r"concluded|found|finds|maintained|conceded)\b(?:\s+[^\s,.;:]+){0,3}?\s+that\s+",
    re.IGNORECASE,
)
_TAIL: Final = re.compile(
    r",\s+(?:(?:says|said|according\s+to)\s+[^,]{1,100}|[^,]{1,100}?\s+(?:has|have|had)?\s*"
    r"(?:said|says|suggested|claimed|argued|warned|added|told\s+\w+)(?:\s+(?:today|yesterday|this\s+week))?)[.]?\s*$"
)


# every _TAIL match holds one of these words as it is written (the pattern minds case)
_TAIL_WORDS: Final = ("said", "says", "according", "suggested", "claimed", "argued", "warned", "added", "told")


# how a _TAIL match of its first kind opens, and how one of its second kind ends: on one of
# these words (before a full stop and spaces), or on a word after "told"
_TAIL_OPEN: Final = re.compile(r",\s+(?:says|said|according\s+to)\s")
_TAIL_ENDS: Final = ("said", "says", "suggested", "claimed", "argued", "warned", "added", "today", "yesterday", "week")


def _may_end_a_tail(body: str) -> bool:
    """False when no _TAIL match of its second kind can end *body*: without its spaces and
    then one full stop at the end, it ends on none of _TAIL_ENDS, nor on a word after one
    ending "told"."""
    end = body.rstrip()
    if end.endswith("."):
        end = end[:-1]
    if end.endswith(_TAIL_ENDS):
        return True
    words = end.rsplit(None, 2)
    return len(words) >= 2 and words[-2].endswith("told")


def _tail(body: str) -> re.Match[str] | None:
    """``_TAIL.search(body)``. No comma follows the comma a match opens on, so a match
    opens on the last comma: the regex is tried there alone, and only when one of its
    words follows it, and it opens or ends as a match must."""
    comma = body.rfind(",")
    if comma < 0:
        return None
    for word in _TAIL_WORDS:  # first: cheaper than a regex call, and as needed
        if body.find(word, comma) >= 0:
            break
    else:
        return None
    if _TAIL_OPEN.match(body, comma) is None and not _may_end_a_tail(body):
        return None
    return _TAIL.search(body, comma)


# the most whitespace-separated chunks a _FRAME_VERB match has before its "that": "pointed
# out", then three words
_FRAME_LEAD: Final = 5


def _frame_verb(low: str) -> re.Match[str] | None:
    """``_FRAME_VERB_LOWER.search(low)``, searched only from five chunks before the first
    "that" (every frame ends on one, at most _FRAME_LEAD chunks after its verb) up to the
    spaces after the last: the regex costs some 250 instructions a character it passes,
    and most text before and after a reporting frame is none (a test)."""
    first = low.find("that")
    if first < 0:
        return None
    end = low.rfind("that") + 4
    size = len(low)
    while end < size and low[end].isspace():
        end += 1
    start = first
    while start > 0 and not low[start - 1].isspace():
        start -= 1
    for _ in range(_FRAME_LEAD):
        while start > 0 and low[start - 1].isspace():
            start -= 1
        while start > 0 and not low[start - 1].isspace():
            start -= 1
    return _FRAME_VERB_LOWER.search(low, start, end)


def short_body(text: str, quoted: bool = False) -> str:
    """Reported speech without its frame ("X told Pulse that …", "…, the chief executive has
    said."): '…' and what was reported. Quoted text is returned as it is."""
    body = text
    if not quoted:
        tail = _tail(body)
        if tail and tail.start() > len(body) // 3:
            body = body[: tail.start()]
        head = body[: max(len(body) // 2, 1) + 40]
        low = _lowered(head)  # the lower-case twin on lower-cased text: a third of the time
        if low is not None:
            frame = _frame_verb(low)
        else:
            frame = _FRAME_VERB.search(head)
        if frame and frame.end() < len(body) * 0.6:
            body = "…" + body[frame.end() :]
    return body.strip(_TRAIL)


def short_form(text: str, quoted: bool = False, limit: int = SHORT_MAX) -> str:
    """A short form for a cell: ``short_body`` cut to *limit* at a word boundary."""
    return shorten(short_body(text, quoted), limit)


def window(body: str, at: int, limit: int = SHORT_MAX) -> str:
    """At most *limit* characters of *body* around position *at*, cut at word boundaries."""
    one = body.replace("\n", " ")
    start = max(0, at - limit // 3)
    if start > 0:
        space = one.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 else start
    piece = one[start:]
    text = shorten(piece, limit - (1 if start > 0 else 0))
    return ("…" + text.lstrip("…")) if start > 0 else text


def _norm(text: str) -> str:
    """’ as ', editorial capitals unbracketed ("[W]hat" -> "  What"); same length as *text*."""
    text = text.replace("’", "'").replace("‘", "'")
    return _BRACKETED.sub(lambda m: "  " + m.group(1), text) if "[" in text else text


# Patterns without IGNORECASE, for lower-cased text: the same matches, found about three
# times faster. Lower-casing keeps each position and what \w, \s, \d and \b see, except for
# 'İ' (two characters lower-cased), and 'ı' and 'ſ', which IGNORECASE takes for i and s:
# text with one of them is matched as it is (``_lowered`` gives None).
_TRIGGERS_LOWER: Final = re.compile(TRIGGERS.pattern)
_FRAME_VERB_LOWER: Final = re.compile(_FRAME_VERB.pattern)
_OBSTACLES_LOWER: Final = re.compile(OBSTACLES.pattern)
# EVENTS without its "^", matched at a position (it has no look-behind): the same matches as
# EVENTS on the text from there, with no copy of it made
_EVENTS_AT: Final = re.compile(EVENTS.pattern.removeprefix("^"), re.IGNORECASE)
_EVENTS_AT_LOWER: Final = re.compile(_EVENTS_AT.pattern)
# the first letter of each of EVENTS' words: on lower-cased text no other opens a match (a test)
_EVENTS_FIRST: Final = "abchjmprstv"


def _lowered(text: str) -> str | None:
    """*text* lower-cased, when a pattern's lower-case twin finds in it what the pattern with
    IGNORECASE finds in *text*; else None."""
    low = text.lower()
    return low if len(low) == len(text) and "ı" not in text and "ſ" not in text else None


# Words of which every trigger holds one, as a run of letters (a-z) of its own: alone (ANY),
# or just before one of the words given (NEXT: "has to", "plans for") or just after (PREV:
# "to see", "no reason"); "recommend…" and "envisag…" are looked for as they are. Lower-cased
# text without any of them holds no trigger: a fifth of the cost of TRIGGERS telling so, for
# the third of units that have none (and more for text outside ASCII, which it reads slower). A test checks them against every trigger alternative.
_TRIGGER_ANY: Final = frozenset(
    b"could couldn should shouldn would wouldn will must mustn might mightn shall shan ought need needs needed "
    b"won ll gotta propose proposes proposed proposing proposal proposals suggest suggests suggested suggesting "
    b"suggestion suggestions urge urges urged urging considering considered exploring examining reviewing "
    b"consider explore examine unless cannot require requires requiring".split()
)
_TO_FOR: Final = frozenset((b"to", b"for"))
_TRIGGER_NEXT: Final[dict[bytes, frozenset[bytes]]] = {
    **dict.fromkeys((b"has", b"have"), frozenset((b"to", b"got"))),
    **dict.fromkeys((b"had", b"got", b"going", b"were", b"preparing", b"trying", b"aiming", b"seeking"), frozenset((b"to",))),
    **dict.fromkeys((b"call", b"calls", b"called", b"calling"), frozenset((b"for", b"on"))),
    **dict.fromkeys((b"plan", b"plans", b"planned", b"planning"), _TO_FOR),
    b"what": frozenset((b"if",)),
    b"time": frozenset((b"to", b"for", b"we", b"that")),
    b"looking": frozenset((b"at",)),
    b"look": frozenset((b"at",)),
    b"working": frozenset((b"towards",)),
    **dict.fromkeys(
        b"aspiration aspirations ambition ambitions aim aims intention intentions vision goal goals drive push bid".split(),
        _TO_FOR,
    ),
    **dict.fromkeys(
        b"important vital essential crucial imperative necessary critical required".split(),
        frozenset((b"for", b"that", b"to")),
    ),
    b"only": frozenset((b"if", b"way", b"option", b"solution", b"answer", b"route")),
    b"long": frozenset((b"as",)),
    b"provided": frozenset((b"that",)),
    b"can": frozenset((b"t", b"not")),
    **dict.fromkeys((b"matter", b"question"), frozenset((b"of",))),
    b"so": frozenset((b"that",)),
    b"let": frozenset((b"s", b"us")),
}
_TRIGGER_PREV: Final[dict[bytes, frozenset[bytes]]] = {
    b"see": frozenset((b"to",)),
    b"forward": frozenset((b"put", b"puts", b"putting")),
    b"reason": frozenset((b"no",)),
}
_LETTER_RUNS: Final = bytes(c if 97 <= c <= 122 else 32 for c in range(256))  # all but a-z as spaces


# each trigger word: 0 alone (ANY), 1 before a word of _TRIGGER_NEXT, 2 after one of _TRIGGER_PREV
_TRIGGER_WORD: Final[dict[bytes, int]] = {
    **dict.fromkeys(_TRIGGER_PREV, 2), **dict.fromkeys(_TRIGGER_NEXT, 1), **dict.fromkeys(_TRIGGER_ANY, 0)
}
_SHAPE_MAX: Final = 15  # the longest trigger word has 11 letters (a test)


def _shape(word: bytes) -> int:
    """A word of two to _SHAPE_MAX letters a-z as a number: its first two letters and its length."""
    return ((word[0] - 97) * 26 + word[1] - 97) * 16 + len(word)


def _shapes(words: Iterable[bytes]) -> bytes:
    table = bytearray(26 * 26 * 16)
    for word in words:
        table[_shape(word)] = 1
    return bytes(table)


# 1 at the _shape of each trigger word: a word of no such shape (four words in five: "the",
# "of", "in", "practices") is none, told without hashing it for a look-up in _TRIGGER_WORD
_TRIGGER_SHAPES: Final = _shapes(_TRIGGER_WORD)


# How many whitespace-separated chunks before the chunk of its trigger word (above) a trigger
# may start: "is continuing to look at", "it is just a matter of", "there is no reason why",
# "it is now time to", "it is … important to", "is … considering", "want to see", "to consider",
# "'ve got to", "the only way"; none for the others ("could", "will", "we'll", "won't", "plans to").
_TRIGGER_LEAD: Final[dict[bytes, int]] = {
    **dict.fromkeys((b"look", b"matter", b"question"), 4),
    **dict.fromkeys(
        b"time reason needed important vital essential crucial imperative necessary critical required".split(), 3
    ),
    **dict.fromkeys(
        b"considering considered exploring examining reviewing looking preparing trying aiming seeking working see".split(),
        2,
    ),
    **dict.fromkeys(b"consider explore examine forward got long only".split(), 1),
}
# how the chunk before a trigger word ends when the word may be the "\w+" of "is … considering"
# or "it is … important to" (a trigger then starts a chunk or two before it): some words
# ending so are not these ("this"), and are taken as if they were
_BE_ENDS: Final = ("is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re")
# their last runs of letters: a chunk that starts with its trigger word follows one ending
# on one of _BE_ENDS only where the word before it is one of these (a cheaper test first)
_BE_RUNS: Final = frozenset(b"is are was were be been being am s re".split())


def _may_have_trigger(low: str) -> bool:
    """False when lower-cased *low* holds none of the trigger words (below) where a trigger
    has it: then TRIGGERS finds nothing in it."""
    return _trigger_start(low) >= 0


def _trigger_start(low: str) -> int:
    """-1 when lower-cased *low* holds none of the trigger words (above) where a trigger has
    it: then TRIGGERS finds nothing in it; else a place at or before the first match
    (``_search_start``), from which TRIGGERS finds what it finds from the start, and far
    cheaper: its search costs some 300 instructions a character before its first match.
    A character outside ASCII is never part of a
    word here (each as "?"): a trigger's words are bounded by \\b, spaces or marks, so one
    next to a letter outside ASCII is no trigger's word to TRIGGERS either (a test).
    The words are looked up once each in one dict (_TRIGGER_WORD), stopping at the first
    trigger word: cheaper than a set's isdisjoint per kind of word, each hashing them all;
    "recommend…" and "envisag…" are looked for last, as the rarest."""
    data = low.encode("ascii") if low.isascii() else low.encode("ascii", "replace")
    words = data.translate(_LETTER_RUNS).split()
    kinds = _TRIGGER_WORD
    last = len(words) - 1
    shapes = _TRIGGER_SHAPES
    for i in range(last + 1):
        word = words[i]
        n = len(word)
        if n < 2 or n > _SHAPE_MAX or not shapes[((word[0] - 97) * 26 + word[1] - 97) * 16 + n]:
            continue  # not a trigger word (_shape, written out)
        kind = kinds.get(word, -1)
        if kind == 0:
            return _search_start(low, words, i, False)
        if kind == 1:
            if i < last and words[i + 1] in _TRIGGER_NEXT[word]:
                return _search_start(low, words, i, True)
        elif kind == 2:
            if i > 0 and words[i - 1] in _TRIGGER_PREV[word]:
                return _search_start(low, words, i, True)
    return 0 if "recommend" in low or "envisag" in low else -1


def _search_start(low: str, words: list[bytes], i: int, paired: bool) -> int:
    """A place in *low* at or before its first TRIGGERS match, when ``words[i]`` is its first
    trigger word (``_trigger_start``; *paired*: one that needs a word next to it). Every
    match holds a trigger word, which no trigger word of the text comes before: the match
    starts at most _TRIGGER_LEAD chunks before the first one's chunk, or, where that one
    is the "\\w+" after "is" or "it is", two; a match of "recommend…" or "envisag…" starts
    on it (a chunk holding letters before the word's, or after one of _BE_RUNS, is checked
    for that "is"). The word is found in *low* as a whole run of letters: the first such (any
    trigger word alone is one), or one past as many as are in *words* before it."""
    word = words[i]
    w = word.decode("ascii")
    skip = words[:i].count(word) if paired else 0  # those before it: not trigger words there
    n = len(w)
    size = len(low)
    at = low.find(w)
    while True:  # the word is there: it is one of the words
        after = at + n
        if (at == 0 or not 97 <= ord(low[at - 1]) <= 122) and (after == size or not 97 <= ord(low[after]) <= 122):
            if skip == 0:
                break
            skip -= 1
        at = low.find(w, at + 1)
    start = at  # back to the start of its chunk, then over as many chunks as it may lead by
    while start > 0 and not low[start - 1].isspace():
        start -= 1
    lead = _TRIGGER_LEAD.get(word, 0)
    if lead < 2 and (start < at or (i > 0 and words[i - 1] in _BE_RUNS)):
        end = start  # its chunk may be the "\w+" of "is … considering": is "is" before it?
        while end > 0 and low[end - 1].isspace():
            end -= 1
        if end > 0 and low.endswith(_BE_ENDS, 0, end):
            lead = 2
    for _ in range(lead):
        while start > 0 and low[start - 1].isspace():
            start -= 1
        while start > 0 and not low[start - 1].isspace():
            start -= 1
    found = low.find("recommend", 0, start + 8)  # one that starts before it, even partly
    if 0 <= found < start:
        start = found
    found = low.find("envisag", 0, start + 6)
    if 0 <= found < start:
        start = found
    return start


def find_trigger(text: str) -> str | None:
    """The words that make *text* a proposal, or None."""
    norm = _norm(text)
    low = _lowered(norm)
    if low is None:
        found = _first_trigger(text, norm, TRIGGERS, OBSTACLES, _EVENTS_AT, 0)
    else:
        norm = low
        start = _trigger_start(low)
        found = _first_trigger(text, low, _TRIGGERS_LOWER, _OBSTACLES_LOWER, _EVENTS_AT_LOWER, start) if start >= 0 else None
    if found is not None:
        return found
    if low is not None and "perhaps" not in low and "maybe" not in low and "possibly" not in low:
        return None  # OPENER finds none of its words in the lower-cased text
    o = OPENER.match(norm)
    return text[o.start() : o.end()].strip() if o else None


def _first_trigger(
    text: str, norm: str, triggers: re.Pattern[str], obstacles: re.Pattern[str], events: re.Pattern[str], start: int
) -> str | None:
    """``find_trigger``'s first trigger of *text* found by *triggers* in *norm*, if any, looked
    for from *start*, at or before the first match (``_trigger_start``); *events* is EVENTS
    (or its twin) matched where the verb starts, not at a copy's start."""
    blocked: list[tuple[int, int]] | None = None  # the obstacles, found when a modal needs them
    # matches by a search from each one's end, not finditer (cheaper: no scanner or iterator);
    # no trigger matches an empty string, so these are finditer's matches
    m = triggers.search(norm, start)
    while m is not None:
        start, end = m.span()  # one call, not one per use
        if m.lastindex is not None:  # the modal's groups (no other alternative has one): an attribute, not a call
            if blocked is None:  # each obstacle holds "there" as it is written in the lower-cased text
                lower = obstacles is _OBSTACLES_LOWER
                blocked = [] if lower and "there" not in norm else [(o.start(), o.end()) for o in obstacles.finditer(norm)]
            verb = m.start("verb")
            if (
                any(a <= start < b for a, b in blocked)
                # "may have been fit for purpose", "would have seen"
                or (m.group("verb").lower() == "have" and PAST.match(m.group("modal")) and PAST_VERB.match(norm[end:]))
                or ((events is not _EVENTS_AT_LOWER or norm[verb] in _EVENTS_FIRST) and events.match(norm, verb))
            ):
                m = triggers.search(norm, end)
                continue
        if start >= 2 and text[start] == "]" and text[start - 2] == "[":
            start -= 2  # "[W]hat if"
        return text[start:end].strip()
    return None


# -- units ---------------------------------------------------------------------------------

def proposal_units(paragraph: str) -> list[tuple[int, int]]:
    """The sentences of *paragraph* as (start, end), mended; see the module docstring.
    A sentence is joined to the unit before when it has no letter or opens on a small
    letter or a mark, or when that unit has no letter. The unit is kept as two ints, not
    a list each sentence; whether it has a letter is known without looking when it began
    with a sentence after the first (that has one: it was not joined) (a test checks the
    former way)."""
    pieces = sentences(paragraph)
    if len(pieces) < 2:  # most paragraphs: one sentence, one unit
        return pieces
    out: list[tuple[int, int]] = []
    ua, ub = pieces[0]
    lettered = False  # the unit ua:ub has a letter (False: not known)
    for i in range(1, len(pieces)):
        a, b = pieces[i]
        text = paragraph[a:b]
        first = text.lstrip(" \t‘“'\"")[:1]
        if not _has_letter(text) or first.islower() or first in "….,;:":
            ub = b
        elif not lettered and not _has_letter(paragraph[ua:ub]):
            ub = b
        else:
            out.append((ua, ub))
            ua, ub = a, b
            lettered = True  # it has a letter, or it would have been joined
    out.append((ua, ub))
    return out


def _has_letter(text: str) -> bool:
    """``_LETTER.search(text) is not None``: in ASCII, a letter is A-Z or a-z, looked for
    as the text's first character (a sentence's, mostly), then by deleting every other
    byte; other text by the regex. (A regex call costs more than a sentence's bytes.)"""
    if text.isascii():
        first = text[:1]
        if first.isalpha():
            return True
        return len(text.encode("ascii").translate(None, _ASCII_NOT_LETTERS)) > 0
    return _LETTER.search(text) is not None


_NOT_LETTERS: Final = re.compile(r"[\W\d_]+")  # what _LETTER does not match
_ASCII_NOT_LETTERS: Final = bytes(c for c in range(128) if not chr(c).isalpha())  # in ASCII, _LETTER is [A-Za-z]


# the characters other than ASCII that quoted units mostly hold: none is a letter
_MARKS_NOT_LETTERS: Final = ("‘", "’", "“", "”", "–", "—", "…", "£", "\xa0")


def _letters(text: str) -> int:
    """len(_LETTER.findall(text)): ASCII text's other bytes deleted, other text's other
    characters substituted away (the regex tries its Unicode classes on every character).
    Text whose every other character is one of the marks above (curly quotes, dashes) is
    counted as ASCII text is, once they are dropped."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _ASCII_NOT_LETTERS))
    ascii = text.encode("ascii", "ignore")
    marks = 0
    for mark in _MARKS_NOT_LETTERS:
        marks += text.count(mark)
    if len(ascii) + marks == len(text):
        return len(ascii.translate(None, _ASCII_NOT_LETTERS))
    return len(_NOT_LETTERS.sub("", text))


def _coverage(par: str, a: int, b: int, quotes: list[Quote]) -> tuple[float, Quote | None]:
    """Share of the unit's letters inside full/partial quotes, and the quote holding most."""
    overlapping = [q for q in quotes if q.kind != "fragment" and q.start < b and q.end > a]
    if not overlapping:
        return 0.0, None
    total = _letters(par[a:b]) or 1
    inside = 0
    best, best_n = None, 0
    for q in overlapping:
        lo, hi = max(a, q.start), min(b, q.end)
        if lo < hi:
            n = _letters(par[lo:hi])
            inside += n
            if n > best_n:
                best, best_n = q, n
    return inside / total, best


_TAG: Final = re.compile(
    r"[’”'\"]?\s*,?\s*[’”'\"]?\s*(?:he|she|they|it|we|i|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+"
    r"(?:said|says|added|adds|told\s+\w+|insisted|argued)\s*[.!?]?\s*$",
    re.IGNORECASE,
)
_TAG_LOWER: Final = re.compile(_TAG.pattern.replace("[A-Z]", "[a-z]"))
_TAG_VERBS: Final = ("said", "says", "added", "adds", "told", "insisted", "argued")  # one is in every _TAG match
# a sentence that ends on an auxiliary leaves its verb to the sentence before:
# "I don't think we should." / "It's about time we did."
_ELLIPSIS_END: Final = re.compile(
    r"\b(?:should|could|would|will|must|can|might|shall|do|does|did|is|are|was|were|have|has|had)(?:n['’]t)?"
    r"(?:\s+not)?\s*[.!?,;:]*[’”'\"]?\s*$",
    re.IGNORECASE,
)


# the most whitespace-separated tokens a _TAG match holds: three marks or commas standing
# alone, two name words, "told Pulse", a full stop
_TAG_MAX_TOKENS: Final = 8


# in ASCII, each whitespace character (as str.split sees them) as a space, every other byte as "x"
_WHITE_AS_SPACE: Final = bytes(32 if c < 128 and chr(c).isspace() else 120 for c in range(256))


def _more_words_than(text: str, n: int) -> bool:
    """``len(text.split()) > n``, the words counted as they begin in a copy whose every
    whitespace is a space and every other character "x" (no word made: a sentence's
    words cost more to make than a regex call). Outside ASCII, its characters are left
    out of the copy: words are joined, never made, so the count is at most theirs; when
    it is not more than *n*, the words are split after all."""
    ascii = text.isascii()
    spaced = (text.encode("ascii") if ascii else text.encode("ascii", "ignore")).translate(_WHITE_AS_SPACE)
    at_least = spaced.count(b" x") + (1 if spaced.startswith(b"x") else 0)
    if at_least > n or ascii:
        return at_least > n
    return len(text.split()) > n


def _completes_previous(sentence: str) -> bool:
    """A very short sentence whose verb is left out, as answers are: it belongs to the one before."""
    if _more_words_than(sentence, JOIN_MAX_WORDS + _TAG_MAX_TOKENS):
        return False  # even without a reporting tag (a suffix of it) it has too many words
    low = _lowered(sentence)
    if low is None:
        tag = _TAG.search(sentence)  # it ends the sentence
    else:
        tag = _TAG_LOWER.search(low) if any(v in low for v in _TAG_VERBS) else None
    body = sentence[: tag.start()] + sentence[tag.end() :] if tag else sentence
    return not _more_words_than(body, JOIN_MAX_WORDS) and bool(_ELLIPSIS_END.search(body))


def _join_short(par: str, units: list[tuple[int, int]], quotes: list[Quote]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in units:
        if out and _completes_previous(par[a:b]):
            pa, pb = out[-1]
            if (_coverage(par, pa, pb, quotes)[0] >= 0.5) == (_coverage(par, a, b, quotes)[0] >= 0.5):
                out[-1] = (pa, b)
                continue
        out.append((a, b))
    return out


# what may stand before a quotation's first word and still be cut: its opening mark, after a
# reporting clause ("He told delegates: ‘", "In response, Maureen Baker, chair of the RCGP, said, “")
_FRAME_BEFORE: Final = re.compile(
    r"^\s*(?:[^‘“\"']{0,160}?\b(?:said|says|say|told|tells|added|adds|asked|wrote|writes|warned|argued|"
    r"insisted|explained|continued|declared|stressed|replied|disagreed|agreed|concluded)\b[^‘“\"':]{0,40}[:,]\s*)?"
    r"[‘“\"']?\s*$",
    re.IGNORECASE,
)
_FRAME_BEFORE_LOWER: Final = re.compile(_FRAME_BEFORE.pattern)  # for lower-cased text (see _lowered)
_FRAME_AFTER: Final = re.compile(r"^[’”\"']?\s*[,;:]?\s*[’”\"']?\s*(?:(?:[\w.’'-]+\s+){0,6}?[\w’'-]+[.!?]?)?\s*$")
# what follows _FRAME_AFTER's opening, to its end (fullmatch: its "$" before a last line
# break matches where "\s*" takes the break)
_FRAME_AFTER_WORDS: Final = re.compile(r"(?:(?:[\w.’'-]+\s+){0,6}[\w’'-]+[.!?]?)?\s*")
_TRAIL: Final = " \t,;:–—-"


# the most whitespace-separated tokens a _FRAME_AFTER match holds: two marks and a comma
# standing alone, seven words
_FRAME_AFTER_MAX_TOKENS: Final = 10


# what one character alone must be for _FRAME_AFTER to match it: besides these, a space or
# a word character (the last word); for _FRAME_BEFORE, a space or an opening mark
_FRAME_AFTER_ONE: Final = "’”\"',;:-"
_FRAME_BEFORE_ONE: Final = "‘“\"'"


def _frame_after(text: str) -> bool:
    """``_FRAME_AFTER.match(text)``; text of more tokens than a match holds is not tried
    (the pattern backtracks through every way of taking its first seven words), and one
    character (a closing mark, mostly: a quotation that ends its sentence) is told by its
    class, as a regex call costs some ten times more (a test checks every character)."""
    if len(text) == 1:
        return text in _FRAME_AFTER_ONE or text.isspace() or text.isalnum() or text == "_"
    if _more_words_than(text, _FRAME_AFTER_MAX_TOKENS):
        return False
    # _FRAME_AFTER's opening (a mark, a comma or the like, a mark, spaces between) read by
    # hand, then the words by _FRAME_AFTER_WORDS from there: each way the pattern may read
    # it, without its backtracking through every way of taking the words after each (some
    # 37,000 instructions a text that is no frame). Spaces and ,;: are taken where they
    # can be (a word holds none); ” and " too; ’ and ' may open a word ("’." ends one), so
    # the opening is read with and without each of its two marks (a test checks the two).
    end = _after_opening(text, True, True)
    if _FRAME_AFTER_WORDS.fullmatch(text, end) is not None:
        return True
    for first, second in ((True, False), (False, True), (False, False)):
        other = _after_opening(text, first, second)
        if other != end and _FRAME_AFTER_WORDS.fullmatch(text, other) is not None:
            return True
    return False


_AFTER_MARKS: Final = "’”\"'"


def _after_opening(text: str, first: bool, second: bool) -> int:
    """Where an opening of _FRAME_AFTER (``[’”"']?\\s*[,;:]?\\s*[’”"']?\\s*``) that takes all
    it can, but its first mark when not *first* and its second when not *second*, ends."""
    size = len(text)
    i = 0
    if first and i < size and text[i] in _AFTER_MARKS:
        i += 1
    while i < size and text[i].isspace():
        i += 1
    if i < size and text[i] in ",;:":
        i += 1
    while i < size and text[i].isspace():
        i += 1
    if second and i < size and text[i] in _AFTER_MARKS:
        i += 1
    while i < size and text[i].isspace():
        i += 1
    return i


def _frame_before(text: str) -> bool:
    """``_FRAME_BEFORE.match(text)``, by its lower-case twin on lower-cased text when it can;
    one character (an opening mark, mostly: a quotation that opens its sentence) by its
    class (its optional reporting clause is longer), as a regex call costs ten times more."""
    if len(text) == 1:
        return text in _FRAME_BEFORE_ONE or text.isspace()
    low = _lowered(text)
    if low is None:
        return _FRAME_BEFORE.match(text) is not None
    return _FRAME_BEFORE_LOWER.match(low) is not None


def _clip(par: str, a: int, b: int, quotes: list[Quote]) -> tuple[int, int]:
    """Cut a quoted unit to its quoted words when what is left is only a reporting frame."""
    inside = [q for q in quotes if q.kind != "fragment" and q.start < b and q.end > a]
    if inside:
        lo, hi = inside[0].start, inside[0].end  # min and max, by a loop (see make_plan)
        for q in inside:
            lo, hi = min(lo, q.start), max(hi, q.end)
        if lo > a and _frame_before(par[a:lo]):
            a = lo
        if hi < b and _frame_after(par[hi:b]):
            b = hi
    return a, b


# -- proponents -------------------------------------------------------------------------------

# A mention: [the|The] [honorific] Capitalised word(s), "of", "and", "for", "&" or "on" between
# them. As written, (?=[tA-Z])(?:\b(?:the|The)\s+)?(?:HONORIFIC\s+)?[A-Z]WORD TAIL; here its
# first character is read first, a class the regex engine skips to (a look-ahead there it
# tries at every position), and each way on checks by a look-behind what that character was:
# "the"/"The" then an optional honorific and a capital, or a capital that may begin an
# honorific. The same matches; a test checks them against the pattern as written.
_HONORIFICS: Final = "Dr Mr Mrs Ms Professor Prof Sir Dame Lord Lady Baroness".split()
_NAME_WORD: Final = r"[\w’'&.-]*"  # after its capital
MENTION_AS_WRITTEN: Final = (
    rf"(?=[tA-Z])(?:\b(?:the|The)\s+)?(?:(?:{'|'.join(_HONORIFICS)})\s+)?"
    rf"[A-Z]{_NAME_WORD}(?:\s+(?:of|and|for|&|on)\s+[A-Z]{_NAME_WORD}|\s+[A-Z]{_NAME_WORD})*"
)
_MENTION: Final = re.compile(
    rf"[tA-Z](?:(?<=\b[tT])he\s+(?:(?:{'|'.join(_HONORIFICS)})\s+)?[A-Z]{_NAME_WORD}"
    rf"|(?<=[A-Z])(?:(?:{'|'.join(f'(?<={h[0]}){h[1:]}' for h in _HONORIFICS)})\s+[A-Z])?{_NAME_WORD})"
    rf"(?:\s+(?:of|and|for|&|on)\s+[A-Z]{_NAME_WORD}|\s+[A-Z]{_NAME_WORD})*"
)


class _Speakers:
    """Resolves names to canonical speakers: the corpus's when known, else the article's.

    Indexed once (aliases, person surnames, organisations and documents by kind) and
    remembering each answer, so that resolving a mention is a dict look-up."""

    def __init__(self, speakers: dict[str, Speaker]) -> None:
        self.speakers = speakers
        self.alias: dict[str, str] = {}
        self.surnames: dict[str, list[str]] = {}  # person surname -> names, in speakers order
        self.bodies: dict[str, list[str]] = {}  # organisation/document kind -> names, in order
        for name, s in speakers.items():
            for a in {name, *s.aliases}:
                self.alias.setdefault(a.lower(), name)
            if s.kind == "person":
                words = name.split()
                if words:
                    self.surnames.setdefault(words[-1], []).append(name)
            else:
                self.bodies.setdefault(s.kind, []).append(name)
        self._kinds: dict[str | None, str | None] = {None: None}
        self._resolved: dict[str, tuple[str, str] | None] = {}
        self._named: dict[str, tuple[str, str] | None] = {}

    def kind(self, name: str | None) -> str | None:
        try:
            return self._kinds[name]
        except KeyError:
            pass
        s = self.speakers.get(name)  # type: ignore[arg-type]
        if s is not None:
            kind = s.kind
        else:
            kind = _classify_kind(name)  # type: ignore[arg-type,assignment]
        self._kinds[name] = kind
        return kind

    def resolve(self, phrase: str) -> tuple[str, str] | None:
        """(canonical name, kind) for a mention, or None."""
        try:
            return self._resolved[phrase]
        except KeyError:
            found = self._resolved[phrase] = self._resolve(phrase)
            return found

    def _resolve(self, phrase: str) -> tuple[str, str] | None:
        ref = classify(phrase)
        if ref is None or ref.kind not in ("person", "organisation", "document"):
            return None
        for key in (ref.text, ref.name, phrase):
            name = self.alias.get(key.lower().removeprefix("the "))
            if name:
                return name, self.speakers[name].kind
        if ref.kind == "person":
            hits = self.surnames.get(ref.name.split()[-1], ())
            return (hits[0], "person") if len(hits) == 1 else None
        for name in self.bodies.get(ref.kind, ()):
            if same_org(name, ref.name):
                return name, ref.kind
        return ref.name, ref.kind

    def named(self, phrase: str) -> tuple[str, str] | None:
        """``resolve(phrase)`` when it may stand as a proponent: a body, or a known person."""
        try:
            return self._named[phrase]
        except KeyError:
            found = self.resolve(phrase)
            if found is not None and found[1] == "person" and found[0] not in self.speakers:
                found = None
            self._named[phrase] = found
            return found


def _classify_kind(phrase: str) -> str | None:
    kind = classify_kind(phrase)
    return kind if kind in ("person", "organisation", "document") else None


# -- finding -------------------------------------------------------------------------------

class _Found(NamedTuple):
    """An article's proposals as found: proponents resolved, themed with the themes whose
    fingerprint is *themes* (None: not themed)."""

    themes: str | None
    proposals: list[Proposal]


# per article: id(article) -> (weak ref, fingerprint, found, {matcher: proposals})
_FOUND: dict[int, tuple[weakref.ref, tuple, _Found, dict[int, tuple[ThemeMatcher, list[Proposal]]]]] = {}


def _fingerprint(article: Article, known: _Speakers) -> tuple:
    return (
        id(article.paragraphs), len(article.paragraphs), id(article.quotes), len(article.quotes),
        id(article.statements), len(article.statements), id(known.speakers), len(known.speakers),
    )


def _entry(article: Article, known: _Speakers) -> tuple:
    """The article's cache entry: its proposals as found, computed once per article (and its
    paragraphs, quotes, statements and speakers), and its themed proposals."""
    key = _fingerprint(article, known)
    cached = _FOUND.get(id(article))
    if cached is not None and cached[0]() is article and cached[1] == key:
        return cached
    ident = id(article)
    entry: Any = (weakref.ref(article, lambda _r, ident=ident: _FOUND.pop(ident, None)), key, _find(article, known), {})  # type: ignore[misc]
    _FOUND[ident] = entry
    return entry


# -- the plan: what depends only on the article's text, found once at parse time ------------
#
# A plan is plain data, so the index cache keeps it with the article (cache_codec):
#   [PLAN_FORMAT, themes fingerprint or None, numbers, strings]
# numbers is one flat run of non-negative ints, unit after unit in reading order (as the
# cache keeps it, bytes: the array's type code, then its bytes, little-endian; some 560
# numbers an article, which marshal writes and reads as one copy, not number by number;
# PLAN_FORMAT 3 wrote them as base64 text for JSON rows). A unit is
#   paragraph, holder + 1, statement + 1, n, n overlapping quotes, m, m mentions as start, end,
# then 0 when it is only a possible proponent for the next sentences of its paragraph, or 1
# for a proposal, followed by
#   start, end, quoted, trigger, short ..., h + 1, h hits as theme, signal, start, end.
# holder: index in Article.quotes of the quote holding a quoted unit (-1: none); statement:
# index in Article.statements of the reported speech holding it (-1); overlapping: indexes
# of the quotes overlapping it; mentions: phrases of its head that may name its proponent.
# Offsets are into the unit's paragraph; trigger, theme and signal index *strings*. short is
# 0 (the text itself), 1 flags start end (the words between, '…' before them when flags & 1
# and after when flags & 2: most short forms) or 2 index (a string of *strings*). The hits
# are the theming with the bundled themes, only those that add to it (h + 1 = 0: not
# themed); used when the themes asked for have the same fingerprint.
# Speakers are looked up when the corpus is known: the quotes' speakers become canonical
# names after parsing, and a mention resolves against every speaker of the corpus.
# In memory the numbers are an array and the strings interned: loaded plans cost little.

PLAN_FORMAT: Final = 4
PLAN_ATTR: Final = "_proposal_plan"
_ELLIPSIS: Final = "…"


@mypyc_attr(native_class=False)  # pickled from worker processes
class Plan:
    """An article's plan, and the lists it was made from: it serves only while the article
    holds those same lists (pickling keeps that, so a plan made in a worker process serves)."""

    __slots__ = ("themes", "numbers", "strings", "paragraphs", "quotes", "statements", "sizes")

    def __init__(self, data: list, article: Article) -> None:
        """ValueError if *data* is not a plan."""
        if type(data) is not list or len(data) != 4 or data[0] != PLAN_FORMAT:
            raise ValueError("not a proposals plan")
        _, themes, numbers, strings = data
        if not (themes is None or type(themes) is str) or type(strings) is not list:
            raise ValueError("not a proposals plan")
        try:
            if type(numbers) is bytes:  # as data() writes them
                self.numbers = _unpacked(numbers)
            elif type(numbers) is list:  # as make_plan finds them
                self.numbers = _array_of(numbers)
            else:
                raise ValueError("not a proposals plan")
            self.strings = tuple(map(sys.intern, strings))
        except (TypeError, OverflowError, ValueError):
            raise ValueError("not a proposals plan") from None
        self.themes = themes
        self.paragraphs = article.paragraphs
        self.quotes = article.quotes
        self.statements = article.statements
        self.sizes = (len(article.paragraphs), len(article.quotes), len(article.statements))

    def __getstate__(self):
        return (self.themes, self.numbers, self.strings, self.paragraphs, self.quotes, self.statements, self.sizes)

    def __setstate__(self, state) -> None:
        self.themes, self.numbers, self.strings, self.paragraphs, self.quotes, self.statements, self.sizes = state

    def data(self) -> list:
        return [PLAN_FORMAT, self.themes, _packed(self.numbers), list(self.strings)]

    def fits(self, article: Article) -> bool:
        return (
            self.paragraphs is article.paragraphs and self.quotes is article.quotes
            and self.statements is article.statements
            and self.sizes == (len(article.paragraphs), len(article.quotes), len(article.statements))
        )


def _array_of(numbers: list[int]) -> array[int]:
    """``array("H" if max(numbers, default=0) < 1 << 16 else "I", numbers)``: packed by struct
    as "H" (which refuses a number out of its range, as array does) and copied in, some three
    times faster than the array's own conversion of each number, and no pass for the max."""
    try:
        packed = struct.pack(f"{len(numbers)}H", *numbers)
    except struct.error:  # a number of 2**16 or more (or not one: array("I") tells)
        return array("I", numbers)
    out: array[int] = array("H")
    out.frombytes(packed)
    return out


def _packed(numbers: array[int]) -> bytes:
    """*numbers* as bytes: the array's type code, then its bytes (little-endian)."""
    if sys.byteorder != "little":
        numbers = array(numbers.typecode, numbers)
        numbers.byteswap()
    return numbers.typecode.encode("ascii") + numbers.tobytes()


def _unpacked(data: bytes) -> array[int]:
    """The array of ``_packed``; ValueError if *data* is not one. (Typed ``array[int]``:
    as ``array`` alone, mypyc would read the plan's numbers as objects of any type, the
    compare view's reading of plans twice as slow.)"""
    code = data[:1]
    if code != b"H" and code != b"I":
        raise ValueError("not packed numbers")
    numbers: array[int] = array(code.decode("ascii"))
    numbers.frombytes(data[1:])  # ValueError if not a whole number of them
    if sys.byteorder != "little":
        numbers.byteswap()
    return numbers


def make_plan(article: Article, matcher: ThemeMatcher | None = None) -> list:
    """The article's plan (see above); themed with *matcher* (default: the bundled themes)."""
    if matcher is None:
        matcher = default_matcher()
    table: dict[str, int] = {}  # the strings, each its index in the plan's list of them
    by_par: dict[int, list[tuple[int, Quote]]] = {}
    for i, q in enumerate(article.quotes):
        if not q.in_comments:
            by_par.setdefault(q.paragraph, []).append((i, q))
    statements_by_par: dict[int, list[tuple[int, Statement]]] = {}
    for i, st in enumerate(article.statements):
        statements_by_par.setdefault(st.paragraph, []).append((i, st))
    numbers: list[int] = []
    kept = 0  # numbers up to the last proposal: a proponent after it in its paragraph serves none
    for p, par in enumerate(article.paragraphs):
        del numbers[kept:]
        if is_caption(par):
            continue
        indexed = by_par.get(p, [])
        quotes = [q for _, q in indexed]
        statements = statements_by_par.get(p, [])
        units = _join_short(par, proposal_units(par), quotes)
        triggers = [find_trigger(par[a:b]) for a, b in units]
        last = -1  # the last unit with a trigger (a loop: max() is a generic call for mypyc)
        for i, t in enumerate(triggers):
            if t is not None:
                last = i
        # what follows a paragraph's last proposal serves none (it is dropped, above): unlooked at
        for (a, b), trigger in zip(units[: last + 1], triggers):
            ca, cb = _clip(par, a, b, quotes)  # without a reporting frame around a quotation
            share, holder = _coverage(par, ca, cb, quotes)
            quoted = share >= 0.5
            held = -1
            if quoted and holder is not None:
                held = next(i for i, q in indexed if q is holder)
            stated = next((i for i, st in statements if st.start <= a < st.end or a <= st.start < b), -1)
            overlapping = [i for i, q in indexed if q.start < b and q.end > a]
            mentions: list[int] = []
            if not quoted:
                head = par[a:b]
                if trigger:
                    head = head[: max(head.find(trigger), 0) or len(head)]
                mentions = _mention_spans(head, a)
            unit = [p, held + 1, stated + 1, len(overlapping), *overlapping, len(mentions) // 2, *mentions]
            if trigger is None:
                if held >= 0 or stated >= 0 or overlapping or mentions:
                    numbers += unit
                    numbers.append(0)
                continue
            s, e = (ca, cb) if quoted else (a, b)
            while s < e and par[s].isspace():
                s += 1
            while e > s and par[e - 1] in _TRAIL:
                e -= 1
            numbers += unit
            numbers += (1, s, e, int(quoted), table.setdefault(trigger, len(table)))
            numbers += _short_code(par, s, e, short_form(par[s:e], quoted), table)
            if matcher is None:
                numbers.append(0)
            else:
                hits = _adding_hits(par[s:e], matcher)
                numbers.append(len(hits) + 1)
                for theme, signal, hs, he in hits:
                    numbers += (table.setdefault(theme, len(table)), table.setdefault(signal, len(table)), s + hs, s + he)
            kept = len(numbers)
    del numbers[kept:]
    return [PLAN_FORMAT, matcher.fingerprint if matcher is not None else None, numbers, list(table)]


def _mention_spans(text: str, offset: int) -> list[int]:
    """Start and end (plus *offset*) of each phrase of *text* that may name a proponent."""
    out: list[int] = []
    # Every match holds a capital A-Z (its first character, or one after "the"): none starts
    # after the last one, found in a copy with each capital as "A", all else a space (a
    # character outside ASCII as one "?" first: the same places). The search that would
    # find no match after the last mention, reading the rest of the text, is not made.
    last = text.encode("ascii", "replace").translate(_CAPITALS_AS_A).rfind(b"A")
    # matches by a search from each one's end, not finditer (cheaper: no scanner or iterator);
    # a match is never empty (its first character), so these are finditer's matches
    end = 0
    while end <= last:
        m = _MENTION.search(text, end)
        if m is None:
            break
        start, end = m.span()  # one call, not three (group, start, end): the phrase is sliced
        if _classify_kind(text[start:end]) is not None:
            out += (offset + start, offset + end)
    return out


_CAPITALS_AS_A: Final = bytes(65 if 65 <= c <= 90 else 32 for c in range(256))


def _short_code(par: str, s: int, e: int, short: str, table: dict[str, int]) -> tuple[int, ...]:
    """How the plan writes the short form of ``par[s:e]``; see above (a string's index is
    its place in *table*, which takes it when new)."""
    if short == par[s:e]:
        return (0,)
    for flags in (3, 1, 2, 0):
        before, after = flags & 1, flags >> 1
        if len(short) < before + after or (before and short[0] != _ELLIPSIS) or (after and short[-1] != _ELLIPSIS):
            continue
        core = short[before : len(short) - after]
        at = par.find(core, s, e)
        if at >= 0 and _short_of(par, flags, at, at + len(core)) == short:
            return (1, flags, at, at + len(core))
    return (2, table.setdefault(short, len(table)))


def _short_of(par: str, flags: int, start: int, end: int) -> str:
    return (_ELLIPSIS if flags & 1 else "") + par[start:end] + (_ELLIPSIS if flags & 2 else "")


def _adding_hits(text: str, matcher: ThemeMatcher) -> list[tuple[str, str, int, int]]:
    """The hits of *text* that add to its theming (``_theming``): a theme's first hit of a
    signal, or a signal's first hit."""
    spans = matcher.spans(text)
    if len(spans) < 2:  # none, or one: it adds (no sets made)
        return spans
    out: list[tuple[str, str, int, int]] = []
    pairs: set[tuple[str, str]] = set()
    signals: set[str] = set()
    for theme, signal, start, end in spans:
        if (theme, signal) in pairs and signal in signals:
            continue
        pairs.add((theme, signal))
        signals.add(signal)
        out.append((theme, signal, start, end))
    return out


def prepare(article: Article) -> None:
    """Find the article's plan now (at parse time) and keep it with the article."""
    setattr(article, PLAN_ATTR, Plan(make_plan(article), article))


def attach_plan(article: Article, data) -> None:
    """Keep *data* (a plan read back from the cache) with *article*; ValueError if it is not one."""
    setattr(article, PLAN_ATTR, Plan(data, article))


def _plan(article: Article) -> Plan | None:
    plan = article.__dict__.get(PLAN_ATTR)
    return plan if plan is not None and plan.fits(article) else None


def plan_data(article: Article) -> list | None:
    """The plan kept with *article* (as plain data, ``Plan.data``), if it still fits its paragraphs,
    quotes and statements."""
    plan = _plan(article)
    return plan.data() if plan is not None else None


def _find(article: Article, known: _Speakers) -> _Found:
    plan = _plan(article)
    if plan is not None:
        try:
            return _resolve(article, plan, known)
        except (IndexError, TypeError, ValueError, KeyError, AttributeError):  # not a plan of this article
            pass
    return _resolve(article, Plan(make_plan(article), article), known)


def _resolve(article: Article, plan: Plan, known: _Speakers) -> _Found:
    """The plan's proposals with their proponents among *known* speakers, themed as the plan is."""
    quotes = article.quotes
    statements = article.statements
    pars = article.paragraphs
    numbers, strings = plan.numbers.tolist(), plan.strings  # a list reads faster than the array
    kind_of = known.kind
    named = known.named
    aid, date, outlet = article.id, article.date, article.outlet
    out: list[Proposal] = []
    current = -1
    previous: str | None = None
    k, end = 0, len(numbers)
    while k < end:
        p, held, stated, n = numbers[k : k + 4]
        k += 4
        if p != current:
            current, previous = p, None
        par = pars[p]
        who: str | None = None
        if held:
            who = quotes[held - 1].speaker
        if who is None and stated:
            who = statements[stated - 1].speaker
        if who is None and n:
            for i in numbers[k : k + n]:
                who = quotes[i].speaker
                if who:
                    break
            else:
                who = None
        k += n
        n = numbers[k] * 2
        k += 1
        kind = kind_of(who)
        if who is None and n:
            for j in range(k, k + n, 2):
                found = named(par[numbers[j] : numbers[j + 1]])
                if found is not None:
                    who, kind = found
                    break
        k += n
        if who is None and previous is not None:
            who, kind = previous, kind_of(previous)
        previous = who or previous
        if not numbers[k]:
            k += 1
            continue
        s, e, quoted, trigger, code = numbers[k + 1 : k + 6]
        k += 6
        text = par[s:e]
        if code == 0:
            short = text
        elif code == 1:
            flags, a, b = numbers[k : k + 3]
            short = (_ELLIPSIS if flags & 1 else "") + par[a:b] + (_ELLIPSIS if flags & 2 else "")
            k += 3
        else:
            short = strings[numbers[k]]
            k += 1
        n = numbers[k] - 1
        k += 1
        if n == 1:  # the commonest theming, written out
            signal = strings[numbers[k + 1]]
            signal_text = {signal: par[numbers[k + 2] : numbers[k + 3]]}
            theme_signals = {strings[numbers[k]]: [signal]}
            k += 4
        else:
            signal_text, theme_signals = {}, {}
            for j in range(k, k + 4 * n, 4):  # none when n is 0 or -1 (not themed)
                theme, signal = strings[numbers[j]], strings[numbers[j + 1]]
                mine = theme_signals.get(theme)
                if mine is None:
                    mine = theme_signals[theme] = []
                if signal not in mine:
                    mine.append(signal)
                if signal not in signal_text:
                    signal_text[signal] = par[numbers[j + 2] : numbers[j + 3]]
            k += 4 * max(n, 0)
        out.append(Proposal(
            aid, p, s, e, text, short, who, kind, quoted == 1, date, outlet, list(theme_signals), list(signal_text),
            signal_text, strings[trigger], theme_signals,
        ))
    return _Found(plan.themes, out)


Theming = tuple[tuple[str, ...], dict[str, str]]  # a proposal's themes and its signal_text


def _plan_theming(article: Article, plan: Plan) -> list[Theming]:
    """Per proposal of the plan, in order, what ``_resolve`` gives it as ``themes`` and
    ``signal_text``: the plan read without resolving proponents or making proposals."""
    pars = article.paragraphs
    n_pars, n_quotes, n_statements, n_strings = len(pars), len(article.quotes), len(article.statements), len(plan.strings)
    numbers, strings = plan.numbers.tolist(), plan.strings
    out: list[Theming] = []
    k, end = 0, len(numbers)
    while k < end:
        p, held, stated, n = numbers[k : k + 4]
        if p >= n_pars or held > n_quotes or stated > n_statements or (n and max(numbers[k + 4 : k + 4 + n]) >= n_quotes):
            raise IndexError("not a plan of this article")  # where _resolve would fail
        k += 5 + n
        k += numbers[k - 1] * 2
        if not numbers[k]:
            k += 1
            continue
        trigger, code = numbers[k + 4 : k + 6]
        if trigger >= n_strings or (code == 2 and numbers[k + 6] >= n_strings):
            raise IndexError("not a plan of this article")
        par = pars[p]
        k += 6 + (0 if code == 0 else 3 if code == 1 else 1)
        n = numbers[k] - 1
        k += 1
        if n == 1:
            out.append(((strings[numbers[k]],), {strings[numbers[k + 1]]: par[numbers[k + 2] : numbers[k + 3]]}))
            k += 4
            continue
        themes: dict[str, None] = {}
        signal_text: dict[str, str] = {}
        for j in range(k, k + 4 * n, 4):
            themes[strings[numbers[j]]] = None
            signal = strings[numbers[j + 1]]
            if signal not in signal_text:
                signal_text[signal] = par[numbers[j + 2] : numbers[j + 3]]
        k += 4 * max(n, 0)
        out.append((tuple(themes), signal_text))
    return out


class LazyProposals:
    """The proposals of *articles* (kept in the order given), themed with *themes*, their
    proponents resolved among *speakers* (None: each article's own), as ``find_proposals``
    gives them; an article's proposals are made only when one of them is asked for.

    ``theming(i)`` lists the themes and signal_text of article *i*'s proposals, read off its
    plan (made only where the plan is themed otherwise, or missing); ``proposal(i, n)`` is
    its n-th proposal. Over a large archive most proposals are never looked at: this keeps
    them from being made, and held, at all.
    """

    def __init__(self, articles: Iterable[Article], themes: Iterable[Theme], speakers: dict[str, Speaker] | None) -> None:
        self.articles = list(articles)
        self.matcher = matcher_for(tuple(themes))
        self._shared = _speakers_for(speakers) if speakers else None

    def _known(self, article: Article) -> _Speakers:
        return self._shared if self._shared is not None else _speakers_for(article.local_speakers)

    def theming(self, i: int) -> list[Theming]:
        article = self.articles[i]
        plan = _plan(article)
        if plan is not None and plan.themes is not None and plan.themes == self.matcher.fingerprint:
            try:
                return _plan_theming(article, plan)
            except (IndexError, TypeError, ValueError):
                pass  # _find makes the article a new plan
        return [(tuple(p.themes), p.signal_text) for p in self.proposals(i)]

    def proposals(self, i: int) -> list[Proposal]:
        """Article *i*'s proposals (remembered: do not change the list)."""
        article = self.articles[i]
        return _proposals(article, self.matcher, self._known(article))

    def proposal(self, i: int, n: int) -> Proposal:
        return self.proposals(i)[n]


def _theming(text: str, matcher: ThemeMatcher) -> tuple[dict[str, str], dict[str, list[str]]]:
    """signal_text ({signal: words matched}) and theme_signals ({theme: signals}) of *text*."""
    signal_text: dict[str, str] = {}
    theme_signals: dict[str, list[str]] = {}
    for h in matcher.hits(text):
        mine = theme_signals.get(h.theme)
        if mine is None:
            mine = theme_signals[h.theme] = []
        if h.signal not in mine:
            mine.append(h.signal)
        if h.signal not in signal_text:
            signal_text[h.signal] = h.surface
    return signal_text, theme_signals


def _themed(article: Article, found: _Found, matcher: ThemeMatcher, lend: bool = False) -> list[Proposal]:
    """The *found* proposals themed by *matcher*: as found when their themes have the same
    fingerprint (the proposals themselves when *lend*, else copies), else themed afresh."""
    same = found.themes is not None and found.themes == matcher.fingerprint
    first = found.proposals[:1]
    if same and lend and all(p.date == article.date and p.outlet == article.outlet for p in first):
        return found.proposals
    out = []
    for p in found.proposals:
        if same:
            signal_text = dict(p.signal_text)
            theme_signals = {t: list(s) for t, s in p.theme_signals.items()}
        else:
            signal_text, theme_signals = _theming(p.text, matcher)
        out.append(Proposal(
            article.id, p.paragraph, p.start, p.end, p.text, p.short, p.proponent, p.proponent_kind, p.quoted,
            article.date, article.outlet, list(theme_signals), list(signal_text), signal_text, p.trigger, theme_signals,
        ))
    return out


_KNOWN: dict[int, tuple[dict, _Speakers]] = {}


def _speakers_for(speakers: dict[str, Speaker]) -> _Speakers:
    """One resolver per speakers dict (building one reads every alias)."""
    cached = _KNOWN.get(id(speakers))
    if cached is not None and cached[0] is speakers and len(cached[1].speakers) == len(speakers):
        return cached[1]
    if len(_KNOWN) > 64:
        _KNOWN.clear()
    known = _Speakers(speakers)
    _KNOWN[id(speakers)] = (speakers, known)
    return known


def article_proposals(
    article: Article, themes: list[Theme] | tuple[Theme, ...] | None = None, speakers: dict[str, Speaker] | None = None
) -> list[Proposal]:
    """The proposals of one article, in reading order, themed with *themes* (default: bundled).

    *speakers* (default: the article's own) resolve proponents to canonical names.
    """
    matcher = matcher_for(tuple(default_themes() if themes is None else themes))
    known = _speakers_for(speakers if speakers is not None else article.local_speakers)
    return list(_proposals(article, matcher, known))


def _proposals(article: Article, matcher: ThemeMatcher, known: _Speakers) -> list[Proposal]:
    """The article's proposals themed by *matcher* (remembered: do not change the list)."""
    entry = _entry(article, known)
    themed = entry[3]
    hit = themed.get(id(matcher))
    if hit is None or hit[0] is not matcher or any(p.date != article.date or p.outlet != article.outlet for p in hit[1][:1]):
        lend = _LENT not in themed  # the first proposals made from this entry may be the ones found
        if len(themed) > 4:
            themed.clear()
        themed[_LENT] = None
        hit = (matcher, _themed(article, entry[2], matcher, lend))
        themed[id(matcher)] = hit
    return hit[1]


_LENT: Final = "lent"  # in an entry's themed proposals: its found proposals were handed out


def find_proposals(
    corpus_or_article: Corpus | Article | Iterable[Article], themes: list[Theme] | tuple[Theme, ...] | None = None
) -> list[Proposal]:
    """Every proposal of a corpus (in article date order), of one article, or of articles.

    Detection runs once per article and is remembered while the article lives; only the
    theming is redone for other *themes*.
    """
    if isinstance(corpus_or_article, Article):
        return article_proposals(corpus_or_article, themes)
    if isinstance(corpus_or_article, Corpus):
        articles = sorted(corpus_or_article.articles, key=lambda a: a.sort_key)
        speakers = corpus_or_article.speakers or None
    else:
        articles = list(corpus_or_article)
        speakers = None
    matcher = matcher_for(tuple(default_themes() if themes is None else themes))
    shared = _speakers_for(speakers) if speakers is not None else None
    out: list[Proposal] = []
    for article in articles:
        out += _proposals(article, matcher, shared if shared is not None else _speakers_for(article.local_speakers))
    return out
