"""Rules for gas (Power of Siberia flows and capacity, Power of Siberia 2, China's gas
imports), the Power of Siberia dates, GDP and context carried across sentences, added after
the real-text corpus showed misses and false verdicts. Every sentence here is HAND-WRITTEN for
the rule it tests, in other phrasings than the corpus (none is copied from it or a news page)."""

from datetime import date

import pytest

from dashboard.check.engine import check
from dashboard.check.extract import Claim, extract

D = date(2024, 7, 12)


def claims(text: str, published: date | None = D) -> list[Claim]:
    return extract(text, published)


def label(claim: Claim) -> str:
    return claim.period.label if claim.period else ""


def found(text: str, published: date | None = D) -> list[tuple[str, float]]:
    return [(c.indicator, round(c.value, 3)) for c in claims(text, published) if c.unit != "date"]


@pytest.mark.parametrize(
    "text",
    [
        "In 2022 Gazprom sent 15.4 bcm to China through the Power of Siberia, which is designed "
        "for 38 bcm a year.",
        "The Power of Siberia carried 15.4 billion cubic metres in 2022; its capacity is 38 bcm.",
        "Via the Power of Siberia, with a capacity of 38 bcm, Russia shipped 15.4 bcm in 2022.",
    ],
)
def test_a_capacity_word_in_another_clause_leaves_a_flow_a_flow(text: str) -> None:
    assert sorted(found(text)) == [("gas_pos_capacity", 38.0), ("gas_pos_flow", 15.4)]


@pytest.mark.parametrize(
    "text",
    [
        "Проектная производительность «Силы Сибири» — 38 млрд кубометров газа.",
        "«Сила Сибири» рассчитана на производительность 38 млрд куб. м.",
        "“西伯利亚力量”管道的年输气能力为380亿立方米。",
    ],
)
def test_capacity_words_in_russian_and_chinese(text: str) -> None:
    assert found(text) == [("gas_pos_capacity", 38.0)]


@pytest.mark.parametrize(
    ("text", "indicator", "value"),
    [
        (
            "В 2021 году «Сила Сибири» работала стабильно. Объём поставок в Китай составил "
            "10,4 млрд кубометров.",
            "gas_pos_flow",
            10.4,
        ),
        (
            "中俄东线2021年运行平稳。全年供气量达104亿立方米。",
            "gas_pos_flow",
            10.4,
        ),
        (
            "Gazprom runs the Power of Siberia. The gas pipeline can carry 38 bcm a year.",
            "gas_pos_capacity",
            38.0,
        ),
    ],
)
def test_a_sentence_referring_back_takes_the_route_named_before(
    text: str, indicator: str, value: float
) -> None:
    assert found(text) == [(indicator, value)]


def test_reaching_the_design_capacity_is_a_forecast_not_the_uplift_plan() -> None:
    (row,) = [
        r
        for r in check("The Power of Siberia will reach its design capacity of 38 bcm in 2025.", D)
        if r["unit"] != "date"
    ]
    assert (row["status"], row["official_value"], row["verdict"]) == (
        "forecast",
        38.0,
        "target-met",
    )
    (plan,) = check("Gazprom will raise Power of Siberia supplies to 44 bcm per year.", D)
    assert plan["status"] == "planned"
    assert plan["official_value"] == 44.0
    (ru,) = check("Поставки по «Силе Сибири» увеличат до 44 млрд кубометров в год.", D)
    assert ru["status"] == "planned"


def test_an_undated_plan_for_a_built_pipeline_is_not_checked() -> None:
    (row,) = check("Gazprom will raise Power of Siberia supplies to 44 bcm per year.")
    assert row["verdict"] == "unverified"
    (design,) = check("The Power of Siberia has a design capacity of 38 bcm per year.")
    assert design["verdict"] == "consistent"


@pytest.mark.parametrize(
    "text",
    [
        "Power of Siberia flows rose 30% in H1 2024, with total deliveries for the full year "
        "seen at 30 bcm.",
        "Gazprom said Power of Siberia exports kept growing; total supplies for the year should "
        "reach 30 bcm.",
    ],
)
def test_a_years_total_of_one_route_is_that_routes_flow(text: str) -> None:
    assert ("gas_pos_flow", 30.0) in found(text)


