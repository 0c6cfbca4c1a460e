"""General rules for trade volume, growth rates, trade shares and settlement, added after the
second-pass held-out corpus showed false verdicts and misses (issue 19). Every sentence here is
HAND-WRITTEN for the rule it tests, in other phrasings than the corpus (none is copied from the
corpus or a news page)."""

from datetime import date

import pytest

from dashboard.check.engine import check
from dashboard.check.extract import Claim, extract
from dashboard.check.periods import find

D = date(2024, 7, 12)


def claims(text: str, published: date | None = D) -> list[Claim]:
    return extract(text, published)


def by_text(text: str, published: date | None = D) -> dict[str, Claim]:
    return {c.text: c for c in claims(text, published)}


def labels(text: str, published: date | None = D) -> list[str]:
    return [f.period.label for f in find(text, published)]


def period(claim: Claim) -> str:
    return claim.period.label if claim.period is not None else ""


@pytest.mark.parametrize(
    "text",
    [
        "China–Russia trade kept decreasing in 2020, by 2.9 %, to $107 billion.",
        "Trade between China and Russia was declining in 2023: 4 % lower than before.",
        "In 2023 trade between Russia and China slid 4 % to $100 billion.",
        "Товарооборот России и Китая в 2023 году снижается: минус 4%, до $100 млрд.",
        "2023年中俄贸易额下滑4%。",
    ],
)
def test_a_fall_in_other_words_is_negative(text: str) -> None:
    growth = [c for c in claims(text) if c.indicator.endswith("_yoy")]
    assert growth and all(c.value < 0 for c in growth)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("за первую половину 2022 года", ["2022-H1"]),
        ("во второй половине 2019 года", ["2019-H2"]),
        ("за первые пять месяцев 2023 года", ["Jan–May 2023"]),
        ("за три месяца 2021 года", ["Jan–Mar 2021"]),
        ("в первые семь месяцев", ["Jan–Jul 2023"]),
        ("2022年前兩個月", ["Jan–Feb 2022"]),
        ("Exports in 8 months rose", ["Jan–Aug 2023"]),
        ("去年贸易额", ["2023"]),
    ],
)
def test_partial_periods_in_more_phrasings(text: str, label: list[str]) -> None:
    assert labels(text) == label


@pytest.mark.parametrize(
    "text",
    [
        "Over the past 20 years, trade between China and Russia has grown 13 times.",
        "За последние десять лет товарооборот России и Китая вырос в 3 раза.",
        "近十年来,中俄贸易额增长了5倍。",
        "In a decade, China–Russia trade grew 150 %.",
    ],
)
def test_growth_over_many_years_gets_no_verdict(text: str) -> None:
    assert all(r["outcome"] != "checked" for r in check(text, D))


@pytest.mark.parametrize(
    ("text", "figure", "label"),
    [
        (
            "In January–June 2022 China’s exports to Russia went up 3 % against the first half"
            " of 2021 and reached $30 billion.",
            "$30 billion",
            "Jan–Jun 2022",
        ),
        (
            "В первом квартале 2023 года экспорт Китая в Россию вырос на 5% относительно первого"
            " квартала 2022 года и составил $20 млрд.",
            "$20 млрд",
            "2023-Q1",
        ),
        (
            "Trade between China and Russia was $240 billion in 2023, more than in 2013, when it"
            " stood at $89 billion.",
            "$89 billion",
            "2013",
        ),
        (
            "China–Russia trade in 2023 was larger than in 2021 ($147 billion).",
            "$147 billion",
            "2021",
        ),
    ],
)
def test_a_comparison_base_is_not_the_period_of_a_later_figure(
    text: str, figure: str, label: str
) -> None:
    assert period(by_text(text)[figure]) == label


@pytest.mark.parametrize(
    "text",
    [
        "中俄贸易额较去年同比减少了3%。",
        "与去年相比,中俄贸易额减少了3%。",
    ],
)
def test_last_year_after_a_chinese_comparison_word_is_a_base(text: str) -> None:
    (claim,) = claims(text)
    assert claim.period is None or claim.period.label != "2023"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("中俄贸易额已达800亿美元,2024年将达到2000亿美元。", "800亿美元"),
        (
            "Russia–China trade stood at $80 billion, in 2024 it is to reach $200 billion.",
            "$80 billion",
        ),
        ("俄中贸易额达到800亿美元,今年最后几个月可能还会增长。", "800亿美元"),
    ],
)
def test_a_period_after_a_comma_belongs_to_the_next_clause(text: str, figure: str) -> None:
    assert period(by_text(text, None)[figure]) == ""


