"""``gpreader compare``: proposals by theme (rows) and year (columns), and what changed —
the compare view's table, printed as text, Markdown or JSON (see gpreader.compare_render).

Exit status as the other subcommands: 0 done; 1 an error (the corpus cannot be read, a
themes file cannot be used, an unknown theme id, no article in the years asked for), one
line on stderr; 2 a usage error, and a year or range that cannot be read ("20x4",
"2015-2013") is one.
"""

from __future__ import annotations

import argparse

from gpreader.compare_render import iter_json, iter_markdown, iter_text
from gpreader.corpus.compare import CompareError, build_compare, parse_years, select_themes
from gpreader.corpus.themes import ThemesError, default_themes, load_themes
from gpreader.safe_text import json_safe

FORMATS = ("text", "markdown", "json")

DESCRIPTION = """\
The compare table: one row per theme, one column per year (every year of the
corpus by default, oldest first). Each cell lists the proposals of that theme
in that year: a short form of the sentence, who proposed it, outlet and date.
Under each theme, one line says what changed: the signal words found in every
column, those new in a later column, those back after a gap, those gone."""

EPILOG = """\
examples:
  gpreader compare                          every year, every theme
  gpreader compare 2013 2024                two years side by side
  gpreader compare 2013-2014 --theme networks
  gpreader compare --format markdown > briefing.md
  gpreader compare --themes my-themes.toml --format json | jq '.themes[].changes.summary'

years: 2014; a range 2013-2015 (also 2013..2015 or 2013–2015); several, or a
comma list. Years of a range without articles are left out; a single year
without articles shows as an empty column.

exit status: 0 done; 1 error (corpus, themes file, unknown theme id, no article
in those years), one line on stderr; 2 usage error (a year or range that cannot
be read, an unknown option)."""


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Add the ``compare`` subcommand to *subparsers* (argparse's add_subparsers)."""
    p = subparsers.add_parser(
        "compare",
        help="compare proposals by theme and year",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "years",
        metavar="YEAR|RANGE",
        nargs="*",
        help="years to compare (default: every year of the corpus)",
    )
    p.add_argument(
        "--theme",
        metavar="ID",
        action="append",
        help="only this theme (repeat for more, or a comma list); the ids are in the themes file",
    )
    p.add_argument("--themes", metavar="FILE", help="your own themes file (TOML; default: the bundled themes)")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument(
        "--corpus",
        metavar="PATH",
        help="folder of .txt articles to read (default: the bundled seed articles)",
    )
    p.set_defaults(handler=run)
    return p


def _theme_ids(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    ids = [part.strip() for value in values for part in value.split(",") if part.strip()]
    return ids or None


def run(args: argparse.Namespace) -> int:
    """Print the compare table; return the exit status."""
    from gpreader import cli  # the shared corpus loading, output and error lines

    try:
        parse_years(args.years)  # can every spec be read? (a usage error if not)
    except CompareError as exc:
        cli._say(f"{cli.PROG} compare: error: {exc}")
        return cli.EXIT_USAGE
    try:
        themes = load_themes(args.themes) if args.themes else default_themes()
    except ThemesError as exc:
        return _fail(cli, args, str(exc))
    try:
        theme_ids = _theme_ids(args.theme)
        select_themes(themes, theme_ids)
    except CompareError as exc:
        return _fail(cli, args, str(exc))
    corpus = cli._load(args.corpus, cli.use_cache(args))
    if corpus is None:
        return _fail(cli, args, None)
    available = corpus.years()
    years = parse_years(args.years, available)
    if args.years and not years:
        have = ", ".join(str(y) for y in available) or "none"
        return _fail(cli, args, f"no article in {' '.join(args.years)} (the corpus has {have})")
    table = build_compare(corpus, years or None, themes, theme_ids)
    # written as it is made: over 10,000 articles the JSON is 145 MB
    if args.format == "json":
        cli._write_all(json_safe(piece) for piece in iter_json(table))
    elif args.format == "markdown":
        cli._write_all(iter_markdown(table))
    else:
        cli._write_all(iter_text(table, cli._terminal_width()))
    return cli.EXIT_OK


def _fail(cli, args: argparse.Namespace, message: str | None) -> int:
    """One error line (unless already given); JSON output still parses: an empty object."""
    if message is not None:
        cli._error(message)
    if args.format == "json":
        cli._write("{}\n")
    return cli.EXIT_ERROR
