"""Period rules added after the fifth held-out corpus split was read (issue 19): a Russian
"the same period of <year>" is a comparison base, "the year before last" is two years back, and a
Chinese quarter without a year is the latest one ended before publication. Every sentence here
is HAND-WRITTEN for the rule it tests, in other phrasings than the corpus (none is copied from
the corpus or a news page)."""

from datetime import date

import pytest

from dashboard.check.extract import extract
from dashboard.check.periods import find

D = date(2024, 7, 12)


def labels(text: str, published: date | None = D) -> list[str]:
    return [f.period.label for f in find(text, published)]


@pytest.mark.parametrize(
    "text",
    [
        "В январе—мае товарооборот России и Китая вырос на 3% к тому же периоду 2023 г.",
        "За январь–май экспорт Китая в Россию упал на 2% по сравнению с тем же периодом 2023 года.",
        "В январе—мае импорт Китая из России вырос на 5% против того же периода 2023 г.",
    ],
)
def test_the_same_period_of_a_year_is_a_base_in_russian(text: str) -> None:
    growth = [c for c in extract(text, D) if c.indicator.endswith("_yoy")]
    assert growth and all(c.period is not None for c in growth)
    assert {c.period.label for c in growth if c.period} == {"Jan–May 2024"}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Trade with Russia grew 10 % the year before last.", "2022"),
        ("В позапрошлом году товарооборот вырос на 10%.", "2022"),
        ("前年中俄贸易额增长10%。", "2022"),
    ],
)
def test_the_year_before_last_is_two_years_back(text: str, label: str) -> None:
    assert labels(text) == [label]


def test_the_year_before_last_needs_a_publication_date() -> None:
    assert labels("Trade with Russia grew 10 % the year before last.", None) == [""]


@pytest.mark.parametrize(
    "text",
    ["提前年底完成目标。", "目前年增长10%。"],
)
def test_qian_nian_inside_other_words_is_no_period(text: str) -> None:
    assert "2022" not in labels(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("今年一季度中俄贸易额同比增长8%。", "2024-Q1"),
        ("第二季度中国对俄出口增长5%。", "2024-Q2"),
        ("三季度中国自俄进口下降3%。", "2023-Q3"),
        ("2022年第三季度中俄贸易额增长20%。", "2022-Q3"),
        ("前三季度中俄贸易额增长4%。", "Jan–Sep 2023"),
    ],
)
def test_a_chinese_quarter_without_a_year_is_the_latest_ended(text: str, label: str) -> None:
    assert labels(text) == [label]


def test_a_chinese_quarter_without_a_year_or_date_is_unresolved() -> None:
    assert labels("一季度中俄贸易额同比增长8%。", None) == [""]


def test_growth_in_a_chinese_quarter_takes_that_quarter() -> None:
    (claim,) = [c for c in extract("今年一季度中俄贸易额同比增长8%。", D) if c.value == 8]
    assert claim.period is not None and claim.period.label == "2024-Q1"


@pytest.mark.parametrize(
    "text",
    [
        "Over the past three years trade between China and Russia stayed above $100 billion.",
        "За последние три года товарооборот России и Китая держался выше $100 млрд.",
        "过去三年,中俄贸易额一直超过1000亿美元。",
        "過去3年,中俄雙邊貿易額穩超1000億美元。",
    ],
)
def test_a_level_held_over_past_years_gets_no_year(text: str) -> None:
    (claim,) = [c for c in extract(text, D) if c.value == 100]
    assert claim.period is None or claim.period.label == ""
