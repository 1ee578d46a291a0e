"""Proposal detection: which sentences propose a change, who proposes it, quoted or reported.

Most sentences here are new (not from the seeds). The seeds are scored against the hand
labels in tests/gold/proposals.json (``pytest -s`` prints the table).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hypothesis_strategies

from gpreader.corpus import load_corpus
from gpreader.corpus import proposals as proposals_module
from gpreader.corpus.extract import extract_quotes
from gpreader.corpus.model import Article, PubDate, Quote, Statement
from gpreader.corpus.proposals import (
    SHORT_MAX,
    article_proposals,
    find_proposals,
    find_trigger,
    proposal_units,
    shorten,
)
from gpreader.corpus.speakers import build_speakers
from gpreader.corpus.themes import Theme, default_themes
from gpreader.resources import bundled_seeds

from engine_support import found_proposals, prose

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # proposal_scoring is a sibling script, not a package module
    sys.path.insert(0, str(HERE))

from proposal_scoring import load_gold, score, table  # noqa: E402

DATE = PubDate(2019, 3, None, "month")


def article(*paragraphs: str, quotes=(), statements=(), comments=()) -> Article:
    a = Article("t", Path("t.txt"), "Headline", list(paragraphs), comments=list(comments), outlet="Pulse", date=DATE)
    a.quotes = list(quotes)
    a.statements = list(statements)
    return a


def engine_article(*paragraphs: str) -> Article:
    """An article whose quotes and speakers come from the real quote engine."""
    a = article(*paragraphs)
    a.quotes = extract_quotes(a)
    build_speakers([a])
    return a


def quote(par: str, text: str, speaker: str | None, p: int = 0, kind: str = "full") -> Quote:
    start = par.index(text)
    return Quote("t", p, start, start + len(text), text, kind, speaker)


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(bundled_seeds())


# -- which sentences are proposals -----------------------------------------------------------

PROPOSALS = [
    "Practices should be paid for the time they spend on continuity of care.",
    "The BMA called for a new contract to be negotiated by 2026.",
    "Ministers plan to give ICBs control of the pharmacy budget.",
    "The college recommended that every practice has a named care coordinator.",
    "NHS England must publish its workforce plan this year.",
    "What if practices could share back-office staff across a town?",
    "It is time to end the partnership model.",
    "The committee urged ministers to rethink the funding formula.",
    "ICBs will take on dental commissioning from April.",
    "We need to recruit 6,000 more GPs.",
    "Surgeries need more support from their ICBs.",
    "The only way to stabilise general practice is sustained investment.",
    "Let's give practices the freedom to choose their own IT.",
    "Perhaps a salaried service for new GPs.",
    "The government is considering a cap on list sizes.",
    "Trusts ought to share their estates with practices.",
    "The RCGP proposed a ten-year plan for general practice.",
    "Councils won't accept another cut to public health budgets.",
    "We shan’t accept a contract that ends the partnership model.",
    "Practices would have to change how they triage patients.",
    "It is essential that funding follows the patient.",
    "The deal will fail unless practices get more staff.",
]

NOT_PROPOSALS = [
    "The practice opened in 1998 and has 12,000 patients.",
    "There are 42 ICBs in England.",
    "Last year the surgery recruited two nurses.",
    "The building may have been fit for purpose in 1948.",
    "It would have been better to wait, he said.",
    "Obviously there would be legal issues and regulatory problems.",
    "Let's say, for example, a patient turns up at 8am.",
    "The survey found that 70% of GPs felt overwhelmed.",
    "He said the meeting was constructive.",
    "It was published on 3 October.",
    "The Care Quality Commission rated the practice good.",
    "Each of these ideas offers some promise.",
    "The health secretary will speak at the conference on Tuesday.",
    "The trust could not be reached for comment.",
    "The meeting will be held in Leeds.",
]


@pytest.mark.parametrize("sentence", PROPOSALS)
def test_sentences_that_propose_a_change_are_found(sentence):
    assert find_trigger(sentence), sentence
    (p,) = article_proposals(article(sentence))
    assert p.text == sentence


@pytest.mark.parametrize("sentence", NOT_PROPOSALS)
def test_descriptions_are_not_proposals(sentence):
    assert find_trigger(sentence) is None
    assert article_proposals(article(sentence)) == []


def test_the_trigger_names_the_words_that_make_the_proposal():
    assert find_trigger("GP networks could provide care from local hospitals.") == "could provide"
    assert find_trigger("He called for innovation in primary care.") == "called for"
    assert find_trigger("[W]hat if practices merged?") == "[W]hat if"
    assert find_trigger("We shan't sign it.") == "shan't sign"  # as "won't" (once spelt "shann't")


def test_a_long_quote_holds_proposals_and_non_proposals():
    par = (
        "She said: ‘There are 6,500 practices today. Practices should work in groups of 30,000 to 50,000 patients. "
        "We saw that in Wales. NHS England must fund the premises.’"
    )
    body = par[par.index("There") : par.rindex(".") + 1]
    a = article(par, quotes=[quote(par, body, "Jane Smith")])
    found = article_proposals(a)
    assert [p.text for p in found] == [
        "Practices should work in groups of 30,000 to 50,000 patients.",
        "NHS England must fund the premises.",
    ]
    assert all(p.quoted and p.proponent == "Jane Smith" for p in found)


# -- quoted or reported, and who proposes -----------------------------------------------------

def test_a_quoted_proposal_is_cut_to_the_quoted_words_and_has_the_quotes_speaker():
    par = "Dr Ann Lee said: ‘Practices should be able to hire pharmacists directly.’"
    a = article(par, quotes=[quote(par, "Practices should be able to hire pharmacists directly.", "Ann Lee")])
    (p,) = article_proposals(a)
    assert (p.text, p.quoted, p.proponent) == ("Practices should be able to hire pharmacists directly.", True, "Ann Lee")
    assert a.paragraphs[p.paragraph][p.start : p.end] == p.text


def test_a_trailing_reporting_tag_is_cut_from_a_quoted_proposal():
    par = "‘We must stop the annual contract haggling,’ he said."
    a = article(par, quotes=[quote(par, "We must stop the annual contract haggling,", "Bob Kerr")])
    (p,) = article_proposals(a)
    assert p.text == "We must stop the annual contract haggling"
    assert p.proponent == "Bob Kerr"


def test_reported_speech_takes_the_statements_speaker():
    par = "Dr Ann Lee argued that ICBs should commission dermatology from PCNs."
    a = article(par, statements=[Statement(0, 0, len(par), "Ann Lee")])
    (p,) = article_proposals(a)
    assert (p.quoted, p.proponent) == (False, "Ann Lee")
    assert p.themes == ["commissioning", "networks"]


def test_a_scare_quote_does_not_make_a_sentence_quoted():
    par = "The minister said GP practices should form ‘super-partnerships’ by 2025."
    a = article(par, quotes=[quote(par, "super-partnerships", "Tom Hill", kind="fragment")])
    (p,) = article_proposals(a)
    assert p.quoted is False
    assert p.proponent == "Tom Hill"  # the only speaker the sentence quotes
    assert "networks" in p.themes


def test_a_list_that_follows_a_reported_sentence_keeps_its_speaker():
    par = (
        "Ms Rao set out three other suggestions for the service. "
        "These were to review funding; to give councils more power; and to train more nurses."
    )
    first = par.index("These")
    a = article(par, statements=[Statement(0, 0, first, "Priya Rao")])
    found = article_proposals(a)
    assert [p.proponent for p in found] == ["Priya Rao", "Priya Rao"]
    assert found[1].text.startswith("These were to review funding")
    assert found[1].themes == ["funding", "workforce"]


def test_narration_of_a_named_organisations_plan_is_its_proposal():
    par = "The news comes as the Department of Health this week launched plans for integrated care by 2018."
    (p,) = article_proposals(article(par))
    assert (p.proponent, p.proponent_kind) == ("Department of Health", "organisation")


def test_unattributed_narration_has_no_proponent():
    (p,) = article_proposals(article("Practices will have to publish their earnings from April."))
    assert p.proponent is None and p.proponent_kind is None


def test_end_to_end_with_the_quote_engine():
    a = engine_article(
        "Dr Helen Stokes-Lampard, chair of the RCGP, told delegates: ‘We need 5,000 more GPs. "
        "The profession is proud of what it does.’",
    )
    found = article_proposals(a)
    assert [(p.text, p.proponent, p.quoted) for p in found] == [("We need 5,000 more GPs.", "Helen Stokes-Lampard", True)]
    assert found[0].themes == ["workforce"]


# -- units -------------------------------------------------------------------------------------

def test_a_very_short_answer_stays_with_its_question():
    par = "Should we keep the partnership model everywhere? I don't think we should."
    (p,) = article_proposals(article(par))
    assert p.text == par


def test_an_ellipsis_before_a_lower_case_word_does_not_end_the_sentence():
    par = "There will be different contractual elements... put forward by the team to look at access."
    assert proposal_units(par) == [(0, len(par))]


def test_spaced_ellipses_are_not_sentences():
    par = "We . . . have a situation where the premises are not fit for purpose."
    assert proposal_units(par) == [(0, len(par))]


def test_captions_headlines_and_reader_comments_are_not_searched():
    a = article(
        "Dr Jo Bell: practices could merge (Photo: A Photographer)",
        comments=["They should scrap QOF altogether."],
    )
    a.headline = "Practices should merge, says GP leader"
    assert article_proposals(a) == []


# -- the Proposal ----------------------------------------------------------------------------

def test_short_form_is_cut_at_a_word_boundary():
    text = "Practices should " + "work together across the town and the county " * 4 + "soon."
    (p,) = article_proposals(article(text))
    assert len(p.short) <= SHORT_MAX
    assert p.short.endswith("…")
    assert text.startswith(p.short[:-1].rstrip())
    assert shorten("a short one") == "a short one"


def test_short_form_drops_the_reporting_frame_of_reported_speech():
    par = "Dr Ann Lee told Pulse that a new strategy would move care into the community."
    (p,) = article_proposals(article(par, statements=[Statement(0, 0, len(par), "Ann Lee")]))
    assert p.short == "…a new strategy would move care into the community."


def test_short_for_a_theme_shows_that_themes_words():
    text = (
        "The report said ministers should think again about how general practice is organised and paid, "
        "and should include the co-location of practices with pharmacies."
    )
    (p,) = article_proposals(article(text))
    assert "co-location" not in p.short
    assert "co-location" in p.short_for("premises")
    assert len(p.short_for("premises")) <= SHORT_MAX


def test_to_json_is_one_based_and_complete():
    (p,) = article_proposals(article("Intro.", "ICBs should pool budgets with councils."))
    data = p.to_json()
    assert data["paragraph"] == 2 and data["article"] == "t"
    assert data["date"] == "2019-03" and data["date_display"] == "Mar 2019" and data["outlet"] == "Pulse"
    assert set(data["themes"]) == {"integration", "commissioning", "funding"}
    assert p.source() == "Pulse, Mar 2019"


def test_other_themes_retheme_without_finding_again():
    a = article("Practices should merge into super-practices.")
    first = article_proposals(a)
    found = found_proposals(a)
    assert found is not None
    mine = [Theme("size", "Size", ("super-practice*",))]
    (p,) = article_proposals(a, mine)
    assert found_proposals(a) is found and p.themes == ["size"]
    assert first[0].themes != p.themes


def test_a_changed_article_is_read_again():
    a = article("Practices should merge.")
    assert len(article_proposals(a)) == 1
    a.paragraphs = ["Nothing to see here."]
    assert article_proposals(a) == []


# -- the seeds ---------------------------------------------------------------------------------

def test_every_seed_proposal_span_is_its_text(seeds):
    found = find_proposals(seeds)
    assert found
    for p in found:
        par = seeds.article(p.article_id).paragraphs[p.paragraph]
        assert par[p.start : p.end] == p.text
        assert p.outlet and p.date


def test_seed_proponents_follow_the_article(seeds):
    by_start = {(p.article_id[:3], p.paragraph, p.text[:25]): p for p in find_proposals(seeds)}
    stevens = by_start[("003", 10, "These were to stabilise a")]
    assert (stevens.proponent, stevens.quoted) == ("Simon Stevens", False)
    assert {"funding", "commissioning", "workforce"} <= set(stevens.themes)
    bewick = by_start[("000", 0, "Work by NHS England to de")]
    assert bewick.proponent == "Mike Bewick"
    hunt = by_start[("000", 6, "Dr Bewick, a former GP, s")]
    assert (hunt.proponent, hunt.quoted) == ("Jeremy Hunt", True)
    fuller = by_start[("004", 9, "The Fuller report, publis")]
    assert (fuller.proponent, fuller.proponent_kind) == ("Fuller stocktake", "document")
    assert {"networks", "population", "integration"} <= set(fuller.themes)


def test_detection_and_theming_meet_the_gold_labels(seeds):
    s = score(seeds, find_proposals(seeds, default_themes()), load_gold())
    print("\n" + table(s))
    assert s.gold >= 80
    assert s.precision >= 0.9, s.extras
    assert s.recall >= 0.9, s.misses
    assert s.theme_precision >= 0.9, s.theme_extras
    assert s.theme_recall >= 0.9, s.theme_misses


def test_a_caption_that_opens_the_paragraph_is_not_searched():
    assert article_proposals(article("Picture: practices could merge under the plan")) == []
    assert article_proposals(article("Pictures of practices that could merge")) != []


# -- the trigger patterns, written for speed: the same matches as written plainly ------------

def _first_chars(items) -> set[str] | None:
    """The characters a parsed regex can start with (None: any), for the shapes TRIGGERS uses."""
    from re import _constants as c  # type: ignore[attr-defined]

    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            return out | {chr(av)}
        if op is c.IN:
            chars = set()
            for kind, value in av:
                if kind is c.LITERAL:
                    chars.add(chr(value))
                elif kind is c.RANGE:
                    chars |= {chr(x) for x in range(value[0], value[1] + 1)}
                else:
                    return None
            return out | chars
        if op is c.BRANCH:
            for alternative in av[1]:
                first = _first_chars(alternative)
                if first is None:
                    return None
                out |= first
            return out
        if op is c.SUBPATTERN:
            first = _first_chars(av[3])
            if first is None:
                return None
            return out | first
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            first = _first_chars(av[2])
            if first is None:
                return None
            out |= first
            if av[0] > 0:
                return out
            continue
        if op is c.AT:
            continue
        return None
    return None


def test_every_trigger_starts_with_a_character_that_the_trigger_pattern_tries():
    from re import _parser  # type: ignore[attr-defined]

    plain = rf"\b(?:{proposals_module.TRIGGER_ALTERNATIVES})"
    first = _first_chars(_parser.parse(plain, 0).data)
    assert first is not None and first <= set(proposals_module.TRIGGER_FIRST), first
    assert len(first) == len(proposals_module.TRIGGER_FIRST)  # nothing tried that cannot start one


TRIGGER_WORDS = [
    "could", "should", "would", "will", "must", "might", "not", "also", "be", "been", "have", "has", "had",
    "got", "to", "need", "needs", "called", "call", "for", "on", "plan", "proposed", "recommends", "suggest",
    "urged", "envisaged", "what", "if", "it", "it's", "is", "are", "was", "time", "we", "considering",
    "looking", "at", "want", "like", "see", "aim", "put", "forward", "important", "that", "the", "only",
    "way", "unless", "as", "long", "cannot", "can't", "afford", "a", "matter", "of", "so", "can", "require",
    "more", "there", "no", "reason", "why", "let's", "us", "issues", "problems", "obviously", "practices",
    "merge", "GPs", "foundation", "fit", "wo", "n't", "'ll", "'ve", "'s", "'re", "x", "nowhere", "elsewhere",
    "ought", "gotta", "going", "shan't", "won't", "plans", "proposals", "recommended", "urge", "envisages",
    "look", "consider", "explore", "examine", "aims", "vision", "goals", "drive", "push", "bid", "putting",
    "provided", "requires", "changes", "them", "then", "being", "am", "were", "needed", "option",
]


@given(prose(TRIGGER_WORDS, 14))
@settings(max_examples=400, deadline=None)
def test_the_trigger_and_obstacle_patterns_match_as_their_plain_forms(text):
    triggers = re.compile(rf"\b(?:{proposals_module.TRIGGER_ALTERNATIVES})", re.IGNORECASE)
    obstacles = re.compile(r"\bthere" + proposals_module.OBSTACLES.pattern.removeprefix(r"there(?<!\wthere)"), re.I)
    for t in (text, text.lower()):
        assert [m.span() for m in proposals_module.TRIGGERS.finditer(t)] == [m.span() for m in triggers.finditer(t)]
        assert [m.span() for m in proposals_module.OBSTACLES.finditer(t)] == [m.span() for m in obstacles.finditer(t)]


MENTION_WORDS = ["the", "The", "Dr", "Sir", "Ann", "Lee", "NHS", "England", "of", "and", "King’s", "Fund", "RCGP",
                 "said", "Department", "Health", "Government", "x", "BMA", "GPs", "Royal", "College", "other", "bathe",
                 "Mr", "Mrs", "Ms", "Prof", "Professor", "Lady", "Lord", "Baroness", "Dame", "Mrsx", "tDr", "the-", "’s"]


@given(prose(MENTION_WORDS))
@settings(max_examples=300, deadline=None)
def test_the_mention_patterns_match_as_their_plain_forms(text):
    from gpreader.corpus import attribution

    mention = re.compile(proposals_module.MENTION_AS_WRITTEN.removeprefix("(?=[tA-Z])"))
    org = re.compile(attribution.ORG_MENTION.pattern.removeprefix(r"(?=the\s|[A-Z])"))
    assert [m.span() for m in proposals_module._MENTION.finditer(text)] == [m.span() for m in mention.finditer(text)]
    assert [m.span(1) for m in attribution.ORG_MENTION.finditer(text)] == [m.span(1) for m in org.finditer(text)]


FRAME_WORDS = ["Dr", "Lee", "said", "told", "Pulse", "that", "the", "plan", "would", "work", "pointed", "out", "thinks",
               "found", "this", "week", "hat", "th", "at", "x", "That", "THAT"]


@given(prose(FRAME_WORDS).map(str.lower))
@settings(max_examples=300, deadline=None)
def test_a_reporting_frame_is_never_found_without_that(text):
    # short_body skips the frame pattern when "that" is missing: every frame ends on it
    if "that" not in text:
        assert proposals_module._FRAME_VERB_LOWER.search(text) is None



def _samples(items, space: str = " ", word: str = "x") -> list[str]:
    """One text per way through a parsed regex's branches: repeats at their least count
    (and once, where that is none), each set as one of its characters (a range as its last: "z", not the word "a"; a
    look-around is left out). For trying every
    alternative of a pattern, not only those a random sample happens to reach."""
    from re import _constants as c  # type: ignore[attr-defined]

    out = [""]
    for op, av in items:
        if op is c.LITERAL:
            ways = [chr(av)]
        elif op is c.IN:
            kind, value = av[0]
            if kind is c.LITERAL:
                ways = [chr(value)]
            elif kind is c.RANGE:
                ways = [chr(value[1])]
            else:  # \s, \w or \d
                ways = [{c.CATEGORY_SPACE: space, c.CATEGORY_DIGIT: "1"}.get(value, word)]
        elif op is c.BRANCH:
            ways = [w for alternative in av[1] for w in _samples(alternative, space, word)]
        elif op is c.SUBPATTERN:
            ways = _samples(av[3], space, word)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            once = _samples(av[2], space, word)
            ways = [w * av[0] for w in once] if av[0] else ["", *once]
        elif op is c.CATEGORY:
            ways = [{c.CATEGORY_SPACE: space, c.CATEGORY_DIGIT: "1"}.get(av, word)]
        else:  # \b, look-arounds
            continue
        out = [a + b for a in out for b in ways]
    return out


def test_every_trigger_is_found_through_the_heads_trie():
    """Text made to match each way through each trigger alternative is matched by TRIGGERS
    (and its lower-case twin) as by the plain alternation: the heads trie lets all through."""
    from re import _parser  # type: ignore[attr-defined]

    plain = re.compile(rf"\b(?:{proposals_module.TRIGGER_ALTERNATIVES})", re.IGNORECASE)
    plain_lower = re.compile(plain.pattern)
    samples = _samples(_parser.parse(proposals_module.TRIGGER_ALTERNATIVES, 0).data)
    assert len(samples) > 500
    for sample in samples:
        for text in (f" {sample} do", f" {sample.upper()} do"):
            assert [m.span() for m in proposals_module.TRIGGERS.finditer(text)] == [m.span() for m in plain.finditer(text)]
            low = text.lower()
            assert [m.span() for m in proposals_module._TRIGGERS_LOWER.finditer(low)] == [
                m.span() for m in plain_lower.finditer(low)
            ]


def test_a_modal_trigger_is_told_by_its_last_group():
    """_first_trigger tells a modal's match by ``m.lastindex``: only the modal alternative has
    groups, and both take part in each of its matches."""
    from re import _parser  # type: ignore[attr-defined]

    assert proposals_module.TRIGGERS.groups == proposals_module._TRIGGERS_LOWER.groups == 2
    for sample in _samples(_parser.parse(proposals_module.TRIGGER_ALTERNATIVES, 0).data):
        for m in proposals_module._TRIGGERS_LOWER.finditer(f" {sample} do".lower()):
            assert (m.lastindex is not None) == (m.group("modal") is not None), sample


def test_text_without_the_trigger_words_has_no_trigger():
    """_may_have_trigger turns away no text in which TRIGGERS finds a trigger: each way
    through each alternative, in the middle of other words and at the ends of the text."""
    from re import _parser  # type: ignore[attr-defined]

    samples = _samples(_parser.parse(proposals_module.TRIGGER_ALTERNATIVES, 0).data)
    for sample in samples:
        for text in (f" {sample} do", f"we {sample}", f"we{sample} do", f"({sample}, x.", sample):
            low = text.lower()
            if proposals_module._TRIGGERS_LOWER.search(low):
                assert proposals_module._may_have_trigger(low), low
    assert not proposals_module._may_have_trigger("the practices have merged and it is a plan")


def test_a_word_of_no_trigger_words_shape_is_no_trigger_word():
    """_trigger_start passes over a word whose first two letters and length (_shape) are no
    trigger word's: every trigger word has such a shape (two to _SHAPE_MAX letters a-z),
    and each of its words (runs of a-z) of another shape is none."""
    words = proposals_module._TRIGGER_WORD
    assert all(2 <= len(w) <= proposals_module._SHAPE_MAX and w.isalpha() and w.islower() for w in words)
    shapes = proposals_module._TRIGGER_SHAPES
    assert {i for i, v in enumerate(shapes) if v} == {proposals_module._shape(w) for w in words}
    letters = "abcdefghijklmnopqrstuvwxyz"
    for w in [*words, b"the", b"of", b"in", b"practices", b"wi", b"zz", b"couldn", b"coul", b"a" * 15]:
        for word in {w, w[:-1], w + b"s", bytes([w[0]]) + w}:
            if 2 <= len(word) <= proposals_module._SHAPE_MAX:
                if not shapes[proposals_module._shape(word)]:
                    assert word not in words, word
    assert all(0 <= proposals_module._shape(bytes([a, b]) * 7) < len(shapes) for a in letters.encode() for b in letters.encode())


def test_text_outside_ascii_without_the_trigger_words_has_no_trigger():
    """As above, with characters outside ASCII: as spaces and word characters inside each
    way through each alternative, and as letters, marks and spaces around it."""
    from re import _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(proposals_module.TRIGGER_ALTERNATIVES, 0).data
    samples = {s for space, word in ((" ", "x"), ("\xa0", "é"), ("\u2009", "ß"), (" ", "ł")) for s in _samples(parsed, space, word)}
    contexts = ("é{}", "{}é", "é{}é", "“{}” do", "we\xa0{}\xa0do", "ﬁ{}—x", "…{}…", "£{}£", "{}")
    found = 0
    for sample in sorted(samples):
        for context in contexts:
            low = context.format(sample).lower()
            if proposals_module._lowered(low) is not None and proposals_module._TRIGGERS_LOWER.search(low):
                found += 1
                assert proposals_module._may_have_trigger(low), low
    assert found > 2000


def _same_search_from_the_start(low: str) -> None:
    """TRIGGERS searched from _trigger_start finds what it finds from the text's start."""
    start = proposals_module._trigger_start(low)
    first = proposals_module._TRIGGERS_LOWER.search(low)
    if first is None:
        assert start == -1 or proposals_module._TRIGGERS_LOWER.search(low, start) is None, low
        return
    assert 0 <= start <= first.start(), (low, start)
    later = proposals_module._TRIGGERS_LOWER.search(low, start)
    assert later is not None and later.span() == first.span(), low


