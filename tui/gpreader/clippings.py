"""Clippings: quotes the user has kept, saved as JSON in the user's data folder.

Every write is atomic and made under an exclusive lock after re-reading the file, so two
gpreader processes never lose each other's clippings. A damaged file is moved aside (and
kept), never overwritten. Failures to save raise ``ClippingsError`` with a one-line message.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timezone
from pathlib import Path


from gpreader.atomic import write_atomic
from gpreader.citation import attribution, format_citation, markdown_blockquote, source_label, speaker_role
from gpreader.corpus.model import Article, Quote, Speaker
from gpreader.counts import plural
from gpreader.filelock import exclusive_lock
from gpreader.user_dirs import DATA_DIR_ENV, data_dir  # noqa: F401 (data_dir: part of this module's API)

FILE_NAME = "clippings.json"


class ClippingsError(Exception):
    """A clipping could not be saved or exported; ``str()`` is one line naming the path."""


def _now_utc() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


@dataclass
class Clipping:
    """One kept quote with everything needed to cite it without the corpus at hand."""

    text: str
    speaker: str | None  # display name ("Dr Maureen Baker"), or None if unattributed
    role: str | None
    article_id: str
    headline: str
    outlet: str | None
    date: str | None  # PubDate.display(): "Feb 2014"
    paragraph: int  # 1-based
    start: int
    end: int
    citation: str  # the plain one-line citation, as copied
    added_at: str = field(default_factory=_now_utc)  # ISO 8601, UTC

    @classmethod
    def from_quote(cls, quote: Quote, article: Article, speaker: Speaker | None) -> "Clipping":
        return cls(
            text=quote.text,
            speaker=speaker.display_name if speaker is not None else quote.speaker,
            role=speaker_role(speaker, article),
            article_id=article.id,
            headline=article.headline,
            outlet=article.outlet,
            date=article.date.display() if article.date else None,
            paragraph=quote.paragraph + 1,
            start=quote.start,
            end=quote.end,
            citation=format_citation(quote, article, speaker),
        )

    @property
    def key(self) -> tuple[str, int, int, int]:
        """Identity for duplicates: the same stretch of the same paragraph."""
        return (self.article_id, self.paragraph, self.start, self.end)

    @property
    def source(self) -> str:
        """'GP, Feb 2014' (the article id when outlet and date are unknown)."""
        return source_label(self.outlet, self.date, self.article_id)

    def to_markdown(self) -> str:
        line = attribution(self.speaker, self.role, self.source)
        return markdown_blockquote(self.text, line, self.article_id, self.paragraph)

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: object) -> "Clipping":
        """Build from a dict; unknown keys are ignored. Raises ValueError on a wrong shape."""
        if not isinstance(data, dict):
            raise ValueError(f"expected an object, found {type(data).__name__}")
        values: dict = {}
        for f in fields(cls):
            value = data.get(f.name)
            if f.name in ("paragraph", "start", "end"):
                if not isinstance(value, int) or isinstance(value, bool):
                    raise ValueError(f"{f.name} must be a whole number")
            elif f.name in ("text", "article_id"):
                if not isinstance(value, str):
                    raise ValueError(f"{f.name} must be text")
            elif value is not None and not isinstance(value, str):
                raise ValueError(f"{f.name} must be text or null")
            values[f.name] = value
        values["headline"] = values["headline"] or ""
        values["added_at"] = values["added_at"] or ""
        clip = cls(**values)
        if not clip.citation:
            clip.citation = f"\u2018{clip.text}\u2019 {attribution(clip.speaker, clip.role, clip.source)}"
        return clip


class ClippingStore:
    """The clippings file (default ``data_dir()/clippings.json``) and its exports.

    ``warnings`` holds one-line messages (each naming a path) about damaged files found.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else data_dir() / FILE_NAME
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.warnings: list[str] = []

    # -- reading -------------------------------------------------------------------
    def load(self) -> list[Clipping]:
        """All clippings, oldest first. Never raises; problems land in ``warnings``."""
        self.warnings = []
        try:
            clips, problem = self._read()
        except OSError as exc:
            self.warnings.append(f"{self.path}: cannot read clippings ({_reason(exc)})")
            return []
        if problem is None:
            return clips
        try:  # damaged: move it aside under the lock, unless another process just did
            with exclusive_lock(self.lock_path):
                return self._read_repairing()
        except ClippingsError as exc:
            self.warnings.append(str(exc))
        except OSError as exc:
            self.warnings.append(f"{self.path}: {problem}; could not move it aside ({_reason(exc)})")
        return clips

    def write_problem(self) -> str | None:
        """Why clippings cannot be saved in an existing data folder (one line naming it), or
        None. Tries what saving does: open the lock file, create and remove a file."""
        folder = self.path.parent
        if not folder.is_dir():
            return None  # made on the first save; a failure then is reported then
        probe = folder / f".{self.path.name}.{secrets.token_hex(6)}.probe"
        try:
            os.close(os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o666))
            os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            os.unlink(probe)
        except OSError as exc:
            return f"{folder} cannot be written to ({_reason(exc)})"
        return None

    def contains(self, clipping: Clipping) -> bool:
        """Whether a clipping of the same stretch of text is already kept."""
        return any(c.key == clipping.key for c in self.load())

    # -- writing -------------------------------------------------------------------
    def add(self, clipping: Clipping) -> bool:
        """Keep *clipping*; False if that stretch of text is already kept."""
        with self._locked("save clipping"):
            clips = self._read_repairing()
            if any(c.key == clipping.key for c in clips):
                return False
            clips.append(clipping)
            self._write(clips)
        return True

    def remove(self, clipping: Clipping) -> bool:
        """Drop the clipping with the same article/paragraph/start/end; False if absent."""
        with self._locked("remove clipping"):
            clips = self._read_repairing()
            kept = [c for c in clips if c.key != clipping.key]
            if len(kept) == len(clips):
                return False
            self._write(kept)
        return True

    def export_markdown(self, path: Path | None = None, clippings: list[Clipping] | None = None) -> Path:
        """Write *clippings* (default: all) as Markdown; returns the path written.

        Default path: ``exports/clippings-YYYYmmdd-HHMMSS.md`` beside the clippings file.
        """
        clips = self.load() if clippings is None else clippings
        target = Path(path) if path is not None else self.path.parent / "exports"
        try:
            if path is None:
                target.mkdir(parents=True, exist_ok=True)
                target = _unused(target, f"clippings-{_stamp()}", ".md")
            write_atomic(target, self.to_markdown(clips))
        except OSError as exc:
            raise ClippingsError(f"Cannot export clippings to {target}: {_reason(exc)}") from None
        return target

    # -- formats -------------------------------------------------------------------
    @staticmethod
    def to_markdown(clippings: list[Clipping]) -> str:
        """A Markdown document: a title, a count, then one blockquote per clipping (deterministic)."""
        parts = ["# gpreader clippings", plural(len(clippings), "clipping")]
        parts += [c.to_markdown() for c in clippings] or ["No clippings yet."]
        return "\n\n".join(parts) + "\n"

    @staticmethod
    def to_json(clippings: list[Clipping]) -> str:
        """A JSON array of clipping objects (the file format too)."""
        return json.dumps([c.to_json() for c in clippings], ensure_ascii=False, indent=2) + "\n"

    # -- internals -----------------------------------------------------------------
    @contextmanager
    def _locked(self, action: str) -> Iterator[None]:
        """Create the folder and hold the lock; any OSError becomes a ClippingsError."""
        with ExitStack() as stack:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                stack.enter_context(exclusive_lock(self.lock_path))
            except OSError as exc:
                raise ClippingsError(f"Cannot {action} in {self.path.parent}: {_reason(exc)}") from None
            yield

    def _write(self, clips: list[Clipping]) -> None:
        try:
            write_atomic(self.path, self.to_json(clips))
        except OSError as exc:
            raise ClippingsError(f"Cannot save clippings to {self.path}: {_reason(exc)}") from None

    def _read(self) -> tuple[list[Clipping], str | None]:
        """(clippings, problem); problem is None for a sound (or missing) file."""
        try:
            raw = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return [], None
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            return [], "not UTF-8 text"
        except json.JSONDecodeError as exc:
            return [], f"not valid JSON ({exc.msg} at line {exc.lineno})"
        if not isinstance(data, list):
            return [], f"not a list of clippings (found a JSON {type(data).__name__})"
        clips: list[Clipping] = []
        for item in data:
            try:
                clips.append(Clipping.from_json(item))
            except ValueError:
                pass
        bad = len(data) - len(clips)
        return clips, (f"{bad} of {len(data)} entries are not clippings" if bad else None)

    def _read_repairing(self) -> list[Clipping]:
        """Read (lock held); a damaged file is moved aside and the good entries saved afresh."""
        try:
            clips, problem = self._read()
        except OSError as exc:
            raise ClippingsError(f"Cannot read {self.path}: {_reason(exc)}") from None
        if problem is None:
            return clips
        aside = _unused(self.path.parent, f"{self.path.name}.corrupt-{_stamp()}", "")
        try:
            os.replace(self.path, aside)
        except OSError as exc:
            raise ClippingsError(
                f"{self.path}: {problem}; could not move it aside ({_reason(exc)}), so nothing is saved until it is fixed"
            ) from None
        kept = f"carried on with the {len(clips)} good clippings" if clips else "started a fresh list"
        self.warnings.append(f"{self.path}: {problem}; moved it aside to {aside} and {kept}")
        if clips:
            self._write(clips)
        return clips


def _reason(exc: OSError) -> str:
    text = exc.strerror or str(exc) or type(exc).__name__
    return text.splitlines()[0] if text else type(exc).__name__


def _unused(folder: Path, stem: str, suffix: str) -> Path:
    """folder/stem+suffix, or folder/stem-N+suffix for the first N not yet taken."""
    path = folder / f"{stem}{suffix}"
    n = 1
    while path.exists():
        path = folder / f"{stem}-{n}{suffix}"
        n += 1
    return path