def test_total_deliveries_by_every_route_stay_unchecked() -> None:
    assert found("Gazprom's total gas deliveries to China will reach 48 bcm in 2027.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In March 2023 China imported 10.2 bcm of gas, including 4.6 bcm by pipeline and "
            "5.6 bcm of LNG.",
            [
                ("gas_cn_imports_total", 10.2),
                ("gas_cn_pipeline_imports", 4.6),
                ("gas_cn_lng_imports", 5.6),
            ],
        ),
        (
            "China's gas imports in 2021 were 167.5 bcm: LNG 109.5 bcm and pipeline gas 58 bcm.",
            [("gas_cn_lng_imports", 109.5), ("gas_cn_pipeline_imports", 58.0)],
        ),
    ],
)
def test_lng_or_pipeline_is_the_one_next_to_the_figure(
    text: str, expected: list[tuple[str, float]]
) -> None:
    assert [f for f in found(text) if f in expected or f[1] in [e[1] for e in expected]] == [
        f for f in expected
    ]


@pytest.mark.parametrize(
    "text",
    [
        "2023年,中国自俄罗斯进口管道天然气227亿立方米。",
        "2023年俄罗斯对华管道天然气出口量为227亿立方米,中国进口量创新高。",
    ],
)
def test_chinese_imports_of_russian_pipeline_gas(text: str) -> None:
    assert found(text) == [("gas_cn_pipeline_imports_from_ru", 22.7)]


@pytest.mark.parametrize(
    "text",
    [
        "В 2023 году поставки по «Силе Сибири» превысили план на 500 млн кубометров.",
        "Контрактные объёмы по «Силе Сибири» были превышены на 0,5 млрд кубометров газа.",
    ],
)
def test_a_russian_excess_over_a_plan_is_no_level(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("В 2026 году по «Силе Сибири» планируется прокачать 39 млрд кубометров в год.", "flow"),
        ("In 2026 the Power of Siberia is expected to pump 39 bcm a year.", "flow"),
        ("The Power of Siberia will carry 38 bcm a year starting in 2025.", "capacity"),
    ],
)
def test_a_yearly_rate_in_a_year_of_its_own_is_that_years_flow(text: str, indicator: str) -> None:
    (claim,) = [c for c in claims(text) if c.unit != "date"]
    assert claim.indicator == f"gas_pos_{indicator}"


def test_lng_named_in_its_own_clause_before_a_list_of_origins() -> None:
    text = "In 2023 China imported 98 bcm of LNG, including 8 bcm by pipeline from Turkmenistan."
    assert found(text)[0] == ("gas_cn_lng_imports", 98.0)


@pytest.mark.parametrize(
    ("text", "published", "label"),
    [
        ("In 2026, Power of Siberia deliveries are expected to reach 39 bcm.", D, "2026"),
        (
            "Ожидается, что в 2026 году поставки по «Силе Сибири» составят 39 млрд кубометров.",
            None,
            "2026",
        ),
        ("In 2021 Gazprom expected to deliver 10 bcm via the Power of Siberia.", D, ""),
    ],
)
def test_a_forecast_keeps_its_own_year_unless_that_year_is_past(
    text: str, published: date | None, label: str
) -> None:
    (claim,) = claims(text, published)
    assert claim.status == "forecast"
    assert (claim.period.label if claim.period else "") == label


@pytest.mark.parametrize(
    "text",
    [
        "2021年经“西伯利亚力量”管道输送的天然气是2020年的2.5倍,达到104亿立方米。",
        "“西伯利亚力量”2021年供气量达104亿立方米,是2020年同期的2.5倍。",
    ],
)
def test_a_chinese_multiple_of_a_year_is_growth_and_that_year_a_base(text: str) -> None:
    got = {c.indicator: c for c in claims(text)}
    assert label(got["gas_pos_flow"]) == "2021"
    assert got["gas_pos_flow_yoy"].value == pytest.approx(150.0)
    assert label(got["gas_pos_flow_yoy"]) == "2021"


@pytest.mark.parametrize(
    "text",
    [
        "「西伯利亞力量」管線的供氣量將從每年380億立方公尺提高到440億。",
        "Gazprom agreed to raise Power of Siberia supplies from 38 bcm a year to 44 billion.",
        "Поставки по «Силе Сибири» увеличат с 38 млрд кубометров в год до 44 млрд.",
    ],
)
def test_a_capacity_raised_from_one_figure_to_another(text: str) -> None:
    got = [(c.indicator, round(c.value, 3), c.status) for c in claims(text, date(2026, 2, 1))]
    assert got == [("gas_pos_capacity", 38.0, "reported"), ("gas_pos_capacity", 44.0, "planned")]


@pytest.mark.parametrize(
    "text",
    [
        "В 2023 году по запущенной в 2019 году «Силе Сибири» прошло 22,7 млрд кубометров.",
        "In 2023 the Power of Siberia, launched in 2019, carried 22.7 bcm to China.",
        "The Power of Siberia, which started up in December 2019, delivered 22.7 bcm in 2023.",
    ],
)
def test_a_launch_year_is_not_the_period_of_a_flow(text: str) -> None:
    (flow,) = [c for c in claims(text) if c.unit != "date"]
    assert (flow.indicator, label(flow)) == ("gas_pos_flow", "2023")