def test_the_trigger_search_starts_at_or_before_the_first_trigger():
    """_trigger_start gives a place from which TRIGGERS finds its first match: each way through
    each alternative, its words ("\\w") as a plain word, a trigger word or one after "is"
    ("is could considering"), its spaces as one or several (a tab, a line break, a space
    outside ASCII), behind other words, trigger words and a "recommend"."""
    from re import _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(proposals_module.TRIGGER_ALTERNATIVES, 0).data
    samples = {
        s
        for space, word in ((" ", "x"), (" ", "could"), ("  ", "need"), (" \t\n", "is"), ("\xa0", "é"), (" \u2009 ", "time"))
        for s in _samples(parsed, space, word)
    }
    contexts = (
        "{}", "we {}", "they said it is {} do", "is it {}", "the time we {}", "it is not now x {}", "a b c d e f {}",
        "recommendation: {}", "so {} that", "“{}” do", "é{}é", "we\xa0{}\xa0do", "it is \n{}", "is {}, it is could go",
    )
    for sample in sorted(samples):
        for context in contexts:
            low = context.format(sample).lower()
            if proposals_module._lowered(low) is not None:
                _same_search_from_the_start(low)


@given(prose(TRIGGER_WORDS + ["é", "café", "“", "”", "—", "\xa0", "…", "£5", "ﬁ", "\n", "  ", "recommend", "envisage"], 18))
@settings(max_examples=600, deadline=None)
def test_the_trigger_search_starts_where_prose_has_no_earlier_trigger(text):
    low = proposals_module._lowered(text)
    if low is not None:
        _same_search_from_the_start(low)


