"""How a count reads: '1 proposal', '12,406 proposals' (thousands grouped, as everywhere)."""

from __future__ import annotations


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"
