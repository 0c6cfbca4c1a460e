"""Evaluate the claim checker on its development sets and on real text; prints, asserts nothing.

Sets: every statement quote in datasets/raw/statements (its figures from values.csv, plus the
hand-annotated extra figures of tests/check/devset/annotated_extra.csv), every article passage
in datasets/raw/articles (claims.csv, verdicts from datasets/tidy/claims_check.csv), and the
hand-written sentences (tests/check/devset/handwritten.csv), whose held-out part is reported
on its own. Statement quotes and article passages are fragments: each is checked after its
page's title (as a reader meets it), and only figures inside the quote are scored. Prints
precision and recall by indicator family, period and verdict agreement, and the time to
check a 1,000-word article. Run with `make check-eval`.

The corpus of real news sentences (tests/check/corpus, split once by page) is scored per
mention: recall, precision of verdicts, verdicts on not-a-claim and out-of-scope numbers, and
scale errors. `--split dev` (the default) scores its development half, `--split test` the
old test half (scored once, then seen: details are printed for it too), `--split all` both;
`--split holdout` the held-out set of the second pass (scored once at the end of its stop,
then seen: now development text, details printed); `--split final` the held-out set of the
third pass (scored once, at 50c849c, then seen: now development text, details printed);
`--split fourth` the held-out set of the fourth pass (scored once, at afbbc34, then seen: now
development text, details printed); `--split fifth` the held-out set of the fifth pass (scored
once, at d0b6810, then seen: now development text, details printed). A next held-out set gets
its summary only until scored.
"""

import argparse
import csv
import math
import statistics
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
CORPUS = ROOT / "tests" / "check" / "corpus"
VERDICTS = frozenset(
    ("consistent", "approximate", "inconsistent", "target-met", "target-missed")
)  # any other verdict (unverified, pending, ...) is "found, not checked"
FAMILY_OF_PREFIX = (
    ("trade_share", "trade_shares"),
    ("trade_", "trade_volume"),
    ("settlement", "settlement"),
    ("gdp", "gdp"),
    ("gas", "gas"),
)


CORPUS_SPLITS = {  # split: (heading, per-mention details printed); details once a split is seen
    "dev": ("development half (tests/check/corpus)", True),
    "test": ("old test half (seen: now development text)", True),
    "holdout": ("second-pass held-out set (scored once, then seen: now development text)", True),
    "final": ("third-pass held-out set (scored once, then seen: now development text)", True),
    "fourth": (
        "fourth-pass held-out set (scored once at afbbc34, then seen: now development text)",
        True,
    ),
    "fifth": (
        "fifth-pass held-out set (scored once at d0b6810, then seen: now development text)",
        True,
    ),
}


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
    return next(
        (name for prefix, name in FAMILY_OF_PREFIX if indicator.startswith(prefix)), "other"
    )


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


@dataclass(frozen=True)
class Mention:
    """One annotated figure mention of the corpus, located in its sentence."""

    mention_id: str
    label: str  # in_scope, out_of_scope, not_a_claim
    start: int
    end: int
    indicator: str = ""
    economy: str = ""
    period: tuple[date, date] | None = None
    value: float = math.nan
    reason: str = ""


@dataclass
class Sentence:
    """A corpus sentence, its page date and its annotated mentions."""

    sentence_id: str
    text: str
    published: date | None
    mentions: list[Mention]


def period_bounds(label: str) -> tuple[date, date]:
    """First and last day of 'YYYY', 'YYYY-MM', 'YYYY-MM-DD', or 'A/B' (A's first to B's last)."""
    first, _, last = label.partition("/")
    return _bounds(first)[0], _bounds(last or first)[1]


def _bounds(part: str) -> tuple[date, date]:
    if len(part) == 4:
        return date(int(part), 1, 1), date(int(part), 12, 31)
    if len(part) == 7:
        year, month = int(part[:4]), int(part[5:])
        following = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), date.fromordinal(following.toordinal() - 1)
    return date.fromisoformat(part), date.fromisoformat(part)


