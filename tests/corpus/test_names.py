"""names.py: the readings kept for phrases and name tokens are the readings made."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gpreader.corpus import names

PHRASES = [
    "Dr Jessica Barker", "said Professor Anne Harper", "the GPC", "A survey of 366 GPs",
    "King’s Fund", "Lord Ara Darzi’s review", "the former RCGP chairwoman", "Nursing Times",
    "he", "It", "GPs", "", " , ", "Veteran Dr Beth Green", "the Additional Roles Reimbursement Scheme",
    "Health Secretary Jeremy Hunt", "its deputy medical director", "and Dr Smith", "39",
]
WORDS = ["Dr", "Ms", "the", "of", "GPs", "BMJ", "Smith", "O’Brien", "report", "said", "chair", "Jo", "’s", "and"]


@given(st.lists(st.sampled_from(PHRASES + WORDS), max_size=6))
@settings(max_examples=300, deadline=None)
def test_a_kept_reading_is_the_reading_made(pieces):
    phrase = " ".join(pieces)
    first = names._classify_cached(phrase)
    assert first == names._read(phrase)
    assert names._classify_cached(phrase) is first  # kept
    for tok in names._tokens(phrase):
        assert names._is_name_token(tok) == names._is_name(tok)
        assert names._is_name_token(tok) == names._is_name(tok)  # kept


def test_the_kept_readings_are_bounded():
    for i in range(names.MAX_KEPT + 10):
        names._classify_cached(f"Dr Jo Smith{i}")
        names._is_name_token(f"Smith{i}")
    assert len(names._READINGS) <= names.MAX_KEPT
    assert len(names._NAME_TOKENS) <= names.MAX_KEPT
    assert names.classify_shared("Dr Jessica Barker") == names._read("Dr Jessica Barker")


@given(st.text(alphabet="aZé0_9’'-.&ł× \t\n\u00a0\x1c\x85\u2003Ms", max_size=30))
@settings(max_examples=500, deadline=None)
def test_tokens_word_by_word_are_token_findall(text):
    assert names._tokens(text) == names.TOKEN.findall(text)


@given(st.lists(st.sampled_from(PHRASES + WORDS + ["’s", "'s", "s", "’", "'"]), max_size=6).map("".join))
@settings(max_examples=300, deadline=None)
def test_possessive_matches_only_where_an_apostrophe_s_is(text):
    if names.POSSESSIVE.match(text):
        assert "’s" in text or "'s" in text


def test_leading_linker_starts_only_on_the_first_letters_kept():
    # every character that LEADING_LINKER takes for the first letter of one of its words
    import re

    words = ["and", "but", "so", "while", "whereas", "then", "also", "however", "meanwhile"]
    for word in words:
        own = re.compile("(?i)" + word)
        for code in range(0x110000):
            c = chr(code)
            if own.fullmatch(c + word[1:]):
                assert c in names._LINKER_FIRST, (word, c)
                assert names.LEADING_LINKER.match(c + word[1:] + " ")
