"""The ``gpreader`` command: open the reader, or print articles, speakers, quotes, clippings.

``gpreader [PATH]`` opens the Textual reader (imported lazily, so the subcommands never
load textual); ``gpreader list|speakers|quotes|clippings`` print to stdout. Problems go to
stderr, one line each; stdout stays clean so JSON output always parses.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path

from gpreader import __version__
from gpreader.cli_progress import LoadProgress
from gpreader.cli_render import (
    ARTICLE_COLUMNS,
    SPEAKER_COLUMNS,
    article_rows,
    quotes_markdown,
    quotes_text,
    speaker_json,
    speaker_rows,
    table,
    to_json,
)
from gpreader.corpus.errors import CorpusError
from gpreader.corpus.model import Article, Corpus, Quote, Speaker
from gpreader.open_folder import Folder, load_folder
from gpreader.resources import bundled_seeds
from gpreader.safe_text import json_safe, one_line, printable

PROG = "gpreader"
COMMANDS = ("list", "speakers", "quotes", "clippings", "compare", "search")
FORMATS = ("text", "markdown", "json")
EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

USAGE = f"""{PROG} [-h] [--version] [--theme {{dark,light,ansi}}] [--no-cache] [PATH]
       {PROG} {{{",".join(COMMANDS)}}} [options]"""

DESCRIPTION = """\
A keyboard-driven terminal reader for UK primary-care policy news:
who said what, when.

With no subcommand, gpreader opens the reader on PATH (a folder of .txt
articles; the bundled seed articles if PATH is left out). The subcommands
print the corpus instead, as aligned text, Markdown or JSON. (For a folder
named like a subcommand, write ./list.)"""

EPILOG = """\
examples:
  gpreader                              read the bundled seed articles
  gpreader ~/articles                   read the articles in ~/articles
  gpreader list                         articles in date order, with their ids
  gpreader speakers --format markdown   who is quoted, and how often
  gpreader quotes --speaker stevens     everything Simon Stevens said
  gpreader quotes --article 003 --format json | jq '.[].text'
  gpreader search 'co-location'         every sentence that mentions co-location
  gpreader clippings > clippings.md     the quotes you saved in the reader

Articles and the search index are cached in the user cache folder
($GPREADER_CACHE_DIR if set); --no-cache reads every file afresh.

exit status:
  0  done; files that could not be read are reported on stderr, one line each,
     and skipped
  1  nothing to show because of an error: the corpus folder is missing or not a
     folder, no article could be read, no article has that id, no speaker matches
  2  usage error (an unknown option or subcommand, a bad value), or the reader
     was asked for while stdout is not a terminal"""

NOT_A_TERMINAL = f"""\
{PROG}: the reader needs a terminal, and standard output is not one, so nothing was \
drawn. To print the corpus instead use a subcommand: '{PROG} list' (articles), \
'{PROG} speakers', '{PROG} quotes --speaker NAME --format json', '{PROG} clippings'; \
add --help to any of them for details, or run '{PROG} --help'."""


# ---- output ---------------------------------------------------------------------------


def _use_utf8() -> None:
    """Write UTF-8 whatever the locale says (quotes are full of curly quotes and dashes)."""
    for stream, errors in ((sys.stdout, "strict"), (sys.stderr, "backslashreplace")):
        try:
            stream.reconfigure(encoding="utf-8", errors=errors)  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass


def _write(text: str) -> None:
    """Write to stdout with nothing a terminal would obey (see gpreader.safe_text)."""
    sys.stdout.write(printable(text))
    sys.stdout.flush()


def _write_all(pieces: Iterable[str], batch: int = 1 << 20) -> None:
    """``_write`` of a long output made in pieces, about a megabyte at a time: the whole
    text is never held (``gpreader compare`` over a large archive)."""
    pending: list[str] = []
    size = 0
    for piece in pieces:
        pending.append(piece)
        size += len(piece)
        if size >= batch:
            _write("".join(pending))
            pending, size = [], 0
    if pending:
        _write("".join(pending))


def _say(message: str) -> None:
    """One line on stderr; names of files and folders can hold anything."""
    print(one_line(message), file=sys.stderr)


def _warn(message: str) -> None:
    _say(f"{PROG}: warning: {message}")


def _error(message: str) -> int:
    _say(f"{PROG}: error: {message}")
    return EXIT_ERROR


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _terminal_width() -> int | None:
    """The terminal's width, or None when stdout is piped (then nothing is shortened)."""
    try:
        return shutil.get_terminal_size().columns if stdout_is_terminal() else None
    except (AttributeError, ValueError, OSError):
        return None


