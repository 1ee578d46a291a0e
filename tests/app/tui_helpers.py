"""Small helpers for pilot tests: what the reading pane shows, what is selected."""

from __future__ import annotations

from gpreader.widgets.article_list import ArticleList
from gpreader.widgets.paragraph import Paragraph
from gpreader.widgets.reading_pane import ReadingPane


def pane(app) -> ReadingPane:
    return app.main_screen.query_one(ReadingPane)


def pane_text(app) -> str:
    """The plain text of every paragraph in the reading pane."""
    return "\n".join(str(p.render()) for p in pane(app).query(Paragraph))


def current_article_id(app) -> str | None:
    article = pane(app).article
    return article.id if article else None


def selected_text(app) -> str | None:
    quotation = pane(app).selected_quotation
    return quotation.text if quotation else None


def sidebar(app) -> ArticleList:
    return app.main_screen.query_one(ArticleList)


def screen_text(app) -> str:
    """Everything visible on the screen now, as plain text lines."""
    strips = app.screen._compositor.render_strips()  # noqa: SLF001 - what the terminal shows
    return "\n".join(strip.text for strip in strips)


def notified(app) -> str:
    """Every notification still showing, title and message, one per line."""
    return "\n".join(f"{n.title}: {n.message}" for n in app._notifications)  # noqa: SLF001


def selected_quote_on_screen(app) -> bool:
    """Whether the first line of the selected quotation is inside the visible reading pane."""
    reading = pane(app)
    quotation = reading.selected_quotation
    if quotation is None:
        return False
    paragraph = reading.query_one(f"#p{quotation.first.paragraph}", Paragraph)
    y = paragraph.region.y + paragraph.line_of(reading.selected)
    return reading.content_region.y <= y < reading.content_region.bottom
