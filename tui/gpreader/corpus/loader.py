"""Load a folder of articles: read, clean, catalogue, then find quotes and speakers.

One bad file is one ``LoadProblem``; the other files still load. Only an unusable folder
raises (``CorpusError``).
"""

from __future__ import annotations

import re
from pathlib import Path

from gpreader.corpus.catalog import CATALOG_NAME, read_catalog, split_front_matter, validate_fields
from gpreader.corpus.clean import clean_article
from gpreader.corpus.errors import ArticleError, CorpusError
from gpreader.corpus.extract import extract_quotes
from gpreader.corpus.model import Article, Corpus, LoadProblem
from gpreader.corpus.speakers import build_speakers
from gpreader.corpus.text import read_text

ARTICLE_SUFFIXES = (".txt", ".md")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_ARTICLE_FIELDS = ("outlet", "date", "author", "event", "address", "citation")


def article_files(folder: Path) -> list[Path]:
    """The article files of *folder*: .txt and .md, not hidden, not recursive, sorted."""
    return sorted(
        p for p in folder.iterdir()
        if not p.name.startswith(".") and p.suffix.lower() in ARTICLE_SUFFIXES and not p.is_dir()
    )


def load_corpus(folder: Path | str) -> Corpus:
    """Load every article of *folder*; bad files become ``corpus.problems``."""
    root = Path(folder).expanduser()
    if not root.exists():
        raise CorpusError(f"{root}: no such folder")
    if not root.is_dir():
        raise CorpusError(f"{root}: not a folder")
    try:
        files = article_files(root)
    except OSError as exc:
        raise CorpusError(f"{root}: cannot list the folder ({exc.strerror or exc})") from None

    corpus = Corpus(root=root)
    catalog, corpus.problems = read_catalog(root)
    seen: dict[str, Path] = {}
    for path in files:
        if path.stem in seen:
            corpus.problems.append(
                LoadProblem(path, f"same name as {seen[path.stem].name}; skipped")
            )
            continue
        seen[path.stem] = path
        try:
            article, warnings = _load(path, catalog.get(path.stem, {}))
        except ArticleError as exc:
            corpus.problems.append(LoadProblem(path, exc.reason))
            continue
        corpus.problems += [LoadProblem(path, w, fatal=False) for w in warnings]
        try:
            article.quotes = extract_quotes(article)
        except Exception as exc:  # one article's quotes must not sink the corpus
            corpus.problems.append(LoadProblem(path, f"quotes not found: {exc!r}", fatal=False))
            article.quotes = []
        corpus.articles.append(article)

    for stem in sorted(set(catalog) - set(seen)):
        corpus.problems.append(
            LoadProblem(root / CATALOG_NAME, f"{stem}: no article file of that name", fatal=False)
        )
    corpus.articles.sort(key=lambda a: a.sort_key)
    corpus.speakers = build_speakers(corpus.articles)
    return corpus


def load_article(path: Path | str, meta: dict | None = None) -> Article:
    """Load one file; *meta* are catalog fields (as from ``read_catalog``). Raises ``ArticleError``."""
    article, _warnings = _load(Path(path), meta or {})
    return article


def _load(path: Path, catalog_meta: dict) -> tuple[Article, list[str]]:
    text = read_text(path)
    warnings: list[str] = []
    meta: dict = {}
    if path.suffix.lower() == ".md":
        raw, text = split_front_matter(text)
        front, complaints = validate_fields(raw)
        warnings += [f"front matter: {c}" for c in complaints]
        meta = _merge(front, {})
        text = _MD_HEADING.sub("", text)
    meta = _merge(catalog_meta, meta)
    cleaned = clean_article(text, meta)
    warnings += cleaned.warnings
    meta = _merge(meta, cleaned.meta)
    if not cleaned.paragraphs:
        raise ArticleError("no article text (only site furniture or reader comments)")
    article = Article(
        id=path.stem,
        path=path,
        headline=cleaned.headline or path.stem,
        paragraphs=cleaned.paragraphs,
        comments=cleaned.comments,
        evidence=dict(meta.get("evidence", {})),
        **{name: meta.get(name) for name in _ARTICLE_FIELDS},
    )
    return article, warnings


def _merge(first: dict, second: dict) -> dict:
    """Fields of *first* win over *second*; a field keeps the evidence of its own source."""
    merged = {**second, **first}
    mine, theirs = first.get("evidence", {}), second.get("evidence", {})
    evidence = dict(mine)
    for name, sentence in theirs.items():
        if name not in evidence and (name not in first or first.get(name) == second.get(name)):
            evidence[name] = sentence
    merged.pop("evidence", None)
    if evidence:
        merged["evidence"] = evidence
    return merged