# ---- corpus ---------------------------------------------------------------------------


def use_cache(args: argparse.Namespace) -> bool:
    """False when --no-cache was given (before or after the subcommand)."""
    return not getattr(args, "no_cache", False)


def _load_with_cache(path: Path, cache: bool) -> Corpus:
    """``load_folder`` (the cache, or afresh if it fails) with a progress bar."""
    with LoadProgress() as progress:
        return load_folder(Folder(path, cache), warn=_warn, on_progress=progress)


def _folder_problem(path: Path) -> str | None:
    """Why *path* cannot be opened as a corpus folder, or None."""
    if not path.exists():
        return f"corpus folder not found: {path}"
    if not path.is_dir():
        return f"not a folder: {path}"
    return None


def _load(folder: Path | str | None, cache: bool = True) -> Corpus | None:
    """Load the corpus (from the user's index cache unless *cache* is False), report its
    problems on stderr; None (after an error line) if there is nothing to show. A progress
    bar is drawn on stderr for a large corpus, only when stderr is a terminal."""
    path = bundled_seeds() if folder is None else Path(folder).expanduser()
    problem = _folder_problem(path)
    if problem:
        _error(problem)
        return None
    try:
        corpus = _load_with_cache(path, cache)
    except CorpusError as exc:
        _error(str(exc) or f"cannot read the corpus folder {path}")
        return None
    except OSError as exc:
        _error(f"{path}: {exc.strerror or exc}")
        return None
    for problem in corpus.problems:
        _warn(f"{problem.path}: {problem.reason}")
    if not corpus.articles:
        _error(
            f"no article could be read from {path}"
            if corpus.problems
            else f"no article (.txt or .md file) in {path}"
        )
        return None
    return corpus


def _articles_in_order(corpus: Corpus) -> list[Article]:
    return sorted(corpus.articles, key=lambda a: a.sort_key)


def _find_article(corpus: Corpus, wanted: str) -> Article | str:
    """The article with id *wanted* (or a file name, or a unique id prefix); else an error."""
    key = wanted.strip()
    if key.lower().endswith(".txt"):
        key = Path(key).stem
    exact = corpus.article(key)
    if exact is not None:
        return exact
    found = [a for a in corpus.articles if key and a.id.startswith(key)]
    if len(found) == 1:
        return found[0]
    if found:
        ids = ", ".join(sorted(a.id for a in found))
        return f"article id '{wanted}' is ambiguous: it could be {ids}"
    return f"no article has the id '{wanted}' (see '{PROG} list')"


# ---- subcommands ----------------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    corpus = _load(args.corpus, use_cache(args))
    if corpus is None:
        return EXIT_ERROR
    articles = _articles_in_order(corpus)
    if args.format == "json":
        _write(to_json([a.to_json() for a in articles]))
    else:
        _write(table(args.format, ARTICLE_COLUMNS, article_rows(articles), _terminal_width()))
    return EXIT_OK


def cmd_speakers(args: argparse.Namespace) -> int:
    from gpreader.search import corpus_speakers  # rapidfuzz: only the commands that match names

    corpus = _load(args.corpus, use_cache(args))
    if corpus is None:
        return EXIT_ERROR
    counts: dict[str, int] = {}
    for quote in corpus.quotes():
        if quote.speaker:
            counts[quote.speaker] = counts.get(quote.speaker, 0) + 1
    ranked: list[tuple[Speaker, int]] = sorted(
        ((s, counts.get(s.name, 0)) for s in corpus_speakers(corpus)),
        key=lambda pair: (-pair[1], pair[0].name.casefold()),
    )
    if args.format == "json":
        _write(to_json([speaker_json(corpus, s, n) for s, n in ranked]))
    elif not ranked:
        _say(f"{PROG}: no speaker found in {corpus.root}")
    else:
        _write(table(args.format, SPEAKER_COLUMNS, speaker_rows(corpus, ranked), _terminal_width()))
    return EXIT_OK


def _quote_order(articles: list[Article]) -> list[Quote]:
    return [
        q
        for a in articles
        for q in sorted(a.quotes, key=lambda q: (q.in_comments, q.paragraph, q.start, q.index))
    ]


