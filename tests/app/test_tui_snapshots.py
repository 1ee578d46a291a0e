"""SVG snapshots of each screen, on the fixture corpus (update: pytest --snapshot-update)."""

from __future__ import annotations

from tui_snapshot_app import SnapshotApp


def test_main_screen_with_a_quote_selected(snap_compare):
    assert snap_compare(SnapshotApp(), press=["enter", "n", "n", "n"], terminal_size=(120, 36))


def test_main_screen_small(snap_compare):
    assert snap_compare(SnapshotApp(), press=["n"], terminal_size=(60, 20))


def test_speaker_finder(snap_compare):
    assert snap_compare(SnapshotApp(), press=["s", *"rcgp chair"], terminal_size=(120, 36))


def test_speaker_page(snap_compare):
    assert snap_compare(SnapshotApp(), press=["s", *"gerada", "enter"], terminal_size=(120, 36))


def test_help(snap_compare):
    assert snap_compare(SnapshotApp(), press=["question_mark"], terminal_size=(100, 50))