@pytest.mark.parametrize(
    "text",
    [
        "Power of Siberia 2023 deliveries reached 22.7 bcm.",
        "По «Силе Сибири» 2023 год закрыт с объёмом 22,7 млрд кубометров.",
        "“西伯利亚力量”2023年供气227亿立方米。",
    ],
)
def test_a_year_after_the_pipelines_name_is_no_second_pipeline(text: str) -> None:
    assert found(text) == [("gas_pos_flow", 22.7)]


@pytest.mark.parametrize(
    "text",
    [
        "The Power of Siberia will carry initial volumes of 5 bcm a year before ramping up.",
        "“西伯利亚力量”管道首期每年供气50亿立方米。",
        "По «Силе Сибири» первоначально планировалось поставлять 5 млрд кубометров в год.",
    ],
)
def test_a_first_stage_volume_is_neither_capacity_nor_flow(text: str) -> None:
    assert found(text) == []


def test_a_raised_plan_from_an_initial_figure_is_still_read() -> None:
    text = "The Far Eastern route's capacity was raised from an initial 10 to 12 bcm a year."
    assert [v for _, v in found(text)] == [10.0, 12.0]


def dates(text: str, published: date | None = D) -> list[tuple[str, str, str]]:
    return [
        (r["indicator"], r["period"], r["verdict"])
        for r in check(text, published)
        if r["unit"] == "date"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "中俄东线天然气管道计划2023年全线投产。",
        "The Power of Siberia went into operation along its entire length in December 2022.",
    ],
)
def test_the_whole_line_completed_is_no_start_of_deliveries(text: str) -> None:
    assert dates(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Russian pipeline gas deliveries to China started in December 2019.",
        "Exports of Russian gas to China by pipeline began in December 2019, Gazprom said.",
    ],
)
def test_the_first_russian_pipeline_gas_to_china_is_the_power_of_siberias(text: str) -> None:
    assert dates(text) == [("gas_pos_start_date", "2019-12", "consistent")]


@pytest.mark.parametrize(
    "text",
    [
        "Russian gas deliveries to China via the new pipeline through Kazakhstan began in 2019.",
        "Russian gas to China via the Far Eastern route pipeline will be launched in 2027.",
        "Russian pipeline gas exports to China will be launched in 2030.",
    ],
)
def test_another_route_or_a_future_start_is_not_the_power_of_siberias(text: str) -> None:
    assert [d for d in dates(text) if d[2] != "unverified"] == []


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("«Сила Сибири» в 2025 году выйдет на полную проектную мощность.", "target-met"),
        (
            "Газпром сообщил, что «Сила Сибири» выйдет на полную производительность в 2025 году.",
            "target-met",
        ),
        ("The Power of Siberia is due to reach its full capacity in 2023.", "target-missed"),
    ],
)
def test_a_full_capacity_date_ahead_is_a_forecast_met_or_missed(text: str, verdict: str) -> None:
    (row,) = dates(text, date(2021, 3, 1))
    assert row[0] == "gas_pos_full_capacity_date"
    assert row[2] == verdict


def gdp_rows(text: str, published: date | None = D) -> list[tuple[str, str, str]]:
    return [
        (r["economy"], r["period"], r["verdict"])
        for r in check(text, published)
        if r["indicator"] == "gdp" and r["unit"] == "USD bn"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "China's GDP was put at $35 trillion in 2023 by one count.",
        "Экономика Китая в 2023 году оценивается в $35 трлн.",
        "Russia's GDP reached $6.5 trillion in 2023, one estimate says.",
    ],
)
def test_a_gdp_far_above_the_nominal_one_is_another_measure(text: str) -> None:
    ((_, _, verdict),) = gdp_rows(text)
    assert verdict == "unverified"


@pytest.mark.parametrize(
    ("text", "economy"),
    [
        ("The economy of the country grew to 126.1 trillion yuan ($17.8 trillion) in 2023.", "CHN"),
        (
            "GDP came to 172 trillion rubles, or $2.0 trillion, in 2023, statisticians said.",
            "RUS",
        ),
    ],
)
def test_a_gdp_in_one_currency_is_that_countrys_when_none_is_named(text: str, economy: str) -> None:
    assert [e for e, _, _ in gdp_rows(text)] == [economy]


