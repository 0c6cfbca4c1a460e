"""Which evidence paths the checker's verdicts take, right and wrong, and the verdict gate
chosen leave-one-split-out over the seen corpus splits; prints, asserts nothing.

Every seen split (never one not yet scored) is checked once with no gate. A verdict is right
when it is on an in-scope mention and indicator, economy, period and value agree with the
annotation (check_eval's rule); "strict" precision counts every other verdict as wrong,
"eval" precision is check_eval's (verdicts on out-of-scope and not-a-claim mentions left
out). A gate is a set of (part, path) conditions of dashboard.check.evidence; a claim meeting
any of them is found, not checked. For each split left out, the gate is chosen on the other
splits alone, then the left-out split is scored with it. Rules: `paths` (default) takes every
condition whose verdicts on the others have strict precision below --target with at least
--least wrong; `subset` takes the set reaching --target on the others that withholds the fewest
right verdicts; --gate part=path,... scores a fixed gate instead (the same for every split).
Run: `make check-gate` (ARGS="--paths --wrong" adds the table of paths and the wrong verdicts).
"""

import argparse
import itertools
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_eval import (  # noqa: E402  (a sibling script, not a package)
    CORPUS_SPLITS,
    VERDICTS,
    Mention,
    _aligned,
    _close,
    _right,
    corpus_sentences,
)

from dashboard.check import evidence  # noqa: E402
from dashboard.check.engine import check  # noqa: E402

SEEN = ("dev", "test", "holdout", "final", "fourth")  # scored and tuned on: development text
Gate = frozenset[tuple[str, str]]


@dataclass(frozen=True)
class Verdict:
    """One verdict the checker gives without a gate, and whether it is right."""

    split: str
    keys: frozenset[tuple[str, str]]  # the (part, path) pairs of its evidence
    right: bool
    counted: bool  # in check_eval's precision (on an in-scope or unannotated number)
    mention: str  # the in-scope mention it is the found figure of, or ''
    note: str


@dataclass
class Split:
    verdicts: list[Verdict]
    mentions: int  # in-scope mentions
    found: set[str]  # in-scope mentions found with the right indicator and value


def _keys(found: evidence.Evidence) -> frozenset[tuple[str, str]]:
    return frozenset((part, getattr(found, part)) for part in evidence.PARTS)


def collect(split: str) -> Split:
    result = Split([], 0, set())
    for sentence in corpus_sentences(split):
        rows = check(sentence.text, sentence.published, gate=frozenset())
        result.mentions += sum(m.label == "in_scope" for m in sentence.mentions)
        for row in rows:
            want: Mention | None = _aligned(row, sentence.mentions)
            hit = (
                want is not None
                and want.label == "in_scope"
                and row["indicator"] == want.indicator
                and _close(row["value"], want.value)
            )
            if hit and want is not None:
                result.found.add(want.mention_id)
            if row["verdict"] not in VERDICTS:
                continue
            right = want is not None and _right(row, want)
            label = "unannotated" if want is None else want.label
            note = (
                f"{sentence.sentence_id} {row['text']!r} {row['indicator']} {row['period']} "
                f"[{label}] {row['evidence']}"
            )
            mention = want.mention_id if hit and want is not None else ""
            keys = _keys(row["evidence"])
            counted = want is None or want.label == "in_scope"
            result.verdicts.append(Verdict(split, keys, right, counted, mention, note))
    return result


def kept(verdicts: list[Verdict], gate: Gate) -> list[Verdict]:
    return [v for v in verdicts if not v.keys & gate]


def precision(verdicts: list[Verdict]) -> float:
    return sum(v.right for v in verdicts) / len(verdicts) if verdicts else 1.0


def eval_precision(verdicts: list[Verdict]) -> float:
    """check_eval's precision: verdicts on out-of-scope and not-a-claim mentions left out."""
    return precision([v for v in verdicts if v.counted])


def choose(verdicts: list[Verdict], candidates: list[tuple[str, str]], target: float) -> Gate:
    """The gate reaching the target precision that withholds the fewest right verdicts."""
    best: tuple[int, int, Gate] | None = None
    for size in range(len(candidates) + 1):
        for gate in map(frozenset, itertools.combinations(candidates, size)):
            left = kept(verdicts, gate)
            if precision(left) < target:
                continue
            cost = sum(v.right for v in verdicts) - sum(v.right for v in left)
            if best is None or (cost, size) < best[:2]:
                best = (cost, size, gate)
    return best[2] if best else frozenset(candidates)


def weak_paths(
    verdicts: list[Verdict], candidates: list[tuple[str, str]], target: float, least: int = 2
) -> Gate:
    """Every condition whose own verdicts fall below the target precision (and that many
    wrong at least)."""
    gate = set()
    for key in candidates:
        with_it = [v for v in verdicts if key in v.keys]
        wrong = sum(not v.right for v in with_it)
        if wrong >= least and precision(with_it) < target:
            gate.add(key)
    return frozenset(gate)


