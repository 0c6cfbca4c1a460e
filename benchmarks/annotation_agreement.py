"""Agreement between the corpus annotation and a blind second annotation of a sample of it.

Compares tests/check/corpus/second/mentions.csv (second annotator) with
tests/check/corpus/mentions.csv (first annotator) on the second file's mention ids. Prints
agreement and Cohen's kappa on the label and on the out-of-scope reason; on mentions both call
in scope, agreement on indicator, economy, period (exact and overlapping), value (within 0.5 %
relative), qualifier and status; the mentions only one of them calls in scope; and an upper
bound: of the first annotator's in-scope mentions, the share where the second agrees on
indicator, period and value (what a perfect second reader would score as right), with periods
compared exactly, by overlap, and as benchmarks/check_eval.py compares them (equal first and
last day; any period for a capacity); and the reverse share over the second's in-scope
mentions (a precision a perfect reader would get). `--details`
lists every disagreement. Run with `make annotation-agreement`.
"""

import argparse
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "check" / "corpus"
FIRST = CORPUS / "mentions.csv"
SECOND = CORPUS / "second" / "mentions.csv"
INDICATORS = ROOT / "datasets" / "tidy" / "indicators.csv"
TOLERANCE = 0.005  # relative difference within which two values agree
FIELDS = ("indicator", "economy", "period", "value", "qualifier", "status", "reporter")


def read(path: Path) -> pd.DataFrame:
    """A mentions file with every column as text (empty cells as "")."""
    return pd.read_csv(path, dtype=str, keep_default_na=False).set_index("mention_id")


def kappa(first: pd.Series, second: pd.Series) -> float:
    """Cohen's kappa of two raters' categories over the same items."""
    observed = float((first == second).mean())
    shares = pd.concat(
        [first.value_counts(normalize=True), second.value_counts(normalize=True)], axis=1
    )
    expected = float(shares.fillna(0.0).prod(axis=1).sum())
    return 1.0 if expected == 1.0 else (observed - expected) / (1.0 - expected)


def bounds(period: str) -> tuple[date, date]:
    """First and last day of a period `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a range `A/B`."""
    start, _, end = period.partition("/")
    return _span(start)[0], _span(end or start)[1]


def _span(part: str) -> tuple[date, date]:
    pieces = [int(p) for p in part.split("-")]
    if len(pieces) == 3:
        return date(*pieces), date(*pieces)
    if len(pieces) == 1:
        return date(pieces[0], 1, 1), date(pieces[0], 12, 31)
    year, month = pieces
    after = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, 1), after - timedelta(days=1)


def overlap(a: str, b: str) -> bool:
    if not a or not b:
        return a == b
    (a0, a1), (b0, b1) = bounds(a), bounds(b)
    return a0 <= b1 and b0 <= a1


def same_value(a: str, b: str) -> bool:
    if not a or not b:
        return a == b
    x, y = float(a), float(b)
    return abs(x - y) <= TOLERANCE * max(abs(x), abs(y))


def families() -> dict[str, str]:
    table = pd.read_csv(INDICATORS, dtype=str)
    family = dict(zip(table["indicator"], table["family"], strict=True))
    return family | {"gas_pos_start_date": "pos_dates", "gas_pos_full_capacity_date": "pos_dates"}


def family_of(indicator: str, family: dict[str, str]) -> str:
    return "growth" if indicator.endswith("_yoy") else family.get(indicator, "?")


def compare(first: pd.DataFrame, second: pd.DataFrame) -> pd.DataFrame:
    """One row per mention of the sample: both annotations side by side, and what agrees."""
    missing = second.index.difference(first.index)
    if len(missing):
        raise SystemExit(f"{SECOND}: ids not in {FIRST}: {', '.join(missing)}")
    both = first.loc[second.index].merge(
        second, left_index=True, right_index=True, suffixes=("_1", "_2")
    )
    for column in ("sentence_id", "value_text"):
        clash = both.index[both[f"{column}_1"] != both[f"{column}_2"]]
        if len(clash):
            raise SystemExit(f"{SECOND}: {column} differs from {FIRST} on {', '.join(clash)}")
    for column in (*FIELDS, "reason"):
        both[f"same_{column}"] = both[f"{column}_1"] == both[f"{column}_2"]
    both["same_period_overlap"] = [
        overlap(a, b) for a, b in zip(both["period_1"], both["period_2"], strict=True)
    ]
    both["same_period_scorer"] = [
        indicator.endswith("_capacity") or (bool(a) and bool(b) and bounds(a) == bounds(b))
        for indicator, a, b in zip(
            both["indicator_1"], both["period_1"], both["period_2"], strict=True
        )
    ]
    both["same_value"] = [
        same_value(a, b) for a, b in zip(both["value_1"], both["value_2"], strict=True)
    ]
    both["in_1"] = both["label_1"] == "in_scope"
    both["in_2"] = both["label_2"] == "in_scope"
    both["full"] = both["in_2"] & both["same_indicator"] & both["same_period"] & both["same_value"]
    both["full_overlap"] = (
        both["in_2"] & both["same_indicator"] & both["same_period_overlap"] & both["same_value"]
    )
    both["full_scorer"] = (
        both["in_2"] & both["same_indicator"] & both["same_period_scorer"] & both["same_value"]
    )
    return both