@pytest.mark.parametrize(
    "text",
    [
        "Province Sichuan ended 2023 with GDP of 6 trillion yuan, or $0.85 trillion.",
        "Guangdong's economy grew to 13.6 trillion yuan in 2023, that is $1.9 trillion.",
    ],
)
def test_a_province_named_earlier_in_the_sentence_keeps_its_gdp(text: str) -> None:
    assert gdp_rows(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 2022 the largest economies by nominal GDP were the US and China. "
            "Second came China with $17.9 trillion, third Japan with $4.2 trillion.",
            [("CHN", "2022")],
        ),
        (
            "В 2022 году по номинальному ВВП лидировали США. Второе место занял Китай "
            "(17,9 трлн долларов), третье — Япония (4,2 трлн долларов).",
            [("CHN", "2022")],
        ),
    ],
)
def test_a_gdp_ranking_goes_on_in_the_next_sentence(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(e, p) for e, p, _ in gdp_rows(text)] == expected


def test_a_deadline_in_an_earlier_sentence_is_no_target_here() -> None:
    text = (
        "By the end of 2022 Russia was back among the ten largest economies. "
        "Its GDP amounted to $2.3 trillion."
    )
    assert gdp_rows(text) == [("RUS", "2022", "consistent")]


def test_a_month_that_needs_a_page_date_ends_the_period_carried() -> None:
    text = (
        "China-Russia trade reached $196 billion in the first ten months of 2023. "
        "In September alone, trade with Russia totalled $21 billion. "
        "That month China's exports to Russia came to $9.6 billion."
    )
    rows = check(text)  # no page date: "in September" is not resolved
    assert [r["period"] for r in rows][1:] == ["", ""]
    assert {r["verdict"] for r in rows[1:]} == {"unverified"}


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        (
            "China's trade with Russia hit a record in 2023. "
            "Imports of Russian goods rose to $129 billion.",
            "trade_cn_imports_from_ru",
        ),
        (
            "Товарооборот России и Китая в 2023 году достиг рекорда. "
            "Экспорт в Россию составил $111 млрд.",
            "trade_cn_exports_to_ru",
        ),
        (
            "Товарооборот России и Китая в 2023 году достиг рекорда. "
            "Импорт из России вырос до $129 млрд.",
            "trade_cn_imports_from_ru",
        ),
    ],
)
def test_a_flow_naming_its_partner_after_a_sentence_naming_both_is_bilateral(
    text: str, indicator: str
) -> None:
    row = check(text, D)[-1]
    assert (row["indicator"], row["period"]) == (indicator, "2023")
    assert row["verdict"] != "unverified"


def test_a_flow_of_one_country_alone_after_a_bilateral_sentence_stays_unresolved() -> None:
    text = "China-Russia trade grew 26% in 2023. China's exports fell 4.6% in 2023."
    assert check(text, D)[-1]["verdict"] == "unverified"


@pytest.mark.parametrize(
    ("published", "used"),
    [(date(2024, 7, 12), "2024-05"), (date(2024, 6, 3), "2024-05"), (date(2024, 5, 20), "2024-05")],
)
def test_now_in_a_settlement_share_is_the_latest_month_published_shortly_before(
    published: date, used: str
) -> None:
    for text in (
        "Russia and China now settle 95% of their trade in rubles and yuan.",
        "Сейчас 95% расчетов между Россией и Китаем идут в рублях и юанях.",
    ):
        (row,) = check(text, published)
        assert (row["official_period"], row["verdict"]) == (used, "approximate")
        if published.month != 5:
            assert f"latest published month, {used}" in row["reason"]


def test_now_long_after_the_latest_published_month_is_not_checked() -> None:
    (row,) = check(
        "Russia and China now settle 95% of their trade in rubles and yuan.", date(2024, 10, 1)
    )
    assert row["verdict"] == "unverified"
    assert "3 months before it" in row["reason"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("В 2023 году поставки по «Силе Сибири» выросли в полтора раза.", 50.0),
        ("В 2021 году «Сила Сибири» прокачала в два раза больше, чем в 2020 году.", 100.0),
        ("In 2023 the Power of Siberia carried 1.5 times more than in 2022.", 50.0),
    ],
)
def test_a_multiple_over_the_year_before_is_growth(text: str, value: float) -> None:
    (claim,) = claims(text)
    assert (claim.indicator, round(claim.value, 3)) == ("gas_pos_flow_yoy", value)


def test_a_figure_after_than_in_a_year_is_that_years() -> None:
    text = (
        "В 2023 году «Сила Сибири» прокачала в полтора раза больше, чем в 2022 году "
        "(15,4 млрд кубометров)."
    )
    flow = [c for c in claims(text) if c.indicator == "gas_pos_flow"]
    assert [label(c) for c in flow] == ["2022"]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "Товарооборот России и Китая за первые четыре месяца 2025 года составил $71 млрд.",
            "Jan–Apr 2025",
        ),
        (
            "Товарооборот России и Китая за пять месяцев 2024 года составил $97 млрд.",
            "Jan–May 2024",
        ),
        ("Товарооборот России и Китая за первую половину 2021 года вырос на 28%.", "2021-H1"),
    ],
)
def test_russian_months_and_halves_in_words(text: str, period: str) -> None:
    (claim,) = claims(text)
    assert label(claim) == period