@pytest.mark.parametrize(
    ("text", "figure", "indicator"),
    [
        (
            "В 2023 году экспорт российских товаров в Китай вырос на 13%.",
            "13%",
            "trade_cn_imports_from_ru_yoy",
        ),
        (
            "В 2023 году импорт китайских товаров в Россию вырос на 47%.",
            "47%",
            "trade_cn_exports_to_ru_yoy",
        ),
        ("2023年中国对俄罗斯的出口额为1110亿美元。", "1110亿美元", "trade_cn_exports_to_ru"),
        ("2023年中國來自俄羅斯的進口額為1290億美元。", "1290億美元", "trade_cn_imports_from_ru"),
        (
            "In 2023 China–Russia trade hit $240 billion, including $129 billion of Russia's"
            " exports to China and $111 billion of China's exports.",
            "$129 billion",
            "trade_cn_imports_from_ru",
        ),
        (
            "In 2023 China–Russia trade hit $240 billion, including $129 billion of Russia's"
            " exports to China and $111 billion of China's exports.",
            "$111 billion",
            "trade_cn_exports_to_ru",
        ),
    ],
)
def test_directions_in_more_phrasings(text: str, figure: str, indicator: str) -> None:
    assert by_text(text)[figure].indicator == indicator


@pytest.mark.parametrize(
    "text",
    [
        "Trade between Russia and China reached $240 billion in 2023, with $110 billion in"
        " imports.",
        "China–Russia turnover was $240 billion in 2023, $129 billion of it in exports.",
    ],
)
def test_a_bare_flow_named_after_a_sum_leaves_its_direction_open(text: str) -> None:
    rows = {r["text"]: r for r in check(text, D)}
    assert all(r["indicator"] != "trade_total" or r["value"] == 240 for r in rows.values())
    assert [r["value"] for r in rows.values() if r["outcome"] == "checked"] == [240]


@pytest.mark.parametrize(
    "text",
    [
        "China's exports to Russia fell 9 % and its imports from Russia 5 % in 2025."
        " In money terms: $40 billion one way and $30 billion the other.",
        "В 2025 году экспорт Китая в Россию сократился, импорт из России тоже."
        " В абсолютных цифрах: $40 млрд и $30 млрд.",
    ],
)
def test_sums_after_a_sentence_on_flows_are_not_read_as_the_total(text: str) -> None:
    rows = [r for r in check(text, D) if r["text"].startswith("$")]
    assert rows == [] or all(r["indicator"] != "trade_total" for r in rows)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("China's exports to Russia fell 9 %, imports from Russia 5 %, in 2025.", [-9, -5]),
        ("Экспорт Китая в Россию в 2025 году снизился на 9%, импорт из России — на 5%.", [-9, -5]),
        ("In 2023 trade between China and Russia rose 26 % and China's exports 47 %.", [26, 47]),
    ],
)
def test_a_growth_rate_without_its_own_verb_takes_the_sign_before_it(
    text: str, values: list[float]
) -> None:
    assert [c.value for c in claims(text) if c.indicator.endswith("_yoy")] == values


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("In 2023 Russia held a 4 % share of China's trade.", "trade_share_ru_in_cn_trade"),
        ("In 2023 China had a 30 % share of Russia's trade.", "trade_share_cn_in_ru_trade"),
    ],
)
def test_a_share_written_as_a_share_of_an_economys_trade(text: str, indicator: str) -> None:
    (claim,) = claims(text)
    assert claim.indicator == indicator


@pytest.mark.parametrize(
    "text",
    [
        "In 2023 China, Russia's top partner, took 30 % of Russian exports.",
        "China is Russia's main trading partner, with 35 % of its imports in 2023.",
        "В 2023 году на Китай пришлось 30% российского экспорта.",
        "2023年,俄罗斯占中国进口的5%。",
    ],
)
def test_a_share_of_one_flow_is_not_a_share_of_trade(text: str) -> None:
    assert not [c for c in claims(text) if c.indicator.startswith("trade_share")]


@pytest.mark.parametrize(
    "text",
    [
        "2023年俄罗斯对中国的原油出口额增长了20%,达到了600亿美元。",
        "2024年中国对俄罗斯的汽车出口额为200亿美元。",
        "В 2023 году экспорт российской нефти в Китай составил $60 млрд.",
        "Поставки газа из России в Китай в 2023 году выросли на 50%, до $10 млрд.",
        "In 2022 China imported 16 bcm ($4 billion) of natural gas from Russia.",
    ],
)
def test_one_products_trade_is_not_the_total(text: str) -> None:
    assert not [c for c in claims(text) if c.indicator.startswith("trade")]


