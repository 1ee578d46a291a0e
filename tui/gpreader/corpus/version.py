"""The engine's version, and a fingerprint of its source for keying the index cache.

Bump ``ENGINE_VERSION`` when the engine's results change. The fingerprint also folds in
the bytes of the engine's source files, so a forgotten bump cannot serve stale results,
and the Python version: the cache's rows are written with ``marshal``, whose format
belongs to the Python that wrote it (``cache_codec``).
"""

from __future__ import annotations

import functools
import sys

ENGINE_VERSION = "1"

# Files whose code decides what an Article (with quotes, statements, local speakers, and its
# proposals' plan) is.
ENGINE_FILES = (
    "quotes.py", "attribution.py", "names.py", "extract.py", "clean.py", "text.py",
    "catalog.py", "plain_toml.py", "loader.py", "model.py", "cache.py", "cache_codec.py",
    "proposals.py", "themes.py",  # the proposals' text-only part is cached with the article
)


@functools.cache
def engine_fingerprint() -> str:
    """'1:3fa9c2…': the version and a hash of the engine's source files and Python's version."""
    import hashlib  # here: the app's first frame imports this module, not hashlib

    from gpreader.corpus.compiled import source_digest

    digest = hashlib.sha256(ENGINE_VERSION.encode())
    digest.update(f"python {sys.version_info[0]}.{sys.version_info[1]}\0".encode())
    for name in ENGINE_FILES:
        # a compiled module: the hash of the source it was compiled from (compiled.py)
        digest.update(name.encode() + b"\0" + source_digest(name).encode())
    return f"{ENGINE_VERSION}:{digest.hexdigest()[:20]}"
