"""The citation line copied with a quote, and its Markdown form for exports."""

from pathlib import Path

from gpreader.citation import format_citation, format_markdown_citation
from gpreader.corpus.model import Article, PubDate, Quote, Role, Speaker

TEXT = "It\u2019s just a matter of us working together\u2026"
ROLE = "chairwoman of NHS England\u2019s London primary care clinical board"


def make_article(text: str = TEXT, outlet: str | None = "GP", date: PubDate | None = None) -> Article:
    para = f"Speaking at the event, she said: \u2018{text}\u2019"
    return Article(
        id="2014-02-gp-gerada",
        path=Path("2014-02-gp-gerada.txt"),
        headline="Gerada calls for GPs to work together",
        paragraphs=["Intro paragraph.", para],
        outlet=outlet,
        date=date if date is not None else PubDate(2014, 2, precision="month"),
    )


def make_quote(article: Article, text: str = TEXT, speaker: str | None = "Clare Gerada") -> Quote:
    para = article.paragraphs[1]
    start = para.index(text)
    return Quote(article.id, 1, start, start + len(text), text, speaker=speaker)


def make_speaker(article_id: str = "2014-02-gp-gerada") -> Speaker:
    return Speaker(
        name="Clare Gerada",
        honorific="Professor",
        roles=[
            Role("former chair of the RCGP", "2013-rcgp", PubDate(2013, 5, 6, precision="week")),
            Role(ROLE, article_id, PubDate(2014, 2, precision="month")),
            Role("senior partner at the Hurley Group", "2015-later", PubDate(2015, 1, precision="month")),
        ],
    )


def test_citation_is_exactly_quote_speaker_role_in_this_article_and_source():
    article = make_article()
    quote = make_quote(article)
    assert article.paragraphs[1][quote.start : quote.end] == quote.text
    assert format_citation(quote, article, make_speaker()) == (
        "\u2018It\u2019s just a matter of us working together\u2026\u2019 \u2014 Professor Clare Gerada, "
        "chairwoman of NHS England\u2019s London primary care clinical board (GP, Feb 2014)"
    )


def test_role_falls_back_to_the_latest_when_this_article_states_none():
    article = make_article()
    speaker = make_speaker(article_id="some-other-article")
    line = format_citation(make_quote(article), article, speaker)
    assert line.endswith("\u2014 Professor Clare Gerada, senior partner at the Hurley Group (GP, Feb 2014)")


def test_speaker_without_roles_gets_name_only():
    article = make_article()
    line = format_citation(make_quote(article), article, Speaker(name="Clare Gerada", honorific="Dr"))
    assert line.endswith("\u2019 \u2014 Dr Clare Gerada (GP, Feb 2014)")


def test_unattributed_quote():
    article = make_article()
    line = format_citation(make_quote(article, speaker=None), article, None)
    assert line == f"\u2018{TEXT}\u2019 \u2014 unattributed (GP, Feb 2014)"


def test_source_without_outlet_or_date_falls_back_to_article_id():
    article = make_article(outlet=None)
    article.date = None
    line = format_citation(make_quote(article, speaker=None), article, None)
    assert line.endswith("(2014-02-gp-gerada)")


def test_long_text_with_markup_is_kept_verbatim_and_whole():
    text = "We need [@click=app.quit]real[/] change \u2013 " + "and more " * 60 + "now"
    article = make_article(text=text)
    line = format_citation(make_quote(article, text=text), article, make_speaker())
    assert line.startswith(f"\u2018{text}\u2019 \u2014 ")
    assert "\n" not in line


def test_markdown_citation_is_a_two_line_blockquote_with_paragraph_number():
    article = make_article()
    md = format_markdown_citation(make_quote(article), article, make_speaker())
    assert md == (
        f"> \u2018{TEXT}\u2019\n"
        f"> \u2014 Professor Clare Gerada, {ROLE} (GP, Feb 2014) \u00b7 2014-02-gp-gerada, paragraph 2"
    )


def test_markdown_escapes_only_block_markers_at_line_start():
    text = "first *line* [x]\n# not a heading\n1. not a list\n- nor this\nplain *stays*"
    article = make_article(text=text)
    md = format_markdown_citation(make_quote(article, text=text), article, None)
    assert md.splitlines()[:5] == [
        "> \u2018first *line* [x]",
        "> \\# not a heading",
        "> 1\\. not a list",
        "> \\- nor this",
        "> plain *stays*\u2019",
    ]
    assert md.splitlines()[5].startswith("> \u2014 Clare Gerada (GP, Feb 2014)")
