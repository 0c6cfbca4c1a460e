"""Finding figures: phrasings, units, qualifiers, periods, attributions and negatives.

Every sentence here is hand-written for the tests (some paraphrase the project's statements).
"""

from datetime import date

import pytest

from dashboard.check.extract import Claim, extract

D = date(2024, 1, 15)


def one(text: str, published: date | None = D) -> Claim:
    found = extract(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("China–Russia trade hit $240.11 billion in 2023.", 240.11, "USD bn"),
        ("China–Russia trade hit US$240.11bn in 2023.", 240.11, "USD bn"),
        ("China–Russia trade hit $240.11 bln in 2023.", 240.11, "USD bn"),
        (
            "Trade between China and Russia topped 56.83 billion U.S. dollars in 2008.",
            56.83,
            "USD bn",
        ),
        ("China–Russia trade reached $0.24 trillion in 2023.", 240.0, "USD bn"),
        ("China–Russia trade reached $240,110 million in 2023.", 240.11, "USD bn"),
        ("China–Russia trade was $190,27 billion in 2022.", 190.27, "USD bn"),
        (
            "По итогам 2013 года российско-китайский товарооборот достиг $89,21 млрд.",
            89.21,
            "USD bn",
        ),
        ("China–Russia trade reached 1.7 trillion yuan in 2023.", 1700.0, "CNY bn"),
    ],
)
def test_money_phrasings_and_units(text: str, value: float, unit: str) -> None:
    claim = one(text)
    assert claim.indicator == "trade_total"
    assert claim.value == pytest.approx(value)
    assert claim.unit == unit


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("China's exports to Russia rose to $110 billion in 2023.", "trade_cn_exports_to_ru"),
        ("Russia's exports to China reached $129 billion in 2023.", "trade_cn_imports_from_ru"),
        ("China's imports from Russia were flat at $129.32bn in 2024.", "trade_cn_imports_from_ru"),
        ("Bilateral trade between China and Russia was $240 billion in 2023.", "trade_total"),
    ],
)
def test_direction_of_trade(text: str, indicator: str) -> None:
    assert one(text).indicator == indicator


def test_each_figure_takes_its_nearest_direction() -> None:
    text = (
        "China's imports from Russia were flat at $129.32bn in 2024, while exports to "
        "Russia rose by 4.1% to $115.49bn."
    )
    found = [(c.indicator, c.value) for c in extract(text)]
    assert found == [
        ("trade_cn_imports_from_ru", 129.32),
        ("trade_cn_exports_to_ru_yoy", 4.1),
        ("trade_cn_exports_to_ru", 115.49),
    ]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("China–Russia trade was about $100 billion in 2019.", "about"),
        ("China–Russia trade was nearly $100 billion in 2019.", "about"),
        ("China–Russia trade was over $100 billion in 2019.", "more_than"),
        ("China–Russia trade exceeded $100 billion in 2019.", "more_than"),
        ("China–Russia trade was less than $100 billion in 2019.", "less_than"),
        ("China–Russia trade was up to $100 billion in 2019.", "less_than"),
        ("China–Russia trade was $100-110 billion in 2019.", "range"),
        ("China–Russia trade was $100 billion in 2019.", "exact"),
    ],
)
def test_qualifiers(text: str, qualifier: str) -> None:
    assert one(text).qualifier == qualifier


def test_range_bounds_and_midpoint() -> None:
    claim = one("Russia–China trade settled in national currencies was 2 to 3 percent in 2013.")
    assert (claim.low, claim.value, claim.high) == (2.0, 2.5, 3.0)


@pytest.mark.parametrize(
    ("text", "status", "period"),
    [
        (
            "Russia and China aim to raise bilateral trade to $200 billion by 2024.",
            "target",
            "2024",
        ),
        (
            "Bilateral trade between Russia and China could reach $250 billion by 2024.",
            "forecast",
            "2024",
        ),
        (
            "Trade between Russia and China could reach $220 billion by year end.",
            "forecast",
            "2024",
        ),
    ],
)
def test_targets_and_forecasts(text: str, status: str, period: str) -> None:
    claim = one(text)
    assert claim.status == status
    assert claim.period is not None and claim.period.label == period


