"""Fixtures for the CLI tests: a fake corpus in place of the loader, a private data dir,
a private cache dir (always)."""

from __future__ import annotations

import pytest
from cli_fake_corpus import fake_corpus

from gpreader import open_folder


@pytest.fixture
def fake(monkeypatch, tmp_path):
    """Make every subcommand load the fake corpus (the --corpus folder must still exist)."""
    corpus = fake_corpus(tmp_path)
    monkeypatch.setattr(open_folder, "load_corpus", lambda folder, **kw: corpus)
    return corpus


@pytest.fixture(autouse=True)
def cache_dir(monkeypatch, tmp_path):
    """Every test (and every gpreader it runs) caches in a temporary folder, never the user's."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("GPREADER_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def data_dir(monkeypatch, tmp_path):
    folder = tmp_path / "data"
    monkeypatch.setenv("GPREADER_DATA_DIR", str(folder))
    return folder
