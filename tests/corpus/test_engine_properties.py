"""Property tests: on any text the engine never raises and every quote slices exactly."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine_support import quotes_of

MARKS = "‘’“”'\""
WORDS = ["Dr", "Smith", "said", "he", "she", "told", "added:", "GPs’", "don’t", "the", "NHS", "England", "according", "to", ",", ".", ":", "?"]
token = st.one_of(st.sampled_from(WORDS), st.sampled_from(list(MARKS)), st.text(max_size=6))
paragraph = st.lists(token, max_size=60).map(lambda toks: " ".join(toks).strip() or "x")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(paragraph, min_size=1, max_size=6))
def test_quotes_lie_inside_their_paragraph_and_slice_to_their_text(paragraphs):
    for q in quotes_of(*paragraphs):
        par = paragraphs[q.paragraph]
        assert 0 <= q.start < q.end <= len(par)
        assert par[q.start : q.end] == q.text
        assert q.kind in ("full", "partial", "fragment")


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_arbitrary_unicode_never_raises(text):
    quotes_of(*(text.split("\n") or [text]))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab Dr. !?…’”'\")]‘“\n", max_size=40))
def test_sentences_are_split_as_the_break_pattern_splits_them(text):
    # the one-sentence shortcut (no end mark before the trailing marks) changes nothing
    from gpreader.corpus import attribution

    assert attribution.sentences(text) == attribution._sentences_by_breaks(text)
    assert attribution._sentence_breaks(text) == [m.span() for m in attribution.SENT_BREAK.finditer(text)]


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="abAZ[ Dr.. !?…’”'\")]‘“\n\t\u00a0\u2009\x1c", max_size=40), st.integers(0, 40))
def test_break_end_is_where_the_break_pattern_ends(text, i):
    from gpreader.corpus import attribution

    if i < len(text) and text[i] in ".!?…":
        m = attribution.SENT_BREAK.match(text, i)
        assert attribution._break_end(text, i) == (m.end() if m is not None else -1)
    assert attribution._sentence_breaks(text) == [m.span() for m in attribution.SENT_BREAK.finditer(text)]
