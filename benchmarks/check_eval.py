"""Evaluate the claim checker on its development set; prints figures, asserts nothing.

Sets: every statement quote in datasets/raw/statements (its figures from values.csv, plus the
hand-annotated extra figures of tests/check/devset/annotated_extra.csv), every article passage
in datasets/raw/articles (claims.csv, verdicts from datasets/tidy/claims_check.csv), and the
hand-written sentences (tests/check/devset/handwritten.csv), whose held-out part is reported
on its own. Statement quotes and article passages are fragments: each is checked after its
page's title (as a reader meets it), and only figures inside the quote are scored. Prints
precision and recall by indicator family, period and verdict agreement, and the time to
check a 1,000-word article. Run with `make check-eval`.
"""

import csv
import math
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dashboard.check.engine import check, record

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "datasets" / "raw"
DEVSET = ROOT / "tests" / "check" / "devset"
FAMILY_OF_PREFIX = (
    ("trade_share", "trade_shares"),
    ("trade_", "trade_volume"),
    ("settlement", "settlement"),
    ("gdp", "gdp"),
    ("gas", "gas"),
)


@dataclass(frozen=True)
class Expected:
    """One figure a human finds in the text."""

    indicator: str
    economy: str
    value: float
    period: str = ""  # a label, or "start/end" dates
    verdict: str = ""


@dataclass
class Case:
    """A text to check and the figures it holds."""

    case_id: str
    text: str
    published: date | None
    expected: list[Expected] = field(default_factory=list)
    headline: str = ""  # checked with the text as its context; figures in it are not scored


def family(indicator: str) -> str:
    """Indicator family; growth rates computed at check time are their own."""
    if indicator.endswith("_yoy"):
        return "growth (derived)"
    if indicator.endswith("_date"):
        return "gas (dates)"
    return next(name for prefix, name in FAMILY_OF_PREFIX if indicator.startswith(prefix))


def _date(text: str) -> date | None:
    if len(text) == 10:
        return date.fromisoformat(text)
    if len(text) == 7:
        return date.fromisoformat(text + "-15")
    return None


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def statement_cases() -> list[Case]:
    values = _rows(RAW / "statements" / "values.csv")
    extra = _rows(DEVSET / "annotated_extra.csv")
    cases = []
    for source in _rows(RAW / "statements" / "sources.csv"):
        sid = source["source_id"]
        expected = [
            Expected(
                v["indicator"],
                v["economy"],
                float(v["value"]),
                f"{v['period_start']}/{v['period_end']}",
            )
            for v in values
            if v["source_id"] == sid and v["value_text"]
        ]
        expected += [
            Expected(g["indicator"], g["economy"], float(g["value"]), g["period"])
            for g in extra
            if g["source_id"] == sid
        ]
        published = _date(source["date_published"])
        cases.append(Case(sid, source["quote"], published, expected, source["title"]))
    return cases


def article_cases() -> list[Case]:
    verdicts = {r["claim_id"]: r["verdict"] for r in _rows(ROOT / "datasets/tidy/claims_check.csv")}
    articles = {a["article_id"]: a for a in _rows(RAW / "articles" / "articles.csv")}
    claims = _rows(RAW / "articles" / "claims.csv")
    extra = _rows(DEVSET / "annotated_extra.csv")
    cases = []
    for passage in _rows(RAW / "articles" / "passages.csv"):
        expected = [
            Expected(
                c["indicator"],
                c["economy"],
                float(c["value"]),
                f"{c['period_start']}/{c['period_end']}",
                verdicts[c["claim_id"]],
            )
            for c in claims
            if c["source_id"] == passage["source_id"]
        ] + [
            Expected(g["indicator"], g["economy"], float(g["value"]), g["period"])
            for g in extra
            if g["source_id"] == passage["source_id"]
        ]
        article = articles[passage["article_id"]]
        published = _date(article["date_published"])
        cases.append(
            Case(passage["source_id"], passage["quote"], published, expected, article["title"])
        )
    return cases


def handwritten_cases(split: str) -> list[Case]:
    cases = []
    for row in _rows(DEVSET / "handwritten.csv"):
        if row["split"] != split:
            continue
        expected = []
        for item in filter(None, row["expected"].split(";")):
            indicator, economy, period, value, verdict = item.split("|")
            expected.append(Expected(indicator, economy, float(value), period, verdict))
        cases.append(Case(row["case_id"], row["text"], _date(row["date"]), expected))
    return cases


