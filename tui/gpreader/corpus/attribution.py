"""Give every quotation its speaker.

Per quotation, in order of strength:
1. a reporting clause right after it: "…,’ he said." / "…’, said the former RCGP chairwoman." /
   "…,’ Dr Bewick added.";
2. a reporting clause closing its sentence: "… ‘further changes’ for primary care, Dr Bewick added.";
3. the nearest verb of speech before it in its sentence: "He told delegates: ‘…", "X said there
   was a need to ‘…’", "the RCGP argued that … the ‘co-location’ …";
4. "according to X" in its sentence;
5. another quotation of the same paragraph that has a speaker;
6. a paragraph that opens with a quotation and names nobody continues the principal speaker of
   the paragraph before (in 000, Bewick reporting Jeremy Hunt, then Bewick again).
Parts of one quotation continued over paragraphs share one speaker.

Names are resolved within the article: "Mr Stevens" and "Stevens" to "Simon Stevens", "he" and
"she" to the latest principal speaker of that gender, "the former RCGP chairwoman" to the person
whose stated roles match best, "it"/"the report" to the organisation behind the report.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Final

from gpreader.corpus.names import (
    DOCUMENT_WORDS, GIVEN_NAME_TITLES, ROLE_WORDS, WEAK_HONORIFICS, Ref, classify, classify_shared, content_words,
    person_gender,
)
from gpreader.corpus.quotes import Span, char_positions

VERBS: Final = r"""said|says|say|saying|told|tells|tell|telling|added|adds|adding|argued|argues|arguing|
claimed|claims|stressed|stresses|warned|warns|warning|explained|explains|insisted|insists|suggested|
suggests|suggesting|noted|notes|commented|comments|continued|continues|acknowledged|acknowledges|
admitted|admits|agreed|agrees|disagreed|disagrees|pointed\s+out|points\s+out|called\s+for|calls\s+for|
urged|urges|asked|asks|replied|replies|responded|responds|wrote|writes|declared|declares|announced|
announces|revealed|reveals|believes|believed|recommended|recommends|found|finds|concluded|concludes|
stated|states|described|describes|branded|brands|dubbed|labelled|emphasised|emphasises|emphasized|
highlighted|highlights|cautioned|predicted|predicts|maintained|maintains|reiterated|recalled|conceded|
concedes|welcomed|welcomes|criticised|criticises|hit\s+out|slammed|blasted|put\s+forward|puts\s+forward|
set\s+out|sets\s+out|outlined|outlines|proposed|proposes|reference|references|referenced|cited|cites|
called|calls|promised|promises|pledged|pledges|vowed|vows|accepted|accepts|denied|denies|insisting|
confirmed|confirms|indicated|indicates|complained|complains|observed|observes|remarked|went\s+on|goes\s+on|
envisaged|envisages|mentioned|quipped|joked|questioned|queried|wondered|argue|claim|warn|suggest|urge"""
VERB_ALTERNATIVES: Final = re.sub(r"\s+", "", VERBS).split("|")
VERB: Final = re.compile(r"\b(?:" + "|".join(VERB_ALTERNATIVES) + r")\b", re.IGNORECASE)


def _trie(alternatives: list[list[str]]) -> str:
    """One pattern for *alternatives* (each a list of tokens: a character, or ``\\s+``) that
    branches on one token at a time, the branches in order of first appearance; a branch
    that may also end here is optional, so the longer match is tried first ("called for"
    before "called"; a test compares it with the alternation it replaces)."""
    heads: dict[str, list[list[str]]] = {}
    ends = False
    for tokens in alternatives:
        if not tokens:
            ends = True
        else:
            heads.setdefault(tokens[0], []).append(tokens[1:])
    branches = [(t if t == r"\s+" else re.escape(t)) + _trie(rest) for t, rest in heads.items()]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body


# VERB's verbs as one alternation branching letter by letter: a regex tries one branch per
# letter, where VERB's alternation tries every verb at every word.
VERB_TRIE: Final = _trie([re.findall(r"\\s\+|.", v) for v in VERB_ALTERNATIVES])
# VERB_TRIE at the start of a word, for lower-cased text with a space put before it: the
# character before the verb is matched (not looked behind at), and a pattern that opens on a
# character class lets the regex engine skip over the letters of words. A match at i in
# " " + text is a verb at i in text, ending one before the match's end.
VERB_AFTER_GAP: Final = re.compile(r"[^\w](?:" + VERB_TRIE + r")\b")
# VERB_AFTER_GAP's matches found in the text with every character that is not a word
# character made a space (``_spaced_gaps``): there a space opens each gap, and a pattern that
# opens on a literal is searched for quickly, where sre tests the class [^\w] at every
# character (some 220 instructions a character in all, against some 90). A match at i in the
# text is one at i in the spaced text (its gap a space, its letters the same, its whitespace
# whitespace still, the \b after it as before), and a match of one word in the spaced text is
# the text's own: each alternative before it fails in both, on a letter, on a word character
# where \s+ is wanted, or at \b. One of more words ("pointed out") may read a mark as a space
# ("pointed-out"): it is matched again in the text (``_verbs_at_gaps``).
VERB_GAP: Final = re.compile(r" (?:" + VERB_TRIE + r")\b")
# the characters other than ASCII that a paragraph has besides letters (none a word character)
_GAP_MARKS: Final = "‘’“”£–—…\u00a0"
# for bytes.translate: every ASCII character that is not a word character (\w: letters,
# digits, "_") a space, the others themselves (a bytes table: no look-up of a Python mapping)
_GAP_TABLE: Final = bytes(i if chr(i).isalnum() or chr(i) == "_" else 32 for i in range(128)) + bytes(range(128, 256))
# _GAP_TABLE of each ASCII character's lower case: the gaps of lower-cased text, from the text
_LOWER_GAP_TABLE: Final = bytes(_GAP_TABLE[ord(chr(i).lower())] for i in range(128)) + bytes(range(128, 256))


def _spaced_gaps(text: str, lower: bool = False) -> str:
    """*text* with each character that is not a word character made a space, for VERB_GAP;
    "" for text with a character outside ASCII other than those of _GAP_MARKS (the regex
    then reads the text itself).

    *lower*: ``_spaced_gaps(text.lower())`` for *text* without a case-odd character, with no
    lower-cased copy made (a test compares): lower-casing such text changes no mark of
    _GAP_MARKS and makes no other character ASCII or not ASCII, so the same characters are
    replaced, the same text is ASCII, and its bytes' lower cases are translated."""
    ascii = _ascii_marks(text)
    return "" if ascii is None else _gaps_of(ascii, lower)


def _gaps_of(ascii: bytes, lower: bool) -> str:
    """``_spaced_gaps`` of the text whose ``_ascii_marks`` are *ascii* (its marks, "." or a
    space, are no word characters: each is made a space, as the mark would be)."""
    return ascii.translate(_LOWER_GAP_TABLE if lower else _GAP_TABLE).decode("ascii")


def _ascii_marks(text: str) -> bytes | None:
    """*text* as ASCII bytes, a character for a character, each mark of _GAP_MARKS a "."
    (none a letter, whitespace or a word character) but the no-break space a space (it is
    whitespace); None for text with any other character outside ASCII."""
    if not text.isascii():
        # (each mark a constant: no new string for a character read from _GAP_MARKS; the
        # quotation marks first, mostly the only ones)
        text = text.replace("‘", ".").replace("’", ".").replace("“", ".").replace("”", ".")
        if not text.isascii():
            text = text.replace("£", ".").replace("–", ".").replace("—", ".").replace("…", ".").replace("\u00a0", " ")
            if not text.isascii():
                return None
    return text.encode("ascii")


