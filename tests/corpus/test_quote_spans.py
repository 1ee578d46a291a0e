"""Quotation marks in British news prose: where a quote starts and ends."""

from hypothesis import given, settings
from hypothesis import strategies as st

from gpreader.corpus import quotes as quotes_module
from gpreader.corpus.quotes import find_spans

from engine_support import quotes_of


def texts(*paragraphs: str) -> list[str]:
    return [q.text for q in quotes_of(*paragraphs)]


def test_apostrophes_inside_curly_single_quotes_do_not_end_the_quote():
    assert texts("He said: ‘I don’t think England’s GPs can wait. It’s time.’") == [
        "I don’t think England’s GPs can wait. It’s time."
    ]


def test_plural_possessive_inside_a_quote_is_an_apostrophe():
    assert texts("She said: ‘The GPs’ contract must change, and the practices’ income too.’") == [
        "The GPs’ contract must change, and the practices’ income too."
    ]


def test_plural_possessive_outside_quotes_is_not_a_quote():
    assert texts("The LMCs’ conference heard from the GPs’ leaders on Monday.") == []


def test_straight_and_curly_marks_mixed_in_one_quote():
    assert texts("‘It can’t just be a few hundred million [pounds],' he said.") == [
        "It can’t just be a few hundred million [pounds],"
    ]
    assert texts("'It’s just a matter of us working together.’ she said") == [
        "It’s just a matter of us working together."
    ]


def test_straight_double_quotes():
    assert texts('He said: "We will not accept this." Then he left, saying it was "a disgrace".') == [
        "We will not accept this.",
        "a disgrace",
    ]


def test_nested_quotes_stay_inside_the_outer_quote():
    assert texts("She said, “This could be a ‘new deal’ for general practice.”") == [
        "This could be a ‘new deal’ for general practice."
    ]


def test_quote_continued_over_three_paragraphs_is_one_group():
    qs = quotes_of(
        "He said, “We have a problem.",
        "“In some parts of the country it is worse.",
        "“I don’t think we should wait.”",
        "Then the meeting ended.",
    )
    assert [q.text for q in qs] == [
        "We have a problem.",
        "In some parts of the country it is worse.",
        "I don’t think we should wait.",
    ]
    assert len({q.group for q in qs}) == 1
    assert [q.part for q in qs] == [0, 1, 2]


def test_missing_opening_mark_starts_after_the_colon():
    assert texts("He added that it mattered. He said: We are trying to promote CCGs. The local teams need to monitor that.’") == [
        "We are trying to promote CCGs. The local teams need to monitor that."
    ]


def test_closing_mark_glued_to_the_next_word():
    assert texts("‘What if hospitals chose to form networks across the country?’He added that no model should be ‘imposed’.") == [
        "What if hospitals chose to form networks across the country?",
        "imposed",
    ]


def test_editorial_brackets_and_spaced_ellipses_are_kept():
    assert texts("He told delegates: ‘[W]hat if we . . . tried […] something new?’") == [
        "[W]hat if we . . . tried […] something new?"
    ]


def test_offsets_slice_the_paragraph_exactly():
    pars = ["Intro.", "Dr Smith said: ‘It’s ‘odd’, isn’t it?’ and left.", "‘Unclosed to the end"]
    for q in quotes_of(*pars):
        assert pars[q.paragraph][q.start : q.end] == q.text


def test_unbalanced_marks_never_raise_and_stay_in_the_paragraph():
    pars = ["‘‘‘ ’’’ ‘a ’b ‘c", "“” “ ” \" ' ‘", "’’’’’’’’’’’", "‘" * 500]
    spans = find_spans(pars)
    for s in spans:
        assert 0 <= s.start <= s.end <= len(pars[s.paragraph])


def test_kinds_full_partial_fragment():
    qs = quotes_of(
        "Dr Jones said there was a need to ‘revisit the organisational form of primary care’.",
        "She said there must be ‘substantial’ new resources.",
        "Dr Jones said: ‘We will do it. We must.’",
    )
    assert [q.kind for q in qs] == ["partial", "fragment", "full"]


