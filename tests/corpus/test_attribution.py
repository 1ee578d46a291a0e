"""Who said it: the reporting patterns of British health news."""

import re
from pathlib import Path

from hypothesis import given, settings, strategies as st

from engine_support import pairs, prose, quotes_of

from gpreader.corpus.extract import extract_quotes
from gpreader.corpus.model import Article
from gpreader.corpus.speakers import build_speakers


def speakers(*paragraphs: str) -> list[str | None]:
    return [s for _, s in pairs(*paragraphs)]


def test_name_said_colon():
    assert speakers("Dr Sarah Jones said: ‘We need more GPs.’") == ["Sarah Jones"]


def test_said_after_the_quote_with_a_pronoun():
    assert speakers(
        "Dr Sarah Jones, chair of the local LMC, spoke to the meeting.",
        "‘We need more GPs,’ she said.",
    ) == ["Sarah Jones"]


def test_said_name_after_the_quote():
    assert speakers("‘The money is not there’, said Professor Martin Marshall.") == ["Martin Marshall"]


def test_told_somebody_colon():
    assert speakers("Dr Peter Smith told Pulse: ‘This is a disaster for practices.’") == ["Peter Smith"]


def test_name_added_at_the_end_of_the_sentence():
    assert speakers(
        "Dr Peter Smith spoke first.",
        "The Government will announce ‘further changes in terms of funding’ next week, Dr Smith added.",
    ) == ["Peter Smith"]


def test_according_to():
    assert speakers("According to the King’s Fund, the NHS faces ‘the worst winter in a decade’.") == ["King’s Fund"]


def test_present_tense_says():
    assert speakers("The contract needs more ‘flexibility’, says Dr Anna Brown.") == ["Anna Brown"]


def test_role_only_mention_resolves_to_the_person_with_that_role():
    assert speakers(
        "Dr Anna Brown, chairwoman of the London clinical board, and Dr Tom Reid also spoke.",
        "‘There is money for hospitals’, said the former board chairwoman.",
    ) == ["Anna Brown"]


def test_role_only_mention_before_the_name_is_given():
    qs = quotes_of(
        "GPs need more ‘flexibility’, says the primary care chief at NHS England.",
        "Dr David Geddes, head of primary care commissioning at NHS England, told Pulse a plan was due.",
    )
    assert [q.speaker for q in qs] == ["David Geddes"]


def test_he_and_she_follow_gender():
    assert speakers(
        "Dr Helen Stokes-Lampard said practices were full. Dr Richard Vautrey agreed.",
        "She said: ‘We are at breaking point.’",
        "He added: ‘The contract must change.’",
    ) == ["Helen Stokes-Lampard", "Richard Vautrey"]


def test_continuation_paragraph_belongs_to_the_speaker_of_the_paragraph_before():
    assert speakers(
        "Dr Bewick, a former GP, said that health secretary Jeremy Hunt had said ‘he couldn’t see why we couldn’t recombine services’.",
        "‘Obviously there would be contractual issues.’",
    ) == ["Jeremy Hunt", "Bewick"]


def test_second_quote_in_a_paragraph_keeps_the_speaker():
    assert speakers(
        "Dr Mike Bewick spoke.",
        "‘It can’t just be a few hundred million,' he said. ‘We’ve got to be taking larger amounts.’",
    ) == ["Mike Bewick", "Mike Bewick"]


def test_titles_dame_lord_baroness():
    assert speakers(
        "Dame Clare Gerada said: ‘General practice is in crisis.’",
        "Lord Darzi said: ‘Spending in primary care has a superior return.’",
        "Baroness Julia Cumberlege told peers: ‘Maternity care must change.’",
    ) == ["Clare Gerada", "Darzi", "Julia Cumberlege"]


def test_a_knight_or_dame_named_again_by_first_name_is_the_same_person():
    assert speakers(
        "‘This is the beginning,’ Sir Tim Curtis, chief executive of NHS Providers, said.",
        "Sir Tim said: ‘When patients wait, GPs are furious.’",
        "Sir Tim: ‘This is a flexible moment for general practice.’",
        "Professor Sir Mike Richards said: ‘Screening must be redesigned.’",
        "‘Nobody should wait,’ Sir Mike added.",
        "Clare Gerada said: ‘General practice is in crisis.’",
        "‘It must change,’ Dame Clare said.",
    ) == ["Tim Curtis", "Tim Curtis", "Tim Curtis", "Mike Richards", "Mike Richards", "Clare Gerada", "Clare Gerada"]


def test_sir_and_a_first_name_shared_by_two_people_is_not_guessed():
    found = speakers(
        "Sir Tim Curtis said: ‘We need more GPs.’",
        "Tim Walsh said: ‘We need more nurses.’",
        "‘Both matter,’ Sir Tim said.",
    )
    assert found[:2] == ["Tim Curtis", "Tim Walsh"]
    assert found[2] == "Tim Curtis"  # the one of them who is a knight
    assert speakers(
        "Dame Sophie Walsh said: ‘We need more GPs.’",
        "Sir Sophie said: ‘Wrong title.’",
    )[1] != "Sophie Walsh"


def test_honorifics_are_recorded_not_part_of_the_name():
    qs = quotes_of("Professor Sir Mike Richards said: ‘Screening must be redesigned.’")
    assert qs[0].speaker == "Mike Richards"


def test_organisation_and_document_speakers():
    assert speakers(
        "A BMA spokesperson said: ‘Practices cannot take on more work.’",
        "In a report on staffing, the Nuffield Trust argued that practices ‘need more nurses’.",
        "The report said: ‘Our work suggests the gap is growing.’",
    ) == ["BMA", "Nuffield Trust", "Nuffield Trust"]


def test_unattributed_scare_quotes_have_no_speaker():
    assert speakers("Starting in September, integrated care ‘pioneer sites’ will begin work.") == [None]


def test_quote_inside_a_quote_naming_another_person_goes_to_the_outer_speaker():
    assert speakers(
        "Dr Farah Jameel said: ‘When the minister told us “there is no more money”, GPs were furious.’"
    ) == ["Farah Jameel"]