def _verbs_at_gaps(par: str, gaps: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    """The spans of ``VERB_AFTER_GAP.finditer(text, pos, endpos)``, for text = " " +
    ``par.lower()`` (*par* without a case-odd character) and *gaps* = ``_spaced_gaps(text)``,
    by VERB_GAP's matches in *gaps*: a match of one word is the regex's match in the text;
    one of more words is matched again in the text (lower-cased only then: few verbs are of
    more words); each next searched for from the end of the regex's match (or after a place
    where it fails), as finditer goes on."""
    found: list[tuple[int, int]] = []
    text = ""
    while True:
        g = VERB_GAP.search(gaps, pos, endpos)  # (search: less to make than finditer's iterator)
        if g is None:
            return found
        at, end = g.span()
        if gaps.find(" ", at + 1, end) >= 0:
            if not text:
                text = " " + par.lower()
            m = VERB_AFTER_GAP.match(text, at, endpos)
            if m is None:
                pos = at + 1
                continue
            end = m.end()
        found.append((at, end))
        pos = end


def _first_verb_at_gaps(par: str, gaps: str, pos: int, endpos: int) -> int:
    """Where ``VERB_AFTER_GAP.search(" " + par.lower(), pos, endpos)`` matches (-1: nowhere),
    read as ``_verbs_at_gaps`` reads its matches."""
    text = ""
    while True:
        g = VERB_GAP.search(gaps, pos, endpos)
        if g is None:
            return -1
        at, end = g.span()
        if gaps.find(" ", at + 1, end) < 0:
            return at
        if not text:
            text = " " + par.lower()
        if VERB_AFTER_GAP.match(text, at, endpos) is not None:
            return at
        pos = at + 1


# characters that lower-casing turns into, or IGNORECASE takes for, an ASCII letter
_CASE_ODD: Final = "\u0130\u0131\u017f\u212a"


def _case_odd(text: str) -> bool:
    """True when *text* has a character of ``_CASE_ODD`` (ASCII text has none: no scan).

    Four look-ups of one character each: str's own search is quicker than a regex's class.
    """
    return not text.isascii() and (
        "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text
    )


VERB_FIRST_WORDS: Final = {w.split("\\s+")[0].lower() for w in VERB_ALTERNATIVES}
WORD: Final = re.compile(r"[A-Za-z]+")


def find_verbs(text: str, before: int = -1) -> list[tuple[int, int]]:
    """The verbs of speech in *text*, in order, as (start, end): each where VERB matches at
    the start of a word (a letter after no letter, digit or underscore).

    With *before* (not -1), only the verbs that start before that offset.
    """
    if _case_odd(text):  # the word-by-word reading, with VERB itself
        return _find_verbs_by_words(text, before)
    found: list[tuple[int, int]] = []
    for m in VERB_AFTER_GAP.finditer(" " + text.lower()):
        if before != -1 and m.start() >= before:
            break
        found.append((m.start(), m.end() - 1))
    return found


def first_verb(text: str, before: int = -1) -> int:
    """Where ``find_verbs(text, before)`` finds its first verb, or -1."""
    if _case_odd(text):
        verbs = _find_verbs_by_words(text, before)
        return verbs[0][0] if verbs else -1
    m = VERB_AFTER_GAP.search(" " + text.lower())
    return m.start() if m is not None and (before == -1 or m.start() < before) else -1


def _find_verbs_by_words(text: str, before: int) -> list[tuple[int, int]]:
    """``find_verbs`` a word at a time: a set look-up per word, VERB to confirm."""
    found: list[tuple[int, int]] = []
    for w in WORD.finditer(text):
        if before != -1 and w.start() >= before:
            break
        if w.group(0).lower() in VERB_FIRST_WORDS:
            m = VERB.match(text, w.start())
            if m and (w.start() == 0 or not text[w.start() - 1].isalnum()):
                found.append((m.start(), m.end()))
    return found


# words that may stand between a subject and its verb: "Mr Stevens also said", "has suggested"
AUX: Final = re.compile(
    r"(?:\s+(?:also|has|have|had|would|will|was|is|were|did|does|do|then|later|further|previously|"
    r"recently|today|yesterday|once|again|earlier|now|however|repeatedly|clearly|simply|went on to|"
    r"has\s+also|had\s+also|has\s+previously|this\s+week|last\s+week|last\s+month|on\s+\w+day))+$",
    re.IGNORECASE,
)
# the last word of every AUX phrase ("went on to": "to"), besides the days of "on Monday"
AUX_LAST_WORDS: Final = {
    "also", "has", "have", "had", "would", "will", "was", "is", "were", "did", "does", "do", "then", "later",
    "further", "previously", "recently", "today", "yesterday", "once", "again", "earlier", "now", "however",
    "repeatedly", "clearly", "simply", "to", "week", "month",
}
# a sentence's opening phrase before its subject: "Speaking at the conference, Dr X said"
INTRO: Final = re.compile(
    r"^(?:in|at|on|speaking|writing|responding|following|after|during|asked|commenting|addressing|"
    r"when|while|although|though|as|since|before|with|without|for|from|under|by|according|last|this|"
    r"earlier|later|separately|elsewhere)\b",
    re.IGNORECASE,
)
# linking words that may open the subject's own segment: "Meanwhile Dame Clare Gerada"
LINKERS: Final = re.compile(r"^(?:(?:meanwhile|however|but|and|also|now|today|yesterday|separately|elsewhere|so|yet)\b,?\s*)+", re.I)
ABBREV: Final = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Prof|St|Rev|Cllr|No|vs|etc|i\.e|e\.g|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$|\b[A-Z]\.$")
# "[.!?…][.!?…]*", not "[.!?…]+": a pattern that opens on a character class (not a repeat of
# one) lets the regex engine skip to the next end mark, where it would try every position
SENT_BREAK: Final = re.compile(r"[.!?…][.!?…]*[’”'\")\]]*(?:\s+|(?=[A-Z‘“]))")
# standfirst: "…, the chief executive of NHS England has said today."
# in what STANDFIRST_ROLE takes for a role, words that make it a clause: "said the plans for
# the GP contract were unworkable" reports what was said, it does not say who said it
CLAUSE_VERB: Final = re.compile(r"\b(?:is|are|was|were|will|would|could|should|must|might|may|can|need|needs)\b", re.I)
# STANDFIRST_ROLE, ACCORDING_TO and REPORT_WORD open on their first character, not on \b (a
# pattern that opens on \b is tried at every position; on a character or a class, the regex
# engine skips to it), the \b checked by a look-behind; a test compares each with its plain
# form (",|\b(?:says|said)"; "\b(?i:according to)"; "\b(?:report|…)\b" with IGNORECASE, whose
# r, s and a also match R, S, ſ and A, and nothing else: a test tries every character)
STANDFIRST_ROLE: Final = re.compile(
    r"(?:,|s(?<=\bs)a(?:ys|id))\s+((?:the|its|their)\s+[^,.;:]{3,80}?)(?:\s+(?:has|have|had))?"
    r"(?:\s+(?:said|says|suggested|claimed|argued|warned))?(?:\s+(?:today|yesterday|this week))?\s*[.]?\s*$"
)
NEXT_SENTENCE: Final = re.compile(r"\s*[A-Z]")
CLOSING_CLAUSE: Final = re.compile(r",\s+([^,]{1,80}?)\s*[.!?]?\s*$")  # "…, Dr Bewick added."


def _closing_clause(tail: str) -> re.Match | None:
    """``CLOSING_CLAUSE.search(tail)``, tried at the last comma alone: nothing after a match's
    comma can be a comma (its clause is [^,], then whitespace, an end mark, whitespace), so
    no other comma can open one, and search would try the lazy clause at each of them."""
    at = tail.rfind(",")
    return CLOSING_CLAUSE.match(tail, at) if at >= 0 else None


NAME_COLON: Final = re.compile(r"(?:^|[.!?]\s+)([A-Z][^.!?:]{1,60}):\s*$")  # "Dr Smith: ‘…"


def _name_colon(before: str) -> re.Match | None:
    """``NAME_COLON.search(before)``, the regex run only on text that ends on a colon and
    whitespace, as every match does (``:\\s*$``; rstrip strips what \\s matches). NAME_COLON
    opens on a choice (``^`` or an end mark), so search tries it at every position."""
    if not before.rstrip().endswith(":"):
        return None
    return NAME_COLON.search(before)


ACCORDING_TO: Final = re.compile(r"[Aa](?<=\b[Aa])(?i:ccording to) ((?:the )?[A-Z][\w’'&\- ]{1,60}?)(?=[,.;:]|\s+(?:the|a|there|it|in)\b|$)")
SPOKESPERSON: Final = re.compile(r"\b(?:a|an|the)?\s*(?:spokesperson|spokesman|spokeswoman|source|official)\s*(?:for|at|from)?\s*")
REPORT_WORDS: Final = ("report", "research", "study", "survey", "analysis")
REPORT_WORD: Final = re.compile(
    "[RrSsſAa](?i:" + "|".join(rf"{w[1:]}(?<=\b{w})" for w in REPORT_WORDS) + r")\b"
)


def _report_word_starts(text: str, low: str) -> list[int]:
    """Every place ``REPORT_WORD`` matches in *text*, a text with no case-odd character and
    *low* its lower case (as long as it: only "\u0130", case-odd, lower-cases to two
    characters): a word of REPORT_WORDS in *low* with no word character before it or after
    it in *text* (the \\b on each side). Found by str's search, where the regex, opening on
    the common letters r, s and a, is tried at nearly every position of the text."""
    found: list[int] = []
    for word in REPORT_WORDS:
        i = low.find(word)
        while i >= 0:
            j = i + len(word)
            if (i == 0 or not _word_char(text[i - 1])) and (j == len(text) or not _word_char(text[j])):
                found.append(i)
            i = low.find(word, i + 1)
    return found


def _report_sentences(par: str) -> list[tuple[int, int]]:
    """The sentences of *par* (``sentences(par)``) in which ``REPORT_WORD.search`` finds a
    word, read from the places it matches in the whole paragraph: a sentence starts after
    whitespace or an end mark and ends on one or at the paragraph's end, so a word inside it
    has the same \\b on each side there as in the paragraph (a test compares the two).
    With a case-odd character, the regex on each sentence."""
    if _case_odd(par):
        if not REPORT_WORD.search(par):
            return []
        return [(a, b) for a, b in sentences(par) if REPORT_WORD.search(par[a:b])]
    starts = _report_word_starts(par, par.lower())
    if not starts:
        return []
    return [(a, b) for a, b in sentences(par) if any(a <= i < b for i in starts)]


# Person and Attributed write their own __init__ (init=False), as Ref does: compiled, a native
# call, where the one dataclass generates is interpreted Python (the same fields, eq and repr).
@dataclass(init=False)
class Person:
    name: str  # "Simon Stevens" or "Stevens" when only a surname is known
    honorific: str | None = None
    roles: list[str] = field(default_factory=list)
    kind: str = "person"  # person, organisation, document
    author: str | None = None  # a document's organisation

    def __init__(
        self,
        name: str,
        honorific: str | None = None,
        roles: list[str] | None = None,
        kind: str = "person",
        author: str | None = None,
    ) -> None:
        self.name = name
        self.honorific = honorific
        self.roles = [] if roles is None else roles
        self.kind = kind
        self.author = author

    @property
    def gender(self) -> str | None:
        return person_gender(self.name, self.honorific) if self.kind == "person" else None

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass(init=False)
class Attributed:
    speaker: Person | None
    mention: str | None
    alias: str | None = None  # a role-only mention that named them: "the former RCGP chairwoman"

    def __init__(self, speaker: Person | None, mention: str | None, alias: str | None = None) -> None:
        self.speaker = speaker
        self.mention = mention
        self.alias = alias


_NOT_SPACE: Final = re.compile(r"\S")
_OTHER_SPACE: Final = re.compile(r"[^\S ]")  # whitespace other than a plain space


def mask_quotes(par: str, spans: list[Span]) -> str:
    """The paragraph with quoted words blanked out (positions kept), marks and final stops kept."""
    if not spans:
        return par
    if not _in_order(spans, len(par)):
        return _mask_by_char(par, spans)
    pieces = []
    at = 0
    for s in spans:
        pieces.append(par[at : s.start])
        pieces.append(_blank(par[s.start : s.end]))
        at = s.end
    pieces.append(par[at:])
    return "".join(pieces)


def _in_order(spans: list[Span], length: int) -> bool:
    """Spans that are non-empty, inside the paragraph, in order and apart (as find_spans gives)."""
    at = 0
    for s in spans:
        if not at <= s.start < s.end <= length:
            return False
        at = s.end
    return True


# _blank of ASCII text, a byte at a time: each ASCII character's blank (by the regexes
# themselves: whitespace a space, anything else an x); bytes from 128 never come.
_ASCII_BLANK: Final = bytes(ord(_OTHER_SPACE.sub(" ", _NOT_SPACE.sub("x", chr(i)))) for i in range(128)) + b"x" * 128
# _blank of UTF-8 text whose only whitespace is the plain space: a space stays, any byte
# that starts a character is an x, and the bytes that continue one (0x80-0xBF) are deleted,
# so that each character is one byte of the result.
_SPACED_BLANK: Final = b"x" * 32 + b" " + b"x" * 223
_CONTINUATION: Final = bytes(range(0x80, 0xC0))


def _blank(quoted: str) -> str:
    """A quotation's words as x's, its whitespace as spaces, a final . ! or ? kept."""
    if quoted.isascii():  # most quotations: one C translate of its bytes
        masked = quoted.encode("ascii").translate(_ASCII_BLANK).decode("ascii")
    elif _OTHER_SPACE.search(quoted):
        masked = _OTHER_SPACE.sub(" ", _NOT_SPACE.sub("x", quoted))
    else:  # only plain spaces between the words (surrogatepass: a lone surrogate is 3 bytes too)
        masked = quoted.encode("utf-8", "surrogatepass").translate(_SPACED_BLANK, _CONTINUATION).decode("ascii")
    return masked[:-1] + quoted[-1] if quoted[-1] in ".!?" else masked


def _mask_by_char(par: str, spans: list[Span]) -> str:
    """mask_quotes for any spans at all (overlapping, out of order, empty)."""
    chars = list(par)
    for s in spans:
        for i in range(s.start, s.end):
            chars[i] = "x" if not chars[i].isspace() else " "
        last = par[s.end - 1] if s.end > s.start else ""
        if last in ".!?":
            chars[s.end - 1] = last
    return "".join(chars)


# what may end a text after its last sentence's words: end marks and closing marks
_TRAILING_MARKS: Final = ".!?…’”'\")]"


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of *text*.

    Most paragraphs are one sentence: with no end mark before its trailing marks, SENT_BREAK
    cannot match (its end marks must be followed by a space or a capital), and the regex
    is not run.
    """
    body = text.rstrip(_TRAILING_MARKS)
    if "." not in body and "!" not in body and "?" not in body and "…" not in body:
        return [(0, len(text))] if text else []
    return list(_sentences_kept(text))


@functools.lru_cache(maxsize=128)
def _sentences_kept(text: str) -> tuple[tuple[int, int], ...]:
    """``_sentences_by_breaks(text)``, kept: a paragraph without quotations is split twice
    per article, for its quotations' speakers (masked, it is itself) and for its proposals.
    (128: an article's paragraphs, about; not so many that paragraphs repeated from article
    to article, as a generated corpus repeats them, would flatter the benchmarks.)"""
    return tuple(_sentences_by_breaks(text))


# SENT_BREAK's closing marks, after its end marks
_BREAK_CLOSERS: Final = "’”'\")]"


def _break_end(text: str, i: int) -> int:
    """Where ``SENT_BREAK.match(text, i)`` ends, for an end mark at *i*; -1 where it does not
    match. Read a character at a time, as the pattern reads it: end marks, closing marks,
    then whitespace (``\\s``: str.isspace) or a capital or opening mark to come. It cannot
    match by giving any of them back: the character then next is an end or closing mark,
    neither whitespace nor what may come (a test compares)."""
    n = len(text)
    j = i + 1
    while j < n and text[j] in ".!?…":
        j += 1
    while j < n and text[j] in _BREAK_CLOSERS:
        j += 1
    if j == n:
        return -1
    ch = text[j]
    if ch.isspace():
        j += 1
        while j < n and text[j].isspace():
            j += 1
        return j
    return j if "A" <= ch <= "Z" or ch == "‘" or ch == "“" else -1


def _sentence_breaks(text: str) -> list[tuple[int, int]]:
    """The spans of ``SENT_BREAK.finditer(text)``: SENT_BREAK tried only at the end marks,
    found by str's search (each match starts on one), quicker than the regex's class scan,
    and matched there by ``_break_end`` (no regex call, no match object); and not at those
    the text ends on (every paragraph's last): after them come only end marks and closing
    marks, and a match needs whitespace or a capital after its marks."""
    found: list[tuple[int, int]] = []
    end = 0
    last = len(text.rstrip(_TRAILING_MARKS))  # SENT_BREAK's marks and closing marks, exactly
    for i in char_positions(text, ".!?…"):
        if i >= last:
            break
        if i < end:
            continue  # inside the previous break (finditer goes on from its end)
        j = _break_end(text, i)
        if j >= 0:
            found.append((i, j))
            end = j
    return found


def _abbreviation_at(text: str, mark: int) -> bool:
    """``ABBREV.search(text[max(0, mark - 6) : mark + 1])`` for the end mark at *mark*, the
    regex run only where it may match: on a "." after a run of one to four word characters
    that is not a word of two to four letters opening on a small letter other than "etc" and
    "vs" (every abbreviation is a capital, "i.e", "e.g" or one of its words, each after \\b;
    most sentences end on such a word, or on a longer one)."""
    if text[mark] != ".":
        return False
    start = mark
    while start > 0 and mark - start < 5 and _word_char(text[start - 1]):
        start -= 1
    length = mark - start
    if length == 0 or length == 5:
        return False
    if length >= 2 and "a" <= text[start] <= "z" and text[start:mark] not in ("etc", "vs"):
        return False
    return ABBREV.search(text[max(0, mark - 6) : mark + 1]) is not None


def _sentences_by_breaks(text: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    for at, end in _sentence_breaks(text):
        if _abbreviation_at(text, at):
            continue
        out.append((start, end))
        start = end
    if start < len(text):
        out.append((start, len(text)))
    return out


class ArticleSpeakers:
    """The people, organisations and documents an article names, and who is salient now."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.salient: list[Person] = []  # most recent last

    def register(self, ref: Ref) -> Person | None:
        if ref.kind == "person":
            return self._person(ref)
        if ref.kind in ("organisation", "document"):
            for p in self.people:
                if p.kind == ref.kind and same_org(p.name, ref.name):
                    if len(ref.name) > len(p.name) and ref.kind == "organisation" and " " in ref.name:
                        p.name = ref.name
                    return p
            p = Person(ref.name, kind=ref.kind, author=ref.author)
            self.people.append(p)
            return p
        return None

    def _person(self, ref: Ref) -> Person | None:
        name = ref.name
        if " " not in name and ref.honorific in GIVEN_NAME_TITLES:
            knight = self._by_given_name(name, ref.honorific)
            if knight is not None:  # "Sir Tim Curtis …", then "Sir Tim said"
                if not knight.honorific or knight.honorific in WEAK_HONORIFICS:
                    knight.honorific = ref.honorific
                for r in ref.roles:
                    if r not in knight.roles:
                        knight.roles.append(r)
                return knight
        for p in self.people:
            if p.kind != "person":
                continue
            # (each split only when the one name is in the other: a word of a name is in it)
            if (
                p.name == name
                or (" " not in name and name in p.name and p.surname == name)
                or (" " not in p.name and p.name in name and name.split()[-1] == p.name)
            ):
                if len(name) > len(p.name):
                    p.name = name
                if ref.honorific and (not p.honorific or p.honorific in ("Mr", "Mrs", "Ms", "Miss")):
                    p.honorific = ref.honorific
                for r in ref.roles:
                    if r not in p.roles:
                        p.roles.append(r)
                return p
        if " " not in name and not ref.honorific:
            return None  # a lone capitalised word is not known to be a person
        p = Person(name, ref.honorific, list(ref.roles))
        self.people.append(p)
        return p

    def _by_given_name(self, given: str, title: str) -> Person | None:
        """The one person named so far whose first name is *given* and whose title does not
        say otherwise (a knight or dame is "Sir Tim", "Dame Clare" once introduced, whether
        as "Sir Tim Curtis", "Professor Sir Mike Richards" or "Tim Curtis"); None when there
        is none, or more than one."""
        gender = person_gender("", title)
        found = [
            p for p in self.people
            if p.kind == "person" and " " in p.name and p.name.split()[0] == given
            and person_gender("", p.honorific) in (None, gender)
        ]
        if len(found) > 1:  # two Tims: the one who is Sir already, if only one is
            found = [p for p in found if p.honorific == title]
        return found[0] if len(found) == 1 else None

    def touch(self, person: Person | None) -> None:
        if person is None:
            return
        for i, p in enumerate(self.salient):
            # what list.remove would take: the first that is it or equal to it (equal: same name too);
            # comparing names first spares most calls to the dataclass __eq__
            if p is person or (p.name == person.name and p == person):
                del self.salient[i]
                break
        self.salient.append(person)

    def pronoun(self, which: str) -> Person | None:
        for p in reversed(self.salient):
            if which in ("m", "f"):
                if p.kind == "person" and p.gender in (which, None):
                    return p
            elif which in ("it", "they"):
                if p.kind in ("organisation", "document"):
                    return self.document_author(p) if p.kind == "document" else p
        return None

    def document_author(self, doc: Person) -> Person:
        if doc.author:
            org = next((p for p in self.people if p.kind == "organisation" and same_org(p.name, doc.author)), None)
            if org:
                return org
        return doc

    def by_role(self, role_words: set[str]) -> Person | None:
        best, best_score = None, 0
        for p in self.people:
            if p.kind != "person":
                continue
            score = max((len(role_words & content_words(r)) for r in p.roles), default=0)
            if score > best_score or (score == best_score and score > 0 and p in self.salient and (best not in self.salient or self.salient.index(p) > self.salient.index(best))):  # type: ignore[arg-type]
                best, best_score = p, score
        return best if best_score > 0 else None


@functools.lru_cache(maxsize=16384)
def same_org(a: str, b: str) -> bool:
    a_t, b_t = a.lower().split(), b.lower().split()
    if a_t == b_t:
        return True
    if len(a_t) >= 2 and len(b_t) >= 2 and a_t[-1] in DOCUMENT_WORDS and b_t[-1] in DOCUMENT_WORDS:
        return a_t[:-1] == b_t[:-1]  # "Fuller stocktake" is "the Fuller report"
    if len(a_t) != len(b_t):
        return _acronym(a) == b.replace(" ", "") or _acronym(b) == a.replace(" ", "")
    return all(x.startswith(y) or y.startswith(x) for x, y in zip(a_t, b_t))


def _acronym(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in ("of", "for", "and", "the", "&")]
    return "".join(w[0] for w in words if w[:1].isupper()) if len(words) > 1 else name


class Attributor:
    """Walks an article's paragraphs once, in order, attributing as a reader would."""

    def __init__(self, paragraphs: list[str], spans: list[Span]) -> None:
        self.paragraphs = paragraphs
        self.spans = spans
        self.by_par: dict[int, list[Span]] = {}
        for s in spans:
            self.by_par.setdefault(s.paragraph, []).append(s)
        self.known = ArticleSpeakers()
        # (paragraph, start, end) -> who the sentence reports, for reported speech
        self.statements: dict[tuple[int, int, int], Person] = {}
        # the subjects read before verbs (``_subject``): head -> its reading, kept unchanged
        self.subjects: dict[str, Ref | None] = {}
        self.masked = [mask_quotes(par, self.by_par.get(p, [])) for p, par in enumerate(paragraphs)]
        self.sentences = [sentences(masked) for masked in self.masked]  # (start, end) per paragraph
        # per paragraph: " " + its masked text as ASCII (``_ascii_marks``), None for none
        ascii = [_ascii_marks(" " + masked) for masked in self.masked]
        # per paragraph: " " + its masked text lower-cased, spaced for VERB_GAP (made from the
        # masked text: no lower-cased copy); "" where the regex reads the lower-cased text
        # itself, and when the text has a case-odd character (not ASCII, not a mark: there is
        # no ASCII form then)
        self.verb_gaps = ["" if a is None else _gaps_of(a, True) for a in ascii]
        # per paragraph without verb gaps: " " + its masked text lower-cased, for VERB_AFTER_GAP
        # ("" when the text has a case-odd character: find_verbs reads it word by word)
        self.verb_text = [
            "" if gaps or _case_odd(masked) else " " + masked.lower() for masked, gaps in zip(self.masked, self.verb_gaps)
        ]
        # per paragraph, per sentence: everyone it names (shared refs: read only)
        # (each sentence's folded text a slice of its paragraph's, made once a paragraph)
        folded = ["" if a is None else _fold_of(a) for a in ascii]
        self.named = [
            [_named_in(masked[a:b], fold[a + 1 : b + 1] if fold else None) for a, b in bounds]
            for masked, fold, bounds in zip(self.masked, folded, self.sentences)
        ]
        self._prescan()

    # -- a first pass: everyone named, with the roles stated for them ---------------------
    def _prescan(self) -> None:
        for named_in_paragraph in self.named:
            for named in named_in_paragraph:
                for ref in named:
                    self.known.register(ref)
        self.known.salient.clear()

    # -- the main pass ---------------------------------------------------------------------
    def run(self) -> dict[int, Attributed]:
        """Attribution per span index (index into self.spans)."""
        result: dict[int, Attributed] = {}
        index = {id(s): i for i, s in enumerate(self.spans)}
        prev_principal: Person | None = None
        group_speaker: dict[int, Attributed] = {}
        for p, par in enumerate(self.paragraphs):
            pspans = self.by_par.get(p, [])
            masked = self.masked[p]
            principal: Person | None = None
            found: list[Attributed | None] = []
            for (a, b), named in zip(self.sentences[p], self.named[p]):
                sent_spans = [s for s in pspans if a <= (s.open_at if s.open_at is not None else s.start) < b or a <= s.start < b]
                main = self._sentence_subject(p, a, b)
                if main is not None:
                    self.statements[(p, a, b)] = main
                if main is not None and principal is None:
                    principal = main
                for s in sent_spans:
                    if s in pspans[: len(found)]:  # attributed already
                        continue
                    found.append(self._attribute(masked, a, b, s))
                for ref in named:
                    if ref.kind == "person":
                        self.known.touch(self.known.register(ref))
                if main is not None:
                    self.known.touch(main)
            found += [None] * (len(pspans) - len(found))
            # 5. other quotations of the paragraph
            for i, att in enumerate(found):
                if att is None or att.speaker is None:
                    before = next((f for f in reversed(found[:i]) if f and f.speaker), None)
                    after = next((f for f in found[i + 1 :] if f and f.speaker), None)
                    pick = before or after
                    if pick is not None and pspans[i].kind != "fragment":
                        found[i] = Attributed(pick.speaker, pick.mention)
            # 6. a paragraph that opens with a quotation continues the previous speaker
            opens_with_quote = bool(pspans) and (pspans[0].open_at == len(par) - len(par.lstrip()) or (pspans[0].open_at is None and pspans[0].start == 0))
            for i, s in enumerate(pspans):
                att = found[i]
                if s.part > 0 and s.group in group_speaker and (att is None or att.speaker is None or att.mention == "continuation"):
                    found[i] = group_speaker[s.group]
                elif (att is None or att.speaker is None) and opens_with_quote and prev_principal is not None and s.kind != "fragment":
                    found[i] = Attributed(prev_principal, "continuation")
            for i, s in enumerate(pspans):
                att = found[i] or Attributed(None, None)
                result[index[id(s)]] = att
                if att.speaker is not None:
                    group_speaker.setdefault(s.group, att)
                    if principal is None:
                        principal = att.speaker
                    self.known.touch(att.speaker)
            if principal is not None:
                prev_principal = principal
        self._standfirst_roles(result)
        # a continued quotation whose speaker is named only in a later part
        for i, s in enumerate(self.spans):
            if result[i].speaker is None and s.group in group_speaker:
                result[i] = group_speaker[s.group]
        return result

    def _standfirst_roles(self, result: dict[int, Attributed]) -> None:
        """'…, the chief executive of NHS England has said today.' before the name is given."""
        first = next((a.speaker for _, a in sorted(result.items()) if a.speaker and a.speaker.kind == "person"), None)
        if first is None:
            return
        for p, par in enumerate(self.paragraphs[:2]):
            masked = self.masked[p]
            for a, b in self.sentences[p]:
                m = STANDFIRST_ROLE.search(masked[a:b])
                if not m or _not_a_role(masked[a:b], par[a:b], m):
                    continue
                ref = classify(m.group(1))
                if ref is not None and ref.kind == "role":
                    role = ref.roles[0] if ref.roles else ref.text
                    if role not in first.roles and self.known.by_role(content_words(role)) in (None, first):
                        first.roles.insert(0, role)
                    self.statements.setdefault((p, a, b), first)

    def _verbs(self, p: int, a: int, end: int) -> list[tuple[int, int]]:
        """``find_verbs(self.masked[p][a:end])`` for *a* the start of a sentence, read in the
        paragraph's lower-cased text, not a slice's (a sentence starts after a space or an
        end mark: no letter before it, as at the start of a text)."""
        gaps = self.verb_gaps[p]
        if gaps:
            return [(vs - a, ve - 1 - a) for vs, ve in _verbs_at_gaps(self.masked[p], gaps, a, end + 1)]
        text = self.verb_text[p]
        if not text:
            return find_verbs(self.masked[p][a:end])
        return [(m.start() - a, m.end() - 1 - a) for m in VERB_AFTER_GAP.finditer(text, a, end + 1)]

    def _subject(self, head: str) -> Ref | None:
        """``_subject_before(head)``, read once per article for each head: a sentence's words
        before its first verb are read for its subject, then again for each quotation after
        that verb. A copy of the kept reading (a caller may add roles to it)."""
        if head in self.subjects:
            ref = self.subjects[head]
        else:
            ref = _subject_before(head)
            self.subjects[head] = ref
        return ref.copy() if ref is not None else None

    def _sentence_subject(self, p: int, a: int, b: int) -> Person | None:
        """The person a sentence is about, when it opens on a name ("Dr Bewick told …")."""
        masked = self.masked[p]
        end = min(b, a + 400)
        quoted = masked.find("x" * 4, a, end)
        # a verb after a quotation is handled as its attribution: look only before the quotation
        gaps = self.verb_gaps[p]
        if not gaps and not self.verb_text[p]:
            verb = first_verb(masked[a:end], -1 if quoted < 0 else quoted + 4 - a)
        else:
            # and read no further: its x's cannot be part of a verb that starts before them
            stop = (end if quoted < 0 else quoted + 4) + 1
            if gaps:
                at = _first_verb_at_gaps(masked, gaps, a, stop)
                verb = at - a if at >= 0 else -1
            else:
                m = VERB_AFTER_GAP.search(self.verb_text[p], a, stop)
                verb = m.start() - a if m is not None else -1
        if verb < 0:
            return None
        head = masked[a : a + verb]
        ref = self._subject(head)
        return self._resolve(ref) if ref else None

    def _attribute(self, masked: str, a: int, b: int, span: Span) -> Attributed:
        close = span.close_at if span.close_at is not None else span.end
        after = masked[close + 1 : min(b, close + 300)] if span.close_at is not None else ""
        text_end = self.paragraphs[span.paragraph][span.start : span.end].rstrip()
        unresolved_role: str | None = None
        # 1. right after the quotation
        if after and not (text_end[-1:] in ".!?" and NEXT_SENTENCE.match(after)):
            ref, words = _reporting_after(after)
            if ref is not None and ref.kind == "role":
                unresolved_role = ref.text
            if ref is not None:
                who = self._resolve(ref)
                if who is not None:
                    return Attributed(who, words, ref.text if ref.kind == "role" else None)
        # 2. a reporting clause closing the sentence
        tail = masked[close + 1 : b][-300:] if span.close_at is not None else ""
        m = _closing_clause(tail)
        if m and "x" * 3 not in m.group(1):
            ref, words = _reporting_after(", " + m.group(1))
            if ref is not None and ref.kind == "role":
                unresolved_role = unresolved_role or ref.text
            if ref is not None:
                who = self._resolve(ref)
                if who is not None:
                    return Attributed(who, words, ref.text if ref.kind == "role" else None)
        # 3. the nearest verb of speech before it
        start = span.open_at if span.open_at is not None else span.start
        before = masked[max(a, start - 400) : start]  # a bound on work in run-on text
        verbs = self._verbs(span.paragraph, a, start) if start - 400 <= a else find_verbs(before)
        for vstart, vend in verbs[::-1]:  # (reversed(...) trips mypyc 2.4)
            head = before[:vstart]
            if "x" * 4 in head[-12:]:
                continue
            ref = self._subject(head)
            if ref is not None:
                who = self._resolve(ref)
                if who is not None:
                    return Attributed(who, f"{ref.text} {before[vstart:vend]}".strip())
        # 3b. a name and a colon: "Dr Smith: ‘We are ready.’"
        m = _name_colon(before)
        if m and "x" * 4 not in m.group(1):
            ref = classify(m.group(1))
            if ref is not None and ref.kind in ("person", "organisation"):
                who = self._resolve(ref)
                if who is not None:
                    return Attributed(who, m.group(0).strip())
        # 4. according to X
        m = ACCORDING_TO.search(masked[a:b])
        if m:
            ref = classify(m.group(1))
            who = self._resolve(ref) if ref else None
            if who is not None:
                return Attributed(who, m.group(0))
        # a role nobody in the article holds: the corpus may know who held it then
        return Attributed(None, None, unresolved_role)

    def _resolve(self, ref: Ref) -> Person | None:
        if ref.kind == "pronoun":
            return self.known.pronoun(ref.pronoun or "")
        if ref.kind == "role":
            words = set()
            for r in ref.roles:
                words |= content_words(r)
            if words & {"spokesperson", "spokesman", "spokeswoman", "source", "official"}:
                for r in ref.roles:
                    org = classify(SPOKESPERSON.sub("", r))
                    if org is not None and org.kind == "organisation":
                        return self.known.register(org)
                return None
            who = self.known.by_role(words)
            if who is None and self.known.salient:
                people = [p for p in self.known.salient if p.kind == "person"]
                who = people[-1] if people else None
            return who
        if ref.kind == "document":
            doc = self.known.register(ref)
            if doc is None:
                return None
            if doc.author is None and doc.name.lower() in ("report", "research", "study", "survey", "analysis", "review", "paper"):
                doc.author = self.report_author
            return self.known.document_author(doc)
        return self.known.register(ref)

    @functools.cached_property
    def report_author(self) -> str | None:
        """'In a report on X, the NHS Confederation argued' / 'a report by the King’s Fund'.

        Read from the article's text alone: found once per article.
        """
        fallback = None
        for par in self.paragraphs:
            for a, b in _report_sentences(par):
                sent = par[a:b]
                for ref in _named_in(sent):
                    if ref.kind != "organisation":
                        continue
                    if _names_a_report(sent, ref.name):
                        return ref.name
                    fallback = fallback or (ref.name if ref.name != "Government" else None)
        return fallback


# These take the verbs as VERB_TRIE, not as VERB's alternation (the regex engine tries its
# ~150 IGNORECASE branches one by one): the same matches, as each verb is followed by \s+ or
# \b, where only "called"/"called for" (and "calls") could both match, and both take the
# longer first.
# Around an organisation's name in report_author: "a report by the King’s Fund", "In a report
# on X, the Y argued" (not "a report on X") before it; "the King’s Fund’s new report" after it.
REPORT_BEFORE_NAME: Final = re.compile(r"\b(?:report|research|study|survey|analysis)\b[^.;]{0,60}?(?:,\s+|\s+(?:by|from)\s+)(?:the\s+)?\Z")
REPORT_AFTER_NAME: Final = re.compile(r"(?:’s|'s)?\s+(?:new\s+|latest\s+)?(?:report|research|study|survey|analysis)\b")
_BOUNDARY: Final = re.compile(r"\b")


def _names_a_report(sent: str, name: str) -> bool:
    """True when *sent* has *name* (as written) with REPORT_BEFORE_NAME ending right before it
    and a word boundary after it, or a word boundary before it and REPORT_AFTER_NAME after it.

    As a search for either pattern with the name put in (``re.escape(name)``), without a
    regex compiled for every name.
    """
    at = sent.find(name)
    while at >= 0:
        end = at + len(name)
        if _BOUNDARY.match(sent, end) and REPORT_BEFORE_NAME.search(sent, 0, at):
            return True
        if _BOUNDARY.match(sent, at) and REPORT_AFTER_NAME.match(sent, end):
            return True
        at = sent.find(name, at + 1)
    return False


VERB_FIRST: Final = re.compile(r"^(?:" + VERB_TRIE + r")\s+(?P<np>[^,.;:!?]+)", re.I)
SUBJECT_APPOSITION_VERB: Final = re.compile(
    r"^(?P<np>[^,.;:!?‘“]{1,60}?),\s+(?P<app>[^.;:!?‘“]{2,120}?),\s+(?:(?:also|has|have|had|later|then|previously)\s+)?(?:"
    + VERB_TRIE
    + r")\b",
    re.I,
)
# (after the subject, whitespace first: what follows it, AUX's words or the verb, opens on
# \s+, and the look-ahead fails at once at each letter of the subject, where the lazy repeat
# would try AUX's group and \s+ there; the same matches as without it: a test compares)
SUBJECT_VERB: Final = re.compile(
    r"^(?P<np>[^,.;:!?‘“]{1,80}?)(?=\s)(?:" + AUX.pattern[:-1] + r")?\s+(?:" + VERB_TRIE + r")\b", re.I
)
# The three reporting patterns without IGNORECASE, for the lower-cased text (their words are
# lower-case): the regex engine compares each of its letters with a character's lower case,
# and a branch that opens on one cannot be passed over at a glance as a plain letter's can.
# Text with no case-odd character has as many characters lower-cased, each matching a
# letter, \w, \s or a class of these patterns as the character does under IGNORECASE, so
# the same matches at the same places (a hypothesis test compares them).
VERB_FIRST_LOWER: Final = re.compile(VERB_FIRST.pattern)
SUBJECT_APPOSITION_VERB_LOWER: Final = re.compile(SUBJECT_APPOSITION_VERB.pattern)
SUBJECT_VERB_LOWER: Final = re.compile(SUBJECT_VERB.pattern)


REPORTING_REST: Final = re.compile(r"^[\s,;:–—-]*(?P<rest>.*)$", re.S)
NP_END: Final = re.compile(r"\s+(?:at|in|on|during|to|yesterday|today|last|this|when|after|before|while)\s+(?=[a-z])|,")
NP_TRAILING_PREPOSITION: Final = re.compile(r"\s+(?:at|to|in)$")
APPOSITION_AFTER: Final = re.compile(r",\s+([^,.;:!?]{3,120})(?=[,.;]|$)")
NP_CONJUNCTION: Final = re.compile(r"\b(?:that|which|who|and|but)\b")
BEFORE_LOWER_WORD: Final = re.compile(r"\s+(?=[a-z]{3,})")


def _not_a_role(masked: str, text: str, m: re.Match) -> bool:
    """True when STANDFIRST_ROLE's role *m* holds quoted words (masked differs from the text)
    or a verb of a clause."""
    start, end = m.span(1)
    return masked[start:end] != text[start:end] or bool(CLAUSE_VERB.search(text, start, end))


# the marks REPORTING_REST's class takes besides whitespace
_REPORTING_LEAD: Final = ",;:–—-"


def _reporting_rest(after: str) -> str:
    """``REPORTING_REST.match(after).group("rest")``: *after* from its first character that is
    neither whitespace (``\\s``: str.isspace) nor one of its marks. The regex always matches
    (``.*`` with DOTALL takes the rest) and reads the whole text to its end; the loop reads
    only the few characters before the words (a test compares the two)."""
    i = 0
    n = len(after)
    while i < n and (after[i].isspace() or after[i] in _REPORTING_LEAD):
        i += 1
    return after[i:]


def _may_have_subject_verb(low: str) -> bool:
    """False when ``SUBJECT_VERB_LOWER.match(low)`` is None for sure (*low*: lower-cased, no
    case-odd character); True when it may match. A match is a verb of VERB_TRIE after
    whitespace with \\b after it, and before it (the subject, AUX's words, whitespace) none of
    the characters its subject cannot hold, its stops (,.;:!?‘“). VERB_GAP matches there in
    the spaced text of *low* (whitespace and the verb's \\b spaces, its letters the same):
    with no match there, or the first one after a stop, the pattern has none. A search for
    the verbs alone, where SUBJECT_VERB tries AUX's thirty words and then the verbs at every
    space of up to 80 characters: most text after a quotation that is no reporting clause
    fails here (a test compares)."""
    gaps = _spaced_gaps(" " + low)
    if not gaps:
        return True
    g = VERB_GAP.search(gaps)
    if g is None:
        return False
    at = g.start()  # (the verb at low[at]: every match of the pattern starts there or after)
    return not (
        low.find(",", 0, at) >= 0 or low.find(".", 0, at) >= 0 or low.find(";", 0, at) >= 0
        or low.find(":", 0, at) >= 0 or low.find("!", 0, at) >= 0 or low.find("?", 0, at) >= 0
        or low.find("‘", 0, at) >= 0 or low.find("“", 0, at) >= 0
    )


def _reporting_after(after: str) -> tuple[Ref | None, str | None]:
    """'’, he said.' / ' said the former RCGP chairwoman.' / ', Dr Bewick added.'"""
    rest = _reporting_rest(after)
    # the patterns' lower-case twins on the lower-cased text, each group read from *rest* at
    # the same place (every match starts at 0: "^")
    low = rest.lower() if not _case_odd(rest) else ""
    # verb first: "said the former RCGP chairwoman", "says the primary care chief at NHS England"
    if not rest[:1].isalpha():
        vm = None
    else:
        vm = VERB_FIRST_LOWER.match(low) if low else VERB_FIRST.match(rest)
    if vm:
        np = NP_END.split(rest[vm.start("np") : vm.end("np")])[0]
        np = NP_TRAILING_PREPOSITION.sub("", np)
        ref = classify(np)
        if ref is not None:
            app = APPOSITION_AFTER.match(rest[vm.end() :])
            role = appositive_role(app.group(1)) if app and ref.kind == "person" else None
            if role:
                ref.roles.append(role)
            return ref, rest[: vm.end()].strip()
    # subject, apposition, verb: "’ Dr Anna Smith, chair of the RCGP, said."
    # (its subject is up to 60 characters without a comma, then a comma: no match without one)
    if rest.find(",", 0, 61) <= 0:
        vm = None
    else:
        vm = SUBJECT_APPOSITION_VERB_LOWER.match(low) if low else SUBJECT_APPOSITION_VERB.match(rest)
    if vm:
        ref = classify(rest[vm.start("np") : vm.end("np")])
        if ref is not None and ref.kind in ("person", "organisation"):
            role = appositive_role(rest[vm.start("app") : vm.end("app")])
            if role and ref.kind == "person":
                ref.roles.append(role)
            return ref, rest[: vm.end()].strip()
    # subject first: "he said", "Dr Bewick added", "she told Pulse", "the report said"
    if low and not _may_have_subject_verb(low):
        vm = None
    else:
        vm = SUBJECT_VERB_LOWER.match(low) if low else SUBJECT_VERB.match(rest)
    if vm:
        np = rest[vm.start("np") : vm.end("np")]
        if np and not NP_CONJUNCTION.search(np):
            ref = classify(np)
            if ref is not None:
                return ref, rest[: vm.end()].strip()
    return None, None


def _without_aux(head: str) -> str:
    """``AUX.sub("", head)``, the regex skipped when *head*'s last word cannot end an AUX phrase.

    AUX is tried at every position of *head*; a plain-ASCII last word is checked by a set
    look-up instead (other words take the regex: IGNORECASE matches e.g. 'ſ' to 's').
    """
    words = head.rsplit(None, 1)
    last = words[-1] if words else ""
    if last.isascii() and last.lower() not in AUX_LAST_WORDS and not last.lower().endswith("day"):
        return head
    return AUX.sub("", head)


def _subject_before(head: str) -> Ref | None:
    """The subject of a verb whose preceding words are *head* (masked, same sentence)."""
    head = _without_aux(head.rstrip()).rstrip()
    if not head or "x" * 4 in head[-6:]:
        return None
    if head.endswith(","):
        segments = [LINKERS.sub("", s.strip()) for s in head[:-1].split(",")]
        while segments and INTRO.match(segments[0]) and not _has_person(segments[0]):
            segments.pop(0)
        segments = [s for s in segments if s]
        if not segments:
            return None
        # "NHS England's national director for primary care, Dr Amanda Doyle, said": the
        # segments read up to the first person (none after it is looked at)
        refs: list[Ref | None] = []
        at = 0
        for i, seg in enumerate(segments):
            seg_ref = classify(_last_clause(seg))
            refs.append(seg_ref)
            if seg_ref is not None and seg_ref.kind == "person":
                at = i
                break
        if at > 0 and (refs[0] is None or refs[0].kind != "role"):
            at = 0
        ref = refs[at]
        if ref is not None and ref.kind == "person":
            ref.roles += [r for r in (appositive_role(s) for s in segments[at + 1 :]) if r]
            if at > 0 and refs[0] is not None:
                ref.roles += [r for r in refs[0].roles]
        return ref
    clause = _last_clause(head)
    ref = classify(clause)
    if ref is None:
        # "welcomed the move saying": the subject of the sentence
        first = BEFORE_LOWER_WORD.split(clause, maxsplit=1)[0]
        if first != clause:
            ref = classify(first)
    return ref


ROLE_LEAD: Final = re.compile(r"^(?:who\s+is|and|also)\s+")
ROLE_WHO: Final = re.compile(r"^who\s+")
NOT_ROLE: Final = re.compile(r"^(?:due|which|whose|published|speaking|writing|who\s+(?:was|were|had|has|said|told|added))\b", re.I)


def appositive_role(segment: str) -> str | None:
    """'chair of the RCGP' -> itself; 'who leads X' -> 'leads X'; 'due to report this month' -> None."""
    seg = segment.strip()
    if not seg or not seg[:1].islower() or NOT_ROLE.match(seg) or INTRO.match(seg):
        return None
    seg = ROLE_LEAD.sub("", seg)
    seg = ROLE_WHO.sub("", seg)
    return seg


def _has_person(segment: str) -> bool:
    ref = classify(_last_clause(segment))
    return ref is not None and ref.kind == "person"


# The clause breaks of CLAUSE_BREAK_PLAIN as branches that each open on one literal character
# (the \b before a word checked by a look-behind after its first letter): sre then takes the
# branches' first characters as a set and skips to them, where a pattern opening on a
# look-ahead or on \b is tried at every position of the text. The same matches (a test).
CLAUSE_BREAK_PLAIN: Final = re.compile(
    r"[;:]|,\s|\b(?:that|which|who|as|while|because|so|when|if|although)\s|\b(?:and|but)\s(?=[a-z])"
)
CLAUSE_BREAK: Final = re.compile(
    r";|:|,\s|t(?<=\bt)hat\s|w(?<=\bw)(?:hich|ho|hile|hen)\s|a(?<=\ba)(?:s\s|lthough\s|nd\s(?=[a-z]))"
    r"|b(?<=\bb)(?:ecause\s|ut\s(?=[a-z]))|s(?<=\bs)o\s|i(?<=\bi)f\s"
)
CLAUSE_LINKER: Final = re.compile(r"^(?:but|and|so|yet|however|meanwhile|also|then)\s+", re.I)


# every character CLAUSE_LINKER (IGNORECASE) can open on: its words' first letters, their
# capitals, and "ſ", which IGNORECASE takes for "s" (a test tries every character)
CLAUSE_LINKER_FIRST: Final = "bBaAsSſyYhHmMtT"


# the words after which CLAUSE_BREAK breaks a clause (each after \b, before whitespace), and
# their last two letters
_CLAUSE_BREAK_WORDS: Final = frozenset(
    {"that", "which", "who", "while", "when", "as", "although", "and", "because", "but", "so", "if"}
)
_CLAUSE_BREAK_ENDS: Final = frozenset({w[-2:] for w in _CLAUSE_BREAK_WORDS})


def _may_break_clause(text: str) -> bool:
    """False when CLAUSE_BREAK has no match in *text*; True when it may have one. Each of its
    matches holds ";", ":" or ",", or is a word of _CLAUSE_BREAK_WORDS after \\b and before
    whitespace: the end of a whitespace-separated word (``str.split`` splits where ``\\s``
    matches) that is the word itself, or ends on it after a character that is no letter or
    digit (in a word of letters and digits alone, one is before it: no \\b). Most subjects
    ("Dr Bates", "He", "Commissioners in Leeds") have none: no regex split (a test compares)."""
    if ";" in text or ":" in text or "," in text:
        return True
    for word in text.split():
        if word in _CLAUSE_BREAK_WORDS or (not word.isalnum() and word[-2:] in _CLAUSE_BREAK_ENDS):
            return True
    return False


def _last_clause(text: str) -> str:
    """The last clause of *text*, without a linking word that opens it. CLAUSE_LINKER.sub is
    made only on a clause that opens on a character it can open on (most open on a name)."""
    if _may_break_clause(text):
        parts = CLAUSE_BREAK.split(text)
        clause = parts[-1].strip() if parts else text.strip()
    else:
        clause = text.strip()  # (CLAUSE_BREAK.split's one part, the text)
    if clause[:1] and clause[:1] in CLAUSE_LINKER_FIRST:
        clause = CLAUSE_LINKER.sub("", clause)
    return clause


NAME_TITLES: Final = ("Dr", "Mr", "Mrs", "Ms", "Miss", "Professor", "Prof", "Sir", "Dame", "Lord", "Lady", "Baroness", "Cllr")
_NAME_WORD: Final = r"[A-Z][\w’'\-]+"
NAME_CORE: Final = re.compile(
    r"(?:(?:" + "|".join(NAME_TITLES) + r")\s+)+(?:" + _NAME_WORD + r"\s+){0,2}" + _NAME_WORD
    + r"|\b[A-Z][a-z]+(?:\s+" + _NAME_WORD + r"){1,2}"
)
# after a name-like run of capitalised words, another one (not an acronym: "Jeremy Hunt MP")
LONGER_PROPER_NOUN: Final = re.compile(r"\s+[A-Z][a-z]")
# up to four words before a name, each word's letters and the whitespace after it taken
# possessively: letters cannot give back a space for \s+, nor a space a letter or the end
# for what follows (the same matches as the plain form with {1,20} and \s+: a test)
NAME_PRE: Final = re.compile(r"(?:\b(?:[A-Z][A-Za-z]{1,20}+|[a-z]{1,20}+)\s++){1,4}$")
NAME_APPOSITION: Final = re.compile(
    r",\s+(?:a |an |the |who |chair|head|chief|president|director|deputy|national|former|lead)[^,]{2,120},"
)
DOCUMENT_KINDS: Final = ("report", "review", "stocktake", "plan", "strategy", "paper", "framework", "study", "survey")
DOCUMENT_MENTION: Final = re.compile(r"\b(?:the\s+)?(?:" + _NAME_WORD + r"\s+){1,3}(?:" + "|".join(DOCUMENT_KINDS) + r")\b")
ORG_WORDS_TITLED: Final = (
    "Confederation", "Confed", "College", "Association", "Fund", "Foundation", "Trust", "Committee", "Commission",
    "Council", "Institute", "Society", "Office", "Agency", "Board",
)
# "Royal College of Nursing", "Institute for Fiscal Studies": the name goes on after of/for
_ORG_GOES_ON: Final = r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w’'&]*(?:\s+(?:and\s+)?[A-Z][\w’'&]*){0,3})?"
_ORG_LAST: Final = (
    r"[A-Z]{2,}s?|(?:" + "|".join(ORG_WORDS_TITLED) + ")" + _ORG_GOES_ON
    + r"|Department of Health(?: and Social Care)?|Government"
)
ORG_MENTION: Final = re.compile(  # the look-ahead first: no other position can start a match
    r"(?=the\s|[A-Z])\b(?:the\s+)?((?:[A-Z][\w’'&]*\s+){0,4}(?:" + _ORG_LAST + r"))\b"
)