def test_elisions_are_not_quotes():
    assert texts("Since the ‘90s, GPs have worked rock ’n’ roll hours.") == []


INTRODUCING = ["said", "Said", "told", "Pulse", "the", "BMJ", "added", "he", "asked", "x", "GPs", "wrote", "noted"]


@given(st.lists(st.sampled_from(INTRODUCING + [",", ":", ".", "!", "?", "…", " ", "\n", "’", "-", ";"]), max_size=10))
@settings(max_examples=300, deadline=None)
def test_what_comes_before_a_quote_introduces_it_exactly_when_the_introducer_pattern_says(pieces):
    before = " ".join(pieces).rstrip()  # as classify_kind passes it
    assert quotes_module._introduced(before) == bool(quotes_module.INTRODUCER.search(before))


@given(st.text(alphabet="ab é’'‘‛“„‟”\"n.", max_size=30))
@settings(max_examples=300, deadline=None)
def test_the_marks_are_found_where_mark_re_finds_them(text):
    assert quotes_module._mark_positions(text) == [m.start() for m in quotes_module.MARK_RE.finditer(text)]



def test_the_rock_n_roll_test_beside_an_n_is_the_plain_slices_test():
    # _classify reads the slices only when the character after or before the mark is an
    # "n" (its before/after: a space past either end); every text of up to five of these
    # characters, at every mark, gives what the plain slices give
    import itertools

    def plain(par: str, i: int) -> bool:
        return par[i : i + 3] in ("’n’", "'n'") or (i > 1 and par[i - 2 : i + 1] in ("’n’", "'n'"))

    def beside_an_n(par: str, i: int) -> bool:
        before = par[i - 1] if i > 0 else " "
        after = par[i + 1] if i + 1 < len(par) else " "
        return (after == "n" and par[i : i + 3] in ("’n’", "'n'")) or (
            before == "n" and i > 1 and par[i - 2 : i + 1] in ("’n’", "'n'")
        )

    for size in range(1, 6):
        for chars in itertools.product("’'n a", repeat=size):
            par = "".join(chars)
            for i in quotes_module._mark_positions(par):
                assert beside_an_n(par, i) == plain(par, i), (par, i)


@given(st.lists(st.text(alphabet="ab é’'‘‛“„‟”\"n.\n", max_size=12), max_size=6))
@settings(max_examples=300, deadline=None)
def test_the_marks_of_all_paragraphs_at_once_are_each_paragraphs_marks(paragraphs):
    # _positions_by_paragraph finds the marks in the paragraphs joined, then hands them out
    assert quotes_module._positions_by_paragraph(paragraphs) == [
        quotes_module._mark_positions(par) for par in paragraphs
    ]


@given(st.text(alphabet="ab \t\n\u00a0\u2003.’", max_size=30))
@settings(max_examples=500, deadline=None)
def test_words_split_at_most_four_times_count_words_up_to_five(text):
    # classify_kind asks only whether a quotation has 5 words or more
    assert len(text.split(None, 4)) == min(len(text.split()), 5)


def test_the_elision_test_is_elision_match_after_every_character():
    # _elision_after tries ELISION only after an 'e', a 't' or a digit: every character
    # after the mark, before each of these rests, gives what the plain match gives
    rests = ["", "m", "m ", "il", "il.", "0s", "9s ", "0sx", "x"]
    for code in range(0x110000):
        c = chr(code)
        for rest in rests:
            par = "‘" + c + rest
            assert quotes_module._elision_after(par, 0, c) == bool(quotes_module.ELISION.match(par[1:5])), (c, rest)
    assert quotes_module._elision_after("‘", 0, " ") is False  # the mark ends the paragraph


def test_only_s_and_capital_s_lower_to_s():
    # _classify tests before == "s" or "S" for before.lower() == "s"
    assert [c for c in map(chr, range(0x110000)) if c.lower() == "s"] == ["S", "s"]