def paths(verdicts: list[Verdict]) -> None:
    """Right and wrong verdicts by the path each part took."""
    table: dict[tuple[str, str], Counter[bool]] = defaultdict(Counter)
    by_split: dict[tuple[str, str, str], Counter[bool]] = defaultdict(Counter)
    for v in verdicts:
        for key in v.keys:
            table[key][v.right] += 1
            by_split[(*key, v.split)][v.right] += 1
    print(f"\n  {'part':10} {'path':17} {'right':>5} {'wrong':>5} {'precision':>9}")
    for (part, path), count in sorted(table.items()):
        if by_split:
            per = " ".join(
                f"{n}:{by_split[(part, path, n)][True]}/{by_split[(part, path, n)][False]}"
                for n in SEEN
            )
        else:
            per = ""
        total = count[True] + count[False]
        print(
            f"  {part:10} {path or '-':17} {count[True]:5} {count[False]:5} "
            f"{count[True] / total:9.2f}  {per}"
        )


def _scores(split: Split, verdicts: list[Verdict]) -> tuple[float, float, float]:
    """Strict and check_eval precision, and the share of found mentions given a verdict."""
    given = {v.mention for v in verdicts if v.mention} & split.found
    share = len(given) / len(split.found) if split.found else 1.0
    return precision(verdicts), eval_precision(verdicts), share


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=float, default=0.95, help="precision on the others")
    parser.add_argument("--rule", choices=("paths", "subset"), default="paths")
    parser.add_argument("--parts", nargs="*", help="the parts a gate may name (default: all)")
    parser.add_argument("--least", type=int, default=2, help="paths rule: wrong verdicts")
    parser.add_argument("--gate", help="a fixed gate: part=path,... ('' for none)")
    parser.add_argument("--paths", action="store_true", help="print right/wrong by path")
    parser.add_argument("--wrong", action="store_true", help="list the wrong verdicts")
    args = parser.parse_args()
    assert set(SEEN) <= set(CORPUS_SPLITS)
    splits = {name: collect(name) for name in SEEN}
    everything = [v for s in splits.values() for v in s.verdicts]
    if args.paths:
        paths(everything)
    if args.wrong:
        print("\n".join(f"  {v.split}: {v.note}" for v in everything if not v.right))
    candidates = [k for k in sorted(evidence.REASONS) if not args.parts or k[0] in args.parts]

    def pick(verdicts: list[Verdict], candidates: list[tuple[str, str]], target: float) -> Gate:
        if args.gate is not None:  # a fixed gate, the same for every split (chosen beforehand)
            return frozenset(
                (c.split("=", 1)[0], c.split("=", 1)[1]) for c in args.gate.split(",") if c
            )
        if args.rule == "paths":
            return weak_paths(verdicts, candidates, target, args.least)
        return choose(verdicts, candidates, target)

    print(
        f"\n{'left out':9} {'mentions':>8} {'found':>5} {'recall':>6} | no gate: {'verdicts':>8} "
        f"{'strict':>6} {'eval':>5} {'given':>5} | gate: {'verdicts':>8} {'strict':>6} "
        f"{'eval':>5} {'given':>5} | gate chosen on the others"
    )
    rows = []
    for name, split in splits.items():
        others = [v for n, s in splits.items() if n != name for v in s.verdicts]
        gate = pick(others, candidates, args.target)
        left = kept(split.verdicts, gate)
        row = (
            len(split.found) / split.mentions,
            *_scores(split, split.verdicts),
            *_scores(split, left),
        )
        rows.append(row)
        conditions = ", ".join(f"{p}={w}" for p, w in sorted(gate)) or "none"
        print(
            f"{name:9} {split.mentions:8} {len(split.found):5} {row[0]:6.2f} | "
            f"{len(split.verdicts):17} {row[1]:6.2f} {row[2]:5.2f} {row[3]:5.2f} | "
            f"{len(left):14} {row[4]:6.2f} {row[5]:5.2f} {row[6]:5.2f} | {conditions}"
        )
    means = [sum(r[i] for r in rows) / len(rows) for i in range(len(rows[0]))]
    print(
        f"{'mean':9} {'':8} {'':5} {means[0]:6.2f} | {'':17} {means[1]:6.2f} {means[2]:5.2f} "
        f"{means[3]:5.2f} | {'':14} {means[4]:6.2f} {means[5]:5.2f} {means[6]:5.2f} |"
    )
    print(
        "strict: right verdicts / all verdicts; eval: check_eval's precision (verdicts on "
        "out-of-scope and not-a-claim mentions left out); given: share of the found in-scope "
        "mentions given a verdict"
    )
    final = pick(everything, candidates, args.target)
    print(f"\ngate chosen on all five: {', '.join(f'{p}={w}' for p, w in sorted(final))}")


if __name__ == "__main__":
    main()
