"""The indicator pages and their charts: which indicators each chart draws. A new chart is a
new Chart in its page here; a new indicator page is a new Page here (pages/indicators.py
registers every one with Dash, in the order of its `order`)."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Chart:
    """One chart: an id unique on its page, a title, and the indicators it draws."""

    page: str
    chart_id: str
    title: str
    indicators: tuple[str, ...]
    description: str
    economies: tuple[str, ...] = ()  # empty: every economy
    frequencies: tuple[str, ...] = ()  # empty: every frequency (observations.csv `frequency`)


# a year, part of a year and stated periods: what a chart of years draws (months have charts
# of their own, so that a month is never a point of a line of years)
NOT_MONTHLY = ("annual", "quarterly", "year_to_date", "incomplete_year", "irregular")
MONTHLY = ("monthly",)


@dataclass(frozen=True)
class Page:
    """One indicator page."""

    page: str
    path: str
    name: str
    intro: str
    charts: tuple[Chart, ...]
    event_topics: tuple[str, ...] = ()  # categories of dated events related to the page
    order: int = field(kw_only=True)  # its place in the navigation: pages' orders are sparse


PAGES = (
    Page(
        "trade",
        "/trade",
        "Trade volume",
        "China–Russia goods trade as each side reports it. China's customs (exports FOB, "
        "imports CIF) and Russia's statistics record the same flows differently; the gap "
        "between them is shown, not hidden.",
        (
            Chart(
                "trade",
                "turnover",
                "China–Russia trade turnover",
                ("trade_total",),
                "Exports plus imports: IMF DOTS by reporter (to 2020), sums of 12 months of UN "
                "Comtrade's China-reported monthly data (2017–2024), China customs totals "
                "stated officially (to 2025; parts of a year apart), Russian statements, and "
                "the articles' claims.",
                frequencies=NOT_MONTHLY,
            ),
            Chart(
                "trade",
                "flows",
                "Flows by reporter",
                ("trade_cn_exports_to_ru", "trade_cn_imports_from_ru"),
                "Each direction as China reports it and as Russia reports it.",
                frequencies=NOT_MONTHLY,
            ),
            Chart(
                "trade",
                "monthly",
                "Monthly trade, China-reported",
                ("trade_total", "trade_cn_exports_to_ru", "trade_cn_imports_from_ru"),
                "UN Comtrade monthly records of China's imports from Russia (via a third-party "
                "copy) and China's exports to Russia as summed by that third party; the total "
                "is their sum. January and February move with the Lunar New Year.",
                frequencies=MONTHLY,
            ),
            Chart(
                "trade",
                "rolling",
                "Trade over the last 12 months",
                ("trade_total_12m",),
                "Sum of the 12 months ending with the month shown (China-reported monthly data).",
            ),
            Chart(
                "trade",
                "yoy",
                "Monthly trade against the same month a year earlier",
                ("trade_total_yoy_pct",),
                "Percent change of the month's total on the same month of the previous year.",
            ),
            Chart(
                "trade",
                "gap",
                "Reporter gap (Russia-reported minus China-reported)",
                (
                    "trade_total_mirror_gap",
                    "trade_cn_exports_to_ru_mirror_gap",
                    "trade_cn_imports_from_ru_mirror_gap",
                ),
                "Positive: Russia reports more than China for the same flow.",
            ),
            Chart(
                "trade",
                "gap-pct",
                "Reporter gap in total trade, percent",
                ("trade_total_mirror_gap_pct",),
                "Russia-reported minus China-reported total, as a percent of China's.",
            ),
        ),
        ("trade", "diplomacy"),
        order=10,
    ),
    Page(
        "shares",
        "/shares",
        "Trade shares",
        "China's share of Russia's trade and Russia's share of China's. Same-reporter shares "
        "use one side's own figures (IMF DOTS, to 2020); later years divide China's customs "
        "total by World Bank merchandise trade and are labelled mixed-source.",
        (
            Chart(
                "shares",
                "china-in-russia",
                "China's share of Russia's total trade",
                ("trade_share_cn_in_ru_trade",),
                "Percent of Russia's goods trade.",
            ),
            Chart(
                "shares",
                "russia-in-china",
                "Russia's share of China's total trade",
                ("trade_share_ru_in_cn_trade",),
                "Percent of China's goods trade.",
            ),
        ),
        ("trade",),
        order=20,
    ),
    Page(
        "settlement",
        "/settlement",
        "Ruble/yuan settlement",
        "There is no official series for the currency of Russia–China payments: every point "
        "here is a dated statement, with who said it and the period it covers. Ranges stay "
        "ranges.",
        (
            Chart(
                "settlement",
                "national",
                "Share of Russia–China trade settled in rubles and yuan",
                (
                    "settlement_national_currencies_share",
                    "settlement_yuan_share",
                    "settlement_ruble_share",
                ),
                "Statements by officials, dated by the period they describe.",
            ),
            Chart(
                "settlement",
                "by-direction",
                "Currency shares by direction of trade",
                (
                    "settlement_ruble_share_ru_exports_to_cn",
                    "settlement_yuan_share_ru_imports_from_cn",
                ),
                "Ruble share of payments for Russian exports; yuan share for Russian imports.",
            ),
        ),
        ("trade", "diplomacy"),
        order=30,
    ),
    Page(
        "gdp",
        "/gdp",
        "GDP",
        "GDP in current US dollars, per person and in real growth, from the World Bank (WDI) "
        "and the IMF (World Economic Outlook, October 2025) side by side, and how many times "
        "larger China's economy is than Russia's. IMF figures from 2025 on are projections: "
        "dashed lines with open markers, never used to judge a claim.",
        (
            Chart(
                "gdp",
                "levels",
                "GDP, current US$",
                ("gdp",),
                "World Bank WDI, IMF WEO (projections dashed) and claims.",
            ),
            Chart(
                "gdp",
                "per-capita",
                "GDP per capita, current US$",
                ("gdp_per_capita_usd",),
                "World Bank WDI and IMF WEO (projections dashed).",
            ),
            Chart(
                "gdp",
                "per-capita-ppp",
                "GDP per capita at purchasing power parity",
                ("gdp_per_capita_ppp",),
                "Current international dollars, World Bank WDI.",
            ),
            Chart(
                "gdp",
                "growth",
                "Real GDP growth",
                ("gdp_real_growth",),
                "Percent a year: World Bank WDI and IMF WEO (projections dashed).",
            ),
            Chart(
                "gdp",
                "ratio",
                "China's GDP as a multiple of Russia's",
                ("gdp_ratio_cn_to_ru",),
                "Both from the same WDI vintage.",
            ),
        ),
        order=40,
    ),
    Page(
        "gas",
        "/gas",
        "Gas",
        "Power of Siberia capacity and deliveries (Gazprom, via official statements), "
        "announced expansions shown as planned, China's gas imports, and China's consumption "
        "and production beside Russia's production (Energy Institute and BP reviews, "
        "standardised to 40 MJ/m3).",
        (
            Chart(
                "gas",
                "pos",
                "Power of Siberia: capacity and deliveries",
                (
                    "gas_pos_capacity",
                    "gas_pos_flow",
                    "gas_pos2_capacity",
                    "gas_far_eastern_route_capacity",
                ),
                "Planned capacities are hollow diamonds: announced, not built.",
            ),
            Chart(
                "gas",
                "imports",
                "China's natural gas imports",
                (
                    "gas_cn_imports_total",
                    "gas_cn_pipeline_imports",
                    "gas_cn_lng_imports",
                    "gas_cn_pipeline_imports_from_ru",
                    "gas_cn_lng_imports_from_ru",
                ),
                "Billion cubic metres.",
            ),
            Chart(
                "gas",
                "supply",
                "Natural gas consumption and production",
                ("gas_cn_consumption", "gas_cn_production", "gas_ru_production"),
                "China's consumption and production and Russia's production, billion cubic "
                "metres (Energy Institute 2025, to 2024).",
            ),
            Chart(
                "gas",
                "from-russia-monthly",
                "China's monthly imports from Russia: LNG, pipeline gas and crude oil (value)",
                (
                    "gas_cn_lng_imports_from_ru_value",
                    "gas_cn_pipeline_imports_from_ru_value",
                    "oil_cn_crude_imports_from_ru_value",
                ),
                "US$ billions, China customs via Wind/CREA; months with no published figure "
                "are gaps, not zeros.",
                frequencies=MONTHLY,
            ),
            Chart(
                "gas",
                "from-russia-monthly-mass",
                "China's monthly imports from Russia: LNG, pipeline gas and crude oil (tonnes)",
                (
                    "gas_cn_lng_imports_from_ru_mass",
                    "gas_cn_pipeline_imports_from_ru_mass",
                    "oil_cn_crude_imports_from_ru_mass",
                ),
                "Million tonnes; pipeline-gas volumes were published only from 2019-12 to 2021-12.",
                frequencies=MONTHLY,
            ),
            Chart(
                "gas",
                "imports-mass",
                "China's natural gas imports in tonnes",
                (
                    "gas_cn_imports_total_mass",
                    "gas_cn_lng_imports_mass",
                    "gas_cn_lng_imports_from_ru_mass",
                ),
                "Million tonnes, as China's customs report them; LNG from Russia also as sums "
                "of the customs months.",
            ),
            Chart(
                "gas",
                "pos-share",
                "Power of Siberia against China's gas imports",
                ("gas_pos_capacity_share_of_cn_imports", "gas_pos_flow_share_of_cn_imports"),
                "Percent of China's total gas imports.",
            ),
        ),
        ("energy",),
        order=50,
    ),
)

PAGES_BY_ID = {p.page: p for p in PAGES}
CHARTS = {(c.page, c.chart_id): c for p in PAGES for c in p.charts}


def chart_for(indicator: str) -> Chart | None:
    """The chart an indicator is shown on (the first that draws it), or None: the one rule the
    claims table and the claim checker link by."""
    return next((c for c in CHARTS.values() if indicator in c.indicators), None)
