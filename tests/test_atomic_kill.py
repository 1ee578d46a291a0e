"""A writer killed with SIGKILL at any point leaves the old file or the new one, never half.

A child process writes with the real ``write_atomic`` (and the real clippings store). In the
first test it stops right after one step — temp file created, written, fsynced, renamed —
and is killed there; in the second it adds clippings in a loop and is killed at random
moments. Either way the file left behind parses, as the old or the new contents.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gpreader.atomic import write_atomic
from gpreader.clippings import ClippingStore

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

OLD = json.dumps({"version": "old", "pad": "o" * 50_000}) + "\n"
NEW = json.dumps({"version": "new", "pad": "n" * 200_000}) + "\n"

STOP_AFTER = """
import os, sys
from gpreader.atomic import write_atomic
path, step = sys.argv[1], sys.argv[2]
def stop_after(name, real):
    def step_then_stop(*args, **kwargs):
        result = real(*args, **kwargs)
        if name == step:
            print(name, flush=True)
            sys.stdin.readline()  # wait here to be killed
        return result
    return step_then_stop
os.open = stop_after("open", os.open)
os.write = stop_after("write", os.write)
os.fsync = stop_after("fsync", os.fsync)
os.replace = stop_after("replace", os.replace)
write_atomic(path, open(sys.argv[3], encoding="utf-8").read())
print("done", flush=True)
"""

ADD_FOREVER = """
import os, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from test_clippings import make_clip
from gpreader.clippings import ClippingStore
store = ClippingStore(Path(sys.argv[1]))
print("ready", flush=True)
n = int(sys.argv[3])
while True:
    clip = make_clip(0)
    clip.start, clip.end = n, n + 1
    store.add(clip)
    n += 1
"""


def child(script: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)


def new_text(folder: Path) -> str:
    source = folder / "new.txt"
    source.write_text(NEW, encoding="utf-8")
    return str(source)


def kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize(("step", "expected"), [("write", "old"), ("fsync", "old"), ("replace", "new")])
def test_killed_after_each_step_of_an_atomic_write(tmp_path, step, expected):
    target = tmp_path / "clippings.json"
    write_atomic(target, OLD)
    proc = child(STOP_AFTER, str(target), step, new_text(tmp_path))
    assert proc.stdout.readline().strip() == step  # it has done that step, and no more
    kill(proc)
    left = target.read_text(encoding="utf-8")
    assert left == {"old": OLD, "new": NEW}[expected], f"neither the old nor the new file: {left[:80]!r}…"


def test_killed_just_after_creating_the_temp_file(tmp_path):
    target = tmp_path / "settings.json"
    write_atomic(target, OLD)
    proc = child(STOP_AFTER, str(target), "open", new_text(tmp_path))
    assert proc.stdout.readline().strip() == "open"
    kill(proc)
    assert target.read_text(encoding="utf-8") == OLD


def test_clippings_survive_a_writer_killed_at_random_moments(tmp_path):
    path = tmp_path / "data" / "clippings.json"
    rng = random.Random(20140204)
    tests_dir = str(Path(__file__).parent)
    seen = 0
    for run in range(12):
        proc = child(ADD_FOREVER, str(path), tests_dir, str(run * 100_000))
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.25))
        kill(proc)
        store = ClippingStore(path)
        clips = store.load()
        assert store.warnings == []  # never a damaged file
        assert len(clips) >= seen  # nothing that was saved is lost
        seen = len(clips)
        assert len({c.key for c in clips}) == len(clips)
    assert seen > 0  # the writers did get some clippings saved
    extra = store.load()[0]
    extra.start, extra.end = -2, -1
    assert ClippingStore(path).add(extra)  # the lock of a killed writer does not block