@pytest.mark.parametrize(
    ("text", "published", "label", "start", "end"),
    [
        (
            "China–Russia trade reached $240 billion last year.",
            date(2024, 1, 15),
            "2023",
            date(2023, 1, 1),
            date(2023, 12, 31),
        ),
        (
            "In 11 months of 2023, China–Russia trade reached $218.2 billion.",
            None,
            "Jan–Nov 2023",
            date(2023, 1, 1),
            date(2023, 11, 30),
        ),
        (
            "In the first 11 months of 2023, China–Russia trade reached $218.2 billion.",
            None,
            "Jan–Nov 2023",
            date(2023, 1, 1),
            date(2023, 11, 30),
        ),
        (
            "In January–October 2023, China–Russia trade reached $200 billion.",
            None,
            "Jan–Oct 2023",
            date(2023, 1, 1),
            date(2023, 10, 31),
        ),
        (
            "In the first half of 2025, China–Russia trade reached $106 billion.",
            None,
            "2025-H1",
            date(2025, 1, 1),
            date(2025, 6, 30),
        ),
        (
            "In the first quarter of 2020, China–Russia trade reached $25 billion.",
            None,
            "2020-Q1",
            date(2020, 1, 1),
            date(2020, 3, 31),
        ),
        (
            "In the first ten months of this year, China–Russia trade was $200 billion.",
            date(2023, 11, 20),
            "Jan–Oct 2023",
            date(2023, 1, 1),
            date(2023, 10, 31),
        ),
        (
            "In December 2024, China–Russia trade was $20 billion.",
            None,
            "2024-12",
            date(2024, 12, 1),
            date(2024, 12, 31),
        ),
    ],
)
def test_period_rules(
    text: str, published: date | None, label: str, start: date, end: date
) -> None:
    period = one(text, published).period
    assert period is not None
    assert (period.label, period.start, period.end) == (label, start, end)


def test_last_year_without_a_date_stays_unresolved() -> None:
    assert one("China–Russia trade reached $240 billion last year.", None).period is None


def test_since_a_year_is_checked_year_by_year() -> None:
    text = "Since 2018, bilateral trade between Russia and China has stayed at about $100 billion."
    found = extract(text, date(2021, 5, 24))
    assert [c.period.label for c in found if c.period] == ["2018", "2019", "2020"]
    assert {(c.start, c.end) for c in found} == {(found[0].start, found[0].end)}


def test_each_figure_takes_the_period_written_next_to_it() -> None:
    text = (
        "The local currency settlement of Russian-Chinese trade reached 25 percent in 2020, "
        "while in 2013 and 2014 it was merely about 2 to 3 percent."
    )
    found = extract(text)
    assert [(c.value, c.period.label if c.period else "") for c in found] == [
        (25.0, "2020"),
        (2.5, "2013-2014"),
    ]


def test_a_period_carries_over_to_the_next_sentence() -> None:
    text = "Russia–China trade turnover in 2017. In 2017, it surged by 20.8% to $84.07 bln."
    found = extract(text)
    assert [(c.indicator, c.period.label if c.period else "") for c in found] == [
        ("trade_total_yoy", "2017"),
        ("trade_total", "2017"),
    ]


def test_growth_sign_follows_the_verb() -> None:
    found = extract("Trade between China and Russia fell 8.2% to $106.5 billion in 2025.")
    assert found[0].indicator == "trade_total_yoy"
    assert found[0].value == -8.2


@pytest.mark.parametrize(
    ("text", "indicator", "economy"),
    [
        ("In 2020, Russia's GDP was about $1.46 trillion.", "gdp", "RUS"),
        ("China's GDP reached $17.7 trillion in 2021.", "gdp", "CHN"),
        (
            "China's economy was 10 times larger than Russia's by GDP in 2020.",
            "gdp_ratio_cn_to_ru",
            "CHN-RUS",
        ),
        (
            "China accounted for 18 percent of Russia's foreign trade in 2020.",
            "trade_share_cn_in_ru_trade",
            "RUS",
        ),
        (
            "Russia's share of China's total trade was 4 percent in 2023.",
            "trade_share_ru_in_cn_trade",
            "CHN",
        ),
        (
            "Today, 90% of payments between Russia and China are made in rubles and yuan.",
            "settlement_national_currencies_share",
            "CHN-RUS",
        ),
        (
            "The yuan's share in Russia–China trade settlements was 17.5% in 2020.",
            "settlement_yuan_share",
            "CHN-RUS",
        ),
        (
            "The ruble share of Russia–China payments fell to 5.3% in 2018.",
            "settlement_ruble_share",
            "CHN-RUS",
        ),
        (
            "The Power of Siberia delivered 31.12 billion cubic meters of gas in 2024.",
            "gas_pos_flow",
            "CHN-RUS",
        ),
        (
            "The Power of Siberia has a design capacity of 38 bcm per year.",
            "gas_pos_capacity",
            "CHN-RUS",
        ),
        (
            "Power of Siberia 2 would carry 50 billion cubic metres of gas a year.",
            "gas_pos2_capacity",
            "CHN-RUS",
        ),
        ("China's natural gas imports reached 159 bcm in 2023.", "gas_cn_imports_total", "CHN"),
        (
            "China imported 119.97 million tonnes of natural gas in 2023.",
            "gas_cn_imports_total_mass",
            "CHN",
        ),
        (
            "China's LNG imports totalled 97.8 billion cubic metres in 2023.",
            "gas_cn_lng_imports",
            "CHN",
        ),
    ],
)
def test_indicators(text: str, indicator: str, economy: str) -> None:
    claim = one(text)
    assert (claim.indicator, claim.economy) == (indicator, economy)


