"""Articles as the index cache stores them: a row of plain data, derived from the model's fields.

A row is lists, dicts with text keys, text, numbers, True, False and None, written with
``marshal``, the interpreter's own format for such values: a row reads back in less than
half the time its JSON took (23 against 50 µs, 4 Dec 2026), and the worker that parses an
article writes it in 4% fewer instructions in all than it took to write the JSON; its
bytes go to the parent as they are stored. Quotes and
statements are flat runs of scalars, one run per item, whose text fields are indexes into
the row's string table (-1 is None): many little lists cost three times as much to read.
A quote's text is its paragraph's slice unless the row lists it. The other fields of
Article, Speaker, Role and PubDate are written by a generic walk over the dataclass
fields, so a field added to the model is stored too, and every article is decoded again as
it is encoded: one that would not come back equal is not cached at all (``CodecError``).

Never pickle, which runs code named in its data: ``marshal`` only builds values (from
Python 3.13 it is told to refuse code objects too), a row of the wrong shape fails to
decode (``article_of_row`` raises), and a damaged one fails its CRC-32 before it is read
(``cache.py``). marshal is not hardened against rows crafted to crash it: the cache is the
user's own file, in the user's cache folder, and whoever can write it can write the
user's other files too. Its format belongs to the Python that wrote it:
the engine's fingerprint (``version.py``) names Python's version, so another Python
rebuilds the cache rather than read it.
"""

from __future__ import annotations

import dataclasses
import marshal
import sys
from operator import attrgetter
from pathlib import Path
from typing import Any, Final

from gpreader.corpus.model import Article, PubDate, Quote, Role, Speaker, Statement, quote_texts
from gpreader.corpus.proposals import attach_plan, plan_data

FORMAT: Final = 6  # part of every row (5: marshal, not JSON; 6: the plan's numbers as bytes)
_SPECIAL: Final = ("id", "path", "quotes", "statements", "local_speakers")  # Article fields written apart
_CLASSES: Final = {c.__name__: c for c in (PubDate, Role, Speaker)}
_CLASS_FIELDS: Final = {name: tuple(f.name for f in dataclasses.fields(c)) for name, c in _CLASSES.items()}
_PLAIN_FIELDS: Final = tuple(f.name for f in dataclasses.fields(Article) if f.name not in _SPECIAL)  # by _plain


class CodecError(ValueError):
    """An article the cache cannot hold exactly; it is parsed afresh each time instead."""


class _Flat:
    """Items of one dataclass as a flat list of scalars, *width* per item.

    Fields whose annotation names ``str`` go through the row's string table. *given* are
    fields the caller supplies on decoding: an expression of the decoder's arguments (the
    article id), or None for a field *tail* sets (a quote's text, its paragraph's slice).
    *tail* is code run for each item decoded, ``x``, its fields read as ``{name}``.
    """

    def __init__(self, cls: type, given: dict[str, str | None], tail: str = "") -> None:
        self.cls = cls
        types = {f.name: str(f.type) for f in dataclasses.fields(cls)}
        self.names = [name for name in types if name not in given]
        self.texts = {name for name in self.names if "str" in types[name]}
        self.width = len(self.names)
        self.is_text = [name in self.texts for name in self.names]  # by place, for encode
        # every field of an item in one call, a tuple (attrgetter of one name gives the value)
        self.fields: Any = attrgetter(*self.names) if self.width > 1 else (lambda item: (getattr(item, self.names[0]),))
        var = {n: f"_{i}" for i, n in enumerate(self.names)}
        stores = []
        for f in dataclasses.fields(cls):
            if f.name in given:
                value = given[f.name]
                if value is None:
                    continue
            else:
                value = f"s[{var[f.name]}]" if f.name in self.texts else var[f.name]
            stores.append(f"        x.{f.name} = {value}\n")
        # One generated loop per class: each item made by object.__new__ and its fields set as
        # slots, each in a few instructions of the interpreter, not by a call of the class,
        # which calls its generated __init__, a Python frame of its own (a quote: some 3,900
        # against 2,000 instructions). The instance is the same: every field set, as __init__
        # sets them, and nothing else (the model's classes have no __post_init__ and no
        # __new__; test_quotes_and_statements_made_by_the_decoder_…). Each item's run unpacked
        # from one iterator zipped with itself *width* times, not indexed (an addition and a
        # subscript each). The caller has checked that len(v) is a multiple of the width
        # (zip would drop a short last run).
        run = "".join(f"_{i}, " for i in range(self.width))
        source = (
            "def decode(v, s, pars, article_id):\n"
            "    out = []\n"
            "    count = len(pars)\n"
            f"    for {run}in zip(*[iter(v)] * {self.width}):\n"
            "        x = new(cls)\n"
            + "".join(stores)
            + tail.format(**var)
            + "        out.append(x)\n"
            "    return out\n"
        )
        scope: dict = {"cls": cls, "new": object.__new__, "cut": _cut}
        exec(compile(source, f"<cache_codec {cls.__name__}>", "exec"), scope)
        self.decode = scope["decode"]

    def encode(self, items: list, table: dict[str, int]) -> list:
        """*items* as the flat run of scalars; each text field an index into *table* (which
        this extends: a text's index is its place in the table), or -1 for None."""
        out: list = []
        fields = self.fields
        is_text = self.is_text
        for item in items:
            values: tuple = fields(item)
            for i, value in enumerate(values):
                kind = type(value)
                if is_text[i]:
                    if value is None:
                        out.append(-1)
                    elif kind is not str:
                        raise CodecError(f"{self.cls.__name__}.{self.names[i]} is not text")
                    else:
                        out.append(table.setdefault(value, len(table)))
                elif value is None or kind is int or kind is float or kind is bool:
                    out.append(value)
                else:
                    raise CodecError(f"{self.cls.__name__}.{self.names[i]} is not a number")
        return out


