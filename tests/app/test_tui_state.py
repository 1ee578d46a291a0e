"""Nothing is lost: copying in awkward places, a damaged clippings file, a read-only folder.

The clipboard tools are fakes on an otherwise empty PATH; the environment says where we
are (tmux, SSH, a display or none). Every copy also sends OSC 52 (``app.clipboard``).
"""

from __future__ import annotations

import os
import sys

import pytest

from tui_helpers import notified, screen_text, selected_text

from gpreader import clipboard
from gpreader.app import GPReaderApp
from gpreader.clippings import ClippingStore

SIZE = (120, 40)
TOOL = """#!{python}
import sys, time
data = sys.stdin.buffer.read()
open({out!r}, "wb").write(data)
sys.stderr.write({err!r})
sys.exit({status})
"""


@pytest.fixture
def bin_dir(tmp_path, monkeypatch):
    """PATH is one empty folder; no display, no tmux, no WSL; system tools switched on."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX", "GPREADER_CLIPBOARD", "SSH_CONNECTION", "SSH_TTY",
                 "WSL_DISTRO_NAME", "WSL_INTEROP"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(clipboard, "_is_wsl", lambda: False)
    return folder


def tool(folder, name: str, status: int = 0, err: str = ""):
    """A fake clipboard tool that keeps what it is given in <name>.out."""
    out = folder.parent / f"{name}.out"
    script = folder / name
    script.write_text(TOOL.format(python=sys.executable, out=str(out), err=err, status=status))
    script.chmod(0o755)
    return out


async def copy_second_quote(app, pilot) -> str:
    await pilot.press("n", "n", "c")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return selected_text(app)


SETUPS = {
    # name: (environment, tools {name: (status, stderr)}, the notification says, kept?, tools given the text)
    "tmux without set-clipboard": (
        {"TMUX": "/tmp/tmux-0/default,1,0"}, {"tmux": (0, "")},
        "Copied to the tmux paste buffer and sent with OSC 52 (terminal support not confirmed) — kept in clippings",
        True, ["tmux"]),
    "tmux with no server": (
        {"TMUX": "/tmp/tmux-0/gone,1,0"}, {"tmux": (1, "no server running on /tmp/tmux-0/gone\n")},
        "Sent with OSC 52 (terminal support not confirmed); system clipboard failed "
        "(tmux: exit status 1: no server running on /tmp/tmux-0/gone) — kept in clippings",
        True, []),
    "ssh, no display": (
        {"SSH_CONNECTION": "10.0.0.1 5000 10.0.0.2 22", "SSH_TTY": "/dev/pts/3"}, {"xclip": (0, "")},
        "Sent with OSC 52 (terminal support not confirmed); no system clipboard found — kept in clippings",
        True, []),  # xclip is not even tried
    "a display that cannot be opened": (
        {"DISPLAY": ":99"}, {"xclip": (1, "Error: Can't open display: :99\n")},
        "Sent with OSC 52 (terminal support not confirmed); system clipboard failed "
        "(xclip: exit status 1: Error: Can't open display: :99) — kept in clippings",
        True, []),
    "no clipboard tool installed": (
        {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, {},
        "Sent with OSC 52 (terminal support not confirmed); no system clipboard found — kept in clippings",
        True, []),
    "a working xclip": (
        {"DISPLAY": ":0"}, {"xclip": (0, "")}, "Copied to the clipboard (OSC 52 + xclip)", False, ["xclip"]),
}


@pytest.mark.parametrize("setup", SETUPS)
async def test_copying_tells_the_truth_and_keeps_the_quote(setup, bin_dir, corpus, monkeypatch):
    environment, tools, expected, kept, received = SETUPS[setup]
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    outputs = {name: tool(bin_dir, name, status, err) for name, (status, err) in tools.items()}
    app = GPReaderApp(corpus)
    async with app.run_test(size=SIZE) as pilot:
        quote = await copy_second_quote(app, pilot)
        assert app.is_running
        assert app.clipboard.startswith(f"‘{quote}’ — Dr Mike Bewick")  # OSC 52 was sent
        assert expected in notified(app)
        assert [c.text for c in ClippingStore().load()] == ([quote] if kept else [])
        for name, out in outputs.items():
            if name in received:
                assert out.read_text(encoding="utf-8") == app.clipboard  # the exact text
            elif tools[name][0] == 0:
                assert not out.exists()  # a tool that does not fit here is not run


async def test_a_damaged_clippings_file_is_moved_aside_said_and_a_fresh_one_started(corpus, private_environment):
    private_environment.mkdir()
    (private_environment / "clippings.json").write_text('[{"text": "half a cl', encoding="utf-8")
    app = GPReaderApp(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        [aside] = [p for p in private_environment.iterdir() if p.name.startswith("clippings.json.corrupt-")]
        message = notified(app)
        assert "clippings.json: not valid JSON" in message and f"moved it aside to {aside}" in message
        assert aside.read_text(encoding="utf-8") == '[{"text": "half a cl'  # kept, untouched
        await pilot.press("n", "a")
        await pilot.pause()
        assert "Added to clippings (1 kept)" in notified(app)
    assert len(ClippingStore().load()) == 1


def _make_read_only(folder) -> None:
    """chmod 500; as root (which ignores it) also turn the lock file into a folder."""
    os.chmod(folder, 0o500)
    if os.access(folder, os.W_OK):
        os.chmod(folder, 0o700)
        lock = folder / "clippings.json.lock"
        lock.unlink(missing_ok=True)
        lock.mkdir()


async def test_a_read_only_data_folder_is_a_warning_and_reading_goes_on(corpus, private_environment):
    ClippingStore().load()
    private_environment.mkdir()
    _make_read_only(private_environment)
    try:
        app = GPReaderApp(corpus)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert f"{private_environment} cannot be written to" in notified(app)
            assert "reading and copying work" in notified(app)
            await pilot.press("enter", "n", "n", "n")
            await pilot.pause()
            assert "[@click=app.quit]quit[/]" in screen_text(app)  # still reading
            await pilot.press("a")
            await pilot.pause()
            assert "Cannot save clipping" in notified(app)
            await pilot.press("c")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.clipboard.startswith("‘Money is there.")  # copying still works
            assert "could not be kept in clippings" in notified(app)
            assert app.is_running
    finally:
        os.chmod(private_environment, 0o700)