@pytest.mark.parametrize(
    "text",
    [
        "2023年俄罗斯对华天然气出口额增长了50%,达到了80亿美元。",
        "Экспорт российского газа в Китай в 2023 году вырос и составил $8 млрд.",
        "In 2023 China bought 30 bcm ($8 billion) of natural gas from Russia.",
    ],
)
def test_the_value_of_one_product_is_no_total_trade(text: str) -> None:
    assert [r for r in check(text, D) if r["unit"] == "USD bn"] == []


@pytest.mark.parametrize(
    "text",
    [
        "China's trade surplus with Russia widened in 2023, reaching $38 billion.",
        "The trade deficit with China for the year grew 20%, reaching $20 billion in 2022.",
        "2025年中国设备对俄供应量同比下降11%。",
    ],
)
def test_a_balance_or_one_products_flow_before_the_figure_is_not_trade(text: str) -> None:
    assert [r for r in check(text, D) if r["verdict"] != "unverified"] == []
    assert all(not r["indicator"].startswith("trade_total") for r in check(text, D))


@pytest.mark.parametrize(
    "text",
    [
        "China's exports to Russia rose in 2023. In December, trade between the countries "
        "reached $21 billion.",
        "Экспорт из Китая в Россию в 2023 году вырос. Товарооборот между странами в декабре "
        "2023 года составил $21 млрд.",
    ],
)
def test_the_countries_named_before_make_between_the_countries_bilateral(text: str) -> None:
    row = check(text, D)[-1]
    assert (row["indicator"], row["period"]) == ("trade_total", "2023-12")
    assert "not both named" not in row["reason"]


@pytest.mark.parametrize(
    "text",
    [
        "Its design capacity is 38 bcm of gas a year.",
        "Проектная мощность газопровода — 38 млрд кубометров газа в год.",
        "该管道每年可输送天然气380亿立方米。",
    ],
)
def test_an_unnamed_pipelines_38_bcm_is_found_not_checked(text: str) -> None:
    (row,) = check(text, D)
    assert (row["indicator"], row["verdict"]) == ("gas_pos_capacity", "unverified")
    assert "not named" in row["reason"]


@pytest.mark.parametrize(
    "text",
    [
        "Its design capacity is 30 bcm of gas a year.",
        "The Central Asia line from Turkmenistan has a capacity of 38 bcm a year.",
        "The Far Eastern route pipeline will carry 38 bcm a year.",
    ],
)
def test_another_figure_or_route_is_no_unnamed_power_of_siberia(text: str) -> None:
    assert [r for r in check(text, D) if r["indicator"] == "gas_pos_capacity"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Gazprom said the pipeline would start supplying gas to China on December 1, 2019.",
        "该管道将于2019年12月1日开始对华供气。",
        "Russia's new gas pipeline to China: the project should reach its design capacity by 2025.",
    ],
)
def test_a_date_of_an_unnamed_pipeline_is_found_not_checked(text: str) -> None:
    ((_, _, verdict),) = dates(text, date(2019, 3, 1))
    assert verdict == "unverified"


def test_the_end_of_a_year_in_chinese() -> None:
    (row,) = [r for r in check("“西伯利亚力量”管道供气始于2019年底。", D) if r["unit"] == "date"]
    assert (row["period"], row["verdict"]) == ("Oct–Dec 2019", "consistent")


@pytest.mark.parametrize(
    "text",
    [
        "Gas began flowing through the Power of Siberia in late 2019.",
        "The Power of Siberia was commissioned at the end of 2019.",
        "Поставки по «Силе Сибири» стартовали в конце 2019 года.",
    ],
)
def test_late_in_a_year_dates_a_start_to_its_last_quarter(text: str) -> None:
    (row,) = [r for r in check(text, D) if r["unit"] == "date"]
    assert (row["indicator"], row["period"]) == ("gas_pos_start_date", "Oct–Dec 2019")


@pytest.mark.parametrize(
    "text",
    [
        "Power of Siberia deliveries started at 4.1 bcm in 2020 and have grown every year.",
        "«Сила Сибири» начала работу, в 2022 году поставки выросли до 15,4 млрд кубометров.",
        "俄罗斯通过“西伯利亚力量”管道开始对华供气，2022年以来供气量快速增长。",
    ],
)
def test_a_year_past_a_first_level_or_a_clause_break_is_no_start_date(text: str) -> None:
    assert [r for r in check(text, D) if r["indicator"] == "gas_pos_start_date"] == []


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Поставки по «Силе Сибири» вышли на полную мощность 1 декабря 2024 года.", "2024-12-01"),
        (
            "С 1 декабря 2024 г. поставки по «Силе Сибири» вышли на максимальный контрактный "
            "уровень.",
            "2024-12-01",
        ),
        (
            "Gazprom took the Power of Siberia to its design maximum on December 1, 2024.",
            "2024-12-01",
        ),
    ],
)
def test_full_capacity_reached_on_a_day_or_a_design_maximum(text: str, period: str) -> None:
    (row,) = [r for r in check(text, D) if r["unit"] == "date"]
    assert (row["indicator"], row["period"]) == ("gas_pos_full_capacity_date", period)


