"""Score the quote engine against the hand annotation of the seeds (tests/gold/seeds.json).

A gold quote is *found* when the engine has a quote with the same article, paragraph,
start and end (exact boundaries). Per kind: recall (gold quotes found), precision (engine
quotes that are gold quotes) and speaker accuracy (found quotes with the gold speaker).

Regenerate the README figures with::

    .venv/bin/python tests/corpus/gold_scoring.py            # Markdown table
    .venv/bin/python tests/corpus/gold_scoring.py --details  # plus every miss
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parent.parent / "gold"
GOLD_QUOTES = GOLD_DIR / "seeds.json"
GOLD_PARAGRAPHS = GOLD_DIR / "seeds_paragraphs.json"
KINDS = ("full", "partial", "fragment")

Key = tuple[str, int, int, int]


def load_gold(path: Path = GOLD_QUOTES) -> dict:
    """The gold annotation: {"version", "conventions", "quotes": [...], "notes": [...]}."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def load_gold_paragraphs(path: Path = GOLD_PARAGRAPHS) -> dict[str, list[str]]:
    """The cleaned paragraphs the gold offsets refer to: article id -> paragraphs."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def key(quote: dict) -> Key:
    """(article, 1-based paragraph, start, end) of a gold or engine quote as JSON."""
    return (quote["article"], quote["paragraph"], quote["start"], quote["end"])


def engine_quotes(corpus, articles: set[str]) -> list[dict]:
    """The engine's article-body quotes of *articles*, as ``Quote.to_json()`` dicts."""
    return [
        q.to_json() for q in corpus.quotes()
        if q.article_id in articles and not getattr(q, "in_comments", False)
    ]


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _row(gold: list[dict], engine: list[dict], matches: dict[Key, dict]) -> dict:
    """Counts and ratios for one kind (gold quotes of that kind, engine quotes of that kind)."""
    found = [g for g in gold if key(g) in matches]
    speaker_right = [g for g in found if matches[key(g)]["speaker"] == g["speaker"]]
    kind_right = [g for g in found if matches[key(g)]["kind"] == g["kind"]]
    # an engine quote is correct if it is some gold quote (of any kind); a duplicate is not
    correct = {key(e) for e in engine if key(e) in matches}
    return {
        "gold": len(gold),
        "found": len(found),
        "recall": _ratio(len(found), len(gold)),
        "engine": len(engine),
        "correct": len(correct),
        "precision": _ratio(len(correct), len(engine)),
        "speaker_right": len(speaker_right),
        "speaker_accuracy": _ratio(len(speaker_right), len(found)),
        "kind_right": len(kind_right),
        "kind_accuracy": _ratio(len(kind_right), len(found)),
    }


def _split_groups(gold: list[dict], matches: dict[Key, dict]) -> tuple[int, list[dict]]:
    """Gold quotations over several paragraphs, and those whose found parts the engine splits."""
    groups: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for g in gold:
        groups[(g["article"], g["group"])].append(g)
    multi = [sorted(parts, key=lambda g: g["part"]) for parts in groups.values() if len(parts) > 1]
    split = []
    for parts in multi:
        got = [matches.get(key(g)) for g in parts]
        whole = all(got) and len({e["group"] for e in got}) == 1 and [e["part"] for e in got] == [
            g["part"] for g in parts
        ]
        if not whole:
            split.append({**parts[0], "got_parts": [
                None if e is None else {"group": e["group"], "part": e["part"]} for e in got
            ]})
    return len(multi), split


