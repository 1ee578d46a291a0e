"""SVG snapshot of the compare view on the fixture corpus (update: pytest --snapshot-update)."""

from __future__ import annotations

from tui_snapshot_app import SnapshotApp


def test_compare_view(snap_compare):
    """Years as columns, themes as rows; the 2014 commissioning proposal selected."""
    assert snap_compare(SnapshotApp(), press=["v", "l", "j"], terminal_size=(120, 40))
