"""What a believable value of each indicator looks like: range and period-on-period move,
read from the indicator table (columns plausible_min, plausible_max, max_period_factor).

A value outside its range, or an official series whose value moves by more than its factor
(up or down) from one year to the next, or from one month to the next (max_month_factor),
within the same series, stops the build.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Plausible:
    """The believable values of one indicator."""

    low: float
    high: float
    max_factor: float | None = None  # None where the period-on-period test does not apply
    max_month_factor: float | None = None  # the same test between consecutive months


def by_indicator(indicators: pd.DataFrame) -> Mapping[str, Plausible]:
    """Each indicator's believable values, from the indicator table."""
    return {
        str(row["indicator"]): Plausible(
            float(row["plausible_min"]),
            float(row["plausible_max"]),
            _factor(row["max_period_factor"]),
            _factor(row.get("max_month_factor", math.nan)),
        )
        for row in indicators.to_dict("records")
    }


def _factor(value: float) -> float | None:
    return None if math.isnan(value) else float(value)