def corpus_sentences(split: str) -> list[Sentence]:
    """One split's corpus sentences (dev, test, holdout, final, fourth), mentions by value_text."""
    mentions: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _rows(CORPUS / "mentions.csv"):
        mentions[row["sentence_id"]].append(row)
    sentences = []
    for row in _rows(CORPUS / "sentences.csv"):
        if row["split"] != split:
            continue
        text = row["text"]
        cursor: dict[str, int] = {}
        located: list[Mention] = []
        for m in mentions[row["sentence_id"]]:
            start = text.index(m["value_text"], cursor.get(m["value_text"], 0))
            cursor[m["value_text"]] = start + len(m["value_text"])
            located.append(
                Mention(
                    m["mention_id"],
                    m["label"],
                    start,
                    start + len(m["value_text"]),
                    m["indicator"],
                    m["economy"],
                    period_bounds(m["period"]) if m["period"] else None,
                    float(m["value"]) if m["value"] else math.nan,
                    m["reason"],
                )
            )
        published = _date(row["published"]) if row["published"] else None
        sentences.append(Sentence(row["sentence_id"], text, published, located))
    return sentences


@dataclass
class CorpusScore:
    """Per-family counts on real sentences, and verdicts where none should be."""

    mentions: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    hits: Counter[str] = field(default_factory=Counter)
    verdicts: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    scale_errors: Counter[str] = field(default_factory=Counter)
    period: list[bool] = field(default_factory=list)
    negatives: Counter[str] = field(default_factory=Counter)  # mentions by label or reason
    negative_verdicts: Counter[str] = field(default_factory=Counter)
    unannotated_verdicts: int = 0
    crashes: int = 0  # passages the checker raised on; their mentions count as missed
    notes: list[str] = field(default_factory=list)


def _close(a: float, b: float) -> bool:
    """Equal values; a date claim has none on either side (its period says it)."""
    if math.isnan(b):
        return math.isnan(a)
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _scale_error(value: float, want: float) -> bool:
    """Off by a power of a thousand (10^3, 10^6, ...): a scale word bound to the wrong number."""
    if not value or not want or math.isnan(value) or math.isnan(want):
        return False
    power = math.log10(abs(value / want))
    return abs(power) >= 2.5 and abs(power / 3 - round(power / 3)) < 0.02


def _row_period(row: dict[str, Any]) -> tuple[date, date] | None:
    if not row["period_start"]:
        return None
    return date.fromisoformat(row["period_start"]), date.fromisoformat(row["period_end"])


def _period_right(row: dict[str, Any], want: Mention) -> bool:
    """The same period; a capacity is a standing figure, so any stated period will do."""
    return want.indicator.endswith("_capacity") or _row_period(row) == want.period


def _label(period: tuple[date, date] | None) -> str:
    return f"{period[0]}/{period[1]}" if period else "no period"


def _aligned(row: dict[str, Any], mentions: list[Mention]) -> Mention | None:
    """The mention whose value text the checker's span overlaps most."""
    overlaps = [(min(row["end"], m.end) - max(row["start"], m.start), m) for m in mentions]
    best = max(overlaps, default=(0, None), key=lambda pair: pair[0])
    return best[1] if best[0] > 0 else None


def _right(row: dict[str, Any], want: Mention) -> bool:
    return (
        want.label == "in_scope"
        and row["indicator"] == want.indicator
        and row["economy"] == want.economy
        and _period_right(row, want)
        and _close(row["value"], want.value)
    )


def score_corpus(sentences: list[Sentence]) -> CorpusScore:
    result = CorpusScore()
    for sentence in sentences:
        by_mention: dict[str, list[dict[str, Any]]] = defaultdict(list)
        try:
            rows = check(sentence.text, sentence.published)
        except Exception as error:  # a crash is a finding, not the end of the evaluation
            result.crashes += 1
            result.notes.append(f"  CRASH {sentence.sentence_id}: {error!r}")
            rows = []
        for row in rows:
            want = _aligned(row, sentence.mentions)
            if want is not None:
                by_mention[want.mention_id].append(row)
            if row["verdict"] in VERDICTS:
                _score_verdict(result, sentence.sentence_id, row, want)
        for want in sentence.mentions:
            _score_mention(result, sentence.sentence_id, want, by_mention[want.mention_id])
    return result