def share(flags: pd.Series) -> str:
    return f"{int(flags.sum())}/{len(flags)} = {flags.mean():.3f}" if len(flags) else "0/0"


def report(both: pd.DataFrame) -> None:
    print(f"Mentions compared: {len(both)} (first: {FIRST.name}, second: second/{SECOND.name})")
    for who in ("1", "2"):
        counts = both[f"label_{who}"].value_counts()
        print(f"Labels, annotator {who}:", ", ".join(f"{k} {v}" for k, v in counts.items()))
    same = both["label_1"] == both["label_2"]
    k = kappa(both["label_1"], both["label_2"])
    print(f"Label agreement: {share(same)}, Cohen's kappa {k:.2f}")
    print(pd.crosstab(both["label_1"], both["label_2"], rownames=["first"], colnames=["second"]))
    out = both[(both["label_1"] == "out_of_scope") & (both["label_2"] == "out_of_scope")]
    k = kappa(out["reason_1"], out["reason_2"])
    print(f"Reason agreement (both out of scope): {share(out['same_reason'])}, kappa {k:.2f}")
    fine_1 = both["label_1"].where(both["label_1"] != "out_of_scope", both["reason_1"])
    fine_2 = both["label_2"].where(both["label_2"] != "out_of_scope", both["reason_2"])
    print(
        f"Label with reason (all mentions): {share(fine_1 == fine_2)}, "
        f"kappa {kappa(fine_1, fine_2):.2f}"
    )
    inside = both[both["in_1"] & both["in_2"]]
    print(f"Both in scope: {len(inside)}")
    for column in ("indicator", "economy", "period", "period_overlap", "value", "qualifier"):
        print(f"  {column:15} {share(inside[f'same_{column}'])}")
    for column in ("status", "reporter"):
        print(f"  {column:15} {share(inside[f'same_{column}'])}")
    print(f"In scope for the first only: {int((both['in_1'] & ~both['in_2']).sum())}")
    print(f"In scope for the second only: {int((~both['in_1'] & both['in_2']).sum())}")
    first_in = both[both["in_1"]]
    print(
        "Upper bound (first's in-scope mentions where the second agrees on indicator, period "
        f"and value): {share(first_in['full'])}; period overlapping: "
        f"{share(first_in['full_overlap'])}; period as check_eval compares it: "
        f"{share(first_in['full_scorer'])}"
    )
    found = first_in["in_2"] & first_in["same_indicator"] & first_in["same_value"]
    print(f"  as check_eval's recall counts (indicator and value only): {share(found)}")
    family = families()
    by_family = first_in.groupby(first_in["indicator_1"].map(lambda i: family_of(i, family)))
    for name, rows in by_family:
        print(f"  {name:15} {share(rows['full'])}; overlapping {share(rows['full_overlap'])}")
    second_in = both[both["in_2"]]
    agreed = second_in["in_1"] & second_in["same_indicator"] & second_in["same_value"]
    print(
        "Reverse (second's in-scope mentions the first agrees on, as a precision a perfect "
        f"reader would get): {share(agreed & second_in['same_period'])}; period overlapping: "
        f"{share(agreed & second_in['same_period_overlap'])}; period as check_eval compares it: "
        f"{share(agreed & second_in['same_period_scorer'])}"
    )


def details(both: pd.DataFrame) -> None:
    """Every disagreement, grouped: label, reason, then each field on shared in-scope rows."""
    shown = ["value_text_1", "label_1", "label_2", "reason_1", "reason_2", "note_1", "note_2"]
    with pd.option_context("display.width", 250, "display.max_colwidth", 70):
        print("\n== Label ==")
        print(both.loc[both["label_1"] != both["label_2"], shown].to_string())
        out = both[(both["label_1"] == "out_of_scope") & (both["label_2"] == "out_of_scope")]
        print("\n== Reason ==")
        print(out.loc[~out["same_reason"], shown].to_string())
        inside = both[both["in_1"] & both["in_2"]]
        for column in FIELDS:
            wrong = inside[~inside[f"same_{column}"]]
            cols = ["value_text_1", f"{column}_1", f"{column}_2", "note_1", "note_2"]
            print(f"\n== {column} (both in scope) ==")
            print(wrong[cols].to_string() if len(wrong) else "none")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every disagreement")
    args = parser.parse_args()
    both = compare(read(FIRST), read(SECOND))
    report(both)
    if args.details:
        details(both)


if __name__ == "__main__":
    main()
