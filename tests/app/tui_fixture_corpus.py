"""A small hand-made corpus for the app's tests: 3 articles, 6 speakers, fixed text.

Built straight from the model classes so the tests do not depend on the quote engine.
"""

from __future__ import annotations

from pathlib import Path

from gpreader.corpus.model import Article, Corpus, PubDate, Quote, Role, Speaker

MARKUP_TEXT = "Money is there. [@click=app.quit]quit[/] and [bold red]x are words, not markup."
GEDDES_TEXT = "There will still be a national contract but CCGs will commission locally."
STEVENS_FIRST = "What if some of these groups decided to team up with their local hospital?"
LONG_PART_ONE = "The first part of a long quotation runs to the end of this paragraph."
LONG_PART_TWO = "And it carries on in the next one, which is where it stops."


class _Builder:
    """Collects the quotes of one article, checking offsets as it goes."""

    def __init__(self, article: Article) -> None:
        self.article = article

    def quote(self, paragraph: int, text: str, speaker: str | None, **kw) -> Quote:
        start = self.article.paragraphs[paragraph].index(text)
        quote = Quote(
            article_id=self.article.id,
            paragraph=paragraph,
            start=start,
            end=start + len(text),
            text=text,
            speaker=speaker,
            index=len(self.article.quotes),
            group=kw.pop("group", len(self.article.quotes)),
            **kw,
        )
        assert self.article.paragraphs[paragraph][quote.start : quote.end] == text
        self.article.quotes.append(quote)
        return quote


def _merger(root: Path) -> Article:
    article = Article(
        id="a1_merger",
        path=root / "a1_merger.txt",
        headline="Merger of GP and community care possible, says NHS England",
        outlet="GP",
        date=PubDate.parse("2013-11"),
        author="Jane Writer",
        event="Londonwide LMCs conference",
        paragraphs=[
            "Dr Mike Bewick said there was a need to ‘revisit the organisational form of primary care’.",
            "‘I don’t believe we’ve actively commissioned primary care in my lifetime. It’s about time we did,’ he said.",
            f"Professor Clare Gerada, the former RCGP chairwoman, said: ‘{MARKUP_TEXT}’",
            f"She said the so-called ‘wrap around’ services would follow. ‘{LONG_PART_ONE}",
            f"‘{LONG_PART_TWO}’",
        ],
        comments=["A reader wrote that this is [b]not[/b] news, and ‘nothing will change’."],
    )
    b = _Builder(article)
    b.quote(0, "revisit the organisational form of primary care", "Mike Bewick", kind="partial")
    b.quote(1, "I don’t believe we’ve actively commissioned primary care in my lifetime. It’s about time we did,", "Mike Bewick")
    b.quote(2, MARKUP_TEXT, "Clare Gerada")
    b.quote(3, "wrap around", None, kind="fragment")
    b.quote(3, LONG_PART_ONE, "Clare Gerada", group=90, part=0)
    b.quote(4, LONG_PART_TWO, "Clare Gerada", group=90, part=1)
    return article


def _stevens(root: Path) -> Article:
    article = Article(
        id="b2_stevens",
        path=root / "b2_stevens.txt",
        headline="NHS chief calls for GPs to work within community hospitals",
        outlet="Pulse",
        date=PubDate.parse("2014-06-04"),
        author="Sam Reporter",
        address="NHS Confederation conference, Liverpool",
        paragraphs=[
            "Simon Stevens said there is ‘real momentum building’ for new models of care.",
            f"He told delegates: ‘{STEVENS_FIRST}’ He added that no model should be ‘imposed’.",
            "In response, Maureen Baker, chair of the RCGP, said: ‘This could be the beginning of a new deal for general practice.’",
            f"Dr David Geddes said: ‘{GEDDES_TEXT}’",
        ],
    )
    b = _Builder(article)
    b.quote(0, "real momentum building", "Simon Stevens", kind="partial")
    b.quote(1, STEVENS_FIRST, "Simon Stevens")
    b.quote(1, "imposed", "Simon Stevens", kind="fragment")
    b.quote(2, "This could be the beginning of a new deal for general practice.", "Maureen Baker")
    b.quote(3, GEDDES_TEXT, "David Geddes")
    return article


def _neighbourhood(root: Path) -> Article:
    article = Article(
        id="c3_neighbourhood",
        path=root / "c3_neighbourhood.txt",
        headline="GP contracts must change, says report",
        outlet="Pulse",
        date=PubDate.parse("2024-10-07", precision="week"),
        paragraphs=[
            "RCGP chair Professor Kamila Hawthorne said it should not take the form of a ‘massive polyclinic’.",
            "Simon Stevens, a former NHS England chief, was not quoted here.",
        ],
    )
    b = _Builder(article)
    b.quote(0, "massive polyclinic", "Kamila Hawthorne", kind="fragment")
    return article


def _speakers() -> dict[str, Speaker]:
    def when(iso: str) -> PubDate:
        return PubDate.parse(iso)

    speakers = [
        Speaker("Simon Stevens", honorific=None, aliases={"Stevens", "Mr Stevens"},
                roles=[Role("chief executive of NHS England", "b2_stevens", when("2014-06-04"))]),
        Speaker("Mike Bewick", honorific="Dr", aliases={"Dr Bewick"},
                roles=[Role("deputy medical director of NHS England", "a1_merger", when("2013-11"))]),
        Speaker("Clare Gerada", honorific="Professor", aliases={"Professor Gerada"},
                roles=[Role("former RCGP chairwoman", "a1_merger", when("2013-11"))]),
        Speaker("Maureen Baker", honorific="Dr",
                roles=[Role("chair of the RCGP", "b2_stevens", when("2014-06-04"))]),
        Speaker("David Geddes", honorific="Dr", aliases={"Dr Geddes"},
                roles=[Role("head of primary care commissioning at NHS England", "b2_stevens", when("2014-06-04"))]),
        Speaker("Kamila Hawthorne", honorific="Professor",
                roles=[Role("RCGP chair", "c3_neighbourhood", when("2024-10"))]),
    ]
    return {s.name: s for s in speakers}


def build_corpus(root: Path | None = None) -> Corpus:
    """The fixture corpus; *root* only names where the articles would live."""
    root = root or Path("/fixture")
    articles = [_merger(root), _stevens(root), _neighbourhood(root)]
    return Corpus(root=root, articles=articles, speakers=_speakers())