def _cut(pars: list[str], p: int, a: int, b: int) -> str:
    """A quote's paragraph slice; '' for an impossible place (its text is then in the row)."""
    try:
        return pars[p][a:b]
    except (IndexError, TypeError):
        return ""


# A decoded quote's text (the row lists it apart when it is not): its paragraph's slice,
# which a quote of an article's paragraphs reads from the paragraph, keeping no copy (set
# past the property, in the slot _own_text), as ``Article.share_quote_texts`` leaves it.
_SHARE_TEXT: Final = """\
        if type({paragraph}) is int and type({start}) is int and type({end}) is int and 0 <= {paragraph} < count and not {in_comments}:
            x._within = pars[{paragraph}]
            x._own_text = None
        else:
            x._own_text = cut(pars, {paragraph}, {start}, {end})
"""
_QUOTES: Final = _Flat(Quote, {"article_id": "article_id", "text": None}, _SHARE_TEXT)
_STATEMENTS: Final = _Flat(Statement, {})


def _plain(value):
    """*value* as a row's data (above); model dataclasses, sets and tuples tagged with '$'."""
    if value is None or type(value) in (str, int, float, bool):
        return value
    if type(value) is list:
        return [_plain(v) for v in value]
    if type(value) is dict:
        if all(type(k) is str for k in value) and "$" not in value:
            return {k: _plain(v) for k, v in value.items()}
        return {"$": "dict", "v": [[_plain(k), _plain(v)] for k, v in value.items()]}
    if type(value) in (set, frozenset):
        try:
            items = sorted(value)
        except TypeError:
            raise CodecError("a set that cannot be ordered") from None
        return {"$": type(value).__name__, "v": [_plain(v) for v in items]}
    if type(value) is tuple:
        return {"$": "tuple", "v": [_plain(v) for v in value]}
    name = type(value).__name__
    if _CLASSES.get(name) is type(value):
        return {"$": name, "v": [_plain(getattr(value, field)) for field in _CLASS_FIELDS[name]]}
    raise CodecError(f"cannot store a {name}")


def _unplain(value):
    if type(value) is str:
        return sys.intern(value) if len(value) < 80 else value  # names and kinds recur everywhere
    if type(value) is list:
        return [_unplain(v) for v in value]
    if type(value) is dict:
        tag = value.get("$")
        if tag is None:
            return {k: _unplain(v) for k, v in value.items()}
        items = [_unplain(v) for v in value["v"]]
        if tag == "dict":
            return {_hashable(k): v for k, v in items}
        if tag == "set":
            return set(items)
        if tag == "frozenset":
            return frozenset(items)
        if tag == "tuple":
            return tuple(items)
        return _CLASSES[tag](*items)
    return value