# Cheap tests that let _named_in_cached skip most of the work. Python's regex engine tries
# a pattern that opens on an alternation at every position of the text, but skips quickly
# to a pattern's first character class or literal.
ORG_HEAD: Final = re.compile(  # in every ORG_MENTION match: two capitals, or its organisation word
    r"[A-Z](?:[A-Z]|onfed|ollege|ssociation|und|oundation|rust|ommittee|ommission|ouncil|nstitute|ociety|ffice|"
    r"gency|oard|epartment of Health|overnment)"
)
DOCUMENT_HEAD: Final = re.compile(  # the end of every DOCUMENT_MENTION: its last capitalised word and the document word
    r"[A-Z][\w’'\-]+\s+(?:" + "|".join(DOCUMENT_KINDS) + r")\b"
)


def _after_capital(words: tuple[str, ...]) -> str:
    """The alternation of *words* (each a capital, then letters) for a pattern that has read
    the capital already: ("Dr", "Mr") -> "r(?<=Dr)|r(?<=Mr)", in the same order (the letters
    first: a branch that opens on a literal is passed over at a glance when it fails)."""
    return "|".join(f"{w[1:]}(?<={w})" for w in words)


# A word of a name and the whitespace after it, its letters taken possessively (no giving
# back: whitespace is none of them, so \s+ could match after no shorter run): on a failed
# match the regex engine does not go back over the word a character at a time.
_NAME_WORD_SPACED: Final = r"[A-Z][\w’'\-]++\s+"
# NAME_CORE's and ORG_MENTION's matches by one finditer each of a pattern that opens on a
# character class, so that the regex engine skips to the capitals (and "t"): ORG_MENTION
# itself is tried at every position, and NAME_CORE was tried from a Python loop at each
# capital where a match can begin. Each reads the capital that opens every match once, then
# goes on with the rest of the plain pattern's branches in their order, a look-behind
# telling which capital it read. The same matches (hypothesis tests compare them):
# - NAME_SCAN: at a capital followed by lower-case letters, a space and a capital (where a
#   NAME_CORE match can begin: "Dr S", "Anna S"; checked first, as most capitals fail it;
#   its letters and spaces taken possessively: a letter is no space, a space no capital),
#   NAME_CORE's match, taken whole as NAME_CORE.match gives it (an atomic group), and
#   passed over when LONGER_PROPER_NOUN follows it: not a run of capitals that goes on
#   ("the Additional Roles Reimbursement Scheme"), the words inside it tried again
#   ("Respected Professor Alan Ford said": Professor Alan Ford).
# - ORG_SCAN: "the" before a capital, or a capital, at the start of a word; then the words
#   before the last, or none (the last word then read on from after its capital).
# - DOCUMENT_SCAN: DOCUMENT_MENTION's matches, which open as ORG_MENTION's do.
NAME_SCAN: Final = re.compile(
    r"[A-Z](?=[a-z]++\s++[A-Z])(?>(?:" + _after_capital(NAME_TITLES) + r")\s+(?:(?:" + "|".join(NAME_TITLES) + r")\s+)*"
    r"(?:" + _NAME_WORD_SPACED + r"){0,2}" + _NAME_WORD + r"|(?<=\b[A-Z])[a-z]++(?:\s+" + _NAME_WORD + r"){1,2})"
    r"(?!" + LONGER_PROPER_NOUN.pattern + ")"
)
# (each word before the last, and the whitespace after it, taken possessively as in
# _NAME_WORD_SPACED: the regex engine does not go back over its letters for \s+)
_ORG_AFTER_CAPITAL: Final = (
    r"(?:[\w’'&]*+\s+(?:[A-Z][\w’'&]*+\s+){0,3}(?:" + _ORG_LAST + r")"
    r"|[A-Z]+s?|(?:" + _after_capital(ORG_WORDS_TITLED) + ")" + _ORG_GOES_ON
    + r"|epartment of Health(?<=Department of Health)(?: and Social Care)?|overnment(?<=Government))\b"
)
ORG_SCAN: Final = re.compile(r"[tA-Z](?:he(?<=\bthe)\s+[A-Z]|(?<=\b[A-Z]))" + _ORG_AFTER_CAPITAL)
# ORG_SCAN's matches that open on their capital (the "the" before it looked at by _org_scan):
# a pattern that opens on [tA-Z] is tried at every "t" of the text, most of them in words
ORG_SCAN_CAPITAL: Final = re.compile(r"[A-Z](?<=\b[A-Z])" + _ORG_AFTER_CAPITAL)
DOCUMENT_SCAN: Final = re.compile(
    r"[tA-Z](?:he(?<=\bthe)\s+[A-Z]|(?<=\b[A-Z]))[\w’'\-]++\s+(?:" + _NAME_WORD_SPACED + r"){0,2}(?:" + "|".join(DOCUMENT_KINDS) + r")\b"
)