def test_surname_and_full_name_are_one_speaker():
    assert speakers(
        "Simon Stevens said the plan was ‘ambitious but achievable’.",
        "Mr Stevens put forward a series of ‘potential new variants’.",
        "Stevens acknowledged, “There are risks.”",
    ) == ["Simon Stevens"] * 3


def test_disagreed_colon():
    assert speakers("But GPC deputy chair Dr Richard Vautrey disagreed: ‘There is already flexibility.’") == [
        "Richard Vautrey"
    ]


def test_sentence_after_a_full_quote_is_not_its_attribution():
    # "He added…" opens a new sentence; the quote belongs to the earlier speaker
    assert speakers(
        "Dr Ann Lee said: ‘We will try.’",
        "‘Nobody should be forced to join.’ Dr Tom Reid added that it was fine.",
    ) == ["Ann Lee", "Ann Lee"]


def test_government_department_spokesperson_is_the_department():
    assert speakers(
        "Dr Katie Bramall-Stainer said: “We are clear.”",
        "A Department of Health and Social Care spokesperson said: “We value the hard work of GPs.”",
    ) == ["Katie Bramall-Stainer", "Department of Health and Social Care"]


def test_role_before_the_name_in_apposition():
    assert speakers(
        "Mr Trainer spoke first.",
        "NHS England's national director for primary care, Dr Amanda Doyle, said it was “one tool among many”.",
    ) == ["Amanda Doyle"]


def test_linking_word_before_the_subject():
    assert speakers(
        "Meanwhile Dame Clare Gerada, president of the RCGP, warned of “the end of the independent contractor model”."
    ) == ["Clare Gerada"]


def test_short_whole_sentence_quote_is_full():
    qs = quotes_of("He said the trust was asked again this year. “We said no,” he added.")
    assert qs[0].kind == "full"


def test_said_name_comma_role_records_the_role():
    qs = quotes_of("“This is a historic moment,” said Katie Bramall-Stainer, chair of the BMA’s GP committee. “We did not want this.”")
    assert [q.speaker for q in qs] == ["Katie Bramall-Stainer"] * 2
    from gpreader.corpus.model import Article
    from pathlib import Path
    from gpreader.corpus.extract import extract_quotes

    article = Article("t", Path("t.txt"), "H", ["“Yes,” said Katie Bramall-Stainer, chair of the BMA’s GP committee."])
    extract_quotes(article)
    assert [r.text for r in article.local_speakers["Katie Bramall-Stainer"].roles] == ["chair of the BMA’s GP committee"]


def test_press_release_comment_then_quote_paragraph():
    assert speakers(
        "Commenting on the figures, Sally Warren, director of policy at The King's Fund, said:",
        "\"Today's figures show that the number of GPs continues to fall.\"",
        "\"The Government must now set out a credible plan,\" she added.",
    ) == ["Sally Warren", "Sally Warren"]


def test_spokesman_for_an_organisation_and_went_on():
    assert speakers(
        "An NHS England spokesman said: “We are investing in the community workforce.”",
        "Helen Salisbury, a GP in Oxford, told The BMJ that partners felt “they had no other option.” She went on: “The contract has been eroded.”",
    ) == ["NHS England", "Helen Salisbury", "Helen Salisbury"]


def test_quote_then_name_apposition_then_verb():
    assert speakers("‘We are at breaking point,’ Dr Anna Smith, chair of the RCGP, said.") == ["Anna Smith"]
    assert speakers("“We are at breaking point,” Dr Anna Smith, who chairs the RCGP, told the conference.") == [
        "Anna Smith"
    ]


def test_name_and_colon_without_a_verb():
    assert speakers("Dr Anna Smith: “We are ready.”") == ["Anna Smith"]


def test_speaker_changes_and_pronoun_follows_the_latest():
    assert speakers(
        "Mr Jeremy Hunt told MPs: “The NHS is safe.”",
        "Labour’s shadow health secretary, Andy Burnham, said: “That is nonsense.”",
        "He added: “Patients know it.”",
    ) == ["Jeremy Hunt", "Andy Burnham", "Andy Burnham"]


def test_an_epithet_before_a_name_is_not_part_of_it():
    assert speakers(
        "Veteran Hannah Hunter said the plans were ‘a sticking plaster’.",
        "Outspoken Dr Laura Ryan said: ‘It will not work.’",
        "Respected Professor Alan Ford said the plans were ‘far too little, far too late’.",
    ) == ["Hannah Hunter", "Laura Ryan", "Alan Ford"]


def test_what_is_said_is_not_taken_for_the_speakers_role():
    article = Article("t", Path("t.txt"), "Headline", [
        "GPs warn of a crisis.",
        "Dr Hannah Hunter said the plans for the GP contract were ‘a inadequate threat’.",
    ])
    article.quotes = extract_quotes(article)
    build_speakers([article])
    assert [q.speaker for q in article.quotes] == ["Hannah Hunter"]
    assert [r.text for r in article.local_speakers["Hannah Hunter"].roles] == []


def test_a_scheme_or_an_institute_named_in_capitals_is_never_a_speaker():
    assert speakers(
        "Mr Geoff Doyle: ‘This is an urgent moment for general practice.’",
        "Separately, 70 per cent said the Additional Roles Reimbursement Scheme should be the top priority,"
        " according to the Institute for Fiscal Studies.",
        "‘The evidence is clear and we should act on it,’ he said.",
    ) == ["Geoff Doyle", "Geoff Doyle"]


def test_sir_tim_alone_in_one_article_is_the_sir_tim_of_another_and_is_his_alias():
    first = Article("a", Path("a.txt"), "One", ["Sir Tim Curtis, chief executive of NHS Providers, said: ‘We need more GPs.’"])
    second = Article("b", Path("b.txt"), "Two", ["Sir Tim said: ‘Practices cannot wait.’"])
    for article in (first, second):
        article.quotes = extract_quotes(article)
    speakers = build_speakers([first, second])
    assert [q.speaker for q in second.quotes] == ["Tim Curtis"]
    assert "Tim" not in speakers
    assert "Sir Tim" in speakers["Tim Curtis"].aliases
    assert "Sir Curtis" not in speakers["Tim Curtis"].aliases  # nobody says it
    assert "Curtis" in speakers["Tim Curtis"].aliases