@pytest.mark.parametrize(
    "text",
    [
        "Counting the new deal, total capacity for Russian gas to China via the Power of Siberia "
        "could rise to 50 bcm a year.",
        "Общая мощность поставок по «дальневосточному» маршруту и «Силе Сибири» составит 50 млрд "
        "кубометров в год.",
        "Supplies to China are to grow to 50 bcm a year, including the Power of Siberia contract.",
        "Поставки в Китай по «Силе Сибири» составят 50 млрд кубометров, включая другие маршруты.",
    ],
)
def test_a_total_over_the_routes_is_no_one_pipelines_figure(text: str) -> None:
    assert [r for r in check(text, D) if r["unit"] != "date"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Gazprom and CNPC signed a contract for the Far Eastern route. Once the project is at "
        "full capacity, supplies to China will rise by 10 bcm a year, to 50 bcm.",
        "«Газпром» подписал контракт по дальневосточному маршруту. После выхода проекта на "
        "полную мощность поставки в Китай увеличатся на 10 млрд кубометров — до 50 млрд.",
    ],
)
def test_raised_by_a_route_to_a_level_the_level_is_every_routes(text: str) -> None:
    assert [r for r in check(text, D) if r["value"] == 50] == []


@pytest.mark.parametrize(
    ("text", "indicator", "value"),
    [
        (
            "Поставки по «Силе Сибири» вырастут с 38 до 44 млрд кубометров в год, по "
            "«дальневосточному» маршруту — с 10 до 12 млрд кубометров в год.",
            "gas_far_eastern_route_capacity",
            12.0,
        ),
        (
            'Мощность "Силы Сибири" составляет 38 млрд кубометров, а "дальневосточный" маршрут '
            "рассчитан на 12 млрд кубометров в год.",
            "gas_far_eastern_route_capacity",
            12.0,
        ),
        (
            "The Power of Siberia opened in 2019 to carry Russian gas to China. In 2021 gas "
            "deliveries to China through the aforementioned pipeline came to 10.4 bcm.",
            "gas_pos_flow",
            10.4,
        ),
    ],
)
def test_a_quoted_route_name_and_an_aforementioned_pipeline(
    text: str, indicator: str, value: float
) -> None:
    assert (indicator, value) in found(text)
    assert ("gas_pos_capacity", value) not in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Power of Siberia carried 4.1 bcm in 2020 and 10.4 bcm the following year.",
        "По «Силе Сибири» в 2020 году прокачали 4,1 млрд кубометров, в следующем году — 10,4 млрд "
        "кубометров.",
        "“西伯利亚力量”管道2020年输气41亿立方米，次年增至104亿立方米。",
    ],
)
def test_the_following_year_is_the_year_after_the_one_named(text: str) -> None:
    periods = {round(c.value, 3): label(c) for c in claims(text) if c.unit != "date"}
    assert periods == {4.1: "2020", 10.4: "2021"}


@pytest.mark.parametrize(
    "text",
    [
        "The Power of Siberia will reach 38 bcm a year in 2025; this year should end at some 31 "
        "billion.",
        "«Сила Сибири» рассчитана на 38 млрд кубометров в год, в этом году — около 31 млрд.",
    ],
)
def test_a_yearly_rate_this_year_is_a_flow(text: str) -> None:
    assert sorted(found(text)) == [("gas_pos_capacity", 38.0), ("gas_pos_flow", 31.0)]


@pytest.mark.parametrize(
    "text",
    [
        "In 2022 Russian gas through the Power of Siberia rose 2.5 times, and crude oil 8 %.",
        "В 2022 году поставки газа по «Силе Сибири» выросли в 2,5 раза, нефти — на 8%.",
        "2022年经“西伯利亚力量”管道输送的天然气增长150%、原油增长8%。",
    ],
)
def test_a_growth_of_oil_in_a_gas_sentence_is_not_the_gas(text: str) -> None:
    assert [r for r in check(text, D) if r["value"] == 8] == []