def _may_name_a_document(sentence: str, at_start: bool = False) -> bool:
    """``DOCUMENT_HEAD.search(sentence)`` (with *at_start*, ``DOCUMENT_HEAD.match``: for a
    sentence whose only capital is its first), the regex run only when a document word is
    there as DOCUMENT_HEAD ends: after whitespace (``\\s+``), before no word character (``\\b``).
    Most sentences with one have it inside a word ("explained", "plans") or none at all.
    The match at the start alone is made at once: it fails within the first two words, where
    the nine finds read the whole sentence."""
    if at_start:
        return DOCUMENT_HEAD.match(sentence) is not None
    for kind in DOCUMENT_KINDS:
        i = sentence.find(kind)
        while i >= 0:
            j = i + len(kind)
            if i > 0 and sentence[i - 1].isspace() and (j == len(sentence) or not _word_char(sentence[j])):
                return DOCUMENT_HEAD.search(sentence) is not None
            i = sentence.find(kind, i + 1)
    return False


def _word_char(ch: str) -> bool:
    """Whether the regex engine takes *ch* (one character) for ``\\w``: alphanumeric or "_"."""
    return ch.isalnum() or ch == "_"


# For bytes.translate: each ASCII capital an "A", each whitespace character (str.isspace, as
# the regex's \s) a space, any other character itself. In text so folded a capital, a
# lower-case letter, whitespace and a word character are told as in the text, at the same
# places, by patterns that open on a literal (the regex engine skips to it, where it tests a
# class such as [A-Z] at every character of the text, some 60 instructions each).
_FOLD_TABLE: Final = bytes(65 if 65 <= i <= 90 else 32 if chr(i).isspace() else i for i in range(128)) + bytes(range(128, 256))


