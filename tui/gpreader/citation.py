"""Citation lines for copied quotes: plain text for the clipboard, Markdown for exports.

The quote text is reproduced verbatim — never reflowed, truncated or re-punctuated.
"""

from __future__ import annotations

import re

from gpreader.corpus.model import Article, Quote, Speaker

OPEN, CLOSE = "\u2018", "\u2019"  # ‘ ’
DASH = "\u2014"  # —
UNATTRIBUTED = "unattributed"

# What Markdown reads as block structure at the start of a line (headings, quotes, lists,
# thematic breaks, setext underlines, fences, HTML blocks, tables). Only continuation
# lines of a multi-line quote can start with these: the first line starts with ‘.
_BLOCK_START = re.compile(r"^(\s*)(?:([#>+\-*=_~`<|])|(\d+)([.)]))")


def speaker_role(speaker: Speaker | None, article: Article) -> str | None:
    """The role the speaker is given in *article* if any, else their latest known role."""
    if speaker is None:
        return None
    for role in speaker.roles:
        if role.article_id == article.id:
            return role.text
    latest = speaker.latest_role()
    return latest.text if latest else None


def source_label(outlet: str | None, date_display: str | None, article_id: str) -> str:
    """'GP, Feb 2014' — as ``Article.quote_citation()``, from stored parts."""
    bits = [b for b in (outlet, date_display) if b]
    return ", ".join(bits) if bits else article_id


def attribution(name: str | None, role: str | None, source: str) -> str:
    """'— Dr A B, role (GP, Feb 2014)' or '— unattributed (GP, Feb 2014)'."""
    who = name or UNATTRIBUTED
    if name and role:
        who = f"{name}, {role}"
    return f"{DASH} {who} ({source})"


def quoted(text: str) -> str:
    """The text between curly single quotes, untouched."""
    return f"{OPEN}{text}{CLOSE}"


def _name(quote: Quote, speaker: Speaker | None) -> str | None:
    # A quote whose speaker could not be looked up still names its canonical speaker.
    return speaker.display_name if speaker is not None else quote.speaker


def format_citation(quote: Quote, article: Article, speaker: Speaker | None) -> str:
    """‘text’ — Name, role (Outlet, date): the one-line citation copied with a quote."""
    source = article.quote_citation()
    return f"{quoted(quote.text)} {attribution(_name(quote, speaker), speaker_role(speaker, article), source)}"


def markdown_blockquote(text: str, attribution_line: str, article_id: str, paragraph: int) -> str:
    """'> ‘text’' then '> — Name, role (Outlet, date) · article id, paragraph N' (1-based).

    Nothing inside the text is escaped except a Markdown block marker at the start of a
    continuation line (``#``, ``>``, ``-``, ``1.`` ...), which gets a backslash so the
    line stays part of the quotation. Inline characters (``*``, ``[``, ``_``) are left
    alone so the raw file reads exactly like the source.
    """
    lines = quoted(text).split("\n")
    out = [_quote_line(lines[0])]
    out += [_quote_line(_escape_block_start(line)) for line in lines[1:]]
    out.append(f"> {attribution_line} \u00b7 {article_id}, paragraph {paragraph}")
    return "\n".join(out)


def _escape_block_start(line: str) -> str:
    match = _BLOCK_START.match(line)
    if not match:
        return line
    indent, marker, digits, dot = match.groups()
    escaped = f"\\{marker}" if marker else f"{digits}\\{dot}"
    return indent + escaped + line[match.end():]


def _quote_line(line: str) -> str:
    return f"> {line}" if line.strip() else ">"


def format_markdown_citation(quote: Quote, article: Article, speaker: Speaker | None) -> str:
    """The Markdown blockquote of *quote* used in exports (no trailing newline)."""
    line = attribution(_name(quote, speaker), speaker_role(speaker, article), article.quote_citation())
    return markdown_blockquote(quote.text, line, article.id, quote.paragraph + 1)
