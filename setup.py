"""Build: the package from tui/, the seeds inside it, and the corpus engine compiled with mypyc.

The engine's hot modules (quote finding, attribution, names, proposals, themes, cleaning,
the cache row codec) are plain, type-annotated Python; mypyc compiles the same source to C
extension modules, about 1.5x faster (benchmarks/README.md). The compiled modules are optional: with
GPREADER_PURE_PYTHON=1, or when mypyc or a C compiler is missing or the compile fails, the
package is built as pure Python and behaves the same, only slower.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

HERE = Path(__file__).parent
ENGINE = "tui/gpreader/corpus"
COMPILED = ["attribution", "quotes", "names", "extract", "clean", "text", "themes", "proposals", "cache_codec", "catalog", "plain_toml"]


class BuildPyWithSeeds(build_py):
    """The bundled articles go inside the package, as gpreader/seeds."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "gpreader" / "seeds"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(HERE / "seeds", target)


class OptionalBuildExt(build_ext):
    """Compile the engine if we can; if not, say so and install pure Python."""

    def run(self) -> None:
        inplace = self.inplace  # (setuptools clears it while it builds, and sets it back after)
        try:
            super().run()
        except Exception as exc:  # no compiler, no headers: the pure-Python engine does the same
            self.warn(f"gpreader: the corpus engine is not compiled ({exc}); using pure Python")
            self._remove_outputs(inplace)
            return
        if self.extensions:
            self._record_sources()

    def _record_sources(self) -> None:
        """COMPILED_FROM: each compiled module's source hash, so that a module edited after
        the build is noticed (compiled.py): Python imports the extension, not the edited file."""
        lines = "".join(
            f"{name} {hashlib.sha256((HERE / ENGINE / f'{name}.py').read_bytes()).hexdigest()}\n" for name in COMPILED
        )
        targets = [Path(self.build_lib) / "gpreader" / "corpus"]
        if self.inplace:
            targets.append(HERE / ENGINE)
        for folder in targets:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "COMPILED_FROM").write_text(lines, encoding="utf-8")

    def _remove_outputs(self, inplace: bool) -> None:
        """No extension module at all, built now or left by an older build (an editable
        install keeps them beside the source): a half-built set would not even import."""
        (Path(self.build_lib) / "gpreader" / "corpus" / "COMPILED_FROM").unlink(missing_ok=True)
        for ext in self.extensions:
            Path(self.build_lib, self.get_ext_filename(self.get_ext_fullname(ext.name))).unlink(missing_ok=True)
        if inplace:
            _remove_from_source()
        self.extensions = []


def engine_extensions() -> list:
    if os.environ.get("GPREADER_PURE_PYTHON"):
        return _pure("GPREADER_PURE_PYTHON is set")
    try:
        from mypyc.build import mypycify
    except ImportError:
        return _pure("mypyc is not installed")
    # the modules they import (model, loader, …) stay interpreted: typed, not checked here
    options = ["--follow-imports=silent", "--ignore-missing-imports"]
    try:
        extensions = mypycify(options + [f"{ENGINE}/{name}.py" for name in COMPILED], opt_level="3", group_name="gpreader_engine")
    except SystemExit:  # mypyc has printed the type errors it cannot compile
        return _pure("type errors (above)")
    # the shared library first: if it cannot be built, no module shim is left without it
    return sorted(extensions, key=lambda ext: "__mypyc" not in ext.name)


def _pure(reason: str) -> list:
    """No extension modules, and none left beside the source by an earlier editable install."""
    print(f"gpreader: {reason}; the corpus engine stays pure Python")
    _remove_from_source()
    return []


def _remove_from_source() -> None:
    """The extension modules and record an editable install builds beside the source
    (Python would import them instead of the source)."""
    leftovers = [*(HERE / ENGINE).glob("COMPILED_FROM"), *(HERE / "tui").glob("gpreader_engine__mypyc*")]
    leftovers += [p for name in COMPILED for p in (HERE / ENGINE).glob(f"{name}.*") if p.suffix in (".so", ".pyd")]
    for path in leftovers:
        path.unlink(missing_ok=True)


setup(
    ext_modules=engine_extensions(),
    cmdclass={"build_py": BuildPyWithSeeds, "build_ext": OptionalBuildExt},
)
