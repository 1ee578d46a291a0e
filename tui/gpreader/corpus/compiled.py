"""The engine compiled with mypyc (setup.py), or not: what the rest needs to know.

``mypyc_attr`` marks a class to stay an ordinary Python class when its module is compiled
(a plan is pickled between processes; mypyc's own classes do not pickle as written). At
run time, compiled or not, it does nothing.

A compiled module is imported instead of its source file beside it, so a source edited
after the build would not run. The build records each compiled module's source hash in
COMPILED_FROM; ``source_digest`` gives the engine fingerprint the hash of the code that
runs, and ``stale_modules`` names the modules to build again (``pip install -e .``).
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

try:
    from mypy_extensions import mypyc_attr
except ImportError:  # only the build has mypy_extensions

    def mypyc_attr(*_args, **_kwargs):  # type: ignore[no-redef]
        return lambda cls: cls


HERE = Path(__file__).parent
RECORD = HERE / "COMPILED_FROM"


def is_compiled(module: str) -> bool:
    """True when ``gpreader.corpus.<module>`` is imported from a compiled extension."""
    spec = importlib.util.find_spec(f"gpreader.corpus.{module}")
    return spec is not None and spec.origin is not None and not spec.origin.endswith(".py")


def engine_compiled() -> bool:
    """True when the quote engine runs as mypyc-compiled extension modules."""
    return is_compiled("attribution")


def describe() -> str:
    """Which engine runs, for benchmark output: compiled (and from which source), or not."""
    if not engine_compiled():
        return "engine pure Python"
    stale = stale_modules()
    return "engine compiled with mypyc" + (f" (STALE: {', '.join(stale)}; pip install -e . again)" if stale else "")


@functools.cache
def _recorded() -> dict[str, str]:
    try:
        lines = RECORD.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    return dict(line.split(" ", 1) for line in lines if " " in line)


def _file_digest(name: str) -> str:
    import hashlib

    try:
        return hashlib.sha256((HERE / name).read_bytes()).hexdigest()
    except OSError:  # no source shipped
        return "<unreadable>"


def source_digest(name: str) -> str:
    """SHA-256 of engine file *name* ('attribution.py') as it runs: for a compiled module,
    of the source it was compiled from ('unrecorded …' when the build kept no record)."""
    module = name.removesuffix(".py")
    if not is_compiled(module):
        return _file_digest(name)
    return _recorded().get(module) or f"unrecorded {_file_digest(name)}"


def stale_modules() -> list[str]:
    """Compiled modules whose source file has changed since they were compiled, or of which
    the build kept no record (an extension module left by an older build)."""
    from gpreader.corpus.version import ENGINE_FILES

    recorded = _recorded()
    modules = [name.removesuffix(".py") for name in ENGINE_FILES]
    return [m for m in modules if is_compiled(m) and recorded.get(m) != _file_digest(f"{m}.py")]