@pytest.mark.parametrize(
    "text",
    [
        "Товарооборот России и Китая в 2023 году составил 1,6 трлн юаней (около $230 млрд).",
        "2023年中俄贸易额为1.6万亿元人民币(约合2300亿美元)。",
    ],
)
def test_a_dollar_conversion_of_a_yuan_sum_is_not_checked(text: str) -> None:
    assert all(r["outcome"] != "checked" for r in check(text, D))


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("China–Russia trade hit a record $250 billion in 2024.", date(2024, 7, 12)),
        ("Товарооборот России и Китая в 2025 году достиг рекордных $250 млрд.", date(2025, 8, 1)),
        ("In the first half of 2024, China–Russia trade was $120 billion.", date(2024, 6, 20)),
    ],
)
def test_a_figure_reported_for_a_period_not_yet_over_is_not_checked(
    text: str, published: date
) -> None:
    (row,) = check(text, published)
    assert row["outcome"] != "checked"
    assert "had not ended" in row["reason"]


def test_a_goal_for_a_year_not_yet_over_is_still_checked_as_a_goal() -> None:
    (row,) = check("China and Russia aim to raise trade to $300 billion by 2030.", D)
    assert row["status"] == "target"
    assert "had not ended" not in row["reason"]


@pytest.mark.parametrize(
    "text",
    [
        "In 2023 China–Russia trade grew 26 %. In March, China's exports to Russia were"
        " $9 billion. That month, imports from Russia were $10 billion.",
        "Товарооборот России и Китая в 2023 году вырос на 26%. В марте экспорт Китая в Россию"
        " составил $9 млрд. В том же месяце импорт из России — $10 млрд.",
    ],
)
def test_a_month_without_its_year_ends_the_period_carried_on(text: str) -> None:
    rows = {r["text"]: r for r in check(text, None)}
    assert rows["$10 billion" if "$10 billion" in rows else "$10 млрд"]["period"] == ""


@pytest.mark.parametrize(
    "text",
    [
        "In 2023 Russia's trade surplus with China doubled, compared with 2022, to $18 billion.",
        "Профицит торговли России с Китаем в 2023 году вырос в 2 раза по сравнению с 2022"
        " годом, до $18 млрд.",
        "2023年俄罗斯对华贸易顺差增长了一倍,与2022年相比,达到180亿美元。",
    ],
)
def test_a_sum_whose_last_named_topic_is_not_trade_is_not_trade(text: str) -> None:
    rows = [r for r in check(text, D) if r["indicator"] == "trade_total" and r["value"] < 20]
    assert rows == []


@pytest.mark.parametrize(
    ("text", "figure", "label"),
    [
        (
            "China–Russia trade rose 20 % in 2017, to $84 billion, in 2018 by 27 %, to $107"
            " billion, and in 2019 by 3 %, to $111 billion.",
            "$107 billion",
            "2018",
        ),
        (
            "China–Russia trade rose 20 % in 2017, to $84 billion, in 2018 by 27 %, to $107"
            " billion, and in 2019 by 3 %, to $111 billion.",
            "$111 billion",
            "2019",
        ),
        (
            "Товарооборот России и Китая в 2021 году вырос на 35%, до $147 млрд, а в 2022 году"
            " — на 29%, до $190 млрд.",
            "$190 млрд",
            "2022",
        ),
    ],
)
def test_a_level_after_its_growth_rate_shares_its_period(
    text: str, figure: str, label: str
) -> None:
    assert period(by_text(text)[figure]) == label


@pytest.mark.parametrize(
    ("text", "figure", "status", "label"),
    [
        (
            "2019年,中俄同意在2024年将贸易额从2018年的1070亿美元增加到2000亿美元。",
            "1070亿美元",
            "reported",
            "2018",
        ),
        (
            "2019年,中俄同意在2024年将贸易额从2018年的1070亿美元增加到2000亿美元。",
            "2000亿美元",
            "target",
            "",
        ),
        ("两国提出将贸易额从1000亿美元增至2024年的2000亿美元。", "1000亿美元", "reported", ""),
        (
            "В 2019 году Россия и Китай договорились увеличить товарооборот с $107 млрд до $200"
            " млрд к 2024 году.",
            "$107 млрд",
            "reported",
            "",
        ),
        (
            "China–Russia trade rose from $100 billion in 2018 to $200 billion in 2023.",
            "$100 billion",
            "reported",
            "2018",
        ),
    ],
)
def test_the_level_a_goal_starts_from_is_no_goal(
    text: str, figure: str, status: str, label: str
) -> None:
    claim = by_text(text)[figure]
    assert (claim.status, period(claim)) == (status, label)


