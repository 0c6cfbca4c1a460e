"""A headline's change compares like with like: a sum over part of a year only with the same
months a year earlier, never with a whole year."""

from dataclasses import replace

import pandas as pd

from dashboard import data, headlines


def _point(period: str, start: str, end: str, frequency: str, value: float) -> dict[str, object]:
    """A made-up reported statement of China–Russia trade (a test fixture, not a recording)."""
    return {
        "indicator": "trade_total",
        "economy": "CHN-RUS",
        "status": "reported",
        "kind": "official_statement",
        "unit": "USD bn",
        "source_id": "made-up",
        "period": period,
        "period_start": start,
        "period_end": end,
        "frequency": frequency,
        "value": value,
    }


def _headline(*points: dict[str, object]) -> headlines.Headline:
    tables = replace(data.load(), points=pd.DataFrame(list(points)))
    found = headlines.headline(tables, "trade", "trade_total", "CHN-RUS")
    assert found is not None
    return found


def test_part_of_a_year_is_not_compared_with_the_whole_year_before():
    found = _headline(
        _point("2025", "2025-01-01", "2025-12-31", "annual", 228.1),
        _point("Jan–Feb 2026", "2026-01-01", "2026-02-28", "year_to_date", 39.0),
    )
    assert found.previous is None
    assert headlines.change_text(found) == "No earlier period of the same length to compare."


def test_part_of_a_year_is_compared_with_the_same_months_a_year_earlier():
    found = _headline(
        _point("Jan–Feb 2025", "2025-01-01", "2025-02-28", "year_to_date", 30.0),
        _point("2025", "2025-01-01", "2025-12-31", "annual", 228.1),
        _point("Jan–Feb 2026", "2026-01-01", "2026-02-28", "year_to_date", 39.0),
    )
    assert found.previous is not None and found.previous["period"] == "Jan–Feb 2025"
    assert headlines.change_text(found) == "+30.0 % on Jan–Feb 2025"


def test_a_year_is_compared_with_the_year_before_not_a_month():
    found = _headline(
        _point("2024", "2024-01-01", "2024-12-31", "annual", 200.0),
        _point("2024-12", "2024-12-01", "2024-12-31", "monthly", 20.0),
        _point("2025", "2025-01-01", "2025-12-31", "annual", 220.0),
    )
    assert headlines.change_text(found) == "+10.0 % on 2024"