def _folded(text: str) -> str:
    """*text* with each capital A-Z an "A" and each whitespace character a space, for the
    scans' prefilters: a character for a character, the marks as ``_ascii_marks`` makes them;
    "" for text with any other character outside ASCII."""
    ascii = _ascii_marks(text)
    return "" if ascii is None else _fold_of(ascii)


def _fold_of(ascii: bytes) -> str:
    """``_folded`` of the text whose ``_ascii_marks`` are *ascii*."""
    return ascii.translate(_FOLD_TABLE).decode("ascii")


# Where NAME_SCAN can open (a capital, lower-case letters, whitespace, a capital), in the folded text
NAME_START: Final = re.compile(r"A(?=[a-z]++ ++A)")
# ORG_HEAD in the folded text: its capitals "A" ("Health" too: "Aealth"), its space a space
FOLDED_HEAD: Final = re.compile(ORG_HEAD.pattern.replace("[A-Z]", "A").replace("Health", "Aealth"))
# What _may_name_a_document looks for before DOCUMENT_HEAD, in the folded text: a document
# word after whitespace and before \b (the folded text's word characters are the text's)
FOLDED_DOCUMENT_WORD: Final = re.compile(r" (?:" + _trie([list(w) for w in DOCUMENT_KINDS]) + r")\b")


