"""The head of the reading pane: headline, where and when, who wrote it, who is quoted."""

from __future__ import annotations

from textual.color import Color
from textual.content import Content
from textual.style import Style

from gpreader.corpus.model import MONTHS, Article
from gpreader.safe_text import one_line, printable

SEPARATOR = " · "


def date_label(article: Article) -> str | None:
    """The date at its known precision, saying so when it was inferred."""
    if article.date is None:
        return None
    shown = article.date.display()
    date = article.date
    if date.precision == "week" and date.month and date.day:
        shown += f" (week of {date.day} {MONTHS[date.month - 1]} {date.year})"
    if article.date.inferred:
        shown += " (date inferred)"
    return shown


def header_content(article: Article, colours: dict[str, str]) -> Content:
    """Headline, a source line, event and address, and a legend of the speakers quoted."""
    lines: list[Content] = [Content.styled(one_line(article.headline), "bold")]
    source = [bit for bit in (article.outlet, date_label(article)) if bit]
    if article.author:
        source.append(f"by {article.author}")
    if source:
        lines.append(Content(one_line(SEPARATOR.join(source))))
    place = [bit for bit in (article.event, article.address) if bit]
    if place:
        lines.append(Content.styled(one_line(SEPARATOR.join(place)), "italic"))
    if article.citation:
        lines.append(Content.styled(printable(article.citation), "dim"))
    if colours:
        legend = [Content.styled("Quoted: ", "dim")]
        for i, (name, colour) in enumerate(colours.items()):
            if i:
                legend.append(Content.styled(SEPARATOR, "dim"))
            legend.append(Content.styled(one_line(name), Style(foreground=Color.parse(colour), bold=True)))
        lines.append(Content("").join(legend))
    return Content("\n").join(lines)
