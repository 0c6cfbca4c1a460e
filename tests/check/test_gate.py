"""The evidence path recorded for each claim, and the gate that withholds verdicts.

Every sentence here is hand-written for the test (English, Russian, Chinese); the figures are
the published 2023 totals, so a sentence the gate lets through gets a verdict.
"""

import csv
import io
from datetime import date
from typing import Any

import pytest

from dashboard.check import evidence
from dashboard.check.engine import CHECKED, NOT_CHECKED, account, check
from dashboard.check.export import render

PAGE = date(2024, 3, 1)
REGION_REASON = evidence.REASONS[("rival", evidence.REGION)]


def _one(text: str, gate: frozenset[tuple[str, str]] = evidence.GATE) -> dict[str, Any]:
    rows = check(text, PAGE, gate=gate)
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize(
    "text",
    [
        "In 2023, trade between China and Russia through Heilongjiang province reached $30 "
        "billion.",
        "В 2023 году товарооборот Амурской области с Китаем и Россией составил 3 млрд долларов.",
        "2023年,中俄贸易额中黑龙江省对俄贸易额达300亿美元。",
    ],
)
def test_a_region_named_with_the_figure_withholds_the_verdict(text: str) -> None:
    row = _one(text)
    assert row["evidence"].rival == evidence.REGION
    assert row["outcome"] == NOT_CHECKED
    assert row["reason"] == REGION_REASON
    assert _one(text, frozenset())["verdict"] in ("consistent", "approximate", "inconsistent")


@pytest.mark.parametrize(
    "text",
    [
        "In 2023, trade between China and Russia reached $240.1 billion.",
        "Товарооборот России и Китая в 2023 году составил 240,1 млрд долларов.",
        "2023年中俄贸易额达2401亿美元。",
        # a region named elsewhere: the figure's own words name the two countries
        "Trade between China and Russia reached $240.1 billion in 2023. Heilongjiang province "
        "accounted for much of it.",
    ],
)
def test_the_national_figure_keeps_its_verdict(text: str) -> None:
    row = check(text, PAGE)[0]
    assert row["evidence"].rival == ""
    assert row["outcome"] == CHECKED
    assert row["verdict"] == "consistent"


def test_a_region_in_another_clause_does_not_withhold_the_national_figure() -> None:
    rows = check(
        "Товарооборот Приморского края с Китаем в 2023 году составил 14 млрд долларов, "
        "а товарооборот России и Китая — 240,1 млрд долларов.",
        PAGE,
    )
    assert [(r["outcome"], r["reason"] == REGION_REASON) for r in rows] == [
        (NOT_CHECKED, True),
        (CHECKED, False),
    ]


def test_a_pipeline_through_regions_is_no_region_rival() -> None:
    row = _one(
        "The Power of Siberia, crossing the Amur region, carried 22.7 billion cubic metres to "
        "China in 2023."
    )
    assert row["evidence"].rival == ""


def test_the_reason_reaches_the_page_rows_and_the_exports() -> None:
    text = "2023年,中俄贸易额中黑龙江省对俄贸易额达300亿美元。"
    row = next(r for r in account(text, PAGE) if r["text"] == "300亿美元")
    assert (row["outcome"], row["reason"]) == (NOT_CHECKED, REGION_REASON)
    exported = list(csv.DictReader(io.StringIO(render([row], "csv"))))[0]
    assert (exported["outcome"], exported["reason"]) == (NOT_CHECKED, REGION_REASON)
    assert "evidence" not in exported
    assert REGION_REASON in render([row], "json")


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("In 2023, trade between China and Russia reached $240.1 billion.", evidence.CLAUSE),
        (
            "In 2023 China's exports to Russia were $110.97 billion, and the total trade "
            "between China and Russia $240.1 billion.",
            evidence.SENTENCE,
        ),
        ("Trade between China and Russia grew in 2023. It reached $240.1 billion.", "context"),
        ("Last year trade between China and Russia reached $240.1 billion.", "publication date"),
        (
            "В прошлом году товарооборот России и Китая составил 240,1 млрд долларов.",
            "publication date",
        ),
        ("去年中俄贸易额达2401亿美元。", evidence.PUBLICATION),
        ("2023年中俄贸易额达2401亿美元。", evidence.CLAUSE),
    ],
)
def test_where_the_period_was_read(text: str, path: str) -> None:
    assert check(text, PAGE, gate=frozenset())[-1]["evidence"].period == path


