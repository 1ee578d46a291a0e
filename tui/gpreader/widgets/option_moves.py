"""Moving the highlight of a results list from the search box above it."""

from __future__ import annotations

from textual.widgets import OptionList


def move_highlight(results: OptionList, step: int) -> None:
    """Move *results*' highlight by *step*, stopping at the first and last option."""
    if results.option_count:
        current = results.highlighted if results.highlighted is not None else -step
        results.highlighted = max(0, min(results.option_count - 1, current + step))
