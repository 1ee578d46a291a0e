"""Score proposal detection and theming against the hand labels (tests/gold/proposals.json).

A gold proposal is *found* when a detected proposal of the same article and paragraph overlaps
where the gold ``text`` (the opening words of its sentence) lies; each detected proposal
matches at most one gold proposal. Detection: recall = gold found / gold, precision = detected
that match some gold / detected. Theming is scored on (proposal, theme) pairs of the matched
proposals: recall = gold pairs detected / gold pairs, precision = detected pairs in gold /
detected pairs. Also reported: proponent and quoted/reported agreement on matched proposals.

    .venv/bin/python tests/corpus/proposal_scoring.py            # Markdown table
    .venv/bin/python tests/corpus/proposal_scoring.py --details  # plus every miss
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold" / "proposals.json"


@dataclass
class Score:
    gold: int = 0
    detected: int = 0
    found: int = 0  # gold proposals matched
    correct: int = 0  # detected proposals that match a gold one
    theme_gold: int = 0
    theme_detected: int = 0
    theme_right: int = 0
    proponent_right: int = 0
    quoted_right: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    theme_misses: list[str] = field(default_factory=list)
    theme_extras: list[str] = field(default_factory=list)
    proponent_wrong: list[str] = field(default_factory=list)

    @staticmethod
    def ratio(part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    @property
    def recall(self) -> float:
        return self.ratio(self.found, self.gold)

    @property
    def precision(self) -> float:
        return self.ratio(self.correct, self.detected)

    @property
    def theme_recall(self) -> float:
        return self.ratio(self.theme_right, self.theme_gold)

    @property
    def theme_precision(self) -> float:
        return self.ratio(self.theme_right, self.theme_detected)


def load_gold(path: Path = GOLD) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def score(corpus, proposals, gold: dict) -> Score:
    """Compare *proposals* (of *corpus*) with the gold labels."""
    result = Score()
    articles = {g["article"] for g in gold["proposals"]}
    detected = [p for p in proposals if p.article_id in articles]
    result.gold, result.detected = len(gold["proposals"]), len(detected)
    used: set[int] = set()
    for g in gold["proposals"]:
        article = corpus.article(g["article"])
        par_index = g["paragraph"] - 1
        par = article.paragraphs[par_index] if article and par_index < len(article.paragraphs) else ""
        at = par.find(g["text"])
        label = f"{g['article'][:3]} ¶{g['paragraph']} {g['text']!r}"
        match = None
        for i, p in enumerate(detected):
            if i in used or p.article_id != g["article"] or p.paragraph != par_index or at < 0:
                continue
            if p.start < at + len(g["text"]) and at < p.end:
                match = i
                break
        if match is None:
            result.misses.append(label)
            continue
        used.add(match)
        p = detected[match]
        result.found += 1
        gold_themes, got = set(g["themes"]), set(p.themes)
        result.theme_gold += len(gold_themes)
        result.theme_detected += len(got)
        result.theme_right += len(gold_themes & got)
        result.theme_misses += [f"{label}: {t}" for t in sorted(gold_themes - got)]
        result.theme_extras += [f"{label}: {t} ({', '.join(s for s in p.signals if s in _signals_of(t))})" for t in sorted(got - gold_themes)]
        if p.proponent == g["proponent"]:
            result.proponent_right += 1
        else:
            result.proponent_wrong.append(f"{label}: {p.proponent!r}, gold {g['proponent']!r}")
        result.quoted_right += p.quoted == g["quoted"]
    result.correct = len(used)
    result.extras = [
        f"{p.article_id[:3]} ¶{p.paragraph + 1} {p.short!r} [{p.trigger}]" for i, p in enumerate(detected) if i not in used
    ]
    return result


_THEME_SIGNALS: dict[str, set[str]] = {}


def _signals_of(theme_id: str) -> set[str]:
    return _THEME_SIGNALS.get(theme_id, set())


def run(themes=None) -> tuple[Score, list]:
    """Load the seeds, find their proposals and score them."""
    from gpreader.corpus import load_corpus
    from gpreader.corpus.proposals import find_proposals
    from gpreader.corpus.themes import default_themes
    from gpreader.resources import bundled_seeds

    themes = themes if themes is not None else default_themes()
    _THEME_SIGNALS.update({t.id: set(t.signals) for t in themes})
    corpus = load_corpus(bundled_seeds())
    proposals = find_proposals(corpus, themes)
    return score(corpus, proposals, load_gold()), proposals


def table(s: Score) -> str:
    pct = lambda x: f"{100 * x:.1f}%"  # noqa: E731
    rows = [
        "| measure | gold | detected | right | precision | recall |",
        "|---|---:|---:|---:|---:|---:|",
        f"| proposal detection | {s.gold} | {s.detected} | {s.found} | {pct(s.precision)} | {pct(s.recall)} |",
        f"| theming (proposal, theme) pairs | {s.theme_gold} | {s.theme_detected} | {s.theme_right} | {pct(s.theme_precision)} | {pct(s.theme_recall)} |",
        "",
        f"Of {s.found} proposals found: proponent right {s.proponent_right} ({pct(s.ratio(s.proponent_right, s.found))}), "
        f"quoted/reported right {s.quoted_right} ({pct(s.ratio(s.quoted_right, s.found))}).",
    ]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every miss and extra")
    args = parser.parse_args(argv)
    s, _ = run()
    print(table(s))
    if args.details:
        for title, items in (
            ("Gold proposals missed", s.misses),
            ("Detected, not in gold", s.extras),
            ("Themes missed", s.theme_misses),
            ("Themes not in gold", s.theme_extras),
            ("Proponent differs", s.proponent_wrong),
        ):
            print(f"\n### {title} ({len(items)})")
            for item in items:
                print(f"- {item}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "tui"))
    sys.exit(main())
