"""Errors raised while loading: one bad article, or a folder that cannot be a corpus."""

from __future__ import annotations


class ArticleError(Exception):
    """One file cannot be loaded as an article; ``reason`` is a short, user-facing phrase."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class CorpusError(Exception):
    """The corpus folder itself is unusable (missing, not a folder, unreadable)."""