@dataclass
class Score:
    """Counts by family, and period and verdict agreement."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    period: list[bool] = field(default_factory=list)
    verdict: list[bool] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    negatives: int = 0
    negative_hits: int = 0


def _same(found: dict[str, Any], want: Expected) -> bool:
    value: float = found["value"]
    same_value = (
        math.isnan(value)
        if math.isnan(want.value)  # a date: the period says it
        else abs(value - want.value) <= 1e-6 * max(1.0, abs(want.value))
    )
    return found["indicator"] == want.indicator and found["economy"] == want.economy and same_value


def _period_ok(found: dict[str, Any], want: Expected) -> bool | None:
    if not want.period:
        return None
    if "/" in want.period:
        return f"{found['period_start']}/{found['period_end']}" == want.period
    return bool(found["period"] == want.period)


def score(cases: list[Case]) -> Score:
    result = Score()
    for case in cases:
        head = f"{case.headline}.\n\n" if case.headline else ""
        found = [f for f in check(head + case.text, case.published) if f["start"] >= len(head)]
        if not case.expected:
            result.negatives += 1
            result.negative_hits += bool(found)
        unmatched = list(found)
        for want in case.expected:
            hit = next((f for f in unmatched if _same(f, want)), None)
            if hit is None:
                result.fn[family(want.indicator)] += 1
                result.misses.append(
                    f"  missed {case.case_id}: {want.indicator} {want.value:g} {want.period}"
                )
                continue
            unmatched.remove(hit)
            result.tp[family(want.indicator)] += 1
            period = _period_ok(hit, want)
            if period is not None:
                result.period.append(period)
                if not period:
                    result.misses.append(
                        f"  period {case.case_id}: {want.indicator} {hit['period']!r} "
                        f"(expected {want.period})"
                    )
            if want.verdict:
                result.verdict.append(hit["verdict"] == want.verdict)
                if hit["verdict"] != want.verdict:
                    result.misses.append(
                        f"  verdict {case.case_id}: {want.indicator} {want.value:g} "
                        f"{hit['verdict']} (expected {want.verdict})"
                    )
        for extra in unmatched:
            result.fp[family(extra["indicator"])] += 1
            result.misses.append(
                f"  extra {case.case_id}: {extra['indicator']} {extra['value']:g} {extra['text']!r}"
            )
    return result


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def report(name: str, result: Score, details: bool) -> None:
    print(f"\n== {name}")
    print(f"  {'family':18} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7}")
    families = sorted(set(result.tp) | set(result.fp) | set(result.fn))
    for fam in [*families, "ALL"]:
        tp = sum(result.tp.values()) if fam == "ALL" else result.tp[fam]
        fp = sum(result.fp.values()) if fam == "ALL" else result.fp[fam]
        fn = sum(result.fn.values()) if fam == "ALL" else result.fn[fam]
        print(f"  {fam:18} {tp:4} {fp:4} {fn:4} {_ratio(tp, tp + fp):>9} {_ratio(tp, tp + fn):>7}")
    print(f"  period agrees: {sum(result.period)}/{len(result.period)}")
    print(f"  verdict agrees with the human: {sum(result.verdict)}/{len(result.verdict)}")
    if result.negatives:
        print(f"  negative texts with any output: {result.negative_hits}/{result.negatives}")
    if details:
        print("\n".join(result.misses))


def timing() -> None:
    started = time.perf_counter()
    record()
    load = time.perf_counter() - started
    sentences = [c.text for c in handwritten_cases("dev")] + [c.text for c in article_cases()]
    words: list[str] = []
    while len(words) < 1000:
        words.extend(" ".join(sentences).split())
    article = " ".join(words[:1000])
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        found = check(article, date(2024, 6, 1))
        runs.append(time.perf_counter() - started)
    print(
        f"\n== timing: a 1,000-word article ({len(found)} figures): median "
        f"{statistics.median(runs) * 1000:.0f} ms over 5 runs (target < 1000 ms); "
        f"loading the published tables once: {load * 1000:.0f} ms"
    )


def main() -> None:
    timing()
    details = True
    sets: dict[str, list[Case]] = defaultdict(list)
    sets["statements (datasets/raw/statements)"] = statement_cases()
    sets["article passages (datasets/raw/articles)"] = article_cases()
    sets["hand-written, dev"] = handwritten_cases("dev")
    development = [c for cases in sets.values() for c in cases]
    for name, cases in sets.items():
        report(name, score(cases), details)
    report("DEVELOPMENT, all of the above", score(development), False)
    if "--dev-only" not in sys.argv:
        for split in ("heldout", "heldout2"):
            report(f"HELD-OUT hand-written, {split}", score(handwritten_cases(split)), details)


if __name__ == "__main__":
    main()
