"""Reading a noun phrase as a speaker: a person, an organisation, a document, a pronoun or a role.

"GPC deputy chair Dr Richard Vautrey" -> person Richard Vautrey, honorific Dr, role "GPC deputy chair".
"the former RCGP chairwoman" -> role-only, to be resolved against the people of the article.
"the NHS Confed" -> organisation; "The Fuller report" -> document; "Lord Ara Darzi’s review" -> Ara Darzi.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

HONORIFICS: Final = {
    "dr": "Dr", "dr.": "Dr", "mr": "Mr", "mr.": "Mr", "mrs": "Mrs", "mrs.": "Mrs", "ms": "Ms",
    "ms.": "Ms", "miss": "Miss", "mx": "Mx", "professor": "Professor", "prof": "Professor",
    "prof.": "Professor", "sir": "Sir", "dame": "Dame", "lord": "Lord", "lady": "Lady",
    "baroness": "Baroness", "baron": "Baron", "cllr": "Cllr", "councillor": "Councillor",
    "rev": "Rev", "revd": "Rev", "reverend": "Rev", "rt": "Rt", "hon": "Hon",
}
# Honorifics that say nothing more than politeness: dropped from the canonical display
# when a stronger title is known elsewhere.
WEAK_HONORIFICS: Final = {"Mr", "Mrs", "Ms", "Miss", "Mx"}
# titles used with the first name once a person is introduced: "Sir Tim", "Dame Clare"
GIVEN_NAME_TITLES: Final = {"Sir", "Dame"}
MALE_HONORIFICS: Final = {"Mr", "Sir", "Lord", "Baron"}
FEMALE_HONORIFICS: Final = {"Mrs", "Ms", "Miss", "Dame", "Lady", "Baroness"}

MALE_NAMES: Final = set(
    """adam alan alastair alex alexander andrew andy anthony arvind ben benjamin bill bob brian
    charles chris christopher clive colin daniel danny david dean dominic duncan ed edward gareth
    gary geoff george graham greg hamish harry henry hugh iain ian jack james jamie jeremy jim
    john jon jonathan joseph keir kevin keith lawrence mark martin matt matthew michael mike
    neil nick nicholas nigel oliver patrick paul peter phil philip raj ralph richard rishi rob
    robert roger ross sajid sam samuel scott sean simon stephen steve steven stuart ted thomas
    tim timothy tom tony wes william ara chaand krishna""".split()
)
FEMALE_NAMES: Final = set(
    """alison amanda amy angela ann anna anne barbara beccy becky beth carol caroline catherine
    charlotte chris claire clare deborah denise diane elizabeth emma fiona frances gill hannah
    helen jacqueline jane janet jayne jennifer jenny jessica jo joanna julia julie karen kate
    kamila katherine kathy kathryn laura liz lucy maggie margaret maria mary maureen michelle
    nicola patricia philippa rachel rebecca ros rosalind ruth sally samantha sarah sharon
    sophie sue susan theresa thérèse victoria wendy yvette zoe priti nadine""".split()
)
FEMALE_NAMES.discard("chris")

ORG_WORDS: Final = set(
    """nhs england confederation confed college association council department committee trust
    trusts board fund foundation institute society service services government union alliance
    partnership network networks group commission authority agency office ministry parliament
    bma rcgp gpc ccg ccgs lmc lmcs cqc nice dh dhsc pcn pcns ics icb icbs monitor treasury
    party labour conservative conservatives tory tories lib democrats healthwatch unit team
    federation federations hospital hospitals practice surgery university school centre
    company ltd plc limited inc corporation organisation organization forum panel""".split()
)
DOCUMENT_WORDS: Final = set(
    """report review stocktake plan strategy paper study survey analysis document framework
    manifesto letter consultation audit inquiry guidance research briefing blueprint
    white green proposals proposal figures data statement bill act""".split()
)
# document words that are also people's names: "Dr Beth Green", "Mr White", "Bill Smith"
NAME_DOCUMENT_WORDS: Final = {"white", "green", "bill"}
_NOT_NAME_WORDS: Final = (ORG_WORDS | DOCUMENT_WORDS) - NAME_DOCUMENT_WORDS
# news outlets, named where people talk to them ("told Nursing Times"): never a person
OUTLETS: Final = {
    "pulse", "nursing times", "health service journal", "gponline", "bmj", "guardian", "times", "sunday times",
    "financial times", "telegraph", "daily telegraph", "independent", "observer", "daily mail", "mail",
    "mirror", "bbc", "bbc news", "itv", "itv news", "sky news", "channel 4 news", "management in practice",
    "healthcare leader", "onmedica", "hsj", "gp online", "pulse today",
}
# contracts, payments and schemes of general practice, written as acronyms like bodies are
SCHEME_ACRONYMS: Final = {
    "pms", "gms", "apms", "qof", "mpig", "arrs", "des", "les", "cquin", "qipp", "pbr", "iif", "gpfv", "ltp", "sfe",
}
# Last words that end the name of a body or a scheme, never a person's (without "Dr", "Ms"…)
NOT_SURNAMES: Final = (ORG_WORDS - {"england", "nice", "monitor", "labour"}) | {
    "scheme", "schemes", "studies", "programme", "programmes", "initiative", "initiatives", "sites",
    "pilot", "pilots", "contract", "contracts", "payments", "fund", "funds", "trusts", "care",
}
ROLE_WORDS: Final = set(
    """chief chair chairman chairwoman chairperson director secretary executive minister head
    lead leader spokesperson spokesman spokeswoman president officer commissioner author
    authors boss official adviser advisor gp doctor doctors manager partner deputy clinician
    professor chancellor mp mps member members editor founder consultant nurse pharmacist
    researcher researchers expert experts analyst economist campaigner medical clinical
    general national regional practice senior principal vice representative representatives
    negotiator negotiators tsar czar""".split()
)
# Epithets that British news prose puts before a name: "Veteran Hannah Hunter said",
# "Outspoken Dr Laura Ryan". Not a part of the name (none is a common surname).
EPITHETS: Final = {
    "Veteran", "Outspoken", "Respected", "Retired", "Prominent", "Leading", "Eminent", "Renowned",
    "Controversial", "Influential", "Experienced", "Longtime", "Long-serving", "Long-standing",
    "Embattled", "Beleaguered", "Celebrated", "Distinguished", "Incoming", "Outgoing", "Award-winning",
}
# Capitalised words that begin a role rather than a name: "Health Secretary Jeremy Hunt".
ROLE_CAPS: Final = {w.capitalize() for w in ROLE_WORDS} | {"Prime", "Shadow", "Health", "Former", "Acting", "Interim"} | EPITHETS
PRONOUNS: Final = {"he": "m", "she": "f", "it": "it", "they": "they", "we": "we", "i": "i"}
DETERMINERS: Final = {"the", "its", "their", "his", "her", "a", "an", "our", "this", "that", "these", "those"}
PARTICLES: Final = {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "al", "bin", "ter", "st", "mc"}
NAME_TOKEN: Final = re.compile(
    r"^(?:[A-Z][a-zà-ÿ]*(?:[-’'][A-Z][a-zà-ÿ]+)+|[A-Z][a-zà-ÿ]+(?:-[A-Z]?[a-zà-ÿ]+)*|Ma?c[A-Z][a-z]+|[A-Z]\.?)$"
)
ACRONYM: Final = re.compile(r"^[A-Z][A-Z0-9&]+s?$")
PLURAL_ACRONYM: Final = re.compile(r"^[A-Z]{2,}s$")  # "GPs", "CCGs"
TOKEN: Final = re.compile(r"[A-Za-zÀ-ÿ][\w’'\-\.&]*|\d+")
LEADING_ARTICLE: Final = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
LEADING_THE: Final = re.compile(r"^(?:the|The)\s+")
LEADING_LINKER: Final = re.compile(r"^(?:and|but|so|while|whereas|then|also|however|meanwhile)\s+", re.I)
POSSESSIVE: Final = re.compile(r"^(.*?)[’']s\b(.*)$")  # "Lord Ara Darzi’s review"
FIRST_WORD: Final = re.compile(r"^\w+\s+")
# The characters LEADING_LINKER (ignoring case) can start on: its words' first letters,
# either case, and the long s, which IGNORECASE takes for an s (a test checks every one)
_LINKER_FIRST: Final = "aAbBhHmMsSwWtTſ"
GLUE: Final = set(
    """said says say told tells added that and but as with by from of to while when because then also
    had has have would will is was were who which whom where the a an""".split()
)
STOP: Final = {"the", "of", "at", "for", "and", "a", "an", "in", "to", "on", "its", "their", "his", "her", "former", "new", "s", "’s", "'s", "who", "is", "was", "has", "also"}


@dataclass(init=False)
class Ref:
    """A reading of the words that name a speaker."""

    kind: str  # person, organisation, document, pronoun, role
    name: str = ""  # person: "Richard Vautrey" or "Vautrey"; org/document: canonical-ish name
    honorific: str | None = None
    roles: list[str] = field(default_factory=list)
    pronoun: str | None = None  # m, f, it, they
    text: str = ""  # the words as written
    author: str | None = None  # a document's author, when written "X’s review"

    # Its own __init__ (init=False), the dataclass's fields: compiled, a native call, where
    # the generated one is interpreted Python fed a tuple and a dict (some 3,500 instructions
    # a reading, and classify copies one at every call). roles None is a new empty list.
    def __init__(
        self,
        kind: str,
        name: str = "",
        honorific: str | None = None,
        roles: list[str] | None = None,
        pronoun: str | None = None,
        text: str = "",
        author: str | None = None,
    ) -> None:
        self.kind = kind
        self.name = name
        self.honorific = honorific
        self.roles = [] if roles is None else roles
        self.pronoun = pronoun
        self.text = text
        self.author = author

    def copy(self) -> "Ref":
        """A copy whose role list can be changed without touching the cached original."""
        return Ref(self.kind, self.name, self.honorific, list(self.roles), self.pronoun, self.text, self.author)

    @property
    def surname_only(self) -> bool:
        return self.kind == "person" and " " not in self.name

    @property
    def gender(self) -> str | None:
        return person_gender(self.name, self.honorific)


def person_gender(name: str, honorific: str | None) -> str | None:
    if honorific in MALE_HONORIFICS:
        return "m"
    if honorific in FEMALE_HONORIFICS:
        return "f"
    first = name.split()[0].lower() if " " in name else ""
    if first in FEMALE_NAMES:
        return "f"
    if first in MALE_NAMES:
        return "m"
    return None


def _tokens(text: str) -> list[str]:
    """``TOKEN.findall(text)``, word by word: no token holds whitespace (str.split's, every
    one of which is outside TOKEN's classes) and TOKEN reads nothing around a match, so the
    tokens of the text are those of its words in turn; a word of ASCII letters and digits
    that starts with a letter, or of digits alone, is one token (TOKEN's first alternative
    takes letters and digits after a letter, its second a run of digits), found without the
    regex, which tries each of its places (some 7,000 instructions a phrase)."""
    toks: list[str] = []
    for word in text.split():
        if word.isascii() and word.isalnum() and (word[0].isalpha() or word.isdigit()):
            toks.append(word)
        else:
            toks.extend(TOKEN.findall(word))
    return toks


def _is_name_token(tok: str) -> bool:
    """``_is_name(tok)``, kept in _NAME_TOKENS (the same few tokens, "Dr", "GPs", recur)."""
    known = _NAME_TOKENS.get(tok)
    if known is not None:
        return known
    named = _is_name(tok)
    if len(_NAME_TOKENS) >= MAX_KEPT:
        _NAME_TOKENS.clear()
    _NAME_TOKENS[tok] = named
    return named


def _is_name(tok: str) -> bool:
    return bool(NAME_TOKEN.match(tok)) and not ACRONYM.match(tok) and tok.lower() not in _NOT_NAME_WORDS


def content_words(text: str) -> set[str]:
    words = {w.lower().strip(".’'") for w in _tokens(text)}
    return {w for w in words if w and w not in STOP}


def org_name(tokens: list[str]) -> str:
    name = " ".join(tokens)
    return LEADING_ARTICLE.sub("", name)


def _named_like_a_person(toks: list[str]) -> bool:
    """'Dr Beth Green', 'Mr White', 'Green': a name that ends on a document word ("the Green
    Paper" ends on "Paper", and "the white paper" is written small)."""
    last = toks[-1]
    if not last[:1].isupper() or last.lower() not in NAME_DOCUMENT_WORDS:
        return False
    if len(toks) == 1:
        return True
    before = toks[-2]
    low = before.lower()
    return low in HONORIFICS or (_is_name_token(before) and low not in DETERMINERS and low not in NOT_SURNAMES)


def classify(phrase: str) -> Ref | None:
    """Read *phrase* (the words right before or after a verb of speech) as a speaker."""
    ref = _classify_cached(phrase)
    return ref.copy() if ref is not None else None


def classify_shared(phrase: str) -> Ref | None:
    """``classify(phrase)`` without the copy: the kept reading itself, to be read, never changed."""
    return _classify_cached(phrase)


def classify_kind(phrase: str) -> str | None:
    """``classify(phrase).kind`` (None for no reading), without copying the reading."""
    ref = _classify_cached(phrase)
    return ref.kind if ref is not None else None


# Readings of phrases (and of name tokens) kept, for the phrases of an article repeat: a
# dict read by the compiled code itself (some 100 instructions a look-up, where a call
# through functools.lru_cache costs some 500). Both are pure functions of their text, so
# a reading kept is the reading made; each dict is emptied when full, to bound memory.
_READINGS: Final[dict[str, Ref]] = {}  # a phrase of no reading: _NO_READING
_NO_READING: Final = Ref("none")
_NAME_TOKENS: Final[dict[str, bool]] = {}
MAX_KEPT: Final = 8192


def _classify_cached(phrase: str) -> Ref | None:
    """``_read(phrase)``, kept: the same Ref for the same phrase until _READINGS is full."""
    ref = _READINGS.get(phrase)
    if ref is None:
        ref = _read(phrase)
        if len(_READINGS) >= MAX_KEPT:
            _READINGS.clear()
        _READINGS[phrase] = _NO_READING if ref is None else ref
        return ref
    return None if ref is _NO_READING else ref


def _read(phrase: str) -> Ref | None:
    text = phrase.strip(" ,;:–—-")
    if text[:1] in _LINKER_FIRST:  # else LEADING_LINKER cannot match (its words' first letters)
        text = LEADING_LINKER.sub("", text)
    if not text:
        return None
    low = text.lower()
    if low in PRONOUNS:
        return Ref("pronoun", pronoun=PRONOUNS[low], text=text)
    toks = _tokens(text)
    if not toks or len(toks) > 14:
        return None
    # "Lord Ara Darzi’s recent review of the NHS" -> the review's author speaks
    # (POSSESSIVE needs a ’s or 's: tried only where one is, for its .*? is slow)
    poss = POSSESSIVE.match(text) if "’s" in text or "'s" in text else None
    if poss and content_words(poss.group(2)) & DOCUMENT_WORDS:
        inner = classify(poss.group(1))
        if inner is not None and inner.kind in ("person", "organisation"):
            inner.text = text
            return inner
    lowered = [t.lower() for t in toks]
    # documents: "the report", "The Fuller report", "new research", "the NHS Confederation report"
    head = lowered[-1]
    if head in DOCUMENT_WORDS and len(toks) <= 5 and not _named_like_a_person(toks):
        modifiers = [t for t in toks[:-1] if t[:1].isupper() and t.lower() not in DETERMINERS]
        if modifiers and all(m.lower() in ORG_WORDS or ACRONYM.match(m) for m in modifiers):
            return Ref("document", name=org_name(modifiers) + " " + toks[-1], text=text, author=org_name(modifiers))
        name = " ".join(modifiers + [toks[-1]]) if modifiers else toks[-1].lower()
        return Ref("document", name=name, text=text)
    if len(lowered) >= 2 and lowered[-2] in DOCUMENT_WORDS and toks[-1][:1].isupper() is False:
        return None
    # a person name at the end: [role words] [honorific] First [Middle] Last
    i = len(toks)
    name_toks: list[str] = []
    while i > 0 and (_is_name_token(toks[i - 1]) or (toks[i - 1].lower() in PARTICLES and name_toks)):
        if (toks[i - 1] in ROLE_CAPS and name_toks) or toks[i - 1].lower() in HONORIFICS:
            break
        name_toks.insert(0, toks[i - 1])
        i -= 1
    titles: list[str] = []
    while i > 0 and toks[i - 1].lower() in HONORIFICS and HONORIFICS[toks[i - 1].lower()] not in ("Rt", "Hon"):
        titles.insert(0, HONORIFICS[toks[i - 1].lower()])
        i -= 1
    honorific = " ".join(titles) or None
    while i > 0 and toks[i - 1].lower() in ("rt", "hon"):
        i -= 1
    if name_toks and name_toks[0] in ROLE_CAPS and len(name_toks) > 1:
        # "Health Secretary Hunt": peel capitalised role words off the front
        while len(name_toks) > 1 and name_toks[0] in ROLE_CAPS:
            name_toks.pop(0)
    if i > 0 and not honorific and toks[i - 1].lower() in ("of", "and", "for", "&"):
        name_toks = []  # "Department of Health and Social Care": an organisation's name
    if name_toks and (honorific or len(name_toks) >= 2 or (len(toks) == 1)):
        rest = toks[:i]
        if rest and rest[0].lower() in DETERMINERS and not honorific and len(name_toks) == 1:
            return None  # "the Government" style capitalised nouns are not people
        while rest and rest[0].lower() in GLUE:
            rest = rest[1:]  # "said that health secretary" -> "health secretary"
        role = " ".join(rest).strip()
        role = LEADING_THE.sub("", role)
        roles = [role] if role and any(w.lower() in ROLE_WORDS or w.lower() in ORG_WORDS or ACRONYM.match(w) for w in rest) else []
        if name_toks[0] in {"NHS", "The"}:
            return None
        if not honorific and " ".join(name_toks).lower() in OUTLETS:
            return None  # "told Nursing Times": the outlet, not a person
        if not honorific and name_toks[-1].lower() in NOT_SURNAMES:
            return None  # "Additional Roles Reimbursement Scheme", "(Institute for) Fiscal Studies"
        return Ref("person", name=" ".join(name_toks), honorific=honorific, roles=roles, text=text)
    if lowered[-1] in SCHEME_ACRONYMS and all(t.lower() in SCHEME_ACRONYMS | DETERMINERS for t in toks):
        return None  # "QOF", "the MPIG": a contract or a payment, never who speaks
    if len(toks) == 1 and PLURAL_ACRONYM.match(toks[0]):
        return None  # "GPs", "CCGs": a plural of people, not a speaker
    # organisations: capitalised words with an acronym or an organisation word
    caps = [t for t in toks if t[:1].isupper() or t.lower() in ("of", "for", "and", "&")]
    if caps and (any(ACRONYM.match(t) for t in toks) or any(t.lower() in ORG_WORDS for t in caps)):
        if lowered[0] in DETERMINERS - {"the"} and not any(ACRONYM.match(t) for t in toks) and head not in ROLE_WORDS:
            return None
        # trailing role words after an org ("RCGP chair") mean a role, not the org
        if head in ROLE_WORDS:
            return Ref("role", text=text, roles=[org_name(toks)])
        if all(t[:1].isupper() or t.lower() in ("of", "for", "and", "&", "the") for t in toks):
            return Ref("organisation", name=org_name(toks), text=text)
    if lowered[0] in ("government", "the") and lowered[-1] == "government":
        return Ref("organisation", name="Government", text=text)
    # role-only: "the former RCGP chairwoman", "its deputy medical director"
    if lowered[0] in DETERMINERS and set(lowered) & ROLE_WORDS:
        return Ref("role", text=text, roles=[FIRST_WORD.sub("", text)])
    if set(lowered) & ROLE_WORDS and len(toks) <= 8 and not any(t in ("that", "which", "who") for t in lowered):
        return Ref("role", text=text, roles=[text])
    return None
