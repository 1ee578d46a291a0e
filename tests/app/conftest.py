"""Fixtures for the app tests: a hand-made corpus, a private data dir, no system clipboard."""

from __future__ import annotations

import pytest

from tui_fixture_corpus import build_corpus
from gpreader.app import GPReaderApp


@pytest.fixture(autouse=True)
def private_environment(tmp_path, monkeypatch):
    """Clippings and caches go to temporary folders; system clipboard tools are never run."""
    data = tmp_path / "data"
    monkeypatch.setenv("GPREADER_DATA_DIR", str(data))
    monkeypatch.setenv("GPREADER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("GPREADER_CLIPBOARD", "none")
    monkeypatch.delenv("TMUX", raising=False)
    return data


@pytest.fixture
def corpus():
    return build_corpus()


@pytest.fixture
def app(corpus):
    return GPReaderApp(corpus)
