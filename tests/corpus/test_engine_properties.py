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
    assert [m.span() for m in attribution._sentence_breaks(text)] == [m.span() for m in attribution.SENT_BREAK.finditer(text)]