@given(prose(TRIGGER_WORDS + ["é", "café", "“", "”", "—", "\xa0", "…", "£5", "ﬁ", "İ"], 14))
@settings(max_examples=400, deadline=None)
def test_prose_without_the_trigger_words_has_no_trigger(text):
    low = proposals_module._lowered(text)
    if low is not None and proposals_module._TRIGGERS_LOWER.search(low):
        assert proposals_module._may_have_trigger(low)


@given(hypothesis_strategies.text())
@settings(max_examples=300, deadline=None)
def test_letters_counts_what_the_letter_pattern_finds(text):
    for t in (text, text.encode("ascii", "replace").decode("ascii")):
        assert proposals_module._letters(t) == len(proposals_module._LETTER.findall(t))


def _same_frame(low: str) -> None:
    found, plain = proposals_module._frame_verb(low), proposals_module._FRAME_VERB_LOWER.search(low)
    assert (found.span() if found else None) == (plain.span() if plain else None), low


@given(prose(FRAME_WORDS + ["x.", "a,b", "pointed out", "\t", "é", "“", "\xa0"], 16).map(str.lower))
@settings(max_examples=400, deadline=None)
def test_the_reporting_frame_is_searched_near_its_that_as_from_the_start(text):
    _same_frame(text)


def test_every_reporting_frame_is_found_near_its_that():
    """Each way through _FRAME_VERB (its three words there or not, its spaces as one or
    several), behind and before other words and another "that", is found as from the start."""
    from re import _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(proposals_module._FRAME_VERB.pattern, 0).data
    samples = {s for space, word in ((" ", "x"), ("  ", "that"), (" \n\t", "said"), ("\xa0", "é")) for s in _samples(parsed, space, word)}
    contexts = ("{}", "a b c d e f g {}", "{} that x", "that {} y", "dr lee {}that said", "(said that {} x", "{}x")
    for sample in sorted(samples):
        for context in contexts:
            _same_frame(context.format(sample).lower())
            _same_frame(context.format(sample).lower().rstrip())
    for text in ("x pointed\n out a  b\tc that y", "he pointed out a b c that ", "found it a b that x that "):
        assert proposals_module._frame_verb(text) is not None
        _same_frame(text)


