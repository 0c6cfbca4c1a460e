"""The frequency of a period, read from its first and last day: a calendar year, a quarter,
a month, a year to date (January to a month's end, fewer than 12 months) or anything else;
and the period fields of months and spans of months."""

from calendar import monthrange
from datetime import date

FREQUENCIES = ("annual", "quarterly", "monthly", "year_to_date", "incomplete_year", "irregular")
"""The frequency of an observation (observations.csv `frequency`; the API's filter).
incomplete_year: a sum of the months published in one calendar year, some missing (set by
the derivation that makes it; the dates alone cannot tell)."""
PART_OF_A_YEAR = ("year_to_date", "incomplete_year")
LABELS = {
    "monthly": "monthly",
    "quarterly": "quarterly",
    "year_to_date": "part of a year",
    "incomplete_year": "part of a year",
}
"""The words a series name adds for its frequency: a month, or part of a year, is never a
point of a line of years (annual and irregular add nothing)."""


def frequency(period_start: str, period_end: str) -> str:
    """One of FREQUENCIES for the period from period_start to period_end (ISO dates)."""
    start, end = date.fromisoformat(period_start), date.fromisoformat(period_end)
    if start.day != 1 or end.day != monthrange(end.year, end.month)[1] or end < start:
        return "irregular"
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months == 12 and start.month == 1:
        return "annual"
    if months == 1:
        return "monthly"
    if months == 3 and start.month in (1, 4, 7, 10):
        return "quarterly"
    if start.month == 1 and months < 12:
        return "year_to_date"
    return "irregular"


def month(year: int, number: int) -> dict[str, str]:
    """Period fields of one calendar month: period YYYY-MM, its first and last day."""
    last = monthrange(year, number)[1]
    return {
        "period": f"{year}-{number:02d}",
        "period_start": f"{year}-{number:02d}-01",
        "period_end": f"{year}-{number:02d}-{last:02d}",
    }


def months_span(first: str, last: str) -> dict[str, str]:
    """Period fields of the months from `first` to `last` (YYYY-MM each): YYYY-MM/YYYY-MM."""
    start = month(int(first[:4]), int(first[5:7]))
    end = month(int(last[:4]), int(last[5:7]))
    return {
        "period": f"{first}/{last}",
        "period_start": start["period_start"],
        "period_end": end["period_end"],
    }