def test_people_called_green_white_or_bill_are_people_not_documents():
    assert speakers(
        "Dr Beth Green, a GP in Leeds, said: ‘We need more GPs.’",
        "‘It is too late,’ Professor Green added.",
        "Mr Tom White said: ‘Practices are closing.’",
        "Bill Jones told Pulse: ‘Nobody listened.’",
    ) == ["Beth Green", "Beth Green", "Tom White", "Bill Jones"]
    assert speakers(
        "The Green Paper said: ‘Integration is the goal.’",
        "The white paper said: ‘Patients come first.’",
    ) == ["Green Paper", "paper"]


def test_the_report_speaks_for_whoever_wrote_it_not_for_its_subject():
    assert speakers(
        "Earlier this year, a report by the Public Accounts Committee criticised the handling of PMS reviews.",
        "The report said: ‘Practices are closing and the public is noticing.’",
    ) == ["Public Accounts Committee"]
    assert speakers(
        "In a report on QOF payments, the Institute for Fiscal Studies argued that practices ‘need more support’.",
        "The report said: ‘The contract has to change.’",
    ) == ["Institute for Fiscal Studies", "Institute for Fiscal Studies"]
    assert speakers(
        "A report by the Royal College of Nursing looked at the MPIG withdrawal.",
        "The report said: ‘Nurses are leaving.’",
    ) == ["Royal College of Nursing"]


def test_a_contract_or_payment_acronym_is_never_a_speaker():
    assert speakers("QOF said: ‘This is wrong.’", "The MPIG said: ‘So is this.’") == [None, None]


def test_the_outlet_someone_talks_to_is_not_a_person():
    assert speakers(
        "Professor Joseph Sharma, chair of the RCGP, spoke at the conference.",
        'Professor Sharma told Nursing Times: "We need more GPs."',
        "Figures seen by Nursing Times show spending has fallen.",
        'He added: "And more nurses."',
    ) == ["Joseph Sharma", "Joseph Sharma"]


CLAUSE_WORDS = ["Dr", "Smith", "said", "that", "which", "who", "as", "while", "because", "so", "when", "if", "although",
                "and", "but", "the", "NHS", "England", "Fuller", "report", "plan", "reports", "review", "x", "asked", "iffy",
                "_that", "9so", "athat", "But", "When", "sand", "whom", "É"]


@given(prose(CLAUSE_WORDS))
@settings(max_examples=300, deadline=None)
def test_the_clause_and_document_patterns_behave_as_their_plain_forms(text):
    from gpreader.corpus import attribution

    assert attribution.CLAUSE_BREAK.split(text) == attribution.CLAUSE_BREAK_PLAIN.split(text)
    assert attribution._may_name_a_document(text) == (attribution.DOCUMENT_HEAD.search(text) is not None)



@given(prose(CLAUSE_WORDS + ["has", "was", "ideas", "re-that", "x’so", "Then", ";", ":", ",", "(if", "and\u00a0"]))
@settings(max_examples=500, deadline=None)
def test_may_break_clause_is_false_only_where_clause_break_has_no_match(text):
    from gpreader.corpus import attribution

    if not attribution._may_break_clause(text):
        assert attribution.CLAUSE_BREAK.search(text) is None
    parts = attribution.CLAUSE_BREAK.split(text)
    plain = parts[-1].strip() if parts else text.strip()
    if plain[:1] and plain[:1] in attribution.CLAUSE_LINKER_FIRST:
        plain = attribution.CLAUSE_LINKER.sub("", plain)
    assert attribution._last_clause(text) == plain


SUBJECT_VERB_WORDS = ["he", "she", "Dr", "Smith", "said", "added", "told", "pointed", "out", "called", "for", "has", "also",
                      "had", "on", "monday", "last", "week", "went", "on", "to", "saidx", "xsaid", "the", "report", "x",
                      ",", ".", ";", ":", "!", "?", "‘", "“", "’", "”", "—", "£", "\u00a0", "\u2009", "é", "_said", "2"]


@given(prose(SUBJECT_VERB_WORDS, size=16))
@settings(max_examples=500, deadline=None)
def test_may_have_subject_verb_is_false_only_where_subject_verb_cannot_match(text):
    from gpreader.corpus import attribution

    low = text.lower()
    if not attribution._may_have_subject_verb(low):
        assert attribution.SUBJECT_VERB_LOWER.match(low) is None

SCAN_WORDS = ["Dr", "Mr", "Mrs", "Ms", "Miss", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady", "Baroness", "Cllr",
              "Drs", "Mrx", "tDr", "Anna", "Smith", "O’Brien", "Jones-Lee", "McDonald", "MP", "NHS", "GPs", "BMA", "the",
              "The", "bathe", "t", "he", "England", "Royal", "College", "Colleges", "Confed", "Confederation", "of", "for",
              "and", "Nursing", "Fiscal", "Studies", "King’s", "Fund", "Trust", "Department", "Health", "Social", "Care",
              "Government", "Governments", "Board", "x", "said", "A", "É", "_Anna", "2Dr", "&", "’s", "report", "plan",
              "reports", "Fuller", "review", "strategy", "paper", "study", "survey", "framework", "stocktake"]


def _name_matches_plain(sentence: str) -> list[tuple[int, int]]:
    """The plain form of NAME_SCAN: NAME_CORE tried at each capital where a match can begin,
    a match followed by LONGER_PROPER_NOUN passed over (the next start tried)."""
    from gpreader.corpus import attribution

    found: list[tuple[int, int]] = []
    end = 0
    for start in re.finditer(r"[A-Z](?=[a-z]+\s+[A-Z])", sentence):
        if start.start() < end:
            continue
        m = attribution.NAME_CORE.match(sentence, start.start())
        if m and attribution.LONGER_PROPER_NOUN.match(sentence, m.end()) is None:
            found.append(m.span())
            end = m.end()
    return found