TAIL_WORDS = ["the", "chief", "executive", "has", "said", "says", "according", "to", "suggested", "claimed",
              "argued", "warned", "added", "told", "Pulse", "today", "yesterday", "this", "week", "Said", "TOLD", "x", ",", ", ",
              ".", "weekly", "toldx", "saidx"]


@given(prose(TAIL_WORDS, 12))
@settings(max_examples=300, deadline=None)
def test_the_tail_is_looked_for_as_by_its_pattern(text):
    for t in (text, text + ".", "Practices could merge, " + text):
        found, plain = proposals_module._tail(t), proposals_module._TAIL.search(t)
        assert (found.span() if found else None) == (plain.span() if plain else None)


BEFORE_WORDS = ["He", "said", "SAID", "Told", "delegates", "added", "the", "İ", "ı", "ſ", "K", "warned", "x", "‘", "“",
                '"', "'", ":", ",", "In", "response", "Replied", "agreed"]


@given(prose(BEFORE_WORDS, 10))
@settings(max_examples=400, deadline=None)
def test_the_frame_before_a_quotation_is_found_by_its_twin_as_by_the_pattern(text):
    assert proposals_module._frame_before(text) == (proposals_module._FRAME_BEFORE.match(text) is not None)


EVENT_WORDS = ["could", "Speak", "speaking", "be", "BE", "held", "join", "us", "at", "K", "ſ", "reached", "x", "Comment"]