@pytest.mark.parametrize(
    "text",
    [
        "The Chinese yuan's share in Russia's export settlements rose to 20 % in 2023.",
        "In 2023 the yuan’s share of Russian import payments reached 30 %, China's data show.",
        "Доля юаня в расчетах за российский экспорт в 2023 году выросла до 30%, сообщил"
        " ЦБ; Китай остается главным партнером.",
    ],
)
def test_a_currency_share_of_all_russian_payments_is_not_bilateral(text: str) -> None:
    assert not [c for c in claims(text) if c.indicator.startswith("settlement")]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            "The share of national currencies in China–Russia payments reached 25 % this year.",
            date(2021, 1, 15),
        ),
        ("Доля нацвалют в расчетах России и Китая в этом году достигла 25%.", date(2021, 1, 15)),
    ],
)
def test_a_settlement_share_whose_period_needs_a_date_not_given_is_not_dated_now(
    text: str, published: date
) -> None:
    (claim,) = claims(text, published)
    assert claim.period is None


@pytest.mark.parametrize(
    ("text", "indicator", "value"),
    [
        (
            "In 2023 about half of China–Russia trade was paid for in RMB and rubles.",
            "settlement_national_currencies_share",
            50,
        ),
        ("2023年中俄贸易额为2401亿美元,占中国外贸总值的4%。", "trade_share_ru_in_cn_trade", 4),
        (
            "За январь–май 2024 года товарооборот России и Китая составил 95,2 млрд дол.",
            "trade_total",
            95.2,
        ),
        (
            "In 2019 Russia was China's tenth partner, with $110 billion in trading volume.",
            "trade_total",
            110,
        ),
        (
            "In 2024 supplies of goods from China to Russia fell to $115 billion.",
            "trade_cn_exports_to_ru",
            115,
        ),
        (
            "В 2022 году объем внешней торговли между Россией и Китаем вырос на 29%.",
            "trade_total_yoy",
            29,
        ),
    ],
)
def test_more_phrasings_of_trade_shares_and_settlement(
    text: str, indicator: str, value: float
) -> None:
    found = [(c.indicator, round(c.value, 3)) for c in claims(text)]
    assert (indicator, value) in found


def test_a_growth_rate_of_a_yuan_sum_is_not_a_share_named_later() -> None:
    text = "2023年前5个月,中俄进出口1000亿元,增长2%,占中国外贸总值的3%。"
    found = {c.text: c.indicator for c in claims(text)}
    assert found.get("2%", "") != "trade_share_ru_in_cn_trade"
    assert found["3%"] == "trade_share_ru_in_cn_trade"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("In 2024 China–Russia trade came to $240 billion-250 billion.", 240, 250),
        (
            "Товарооборот России и Китая в 2024 году составил 240 млрд – 250 млрд долларов.",
            240,
            250,
        ),
    ],
)
def test_a_range_with_its_scale_word_on_both_ends(text: str, low: float, high: float) -> None:
    (claim,) = claims(text)
    assert (claim.low, claim.high, claim.qualifier) == (low, high, "range")


@pytest.mark.parametrize("text", ["2023年中俄贸易额增速达26%。", "2023年中俄贸易额增幅为26%。"])
def test_chinese_growth_rate_nouns(text: str) -> None:
    (claim,) = claims(text)
    assert (claim.indicator, claim.value) == ("trade_total_yoy", 26)


@pytest.mark.parametrize(
    "text",
    [
        "In May 2023 China–Russia trade rose 6 % compared with April.",
        "China–Russia trade grew 6 % month on month in May 2023.",
        "2023年5月中俄贸易额环比增长6%。",
        "В мае 2023 года товарооборот России и Китая вырос на 6% к апрелю.",
    ],
)
def test_a_change_over_a_month_is_not_a_growth_rate_over_a_year(text: str) -> None:
    assert not [c for c in claims(text) if c.indicator.endswith("_yoy")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "China's exports to Russia fell to $100 billion in 2025 (-11.7 % compared to 2024).",
            -11.7,
        ),
        ("Товарооборот России и Китая в 2023 году: $240 млрд (+26% к 2022 году).", 26),
    ],
)
def test_a_signed_percentage_after_a_level_is_its_growth(text: str, value: float) -> None:
    assert [c.value for c in claims(text) if c.indicator.endswith("_yoy")] == [value]


def test_exports_to_the_russian_federation() -> None:
    (claim,) = claims("In 2021 China's exports to the Russian Federation rose 30 %.")
    assert claim.indicator == "trade_cn_exports_to_ru_yoy"


def test_a_comparison_base_does_not_stop_the_period_carried_on() -> None:
    text = (
        "China–Russia trade in the first half of 2022 was $80 billion. China's exports to"
        " Russia rose 2 % against the first half of 2021, to $30 billion."
    )
    assert period(by_text(text, None)["$30 billion"]) == "2022-H1"


def test_a_forecast_fall_is_negative() -> None:
    text = (
        "The decline of bilateral trade between China and Russia by the end of 2015 will be 30 %."
    )
    (claim,) = claims(text, date(2015, 12, 8))
    assert (claim.value, claim.status) == (-30, "forecast")