def score(corpus, gold: dict | list[dict]) -> dict:
    """Score *corpus*'s quotes against *gold* (the seeds.json dict or its quote list).

    Only articles that have gold quotes are scored; quotes in reader comments are ignored.
    """
    gold_quotes = list(gold["quotes"] if isinstance(gold, dict) else gold)
    articles = {g["article"] for g in gold_quotes}
    engine = engine_quotes(corpus, articles)
    by_key = {key(e): e for e in engine}
    gold_keys = {key(g) for g in gold_quotes}
    matches = {key(g): by_key[key(g)] for g in gold_quotes if key(g) in by_key}

    result: dict = {"by_kind": {}}
    for kind in KINDS:
        result["by_kind"][kind] = _row(
            [g for g in gold_quotes if g["kind"] == kind],
            [e for e in engine if e["kind"] == kind],
            matches,
        )
    result["overall"] = _row(gold_quotes, engine, matches)
    result["missing"] = [
        {**g, "near": [e for e in engine if _overlaps(e, g)]}
        for g in gold_quotes if key(g) not in matches
    ]
    result["unmatched"] = [e for e in engine if key(e) not in gold_keys]
    result["wrong_speaker"] = [
        {**g, "expected": g["speaker"], "got": matches[key(g)]["speaker"]}
        for g in gold_quotes if key(g) in matches and matches[key(g)]["speaker"] != g["speaker"]
    ]
    result["wrong_kind"] = [
        {**g, "expected": g["kind"], "got": matches[key(g)]["kind"]}
        for g in gold_quotes if key(g) in matches and matches[key(g)]["kind"] != g["kind"]
    ]
    result["continued"], result["split_groups"] = _split_groups(gold_quotes, matches)
    return result


def _overlaps(a: dict, b: dict) -> bool:
    return (
        a["article"] == b["article"] and a["paragraph"] == b["paragraph"]
        and a["start"] < b["end"] and b["start"] < a["end"]
    )


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def format_table(result: dict) -> str:
    """The score as a Markdown table, one row per kind and one for all quotes."""
    lines = [
        "| kind | gold | found (exact) | recall | engine | precision | speaker right | kind right |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    rows = [*((k, result["by_kind"][k]) for k in KINDS), ("all", result["overall"])]
    for name, r in rows:
        lines.append(
            f"| {name} | {r['gold']} | {r['found']} | {_pct(r['recall'])} | {r['engine']} | "
            f"{_pct(r['precision'])} | {_pct(r['speaker_accuracy'])} | {_pct(r['kind_accuracy'])} |"
        )
    kept = result["continued"] - len(result["split_groups"])
    lines.append("")
    lines.append(f"Quotations continued over paragraphs kept whole: {kept}/{result['continued']}.")
    return "\n".join(lines)


def describe(quote: dict) -> str:
    """One readable line naming a quote: article, paragraph, offsets and the text's start."""
    text = quote["text"] if len(quote["text"]) <= 60 else quote["text"][:60] + "…"
    return f"{quote['article']} ¶{quote['paragraph']} [{quote['start']}:{quote['end']}] {text!r}"


def describe_missing(result: dict, kinds: tuple[str, ...] = KINDS) -> list[str]:
    lines = []
    for g in result["missing"]:
        if g["kind"] not in kinds:
            continue
        near = "; ".join(f"engine has [{e['start']}:{e['end']}] {e['text'][:40]!r}" for e in g["near"])
        lines.append(f"missing {g['kind']}: {describe(g)} ({g['speaker']})" + (f" — {near}" if near else ""))
    return lines


def describe_wrong_speakers(result: dict, kinds: tuple[str, ...] = KINDS) -> list[str]:
    return [
        f"wrong speaker ({w['kind']}): {describe(w)}: expected {w['expected']!r}, got {w['got']!r}"
        for w in result["wrong_speaker"] if w["kind"] in kinds
    ]


def describe_unmatched(result: dict) -> list[str]:
    return [f"not a gold quote ({e['kind']}, {e['speaker']}): {describe(e)}" for e in result["unmatched"]]


def describe_problems(result: dict) -> str:
    """Every miss, wrong speaker, extra quote, wrong kind and split quotation, one per line."""
    lines = describe_missing(result) + describe_wrong_speakers(result) + describe_unmatched(result)
    lines += [f"kind {w['expected']} read as {w['got']}: {describe(w)}" for w in result["wrong_kind"]]
    lines += [f"continued quotation split: {describe(s)} parts {s['got_parts']}" for s in result["split_groups"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the quote engine against the gold seeds.")
    parser.add_argument("--details", action="store_true", help="also list every miss")
    args = parser.parse_args(argv)
    from gpreader.corpus import load_corpus
    from gpreader.resources import bundled_seeds

    result = score(load_corpus(bundled_seeds()), load_gold())
    print(format_table(result))
    if args.details:
        problems = describe_problems(result)
        print("\n" + (problems or "No misses."))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