def test_a_share_said_to_hold_now_is_read_as_the_pages_month() -> None:
    rows = check(
        "Some 95 % of trade between Russia and China is now settled in rubles and yuan.",
        date(2023, 11, 20),
    )
    assert rows[0]["evidence"].period == evidence.NOW


def test_the_other_parts() -> None:
    later = check("Trade between China and Russia grew in 2023. It reached $240.1 billion.", PAGE)
    assert (later[0]["evidence"].indicator, later[0]["evidence"].scope) == ("context", "context")
    assert later[0]["evidence"].direction == evidence.DEFAULT
    pair = check(
        "China's exports to Russia were $110.97 billion in 2023, compared with $75.8 billion "
        "in 2022.",
        PAGE,
    )
    assert [r["evidence"].direction for r in pair] == [evidence.CLAUSE, evidence.SENTENCE]
    assert pair[0]["evidence"].scope == evidence.SENTENCE
    yuan = check("China-Russia trade hit 1.7 trillion yuan in 2023, or 240 billion.", PAGE)
    assert [r["evidence"].unit for r in yuan] == [evidence.CLAUSE, evidence.PREVIOUS]


@pytest.mark.parametrize(
    ("inferred", "written"),
    [
        (
            "Last year trade between China and Russia reached $240.1 billion.",
            "In 2023 trade between China and Russia reached $240.1 billion.",
        ),
        (
            "В прошлом году товарооборот России и Китая составил 240,1 млрд долларов.",
            "В 2023 году товарооборот России и Китая составил 240,1 млрд долларов.",
        ),
        ("去年中俄贸易额达2401亿美元。", "2023年中俄贸易额达2401亿美元。"),
    ],
)
def test_a_gate_on_a_path_withholds_only_that_path(inferred: str, written: str) -> None:
    gate = frozenset({("period", evidence.PUBLICATION)})
    assert _one(inferred, gate)["reason"] == evidence.REASONS[("period", evidence.PUBLICATION)]
    assert _one(inferred, gate)["outcome"] == NOT_CHECKED
    assert _one(written, gate)["outcome"] == CHECKED


@pytest.mark.parametrize("key", sorted(evidence.REASONS))
def test_each_condition_gives_its_own_plain_reason(key: tuple[str, str]) -> None:
    part, path = key
    found = evidence.Evidence(**{part: path})
    assert evidence.withheld(found, frozenset({key})) == evidence.REASONS[key]
    assert evidence.withheld(found, frozenset()) == ""
    assert evidence.withheld(evidence.Evidence(), frozenset({key})) == ""


MONTH_REASON = evidence.REASONS[("length", evidence.MONTH)]


@pytest.mark.parametrize(
    "text",
    [
        "In January 2024, trade between China and Russia reached $15.3 billion.",
        "В январе 2024 года товарооборот России и Китая составил 15,3 млрд долларов.",
        "2024年1月中俄贸易额为153亿美元。",
    ],
)
def test_a_single_months_figure_is_found_not_checked(text: str) -> None:
    row = _one(text)
    assert (row["period"], row["evidence"].length) == ("2024-01", evidence.MONTH)
    assert (row["outcome"], row["reason"]) == (NOT_CHECKED, MONTH_REASON)
    assert _one(text, frozenset())["outcome"] == CHECKED


@pytest.mark.parametrize(
    "text",
    [
        "In January-October 2023, trade between China and Russia reached $196.5 billion.",
        "В январе-октябре 2023 года товарооборот России и Китая составил 196,5 млрд долларов.",
        "2023年1-10月中俄贸易额为1965亿美元。",
    ],
)
def test_a_part_of_a_year_keeps_its_verdict(text: str) -> None:
    row = _one(text)
    assert (row["period"], row["evidence"].length) == ("Jan–Oct 2023", evidence.MONTHS)
    assert (row["outcome"], row["verdict"]) == (CHECKED, "approximate")


def test_now_and_a_capacity_are_not_single_months() -> None:
    share = check(
        "Russia and China now settle 95% of their trade in rubles and yuan.", date(2024, 6, 20)
    )[0]
    assert (share["evidence"].period, share["evidence"].length) == (evidence.NOW, "")
    assert share["outcome"] == CHECKED
    capacity = check(
        "The Power of Siberia now carries gas at its design capacity of 38 bcm a year.",
        date(2024, 6, 20),
    )
    assert all(r["evidence"].length == "" for r in capacity)
