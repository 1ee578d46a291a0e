"""A small corpus built from the model classes, so CLI tests need no quote engine."""

from __future__ import annotations

from pathlib import Path

from gpreader.corpus.model import Article, Corpus, LoadProblem, PubDate, Quote, Role, Speaker

STEVENS_1 = "What if some of these groups decided to team up with their local hospital?"
STEVENS_2 = "I think to rule that out would be ideology over pragmatism."
BEWICK_1 = "revisit the organisational form of primary care"
GEDDES_1 = "There will still be a national contract."
MARKUP = "Money is there. [@click=app.quit]quit[/] | *not* markup."


def _article(root: Path, id_: str, headline: str, outlet: str, date: str, precision: str | None,
             paragraphs: list[str], quotes: list[tuple[int, str, str | None, str]]) -> Article:
    article = Article(
        id=id_, path=root / f"{id_}.txt", headline=headline, outlet=outlet,
        date=PubDate.parse(date, precision), paragraphs=paragraphs,
    )
    for i, (para, text, speaker, kind) in enumerate(quotes):
        start = paragraphs[para].index(text)
        article.quotes.append(Quote(id_, para, start, start + len(text), text, kind=kind,
                                    speaker=speaker, index=i, group=i))
    return article


def fake_corpus(root: Path = Path("/fake")) -> Corpus:
    """Three articles (given out of date order), three speakers, one problem."""
    hsj = _article(
        root, "003_hospitals", "Hospitals could run general practice", "The BMJ", "2014-10-03", None,
        [
            "Intro paragraph.",
            f"He said, “{STEVENS_2}”",
            f"Simon Stevens said: “{STEVENS_1}”",
        ],
        # deliberately out of paragraph order: output must sort by paragraph
        [(2, STEVENS_1, "Simon Stevens", "full"), (1, STEVENS_2, "Simon Stevens", "full")],
    )
    merger = _article(
        root, "000_merger", "Merger of GP and community care possible", "GP", "2014-02", None,
        [
            f"Dr Mike Bewick said there was a need to ‘{BEWICK_1}’.",
            f"A reader said ‘{MARKUP}’",
        ],
        [(0, BEWICK_1, "Mike Bewick", "partial"), (1, MARKUP, None, "full")],
    )
    ccgs = _article(
        root, "002_ccgs", "CCGs to jointly commission GPs", "Pulse", "2013-05-13", "week",
        [f"Dr David Geddes said: ‘{GEDDES_1}’"],
        [(0, GEDDES_1, "David Geddes", "full")],
    )
    speakers = {
        "Simon Stevens": Speaker(
            "Simon Stevens", aliases={"Stevens", "Mr Stevens"},
            roles=[Role("chief executive of NHS England", "003_hospitals", PubDate.parse("2014-10-03"))],
        ),
        "Mike Bewick": Speaker(
            "Mike Bewick", honorific="Dr", aliases={"Bewick"},
            roles=[Role("deputy medical director", "000_merger", PubDate.parse("2014-02"))],
        ),
        "David Geddes": Speaker(
            "David Geddes", honorific="Dr",
            roles=[Role("head of primary care commissioning", "002_ccgs", PubDate.parse("2013-05"))],
        ),
    }
    return Corpus(
        root=root,
        articles=[hsj, merger, ccgs],
        speakers=speakers,
        problems=[LoadProblem(root / "broken.txt", "binary file, not text")],
    )
