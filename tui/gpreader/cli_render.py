"""Turn corpus rows into text for the command line: aligned text, Markdown or JSON.

Article text is data: control characters are shown as visible escapes in text output
(``safe_text``) and escaped in JSON, Markdown table cells are escaped; quotes in Markdown
look exactly like exported clippings (gpreader.citation).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from gpreader.citation import format_markdown_citation
from gpreader.corpus.model import Article, Corpus, Quote, Speaker
from gpreader.safe_text import json_safe, one_line

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
GAP = "  "
MISSING = "-"


def clean(value: object) -> str:
    """One line of printable text: newlines and tabs become spaces, controls visible
    escapes (``safe_text.one_line``)."""
    text = "" if value is None else str(value)
    return one_line(text.replace("\r\n", " "))


def md_escape(value: object) -> str:
    """Text safe to put in a Markdown table cell."""
    return _MD_SPECIAL.sub(r"\\\1", clean(value))


def to_json(items: list) -> str:
    """A JSON array, pretty-printed, non-ASCII kept as is (but for characters a terminal
    would act on, which are \\u-escaped), newline-terminated."""
    return json_safe(json.dumps(items, ensure_ascii=False, indent=2)) + "\n"


@dataclass(frozen=True)
class Column:
    title: str
    align_right: bool = False
    flexible: bool = False  # may be shortened to fit a terminal


def _truncate(text: str, width: int) -> str:
    if cell_len(text) <= width:
        return text
    out = ""
    for ch in text:
        if cell_len(out + ch) > width - 1:
            break
        out += ch
    return out + "…"


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * max(0, width - cell_len(text))
    return fill + text if right else text + fill


def text_table(columns: Sequence[Column], rows: list[list[str]], width: int | None = None) -> str:
    """Aligned columns with a header row; the flexible column is shortened to fit *width*
    (a terminal's width) and never when *width* is None (output piped: keep every word)."""
    cells = [[clean(c) for c in row] for row in rows]
    widths = [max([cell_len(c.title)] + [cell_len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    if width is not None:
        total = sum(widths) + len(GAP) * (len(columns) - 1)
        for i, column in enumerate(columns):
            if column.flexible and total > width:
                new = max(cell_len(column.title), 10, widths[i] - (total - width))
                total -= widths[i] - new
                widths[i] = new
                cells = [r[:i] + [_truncate(r[i], new)] + r[i + 1 :] for r in cells]
    lines = []
    for row in [[c.title for c in columns]] + cells:
        parts = [_pad(v, widths[i], columns[i].align_right) for i, v in enumerate(row)]
        lines.append(GAP.join(parts).rstrip())
    return "\n".join(lines) + "\n"


def markdown_table(columns: Sequence[Column], rows: list[list[str]]) -> str:
    head = "| " + " | ".join(md_escape(c.title if c.title == "ID" else c.title.capitalize()) for c in columns) + " |"
    rule = "|" + "|".join("---:" if c.align_right else "---" for c in columns) + "|"
    body = ["| " + " | ".join(md_escape(v) for v in row) + " |" for row in rows]
    return "\n".join([head, rule, *body]) + "\n"


def table(fmt: str, columns: Sequence[Column], rows: list[list[str]], width: int | None) -> str:
    return markdown_table(columns, rows) if fmt == "markdown" else text_table(columns, rows, width)


# ---- articles -------------------------------------------------------------------------

ARTICLE_COLUMNS = (
    Column("DATE"),
    Column("OUTLET"),
    Column("HEADLINE", flexible=True),
    Column("ID"),
    Column("QUOTES", align_right=True),
)


def article_rows(articles: list[Article]) -> list[list[str]]:
    return [
        [
            a.date.display() if a.date else MISSING,
            a.outlet or MISSING,
            a.headline,
            a.id,
            str(len(a.quotes)),
        ]
        for a in articles
    ]


# ---- speakers -------------------------------------------------------------------------

SPEAKER_COLUMNS = (
    Column("NAME"),
    Column("KIND"),
    Column("LATEST ROLE", flexible=True),
    Column("QUOTES", align_right=True),
    Column("YEARS"),
)


def speaker_years(corpus: Corpus, speaker: Speaker) -> list[int]:
    """Years in which *speaker* is quoted; else the years of their dated roles."""
    years = {
        a.date.year for a in corpus.articles if a.date and any(q.speaker == speaker.name for q in a.quotes)
    }
    if not years:
        years = {r.date.year for r in speaker.roles if r.date}
    return sorted(years)


def speaker_json(corpus: Corpus, speaker: Speaker, count: int) -> dict:
    role = speaker.latest_role()
    return {
        **speaker.to_json(count),
        "display_name": speaker.display_name,
        "latest_role": role.text if role else None,
        "years": speaker_years(corpus, speaker),
    }


def speaker_rows(corpus: Corpus, speakers: list[tuple[Speaker, int]]) -> list[list[str]]:
    rows = []
    for speaker, count in speakers:
        role = speaker.latest_role()
        years = speaker_years(corpus, speaker)
        rows.append(
            [
                speaker.display_name,
                speaker.kind,
                role.text if role else MISSING,
                str(count),
                ", ".join(str(y) for y in years) or MISSING,
            ]
        )
    return rows


# ---- quotes ---------------------------------------------------------------------------


def _speaker_label(corpus: Corpus, quote: Quote) -> str:
    if not quote.speaker:
        return "unattributed"
    speaker = corpus.speakers.get(quote.speaker)
    return speaker.display_name if speaker else quote.speaker


def _where(article: Article | None, quote: Quote) -> tuple[str, str]:
    source = article.quote_citation() if article else quote.article_id
    place = "comment " if quote.in_comments else "¶"
    return source, f"{quote.article_id} {place}{quote.paragraph + 1}"


def quotes_text(corpus: Corpus, quotes: list[Quote]) -> str:
    blocks = []
    for q in quotes:
        source, ref = _where(corpus.article(q.article_id), q)
        blocks.append(f"‘{clean(q.text)}’\n  — {clean(_speaker_label(corpus, q))} ({clean(source)}) [{clean(ref)}]\n")
    return "\n".join(blocks)


def quotes_markdown(corpus: Corpus, quotes: list[Quote]) -> str:
    """Blockquotes with citation lines, exactly as clippings are exported."""
    blocks = []
    for q in quotes:
        article = corpus.article(q.article_id)
        speaker = corpus.speakers.get(q.speaker) if q.speaker else None
        if article is None:  # not expected: every quote comes from a loaded article
            blocks.append(f"> {clean(q.text)}\n> — {clean(_speaker_label(corpus, q))} · {q.article_id}")
        else:
            blocks.append(format_markdown_citation(q, article, speaker))
    return "\n\n".join(blocks) + "\n"
