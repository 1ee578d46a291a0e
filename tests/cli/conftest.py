"""Fixtures for the CLI tests: a fake corpus in place of the loader, a private data dir."""

from __future__ import annotations

import pytest
from cli_fake_corpus import fake_corpus

from gpreader import cli


@pytest.fixture
def fake(monkeypatch, tmp_path):
    """Make every subcommand load the fake corpus (the --corpus folder must still exist)."""
    corpus = fake_corpus(tmp_path)
    monkeypatch.setattr(cli, "load_corpus", lambda folder: corpus)
    return corpus


@pytest.fixture
def data_dir(monkeypatch, tmp_path):
    folder = tmp_path / "data"
    monkeypatch.setenv("GPREADER_DATA_DIR", str(folder))
    return folder