@pytest.mark.parametrize(
    "text",
    [
        "На втором месте США, с ВВП – 23 трлн дол; Россия и Китай отстают.",
        "美国GDP为23万亿美元,中国和俄罗斯分列其后。",
    ],
)
def test_gdp_of_another_country_in_russian_and_chinese(text: str) -> None:
    assert not claims(text)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("中俄贸易额2022年增幅近30%,2023年26%。", [30, 26]),
        ("China–Russia trade grew 30 % in 2022 and 26 % in 2023.", [30, 26]),
    ],
)
def test_a_growth_rate_after_another_with_only_its_year_between(
    text: str, values: list[float]
) -> None:
    assert [c.value for c in claims(text) if c.indicator == "trade_total_yoy"] == values


def test_a_percentage_in_words() -> None:
    (claim,) = claims(
        "In 2013 the share of national currencies in China–Russia payments was two percent."
    )
    assert (claim.indicator, claim.value) == ("settlement_national_currencies_share", 2)


@pytest.mark.parametrize(
    "text",
    [
        "Russia's oil exports to China rose 24% to $60 billion in 2023.",
        "Chinese car exports to Russia rose 19 % to $20 billion in 2023.",
        "В 2023 году экспорт российской нефти в Китай вырос на 24%, до $60 млрд.",
    ],
)
def test_one_products_trade_named_before_an_earlier_figure(text: str) -> None:
    assert not [c for c in claims(text) if c.indicator.startswith("trade")]


def test_a_flow_named_after_a_product_in_another_clause_is_its_own() -> None:
    text = "In 2023 oil exports rose 24 %, while China's exports to Russia reached $111 billion."
    assert by_text(text)["$111 billion"].indicator == "trade_cn_exports_to_ru"


@pytest.mark.parametrize(
    "text",
    [
        "Trade between Russia and China grew 64% between 2021 and 2023.",
        "Товарооборот России и Китая в 2021–2023 годах вырос на 64%.",
    ],
)
def test_growth_over_several_years_is_not_checked(text: str) -> None:
    assert all(r["outcome"] != "checked" for r in check(text, D))


def test_growth_in_yuan_terms_is_no_settlement_share() -> None:
    text = "China–Russia trade in yuan terms rose 1.9 % to 1.74 trillion yuan in 2024."
    assert not [c for c in claims(text) if c.indicator.startswith("settlement")]


def test_a_growth_rate_after_a_level_with_its_verb_left_out() -> None:
    text = (
        "Russia's exports to China rose 13 % in 2023 to $129 billion, and its imports from"
        " China 47 % to $111 billion."
    )
    assert by_text(text)["47 %"].indicator == "trade_cn_exports_to_ru_yoy"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("in the first half, trade fell 8 %", ["2024-H1"]),
        ("during the third quarter", ["2024-Q3"]),
        ("In the 12 months to March, trade rose", []),
        ("in 10 months since the war began", []),
    ],
)
def test_parts_of_a_year_without_their_year(text: str, label: list[str]) -> None:
    assert labels(text, date(2025, 1, 14)) == label


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            "Russia–China trade fell to $106 billion in 2020 from $111 billion a year earlier.",
            "$111 billion",
        ),
        ("In 2020 China–Russia trade dropped to $106 billion from $111 billion.", "$111 billion"),
    ],
)
def test_the_level_a_fall_or_rise_starts_from_has_no_period_unless_its_own(
    text: str, figure: str
) -> None:
    claim = by_text(text)[figure]
    assert (claim.period, claim.unit) == (None, "USD bn")


@pytest.mark.parametrize(
    "text",
    [
        "2023年中俄贸易额突破2000亿美元。",
        "2023年中俄貿易額逾2000億美元。",
    ],
)
def test_chinese_words_for_more_than(text: str) -> None:
    (claim,) = claims(text)
    assert claim.qualifier == "more_than"


def test_a_change_from_last_month_and_from_a_year_ago() -> None:
    text = (
        "Trade between China and Russia totaled $21.5 billion in November 2023, up 2.3 % from"
        " October and 13.5 % from a year ago."
    )
    assert "2.3 %" not in {c.text for c in claims(text) if c.indicator.endswith("_yoy")}


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        (
            "В 2023 году доля России во внешней торговле Китая составила 4%.",
            "trade_share_ru_in_cn_trade",
        ),
        (
            "В 2023 году доля Китая во внешнеторговом обороте России составила 34%.",
            "trade_share_cn_in_ru_trade",
        ),
    ],
)
def test_russian_shares_of_an_economys_foreign_trade(text: str, indicator: str) -> None:
    (claim,) = claims(text)
    assert claim.indicator == indicator


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Chinese imports from Russia in 2023 amounted to $129 billion, 13 % more than in 2022.",
            13,
        ),
        ("China's exports to Russia in 2020 were $50 billion, 2 % less than in 2019.", -2),
        (
            "Экспорт Китая в Россию в 2023 году составил $111 млрд, что на 47% больше, чем в"
            " 2022 году.",
            47,
        ),
    ],
)
def test_more_or_less_than_a_year_before_is_growth(text: str, value: float) -> None:
    assert [c.value for c in claims(text) if c.indicator.endswith("_yoy")] == [value]