@given(prose(EVENT_WORDS, 8), hypothesis_strategies.integers(0, 40))
@settings(max_examples=400, deadline=None)
def test_events_matched_at_a_position_as_on_a_copy_from_there(text, at):
    at = min(at, len(text))
    plain = proposals_module.EVENTS.match(text[at:])
    here = proposals_module._EVENTS_AT.match(text, at)
    assert (here.span() if here else None) == ((plain.start() + at, plain.end() + at) if plain else None)
    low = proposals_module._lowered(text)
    if low is not None:
        twin = proposals_module._EVENTS_AT_LOWER.match(low, at)
        assert (twin.span() if twin else None) == (here.span() if here else None)


@given(prose(["Photo", "pictures", "(", ")", "PA", "image", " ", "x"], 8))
@settings(max_examples=300, deadline=None)
def test_a_caption_tail_holds_its_closing_bracket(text):
    # is_caption tries _CAPTION_TAIL only on text with a ")"
    if proposals_module._CAPTION_TAIL.search(text):
        assert ")" in text


@given(hypothesis_strategies.text(alphabet=hypothesis_strategies.sampled_from(list("ab ’.\n\t\xa0\u2009\x1c")) | hypothesis_strategies.characters()))
@settings(max_examples=400, deadline=None)
def test_one_line_tells_when_splitting_and_joining_changes_nothing(text):
    # (text that is not printable may be one line too: it is only split and joined)
    if proposals_module._one_line(text):
        assert " ".join(text.split()) == text
    elif text.isprintable():
        assert " ".join(text.split()) != text