@given(prose(SCAN_WORDS, 16))
@settings(max_examples=600, deadline=None)
def test_the_name_organisation_and_document_scans_match_as_their_plain_forms(text):
    from gpreader.corpus import attribution

    assert [m.span() for m in attribution.NAME_SCAN.finditer(text)] == _name_matches_plain(text)
    assert [m.span() for m in attribution.ORG_SCAN.finditer(text)] == [m.span() for m in attribution.ORG_MENTION.finditer(text)]
    assert [m.span() for m in attribution.DOCUMENT_SCAN.finditer(text)] == [
        m.span() for m in attribution.DOCUMENT_MENTION.finditer(text)
    ]



@given(prose(SCAN_WORDS + ["(NHS", "(the", "x-NHS", "GP"], 24))
@settings(max_examples=600, deadline=None)
def test_the_organisation_scan_from_its_window_finds_what_it_finds_from_the_start(text):
    """ORG_SCAN from _org_window (six runs of non-spaces before the first ORG_HEAD match)
    finds the matches it finds over the whole text."""
    from gpreader.corpus import attribution

    head = attribution.ORG_HEAD.search(text)
    if head is None:
        assert attribution.ORG_SCAN.search(text) is None
        return
    window = attribution._org_window(text, head.start())
    assert [m.span() for m in attribution.ORG_SCAN.finditer(text, window)] == [
        m.span() for m in attribution.ORG_SCAN.finditer(text)
    ]


@given(prose(SCAN_WORDS + ["said", "chair", "x" * 21, "A" + "b" * 20, "a" * 20, "\n"]), st.integers(0, 40), st.integers(0, 60))
@settings(max_examples=300, deadline=None)
def test_the_words_before_a_name_are_found_as_by_the_plain_pattern(text, pos, end):
    """NAME_PRE (possessive repeats) finds what its plain form finds, in any window."""
    from gpreader.corpus import attribution

    plain = re.compile(r"(?:\b(?:[A-Z][A-Za-z]{1,20}|[a-z]{1,20})\s+){1,4}$")
    mine = attribution.NAME_PRE.search(text, pos, end)
    theirs = plain.search(text, pos, end)
    assert (mine.span() if mine else None) == (theirs.span() if theirs else None)


@given(prose(SCAN_WORDS + ["(NHS", "(the", "x-NHS", "GP", "The", "the\u00a0", "bathe", "_the", "\u2003"], 24), st.integers(0, 40))
@settings(max_examples=600, deadline=None)
def test_the_organisation_scan_by_its_capitals_finds_what_org_scan_finds(text, pos):
    """_org_scan (ORG_SCAN_CAPITAL, each match taken back over a "the" before it) gives
    ORG_SCAN's matches, from the start and from any position."""
    from gpreader.corpus import attribution

    pos = min(pos, len(text))
    assert attribution._org_scan(text, pos) == [m.span() for m in attribution.ORG_SCAN.finditer(text, pos)]
    assert attribution._org_scan(text, 0) == [m.span() for m in attribution.ORG_SCAN.finditer(text)]


FOLD_WORDS = SCAN_WORDS + ["‘", "’", "“Dr", "Smith”", "£5", "–", "—", "…", "\u00a0", "Dr\u00a0Smith", "\t", "\x1c", "Ä", "9",
                           "Department of Health", "Department\tof Health", "Xealth", "Report", "(report", "report’s", "plans",
                           "GP", "’s", "2020"]


@given(prose(FOLD_WORDS, 20))
@settings(max_examples=600, deadline=None)
def test_the_folded_text_tells_the_characters_apart_as_the_scans_do(text):
    """_folded: a character for a character; a capital A-Z an "A", whitespace a space, a
    lower-case letter itself, a word character a word character ("" for text with other
    characters outside ASCII than the marks)."""
    from gpreader.corpus import attribution

    folded = attribution._folded(text)
    if not folded:
        assert text == "" or not all(c.isascii() or c in attribution._GAP_MARKS for c in text)
        return
    assert len(folded) == len(text)
    for c, f in zip(text, folded):
        assert ("A" <= c <= "Z") == (f == "A")
        assert c.isspace() == (f == " ") == (re.match(r"\s", c) is not None)
        assert ("a" <= c <= "z") == ("a" <= f <= "z") and ("a" <= c <= "z") <= (c == f)
        assert (re.match(r"\w", c) is None) == (re.match(r"\w", f) is None)


@given(prose(FOLD_WORDS + ["é", "\u0131"], 12), st.integers(0, 60), st.integers(0, 60))
@settings(max_examples=400, deadline=None)
def test_a_sentence_s_folded_text_is_the_slice_of_its_paragraph_s(par, a, b):
    """The Attributor folds a paragraph once (" " first, as for its verb gaps) and gives each
    sentence its slice; made from the paragraph's ASCII form, the gaps are _spaced_gaps'."""
    from gpreader.corpus import attribution

    ascii = attribution._ascii_marks(" " + par)
    if ascii is None:
        assert attribution._spaced_gaps(" " + par) == ""
        return
    folded = ascii.translate(attribution._FOLD_TABLE).decode("ascii")
    assert folded == attribution._folded(" " + par)
    assert folded[a + 1 : b + 1] == attribution._folded(par[a:b])
    assert attribution._gaps_of(ascii, False) == attribution._spaced_gaps(" " + par)


PRE_WORDS = FOLD_WORDS + ["a" * 20, "a" * 21, "A" + "b" * 20, "A" + "b" * 21, "iPhone", "NHS", "x2", "2x", "_x", "x_",
                         "Ab", "B", "b", "\n", "  ", "’", "é"]


