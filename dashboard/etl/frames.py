"""Rows in the layout of the tidy tables, and exact decimal arithmetic on values."""

from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import cache
from typing import Any

import pandas as pd

from dashboard.schema import ids, periods
from dashboard.schema.periods import frequency
from dashboard.schema.tables import OBSERVATIONS, SOURCES

NUMBERS = [f.name for f in OBSERVATIONS.fields if f.type == "number"]
_frequency = cache(frequency)  # a few hundred distinct periods among thousands of rows


SIGNIFICANT_DIGITS = 15  # what a spreadsheet shows of a double: the sources' precision


def decimal(value: float) -> Decimal:
    """The decimal a source shows for a float: at most 15 significant digits, so that
    spreadsheet residue such as 3067.800000000001 reads as 3067.8."""
    return Decimal(f"{float(value):.{SIGNIFICANT_DIGITS}g}")


def as_shown(value: float) -> float:
    """The float of the value as its source shows it."""
    return float(decimal(value))


def scaled(value: float, power: int) -> float:
    """value × 10**power without binary noise: 4050.729 ÷ 1000 is 4.050729, not …0005."""
    return float(decimal(value).scaleb(power))


def year_period(year: int) -> dict[str, Any]:
    """Period fields for a calendar year."""
    return {
        "period": str(year),
        "year": year,
        "period_start": f"{year}-01-01",
        "period_end": f"{year}-12-31",
    }


def annual(
    indicator: str,
    economy: str,
    reporter: str,
    year: int,
    value: float,
    unit: str,
    source_id: str,
    note: str = "",
) -> dict[str, Any]:
    """One value of an annual official series, in observation layout."""
    return {
        "indicator": indicator,
        "economy": economy,
        "reporter": reporter,
        **year_period(year),
        "value": value,
        "qualifier": "exact",
        "unit": unit,
        "status": "reported",
        "kind": "official_series",
        "source_id": source_id,
        "note": note,
    }


def monthly(
    indicator: str,
    economy: str,
    reporter: str,
    year: int,
    month: int,
    value: float,
    unit: str,
    source_id: str,
    note: str = "",
) -> dict[str, Any]:
    """One value of a monthly official series (period YYYY-MM), in observation layout."""
    return annual(indicator, economy, reporter, year, value, unit, source_id, note) | (
        periods.month(year, month)
    )


def observations(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """A frame in observation layout: absent text is '', absent numbers NaN, absent years
    NA; a row without obs_id gets the id of its key fields."""
    frame = pd.DataFrame(list(rows))
    for column in OBSERVATIONS.columns:
        if column not in frame.columns:
            frame[column] = float("nan") if column in NUMBERS or column == "year" else ""
    if "frequency" not in frame.columns:
        frame["frequency"] = ""
    given = frame["frequency"].fillna("").astype(str).tolist()
    starts = frame["period_start"].astype(str).tolist()
    ends = frame["period_end"].astype(str).tolist()
    read = [f or _frequency(s, e) for f, s, e in zip(given, starts, ends, strict=True)]
    frame["frequency"] = pd.Series(read, index=frame.index, dtype=object)
    years = zip(starts, ends, frame["period"].tolist(), strict=True)
    frame["year"] = pd.array([_calendar_year(*y) for y in years], dtype="Int64")
    if len(frame):
        missing = frame["obs_id"].fillna("") == ""
        keyed = [
            ids.obs_id(r["indicator"], r["economy"], r["reporter"], r["period"], r["source_id"])
            for r in rows_of(frame[missing])
        ]
        frame.loc[missing, "obs_id"] = keyed
    return frame[OBSERVATIONS.columns]


def sources(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """A frame in source layout; absent fields are empty strings."""
    frame = pd.DataFrame(list(rows))
    for column in SOURCES.columns:
        if column not in frame.columns:
            frame[column] = ""
    return frame[SOURCES.columns].fillna("")


def rows_of(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a frame as dicts keyed by column name, with Python scalars (as
    `to_dict("records")` gives them, column by column, which is many times faster)."""
    names = [str(c) for c in frame.columns]
    columns = [_python_values(frame.iloc[:, n]) for n in range(len(names))]
    return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]


def _python_values(column: pd.Series) -> list[Any]:
    """A column's cells as Python objects (a text column's missing cells stay pd.NA)."""
    if isinstance(column.dtype, pd.StringDtype):  # its tolist() boxes cell by cell
        return list(column.to_numpy(dtype=object))
    return column.tolist()


def _calendar_year(start: str, end: str, period: object) -> int | None:
    """The year of a row whose period is exactly one calendar year, else None."""
    year = start[:4]
    if start == f"{year}-01-01" and end == f"{year}-12-31" and period == year:
        return int(year)
    return None
