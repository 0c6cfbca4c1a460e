"""Check every China–Russia figure in a text against the published tables.

Reads the tables only through dashboard.data (one consistent, hash-verified build) and judges
with the project's verdict rule (dashboard.schema.verdict). Deterministic and offline.
"""

import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dashboard import data
from dashboard.cache import per_build
from dashboard.charts.registry import PAGES_BY_ID, chart_for
from dashboard.check import evidence, match
from dashboard.check.extract import MAX_CLAIMS, Claim, Skipped, scan
from dashboard.check.match import Row
from dashboard.check.periods import Period, date_problem
from dashboard.schema import official as official_rule
from dashboard.schema.verdict import Figure, difference_pct, judge
from dashboard.schema.vocabulary import worst_tier

COLUMNS = (
    "quote",
    "start",
    "end",
    "text",
    "indicator",
    "economy",
    "reporter",
    "period",
    "period_start",
    "period_end",
    "value",
    "low",
    "high",
    "unit",
    "qualifier",
    "status",
    "attribution",
    "outcome",
    "verdict",
    "official_value",
    "official_low",
    "official_high",
    "official_unit",
    "official_period",
    "official_reporter",
    "official_kind",
    "official_obs_id",
    "official_source_id",
    "official_tier",
    "official_citation",
    "official_url",
    "difference_pct",
    "reason",
    "other_reporter_value",
    "other_reporter_source_id",
    "chart",
)
DERIVED_SOURCE = "derived-at-check"
GDP_MEASURE_RATIO = 2.5
GDP_ABOVE_RATIO = 1.5  # PPP puts China's and Russia's GDP 1.8 to 2.8 times the nominal one
SCALE_RATIO = 100.0  # a level this many times off the official one: its scale word is wrong
LEVEL_UNITS = ("USD bn", "bcm", "bcm/yr", "Mt")
STANDING = ("gas_pos_capacity",)
STATE_LOOKBACK = ("settlement",)  # "now 95 %": the latest published month, if recent enough
NOW_LOOKBACK = (
    3  # months before the text's month  # a built pipeline's capacity: checked without a date
)
CHECKED = "checked"
NOT_CHECKED = "found, not checked"
NOT_OURS = "not a China–Russia figure"
JUDGED = ("consistent", "approximate", "inconsistent", "target-met", "target-missed")
MAX_ROWS = 1500  # per text, every number listed: beyond, one row says how many more
NUMBER = re.compile(r"\d{1,3}(?:[\u00a0\u202f ]\d{3}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,]\d+)*")
YEAR_LIKE = re.compile(r"(?:1[89]|20)\d\d")
Looked = dict[tuple[Any, ...], tuple[Row | None, str]]
Gate = frozenset[tuple[str, str]]
REPORTER_NAMES = {"CHN": "China", "RUS": "Russia", "": ""}


@dataclass(frozen=True)
class Record:
    """The published tables, indexed for checking."""

    by_indicator: Mapping[str, Sequence[Row]]
    sources: Mapping[str, Row]
    events: Mapping[str, Row]


@per_build(size=1)
def record() -> Record:
    """The published tables (once per build)."""
    tables = data.load()
    grouped: defaultdict[str, list[Row]] = defaultdict(list)
    for row in data.records(tables.observations):
        grouped[str(row["indicator"])].append(row)
    sources = {str(r["source_id"]): r for r in data.records(tables.sources)}
    events = {str(r["event_id"]): r for r in data.records(tables.events)}
    return Record(dict(grouped), sources, events)


def check(
    text: str,
    published: date | None = None,
    limit: int | None = MAX_CLAIMS,
    gate: Gate = evidence.GATE,
) -> list[dict[str, Any]]:
    """One row per China–Russia figure found: the claim, the official figure and the verdict
    (outcome 'checked'), or why there is none (outcome 'found, not checked'). A claim with a
    part resolved by a path in `gate` gets none; its row keeps the path (key 'evidence',
    not exported).

    Raises ValueError (one line) for a publication date outside the sane range.
    """
    return _claims(text, published, limit, gate)[0]


def account(
    text: str, published: date | None = None, limit: int | None = MAX_CLAIMS
) -> list[dict[str, Any]]:
    """Every number in the text, in reading order: the checked and unchecked China–Russia
    figures of check(), the quantities found but not checked (with why), and every other
    number ('not a China–Russia figure'), so that a miss shows. At most MAX_ROWS rows of
    the last kind and of skipped quantities together; one last row counts the rest."""
    rows, skipped = _claims(text, published, limit, evidence.GATE)
    taken = sorted([(r["start"], r["end"]) for r in rows] + [(k.start, k.end) for k in skipped])
    numbers = _numbers(text, taken)
    extra = [_skipped_row(k) for k in skipped[:MAX_ROWS]]
    room = MAX_ROWS - len(extra)
    extra += [_other_row(*number, False) for number in numbers[:room]]
    rest = len(skipped) + len(numbers) - len(extra)
    if rest:
        extra.append(
            _other_row(len(text), len(text), "", f"{rest} more numbers, not listed", False)
        )
    return sorted([*rows, *extra], key=lambda r: (r["start"], r["end"]))