@given(prose(PRE_WORDS, 24), st.integers(0, 400))
@settings(max_examples=1000, deadline=None)
def test_the_words_before_a_name_read_back_in_the_folded_text_are_name_pre_s(text, end):
    """_words_before: where NAME_PRE's search over the 90 characters before *end* matches;
    _folded_window: _org_window, both read in the folded text."""
    from gpreader.corpus import attribution

    folded = attribution._folded(text)
    if not folded:
        return
    for e in (min(end, len(text)), len(text)):
        m = attribution.NAME_PRE.search(text, max(0, e - 90), e)
        assert attribution._words_before(folded, e) == (m.start() if m else -1)
        assert attribution._folded_window(folded, e) == attribution._org_window(text, e)


def test_every_whitespace_character_of_ascii_is_folded_to_a_space_and_no_other():
    from gpreader.corpus.attribution import _FOLD_TABLE

    assert all((_FOLD_TABLE[i] == 32) == (re.match(r"\s", chr(i)) is not None) for i in range(128))


@given(prose(FOLD_WORDS, 20))
@settings(max_examples=800, deadline=None)
def test_the_scans_read_with_the_folded_text_find_what_they_find_without_it(text):
    """_named_by_scans with the folded text (NAME_SCAN tried where NAME_START matches, the
    organisations' window from FOLDED_HEAD, the document head after FOLDED_DOCUMENT_WORD)
    finds what it finds without; FOLDED_HEAD matches wherever ORG_HEAD does; the short path
    is taken for a sentence with no capital A-Z after its first character."""
    from gpreader.corpus import attribution

    folded = attribution._folded(text)
    plain = attribution._named_by_scans(text)
    assert attribution._named_by_scans(text, folded) == plain
    assert attribution._named_in_cached.__wrapped__(text, folded) == plain
    assert attribution._named_in(text) == plain
    if not folded:
        return
    assert all(attribution.FOLDED_HEAD.match(folded, m.start()) for m in attribution.ORG_HEAD.finditer(text))
    if attribution.DOCUMENT_HEAD.search(text):
        assert attribution.FOLDED_DOCUMENT_WORD.search(folded)
    if folded.find("A", 1) < 0:
        assert attribution._named_from_first(text) == plain


LOWER_SCAN_WORDS = ["the", "report", "reports", "plan", "explained", "review", "strategy", "paper", "framework", "study",
                    "studying", "survey", "stocktake", "_report", "report_", "report2", "reporté", "\u00a0report", "Report",
                    "Fund", "Government", "NHS", "Dr", "Anna", "Annual", "College", "of", "for", "t", "é", "É", "x"]


@given(st.sampled_from(["", "A", "Dr", "The", "Annual", "NHS", "Fund", "a", "É"]), prose(LOWER_SCAN_WORDS, 12))
@settings(max_examples=600, deadline=None)
def test_a_sentence_with_one_capital_at_its_start_is_scanned_there_alone(first, rest):
    """_named_in_cached's short path (_named_from_first) and _may_name_a_document rest on
    these: with no capital after the first character, no NAME_SCAN match, and every other
    scan's and head's match at the start; a document head only after whitespace, before \\b."""
    from gpreader.corpus import attribution

    for text in (first + " " + rest, first + rest, rest):
        head = attribution.DOCUMENT_HEAD.search(text) is not None
        assert attribution._may_name_a_document(text) == head
        if not text[1:].islower():
            continue
        assert attribution._may_name_a_document(text, True) == head
        assert list(attribution.NAME_SCAN.finditer(text)) == []
        for pattern in (attribution.ORG_SCAN, attribution.DOCUMENT_SCAN, attribution.ORG_HEAD, attribution.DOCUMENT_HEAD):
            assert all(m.start() == 0 for m in pattern.finditer(text))
        assert (attribution.ORG_HEAD.search(text) is None) == (attribution.ORG_HEAD.match(text) is None)
        assert attribution._named_from_first(text) == attribution._named_by_scans(text)

OPENING_WORDS = ["says", "said", "Said", "saying", "ssays", "xsaid", ",", "the", "its", "their", "chief", "executive", "of",
                 "NHS", "England", "has", "today", "according", "According", "ACCORDING", "accordingly", "to", "To",
                 "the", "Dr", "Smith", "there", "it", "in", "report", "Report", "REPORT", "reports", "research", "study",
                 "ſtudy", "Study", "survey", "analysis", "xreport", "_report", "é", "İ", "ı", "ſ", "K", "a", "x"]


JOINS = ["", " according to ", "According to the ", "according to Dr ", ", the ", " said the ", " says its ", "; ",
         " ſaid the "]


@given(prose(OPENING_WORDS, 10), st.sampled_from(JOINS), prose(OPENING_WORDS, 10))
@settings(max_examples=600, deadline=None)
def test_the_standfirst_according_to_and_report_patterns_match_as_their_plain_forms(before, join, after):
    text = before + join + after
    from gpreader.corpus import attribution

    def found(pattern: re.Pattern, text: str):
        m = pattern.search(text)
        return None if m is None else (m.span(), m.groups())

    standfirst = re.compile(r"(?:,|\b(?:says|said))" + attribution.STANDFIRST_ROLE.pattern.removeprefix(r"(?:,|s(?<=\bs)a(?:ys|id))"))
    according = re.compile(r"\b(?i:according to)" + attribution.ACCORDING_TO.pattern.removeprefix(r"[Aa](?<=\b[Aa])(?i:ccording to)"))
    report = re.compile(r"\b(?:report|research|study|survey|analysis)\b", re.I)
    for t in (text, text.lower()):
        assert found(attribution.STANDFIRST_ROLE, t) == found(standfirst, t)
        assert found(attribution.ACCORDING_TO, t) == found(according, t)
        assert found(attribution.REPORT_WORD, t) == found(report, t)


def test_report_words_open_on_the_only_characters_that_match_r_s_or_a_ignoring_case():
    # REPORT_WORD opens on [RrSsſAa], its plain form (IGNORECASE) on the r, s or a of a word
    ignoring_case = re.compile(r"[rsa]", re.I)
    assert {c for c in map(chr, range(0x110000)) if ignoring_case.fullmatch(c)} == set("RrSsſAa")