def _intern(value):
    return sys.intern(value) if type(value) is str else value


def _fields_decoder(cls: type, intern: bool):
    """A fast decoder of ``_plain(instance)["v"]`` of *cls*: known field types are read
    directly (generated code), any other through ``_unplain``."""
    text = "intern" if intern else ""
    known = {
        "str": text, "str | None": text, "int": "", "int | None": "", "bool": "", "float": "",
        "list[str]": "", "dict[str, str]": "",
        "set[str]": "strset", "PubDate | None": "date", "list[Role]": "roles",
    }
    args = []
    for i, f in enumerate(dataclasses.fields(cls)):
        how = known.get(str(f.type), "unplain")
        args.append(f"{how}(v[{i}])" if how else f"v[{i}]")
    source = f"def decode(v):\n    return cls({', '.join(args)})\n"
    scope = {"cls": cls, "intern": _intern, "unplain": _unplain, "strset": _strset, "date": _date, "roles": _roles}
    exec(compile(source, f"<cache_codec {cls.__name__} fields>", "exec"), scope)
    return scope["decode"]


def _strset(value) -> set:
    if type(value) is not dict or value.get("$") != "set":
        raise ValueError("not a set")
    return {sys.intern(v) for v in value["v"]}


def _date(value):
    if value is None:
        return None
    if value.get("$") != "PubDate":
        raise ValueError("not a date")
    return PubDate(*value["v"])


def _roles(value) -> list:
    return [_ROLE(r["v"]) for r in value]


_ROLE: Final = _fields_decoder(Role, intern=True)
_SPEAKER: Final = _fields_decoder(Speaker, intern=True)


def _speaker(value) -> Speaker:
    if value.get("$") != "Speaker":
        raise ValueError("not a speaker")
    return _SPEAKER(value["v"])


def _hashable(key):
    return tuple(key) if type(key) is list else key


def encode_article(article: Article, warnings: list[str]) -> bytes:
    """The row of a parsed *article* (quotes found, speakers not yet merged) and its load
    warnings. Raises ``CodecError`` if it would not decode to an equal article."""
    try:
        return _encoded(article, warnings)
    except (TypeError, AttributeError) as exc:  # compiled (mypyc), a value not of its declared
        # type; a quote that is not a Quote (quote_texts reads its slots): not cached
        raise CodecError(str(exc)) from None


def _encoded(article: Article, warnings: list[str]) -> bytes:
    table: dict[str, int] = {}
    pars = article.paragraphs
    quotes = _QUOTES.encode(article.quotes, table)
    own = quote_texts(article.quotes)  # read once: for the row and the check
    # each quote's paragraph, start and end read from its run just written (the values
    # themselves), not from the quote again: three attribute reads of a Python object each
    texts = []
    for n, t in enumerate(own):
        k = n * _Q_WIDTH
        if _sliced(pars, quotes[k + _Q_PARAGRAPH], quotes[k + _Q_START], quotes[k + _Q_END]) != t:
            texts.append([n, t])
    statements = _STATEMENTS.encode(article.statements, table)
    fields = {name: _plain(getattr(article, name)) for name in _PLAIN_FIELDS}
    speakers = [[name, _plain(s)] for name, s in article.local_speakers.items()]
    plan = plan_data(article)
    written = list(warnings)
    row = [FORMAT, fields, quotes, texts, statements, list(table), speakers, written, plan]
    # The model's text is text: a tuple or a subclass in its place is not cached (marshal
    # would keep a tuple, but what reads the cache expects the model's types).
    if not all(type(t) is str for _, t in texts) or not all(type(n) is str for n, _ in speakers):
        raise CodecError("a quotation's text or a speaker's name is not text")
    if not all(type(w) is str for w in written):
        raise CodecError("a warning is not text")
    try:
        data = marshal.dumps(row)
    except ValueError as exc:  # a value marshal does not write (a subclass of str, an object)
        raise CodecError(str(exc)) from None
    # marshal gives back exactly the values it wrote (their types too), so *row* itself is
    # decoded here, not read back from *data*
    try:
        again, warned = article_of_row(row, article.path)
    except Exception as exc:  # whatever it is, this article is not cached
        raise CodecError(f"does not decode: {exc!r}") from None
    if not _same_article(again, article, own) or warned != list(warnings) or plan_data(again) != plan:
        raise CodecError("does not come back equal")
    return data


