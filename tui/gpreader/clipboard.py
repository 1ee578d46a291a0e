"""Copy text to the system clipboard with whatever tool the platform offers.

Nothing here raises: every failure comes back as a ``ClipboardResult`` with ``ok=False``.
``GPREADER_CLIPBOARD=none`` turns the system tools off (the tests use it).
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass

TIMEOUT_SECONDS = 2.0
DISABLE_ENV = "GPREADER_CLIPBOARD"
TMUX = "tmux"


@dataclass(frozen=True)
class ClipboardResult:
    """``tool`` names what took the text ("xclip", "xclip + tmux", "tmux"), or None."""

    ok: bool
    tool: str | None
    detail: str


@dataclass(frozen=True)
class _Tool:
    name: str
    argv: tuple[str, ...]
    encoding: str = "utf-8"
    bom: bytes = b""


def _is_wsl() -> bool:
    if os.environ.get("WSL_DISTRO_NAME") or os.environ.get("WSL_INTEROP"):
        return True
    return "microsoft" in platform.uname().release.lower()


def _candidates() -> list[_Tool]:
    """The system clipboard tools that make sense here, best first."""
    env = os.environ
    tools: list[_Tool] = []
    if env.get("WAYLAND_DISPLAY"):
        tools.append(_Tool("wl-copy", ("wl-copy",)))
    if env.get("DISPLAY"):
        tools.append(_Tool("xclip", ("xclip", "-selection", "clipboard")))
        tools.append(_Tool("xsel", ("xsel", "--clipboard", "--input")))
    if sys.platform == "darwin":
        tools.append(_Tool("pbcopy", ("pbcopy",)))
    if os.name == "nt" or _is_wsl():
        # clip.exe reads UTF-16LE when the input starts with the UTF-16LE byte order mark.
        tools.append(_Tool("clip.exe", ("clip.exe",), "utf-16-le", b"\xff\xfe"))
    return tools


def _run(tool: _Tool, text: str) -> str | None:
    """Feed *text* to *tool*; None on success, else a short reason."""
    exe = shutil.which(tool.argv[0]) or (shutil.which("clip") if tool.name == "clip.exe" else None)
    if exe is None:
        return "not installed"
    data = tool.bom + text.encode(tool.encoding)
    env = dict(os.environ)
    if tool.name == "pbcopy" and not env.get("LANG", "").lower().endswith(("utf-8", "utf8")):
        env["LANG"] = "en_US.UTF-8"  # pbcopy decodes its input by the locale
    try:
        err = tempfile.TemporaryFile()
    except OSError as exc:
        return _one_line(exc)
    with err:
        try:
            # xclip, xsel and wl-copy leave a child running to own the selection; it
            # inherits stdout/stderr, so those must not be pipes or we would wait for it.
            subprocess.run(
                [exe, *tool.argv[1:]],
                input=data,
                stdout=subprocess.DEVNULL,
                stderr=err,
                timeout=TIMEOUT_SECONDS,
                check=True,
                env=env,
                start_new_session=os.name == "posix",
            )
        except subprocess.TimeoutExpired:
            return f"timed out after {TIMEOUT_SECONDS:g} s"
        except subprocess.CalledProcessError as exc:
            return f"exit status {exc.returncode}{_first_line(_read_err(err))}"
        except (OSError, ValueError) as exc:
            return _one_line(exc)
    return None


def _read_err(err) -> str:
    """What a tool wrote to its (temporary-file) stderr; '' if unreadable."""
    try:
        err.seek(0)
        return err.read(2000).decode("utf-8", "replace")
    except (OSError, ValueError):
        return ""


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0].strip() if text.strip() else ""
    return f": {line}" if line else ""


def copy_to_system(text: str) -> ClipboardResult:
    """Put *text* on the system clipboard (first tool that works), and in tmux's buffer."""
    if os.environ.get(DISABLE_ENV, "").strip().lower() == "none":
        return ClipboardResult(False, None, f"system clipboard disabled ({DISABLE_ENV}=none)")
    used: list[str] = []
    failures: list[str] = []
    for tool in _candidates():
        reason = _run(tool, text)
        if reason is None:
            used.append(tool.name)
            break
        if reason != "not installed":
            failures.append(f"{tool.name}: {reason}")
    if os.environ.get("TMUX"):
        reason = _run(_Tool(TMUX, ("tmux", "load-buffer", "-")), text)
        if reason is None:
            used.append(TMUX)
        elif reason != "not installed":
            failures.append(f"{TMUX}: {reason}")
    if used:
        return ClipboardResult(True, " + ".join(used), "; ".join(failures))
    if failures:
        return ClipboardResult(False, None, f"system clipboard failed ({'; '.join(failures)})")
    return ClipboardResult(False, None, "no system clipboard found")


def describe(result: ClipboardResult, osc52_sent: bool) -> str:
    """One line for a notification. OSC 52 is never claimed to have worked: it cannot be confirmed."""
    if result.ok and result.tool == TMUX:
        tail = " and sent with OSC 52 (terminal support not confirmed)" if osc52_sent else ""
        return f"Copied to the tmux paste buffer{tail}"
    if result.ok:
        how = f"OSC 52 + {result.tool}" if osc52_sent else result.tool
        return f"Copied to the clipboard ({how})"
    if osc52_sent:
        return f"Sent with OSC 52 (terminal support not confirmed); {result.detail} — kept in clippings"
    return f"Not copied: {result.detail} — kept in clippings"
