"""The corpus: a folder's articles, its merged speakers, and the files it could not read.

In a module of its own, apart from the model's other classes (``model.py``, which names it
too): the reader makes an empty one before its first frame, and making the model's eight
data classes took a third of what gpreader imports for that frame.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gpreader.corpus.model import Article, LoadProblem, Quote, Speaker


@dataclass
class Corpus:
    root: Path
    articles: list[Article] = field(default_factory=list)
    speakers: dict[str, Speaker] = field(default_factory=dict)
    problems: list[LoadProblem] = field(default_factory=list)

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