def test_a_share_of_the_ruble_in_settlements() -> None:
    (claim,) = claims("In 2023 the share of the ruble in Russia–China settlements reached 40 %.")
    assert claim.indicator == "settlement_ruble_share"


@pytest.mark.parametrize(
    "text",
    [
        "В прошлом году Китай импортировал из России 100 миллионов тонн нефти, на 20% больше,"
        " чем годом ранее.",
        "Last year China bought 100 million tonnes of Russian crude, 20 % more than in 2022.",
    ],
)
def test_the_growth_of_a_volume_in_tonnes_is_not_trade_growth(text: str) -> None:
    assert not [c for c in claims(text) if c.indicator.startswith("trade")]


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Экспорт из КНР в Россию в 2023 году составил $111 млрд.", "trade_cn_exports_to_ru"),
        (
            "Экспорт китайской продукции в РФ в 2023 году составил $111 млрд.",
            "trade_cn_exports_to_ru",
        ),
        ("Импорт Пекином сырья из РФ в 2023 году достиг $129 млрд.", "trade_cn_imports_from_ru"),
        (
            "Экспорт российской продукции в КНР в 2023 году достиг $129 млрд.",
            "trade_cn_imports_from_ru",
        ),
        ("2023年俄方从中国的进口达到1110亿美元。", "trade_cn_exports_to_ru"),
        ("2023年中國從俄羅斯進口1290億美元。", "trade_cn_imports_from_ru"),
        ("2023年俄罗斯从中国的货物进口额为1110亿美元。", "trade_cn_exports_to_ru"),
        ("2023年中國從俄羅斯的商品進口額為1290億美元。", "trade_cn_imports_from_ru"),
    ],
)
def test_a_flow_named_by_its_origin_and_destination(text: str, indicator: str) -> None:
    assert [c.indicator for c in claims(text) if c.indicator.startswith("trade")] == [indicator]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("За первые полгода товарооборот вырос. За апрель торговля составила $20 млрд.", "2024-04"),
        ("Только за март поставки из КНР составили $9 млрд.", "2024-03"),
        ("Июньский товарооборот России и Китая достиг $21 млрд.", "2024-06"),
        ("Майский российский экспорт в Китай составил $11 млрд.", "2024-05"),
    ],
)
def test_one_month_in_russian_is_that_month(text: str, label: str) -> None:
    assert [period(c) for c in claims(text) if c.text.startswith("$")] == [label]


@pytest.mark.parametrize(
    "text",
    [
        "Trade in farm products between China and Russia reached $5.5 billion in 2020.",
        "China–Russia services trade came to $17 billion in 2019.",
        "2019年中俄服務貿易額達到170億美元。",
        "去年俄罗斯高新技术产品对华出口增长30%。",
    ],
)
def test_one_sector_of_trade_is_not_the_total(text: str) -> None:
    assert not [c for c in claims(text) if c.indicator.startswith("trade")]


@pytest.mark.parametrize(
    "text",
    [
        "В июле товарооборот России и Китая составил $20 млрд, что на 5% больше, чем в июне.",
        "За март товарооборот России и Китая достиг $19 млрд, на 7% выше февральских показателей.",
    ],
)
def test_a_change_against_the_month_before_in_russian_is_not_growth(text: str) -> None:
    assert not [c for c in claims(text) if c.indicator.endswith("_yoy")]


@pytest.mark.parametrize(
    "text",
    ["2023年中俄贸易额同比略降2%。", "2021年中國對俄出口同比微降1.5%。"],
)
def test_a_slight_fall_in_chinese_is_negative(text: str) -> None:
    growth = [c for c in claims(text) if c.indicator.endswith("_yoy")]
    assert growth and all(c.value < 0 for c in growth)


def test_a_span_of_months_called_a_period_of_a_year() -> None:
    (claim,) = claims("China–Russia trade reached $60 billion in the March-July period of 2019.")
    assert period(claim) == "Mar–Jul 2019"


@pytest.mark.parametrize(
    "text",
    [
        "This summer trade between China and Russia ran at $11 billion a month.",
        "Товарооборот России и Китая летом достигал $11 млрд в месяц.",
        "2025年中俄贸易平均每月约190亿美元。",
    ],
)
def test_a_rate_per_month_is_not_a_total(text: str) -> None:
    assert not [c for c in claims(text) if c.indicator.startswith("trade")]