VERB_TEXT_WORDS = ["said", "Said", "SAYS", "say", "saying", "told", "pointed", "out", "points", "called", "for",
                   "calls", "urge", "argues", "went", "on", "hit", "put", "forward", "Dr", "Smith", "he", "the",
                   "2said", "_said", "said_", "ſaid", "argueſ", "asKed", "asked", "İ", "ı", "é", "saidé", "'",
                   "’", "-", "reference", "references", "x"]


def _verbs_word_by_word(text: str, before: int = -1) -> list[tuple[int, int]]:
    """The plain form: each word looked up, VERB itself to confirm."""
    from gpreader.corpus import attribution

    found = []
    for w in re.finditer(r"[A-Za-z]+", text):
        if before != -1 and w.start() >= before:
            break
        m = attribution.VERB.match(text, w.start())
        if m and w.group(0).lower() in attribution.VERB_FIRST_WORDS and (w.start() == 0 or not text[w.start() - 1].isalnum()):
            found.append((m.start(), m.end()))
    return found


@given(prose(VERB_TEXT_WORDS, size=16), st.integers(min_value=-1, max_value=60))
@settings(max_examples=400, deadline=None)
def test_verbs_of_speech_are_found_as_a_word_by_word_reading_finds_them(text, before):
    from gpreader.corpus import attribution

    expected = _verbs_word_by_word(text, before)
    assert attribution.find_verbs(text, before) == expected
    assert attribution.first_verb(text, before) == (expected[0][0] if expected else -1)


def test_the_verb_trie_prefers_the_longer_verb_as_the_alternation_does():
    from gpreader.corpus import attribution

    text = "Dr Smith called for change. She called them. He pointed out that"
    assert [text[a:b] for a, b in attribution.find_verbs(text)] == ["called for", "called", "pointed out"]


@given(prose(VERB_TEXT_WORDS + ["also", "has", ",", "chair", "of", "Mr"], size=14))
@settings(max_examples=400, deadline=None)
def test_the_reporting_patterns_match_as_with_the_verbs_alternation(text):
    from gpreader.corpus import attribution

    verbs = "|".join(attribution.VERB_ALTERNATIVES)
    aux = attribution.AUX.pattern[:-1]
    plain = {
        "VERB_FIRST": re.compile(r"^(?:" + verbs + r")\s+(?P<np>[^,.;:!?]+)", re.I),
        "SUBJECT_APPOSITION_VERB": re.compile(
            r"^(?P<np>[^,.;:!?‘“]{1,60}?),\s+(?P<app>[^.;:!?‘“]{2,120}?),\s+(?:(?:also|has|have|had|later|then|previously)\s+)?(?:"
            + verbs + r")\b", re.I),
        "SUBJECT_VERB": re.compile(r"^(?P<np>[^,.;:!?‘“]{1,80}?)(?:" + aux + r")?\s+(?:" + verbs + r")\b", re.I),
    }
    for name, pattern in plain.items():
        fast = getattr(attribution, name).match(text)
        slow = pattern.match(text)
        assert (fast and (fast.span(), fast.groupdict())) == (slow and (slow.span(), slow.groupdict())), name



@given(prose(VERB_TEXT_WORDS + ["also", "HAS", ",", "chair", "of", "Mr", "On", "Monday", "SAID", "Told", "‘", "“", "É"], size=14))
@settings(max_examples=400, deadline=None)
def test_the_reporting_patterns_lower_case_twins_match_as_they_do_on_the_text(text):
    """_reporting_after matches each reporting pattern's twin on the lower-cased text of a
    text without a case-odd character: the same span, and each group at the same place."""
    from gpreader.corpus import attribution

    if attribution._case_odd(text):
        return
    low = text.lower()
    assert len(low) == len(text)
    for name in ("VERB_FIRST", "SUBJECT_APPOSITION_VERB", "SUBJECT_VERB"):
        plain = getattr(attribution, name).match(text)
        twin = getattr(attribution, name + "_LOWER").match(low)
        groups = list(getattr(attribution, name).groupindex)
        assert (plain and (plain.span(), [plain.span(g) for g in groups])) == (
            twin and (twin.span(), [twin.span(g) for g in groups])
        ), name


def test_lower_casing_keeps_every_character_but_the_case_odd_ones_one_character_of_its_kind():
    """What the twins rest on: outside _CASE_ODD, a character lower-cases to one character,
    a word character (\\w) or whitespace (\\s) exactly when it is one, and it matches an ASCII
    letter under IGNORECASE exactly when its lower case is that letter."""
    from gpreader.corpus import attribution

    word, space = re.compile(r"\w"), re.compile(r"\s")
    any_letter, letters = re.compile("[a-z]", re.I), set("abcdefghijklmnopqrstuvwxyz")
    for i in range(0x110000):
        c = chr(i)
        if c in attribution._CASE_ODD:
            continue
        low = c.lower()
        assert len(low) == 1, hex(i)
        assert bool(word.match(c)) == bool(word.match(low)), hex(i)
        assert bool(space.match(c)) == bool(space.match(low)), hex(i)
        assert bool(any_letter.match(c)) == (low in letters), hex(i)  # and only its own letter


ABBREVIATION_WORDS = ["Dr", "Mr", "Mrs", "Prof", "Profs", "Cllr", "Sept", "Sep", "etc", "vs", "vsx", "i.e", "e.g", "A",
                      "a", "B.", "said", "year", "No", "no", "Jan", "jan", "St", "xSt", "_St", "a_b", "É", "éDr", "2", "x"]


@given(prose(ABBREVIATION_WORDS + [".", "!", "?", "…", ". ", ".’", "’"], size=10))
@settings(max_examples=500, deadline=None)
def test_an_abbreviation_is_found_at_an_end_mark_as_abbrev_finds_it(text):
    from gpreader.corpus import attribution

    for mark, ch in enumerate(text):
        if ch in ".!?…":
            expected = attribution.ABBREV.search(text[max(0, mark - 6) : mark + 1]) is not None
            assert attribution._abbreviation_at(text, mark) == expected, (text, mark)


