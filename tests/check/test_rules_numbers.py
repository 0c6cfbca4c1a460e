"""General rules for reading numbers and their signs, added in the recall round of issue 19
(wave 6). Every sentence here is HAND-WRITTEN for the rule it tests (none is copied from the
corpus or a news page); each rule also has sentences where it must not fire."""

from datetime import date

import pytest

from dashboard.check import quantities
from dashboard.check.extract import Claim, extract

D = date(2024, 7, 12)


def by_text(text: str, published: date | None = D) -> dict[str, Claim]:
    return {c.text: c for c in extract(text, published)}


def values(text: str) -> list[tuple[str, float]]:
    return [(q.unit, round(q.value, 6)) for q in quantities.find(text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Оборот составил 45 млрд 302,4 млн долл. США за квартал.", [("USD bn", 45.3024)]),
        ("Экспорт достиг 7 млрд 5,5 млн ам. долл. в марте.", [("USD bn", 7.0055)]),
        ("双方贸易额为1532亿4100万美元。", [("USD bn", 153.241)]),
        ("Trade came to $12 billion 350 million in the quarter.", [("USD bn", 12.35)]),
    ],
)
def test_a_number_in_two_scales_is_one_number(text: str, want: list[tuple[str, float]]) -> None:
    assert values(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Оборот составил 45 млрд долл. в 2023 году, а 300 млн долл. пришлось на услуги.",
            [("USD bn", 45.0), ("USD bn", 0.3)],
        ),
        (
            "Trade reached $12 billion in 2019, and 350 million people live there.",
            [("USD bn", 12.0)],
        ),
        ("双方贸易额为15亿美元,另有2000万美元用于基建。", [("USD bn", 1.5), ("USD bn", 0.02)]),
        (
            "Оборот составил 3 млрд 1500 млн долл.",
            [("USD bn", 1.5)],
        ),  # 1,500 million is no part of 3 billion
    ],
)
def test_two_separate_numbers_are_not_joined(text: str, want: list[tuple[str, float]]) -> None:
    assert values(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Рост составил 12,4 проц. за год.", [("percent", 12.4)]),
        ("Импорт достиг 9,8 млрд ам. долл.", [("USD bn", 9.8)]),
    ],
)
def test_xinhua_russian_spellings_of_percent_and_dollars(
    text: str, want: list[tuple[str, float]]
) -> None:
    assert values(text) == want


def test_a_two_scale_sum_is_a_claim_with_its_growth() -> None:
    text = (
        "В январе-марте товарооборот между Китаем и Россией составил 52 млрд 118,3 млн долл. "
        "США, что на 14,6 проц. больше, чем годом ранее."
    )
    found = by_text(text)
    level = found["52 млрд 118,3 млн долл"]
    assert (level.indicator, round(level.value, 4)) == ("trade_total", 52.1183)
    assert found["14,6 проц"].indicator == "trade_total_yoy"
    assert found["14,6 проц"].value == 14.6


def test_a_percentage_without_the_abbreviation_point_is_no_percent() -> None:
    assert values("Он прочитал проц книги.") == []


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        (
            "China–Russia trade grew 4 % in 2021, after 2020 saw a nearly 2.9 % "
            "year-on-year decline.",
            "2.9 %",
            -2.9,
        ),
        (
            "Trade between China and Russia rose 3 % in 2019, far lower than the 24 percent "
            "recorded in 2018.",
            "24 percent",
            24.0,
        ),
        ("中俄贸易额3月同比增长5%,与2月12.5%的增幅相比有所回落。", "12.5%", 12.5),
        ("Товарооборот России и Китая в 2021 году показал 35% прироста.", "35%", 35.0),
    ],
)
def test_a_rate_takes_the_sign_of_the_change_it_is_named_as(
    text: str, figure: str, value: float
) -> None:
    claim = by_text(text)[figure]
    assert claim.indicator == "trade_total_yoy"
    assert claim.value == value


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("中俄贸易额同比下降5%。", "5%", -5.0),  # "同比" is no comparison of two rates
        ("China–Russia trade fell 8 % in 2024, lower than expected.", "8 %", -8.0),
        (
            "Trade between Russia and China dropped 7 % in 2020, a sharper fall than in 2019.",
            "7 %",
            -7.0,
        ),
        ("Товарооборот России и Китая снизился на 4% в 2020 году.", "4%", -4.0),
    ],
)
def test_a_fall_written_before_the_rate_keeps_its_sign(
    text: str, figure: str, value: float
) -> None:
    assert by_text(text)[figure].value == value


@pytest.mark.parametrize(
    ("text", "figure", "indicator", "value"),
    [
        (
            "Товарооборот России и Китая за 2 месяца 2023 года вырос на четверть.",
            "четверть",
            "trade_total_yoy",
            25.0,
        ),
        (
            "Импорт Китая из России в 2023 году увеличился почти на треть.",
            "треть",
            "trade_cn_imports_from_ru_yoy",
            33.3,
        ),
        (
            "В 2021 году поставки по «Силе Сибири» выросли в два с половиной раза.",
            "в два с половиной раза",
            "gas_pos_flow_yoy",
            150.0,
        ),
        (
            "China–Russia trade grew by more than a quarter in 2022.",
            "a quarter",
            "trade_total_yoy",
            25.0,
        ),
    ],
)
def test_growth_written_as_a_fraction_or_multiple_in_words(
    text: str, figure: str, indicator: str, value: float
) -> None:
    claim = by_text(text)[figure]
    assert (claim.indicator, claim.value) == (indicator, value)


@pytest.mark.parametrize(
    "text",
    [
        "Доля юаня выросла на треть в 2023 году.",  # a share's change: no series
        "Переговоры затянулись на четверть часа.",
        "Он отложил на половину года поездку в Китай.",
        "会谈持续了一刻钟。",
    ],
)
def test_fraction_words_that_are_no_growth_of_a_series(text: str) -> None:
    assert extract(text, D) == []


def test_as_of_the_end_of_a_season_is_no_whole_year() -> None:
    text = (
        "По данным на конец лета 2025 года, поставки российского газа в Китай по «Силе Сибири»"
        " выросли более чем на четверть."
    )
    (claim,) = extract(text, date(2026, 1, 10))
    assert claim.period is None or claim.period.label != "2025"
