"""Transforms of one series, as plain lists in time order: change on the previous period,
an index (= 100 in a base year), per person, and monthly values summed to calendar years or
to 12-month rolling totals. Pure functions; an undefined value is NaN. Which periods are
adjacent, which months make a rolling window and the change in percent are defined once, in
dashboard.schema.windows, which the pipeline's derived rows use too."""

import math
from collections.abc import Mapping, Sequence

from dashboard.schema.windows import (
    MONTH,
    change_percent,
    defined,
    previous_period,
    rolling_windows,
)

NAN = math.nan
LEVEL = "level"
LABELS = {  # transform id -> what the chart says it shows
    LEVEL: "Level",
    "pct_change": "% change on the previous period",
    "index": "Index",
    "per_capita": "Per person",
    "annual": "Calendar-year totals of the months",
    "rolling_12m": "12-month rolling totals",
}
# the words of a label a phone shows in the transform control (the rest is hidden there)
ON_PHONES = {"pct_change": "% change", "annual": "Calendar-year", "rolling_12m": "12-month rolling"}
ALWAYS = (LEVEL, "pct_change", "index")
MONTHLY = ("annual", "rolling_12m")  # offered where a chart has monthly points
PER_PERSON = {  # unit -> (its size in units of the result, the result's unit)
    "USD bn": (1e9, "USD per person"),
    "USD million": (1e6, "USD per person"),
    "USD mn": (1e6, "USD per person"),
    "bcm": (1e9, "m³ per person"),
}


def control_label(transform: str) -> tuple[str, str]:
    """A transform's name in its control, split into what phones show and the rest."""
    whole = LABELS[transform]
    shown = ON_PHONES.get(transform, whole)
    return shown, whole.removeprefix(shown)


def label(transform: str, base: int) -> str:
    """What a chart in this transform shows, in words ('Index, 2015 = 100')."""
    if transform == "index":
        return f"Index, {base} = 100"
    return LABELS[transform]


def unit(transform: str, level_unit: str, base: int) -> str:
    """The unit of a transformed value."""
    if transform == "pct_change":
        return "% change on the previous period"
    if transform == "index":
        return f"index, {base} = 100"
    if transform == "per_capita":
        return PER_PERSON[level_unit][1]
    return level_unit


def pct_change(periods: Sequence[str], values: Sequence[float]) -> list[float]:
    """The change on the previous period in percent: NaN for the first period, after a gap
    (the period before is missing), and where the value before is zero or missing."""
    out = []
    for n, (period, value) in enumerate(zip(periods, values, strict=True)):
        adjacent = n > 0 and periods[n - 1] == previous_period(period)
        out.append(change_percent(values[n - 1], value) if adjacent else NAN)
    return out


def index(years: Sequence[int], values: Sequence[float], base: int) -> list[float]:
    """Each value as a percent of the base year's (the mean of its points): all NaN when the
    base year has no point, or its value is zero or negative (no index to read)."""
    in_base = [v for y, v in zip(years, values, strict=True) if y == base and defined(v)]
    reference = sum(in_base) / len(in_base) if in_base else NAN
    if not defined(reference) or reference <= 0:
        return [NAN] * len(values)
    return [v / reference * 100 for v in values]


def per_capita(
    years: Sequence[int], values: Sequence[float], level_unit: str, people: Mapping[int, float]
) -> list[float]:
    """Each value per person, from the population (persons) of its year: NaN where the year
    has no population or the unit cannot be divided per person."""
    if level_unit not in PER_PERSON:
        return [NAN] * len(values)
    size = PER_PERSON[level_unit][0]
    out = []
    for year, value in zip(years, values, strict=True):
        persons = people.get(year, NAN)
        out.append(value * size / persons if defined(persons) and persons > 0 else NAN)
    return out


def annual_totals(
    periods: Sequence[str], values: Sequence[float]
) -> list[tuple[str, float, list[int]]]:
    """Each calendar year whose twelve months all have a value: (year, sum, positions)."""
    months: dict[str, list[int]] = {}
    for n, period in enumerate(periods):
        month = MONTH.fullmatch(period)
        if month and defined(values[n]):
            months.setdefault(month[1], []).append(n)
    return [
        (year, sum(values[n] for n in positions), positions)
        for year, positions in sorted(months.items())
        if len({periods[n] for n in positions}) == 12
    ]


def rolling_12m(
    periods: Sequence[str], values: Sequence[float]
) -> list[tuple[str, float, list[int]]]:
    """Each month that ends twelve consecutive months with a value: (month, the twelve
    months' sum, their positions)."""
    return [
        (periods[w[-1]], sum(values[i] for i in w), w) for w in rolling_windows(periods, values)
    ]
