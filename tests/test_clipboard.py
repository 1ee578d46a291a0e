"""Copying to the system clipboard: the text arrives intact, and failure never raises."""

import sys
from pathlib import Path

import pytest

from gpreader import clipboard
from gpreader.clipboard import ClipboardResult, copy_to_system, describe

TEXT = "\u2018It\u2019s just a matter of us working together\u2026\u2019 \u2014 Professor Clare Gerada (GP, Feb 2014)"

FAKE_TOOL = """#!{python}
import sys
from pathlib import Path
Path({out!r}).write_bytes(sys.stdin.buffer.read())
Path({args!r}).write_text(" ".join(sys.argv[1:]))
sys.stderr.write({err!r})
sys.exit({status})
"""


@pytest.fixture
def bin_dir(tmp_path, monkeypatch) -> Path:
    """An empty folder that is the whole PATH; no display, tmux or WSL hints."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX", "GPREADER_CLIPBOARD", "WSL_DISTRO_NAME", "WSL_INTEROP"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(clipboard, "_is_wsl", lambda: False)
    return folder


def fake_tool(folder: Path, name: str, status: int = 0, err: str = "", body: str | None = None) -> Path:
    """A script called *name* that saves its stdin to <name>.out and its arguments to <name>.args."""
    script = folder / name
    out, args = folder.parent / f"{name}.out", folder.parent / f"{name}.args"
    script.write_text(body or FAKE_TOOL.format(python=sys.executable, out=str(out), args=str(args), err=err, status=status))
    script.chmod(0o755)
    return out


def test_xclip_receives_the_exact_text(bin_dir, monkeypatch):
    monkeypatch.setenv("DISPLAY", ":99")
    out = fake_tool(bin_dir, "xclip")
    result = copy_to_system(TEXT)
    assert result == ClipboardResult(True, "xclip", "")
    assert out.read_bytes() == TEXT.encode("utf-8")
    assert (bin_dir.parent / "xclip.args").read_text() == "-selection clipboard"


def test_a_failing_tool_falls_through_to_the_next(bin_dir, monkeypatch):
    monkeypatch.setenv("DISPLAY", ":99")
    fake_tool(bin_dir, "xclip", status=1, err="Error: Can't open display: :99\n")
    out = fake_tool(bin_dir, "xsel")
    result = copy_to_system(TEXT)
    assert result.ok and result.tool == "xsel"
    assert "xclip: exit status 1: Error: Can't open display: :99" in result.detail
    assert out.read_bytes() == TEXT.encode("utf-8")
    assert (bin_dir.parent / "xsel.args").read_text() == "--clipboard --input"


def test_wayland_is_tried_first(bin_dir, monkeypatch):
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    xclip_out = fake_tool(bin_dir, "xclip")
    out = fake_tool(bin_dir, "wl-copy")
    assert copy_to_system(TEXT).tool == "wl-copy"
    assert out.read_bytes() == TEXT.encode("utf-8") and not xclip_out.exists()


def test_no_tools_on_path_is_ok_false_without_exception(bin_dir, monkeypatch):
    for name, value in (("DISPLAY", ":99"), ("WAYLAND_DISPLAY", "wayland-0"), ("TMUX", "/tmp/tmux-0/default,1,0")):
        monkeypatch.setenv(name, value)
    assert copy_to_system(TEXT) == ClipboardResult(False, None, "no system clipboard found")


def test_disabled_by_environment(bin_dir, monkeypatch):
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setenv("GPREADER_CLIPBOARD", "none")
    out = fake_tool(bin_dir, "xclip")
    result = copy_to_system(TEXT)
    assert not result.ok and result.tool is None and "GPREADER_CLIPBOARD=none" in result.detail
    assert not out.exists()


def test_a_hanging_tool_times_out(bin_dir, monkeypatch):
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setattr(clipboard, "TIMEOUT_SECONDS", 0.3)
    fake_tool(bin_dir, "xclip", body=f"#!{sys.executable}\nimport time\ntime.sleep(60)\n")
    result = copy_to_system(TEXT)
    assert not result.ok and "xclip: timed out" in result.detail


def test_clip_exe_gets_utf16le_on_wsl(bin_dir, monkeypatch):
    monkeypatch.setattr(clipboard, "_is_wsl", lambda: True)
    out = fake_tool(bin_dir, "clip.exe")
    assert copy_to_system(TEXT).tool == "clip.exe"
    assert out.read_bytes() == b"\xff\xfe" + TEXT.encode("utf-16-le")


def test_tmux_buffer_counts_as_a_place(bin_dir, monkeypatch):
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    out = fake_tool(bin_dir, "tmux")
    assert copy_to_system(TEXT) == ClipboardResult(True, "tmux", "")
    assert out.read_bytes() == TEXT.encode("utf-8")
    assert (bin_dir.parent / "tmux.args").read_text() == "load-buffer -"


def test_system_tool_and_tmux_together(bin_dir, monkeypatch):
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    fake_tool(bin_dir, "xclip")
    fake_tool(bin_dir, "tmux")
    assert copy_to_system(TEXT).tool == "xclip + tmux"


def test_describe_tells_the_truth_about_osc52():
    assert describe(ClipboardResult(True, "xclip", ""), True) == "Copied to the clipboard (OSC 52 + xclip)"
    assert describe(ClipboardResult(True, "xclip", ""), False) == "Copied to the clipboard (xclip)"
    assert describe(ClipboardResult(False, None, "no system clipboard found"), True) == (
        "Sent with OSC 52 (terminal support not confirmed); no system clipboard found \u2014 kept in clippings"
    )
    assert describe(ClipboardResult(False, None, "no system clipboard found"), False) == (
        "Not copied: no system clipboard found \u2014 kept in clippings"
    )
    assert describe(ClipboardResult(True, "tmux", ""), True) == (
        "Copied to the tmux paste buffer and sent with OSC 52 (terminal support not confirmed)"
    )