AFTER_WORDS = ["he", "said", "Dr", "Lee", "added", ",", ";", "’", "”", "'", "\"", "x.", "told", "Pulse", "today!", "-", "it’s"]


@given(prose(AFTER_WORDS, 14))
@settings(max_examples=400, deadline=None)
def test_the_frame_after_a_quotation_is_found_as_by_its_pattern(text):
    for t in (text, text.strip(), "’, " + text):
        assert proposals_module._frame_after(t) == (proposals_module._FRAME_AFTER.match(t) is not None)


@given(hypothesis_strategies.lists(hypothesis_strategies.sampled_from(list("’”\"',;: \n\t.!?-_aZé1\xa0‘") + ["he", "said", "x."]),
                                  max_size=24).map("".join)
       | prose(AFTER_WORDS + ["’.", "’", "'", "’,", "U.K.", "...", "!"], 12))
@settings(max_examples=1500, deadline=None)
def test_the_frame_after_a_quotation_is_read_as_by_its_pattern_mark_by_mark(text):
    """_frame_after reads the opening by hand, each way its marks may be read ("’." is a
    word and a stop): the same answer as _FRAME_AFTER, on text of the characters it reads."""
    for t in (text, "’" + text, "’, ’" + text, text + "’."):
        assert proposals_module._frame_after(t) == (proposals_module._FRAME_AFTER.match(t) is not None), t