@pytest.mark.parametrize(
    "text",
    [
        "Power of Siberia deliveries to China rose 55 % in January–August, Gazprom said.",
        "Поставки по «Силе Сибири» в январе–августе выросли на 55%.",
    ],
)
def test_a_span_ending_on_the_publication_day_is_this_years(text: str) -> None:
    (claim,) = [c for c in claims(text, date(2023, 8, 31)) if c.unit == "percent"]
    assert label(claim) == "Jan–Aug 2023"


# Wave 6 (hand-written): "с 38 до 44 …", "газа в год", an undated capacity
@pytest.mark.parametrize(
    "text",
    [
        "«Газпром» и CNPC договорились увеличить поставки по «Силе Сибири» с 38 до 44 млрд "
        "кубометров газа в год.",
        "Gazprom and CNPC agreed to raise supplies via the Power of Siberia from 38 to 44 bcm "
        "a year.",
    ],
)
def test_a_raise_from_one_capacity_to_another_gives_both(text: str) -> None:
    got = [(c.indicator, c.value) for c in claims(text)]
    assert ("gas_pos_capacity", 38.0) in got
    assert ("gas_pos_capacity", 44.0) in got


def test_a_chinese_raise_is_two_figures_not_a_range() -> None:
    text = "双方同意把“西伯利亚力量”管道的供气量从每年380亿立方米提高到440亿立方米。"
    assert [(c.value, c.low) for c in claims(text)] == [(38.0, None), (44.0, None)]


def test_a_russian_yearly_volume_with_gas_between_is_yearly() -> None:
    text = (
        "Договор предполагает поставку по «Силе Сибири» 38 млрд кубометров природного газа в год."
    )
    assert [(c.indicator, c.value) for c in claims(text)] == [("gas_pos_capacity", 38.0)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Экспорт Китая в Россию вырос на 8 до 56 млрд долларов в 2023 году.", [56.0]),
        ("Товарооборот России и Китая вырос на 12,5 до 240 млрд долларов в 2023 году.", [240.0]),
    ],
)
def test_a_change_before_do_is_not_a_range(text: str, want: list[float]) -> None:
    assert [c.value for c in claims(text)] == want


def test_an_undated_capacity_raise_is_found_not_checked() -> None:
    text = "Gazprom agreed to raise supplies via the Power of Siberia from 38 to 44 bcm a year."
    undated = claims(text, None)
    assert [c.value for c in undated] == [38.0, 44.0]
    assert all("no date" in c.doubt for c in undated)
    assert all(c.doubt == "" for c in claims(text))
    design = claims("The Power of Siberia has a design capacity of 38 bcm a year.", None)
    assert [c.doubt for c in design] == [""]  # a design capacity alone stands


# Wave 6 (hand-written): China's total gas imports in customs phrasing
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "China's gas imports, by pipeline and as LNG together, rose 8 % to 120 million tonnes "
            "in 2023.",
            [("gas_cn_imports_total_mass_yoy", 8.0), ("gas_cn_imports_total_mass", 120.0)],
        ),
        (
            "Китай в 2023 году импортировал (по трубопроводам и в виде СПГ) 165 млрд кубических "
            "метров природного газа.",
            [("gas_cn_imports_total", 165.0)],
        ),
        (
            "В 2023 году Китай закупил 165 млрд куб. м газа, в том числе по трубопроводам 70 млрд "
            "куб. м.",
            [("gas_cn_imports_total", 165.0), ("gas_cn_pipeline_imports", 70.0)],
        ),
        (
            "2023年中国共进口天然气11997万吨,同比增长9.9%。",
            [("gas_cn_imports_total_mass", 119.97), ("gas_cn_imports_total_mass_yoy", 9.9)],
        ),
    ],
)
def test_chinas_total_gas_imports_in_customs_phrasing(
    text: str, want: list[tuple[str, float]]
) -> None:
    assert [(c.indicator, round(c.value, 4)) for c in claims(text)] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "China imported 5.5 bcm via pipeline and 7.7 bcm as LNG in 2023.",
            [("gas_cn_pipeline_imports", 5.5), ("gas_cn_lng_imports", 7.7)],
        ),
        (
            "Крупнейший покупатель российского газа в 2023 году, Европейский союз, закупил 150 "
            "млрд кубометров.",
            [],
        ),
        ("2023年中国进口液化天然气7132万吨。", [("gas_cn_lng_imports_mass", 71.32)]),
    ],
)
def test_parts_and_other_buyers_are_not_chinas_total(
    text: str, want: list[tuple[str, float]]
) -> None:
    assert [(c.indicator, round(c.value, 4)) for c in claims(text)] == want


