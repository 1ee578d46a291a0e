"""Themes files and the signal syntax: inflections, spelling variants, word order, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpreader.corpus.themes import (
    Theme,
    ThemeMatcher,
    ThemesError,
    default_themes,
    default_themes_path,
    load_themes,
    parse_themes,
)


def matcher(*signals: str, theme: str = "t") -> ThemeMatcher:
    return ThemeMatcher([Theme(theme, "T", tuple(signals))])


def found(signals: tuple[str, ...] | str, text: str) -> list[str]:
    """The words of *text* the signals match."""
    sigs = (signals,) if isinstance(signals, str) else signals
    return [h.surface for h in matcher(*sigs).hits(text)]


# -- the bundled file ----------------------------------------------------------------------

def test_bundled_themes_cover_the_issue_list_in_order():
    themes = default_themes()
    assert [t.id for t in themes] == [
        "integration", "commissioning", "contracts", "hospitals", "networks", "funding",
        "premises", "population", "workforce",
    ]
    labels = {t.id: t.label for t in themes}
    assert labels["integration"] == "Integrating GP and community care"
    assert labels["premises"] == "Co-location and premises"
    assert all(t.signals and t.description for t in themes)
    assert default_themes_path().name == "themes.toml"


@pytest.mark.parametrize(
    "sentence",
    [
        "CCGs could bid for co-commissioning rights.",
        "Area teams may co-commission primary care with CCGs.",
        "Councils and ICBs could commission jointly.",
        "They want to jointly commission community services.",
        "The board will cocommission services next year.",
        "Local co commissioning arrangements are planned.",
    ],
)
def test_commissioning_variants_signal_the_commissioning_theme(sentence):
    themes = ThemeMatcher(default_themes()).themes_of(sentence)
    assert "commissioning" in themes


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        ("Practices should merge with the community trust.", "integration"),
        ("Every PCN should employ a social prescriber.", "networks"),
        ("Practices could be co-located with pharmacies in health centres.", "premises"),
        ("The colocation of services would help patients.", "premises"),
        ("QOF points should be cut.", "funding"),
        ("The plan would recruit 6,000 more GPs.", "workforce"),
        ("Hospital trusts could run GP surgeries in deprived towns.", "hospitals"),
        ("A new national contract will replace GMS.", "contracts"),
        ("Integrated neighbourhood teams should cover every town.", "population"),
        ("The organization of care around neighborhoods will change.", "population"),
    ],
)
def test_bundled_signals_in_new_sentences(sentence, theme):
    assert theme in ThemeMatcher(default_themes()).themes_of(sentence)


def test_plain_description_has_no_theme():
    assert ThemeMatcher(default_themes()).themes_of("The weather in Leeds was fine on Tuesday.") == {}


# -- signal syntax ----------------------------------------------------------------------------

def test_star_matches_any_ending_but_only_from_a_word_start():
    assert found("integrat*", "Integrated care and integration, integrating it.") == ["Integrated", "integration", "integrating"]
    assert found("merg*", "Emerging models, not a merger") == ["merger"]


def test_plain_word_matches_plural_and_possessive_but_not_a_longer_word():
    assert found("PCN", "PCNs and a PCN’s budget and PCN's staff") == ["PCNs", "PCN", "PCN"]
    assert found("fund", "funds for the fundamental review") == ["funds"]


def test_hyphen_space_or_nothing_between_words_are_the_same():
    for text in ("co-location", "co location", "colocation", "Co-Location"):
        assert found("co-location", f"More {text} is planned.") == [text], text
    assert found("joined up", "joined-up care") == ["joined-up"]
    assert found("multi-specialty", "multispecialty provider") == ["multispecialty"]


def test_words_of_a_phrase_must_be_next_to_each_other():
    assert found("social care", "social, care") == []
    assert found("social care", "social   care") == ["social   care"]


def test_ise_and_ize_spellings_are_the_same():
    assert found("organisation", "one organization") == ["organization"]
    assert found("prioritise", "they prioritize it") == ["prioritize"]


def test_tilde_matches_words_in_any_order_within_the_window():
    sig = "~commission* jointly"
    assert found(sig, "CCGs could commission jointly") == ["commission jointly"]
    assert found(sig, "to jointly commission services") == ["jointly commission"]
    assert found(sig, "commissioning services jointly") == ["commissioning services jointly"]
    # two words, so a window of four words: "commission" ... "jointly" five words apart is too far
    assert found(sig, "commission a wide range of services jointly") == []
    assert found(sig, "jointly") == []


def test_longer_signal_wins_where_two_of_one_theme_overlap():
    hits = matcher("commission*", "co-commission*").hits("co-commissioning and commissioning")
    assert [(h.signal, h.surface) for h in hits] == [("co-commission*", "co-commissioning"), ("commission*", "commissioning")]


def test_overlapping_signals_of_two_themes_both_count():
    m = ThemeMatcher([Theme("a", "A", ("integrat*",)), Theme("b", "B", ("integrated care board",))])
    assert m.themes_of("The integrated care board will decide.") == {"a": ["integrat*"], "b": ["integrated care board"]}


def test_hit_offsets_point_into_the_original_text():
    text = "We want CO-LOCATION’s benefits"
    (hit,) = matcher("co-location").hits(text)
    assert text[hit.start : hit.end] == hit.surface == "CO-LOCATION"


# -- files and errors ---------------------------------------------------------------------

def write(tmp_path: Path, body: str, name: str = "themes.toml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_a_user_themes_file_is_read(tmp_path):
    path = write(tmp_path, '[[theme]]\nid = "dental"\nlabel = "Dentistry"\nsignals = ["dentist*", "~contract dental"]\n')
    (theme,) = load_themes(path)
    assert theme == Theme("dental", "Dentistry", ("dentist*", "~contract dental"), "")
    assert ThemeMatcher([theme]).themes_of("The dental contract must change.") == {"dental": ["~contract dental"]}


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("[[theme]]\nid = 'a'\nlabel = \n", "not valid TOML"),
        ("title = 'x'\n", "no [[theme]] tables"),
        ("theme = 3\n", "array of tables"),
        ("[[theme]]\nlabel = 'A'\nsignals = ['a']\n", "'id' must be"),
        ("[[theme]]\nid = 'has space'\nlabel = 'A'\nsignals = ['a']\n", "'id' must be"),
        ("[[theme]]\nid = 'a'\nsignals = ['a']\n", "'label' must be"),
        ("[[theme]]\nid = 'a'\nlabel = 'A'\n", "'signals' must be"),
        ("[[theme]]\nid = 'a'\nlabel = 'A'\nsignals = []\n", "'signals' must be"),
        ("[[theme]]\nid = 'a'\nlabel = 'A'\nsignals = [3]\n", "is not a string"),
        ("[[theme]]\nid = 'a'\nlabel = 'A'\nsignals = ['  ']\n", "has no words"),
        ("[[theme]]\nid = 'a'\nlabel = 'A'\nsignals = ['*']\n", "not letters"),
        ("[[theme]]\nid = 'a'\nlabel = 'A'\nsignals = ['co*mmission']\n", "not at the end"),
        ("[[theme]]\nid = 'a'\nlabel = 'A'\nsignals = ['x', 'x']\n", "listed twice"),
        ("[[theme]]\nid = 'a'\nlabel = 'A'\nsignals = ['x']\ncolour = 'red'\n", "unknown key 'colour'"),
        ("[[theme]]\nid = 'a'\nlabel = 'A'\nsignals = ['x']\n[[theme]]\nid = 'a'\nlabel = 'B'\nsignals = ['y']\n", "used twice"),
    ],
)
def test_a_broken_themes_file_is_one_line_naming_file_and_reason(tmp_path, body, reason):
    path = write(tmp_path, body)
    with pytest.raises(ThemesError) as err:
        load_themes(path)
    message = str(err.value)
    assert message.startswith(f"{path}: ")
    assert reason in message
    assert "\n" not in message


def test_missing_folder_and_binary_files_are_reported(tmp_path):
    with pytest.raises(ThemesError, match="no such file"):
        load_themes(tmp_path / "nope.toml")
    with pytest.raises(ThemesError, match="is a folder"):
        load_themes(tmp_path)
    bad = tmp_path / "bin.toml"
    bad.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ThemesError, match="not UTF-8"):
        load_themes(bad)


def test_parse_themes_keeps_file_order_and_strips_labels():
    themes = parse_themes({"theme": [
        {"id": "b", "label": " Bee ", "signals": ["b"]},
        {"id": "a", "label": "Ay", "signals": ["a"], "description": "first letter"},
    ]})
    assert [(t.id, t.label, t.description) for t in themes] == [("b", "Bee", ""), ("a", "Ay", "first letter")]


# -- the matching patterns, written for speed: the same results as written plainly ------------

from hypothesis import given, settings, strategies as st  # noqa: E402

from gpreader.corpus import themes as themes_module  # noqa: E402


@given(st.text(alphabet=st.characters(max_codepoint=127)) | st.text(alphabet="ab_&$£é -‐.’\n\t"))
@settings(max_examples=300, deadline=None)
def test_tokens_and_their_starts_are_the_regex_matches(text):
    tokens = themes_module._tokens(text)
    matches = list(themes_module._TOKEN.finditer(text))
    assert tokens == [m.group(0) for m in matches]
    assert themes_module._starts(text, tokens) == [m.start() for m in matches]


@given(st.text(alphabet="aiIzZeds -‐‑_1.’"))
@settings(max_examples=300, deadline=None)
def test_the_normalise_patterns_match_as_their_plain_forms(text):
    import re

    ize = re.compile(r"(?<=[a-z])iz(?=e\b|ed\b|es\b|er\b|ers\b|ing\b|ation\b|ations\b|ational\b)")
    hyphen = re.compile(r"(?<=\w)[-‐‑](?=\w)")
    assert [m.span() for m in themes_module._IZE.finditer(text)] == [m.span() for m in ize.finditer(text)]
    assert [m.span() for m in themes_module._WORD_HYPHEN.finditer(text)] == [m.span() for m in hyphen.finditer(text)]


THEME_WORDS = ["at", "scale", "work", "working", "by", "hospitals", "run", "the", "under", "umbrella", "joint",
               "commissioning", "commission", "jointly", "co", "location", "colocation", "in", "community", "GP",
               "group", "funding", "x", "that", "social", "care", "PCNs", "&", "£5", "organizations", "more"]
THEME_GAPS = [" ", "  ", "-", ", ", ". ", "’", "\n", " & "]


@given(st.lists(st.tuples(st.sampled_from(THEME_WORDS), st.sampled_from(THEME_GAPS)), max_size=16))
@settings(max_examples=400, deadline=None)
def test_words_are_placed_in_ascii_text_as_in_other_text(pieces):
    # ASCII text places each word with candidates by a look-up in a spaced copy, other text
    # by where every word starts: a word outside ASCII added at the end changes no hit
    text = "".join(word + gap for word, gap in pieces)
    matcher = themes_module.default_matcher()
    assert matcher.spans(text) == matcher.spans(text + " é")


@given(st.text(alphabet="aZ_1é -‐‑.’\n") | st.text())
@settings(max_examples=500, deadline=None)
def test_hyphens_spaced_is_the_hyphen_pattern_substituted(text):
    assert themes_module._hyphens_spaced(text) == themes_module._WORD_HYPHEN.sub(" ", text)


def test_word_char_is_the_word_class():
    import re
    import sys

    word = re.compile(r"\w")
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        assert themes_module._word_char(c) == (word.match(c) is not None), hex(code)


@given(st.text(alphabet="ab_&$£é1 -.’“”–—…\xa0•\n\t?") | st.text())
@settings(max_examples=500, deadline=None)
def test_spaced_has_a_space_where_no_token_is(text):
    spaced = themes_module._spaced(text)
    if spaced is not None:
        assert len(spaced) == len(text)
        for c, d in zip(text, spaced):
            assert (d == " ") == (themes_module._TOKEN.match(c) is None)
            assert d == " " or d == c
    assert themes_module._tokens(text) == themes_module._TOKEN.findall(text)


def _word_place_padded(spaced: str, tok: str, after: int) -> int:
    """The former way of ThemeMatcher.spans: " tok " found in the copy with a space each end
    (*after* there the end of the word before, as in spaced)."""
    return f" {spaced} ".find(f" {tok} ", after)


@given(st.lists(st.sampled_from(["care", "healthcare", "caree", "a", "aa", "pcn", "pcns", "x", "care1"]), min_size=1, max_size=12),
       st.lists(st.sampled_from([" ", "  ", " . "]), min_size=12, max_size=12), st.data())
@settings(max_examples=500, deadline=None)
def test_word_place_is_the_padded_search(words, gaps, data):
    spaced = " " * data.draw(st.integers(0, 2)) + "".join(w + g for w, g in zip(words, gaps))
    spaced = spaced[: len(spaced) - data.draw(st.integers(0, 1))]
    after = 0
    for tok in spaced.split():  # each word in turn, some skipped (as words without candidates are)
        if not data.draw(st.booleans()):
            continue
        a = themes_module._word_place(spaced, tok, after)
        assert a == _word_place_padded(spaced, tok, after)
        after = a + len(tok)


def _shape_samples(matcher) -> list[str]:
    """Words near every key and starred stem of *matcher*: themselves, cut, grown, changed."""
    out: set[str] = set()
    for key in [*matcher._exact, *matcher._star]:
        for word in (key, key[:-1], key[:2], key[:3], key + "s", key + "ing", "x" + key, key[:2] + "q" + key[3:], key.upper()):
            if word:
                out.add(word)
    return sorted(out)


def test_a_word_of_no_keys_shape_has_no_candidates():
    """_may_start (as spans tells a word without looking it up) is never False for a word
    with candidates; with a starred stem under three letters it is always True."""
    matcher = ThemeMatcher(default_themes())
    assert not matcher._every_word
    words = _shape_samples(matcher) + ["a", "i", "s", "the", "of", "é", "1", "a1", "&", "a&e", "x" * 40, "zz", "ab"]
    for word in words:
        if matcher._candidates_of(word):
            assert themes_module._may_start(matcher, word), word
    assert not any(themes_module._may_start(matcher, w) for w in ["the", "of", "a", "for", "that", "to", "and"])
    short = ThemeMatcher([Theme("t", "T", ("ab*", "x"))])
    assert short._every_word and all(themes_module._may_start(short, w) for w in ["ab", "abc", "q", "zz"])


@given(st.lists(st.tuples(st.sampled_from(THEME_WORDS + ["a", "s", "integrated", "integrate", "federation", "funded", "pcn’s",
                                                         "primary", "at-scale", "A&E", "x1", "1x", "é", "co-commissioning"]),
                          st.sampled_from(THEME_GAPS)), max_size=16))
@settings(max_examples=400, deadline=None)
def test_spans_are_the_same_with_every_word_looked_up(pieces):
    text = "".join(word + gap for word, gap in pieces)
    quick = ThemeMatcher(default_themes())
    every = ThemeMatcher(default_themes())
    every._every_word = True
    for t in (text, text + " é"):
        assert quick.spans(t) == every.spans(t)