def _pre_window(sentence: str, end: int) -> int:
    """Where to start ``NAME_PRE.search(sentence, max(0, end - 90), end)``, with the same match:
    the end of the fifth run of non-spaces before *end* (its match is at most four words, each
    a run's end, the \\s+ after it the space between runs), not 90 characters back."""
    lo = max(0, end - 90)
    runs = sentence[lo:end].rsplit(None, 4)
    return lo + len(runs[0]) if len(runs) == 5 else lo


def _org_window(sentence: str, head: int) -> int:
    """Where ``ORG_SCAN.finditer(sentence)`` may begin, for *head* the start of the first
    ORG_HEAD match: every ORG_SCAN match holds one (at the start of its last word, so at or
    after *head*), and opens at most five runs of non-spaces before that word's run ("the"
    and four words, each followed by \\s+): the end of the sixth run before *head*. No match
    starts before it, so the scan finds the same matches from there (its look-behinds and \\b
    read the characters before it all the same)."""
    runs = sentence[:head].rsplit(None, 5)
    return len(runs[0]) if len(runs) == 6 else 0


def _folded_word_char(c: int) -> bool:
    """Whether the character of code *c* of a folded text (ASCII) is a word character (\\w)."""
    return 97 <= c <= 122 or c == 65 or 48 <= c <= 57 or c == 95


