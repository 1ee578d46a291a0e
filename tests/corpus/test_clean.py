"""clean_article: headline, paragraphs, comments and site furniture, on the seeds and on edge cases."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gpreader.corpus.catalog import read_catalog
from gpreader.corpus.clean import FURNITURE, FURNITURE_PREFIXES, clean_article, is_furniture
from gpreader.corpus.model import PubDate
from gpreader.corpus.text import read_text
from gpreader.resources import bundled_seeds

SEEDS = bundled_seeds()
STEMS = sorted(p.stem for p in SEEDS.glob("*.txt"))
FURNITURE_SEEN = [
    "This site is intended for health professionals only",
    "Have you registered with us yet?",
    "Register now to enjoy more articles and free email bulletins",
    "Already registered?",
    "Sign in",
    "Log in",
    "Log in through your institution",
    "View Abstract",
    "* For online subscription",
    "Cite this as: BMJ 2014;349:g6055",
]


def seed(stem: str, with_catalog: bool = True):
    meta = read_catalog(SEEDS)[0].get(stem, {}) if with_catalog else {}
    return clean_article(read_text(SEEDS / f"{stem}.txt"), meta)


@pytest.mark.parametrize(
    "stem, paragraphs, comments",
    [("000_bfb60d14f6019173", 20, 0), ("001_52dddf06ea81e95a", 8, 0), ("002_24d1e309c0c47b10", 17, 0),
     ("003_c11f4f72208e9254", 13, 0), ("004_f127605748b66a42", 13, 5)],
)
def test_seed_paragraph_and_comment_counts(stem, paragraphs, comments):
    cleaned = seed(stem)
    assert (len(cleaned.paragraphs), len(cleaned.comments)) == (paragraphs, comments)


@pytest.mark.parametrize("stem", STEMS)
def test_no_furniture_line_survives_in_any_seed(stem):
    cleaned = seed(stem)
    kept = set(cleaned.paragraphs) | set(cleaned.comments) | {cleaned.headline}
    assert kept.isdisjoint(FURNITURE_SEEN)
    assert not any(is_furniture(p) for p in cleaned.paragraphs + cleaned.comments)


@pytest.mark.parametrize("stem", STEMS)
def test_every_paragraph_is_a_line_of_the_text_unchanged(stem):
    lines = set(read_text(SEEDS / f"{stem}.txt").split("\n"))
    cleaned = seed(stem)
    assert all(p in lines for p in cleaned.paragraphs + cleaned.comments)


def test_000_keeps_one_copy_of_the_photo_caption():
    caption = "Dr Mike Bewick: GP and community care merger could happen (Photo: Jason Heath Lancy)"
    assert seed("000_bfb60d14f6019173").paragraphs.count(caption) == 1


def test_001_headline_comes_after_the_site_banner():
    cleaned = seed("001_52dddf06ea81e95a", with_catalog=False)
    assert cleaned.headline == "NHS chief calls for GPs to work within community hospitals"
    assert cleaned.paragraphs[0].startswith("GP networks could provide care")


def test_002_exclusive_paragraph_is_kept_exactly():
    first = seed("002_24d1e309c0c47b10").paragraphs[0]
    assert first.startswith("Exclusive The GP contract needs more ‘flexibility’ to allow CCGs")


def test_003_bmj_block_becomes_metadata_not_paragraphs():
    cleaned = seed("003_c11f4f72208e9254", with_catalog=False)
    assert cleaned.headline == "Hospitals could run general practice services in underserved areas"
    assert cleaned.meta["citation"] == "BMJ 2014;349:g6055"
    assert cleaned.meta["author"] == "Gareth Iacobucci"
    assert cleaned.meta["outlet"] == "The BMJ"
    assert cleaned.meta["date"] == PubDate(2014, 10, 3, "day", inferred=False)
    assert cleaned.paragraphs[0].startswith("NHS hospitals could take control")
    joined = "\n".join(cleaned.paragraphs)
    assert "Iacobucci" not in joined and "1The BMJ" not in joined and "Cite this as" not in joined


def test_004_headline_from_catalog_and_first_line_stays_a_paragraph():
    cleaned = seed("004_f127605748b66a42")
    assert cleaned.headline == "GP contracts must change to enable neighbourhood working, argues report"
    assert cleaned.paragraphs[0].startswith("The way GP services are contracted must change")
    assert cleaned.paragraphs[-1].startswith("But RCGP chair Professor Kamila Hawthorne")
    assert cleaned.comments[0].startswith("Do they mean like with Fire Engines")
    assert cleaned.comments[-1].startswith("Give it 5 years")


def test_004_without_a_catalog_has_no_headline_and_no_comments():
    cleaned = seed("004_f127605748b66a42", with_catalog=False)
    assert cleaned.headline == ""  # its first line is a sentence, not a headline
    assert (len(cleaned.paragraphs), cleaned.comments) == (18, [])


def test_given_headline_drops_the_same_first_line():
    cleaned = clean_article("The Headline\nBody one.\nBody two.", {"headline": "The headline"})
    assert cleaned.headline == "The headline"
    assert cleaned.paragraphs == ["Body one.", "Body two."]


def test_furniture_words_inside_prose_are_kept():
    prose = [
        "Patients must sign in at reception before they are seen.",
        "Sign in",
        "Register now, the BMA told locums, or lose the right to vote.",
        "Advertisement",
        "He said the advertisement was misleading.",
        "Click here to read the full report",
        "MOST READ",
    ]
    cleaned = clean_article("A headline for the test\n\n" + "\n\n".join(prose), {})
    assert cleaned.paragraphs == [prose[0], prose[4]]


def test_one_paragraph_per_line_is_never_joined():
    text = "Head line of it\nFirst paragraph without a full stop\nSecond paragraph.\n"
    assert clean_article(text, {}).paragraphs == ["First paragraph without a full stop", "Second paragraph."]


def test_hard_wrapped_blocks_are_joined_into_paragraphs():
    text = (
        "A headline for the test\n\n"
        "Dr Smith said the plans were\n‘unworkable’ and should be dropped.\n\n"
        "‘We cannot go on,’ she said, adding that\nco-\ncommissioning had failed.\n\n"
        "Two reasons:\n1. money\n2. staff\n"
    )
    assert clean_article(text, {}).paragraphs == [
        "Dr Smith said the plans were ‘unworkable’ and should be dropped.",
        "‘We cannot go on,’ she said, adding that co-commissioning had failed.",
        "Two reasons:",
        "1. money",
        "2. staff",
    ]


def test_generic_comment_marker_splits_off_comments():
    text = "A headline for the test\n\nBody.\n\nReaders' comments (2)\n\nFirst!\n\nSecond."
    cleaned = clean_article(text, {})
    assert (cleaned.paragraphs, cleaned.comments) == (["Body."], ["First!", "Second."])


def test_comments_start_that_matches_nothing_is_a_warning():
    cleaned = clean_article("A headline for the test\nBody.", {"comments_start": "Nobody wrote"})
    assert cleaned.comments == []
    assert "Nobody wrote" in cleaned.warnings[0]


def test_unbalanced_quote_marks_pass_through_untouched():
    text = "Quotes gone wrong here\n‘He said “no\nShe said’ ’ ‘ \" '"
    cleaned = clean_article(text, {})
    assert cleaned.paragraphs == ["‘He said “no", "She said’ ’ ‘ \" '"]


def test_odd_spaces_are_every_whitespace_but_space_and_newline():
    import sys

    from gpreader.corpus.clean import ODD_SPACES

    whitespace = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert sorted(ODD_SPACES) == [c for c in whitespace if c not in " \n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(" \n\t\u00a0\u2003SsſKkiIgn.:"), max_size=20)
                | st.sampled_from(FURNITURE_SEEN + ["Sign  in", "sign\u00a0in", " ſign in", "Share this"]), max_size=8))
def test_furniture_is_the_same_when_lines_are_known_spaced(parts):
    """The fast path (a text whose only whitespace is spaces and line ends: its lines without a
    doubled space not split and joined) drops what the general one does."""
    from gpreader.corpus.clean import _drop_furniture, _plain_spaces

    text = "\n".join(parts)
    lines = [line.strip() for line in text.split("\n")]
    general = _drop_furniture(lines, {}, False, True)
    if _plain_spaces(text):
        assert _drop_furniture(lines, {}, True, "  " in text) == general


def test_the_citation_line_starts_with_c_or_C_only():
    # _drop_furniture tries CITE_LINE only on lines that start so
    import re
    import sys

    from gpreader.corpus.clean import CITE_LINE

    assert CITE_LINE.pattern.startswith("^c") and CITE_LINE.flags & re.IGNORECASE
    first = re.compile(CITE_LINE.pattern[1], CITE_LINE.flags)
    assert [chr(c) for c in range(sys.maxunicode + 1) if first.match(chr(c))] == ["C", "c"]
    assert CITE_LINE.match("") is None  # a blank line (not tried) is no citation


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(FURNITURE_PREFIXES) + ["Sign in", "Share"]),
       st.text(alphabet=st.sampled_from(list("aZ .ſßİﬀ")), max_size=160))
def test_long_lines_are_furniture_by_their_prefix_as_when_casefolded_whole(prefix, rest):
    from gpreader.corpus.clean import MAX_FURNITURE_PREFIX_LINE, _is_spaced_furniture, _spaced

    line = _spaced(prefix.upper() + rest)
    key = line.casefold()
    expected = key in FURNITURE or (len(key) <= MAX_FURNITURE_PREFIX_LINE and key.startswith(FURNITURE_PREFIXES))
    assert _is_spaced_furniture(line) == expected
