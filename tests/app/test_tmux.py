"""The real `gpreader` in a real terminal (tmux): open, jump to a speaker, copy via OSC 52."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

from gpreader.corpus import load_corpus
from gpreader.quotations import speaker_quotations
from gpreader.resources import bundled_seeds

GPREADER = Path(sys.executable).parent / "gpreader"
SEED_HEADLINE_STARTS = [
    "CCGs to jointly commission",
    "Merger of GP and community",
    "NHS chief calls for GPs",
    "Hospitals could run general",
    "GP contracts must change",
]
DEADLINE_SECONDS = 30.0
POLL_SECONDS = 0.1


class Tmux:
    """A tmux server of our own, on its own socket, with no user configuration."""

    def __init__(self) -> None:
        self.socket = f"gpreader-test-{os.getpid()}"

    def run(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True, text=True, timeout=10, check=False,
        )
        if check and done.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "gp")

    def wait_for(self, what: str, ready, read=None) -> str:
        """Poll until ready(text) is true; fail with the last screen after the deadline."""
        read = read or self.screen
        deadline = time.monotonic() + DEADLINE_SECONDS
        text = read()
        while not ready(text):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; last seen:\n{text}")
            time.sleep(POLL_SECONDS)
            text = read()
        return text

    def buffer(self) -> str:
        return self.run("show-buffer", check=False)

    def kill(self) -> None:
        """Stop the server and remove its socket file."""
        self.run("kill-server", check=False)
        folder = Path(os.environ.get("TMUX_TMPDIR") or "/tmp") / f"tmux-{os.getuid()}"
        (folder / self.socket).unlink(missing_ok=True)


def test_gpreader_in_tmux_copies_a_geddes_quote_with_osc52(tmp_path):
    assert GPREADER.exists(), f"console script missing: {GPREADER}"
    geddes = speaker_quotations(load_corpus(bundled_seeds()), "David Geddes")
    assert len(geddes) >= 2
    first_words = geddes[0][1].text[:30]
    second = geddes[1][1].text
    command = " ".join(
        [
            "env",
            "-u", "COLUMNS", "-u", "LINES",  # set by test tooling; they would fix the app's size
            f"GPREADER_DATA_DIR={shlex.quote(str(tmp_path / 'data'))}",
            "GPREADER_CLIPBOARD=none",
            shlex.quote(str(GPREADER)),
        ]
    )
    tmux = Tmux()
    try:
        tmux.run("new-session", "-d", "-s", "gp", "-x", "120", "-y", "40", command,
                 ";", "set-option", "-g", "set-clipboard", "on")
        tmux.wait_for("the five seed headlines", lambda s: all(h in s for h in SEED_HEADLINE_STARTS))
        tmux.run("send-keys", "-t", "gp", "s")
        tmux.wait_for("the speaker finder", lambda s: "Jump to speaker" in s)
        tmux.run("send-keys", "-t", "gp", "-l", "geddes")
        tmux.wait_for("Geddes in the finder", lambda s: "David Geddes" in s and "1 of" in s)
        tmux.run("send-keys", "-t", "gp", "Enter")
        tmux.wait_for("a quote of David Geddes", lambda s: first_words in s and "quotations" in s)
        tmux.run("send-keys", "-t", "gp", "n")
        tmux.run("send-keys", "-t", "gp", "c")
        copied = tmux.wait_for("the quote in tmux's buffer", lambda b: second in b, read=tmux.buffer)
        assert "David Geddes" in copied
        tmux.wait_for("the copy notification", lambda s: "OSC 52" in s)
    finally:
        tmux.kill()