def _words_before(folded: str, end: int) -> int:
    """Where ``NAME_PRE.search(sentence, max(0, end - 90), end)`` matches (-1: nowhere), read
    in ``folded = _folded(sentence)`` word by word back from *end*, with no regex tried at each
    place of the window. NAME_PRE's match is one to four words, each whitespace after it
    (possessive: all of it), ending at *end*: from any place its words follow one another as
    written, so the places it can open are the starts of the words before *end*, each found
    back from the next: the whitespace before it (one character at least), the letters
    before that (an ASCII letter is an "A" or a-z in the folded text, whitespace a space),
    opening at \\b (no word character before them) and a word of NAME_PRE's: a capital and 1
    to 20 letters, or 1 to 20 small letters (a longer one, or a capital after a small
    letter, leaves a letter where NAME_PRE wants whitespace). search takes the first place
    that opens a match, the furthest word back of four at most, none before the window
    (a test compares)."""
    lo = max(0, end - 90)
    found = -1
    at = end
    for _ in range(4):
        j = at
        while j > lo and ord(folded[j - 1]) == 32:
            j -= 1
        if j == at:
            break
        p = j
        while p > lo:
            c = ord(folded[p - 1])
            if c == 65 or 97 <= c <= 122:
                p -= 1
            else:
                break
        n = j - p
        if n == 0 or (p > 0 and _folded_word_char(ord(folded[p - 1]))):
            break
        if ord(folded[p]) == 65:
            if n < 2 or n > 21:
                break
        elif n > 20 or folded.find("A", p, j) >= 0:
            break
        found = at = p
    return found