def cmd_quotes(args: argparse.Namespace) -> int:
    corpus = _load(args.corpus, use_cache(args))
    if corpus is None:
        return EXIT_ERROR
    articles = _articles_in_order(corpus)
    if args.article is not None:
        found = _find_article(corpus, args.article)
        if isinstance(found, str):
            return _error(found)
        articles = [found]
    quotes = _quote_order(articles)
    if args.speaker is not None:
        from gpreader.search import match_speakers

        search = match_speakers(corpus, args.speaker)
        if not search.matches:
            if not search.nearest:
                return _error(f"no speaker matches '{args.speaker}' (no quote in the corpus has a speaker)")
            return _error(f"no speaker matches '{args.speaker}'; nearest: {', '.join(search.nearest)}")
        names = set(search.matches)
        quotes = [q for q in quotes if q.speaker in names]
    if args.kind is not None:
        quotes = [q for q in quotes if q.kind == args.kind]
    if args.format == "json":
        _write(to_json([q.to_json() for q in quotes]))
    elif not quotes:
        print(f"{PROG}: no quotes to show", file=sys.stderr)
    elif args.format == "markdown":
        _write(quotes_markdown(corpus, quotes))
    else:
        _write(quotes_text(corpus, quotes))
    return EXIT_OK


def cmd_clippings(args: argparse.Namespace) -> int:
    try:
        from gpreader.clippings import ClippingStore
    except ImportError as exc:
        return _error(f"clippings are not available: {exc}")
    store = ClippingStore()
    clippings = store.load()
    for warning in store.warnings:
        _warn(warning)
    text = json_safe(store.to_json(clippings)) if args.format == "json" else store.to_markdown(clippings)
    if text and not text.endswith("\n"):
        text += "\n"
    if not clippings and args.format != "json":
        where = getattr(store, "path", None)
        _say(f"{PROG}: no clippings saved yet" + (f" ({where})" if where else ""))
    if text.strip() or args.format == "json":
        _write(text)
    return EXIT_OK


def open_reader(path: str | None, theme: str | None = None, cache: bool = True) -> int:
    """Open the Textual reader on *path* (the bundled seeds if None), in *theme* if given;
    *cache* False reads every file afresh (--no-cache)."""
    if path is not None and not Path(path).expanduser().exists():
        close = difflib.get_close_matches(path, COMMANDS, n=1, cutoff=0.6)
        if close:
            _say(f"{PROG}: error: no folder '{path}'; did you mean '{PROG} {close[0]}'?")
            return EXIT_USAGE
    if not stdout_is_terminal():
        print(NOT_A_TERMINAL, file=sys.stderr)
        return EXIT_USAGE
    root = bundled_seeds() if path is None else Path(path).expanduser()
    problem = _folder_problem(root)
    if problem:
        return _error(problem)
    from gpreader.app import GPReaderApp  # lazy: only the reader needs textual

    # the window opens at once; the folder is read (from the index cache) in a worker
    app = GPReaderApp(Folder(root, cache), theme=theme, search_cache=cache)
    app.run()
    return getattr(app, "return_code", None) or EXIT_OK


# ---- parsing --------------------------------------------------------------------------


def _wide_formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=30)


def _fill(text: str) -> str:
    return textwrap.fill(text, width=78)


def _theme_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--theme",
        choices=("dark", "light", "ansi"),
        help="the reader's colours: dark, light, or ansi (your terminal's own palette); "
        "remembered for next time (t in the reader cycles them; NO_COLOR=1 turns colour off)",
    )


def _corpus_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        metavar="PATH",
        help="folder of .txt articles to read (default: the bundled seed articles)",
    )


def _cache_option(parser: argparse.ArgumentParser, top_level: bool = False) -> None:
    """--no-cache; on a subcommand its default is left out, so a --no-cache given before
    the subcommand is kept."""
    parser.add_argument(
        "--no-cache",
        action="store_true",
        default=False if top_level else argparse.SUPPRESS,
        help="read every article file afresh: do not use or update the cache "
        "(the user cache folder, or $GPREADER_CACHE_DIR)",
    )


