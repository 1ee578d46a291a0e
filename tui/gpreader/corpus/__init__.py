"""The headless corpus engine: loading, cleaning, quotes, speakers.

Headless: nothing in this package may depend on the Textual UI (tests/corpus/test_headless.py enforces it).
The model's classes are imported from here when first asked for: importing a module of
the package (the reader's first frame imports ``collection``) does not make them.
"""

from gpreader.corpus.version import ENGINE_VERSION

__all__ = ["ENGINE_VERSION", "Article", "Corpus", "LoadProblem", "PubDate", "Quote", "Role", "Speaker", "load_corpus"]
_MODEL = set(__all__) - {"ENGINE_VERSION", "load_corpus"}  # the model's names, made on first use


def __getattr__(name: str):
    if name in _MODEL:
        from gpreader.corpus import model

        return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_corpus(folder, **kwargs):
    """Load every article of *folder*; see gpreader.corpus.loader.load_corpus."""
    from gpreader.corpus.loader import load_corpus as _load

    return _load(folder, **kwargs)