ATTRIBUTION_WORDS = VERB_TEXT_WORDS + ["‘We", "are", "ready.’", "“Yes,”", "she", "Dr", "Anna", "Bewick", "xxxx", "the", "RCGP"]


@given(prose(ATTRIBUTION_WORDS, size=24))
@settings(max_examples=300, deadline=None)
def test_verbs_read_in_the_paragraph_text_are_the_verbs_of_the_sentence_slices(paragraph):
    """The Attributor finds a sentence's verbs in its paragraph's lower-cased text, as
    find_verbs finds them in the sentence's text up to any point."""
    from gpreader.corpus.attribution import VERB_AFTER_GAP, Attributor, _case_odd, find_verbs
    from gpreader.corpus.quotes import find_spans

    attributor = Attributor([paragraph], find_spans([paragraph]))
    masked = attributor.masked[0]
    for a, b in attributor.sentences[0]:
        for end in range(a, b + 1):
            assert attributor._verbs(0, a, end) == find_verbs(masked[a:end])
        quoted = masked.find("x" * 4, a, b)
        if quoted >= 0 and not _case_odd(masked):  # a search that stops after the quotation's x's
            m = VERB_AFTER_GAP.search(" " + masked.lower(), a, quoted + 4 + 1)
            first = [v for v, _ in find_verbs(masked[a:b], quoted + 4 - a)]
            assert (m.start() - a if m else -1) == (first[0] if first else -1)


REPORT_NAME_WORDS = ["a", "report", "reports", "by", "from", "the", "King’s", "Fund", "Fund’s", "Funds", "new", "latest",
                     "study", "on", "X", "Y", "argued", "RCGP", "RCGP's", "survey", "x"]


@given(prose(REPORT_NAME_WORDS, size=16), st.sampled_from(["King’s Fund", "Fund", "RCGP", "X", "the RCGP", "(NHS)"]))
@settings(max_examples=400, deadline=None)
def test_a_report_is_found_by_an_organisation_as_patterns_made_for_its_name_find_it(text, name):
    from gpreader.corpus import attribution

    escaped = re.escape(name)
    near = (
        rf"\b(?:report|research|study|survey|analysis)\b[^.;]{{0,60}}?(?:,\s+|\s+(?:by|from)\s+)(?:the\s+)?{escaped}\b",
        rf"\b{escaped}(?:’s|'s)?\s+(?:new\s+|latest\s+)?(?:report|research|study|survey|analysis)\b",
    )
    assert attribution._names_a_report(text, name) == any(re.search(p, text) for p in near)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\t\n\x0b\x1c’“é…\u00a0\u2009\u2028\u3000\U0001f600")), min_size=1))
def test_blank_is_the_regex_blank(quoted):
    """_blank's byte-translating paths (ASCII text; UTF-8 text spaced only by plain spaces)
    give what the regexes give: every whitespace a space, anything else an x, a final
    . ! or ? kept."""
    from gpreader.corpus.attribution import _blank

    masked = re.sub(r"[^\S ]", " ", re.sub(r"\S", "x", quoted))
    if quoted[-1] in ".!?":
        masked = masked[:-1] + quoted[-1]
    assert _blank(quoted) == masked


def test_the_quote_and_statement_fields_are_in_the_order_extract_quotes_passes_them():
    # extract_quotes builds both positionally (no dict of keywords for the generated __init__)
    import dataclasses

    from gpreader.corpus.model import Quote, Statement

    assert [f.name for f in dataclasses.fields(Quote)] == [
        "article_id", "paragraph", "start", "end", "text", "kind", "speaker", "mention", "group", "part", "index",
        "in_comments", "role_mention",
    ]
    assert [f.name for f in dataclasses.fields(Statement)] == ["paragraph", "start", "end", "speaker"]


CLOSING_WORDS = ["Dr", "Smith", "said", "added", "he", ",", ":", "x", "xxxx", "Mr", "A", "the", "RCGP", "?", "!", ".",
                 "\n", "\u2003", "\u00a0", ": ", ",\n", "a" * 40, "É"]


@given(prose(CLOSING_WORDS, 24))
@settings(max_examples=400, deadline=None)
def test_the_closing_clause_and_name_colon_are_found_as_by_search(text):
    """_closing_clause (CLOSING_CLAUSE at the last comma) and _name_colon (NAME_COLON only on
    text ending on a colon) find what a search of the whole text finds."""
    from gpreader.corpus import attribution

    def span(m):
        return (m.span(), m.groups()) if m is not None else None

    assert span(attribution._closing_clause(text)) == span(attribution.CLOSING_CLAUSE.search(text))
    assert span(attribution._name_colon(text)) == span(attribution.NAME_COLON.search(text))


def test_clause_linker_opens_only_on_the_characters_last_clause_lets_it_try():
    """Every character that CLAUSE_LINKER (IGNORECASE) can open on is in CLAUSE_LINKER_FIRST,
    and each of those opens one of its words (every character tried)."""
    from gpreader.corpus import attribution

    heads = re.compile("(?i:[" + "".join(w[0] for w in ("but", "and", "so", "yet", "however", "meanwhile", "also", "then")) + "])")
    assert attribution.CLAUSE_LINKER.pattern.startswith("^(?:but|and|so|yet|however|meanwhile|also|then)")
    opening = {chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000 and heads.match(chr(c))}
    assert opening == set(attribution.CLAUSE_LINKER_FIRST)
    for ch in opening:
        word = {"b": "but", "a": "and", "s": "so", "y": "yet", "h": "however", "m": "meanwhile", "t": "then"}
        rest = word[ch.lower() if ch != "ſ" else "s"][1:]
        assert attribution.CLAUSE_LINKER.match(ch + rest + " x")


REPORT_SENTENCE_WORDS = ["report", "Report", "REPORT", "reports", "reported", "research", "study", "ſtudy", "survey",
                         "analysis", "analyſis", "xreport", "_report", "report_", "report2", "é", "éreport", "İ", "ı",
                         "K", "the", "Dr", "Smith", "said", ".", "!", "?", "…", ".’", "’", "“", "(", ")"]


