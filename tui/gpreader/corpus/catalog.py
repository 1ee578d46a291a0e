"""Facts about articles that are not (reliably) in their text: catalog.toml and front matter.

catalog.toml lives in the corpus folder, one table per article keyed by the file's stem::

    [articles."000_bfb60d14f6019173"]
    outlet = "GP"                      # publication, as cited after a quote
    date = "2014-02"                   # YYYY, YYYY-MM or YYYY-MM-DD (a TOML date works too)
    date_precision = "month"           # day | week | month | year (default: as given)
    date_inferred = true               # true when the date is worked out, not printed
    headline = "Merger of GP and community care possible, says NHS England"
    author = "Gareth Iacobucci"
    event = "Londonwide LMCs conference on collaborative working"
    address = "https://..."            # the article's URL
    comments_start = "Do they mean"    # a paragraph starting so begins the reader comments
    citation = "BMJ 2014;349:g6055"

    [articles."000_bfb60d14f6019173".evidence]
    date = "Why we believe the date (one sentence)."   # any field name -> a sentence

Every field is optional. A Markdown article may carry the same fields as front matter
(``---`` lines around ``key: value`` lines; ``evidence.date: ...`` for evidence).
catalog.toml wins over front matter, which wins over facts found in the text.
A broken catalog.toml is one warning and an empty catalog; a bad field is a warning and
is ignored. Nothing here ever raises on bad input.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from gpreader.corpus.model import PRECISIONS, LoadProblem, PubDate
from gpreader.corpus.plain_toml import load_toml

CATALOG_NAME = "catalog.toml"
MAX_CATALOG_BYTES = 5 * 1024 * 1024
TEXT_FIELDS = ("outlet", "headline", "author", "event", "address", "comments_start", "citation")
DATE_FIELDS = ("date", "date_precision", "date_inferred")
FIELDS = TEXT_FIELDS + DATE_FIELDS

# Common front-matter spellings of our fields.
FRONT_MATTER_ALIASES = {"title": "headline", "url": "address", "link": "address",
                        "source": "outlet", "publication": "outlet", "byline": "author"}

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)")
_TOML_LINE = re.compile(r"at line (\d+)")


def read_catalog(folder: Path | str) -> tuple[dict[str, dict], list[LoadProblem]]:
    """Return ({file stem: fields}, problems) for *folder*/catalog.toml; ({}, []) if absent."""
    path = Path(folder) / CATALOG_NAME
    if not path.is_file():
        return {}, []

    def problem(reason: str) -> LoadProblem:
        return LoadProblem(path, reason, fatal=False)

    try:
        if path.stat().st_size > MAX_CATALOG_BYTES:
            return {}, [problem("too large to be a catalog; ignored")]
        data = path.read_bytes()
    except OSError as exc:
        return {}, [problem(f"cannot read: {exc.strerror or exc}; ignored")]
    try:
        doc = load_toml(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return {}, [problem("not UTF-8 text; catalog ignored")]
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_LINE.search(message)
        message = _TOML_POSITION.sub("", message).strip()
        where = f" at line {found.group(1)}" if found else ""
        return {}, [problem(f"invalid TOML{where}: {message}; catalog ignored")]

    problems: list[LoadProblem] = []
    articles = doc.get("articles", {})
    for key in doc:
        if key != "articles":
            problems.append(problem(f"unknown top-level key {key!r} ignored (expected [articles.\"<file stem>\"])"))
    if not isinstance(articles, dict):
        return {}, problems + [problem("'articles' must be a table; catalog ignored")]
    catalog: dict[str, dict] = {}
    for stem, raw in articles.items():
        if not isinstance(raw, dict):
            problems.append(problem(f"{stem}: entry must be a table; ignored"))
            continue
        fields, complaints = validate_fields(raw)
        catalog[stem] = fields
        problems += [problem(f"{stem}: {c}") for c in complaints]
    return catalog, problems


def validate_fields(raw: dict) -> tuple[dict, list[str]]:
    """Keep the known, well-formed fields of *raw*; say what was ignored and why.

    The result's ``date`` (if any) is a ``PubDate``; ``evidence`` is {field: sentence}.
    """
    fields: dict = {}
    complaints: list[str] = []
    evidence = raw.get("evidence", {})
    for key, value in raw.items():
        if key in TEXT_FIELDS:
            if not (isinstance(value, str) and value.strip()):
                complaints.append(f"field {key!r} must be non-empty text; ignored")
            elif key == "address" and not value.strip().startswith(("http://", "https://")):
                complaints.append(f"field 'address' must be an http(s) address, not {value!r}; ignored")
            else:
                fields[key] = " ".join(value.split())
        elif key not in DATE_FIELDS and key != "evidence":
            complaints.append(f"unknown field {key!r} ignored")
    if isinstance(evidence, dict):
        good = {k: " ".join(v.split()) for k, v in evidence.items() if isinstance(v, str) and v.strip()}
        bad = sorted(set(evidence) - set(good))
        if bad:
            complaints.append(f"evidence for {', '.join(bad)} must be text; ignored")
        if good:
            fields["evidence"] = good
    else:
        complaints.append("field 'evidence' must be a table of sentences; ignored")
    date, date_complaints = _parse_date(raw)
    complaints += date_complaints
    if date is not None:
        fields["date"] = date
    return fields, complaints


def _parse_date(raw: dict) -> tuple[PubDate | None, list[str]]:
    complaints: list[str] = []
    value = raw.get("date")
    precision = raw.get("date_precision")
    inferred = raw.get("date_inferred", False)
    if isinstance(inferred, str) and inferred.lower() in ("true", "false"):
        inferred = inferred.lower() == "true"
    if not isinstance(inferred, bool):
        complaints.append(f"field 'date_inferred' must be true or false, not {inferred!r}; ignored")
        inferred = False
    if precision is not None and precision not in PRECISIONS:
        complaints.append(
            f"field 'date_precision' must be one of {', '.join(PRECISIONS)}, not {precision!r}; ignored"
        )
        precision = None
    if value is None:
        if precision is not None or "date_inferred" in raw:
            complaints.append("date_precision/date_inferred given without a date; ignored")
        return None, complaints
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        value = value.isoformat()
    try:
        return _pub_date(str(value), precision, bool(inferred)), complaints
    except ValueError as exc:
        if precision is not None:
            try:
                date = _pub_date(str(value), None, bool(inferred))
            except ValueError:
                pass
            else:
                complaints.append(f"field 'date_precision': {exc}; ignored")
                return date, complaints
        complaints.append(f"field 'date': {exc}; ignored")
        return None, complaints


@functools.lru_cache(maxsize=8192)
def _pub_date(value: str, precision: str | None, inferred: bool) -> PubDate:
    """``PubDate.parse``, once a date: a catalog of 10,000 articles names a few thousand
    dates, and making a PubDate (a frozen dataclass) costs some 20,000 instructions. A
    PubDate cannot change, so one is shared by the articles of its date. (A ValueError
    is raised again each time: lru_cache keeps only what is returned.)"""
    return PubDate.parse(value, precision, inferred)


def split_front_matter(text: str) -> tuple[dict, str]:
    """Split ``---`` front matter (simple ``key: value`` lines) from a Markdown body.

    Returns (raw fields, body); ``evidence.<field>: sentence`` lines become
    ``{"evidence": {field: sentence}}``. Without a closing ``---`` the text is all body.
    Values are strings ("true"/"false" stay strings; ``validate_fields`` reads them).
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return {}, text
    fields: dict = {}
    for line in lines[1:end]:
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or ":" not in stripped:
            continue
        key, _, value = stripped.partition(":")
        key = key.strip().lower().replace("-", "_").replace(" ", "_")
        key = FRONT_MATTER_ALIASES.get(key, key)
        value = _unquote(value.strip())
        if not key or not value:
            continue
        if key.startswith("evidence."):
            fields.setdefault("evidence", {})[key.split(".", 1)[1]] = value
        else:
            fields[key] = value
    return fields, "\n".join(lines[end + 1:])


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