def _folded_window(folded: str, head: int) -> int:
    """``_org_window(sentence, head)`` read in ``folded = _folded(sentence)``, whose spaces
    are the sentence's whitespace (what str.split splits at): back from *head* over five runs
    of non-spaces, then to the end of the sixth (0 when there are fewer)."""
    i = head
    for _ in range(5):
        while i > 0 and ord(folded[i - 1]) == 32:
            i -= 1
        while i > 0 and ord(folded[i - 1]) != 32:
            i -= 1
    while i > 0 and ord(folded[i - 1]) == 32:
        i -= 1
    return i


def _org_scan(sentence: str, pos: int) -> list[tuple[int, int]]:
    """The spans of ``ORG_SCAN.finditer(sentence, pos)``, by ORG_SCAN_CAPITAL, each match
    taken back over a "the" and whitespace before it (at a word's start, from *pos* on) as
    ORG_SCAN opens there: a match from "the" is "the", whitespace, then the match from the
    capital after them (no other "the" or capital between), and no match ends inside a "the"
    at a word's start (each ends at \\b after a word character); a test compares the two."""
    found: list[tuple[int, int]] = []
    at = pos
    while True:
        # (search from each match's end, as finditer goes on: its matches are never empty,
        # and a search reads the text before where it starts as finditer's scan does; each
        # call costs less than finditer's iterator and scanner)
        m = ORG_SCAN_CAPITAL.search(sentence, at)
        if m is None:
            return found
        start, at = m.span()
        j = start
        while j > pos and sentence[j - 1].isspace():
            j -= 1
        if j < start and j - 3 >= pos and sentence[j - 3 : j] == "the" and (j == 3 or not _word_char(sentence[j - 4])):
            start = j - 3
        found.append((start, at))


def _named_in(sentence: str, folded: str | None = None) -> tuple[Ref, ...]:
    """Everyone a sentence names, with roles from apposition ("X, chair of the RCGP, said").
    *folded*: ``_folded(sentence)``, when made already (a slice of its paragraph's).

    The refs are shared (cached): read them, never change them (``Ref.copy()`` first).
    """
    sentence = sentence[:3000]  # a bound on work
    # (the folded text is a function of the sentence: kept with it, the cache hits and
    # misses as it did on the sentence alone)
    return _named_in_cached(sentence, _folded(sentence) if folded is None else folded[:3000])


@functools.lru_cache(maxsize=4096)
def _named_in_cached(sentence: str, folded: str) -> tuple[Ref, ...]:
    # no capital after the first character (a quarter of the text): told by the folded text
    # exactly (no "A" after its first character), else by islower (a sufficient test)
    if folded:
        if folded.find("A", 1) < 0:
            return _named_from_first(sentence)
    elif sentence[1:].islower():
        return _named_from_first(sentence)
    return _named_by_scans(sentence, folded)


def _named_by_scans(sentence: str, folded: str = "") -> tuple[Ref, ...]:
    """Everyone *sentence* names; *folded*: ``_folded(sentence)`` ("" for none), whose
    capitals are searched for as a literal, where the scans search the sentence for a class."""
    found: list[Ref] = []
    at = 0
    while True:
        if folded:
            # NAME_SCAN matches only where it opens, on a capital followed by lower-case
            # letters, whitespace and a capital: where NAME_START matches in the folded text
            # (capitals, lower-case letters and whitespace kept apart): tried there alone,
            # in order, as search tries every place
            c = NAME_START.search(folded, at)
            if c is None:
                break
            m = NAME_SCAN.match(sentence, c.start())
            if m is None:
                at = c.start() + 1
                continue
        else:
            m = NAME_SCAN.search(sentence, at)  # (its finditer, as in _org_scan)
            if m is None:
                break
        start, at = m.span()
        name = sentence[start:at]  # (a slice: group(0) is a method call)
        if folded:
            # (the words before the name and the name: one slice, as they meet at *start*)
            pre_at = _words_before(folded, start)
            phrase = sentence[pre_at:at] if pre_at >= 0 else name
        else:
            pre = NAME_PRE.search(sentence, _pre_window(sentence, start), start)
            phrase = pre.group(0) + name if pre else name
        # (the shared readings, as these refs are read only: a copy only to add a role)
        ref = classify_shared(phrase)
        if ref is None or ref.kind != "person" or ref.surname_only and not ref.honorific:
            ref = classify_shared(name)
        if ref is None or ref.kind != "person":
            continue
        app = NAME_APPOSITION.match(sentence, at)
        if app:
            role = appositive_role(app.group(0).strip(", "))
            if role:
                ref = ref.copy()
                ref.roles.append(role)
        found.append(ref)
    _add_documents_and_organisations(sentence, False, found, folded)
    return tuple(found)


def _named_from_first(sentence: str) -> tuple[Ref, ...]:
    """``_named_by_scans(sentence)`` for a sentence without a capital (A-Z) after its first
    character. Every NAME_SCAN match holds two capitals, and every ORG_SCAN, DOCUMENT_SCAN,
    ORG_HEAD and DOCUMENT_HEAD match opens on one (or on "the" before one): none but one at
    the start, so the heads are tried there alone, and the scans only when they match."""
    if not "A" <= sentence[:1] <= "Z":
        return ()
    found: list[Ref] = []
    _add_documents_and_organisations(sentence, True, found)
    return tuple(found)


def _add_documents_and_organisations(sentence: str, at_start: bool, found: list[Ref], folded: str = "") -> None:
    """The documents and organisations *sentence* names, added to *found*; *at_start*: their
    heads can only be at its start (``_named_from_first``), so they are tried there alone.
    *folded*: ``_folded(sentence)`` ("" for none), for the heads' prefilters (not at_start)."""
    if folded and not at_start:
        # a document word after whitespace and before \b, as _may_name_a_document looks for
        # first: in the folded text a space (whitespace) and a literal word, by a pattern
        # opening on a literal; then DOCUMENT_HEAD itself
        may_name = FOLDED_DOCUMENT_WORD.search(folded) is not None and DOCUMENT_HEAD.search(sentence) is not None
    else:
        may_name = _may_name_a_document(sentence, at_start)
    if may_name:
        at = 0
        while True:
            m = DOCUMENT_SCAN.search(sentence, at)  # (its finditer, as in _org_scan)
            if m is None:
                break
            start, at = m.span()
            ref = classify_shared(sentence[start:at])
            if ref is not None and ref.kind == "document":
                found.append(ref)
    if at_start:
        head = ORG_HEAD.match(sentence)
    else:
        # FOLDED_HEAD matches in the folded text wherever ORG_HEAD matches in the sentence
        # (and at a few places more): its first match is at or before ORG_HEAD's, and a
        # window from there holds all of ORG_SCAN's matches (_org_window: the earlier the
        # head, the earlier the window); with no ORG_HEAD match there is no ORG_SCAN match
        head = FOLDED_HEAD.search(folded) if folded else ORG_HEAD.search(sentence)
    if head is not None:
        window = _folded_window(folded, head.start()) if folded else _org_window(sentence, head.start())
        for start, end in _org_scan(sentence, window):
            ref = classify_shared(sentence[start:end])
            if ref is not None and ref.kind == "organisation":
                found.append(ref)
