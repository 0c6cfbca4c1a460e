"""The one definition of a series' time windows, shared by the pipeline's derived rows
(12-month rolling sums and change on the same month a year earlier, published with their
citations) and the charts' transforms (applied to any chart): which period comes before
another, which twelve months make a rolling window, and the change in percent.

Pure functions on periods ('2020' or '2020-01') and values in time order; an undefined
value is NaN."""

import math
import re
from collections.abc import Sequence

ANNUAL = re.compile(r"\d{4}")
MONTH = re.compile(r"(\d{4})-(\d{2})")
WINDOW = 12  # months in a rolling window


def previous_period(period: str) -> str | None:
    """The period before a year ('2019' for '2020') or a month ('2019-12' for '2020-01');
    None for any other period."""
    if ANNUAL.fullmatch(period):
        return str(int(period) - 1)
    month = MONTH.fullmatch(period)
    if month:
        year, number = int(month[1]), int(month[2])
        return f"{year - 1}-12" if number == 1 else f"{year}-{number - 1:02d}"
    return None


def year_earlier(period: str) -> str | None:
    """The same period a year earlier ('2019-03' for '2020-03', '2019' for '2020'); None for
    any other period."""
    if ANNUAL.fullmatch(period) or MONTH.fullmatch(period):
        return f"{int(period[:4]) - 1}{period[4:]}"
    return None


def defined(value: float) -> bool:
    """Whether a value is a number (not NaN)."""
    return not math.isnan(value)


def change_percent(before: float, value: float) -> float:
    """(value − before) / before × 100; NaN where either is undefined or `before` is zero."""
    if not (defined(before) and defined(value)) or before == 0:
        return math.nan
    return (value - before) / before * 100


def rolling_windows(periods: Sequence[str], values: Sequence[float]) -> list[list[int]]:
    """The positions of every run of twelve consecutive months that all have a value, one per
    month that ends such a run (periods in time order)."""
    out = []
    for end in range(WINDOW - 1, len(periods)):
        window = list(range(end - WINDOW + 1, end + 1))
        if not all(MONTH.fullmatch(periods[i]) and defined(values[i]) for i in window):
            continue
        if all(periods[i - 1] == previous_period(periods[i]) for i in window[1:]):
            out.append(window)
    return out
