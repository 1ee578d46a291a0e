"""In a real terminal (tmux, set-clipboard on), escape sequences in an article's title and
file name are shown, not obeyed: tmux's paste buffer and the pane title stay untouched."""

from __future__ import annotations

import base64
import json
import shlex

from test_tmux import GPREADER, Tmux

PAYLOAD = "PWNED-BY-ARTICLE"
OSC52 = f"\x1b]52;c;{base64.b64encode(PAYLOAD.encode()).decode()}\x07"
HEADLINE = f"Head {OSC52} \x1b]2;{PAYLOAD}-TITLE\x07 \x1b]8;;https://x.y\x1b\\link\x1b]8;;\x1b\\ [bold]end"


def test_escape_sequences_in_titles_are_not_obeyed_by_a_real_terminal(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    name = "a_\x1b]52;c;UFdORUQ=\x07"  # an OSC 52 in the file name as well
    (folder / f"{name}.txt").write_text(
        "Plain\n\nDr Jane Smith said: ‘Words [@click=app.quit]quit[/] here.’\n", encoding="utf-8")
    (folder / "catalog.toml").write_text(
        f"[articles.{json.dumps(name)}]\nheadline = {json.dumps(HEADLINE)}\noutlet = \"Out\"\n", encoding="utf-8")
    command = " ".join([
        "env", "-u", "COLUMNS", "-u", "LINES",
        f"GPREADER_DATA_DIR={shlex.quote(str(tmp_path / 'data'))}", "GPREADER_CLIPBOARD=none",
        shlex.quote(str(GPREADER)), shlex.quote(str(folder)),
    ])
    tmux = Tmux()
    try:
        tmux.run("new-session", "-d", "-s", "gp", "-x", "120", "-y", "40", command,
                 ";", "set-option", "-g", "set-clipboard", "on")
        tmux.wait_for("the headline, escapes visible", lambda s: "Head ␛]52;c;" in s and "[bold]end" in s)
        tmux.run("send-keys", "-t", "gp", "Enter")
        tmux.wait_for("the article", lambda s: "[@click=app.quit]quit[/]" in s)
        tmux.run("send-keys", "-t", "gp", "n")
        tmux.wait_for("a selected quote", lambda s: "Quote 1 of 1" in s)
        assert PAYLOAD not in tmux.buffer()
        assert PAYLOAD not in tmux.run("display-message", "-p", "-t", "gp", "#{pane_title}")
        assert tmux.run("display-message", "-p", "-t", "gp", "#{pane_dead}").strip() == "0"  # still running
    finally:
        tmux.kill()
