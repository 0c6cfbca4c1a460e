"""Choose the official observation a found figure is compared with.

The reporter rule, written down once:

* When the text names a reporter ("according to China's customs", "Russia's customs
  service"), that reporter's figure is used, and only that reporter's.
* Otherwise bilateral trade flows (turnover, exports, imports and their growth) are compared
  with China's figure: China's customs publish the bilateral total every month and the
  published tables carry it to the latest year, while Russia's own series stops in 2020. When
  China has no figure for the period, Russia's is used. Either way the other reporter's figure
  is shown beside it.
* A share of Russia's trade is compared with Russia's own figures (trade with China over its
  trade with the world), a share of China's trade with China's; then with the mixed-source
  share where the same-reporter one is missing.
* Other indicators have no reporter.
* A part of a year ("January–October 2023") that no row covers is compared with the sum of
  the reporter's monthly figures over it, derived here, when every month is published
  (bilateral trade flows only: they add up; shares and settlement do not).
* Dates ("began in December 2019") are checked against the dated event the project records
  (EVENTS), not against a series.

Among the candidates of a reporter, the rule of dashboard/schema/official.py decides (the
build's claims_check.csv uses the same).
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dashboard.check.periods import Period
from dashboard.schema import official

Row = Mapping[str, Any]

EVENTS = {
    "gas_pos_start_date": "evt-pos-start",
    "gas_pos_full_capacity_date": "evt-pos-design-capacity",
}
FLOW_REPORTERS = ("CHN", "RUS")
SHARE_REPORTERS = {"trade_share_cn_in_ru_trade": "RUS", "trade_share_ru_in_cn_trade": "CHN"}


@dataclass(frozen=True)
class Match:
    """The official observation chosen, and the other reporter's for the same period."""

    official: Row | None
    other: Row | None = None
    basis: str = ""  # why this reporter, in words


def reporters(indicator: str, stated: str) -> tuple[tuple[str, ...], str]:
    """The reporters to try in order, and the rule applied, in words."""
    base = indicator.removesuffix("_yoy")
    if base.startswith("trade_share"):
        own = SHARE_REPORTERS[base]
        return (own, ""), "same-reporter share"
    if not base.startswith("trade_"):
        return ("",), ""
    if stated:
        return (stated,), f"{'China' if stated == 'CHN' else 'Russia'}-reported, as the text says"
    return FLOW_REPORTERS, "China-reported (the text names no reporter)"


def choose(
    rows: Sequence[Row],
    indicator: str,
    stated: str,
    period: Period | None,
    status: str,
    sources: Mapping[str, Row] | None = None,
) -> Match:
    """The official observation for a claim (rows: the observations of its indicator;
    sources: sources.csv by id, for the tiers)."""
    cited = sources or {}
    if indicator.endswith("_capacity"):
        end = period.end.isoformat() if period is not None else "9999-12-31"
        return Match(official.choose(rows, None, "0001-01-01", end, status, sources=cited))
    if period is None:
        return Match(None)
    order, basis = reporters(indicator, stated)
    for reporter in order:
        best = _best(rows, reporter, period, cited)
        if best is not None:
            other = _other(rows, reporter, period, cited) if reporter in FLOW_REPORTERS else None
            if reporter != order[0]:
                basis = f"{_label(reporter)} (no {_label(order[0])} figure for the period)"
            return Match(best, other, basis)
    return Match(None, None, basis)


def _label(reporter: str) -> str:
    return {"CHN": "China-reported", "RUS": "Russia-reported"}.get(reporter, "mixed-source")


def _other(
    rows: Sequence[Row], reporter: str, period: Period, sources: Mapping[str, Row]
) -> Row | None:
    other = "RUS" if reporter == "CHN" else "CHN"
    return _best(rows, other, period, sources)


def _best(
    rows: Sequence[Row], reporter: str, period: Period, sources: Mapping[str, Row]
) -> Row | None:
    start, end = period.start.isoformat(), period.end.isoformat()
    found = official.choose(rows, reporter, start, end, sources=sources)
    if found is None and rows and rows[0]["indicator"] in official.FLOWS:
        return months_sum(rows, reporter, period.start, period.end, period.label, sources)
    return found


def months_sum(
    rows: Sequence[Row],
    reporter: str,
    first: date,
    last: date,
    label: str,
    sources: Mapping[str, Row] | None = None,
) -> Row | None:
    """The sum of the reporter's official monthly figures from `first` to `last` (whole
    months, at least two, every one published), as a row derived now; else None."""
    if first.day != 1 or (last + timedelta(days=1)).day != 1 or last < first:
        return None
    months = []
    start = first
    while start <= last:
        end = (start + timedelta(days=31)).replace(day=1) - timedelta(days=1)
        row = official.choose(rows, reporter, start.isoformat(), end.isoformat(), sources=sources)
        if row is None:
            return None
        months.append(row)
        start = end + timedelta(days=1)
    if len(months) < 2:
        return None
    source_ids = sorted({s for r in months for s in _source_ids(r)})
    return {
        **months[-1],
        "value": sum(float(r["value"]) for r in months),
        "value_low": math.nan,
        "value_high": math.nan,
        "qualifier": "exact",
        "period": label,
        "period_start": first.isoformat(),
        "period_end": last.isoformat(),
        "frequency": "year_to_date",
        "kind": "derived",
        "obs_id": ";".join(str(r["obs_id"]) for r in months),
        "input_source_ids": ";".join(source_ids),
        "_months": tuple(months),
    }


def _source_ids(row: Row) -> list[str]:
    inputs = str(row.get("input_source_ids") or "")
    return inputs.split(";") if inputs else [str(row["source_id"])]


def _year_before(last: date) -> date:
    """The last day of the same month a year earlier."""
    return (date(last.year - 1, last.month, 1) + timedelta(days=31)).replace(day=1) - timedelta(
        days=1
    )


def previous_year(rows: Sequence[Row], row: Row) -> Row | None:
    """The same series one year earlier: same source where it has one, else same kind (for
    a sum of months, the sum of the same months)."""
    if row.get("_months"):
        first, last = date.fromisoformat(row["period_start"]), date.fromisoformat(row["period_end"])
        before = (first.replace(year=first.year - 1), _year_before(last))
        label = str(row["period"]).replace(str(first.year), str(first.year - 1))
        return months_sum(rows, str(row["reporter"]), *before, label)
    year = int(row["period_start"][:4]) - 1
    start = f"{year}{row['period_start'][4:]}"
    end = f"{int(row['period_end'][:4]) - 1}{row['period_end'][4:]}"
    candidates = [
        r
        for r in rows
        if r["kind"] in official.KIND_ORDER
        and r["status"] == "reported"
        and r["reporter"] == row["reporter"]
        and r["period_start"] == start
        and r["period_end"] == end
    ]
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda r: (
            r["source_id"] != row["source_id"],
            r["kind"] != row["kind"],
            official.KIND_ORDER[r["kind"]],
            r["source_id"],
        ),
    )
