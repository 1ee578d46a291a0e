"""``gpreader search TEXT``: full-text search of the corpus's paragraphs (SQLite FTS5, via
gpreader.corpus.fulltext), printed as text, Markdown or JSON.

Each result is one paragraph: article id, date, outlet, headline, ¶N (1-based) and the
sentence that matched, the match marked «like this» in text (**like this** in Markdown).
Nothing matching is not an error: a note on stderr (none for JSON, which prints ``[]``),
exit 0. The index is kept in the user cache folder unless --no-cache is given.
"""

from __future__ import annotations

import argparse
import sqlite3

from gpreader.cli_progress import LoadProgress
from gpreader.cli_render import md_escape, to_json
from gpreader.corpus.fulltext import Hit, open_fulltext, parse_query
from gpreader.corpus.model import Article, Corpus
from gpreader.safe_text import one_line

FORMATS = ("text", "markdown", "json")
DEFAULT_LIMIT = 50
MARKS = {"text": ("«", "»"), "markdown": ("**", "**")}

DESCRIPTION = """\
Full-text search of every paragraph of the corpus, best match first. Every
word must appear (case and accents do not matter); "quoted words" must appear
together as a phrase; the last word also matches longer words it starts
(contr finds contract). Each result: article id, date, outlet, headline, ¶
(paragraph, 1-based) and the sentence that matched.

The JSON output is an array of objects with article, paragraph (1-based),
sentence, start, end (offsets of the first match in the paragraph), headline,
outlet, date (ISO) and date_display; it is always valid JSON, [] when nothing
matches."""

EPILOG = """\
examples:
  gpreader search co-location
  gpreader search '"primary care" contract' --limit 5
  gpreader search federation --format json | jq -r '.[].article'

exit status: 0 done (also when nothing matches: a note on stderr); 1 error (the
corpus cannot be read); 2 usage error (no words to search for, a bad option)."""


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: '{value}'") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: '{value}'")
    return number


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Add the ``search`` subcommand to *subparsers* (argparse's add_subparsers)."""
    p = subparsers.add_parser(
        "search",
        help="full-text search of the articles",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("text", metavar="TEXT", help="words to find (quote a phrase: '\"primary care\"')")
    p.add_argument(
        "--limit",
        metavar="N",
        type=_positive,
        default=DEFAULT_LIMIT,
        help=f"at most N results (default: {DEFAULT_LIMIT})",
    )
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument(
        "--corpus",
        metavar="PATH",
        help="folder of .txt articles to read (default: the bundled seed articles)",
    )
    p.set_defaults(handler=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Print the search results; return the exit status."""
    from gpreader import cli  # the shared corpus loading, output and error lines

    if not parse_query(args.text):
        cli._say(f"{cli.PROG} search: error: no words to search for in '{args.text}'")
        if args.format == "json":
            cli._write("[]\n")
        return cli.EXIT_USAGE
    cache = cli.use_cache(args)
    corpus = cli._load(args.corpus, cache)
    if corpus is None:
        return cli.EXIT_ERROR
    hits = _search(cli, corpus, args.text, args.limit, cache)
    if hits is None:
        return cli.EXIT_ERROR
    if args.format == "json":
        cli._write(to_json([hit_json(corpus, h) for h in hits]))
    elif not hits:
        cli._say(f"{cli.PROG}: nothing matches '{args.text}'")
    elif args.format == "markdown":
        cli._write(render_markdown(corpus, hits))
    else:
        cli._write(render_text(corpus, hits))
    return cli.EXIT_OK


def _search(cli, corpus: Corpus, text: str, limit: int, cache: bool) -> list[Hit] | None:
    """The hits (problems with the index file are warnings); None after an error line."""
    try:
        with LoadProgress("Indexing articles") as progress:
            index, problems = open_fulltext(corpus, cache=cache, on_progress=progress)
    except (sqlite3.Error, OSError, UnicodeError) as exc:
        cli._error(f"cannot build the search index: {type(exc).__name__}: {exc}")
        return None
    for problem in problems:
        cli._warn(problem)
    try:
        return index.search(text, limit=limit)
    except sqlite3.Error as exc:
        cli._error(f"search failed: {exc}")
        return None
    finally:
        index.close()


# ---- output ---------------------------------------------------------------------------


def hit_json(corpus: Corpus, hit: Hit) -> dict:
    article = corpus.article(hit.article_id)
    date = article.date if article is not None else None
    return {
        "article": hit.article_id,
        "paragraph": hit.paragraph + 1,
        "sentence": hit.sentence,
        "start": hit.start,
        "end": hit.end,
        "headline": article.headline if article is not None else None,
        "outlet": article.outlet if article is not None else None,
        "date": date.iso() if date else None,
        "date_display": date.display() if date else None,
    }


def _pieces(hit: Hit) -> list[tuple[str, bool]]:
    """The sentence cut into (text, is a match) pieces."""
    end_of_sentence = hit.sentence_start + len(hit.sentence)
    pieces: list[tuple[str, bool]] = []
    at = hit.sentence_start
    for start, end in hit.matches or ((hit.start, hit.end),):
        start, end = max(start, at), min(end, end_of_sentence)
        if start >= end:
            continue
        pieces.append((hit.sentence[at - hit.sentence_start : start - hit.sentence_start], False))
        pieces.append((hit.sentence[start - hit.sentence_start : end - hit.sentence_start], True))
        at = end
    pieces.append((hit.sentence[at - hit.sentence_start :], False))
    return [(text, match) for text, match in pieces if text]


def marked_sentence(hit: Hit, fmt: str = "text") -> str:
    """The hit's sentence on one line, matches between marks; article text made safe
    (and Markdown-escaped in Markdown)."""
    left, right = MARKS[fmt]
    escape = md_escape if fmt == "markdown" else one_line
    return "".join(f"{left}{escape(t)}{right}" if match else escape(t) for t, match in _pieces(hit))


def _facts(article: Article | None) -> tuple[str, str, str]:
    if article is None:
        return "-", "-", "-"
    date = article.date.display() if article.date else "undated"
    return date, article.outlet or "-", article.headline or "-"


def render_text(corpus: Corpus, hits: list[Hit]) -> str:
    blocks = []
    for hit in hits:
        date, outlet, headline = _facts(corpus.article(hit.article_id))
        head = one_line(f"{hit.article_id}  {date}  {outlet}  {headline}  ¶{hit.paragraph + 1}")
        blocks.append(f"{head}\n    {marked_sentence(hit, 'text')}\n")
    return "\n".join(blocks)


def render_markdown(corpus: Corpus, hits: list[Hit]) -> str:
    items = []
    for hit in hits:
        date, outlet, headline = _facts(corpus.article(hit.article_id))
        head = f"**{md_escape(headline)}** — {md_escape(outlet)}, {md_escape(date)} · {md_escape(hit.article_id)} ¶{hit.paragraph + 1}"
        items.append(f"- {head}  \n  {marked_sentence(hit, 'markdown')}")
    return "\n".join(items) + "\n"
