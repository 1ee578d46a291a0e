"""The engine compiled with mypyc (setup.py): built from the source beside it, and keyed by it."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

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
    # attribution compiled from an older source, quotes compiled with no record, names not compiled
    monkeypatch.setattr(compiled, "is_compiled", lambda module: module in ("attribution", "quotes"))
    compiled._recorded.cache_clear()
    version.engine_fingerprint.cache_clear()

    assert compiled.stale_modules() == ["quotes", "attribution"]
    assert compiled.source_digest("attribution.py") == built_from
    assert compiled.source_digest("quotes.py").startswith("unrecorded ")
    assert compiled.source_digest("names.py") == hashlib.sha256((compiled.HERE / "names.py").read_bytes()).hexdigest()
    assert version.engine_fingerprint() != before  # the cache is keyed by the code that runs


def test_the_compiled_engine_finds_what_its_source_finds(tmp_path):
    # mypyc compiles the same source, but checks types at run time and treats a few things
    # differently: everything the engine finds on the seeds and 150 generated articles must
    # be the same, interpreted and compiled.
    repo = Path(__file__).resolve().parents[2]
    pure = tmp_path / "pure"
    shutil.copytree(repo / "tui" / "gpreader", pure / "tui" / "gpreader",
                    ignore=shutil.ignore_patterns("*.so", "*.pyd", "COMPILED_FROM", "__pycache__"))
    (pure / "seeds").symlink_to(repo / "seeds")  # the bundled themes, found beside the package
    sys.path.insert(0, str(repo / "benchmarks"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(repo / "benchmarks"))
    generate(150, tmp_path / "generated", seed=3)

    def digest(root: Path | None) -> list[str]:
        env = {**os.environ, "GPREADER_ENGINE_ROOT": str(root) if root else ""}
        out = subprocess.run(
            [sys.executable, str(repo / "benchmarks" / "engine_digest.py"), str(repo / "seeds"), str(tmp_path / "generated")],
            env=env, capture_output=True, text=True, check=True,
        ).stdout.splitlines()
        return [line.split()[0] for line in out[:-1]] + [out[-1]]

    interpreted, running = digest(pure / "tui"), digest(None)
    assert interpreted[-1] == "engine pure Python"
    assert running[-1] == ("engine compiled with mypyc" if compiled.engine_compiled() else "engine pure Python")
    assert interpreted[:-1] == running[:-1]


def test_hand_written_constructors_take_every_field_in_order_with_its_default():
    """Span, _Mark, Ref, Person and Attributed write their own __init__ (a native call once
    compiled): a field added to the dataclass and not to the __init__ would be silently left unset."""
    import dataclasses

    from gpreader.corpus.attribution import Attributed, Person
    from gpreader.corpus.names import Ref
    from gpreader.corpus.quotes import Span, _Mark

    samples = {  # a distinct value of each field's type, in order (compiled, types are checked)
        Span: [1, 2, 3, 4, 5, 6, 7, "partial"],
        _Mark: [1, "d", "open"],
        Ref: ["person", "Ann Lee", "Dr", ["chair"], "she", "Dr Ann Lee", "NHS England"],
        Person: ["Ann Lee", "Dr", ["chair"], "organisation", "NHS England"],
        Attributed: [Person("Ann Lee"), "she said", "the chair"],
    }
    for cls, values in samples.items():
        fields = dataclasses.fields(cls)
        assert len(values) == len(fields), f"{cls.__name__} has a new field: give it to its __init__ and here"
        made = cls(*values)  # every field, in order
        assert [getattr(made, f.name) for f in fields] == values, cls
        required = [f for f in fields if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
        bare = cls(*values[: len(required)])  # the rest take their defaults
        for f in fields[len(required) :]:
            want = f.default if f.default is not dataclasses.MISSING else f.default_factory()
            assert getattr(bare, f.name) == want, (cls, f.name)
        assert cls(*values[: len(required)]) == bare  # a fresh default each time, compared equal
