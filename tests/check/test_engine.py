"""Checking against the published tables: official figure chosen, reporter rule, verdicts.

Sentences are hand-written; the official figures come from datasets/tidy (the shipped build).
"""

import math
from datetime import date
from typing import Any

import pytest

from dashboard.check.engine import COLUMNS, check
from dashboard.check.match import choose
from dashboard.check.periods import resolve


def one(text: str, published: date | None = None) -> dict[str, Any]:
    rows = check(text, published)
    assert len(rows) == 1, rows
    return rows[0]


def test_every_row_has_every_column() -> None:
    for row in check("China–Russia trade was $240.11 billion in 2023; GDP aside.", None):
        assert set(COLUMNS) <= set(row)


def test_article_claim_gets_the_same_verdict_as_the_published_check() -> None:
    row = one("In 2020, Russia's GDP was about $1.46 trillion.")
    assert row["verdict"] == "consistent"
    assert row["official_source_id"] == "wb-wdi-ny-gdp-mktp-cd"
    assert row["official_value"] == pytest.approx(1493.0759, abs=1e-3)
    assert row["difference_pct"] == pytest.approx(-2.22)
    assert row["chart"] == "/gdp?start=2017&end=2023#levels"


def test_economy_decides_which_gdp_is_compared() -> None:
    rows = check(
        "In 2020, Russia's GDP was about $1.46 trillion, compared to China's $14.8 trillion."
    )
    assert [(r["economy"], r["verdict"]) for r in rows] == [
        ("RUS", "consistent"),
        ("CHN", "approximate"),
    ]


def test_no_reporter_named_uses_china_and_shows_russia() -> None:
    row = one("China–Russia trade was $107 billion in 2018.")
    assert row["official_reporter"] == "CHN"
    assert row["official_source_id"] == "stmt-rt-2019-01-14-trade-2018"
    assert row["other_reporter_value"] == pytest.approx(108.2466, abs=1e-3)
    assert "China-reported (the text names no reporter)" in row["reason"]


def test_named_reporter_is_used() -> None:
    row = one("According to Russian customs, trade with China totalled $108 billion in 2018.")
    assert row["official_reporter"] == "RUS"
    assert row["verdict"] == "consistent"
    assert row["other_reporter_value"] == pytest.approx(107.06)


def test_russia_reported_is_used_when_china_has_no_figure_for_the_period() -> None:
    # hand-made rows: the shipped tables have no period where only Russia reports
    def obs(reporter: str, year: int, value: float) -> dict[str, Any]:
        return {
            "obs_id": f"o{reporter}{year}",
            "indicator": "trade_total",
            "economy": "CHN-RUS",
            "reporter": reporter,
            "period": str(year),
            "period_start": f"{year}-01-01",
            "period_end": f"{year}-12-31",
            "value": value,
            "status": "reported",
            "kind": "official_series",
            "source_id": f"test-{reporter}",
        }

    rows = [obs("RUS", 2030, 300.0), obs("CHN", 2031, 310.0)]
    period = resolve("year", ("2030",), None)
    chosen = choose(rows, "trade_total", "", period, "reported")
    assert chosen.official is not None and chosen.official["reporter"] == "RUS"
    assert "no China-reported figure" in chosen.basis
    named = choose(rows, "trade_total", "CHN", period, "reported")
    assert named.official is None  # a named reporter is never swapped for the other


def test_trade_flows_prefer_the_customs_statement_to_the_imf_series() -> None:
    row = one("China's exports to Russia were $49.7 billion in 2019.")
    assert (row["official_kind"], row["official_value"]) == ("official_statement", 49.7)
    assert row["other_reporter_value"] == pytest.approx(54.07, abs=0.01)


def test_yuan_totals_are_shown_as_such_and_not_compared() -> None:
    row = one("China–Russia trade reached 1.7 trillion yuan in 2023.")
    assert (row["unit"], row["verdict"]) == ("CNY bn", "unverified")
    assert math.isnan(row["official_value"])
    assert "yuan" in row["reason"]


def test_growth_is_derived_at_check_time_with_its_inputs() -> None:
    row = one("Trade between China and Russia rose 26.3% last year.", date(2024, 1, 15))
    assert row["indicator"] == "trade_total_yoy"
    assert row["official_source_id"] == "derived-at-check"
    assert row["official_kind"] == "derived"
    assert row["official_value"] == pytest.approx((240.11 / 190.27 - 1) * 100, abs=1e-3)
    assert row["official_citation"].startswith("Derived at check time: 240.11 (2023) / 190.27")
    assert row["verdict"] == "approximate"


def test_a_partial_year_is_compared_with_the_sum_of_its_months() -> None:
    row = one("In 11 months of 2023, China–Russia trade reached $218.2 billion.")
    assert row["period"] == "Jan–Nov 2023"
    assert row["verdict"] in ("consistent", "approximate")
    assert len(row["official_obs_id"].split(";")) == 11
    assert "sum of 11 monthly figures" in row["reason"]
    growth = one("In January–November 2023, China–Russia trade grew 26% year on year.")
    assert growth["official_kind"] == "derived"
    assert len(growth["official_obs_id"].split(";")) == 22  # eleven months of 2023 and 2022


def test_targets() -> None:
    met = one("Russia and China aim to raise bilateral trade to $200 billion by 2024.")
    assert met["verdict"] == "target-met"
    missed = one("Bilateral trade between Russia and China could reach $250 billion by 2024.")
    assert (missed["status"], missed["verdict"]) == ("forecast", "target-missed")
    pending = one("Russia and China aim to raise bilateral trade to $300 billion by 2030.")
    assert pending["verdict"] == "pending"


def test_settlement_share_compares_with_the_overlapping_statement() -> None:
    row = one(
        "Today, 90% of payments between Russia and China are made in rubles and yuan.",
        date(2024, 5, 20),
    )
    assert row["period"] == "2024-05"
    assert row["official_source_id"] == "stmt-devdiscourse-2024-05-16-settlement"
    assert row["verdict"] == "consistent"


def test_capacity_and_planned_capacity() -> None:
    now = one("The Power of Siberia has a design capacity of 38 bcm per year.")
    assert (now["verdict"], now["official_value"]) == ("consistent", 38.0)
    later = one(
        "Gazprom will increase supplies to 44 billion cubic meters of gas per year via "
        "the Power of Siberia.",
        date(2026, 2, 1),  # a plan is dated by its page: the plan changed over time
    )
    assert later["official_value"] == 44.0
    assert "planned" in later["reason"]


def test_unresolved_period_is_unverified() -> None:
    row = one("China–Russia trade reached $240 billion last year.")
    assert row["verdict"] == "unverified"
    assert "no period" in row["reason"]


def test_same_text_same_rows() -> None:
    text = "China–Russia trade hit $240.11 billion in 2023, up 26.3%."
    assert repr(check(text, None)) == repr(check(text, None))


def test_dates_are_checked_against_the_recorded_event() -> None:
    right = one("The Power of Siberia began deliveries to China on December 2, 2019.")
    assert (right["verdict"], right["official_period"]) == ("consistent", "2019-12-02")
    assert right["official_source_id"] == "stmt-moscowtimes-2019-12-02-pos-start"
    wrong = one("The Power of Siberia pipeline started operating in 2020.")
    assert wrong["verdict"] == "inconsistent"
    assert "not in 2020" in wrong["reason"]