@given(prose(REPORT_SENTENCE_WORDS, size=16))
@settings(max_examples=500, deadline=None)
def test_the_sentences_with_a_report_word_are_those_report_word_finds_a_word_in(par):
    from gpreader.corpus import attribution

    expected = [(a, b) for a, b in attribution.sentences(par) if attribution.REPORT_WORD.search(par[a:b])]
    assert attribution._report_sentences(par) == expected


REPORTING_LEAD_WORDS = ["", " ", ",", ";", ":", "–", "—", "-", "\u00a0", "\u2009", "\n", "\x1c", "’", ".", "he", "said",
                        "Dr", "Smith", "x", "é"]


@given(prose(REPORTING_LEAD_WORDS, size=12))
@settings(max_examples=500, deadline=None)
def test_the_words_after_a_quotation_are_read_from_where_reporting_rest_finds_them(after):
    from gpreader.corpus import attribution

    m = attribution.REPORTING_REST.match(after)
    assert m is not None
    assert attribution._reporting_rest(after) == m.group("rest")


APPOSITION_WORDS = ["Dr", "Anna", "Smith", "chair", "of", "the", "RCGP", ",", ", ", ".", "said", "added", "also",
                    "x" * 30, "‘", "“", "é"]


@given(prose(APPOSITION_WORDS, size=14))
@settings(max_examples=500, deadline=None)
def test_subject_apposition_verb_matches_only_with_a_comma_in_its_first_61_characters(rest):
    from gpreader.corpus import attribution

    for pattern, text in ((attribution.SUBJECT_APPOSITION_VERB, rest),
                          (attribution.SUBJECT_APPOSITION_VERB_LOWER, rest.lower())):
        if pattern.match(text):
            assert text.find(",", 0, 61) > 0


GAP_WORDS = VERB_TEXT_WORDS + ["pointed-out", "called-for", "called‘for", "went’on", "said£", "£said", "–said", "said…",
                               "\u00a0said", "outlined", "observes", "2", "_", "X", "ſ", "é", "“", "”", "—", "…", "\t"]


@given(prose(GAP_WORDS, size=16), st.integers(0, 200), st.integers(0, 200))
@settings(max_examples=1000, deadline=None)
def test_verbs_found_at_the_gaps_are_the_verbs_verb_after_gap_finds(text, pos, endpos):
    """_verbs_at_gaps finds the matches VERB_AFTER_GAP.finditer finds, _first_verb_at_gaps
    where its search matches, from any place to any place, in lower-cased text with a space
    before it."""
    from gpreader.corpus.attribution import VERB_AFTER_GAP, _case_odd, _first_verb_at_gaps, _spaced_gaps, _verbs_at_gaps

    par = text
    text = " " + par.lower()
    gaps = _spaced_gaps(text)
    if not _case_odd(par):  # (the gaps of the lower-cased text, made from the text itself)
        assert _spaced_gaps(" " + par, True) == gaps
    if not gaps or _case_odd(par):
        assert gaps or not all(c.isascii() or c in "‘’“”£–—…\u00a0" for c in text)
        return
    assert len(gaps) == len(text)
    expected = [m.span() for m in VERB_AFTER_GAP.finditer(text, pos, endpos)]
    assert _verbs_at_gaps(par, gaps, pos, endpos) == expected
    assert _first_verb_at_gaps(par, gaps, pos, endpos) == (expected[0][0] if expected else -1)


def test_the_gap_marks_are_no_word_characters():
    from gpreader.corpus.attribution import _GAP_MARKS, _GAP_TABLE

    word = re.compile(r"\w")
    assert not any(word.match(c) for c in _GAP_MARKS)
    assert all((_GAP_TABLE[i] == 32) == (word.match(chr(i)) is None) for i in range(128))


def test_lower_casing_makes_no_character_ascii_or_not_and_keeps_the_gap_marks():
    """What _spaced_gaps(text, True) rests on: outside _CASE_ODD, a character's lower case is
    ASCII exactly when it is, and the marks it replaces are their own lower case."""
    from gpreader.corpus.attribution import _CASE_ODD, _GAP_MARKS, _GAP_TABLE, _LOWER_GAP_TABLE

    for i in range(0x110000):
        c = chr(i)
        if c not in _CASE_ODD:
            assert c.lower().isascii() == c.isascii(), hex(i)
    assert all(m.lower() == m for m in _GAP_MARKS)
    assert all(_LOWER_GAP_TABLE[i] == _GAP_TABLE[ord(chr(i).lower())] for i in range(128))


@given(prose(GAP_WORDS + ["POINTED", "Out", "CALLED", "For", "É", "Éa", "\u212a", "Ä", "“Said”"], size=16))
@settings(max_examples=1000, deadline=None)
def test_the_gaps_of_lower_cased_text_are_made_from_the_text(text):
    from gpreader.corpus.attribution import _case_odd, _spaced_gaps

    if not _case_odd(text):
        assert _spaced_gaps(" " + text, True) == _spaced_gaps(" " + text.lower())


@given(prose(VERB_TEXT_WORDS + ["also", "HAS", ",", "chair", "of", "Mr", "On", "Monday", "SAID", "Told", "‘", "“", "É",
                                "has\u00a0also", "\t", "week", "last", "went on to"], size=14))
@settings(max_examples=1000, deadline=None)
def test_subject_verb_with_whitespace_looked_for_after_the_subject_matches_as_without(text):
    from gpreader.corpus import attribution

    plain = re.compile(attribution.SUBJECT_VERB.pattern.replace(r"?)(?=\s)(?:", "?)(?:", 1), re.I)
    assert plain.pattern != attribution.SUBJECT_VERB.pattern
    for t, twin in ((text, plain), (text.lower(), re.compile(plain.pattern))):
        mine = (attribution.SUBJECT_VERB if twin is plain else attribution.SUBJECT_VERB_LOWER).match(t)
        theirs = twin.match(t)
        assert (mine and (mine.span(), mine.span("np"))) == (theirs and (theirs.span(), theirs.span("np")))
