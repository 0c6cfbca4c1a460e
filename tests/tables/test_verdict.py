"""The tolerance rule, case by case."""

import math

import pytest

from dashboard.schema.verdict import (
    Figure,
    difference_pct,
    gap_pct,
    judge,
    precision,
    quoted_values,
)


@pytest.mark.parametrize(
    ("text", "unit", "values"),
    [
        ("$1.46 trillion", "USD bn", [1460.0]),
        ("89,21 млрд", "USD bn", [89.21]),
        ("24-25%", "percent", [24.0, 25.0]),
        ("about 2 to 3 percent", "percent", [2.0, 3.0]),
        ("10.39 billion cubic meters", "bcm", [10.39]),
    ],
)
def test_quoted_values(text, unit, values):
    assert quoted_values(text, unit) == pytest.approx(values)


def test_precision_follows_the_last_stated_digit():
    assert precision("8.12 percent", "percent") == pytest.approx(0.01)
    assert precision("$14.8 trillion", "USD bn") == pytest.approx(100.0)
    assert precision("$200 billion", "USD bn") == 1.0


def test_exact_figure_within_rounding_is_consistent():
    claimed = Figure(8.12, "exact", precision=0.01)
    assert judge(claimed, Figure(8.124))[0] == "consistent"
    assert judge(claimed, Figure(8.3))[0] == "approximate"
    assert judge(claimed, Figure(9.0))[0] == "inconsistent"


def test_about_allows_five_then_fifteen_percent():
    claimed = Figure(100, "about")
    assert judge(claimed, Figure(104))[0] == "consistent"
    assert judge(claimed, Figure(110.75))[0] == "approximate"
    assert judge(claimed, Figure(130))[0] == "inconsistent"


def test_ranges_overlap():
    claimed = Figure(2.5, "range", 2, 3)
    assert judge(claimed, Figure(2.5, "range", 2, 3))[0] == "consistent"
    assert judge(claimed, Figure(3.1))[0] == "approximate"
    assert judge(Figure(25, "exact", precision=1), Figure(24.5, "range", 24, 25))[0] == "consistent"


def test_bounds():
    assert judge(Figure(30, "more_than"), Figure(31.3))[0] == "consistent"
    assert judge(Figure(30, "more_than"), Figure(29))[0] == "approximate"
    assert judge(Figure(30, "more_than"), Figure(20))[0] == "inconsistent"


def test_targets_and_missing_figures():
    assert judge(Figure(200), Figure(244.81), target=True)[0] == "target-met"
    assert judge(Figure(200), Figure(190.27), target=True)[0] == "target-missed"
    assert judge(Figure(200), None, target=True)[0] == "pending"
    assert judge(Figure(200), None)[0] == "unverified"
    assert math.isnan(Figure(1).low)


def test_a_bound_matching_an_official_bound_is_consistent():
    official = Figure(80.0, "more_than")
    assert judge(Figure(80.0, "more_than"), official)[0] == "consistent"
    assert judge(Figure(70.0, "more_than"), official)[0] == "consistent"
    assert judge(Figure(90.0, "more_than"), official)[0] == "inconsistent"
    assert judge(Figure(10.0, "less_than"), Figure(9.0, "less_than"))[0] == "consistent"


def test_the_gap_is_the_distance_the_verdict_states():
    claimed = Figure(14.9, "exact", precision=0.1)  # covers 14.85–14.95
    official = Figure(15.1)
    assert gap_pct(claimed, official) == pytest.approx(0.15 / 15.1 * 100)
    assert judge(claimed, official)[1] == f"off by {gap_pct(claimed, official):.1f} % (within 5 %)"
    assert gap_pct(Figure(8.12, precision=0.01), Figure(8.124)) == 0  # within the precision
    assert difference_pct(Figure(8.12, precision=0.01), Figure(8.124)) != 0
    assert gap_pct(Figure(30, "more_than"), Figure(31.3)) == 0  # on the stated side
    assert judge(Figure(30, "more_than"), Figure(29))[1].endswith(
        f"by {gap_pct(Figure(30, 'more_than'), Figure(29)):.1f} %"
    )