def test_growth_just_after_yuan_terms_is_not_checked() -> None:
    text = "2023年中俄贸易额2401亿美元,增长26.3%,用人民币计算则为1.7万亿元,增长32.7%。"
    assert [c.value for c in claims(text) if c.indicator.endswith("_yoy")] == [26.3]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Половина торговли России и Китая сейчас идет в национальных валютах.", 50.0),
        ("Две трети товарооборота России и Китая обслуживается в рублях и юанях.", 66.7),
        ("Три четверти расчетов между Россией и Китаем проходят в рублях или юанях.", 75.0),
        ("Today 95% of payments between Russia and China are made in rubles or yuan.", 95.0),
        ("中俄贸易中九成以上、约95%以人民币或卢布结算。", 95.0),
    ],
)
def test_both_national_currencies_in_other_words(text: str, value: float) -> None:
    found = [c for c in claims(text) if c.indicator.startswith("settlement")]
    assert [(c.indicator, c.value) for c in found] == [
        ("settlement_national_currencies_share", value)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Во второй половине 2023 года товарооборот России и Китая составил $120 млрд.",
        "В первую половину года товарооборот России и Китая составил $110 млрд.",
    ],
)
def test_a_half_year_in_russian_is_no_fraction(text: str) -> None:
    assert not [c for c in claims(text) if c.unit == "percent"]


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        (
            "Товарооборот России и Китая в 2021 году составил $147 млрд, что на 35,8% выше"
            " показателя 2020 года.",
            35.8,
            "2021",
        ),
        (
            "Экспорт Китая в Россию в 2020 году составил $50 млрд, на 2% меньше уровня прошлого"
            " года.",
            -2.0,
            "2020",
        ),
        ("In 2019 China–Russia trade added 3.4% and reached $110 billion.", 3.4, "2019"),
        ("China's exports to Russia lost 2% in 2020 and came to $50 billion.", -2.0, "2020"),
    ],
)
def test_growth_against_the_year_before_in_other_words(text: str, value: float, label: str) -> None:
    growth = [c for c in claims(text) if c.indicator.endswith("_yoy")]
    assert [(c.value, period(c)) for c in growth] == [(value, label)]


@pytest.mark.parametrize(
    ("text", "indicator", "value"),
    [
        ("2021年中俄贸易额增长了三成多。", "trade_total_yoy", 30.0),
        ("目前中俄贸易中九成以上使用本币结算。", "settlement_national_currencies_share", 90.0),
    ],
)
def test_tenths_in_chinese(text: str, indicator: str, value: float) -> None:
    assert [(c.indicator, c.value) for c in claims(text)] == [(indicator, value)]


def test_a_word_with_cheng_is_no_tenth() -> None:
    assert not claims("2023年中俄两国成为重要伙伴,三成员国签署协议。")


@pytest.mark.parametrize(
    "text",
    [
        "Russia bought the most Chinese goods in 2023; Belgium came second with $30 billion.",
        "China's exports to Russia grew in 2023, while those to Austria reached $4 billion.",
    ],
)
def test_a_figure_for_another_european_country_is_not_checked(text: str) -> None:
    assert not [c for c in claims(text) if c.text.startswith("$")]


# A bare "imports" / "exports" after a flow named with its countries (wave 6, hand-written)
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "China's exports to Russia rose 12 % to $40 billion in 2021, while imports grew 30 %"
            " to $50 billion.",
            {"$50 billion": "trade_cn_imports_from_ru", "30 %": "trade_cn_imports_from_ru_yoy"},
        ),
        (
            "Russia's exports to China reached $60 billion in 2021, while imports were $45 "
            "billion.",
            {"$60 billion": "trade_cn_imports_from_ru", "$45 billion": "trade_cn_exports_to_ru"},
        ),
        (
            "China's exports to Russia rose 12 % in 2021. Imports grew 30 % to $50 billion.",
            {"$50 billion": "trade_cn_imports_from_ru"},
        ),
        (
            "Экспорт Китая в Россию в 2021 году вырос на 12% до $40 млрд, а импорт — на 30% до "
            "$50 млрд.",
            {"$40 млрд": "trade_cn_exports_to_ru", "$50 млрд": "trade_cn_imports_from_ru"},
        ),
        (
            "2021年中国对俄出口增长12%,达400亿美元;进口增长30%,达500亿美元。",
            {"400亿美元": "trade_cn_exports_to_ru", "500亿美元": "trade_cn_imports_from_ru"},
        ),
    ],
)
def test_a_bare_flow_is_seen_from_the_flow_named_before_it(text: str, want: dict[str, str]) -> None:
    found = by_text(text)
    assert {t: found[t].indicator for t in want} == want