def test_a_capacity_stated_for_the_future_is_planned() -> None:
    claim = one(
        "Gazprom will increase supplies to 44 billion cubic meters of gas per year via "
        "the Power of Siberia."
    )
    assert (claim.indicator, claim.status, claim.unit) == ("gas_pos_capacity", "planned", "bcm/yr")


@pytest.mark.parametrize(
    ("text", "attribution", "reporter"),
    [
        (
            "China–Russia trade was $240.11 billion in 2023, according to China's customs.",
            "China's customs",
            "CHN",
        ),
        (
            "According to Russian customs, trade with China totalled $108 billion in 2018.",
            "Russian customs",
            "RUS",
        ),
        (
            "China–Russia trade fell to $107.76 billion in 2020, the Chinese General "
            "Administration of Customs said.",
            "the Chinese General Administration of Customs",
            "CHN",
        ),
        ("China–Russia trade was $240 billion in 2023.", "", ""),
    ],
)
def test_attribution_and_reporter(text: str, attribution: str, reporter: str) -> None:
    claim = one(text)
    assert (claim.attribution, claim.reporter) == (attribution, reporter)


def test_span_points_at_the_figure() -> None:
    text = "Oh. China–Russia trade hit $240.11 billion in 2023."
    claim = one(text)
    assert text[claim.start : claim.end] == "$240.11 billion"


@pytest.mark.parametrize(
    "text",
    [
        "China has 1.4 billion people and Russia 146 million.",  # populations
        "The Power of Siberia runs 3,000 kilometres to the Chinese border.",  # distance
        "It was -40 degrees in Blagoveshchensk on the Russian-Chinese border in January 2023.",
        "On May 19, 2021, Putin and Xi launched four reactors built by Russia in China.",  # date
        "China's trade with the United States reached $690 billion in 2022.",  # other country
        "Russia's trade with India hit $65 billion in 2023.",
        "Russia's trade with the European Union fell to $85 billion in 2023.",
        "China is Russia's largest trading partner; Russia ranks 6th among China's partners.",
        "Gazprom signed a 30-year, $400 billion gas contract with China's CNPC in 2014.",
        "China's GDP per capita reached $12,600 in 2023.",
        "The Kremlin said 75 percent of Russians support closer ties with China.",
        "India's imports of Russian oil rose 40% in 2023.",
        "Russian wheat exports to China rose to 1.5 million tonnes in 2023.",
        "China invested $2 billion in Russia in 2023.",
        "",
    ],
)
def test_numbers_that_are_not_claims_produce_nothing(text: str) -> None:
    assert extract(text, D) == []


def test_bare_trade_verbs_take_the_direction_of_the_subject() -> None:
    text = (
        "In 2019, China exported goods worth $49.7 billion to Russia and imported "
        "$61.05 billion of Russian goods."
    )
    assert [(c.indicator, c.value) for c in extract(text)] == [
        ("trade_cn_exports_to_ru", 49.7),
        ("trade_cn_imports_from_ru", 61.05),
    ]


def test_a_very_long_run_without_sentence_ends_is_cut_and_still_read() -> None:
    text = "word " * 5000 + "China–Russia trade was $240.11 billion in 2023."
    assert [c.text for c in extract(text)] == ["$240.11 billion"]


@pytest.mark.parametrize(
    ("text", "published", "indicator", "label"),
    [
        (
            "The Power of Siberia began operating on December 2, 2019.",
            None,
            "gas_pos_start_date",
            "2019-12-02",
        ),
        (
            "The Power of Siberia was brought into operation in December 2019.",
            None,
            "gas_pos_start_date",
            "2019-12",
        ),
        (
            "Power of Siberia gas exports. Russia on Monday started piping gas to China.",
            date(2019, 12, 4),
            "gas_pos_start_date",
            "2019-12-02",
        ),
        (
            "Power of Siberia reached its full capacity in December 2024.",
            None,
            "gas_pos_full_capacity_date",
            "2024-12",
        ),
    ],
)
def test_power_of_siberia_dates(
    text: str, published: date | None, indicator: str, label: str
) -> None:
    claim = one(text, published)
    assert (claim.indicator, claim.unit) == (indicator, "date")
    assert claim.period is not None and claim.period.label == label


def test_a_release_day_is_not_the_period_of_a_figure() -> None:
    text = "Customs data released on Saturday showed China–Russia trade rose 26.3% last year."
    assert one(text, date(2024, 1, 13)).period.label == "2023"  # type: ignore[union-attr]