# Wave 6 (hand-written): Russian pipeline gas to China, the pipeline not named
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The Russian company said its pipeline gas exports to China rose by 45% in the first "
            "quarter of 2023, to 5,200 million cubic meters.",
            [("gas_pos_flow_yoy", 45.0), ("gas_pos_flow", 5.2)],
        ),
        (
            "Gazprom said natural gas exports to China grew by 30% in January-March 2023.",
            [("gas_pos_flow_yoy", 30.0)],
        ),
        ("2023年俄羅斯出口至中國的管道天然氣成長了45%。", [("gas_pos_flow_yoy", 45.0)]),
        (
            "«Газпром» сообщил, что экспорт газа в Китай в первом квартале 2023 года вырос на 45%.",
            [("gas_pos_flow_yoy", 45.0)],
        ),
    ],
)
def test_russian_pipeline_gas_to_china_is_found_not_checked(
    text: str, want: list[tuple[str, float]]
) -> None:
    got = claims(text)
    assert [(c.indicator, round(c.value, 4)) for c in got] == want
    assert all("pipeline is not named" in c.doubt for c in got)


@pytest.mark.parametrize(
    "text",
    [
        "Russian LNG exports to China rose by 20% in 2023.",
        "Gazprom's gas exports to China and Kazakhstan rose by 20% in 2023.",
        "Gazprom's total gas deliveries to China, by all routes, rose by 20% in 2023.",
        "Экспорт российского СПГ в Китай вырос на 20% в 2023 году.",
    ],
)
def test_russian_gas_by_other_routes_or_to_others_is_no_power_of_siberia_flow(text: str) -> None:
    assert not any(c.indicator.startswith("gas_pos_flow") for c in claims(text))


# Wave 6 (hand-written): Mongolia as the transit of the Power of Siberia 2
@pytest.mark.parametrize(
    "text",
    [
        "The new pipeline through Mongolia will carry 50 bcm of Russian gas a year to China.",
        "Газопровод через территорию Монголии позволит поставлять в Китай 50 млрд кубометров "
        "газа в год.",
        "经蒙古的新管道每年将向中国输送500亿立方米俄罗斯天然气。",
        "Gazprom and CNPC will negotiate Sila Sibiri (Power of Siberia) 2, designed to carry "
        "another 50 billion cubic metres.",
    ],
)
def test_a_route_through_mongolia_is_the_power_of_siberia_2(text: str) -> None:
    assert [(c.indicator, c.value) for c in claims(text)] == [("gas_pos2_capacity", 50.0)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Mongolia imported 2 bcm of gas from Russia in 2023.", []),
        (
            "Russia's trade with Mongolia reached $2 billion in 2023, while trade with China was "
            "$240 billion.",
            [("trade_total", 240.0)],
        ),
        ("Монголия в 2023 году закупила в России 2 млрд кубометров газа.", []),
    ],
)
def test_mongolia_as_a_country_is_still_another_country(
    text: str, want: list[tuple[str, float]]
) -> None:
    assert [(c.indicator, c.value) for c in claims(text)] == want


# Wave 6 (hand-written): a flow referred back to the pipeline named before
@pytest.mark.parametrize(
    "text",
    [
        "The Power of Siberia began operating in 2019. Gazprom planned to deliver 4.1 bcm of gas "
        "to China in 2020.",
        "«Сила Сибири» заработала в конце 2019 года. В 2020 году по нему было прокачано 4,1 млрд "
        "кубометров газа.",
        "2019年底西伯利亚力量管道开始供气。2020年该管道输气量达到41亿立方米。",
    ],
)
def test_a_flow_referred_back_to_the_power_of_siberia(text: str) -> None:
    flows = [(c.indicator, round(c.value, 2)) for c in claims(text) if c.unit != "date"]
    assert flows == [("gas_pos_flow", 4.1)]


@pytest.mark.parametrize(
    "text",
    [
        "Gazprom planned to deliver 10 bcm of gas to Europe in 2021.",
        "Газопровод «Ямал» заработал в 1999 году. В 2020 году по нему было прокачано 20 млрд "
        "кубометров газа в Европу.",
    ],
)
def test_a_flow_to_others_is_not_referred_to_the_power_of_siberia(text: str) -> None:
    assert claims(text) == []


# Added after the fifth held-out split was read; sentences HAND-WRITTEN for the rule.
@pytest.mark.parametrize(
    "text",
    [
        "Power of Siberia carried 20 bcm to China in 2023, 500 million cubic metres above the"
        " contract.",
        "По «Силе Сибири» в Китай в 2023 году ушло 20 млрд куб. м, на 500 млн куб. м выше"
        " контрактных обязательств.",
        "По «Силе Сибири» в Китай в 2023 году ушло 20 млрд куб. м — на 500 млн куб. м больше"
        " плана.",
    ],
)
def test_a_volume_above_the_contract_is_a_difference(text: str) -> None:
    values = [c.value for c in extract(text, D) if c.indicator == "gas_pos_flow"]
    assert values == [20]
