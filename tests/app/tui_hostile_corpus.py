"""Hostile text: one article and one speaker per kind of dangerous string.

Built straight from the model classes, so the strings reach the widgets raw — as titles
from catalog.toml or front matter, file names and speaker names can (the loader cleans
only article bodies). Each kind has a plain label word, to find its article and speaker.
"""

from __future__ import annotations

from pathlib import Path

from gpreader.corpus.model import Article, Corpus, PubDate, Quote, Role, Speaker
from gpreader.safe_text import one_line

HOSTILE = {
    "markup": "[bold red]RED[/] [i]x[/i]",
    "link": "[link=https://x.y]c[/link]",
    "action": "[@click=app.quit]quit[/]",
    "bracket": "lone [ [/] [$accent]v [B]x",
    "ansi": "\x1b[31mred\x1b[0m \x1b[2J",
    "osc52": "\x1b]52;c;ZXZpbA==\x07",
    "osc8": "\x1b]8;;https://x.y\x1b\\here\x1b]8;;\x1b\\",
    "controls": "\x07\x08 cr\r \x7f\x9b1m",  # BEL, BS, CR, DEL, 8-bit CSI
    "bidi": "abc\u202edcba\u200b\u2066x\u2069\u200f",
    "wide": "中文字符 😀👍🏽 ｗｉｄｅ",
}
# What a terminal must never receive, whatever the widget.
RAW_BYTES = ("\x1b", "\x07", "\x08", "\r", "\x7f", "\x9b", "\u202e", "\u2066", "\u200b", "\u200f")


def shown(kind: str) -> str:
    """How the hostile string of *kind* appears on screen."""
    return one_line(HOSTILE[kind])


def speaker_name(kind: str) -> str:
    return f"Zed {kind.capitalize()} {HOSTILE[kind]}"


def quote_text(kind: str) -> str:
    return f"Words {HOSTILE[kind]} end."


def _article(kind: str, n: int, root: Path) -> Article:
    text = HOSTILE[kind]
    paragraph = f"{speaker_name(kind)} said: ‘{quote_text(kind)}’"
    article = Article(
        id=f"{n:02d}_{kind}_{text}",  # a file name can hold anything
        path=root / f"{n:02d}_{kind}.txt",
        headline=f"{kind.capitalize()} headline {text}",
        outlet=f"Out {text}",
        date=PubDate.parse(f"2014-{n + 1:02d}"),
        author=f"By {text}",
        event=f"Event {text}",
        paragraphs=[paragraph],
        comments=[f"Comment {text}"],
    )
    start = paragraph.index(quote_text(kind))
    article.quotes.append(
        Quote(article.id, 0, start, start + len(quote_text(kind)), quote_text(kind), speaker=speaker_name(kind))
    )
    return article


def build_hostile_corpus(root: Path | None = None) -> Corpus:
    root = root or Path("/hostile")
    articles = [_article(kind, n, root) for n, kind in enumerate(HOSTILE)]
    speakers = {
        speaker_name(kind): Speaker(
            speaker_name(kind),
            honorific="Dr",
            aliases={f"Alias {HOSTILE[kind]}"},
            roles=[Role(f"role {HOSTILE[kind]}", article.id, article.date)],
        )
        for kind, article in zip(HOSTILE, articles)
    }
    return Corpus(root=root, articles=articles, speakers=speakers)