@pytest.mark.parametrize(
    "text",
    [
        "Exports rose 12 % in 2021, while imports grew 30 %, Russia's customs said.",
        "Trade between Russia and China grew 5 % in 2021, while imports rose 30 %.",
        "Товарооборот России и Китая вырос на 5% в 2021 году, а импорт — на 30%.",
        "2021年中俄贸易额增长5%,进口增长30%。",
    ],
)
def test_a_bare_flow_with_no_flow_named_before_it_is_not_guessed(text: str) -> None:
    assert all(c.value != 30 for c in claims(text))


def test_a_bare_flow_after_russias_exports_is_russias_imports() -> None:
    """Was left unresolved (504c461); the corpus annotations read it as the counterpart."""
    text = "Russia's exports to China grew by 13% in 2023, while imports grew by 47%."
    assert by_text(text)["47%"].indicator == "trade_cn_exports_to_ru_yoy"


# Two flows and two figures paired "respectively" (wave 6, hand-written)
@pytest.mark.parametrize(
    "text",
    [
        "In 2021 China's exports and imports with Russia rose 33 % and 38 %, to $67.6 billion "
        "and $79.3 billion, respectively.",
        "В 2021 году экспорт и импорт КНР в торговле с Россией выросли на 33 и 38 процента, до "
        "67,6 и 79,3 миллиарда долларов соответственно.",
        "2021年中国对俄出口和进口分别增长33%和38%,分别为676亿美元和793亿美元。",
    ],
)
def test_figures_paired_respectively_with_two_flows(text: str) -> None:
    got = {(c.indicator, round(c.value, 1)) for c in claims(text)}
    assert {
        ("trade_cn_exports_to_ru_yoy", 33.0),
        ("trade_cn_imports_from_ru_yoy", 38.0),
        ("trade_cn_exports_to_ru", 67.6),
        ("trade_cn_imports_from_ru", 79.3),
    } <= got


def test_respectively_after_a_flow_and_its_bare_counterpart() -> None:
    text = (
        "Russia's exports to China reached $79 billion in 2021, while imports were $68 billion, "
        "up 38 % and 33 %, respectively."
    )
    found = by_text(text)
    assert found["38 %"].indicator == "trade_cn_imports_from_ru_yoy"
    assert found["33 %"].indicator == "trade_cn_exports_to_ru_yoy"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # a range stays a range
            "Trade between China and Russia reached between 100 and 110 billion dollars in 2019.",
            [("trade_total", 105.0)],
        ),
        (  # no flows named: both stay total trade
            "Товарооборот России и Китая вырос на 5 и 6 процентов в 2018 и 2019 годах "
            "соответственно.",
            [("trade_total_yoy", 5.0), ("trade_total_yoy", 6.0)],
        ),
    ],
)
def test_lists_without_two_flows_are_not_split_by_flow(
    text: str, want: list[tuple[str, float]]
) -> None:
    assert [(c.indicator, c.value) for c in claims(text)] == want


# "foreign trade with the Russian Federation" is bilateral (wave 6, hand-written)
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "In 2023 China's foreign trade with the Russian Federation amounted to 240 billion "
            "dollars.",
            [("trade_total", 240.0)],
        ),
        (
            "В 2023 году внешняя торговля Китая с Российской Федерацией составила 240 млрд "
            "долларов.",
            [("trade_total", 240.0)],
        ),
        ("In 2023 China's foreign trade with the world amounted to 5.9 trillion dollars.", []),
        ("2023年中国对外贸易总额为5.9万亿美元。", []),
    ],
)
def test_foreign_trade_with_the_other_country_by_its_full_name(
    text: str, want: list[tuple[str, float]]
) -> None:
    assert [(c.indicator, c.value) for c in claims(text)] == want


# Added after the fifth held-out split was read; sentences HAND-WRITTEN for the rule.
@pytest.mark.parametrize(
    "text",
    [
        "In 2023 China held a 60 % share of Russia's machinery imports.",
        "В 2023 году на Китай пришлось 60% российского автомобильного импорта.",
        "2023年中国占俄罗斯汽车进口的60%。",
    ],
)
def test_a_share_of_one_products_flow_is_no_share_of_trade(text: str) -> None:
    assert not [c for c in extract(text, D) if c.indicator.startswith("trade_share")]


@pytest.mark.parametrize(
    "text",
    [
        "In 2023 China accounted for 34 % of Russia's foreign trade.",
        "Доля Китая во внешнеторговом обороте России в 2023 году составила 34%.",
        "2023年中国占俄罗斯外贸进出口总额的34%。",
    ],
)
def test_a_share_of_total_trade_stays_one(text: str) -> None:
    assert [c.indicator for c in extract(text, D)] == ["trade_share_cn_in_ru_trade"]