def test_one_character_is_a_frame_as_by_the_patterns():
    """_frame_after and _frame_before tell one character by its class: every character."""
    import sys

    for code in range(sys.maxunicode + 1):
        c = chr(code)
        assert proposals_module._frame_after(c) == (proposals_module._FRAME_AFTER.match(c) is not None), hex(code)
        assert proposals_module._frame_before(c) == (proposals_module._FRAME_BEFORE.match(c) is not None), hex(code)


SPACES = [" ", "  ", "\t", "\n", "\x1c", "\x1f", "\x85", "\xa0", "\u2009", "\u3000", "\u200b", "x", "é", "’", "ab", "\u2028"]


@given(hypothesis_strategies.lists(hypothesis_strategies.sampled_from(SPACES), max_size=24) | hypothesis_strategies.lists(hypothesis_strategies.characters(), max_size=24),
       hypothesis_strategies.integers(0, 16))
@settings(max_examples=600, deadline=None)
def test_more_words_than_counts_as_split_does(pieces, n):
    text = "".join(pieces)
    assert proposals_module._more_words_than(text, n) == (len(text.split()) > n)


def test_the_first_letters_and_words_tried_before_the_patterns():
    """is_caption, _first_trigger and _tail try a regex only where a cheaper test says it may
    match: every way through each pattern shows what that test looks for."""
    from re import _parser  # type: ignore[attr-defined]

    for sample in _samples(_parser.parse(proposals_module.EVENTS.pattern, 0).data):
        assert sample[0] in proposals_module._EVENTS_FIRST, sample
    for sample in _samples(_parser.parse(proposals_module.OBSTACLES.pattern, 0).data):
        assert "there" in sample.lower(), sample
    for sample in _samples(_parser.parse(proposals_module._TAIL.pattern, 0).data, word="Q"):
        assert any(w in sample for w in proposals_module._TAIL_WORDS), sample
    for code in range(128):
        for rest in ("hoto:", "HOTOS :", "icture:", "mage:", "MAGES:"):
            text = chr(code) + rest
            if proposals_module._CAPTION_HEAD.match(text):
                assert chr(code) in proposals_module._CAPTION_FIRST
    assert proposals_module.is_caption("\u0130mage: PA") == bool(proposals_module._CAPTION_HEAD.match("\u0130mage: PA"))