def _format_option(parser: argparse.ArgumentParser, choices=FORMATS, default="text") -> None:
    parser.add_argument(
        "--format",
        choices=choices,
        default=default,
        help=f"output format (default: {default})",
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser for ``gpreader --version/--help`` and the subcommands."""
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog=PROG, usage=USAGE, description=DESCRIPTION, epilog=EPILOG, formatter_class=_wide_formatter
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    _theme_option(parser)
    _cache_option(parser, top_level=True)
    sub = parser.add_subparsers(dest="command", title="subcommands", metavar="SUBCOMMAND [OPTIONS]", prog=PROG)

    p = sub.add_parser(
        "list",
        help="list the articles in date order",
        description=_fill(
            "One row per article, oldest first: date (as precisely as it is known), "
            "outlet, headline, id and number of quotes. Use the id (or its first digits) with "
            "'gpreader quotes --article'."
        ),
        epilog="example: gpreader list --format json | jq -r '.[].headline'",
        formatter_class=formatter,
    )
    _corpus_option(p)
    _format_option(p)
    _cache_option(p)
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser(
        "speakers",
        help="list who is quoted, most quoted first",
        description=_fill(
            "One row per speaker (a person, organisation or document): name, kind, "
            "latest role, number of quotes and the years they were quoted; most quoted first, "
            "then by name."
        ),
        epilog="example: gpreader speakers --format markdown > speakers.md",
        formatter_class=formatter,
    )
    _corpus_option(p)
    _format_option(p)
    _cache_option(p)
    p.set_defaults(handler=cmd_speakers)

    p = sub.add_parser(
        "quotes",
        help="print quotes, by speaker, article or kind",
        description=_fill(
            "Every quote in article date order, each with its speaker and a citation "
            "(outlet, date, article id and paragraph). The JSON output is an array of objects "
            "with article, speaker, text, kind, paragraph (1-based), start, end, mention, group "
            "and part; it is always valid JSON, [] when nothing matches."
        ),
        epilog="examples:\n"
            "  gpreader quotes --speaker stevns          (spelling need not be exact)\n"
            "  gpreader quotes --article 003 --kind full\n"
            "  gpreader quotes --format json > quotes.json",
        formatter_class=formatter,
    )
    p.add_argument(
        "--speaker",
        metavar="NAME",
        help="only quotes of the speaker best matching NAME (fuzzy: name, aliases, roles)",
    )
    p.add_argument("--article", metavar="ID", help="only quotes from this article (its id or a unique start of it)")
    p.add_argument(
        "--kind",
        choices=("full", "partial", "fragment"),
        help="only quotes of this kind: a full sentence, part of one, or a few words",
    )
    _format_option(p)
    _corpus_option(p)
    _cache_option(p)
    p.set_defaults(handler=cmd_quotes)

    p = sub.add_parser(
        "clippings",
        help="print the quotes you saved in the reader",
        description=_fill(
            "Print the saved clippings (quotes kept in the reader, with their "
            "citations). They live in the gpreader data folder: $GPREADER_DATA_DIR if set, "
            "else the platform's user data folder."
        ),
        epilog="example: gpreader clippings > clippings.md",
        formatter_class=formatter,
    )
    _format_option(p, choices=("markdown", "json"), default="markdown")
    p.set_defaults(handler=cmd_clippings)

    from gpreader import cli_compare, cli_search  # here: the reader needs neither

    _cache_option(cli_compare.add_parser(sub))
    _cache_option(cli_search.add_parser(sub))
    return parser


def build_open_parser() -> argparse.ArgumentParser:
    """The parser for ``gpreader [PATH]`` (the reader)."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        usage=USAGE,
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=_wide_formatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    _theme_option(parser)
    _cache_option(parser, top_level=True)
    parser.add_argument("path", metavar="PATH", nargs="?", help="folder of .txt articles to read")
    return parser


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace | int:
    """Parsed arguments, or the exit status argparse chose (--help, --version, errors)."""
    try:
        return parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE


def _reader_option(argv: list[str]) -> bool:
    """True when *argv* starts with reader options (--theme, --no-cache) that are not
    followed by a subcommand: they may be followed by a PATH."""
    i = 0
    while i < len(argv):
        if argv[i] == "--no-cache" or argv[i].startswith("--theme="):
            i += 1
        elif argv[i] == "--theme":
            i += 2
        else:
            break
    return i > 0 and not (i < len(argv) and argv[i] in COMMANDS)


def _run(argv: list[str]) -> int:
    reader_option = _reader_option(argv)
    if argv and argv[0] != "--" and (argv[0] in COMMANDS or argv[0].startswith("-")) and not reader_option:
        args = _parse(build_parser(), argv)
        if isinstance(args, int):
            return args
        handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
        if handler is None:
            return open_reader(None, args.theme, use_cache(args))
        code = handler(args)
        if code == EXIT_ERROR and args.command not in ("clippings", "compare") and args.format == "json":
            _write("[]\n")  # JSON output always parses; the exit status tells the error
        return code
    args = _parse(build_open_parser(), argv)
    if isinstance(args, int):
        return args
    return open_reader(args.path, args.theme, use_cache(args))


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at devnull so the final flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: list[str] | None = None) -> int:
    """Run the command; return the exit status (0 done, 1 error, 2 usage)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    _use_utf8()
    try:
        return _run(argv)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug, not bad input: still one line, not a traceback
        if os.environ.get("GPREADER_DEBUG"):
            raise
        return _error(f"unexpected {type(exc).__name__}: {exc} (set GPREADER_DEBUG=1 for details)")


if __name__ == "__main__":
    raise SystemExit(main())