def _score_verdict(
    result: CorpusScore, sentence_id: str, row: dict[str, Any], want: Mention | None
) -> None:
    fam = family(str(row["indicator"]))
    if want is None:
        result.unannotated_verdicts += 1
        result.verdicts[fam] += 1
        result.notes.append(
            f"  verdict on an unannotated number {sentence_id}: "
            f"{row['text']!r} {row['indicator']} {row['verdict']}"
        )
    elif want.label != "in_scope":
        key = want.reason or want.label
        result.negative_verdicts[key] += 1
        result.notes.append(
            f"  verdict on {key} {want.mention_id}: {row['text']!r} "
            f"{row['indicator']} {row['verdict']}"
        )
    else:
        result.verdicts[fam] += 1
        if _right(row, want):
            result.right[fam] += 1
            return
        result.notes.append(
            f"  wrong verdict {want.mention_id}: {row['text']!r} {row['indicator']} "
            f"{row['economy']} {row['period']!r} {row['value']:g} {row['verdict']} "
            f"(expected {want.indicator} {want.economy} {_label(want.period)} {want.value:g})"
        )


def _score_mention(
    result: CorpusScore, sentence_id: str, want: Mention, found: list[dict[str, Any]]
) -> None:
    if want.label != "in_scope":
        result.negatives[want.reason or want.label] += 1
        return
    fam = family(want.indicator)
    result.mentions[fam] += 1
    result.found[fam] += bool(found)
    result.scale_errors[fam] += any(_scale_error(r["value"], want.value) for r in found)
    hit = next(
        (r for r in found if r["indicator"] == want.indicator and _close(r["value"], want.value)),
        None,
    )
    if hit is None:
        got = "; ".join(f"{r['indicator']} {r['value']:g}" for r in found) or "nothing"
        result.notes.append(
            f"  missed {want.mention_id} {sentence_id}: {want.indicator} {want.value:g} "
            f"(found {got})"
        )
        return
    result.hits[fam] += 1
    result.period.append(_period_right(hit, want))
    if not result.period[-1]:
        result.notes.append(
            f"  period {want.mention_id} {sentence_id}: {want.indicator} {hit['period']!r} "
            f"{hit['period_start']}/{hit['period_end']} (expected {_label(want.period)})"
        )


def report_corpus(name: str, result: CorpusScore, details: bool) -> None:
    print(f"\n== {name}")
    print(
        f"  {'family':18} {'mentions':>8} {'found':>5} {'recall':>6} {'verdicts':>8} "
        f"{'right':>5} {'precision':>9} {'scale err':>9}"
    )
    families = sorted(set(result.mentions) | set(result.verdicts))
    for fam in [*families, "ALL"]:

        def total(counter: Counter[str], fam: str = fam) -> int:
            return sum(counter.values()) if fam == "ALL" else counter[fam]

        n, hits, verdicts = total(result.mentions), total(result.hits), total(result.verdicts)
        print(
            f"  {fam:18} {n:8} {total(result.found):5} {_ratio(hits, n):>6} {verdicts:8} "
            f"{total(result.right):5} {_ratio(total(result.right), verdicts):>9} "
            f"{total(result.scale_errors):9}"
        )
    print(f"  period agrees (on recalled mentions): {sum(result.period)}/{len(result.period)}")
    print(f"  verdicts on numbers the annotation does not cover: {result.unannotated_verdicts}")
    print(f"  passages the checker raised an exception on: {result.crashes}")
    print("  verdicts where there should be none (mentions with a verdict / mentions):")
    for key in sorted(result.negatives):
        print(f"    {key:22} {result.negative_verdicts[key]:3} / {result.negatives[key]}")
    if details:
        print("\n".join(result.notes))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        choices=(*CORPUS_SPLITS, "all"),
        default="dev",
        help="corpus split to score",
    )
    parser.add_argument(
        "--dev-only", action="store_true", help="skip the held-out hand-written sets"
    )
    args = parser.parse_args()
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
    if not args.dev_only:
        for split in ("heldout", "heldout2"):
            report(f"HELD-OUT hand-written, {split}", score(handwritten_cases(split)), details)
    for split, (heading, split_details) in CORPUS_SPLITS.items():
        if args.split == split or (args.split == "all" and split in ("dev", "test")):
            scores = score_corpus(corpus_sentences(split))
            report_corpus(f"REAL TEXT, {heading}", scores, details and split_details)


if __name__ == "__main__":
    main()