@given(hypothesis_strategies.text(alphabet="aZ_1²é ’.\n") | hypothesis_strategies.text(alphabet=hypothesis_strategies.characters(max_codepoint=127)) | hypothesis_strategies.text())
@settings(max_examples=500, deadline=None)
def test_has_letter_is_the_letter_pattern_searched(text):
    assert proposals_module._has_letter(text) == (proposals_module._LETTER.search(text) is not None)


def _mention_spans_by_finditer(text: str, offset: int) -> list[int]:
    """_mention_spans as it was: every _MENTION match, to the text's end."""
    out: list[int] = []
    for m in proposals_module._MENTION.finditer(text):
        if proposals_module._classify_kind(m.group(0)) is not None:
            out += (offset + m.start(), offset + m.end())
    return out


@given(prose(MENTION_WORDS + ["é", "É", "İ", "“", "ﬁ", "could", "we"], 14))
@settings(max_examples=400, deadline=None)
def test_mention_spans_stop_after_the_last_capital(text):
    # no search after the last capital A-Z: the same spans as every match found
    assert proposals_module._mention_spans(text, 7) == _mention_spans_by_finditer(text, 7)


def _proposal_units_as_before(paragraph: str) -> list[tuple[int, int]]:
    """proposal_units as it was: a list per sentence, the unit's letters looked for each time."""
    from gpreader.corpus.attribution import sentences

    pieces = [list(p) for p in sentences(paragraph)]
    merged: list[list[int]] = []
    for piece in pieces:
        text = paragraph[piece[0] : piece[1]]
        first = text.lstrip(" \t‘“'\"")[:1]
        if merged and (not proposals_module._has_letter(text) or first.islower() or first in "….,;:"):
            merged[-1][1] = piece[1]
        elif merged and not proposals_module._has_letter(paragraph[merged[-1][0] : merged[-1][1]]):
            merged[-1][1] = piece[1]
        else:
            merged.append(piece)
    return [(a, b) for a, b in merged]


UNIT_WORDS = ["We", "we", "could", "Dr", "Lee.", "said.", "1.", "2.", "?", "!", "…", "...", "‘", "“", "'", "\"", "(",
              ".", ",", ";", "É", "é", "5", "—", "A.", "it.", "Yes!", "No?", "“Well.", "”", "’"]


@given(prose(UNIT_WORDS, 16))
@settings(max_examples=600, deadline=None)
def test_proposal_units_are_as_before(text):
    assert proposal_units(text) == _proposal_units_as_before(text)