# Article's fields but its quotes and statements, which _same_article compares apart
_ARTICLE_REST: Any = attrgetter(*(f.name for f in dataclasses.fields(Article) if f.name not in ("quotes", "statements")))


def _same_article(again: Article, article: Article, texts: list[str]) -> bool:
    """``again == article``, *texts* the texts of its quotes, in order: as the dataclasses'
    ``__eq__`` tell it (same class, then the tuples of their fields equal), without a call
    of ``__eq__`` for each quote and statement, and with each quote's text (a property,
    a Python call) read once for the article parsed, not twice, and by ``quote_texts``."""
    return (
        type(again) is type(article)
        and _ARTICLE_REST(again) == _ARTICLE_REST(article)
        and _SAME_QUOTES(again.quotes, article.quotes)
        and quote_texts(again.quotes) == texts
        and _SAME_STATEMENTS(again.statements, article.statements)
    )


def _same_items(cls: type, apart: tuple[str, ...]):
    """A function telling whether two lists of *cls* instances are equal, as their dataclass
    ``__eq__`` tells it (same class, then the tuples of their fields equal), but the fields
    *apart*, which the caller compares. Generated code, as ``_Flat.decode``: the interpreter
    reads a slot in a few instructions, compiled code (a generic getattr) in ten times as many."""
    names = [f.name for f in dataclasses.fields(cls) if f.name not in apart]
    mine = ", ".join(f"x.{name}" for name in names)
    theirs = ", ".join(f"y.{name}" for name in names)
    source = (
        "def same(a, b):\n"
        "    if len(a) != len(b):\n"
        "        return False\n"
        "    for x, y in zip(a, b):\n"
        f"        if type(x) is not type(y) or ({mine},) != ({theirs},):\n"
        "            return False\n"
        "    return True\n"
    )
    scope: dict = {}
    exec(compile(source, f"<cache_codec {cls.__name__} equal>", "exec"), scope)
    return scope["same"]


_SAME_QUOTES: Final = _same_items(Quote, ("text",))  # the texts: _same_article
_SAME_STATEMENTS: Final = _same_items(Statement, ())


_Q_WIDTH: Final = _QUOTES.width
_Q_PARAGRAPH: Final = _QUOTES.names.index("paragraph")
_Q_START: Final = _QUOTES.names.index("start")
_Q_END: Final = _QUOTES.names.index("end")


def _sliced(pars: list[str], p: Any, a: Any, b: Any) -> str | None:
    """A quote's paragraph slice, its paragraph, start and end *p*, *a*, *b*; None unless all
    three are ints (as the decoder's _SHARE_TEXT asks) and *p* a paragraph: its text is then
    listed in the row, which is always right. The same compiled or not."""
    if type(p) is not int or type(a) is not int or type(b) is not int or not -len(pars) <= p < len(pars):
        return None
    return pars[p][a:b]


if sys.version_info >= (3, 13):

    def _loads(data: bytes) -> Any:
        """A row's values; never a code object (marshal can make them; a row has none)."""
        return marshal.loads(data, allow_code=False)

else:
    _loads = marshal.loads


def decode_article(data: bytes, path: Path) -> tuple[Article, list[str]]:
    """The article (with ``path``; its id is the file's stem) and warnings of a row's bytes.
    Raises ValueError, EOFError, TypeError, KeyError or IndexError if the row is damaged."""
    return article_of_row(_loads(data), path)


