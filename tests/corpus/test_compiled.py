"""The engine compiled with mypyc (setup.py): built from the source beside it, and keyed by it."""

from __future__ import annotations

import hashlib

import pytest

from gpreader.corpus import compiled, version


@pytest.fixture
def fresh_record():
    compiled._recorded.cache_clear()
    version.engine_fingerprint.cache_clear()
    yield
    compiled._recorded.cache_clear()
    version.engine_fingerprint.cache_clear()


def test_every_compiled_module_is_built_from_the_source_beside_it(fresh_record):
    # Python imports an extension module before the .py beside it: an edit since the build
    # would not run. Build again with the README's install command.
    assert compiled.stale_modules() == [], "compiled engine older than its source: run pip install -e . again"
    recorded = compiled._recorded()
    assert all(compiled.is_compiled(module) for module in recorded)
    assert compiled.engine_compiled() == bool(recorded)


def test_a_module_edited_after_the_build_is_noticed_and_keys_the_cache_by_what_runs(tmp_path, monkeypatch, fresh_record):
    source = (compiled.HERE / "attribution.py").read_bytes()
    built_from = hashlib.sha256(source + b"# an older version\n").hexdigest()
    record = tmp_path / "COMPILED_FROM"
    record.write_text(f"attribution {built_from}\n", encoding="utf-8")
    before = version.engine_fingerprint()
    monkeypatch.setattr(compiled, "RECORD", record)
    monkeypatch.setattr(compiled, "is_compiled", lambda module: module == "attribution")
    compiled._recorded.cache_clear()
    version.engine_fingerprint.cache_clear()

    assert compiled.stale_modules() == ["attribution"]
    assert compiled.source_digest("attribution.py") == built_from
    assert compiled.source_digest("quotes.py") == hashlib.sha256((compiled.HERE / "quotes.py").read_bytes()).hexdigest()
    assert version.engine_fingerprint() != before  # the cache is keyed by the code that runs