def _claims(
    text: str, published: date | None, limit: int | None, gate: Gate
) -> tuple[list[dict[str, Any]], list[Skipped]]:
    problem = date_problem(published)
    if problem:
        raise ValueError(problem)
    tables = record()
    claims, skipped = scan(text, published, limit)
    looked: Looked = {}  # one lookup per distinct claim key in a request
    return [_row(claim, tables, looked, gate) for claim in claims], skipped


def _numbers(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """The numbers outside every figure found (start, end, text, why not a figure): years
    and dates, or numbers without a unit the checker reads."""
    found = []
    spans = iter(taken)
    span = next(spans, None)
    for number in NUMBER.finditer(text):
        while span is not None and span[1] <= number.start():
            span = next(spans, None)
        if span is not None and span[0] < number.end():
            continue
        year = YEAR_LIKE.fullmatch(number.group()) is not None
        reason = "a year or date" if year else "no unit the checker reads next to it"
        found.append((number.start(), number.end(), number.group(), reason))
    return found


def _skipped_row(skipped: Skipped) -> dict[str, Any]:
    row = _other_row(skipped.start, skipped.end, skipped.text, skipped.reason, skipped.related)
    row.update(quote=skipped.quote, value=skipped.value, unit=skipped.unit)
    return row


def _other_row(start: int, end: int, text: str, reason: str, related: bool) -> dict[str, Any]:
    row: dict[str, Any] = {name: "" for name in COLUMNS}
    row.update(_blank())
    row.update(
        start=start,
        end=end,
        text=text,
        value=math.nan,
        low=math.nan,
        high=math.nan,
        outcome=NOT_CHECKED if related else NOT_OURS,
        reason=reason,
    )
    return row


def _row(claim: Claim, tables: Record, looked: Looked, gate: Gate) -> dict[str, Any]:
    row: dict[str, Any] = {
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "indicator": claim.indicator,
        "economy": claim.economy,
        "reporter": claim.reporter,
        "period": claim.period.label if claim.period else "",
        "period_start": claim.period.start.isoformat() if claim.period else "",
        "period_end": claim.period.end.isoformat() if claim.period else "",
        "value": claim.value,
        "low": _nan(claim.low),
        "high": _nan(claim.high),
        "unit": claim.unit,
        "qualifier": claim.qualifier,
        "status": claim.status,
        "attribution": claim.attribution,
    }
    row.update(_blank())
    row.update(_judged(claim, tables, looked, gate))
    row["outcome"] = CHECKED if row["verdict"] in JUDGED else NOT_CHECKED
    row["evidence"] = claim.evidence
    return row


def _judged(claim: Claim, tables: Record, looked: Looked, gate: Gate) -> dict[str, Any]:
    """The verdict columns of one claim."""
    row: dict[str, Any] = {}
    if claim.unit == "date":
        return _date_check(claim, tables)
    unresolved = _unresolved(claim) or evidence.withheld(claim.evidence, gate)
    if unresolved:
        return {"verdict": "unverified", "reason": unresolved}
    official, basis = _looked_up(claim, tables, looked)
    target = claim.status in ("target", "forecast")
    figure = None if official is None else _figure(official)
    claimed = Figure(
        claim.value, claim.qualifier, _nan(claim.low), _nan(claim.high), claim.precision
    )
    verdict, reason = judge(claimed, figure, target=target)
    if figure is not None and _off_scale(claim, figure):
        return {
            "verdict": "unverified",
            "reason": f"{claim.value / figure.value:.3g} times the official figure: a scale word"
            " (million, billion) misprinted or misread, not compared",
        }
    if figure is not None and _another_measure(claim, figure):
        return {
            "verdict": "unverified",
            "reason": f"{claim.value / figure.value:.2g} times the official GDP at market "
            "exchange rates: probably another measure (at purchasing power parity), not compared",
        }
    if official is None and not target and claim.period is not None:
        reason = _no_figure(claim, claim.period)
    if official is not None and figure is not None:
        row.update(_official_columns(official, tables))
        row["difference_pct"] = round(difference_pct(claimed, figure), 2)
    notes = [reason, basis]
    if official is not None and official.get("_inputs"):
        notes.append("the official growth is derived now from two official totals")
    if official is not None and _summed(official):
        notes.append(
            f"the official total is the sum of {_summed(official)} monthly figures, derived now"
        )
    if claim.status == "planned" and official is not None:
        notes.append("compared with the announced (planned) figure")
    row["verdict"] = verdict
    row["reason"] = "; ".join(n for n in notes if n)
    return row


def _summed(official: Row) -> int:
    """How many monthly figures an official total (or a growth's current total) sums."""
    inputs = official.get("_inputs") or (official,)
    return len(inputs[0].get("_months") or ())


def _looked_up(claim: Claim, tables: Record, looked: Looked) -> tuple[Row | None, str]:
    """The official row of a claim, looked up once per request for claims alike."""
    key = (claim.indicator, claim.economy, claim.reporter, claim.period, claim.status)
    if key not in looked:
        looked[key] = _official(claim, tables)
    return looked[key]


def _unresolved(claim: Claim) -> str:
    """Why a claim cannot be compared before any official figure is looked up, or ''."""
    if claim.doubt:
        return claim.doubt
    if claim.unit == "CNY bn":
        return "a yuan figure: the tables hold US-dollar series only, so it is not compared"
    if claim.period is not None or (
        claim.indicator.startswith(STANDING) and claim.status != "planned"
    ):
        return ""
    if claim.indicator.endswith("_capacity"):
        return (
            "no date stated: the capacity of a route not built yet is a plan that changed over"
            " time, so which one is meant is not resolved (a publication date resolves it)"
        )
    return "no period stated (a publication date resolves 'last year', 'this year')"


def _off_scale(claim: Claim, official: Figure) -> bool:
    """A level a hundred times or more off the official one ("$175 mln" of bilateral trade)."""
    if claim.unit not in LEVEL_UNITS or official.value <= 0 or claim.value <= 0:
        return False
    return not 1 / SCALE_RATIO < claim.value / official.value < SCALE_RATIO


def _another_measure(claim: Claim, official: Figure) -> bool:
    """A GDP far from the official one (1.5 times above it, where purchasing power parity puts
    it, or 2.5 times below) is another measure."""
    if claim.indicator != "gdp" or official.value <= 0:
        return False
    ratio = claim.value / official.value
    return not 1 / GDP_MEASURE_RATIO < ratio < GDP_ABOVE_RATIO


def _date_check(claim: Claim, tables: Record) -> dict[str, Any]:
    """A stated date against the dated event the project records."""
    if claim.doubt:
        return {"verdict": "unverified", "reason": claim.doubt}
    event = tables.events.get(match.EVENTS[claim.indicator])
    if event is None or claim.period is None:
        return {"verdict": "unverified", "reason": "no recorded date to compare with"}
    when = date.fromisoformat(str(event["date"]))
    inside = claim.period.start <= when <= claim.period.end
    source = tables.sources.get(str(event["source_id"]), {})
    if claim.status in ("target", "forecast"):  # "will reach full capacity in 2025": by then?
        met = when <= claim.period.end
        verdict = "target-met" if met else "target-missed"
        said = f"by the end of {claim.period.label}" if met else f"after {claim.period.label}"
    else:
        verdict = "consistent" if inside else "inconsistent"
        said = "within the stated date" if inside else f"not in {claim.period.label}"
    return {
        "verdict": verdict,
        "reason": f"{event['label']}: {when.isoformat()}, {said}",
        "official_period": when.isoformat(),
        "official_unit": "date",
        "official_kind": "event",
        "official_obs_id": event["event_id"],
        "official_source_id": event["source_id"],
        "official_citation": source.get("citation_full", ""),
        "official_url": source.get("url_main", ""),
        "chart": f"/gas?start={when.year - 3}&end={when.year + 3}&events=1#pos",
    }


def _blank() -> dict[str, Any]:
    return {
        name: math.nan
        if name.startswith(("official_value", "official_low", "official_high"))
        or name in ("difference_pct", "other_reporter_value")
        else ""
        for name in COLUMNS[COLUMNS.index("verdict") :]
    }


def _nan(value: float | None) -> float:
    return math.nan if value is None else value


def _figure(official: Row) -> Figure:
    return Figure(
        float(official["value"]),
        str(official["qualifier"]),
        float(official["value_low"]),
        float(official["value_high"]),
    )


def _official(claim: Claim, tables: Record) -> tuple[Row | None, str]:
    """The official row (derived here for growth rates) and the reporter rule applied."""
    base = claim.indicator.removesuffix("_yoy")
    rows = [r for r in tables.by_indicator.get(base, ()) if r["economy"] == claim.economy]
    status = claim.status
    chosen = match.choose(
        rows, claim.indicator, claim.reporter, claim.period, status, tables.sources
    )
    if chosen.official is None and _now_state(claim):
        chosen = _latest_month(rows, claim, tables) or chosen
    official = chosen.official
    if official is not None and claim.indicator.endswith("_yoy"):
        official = _growth(rows, official)
    basis = chosen.basis
    if chosen.other is not None and not claim.indicator.endswith("_yoy"):
        other = chosen.other
        basis += f"; {REPORTER_NAMES[other['reporter']]}-reported: {other['value']:g}"
        if official is not None:
            official = {**official, "_other": other}
    return official, basis


def _no_figure(claim: Claim, period: Period) -> str:
    part = "" if period.annual else ", a part of a year"
    reason = f"no official figure for {period.label}{part}"
    if _now_state(claim):
        reason += f" or the {NOW_LOOKBACK} months before it (the latest a 'now' is read as)"
    return reason


def _now_state(claim: Claim) -> bool:
    """'Now 95 % is settled in rubles and yuan': a settlement share said of the text's month."""
    return (
        claim.period is not None
        and claim.period.relation == "now"
        and claim.indicator.startswith(STATE_LOOKBACK)
    )


def _latest_month(rows: Sequence[Row], claim: Claim, tables: Record) -> match.Match | None:
    """The official figure of the latest month published within NOW_LOOKBACK months before
    the text's month, for a share said to hold 'now' (no figure exists for the text's own
    month); the month used is stated."""
    assert claim.period is not None
    month = claim.period.start
    for back in range(1, NOW_LOOKBACK + 1):
        first = date(month.year - (month.month <= back), (month.month - back - 1) % 12 + 1, 1)
        last = (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
        label = first.strftime("%Y-%m")
        period = Period(label, first, last)
        chosen = match.choose(
            rows, claim.indicator, claim.reporter, period, claim.status, tables.sources
        )
        if chosen.official is not None:
            basis = (
                f"'now' read as the latest published month, {label} ({back} month"
                f"{'s' if back > 1 else ''} before the text's date): no figure for "
                f"{claim.period.label} yet"
            )
            return match.Match(chosen.official, chosen.other, basis)
    return None


def _growth(rows: Sequence[Row], current: Row) -> Row | None:
    """Year-on-year growth computed now from two official totals, marked as derived."""
    before = match.previous_year(rows, current)
    if before is None:
        return None
    value = (float(current["value"]) / float(before["value"]) - 1) * 100
    return {
        **current,
        "value": value,
        "value_low": math.nan,
        "value_high": math.nan,
        "qualifier": "exact",
        "unit": "percent",
        "kind": "derived",
        "source_id": DERIVED_SOURCE,
        "obs_id": f"{current['obs_id']};{before['obs_id']}",
        "_inputs": (current, before),
    }


def _official_columns(official: Row, tables: Record) -> dict[str, Any]:
    columns = {
        "official_value": round(float(official["value"]), 4),
        "official_low": official["value_low"],
        "official_high": official["value_high"],
        "official_unit": official["unit"],
        "official_period": official["period"],
        "official_reporter": official["reporter"],
        "official_kind": official["kind"],
        "official_obs_id": official["obs_id"],
        "official_source_id": official["source_id"],
        "official_tier": worst_tier(
            t
            for r in official.get("_inputs") or (official,)
            if (t := official_rule.tier(r, tables.sources))
        ),
        "chart": _chart(str(official["indicator"]), str(official["period_start"])),
    }
    inputs = official.get("_inputs")
    if inputs:
        current, before = inputs
        columns["official_citation"] = (
            f"Derived at check time: {current['value']:g} ({current['period']}) / "
            f"{before['value']:g} ({before['period']}) − 1; inputs: "
            + "; ".join(_citation(r, tables) for r in inputs)
        )
        columns["official_url"] = tables.sources.get(str(current["source_id"]), {}).get(
            "url_main", ""
        )
    else:
        source = tables.sources.get(str(official["source_id"]), {})
        columns["official_citation"] = source.get("citation_full", "")
        columns["official_url"] = source.get("url_main", "")
    other = official.get("_other")
    if other is not None:
        columns["other_reporter_value"] = other["value"]
        columns["other_reporter_source_id"] = other["source_id"]
    return columns


def _citation(row: Row, tables: Record) -> str:
    source = tables.sources.get(str(row["source_id"]), {})
    return str(source.get("attribution_short") or row["source_id"])


def _chart(indicator: str, start: str) -> str:
    """A link to the chart that draws the indicator, around the official figure's year."""
    chart = chart_for(indicator)
    if chart is None:
        return ""
    year = int(start[:4])
    return f"{PAGES_BY_ID[chart.page].path}?start={year - 3}&end={year + 3}#{chart.chart_id}"
