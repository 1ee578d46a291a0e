"""The corpus: a folder's articles, its merged speakers, and the files it could not read.

In a module of its own, apart from the model's other classes (``model.py``, which names it
too): the reader makes an empty one before its first frame, and making the model's eight
data classes took a third of what gpreader imports for that frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from gpreader.corpus.model import Article, LoadProblem, Quote, Speaker


class Corpus:
    """*root*: the folder; its *articles*, *speakers* merged across them (by canonical
    name), and the *problems* met reading it. Written out, not a dataclass: making a
    dataclass is work before the reader's first frame, which holds an empty corpus."""

    __match_args__ = ("root", "articles", "speakers", "problems")

    def __init__(
        self,
        root: Path,
        articles: list[Article] | None = None,
        speakers: dict[str, Speaker] | None = None,
        problems: list[LoadProblem] | None = None,
    ) -> None:
        self.root = root
        self.articles: list[Article] = [] if articles is None else articles
        self.speakers: dict[str, Speaker] = {} if speakers is None else speakers
        self.problems: list[LoadProblem] = [] if problems is None else problems

    def _fields(self) -> tuple:
        return (self.root, self.articles, self.speakers, self.problems)

    def __eq__(self, other: object) -> bool:
        return self._fields() == other._fields() if isinstance(other, Corpus) else NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass is

    def __repr__(self) -> str:
        return (f"Corpus(root={self.root!r}, articles={self.articles!r}, speakers={self.speakers!r}, "
                f"problems={self.problems!r})")

    def article(self, article_id: str) -> Article | None:
        for a in self.articles:
            if a.id == article_id:
                return a
        return None

    def quotes(self) -> list[Quote]:
        return [q for a in self.articles for q in a.quotes]

    def quotes_by(self, speaker: str) -> list[Quote]:
        """Every quote of *speaker* (canonical name), in article date order."""
        return [q for q in self.quotes() if q.speaker == speaker]

    def years(self) -> list[int]:
        return sorted({a.date.year for a in self.articles if a.date})