def article_of_row(row, path: Path) -> tuple[Article, list[str]]:
    """``decode_article`` of a row as data (read from its bytes, or ``_encoded``'s own: not
    changed)."""
    fmt, fields, quotes, texts, statements, table, speakers, warnings, plan = row
    if fmt != FORMAT or len(quotes) % _QUOTES.width or len(statements) % _STATEMENTS.width:
        raise ValueError("not a cached article")
    article_id = path.stem
    strings: list[str | None] = [sys.intern(t) for t in table]
    strings.append(None)  # index -1
    article = Article(id=article_id, path=path, **{k: _ARTICLE_FIELDS.get(k, _unplain)(v) for k, v in fields.items()})
    pars = article.paragraphs
    article.quotes = _QUOTES.decode(quotes, strings, pars, article_id)
    for n, text in texts:
        article.quotes[n].text = text
    article.statements = _STATEMENTS.decode(statements, strings, pars, article_id)
    article.local_speakers = {sys.intern(name): _speaker(s) for name, s in speakers}
    if plan is not None:  # the proposals' text-only part (proposals.make_plan)
        attach_plan(article, plan)
    return article, list(warnings)


def _same(value):
    return value


# how each Article field is read back: as stored for the plain types, else the generic walk
_ARTICLE_FIELDS: Final = {
    f.name: _date if str(f.type) == "PubDate | None" else _same
    for f in dataclasses.fields(Article)
    if str(f.type) in ("str", "str | None", "list[str]", "dict[str, str]", "PubDate | None")
}


def encode_catalog(catalog: dict[str, dict], reasons: list[str]) -> bytes:
    """A parsed catalog ({stem: fields}) and its problems' reasons, as a row written with
    ``marshal``, as an article's is: each entry a list, its stem then its fields' names and
    values in order, each value a text, a table of texts (``evidence``) or, under ``date``,
    a ``PubDate`` as the list of its fields (what ``validate_fields`` makes; any other value
    is not cached). Decoded again as it is encoded, as an article's row: a catalog that
    would not come back equal is not cached (``CodecError``). Short texts are interned, so
    that marshal writes each once and the decoder shares it (an outlet's name, 10,000 times).

    In JSON, read back through ``_unplain``, the catalog of 10,000 entries took 2.0 G
    instructions to write and check, 0.1–0.2 s on the single core the cold start has."""
    try:
        entries = [_catalog_entry(stem, fields) for stem, fields in catalog.items()]
        row = [CATALOG_FORMAT, entries, list(reasons)]
        data = marshal.dumps(row)
        # (marshal gives back exactly what it wrote, types too: *row* is decoded, not *data*)
        same = _catalog_of_row(row) == (catalog, list(reasons))
    except CodecError:
        raise
    except Exception as exc:  # whatever it is, this catalog is not cached
        raise CodecError(str(exc)) from None
    if not same:
        raise CodecError("does not come back equal")
    return data


CATALOG_FORMAT: Final = 2  # the catalog's row (1: JSON, its first item the article rows' FORMAT)
_DATE_FIELDS: Final = _CLASS_FIELDS["PubDate"]


def _catalog_entry(stem: str, fields: dict) -> list:
    entry: list = [_intern(stem)]
    for key, value in fields.items():
        if key == "date":
            if type(value) is not PubDate:
                raise CodecError("a catalog's date is not a PubDate")
            value = [getattr(value, name) for name in _DATE_FIELDS]
        elif type(value) is str:
            value = sys.intern(value) if len(value) < 80 else value
        elif type(value) is not dict:
            raise CodecError(f"a catalog field of type {type(value).__name__}")
        entry.append(_intern(key))
        entry.append(value)
    return entry


def decode_catalog(data: bytes) -> tuple[dict[str, dict], list[str]]:
    """``encode_catalog``'s catalog and reasons. Raises ValueError, EOFError, TypeError or
    IndexError if the row is damaged."""
    return _catalog_of_row(_loads(data))


def _catalog_of_row(row) -> tuple[dict[str, dict], list[str]]:
    fmt, entries, reasons = row
    if fmt != CATALOG_FORMAT or type(entries) is not list:
        raise ValueError("not a cached catalog")
    catalog: dict[str, dict] = {}
    dates: dict[tuple, PubDate] = {}  # one PubDate (frozen: shareable) for each date written
    for entry in entries:
        fields: dict = {}
        for i in range(1, len(entry), 2):
            key, value = entry[i], entry[i + 1]
            if key == "date":
                written = tuple(value)
                value = dates.get(written)
                if value is None:  # (a frozen dataclass's __init__: some 5,000 instructions)
                    value = dates[written] = PubDate(*written)
            fields[key] = value
        catalog[entry[0]] = fields
    return catalog, list(reasons)
