"""The headless corpus engine: loading, cleaning, quotes, speakers.

Headless: nothing in this package may depend on the Textual UI (tests/corpus/test_headless.py enforces it).
"""

from gpreader.corpus.model import Article, Corpus, LoadProblem, PubDate, Quote, Role, Speaker
from gpreader.corpus.version import ENGINE_VERSION

__all__ = ["ENGINE_VERSION", "Article", "Corpus", "LoadProblem", "PubDate", "Quote", "Role", "Speaker", "load_corpus"]


def load_corpus(folder, **kwargs):
    """Load every article of *folder*; see gpreader.corpus.loader.load_corpus."""
    from gpreader.corpus.loader import load_corpus as _load

    return _load(folder, **kwargs)
