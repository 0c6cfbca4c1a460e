"""Headline figures for the landing page: the latest reported value of one indicator of each
family, with its period, its change on the previous period, its source's trust tier (where
sources.csv gives one) and links to its chart and its citation."""

from dataclasses import dataclass
from typing import Any

import pandas as pd
from dash import dcc, html

from dashboard import citations, data
from dashboard.charts import encoding
from dashboard.charts.registry import PAGES_BY_ID, chart_for
from dashboard.widgets import attributes

# family: (indicator, economy, the figure's name on its card)
HEADLINES = {
    "trade_volume": ("trade_total", "CHN-RUS", "China–Russia trade"),
    "trade_shares": ("trade_share_ru_in_cn_trade", "CHN", "Russia's share of China's trade"),
    "settlement": (
        "settlement_national_currencies_share",
        "CHN-RUS",
        "Trade settled in rubles and yuan",
    ),
    "gdp": ("gdp_ratio_cn_to_ru", "CHN-RUS", "China's GDP as a multiple of Russia's"),
    "gas": ("gas_pos_flow", "CHN-RUS", "Gas through Power of Siberia"),
}
# among the points of the latest period, the kind preferred (then the last published)
KIND_RANK = {"official_series": 0, "official_statement": 1, "derived": 2}
# a sum over part of a year is compared only with the same months a year earlier
PARTS_OF_A_YEAR = ("year_to_date", "irregular")


@dataclass(frozen=True)
class Headline:
    """One family's latest figure and the one of the period before it."""

    name: str
    latest: dict[str, Any]
    previous: dict[str, Any] | None
    tier: str


def _reported(points: pd.DataFrame, indicator: str, economy: str) -> pd.DataFrame:
    """An indicator's reported official, stated and derived points for one economy, newest
    period last, the preferred point of a period last within it."""
    rows = points[
        (points["indicator"] == indicator)
        & (points["economy"] == economy)
        & (points["status"] == "reported")
        & points["kind"].isin(list(KIND_RANK))
    ]
    order = rows.assign(_rank=-rows["kind"].map(KIND_RANK), _at=range(len(rows)))
    return order.sort_values(["period_end", "period_start", "_rank", "_at"], kind="stable")


def headline(tables: data.Tables, name: str, indicator: str, economy: str) -> Headline | None:
    """The latest reported point and the latest one of the same length ending before it
    began (a part of a year: the same months a year earlier), or None."""
    rows = _reported(tables.points, indicator, economy)
    if rows.empty:
        return None
    latest = data.records(rows.tail(1))[0]
    before = rows[
        (rows["period_end"] < latest["period_start"]) & (rows["frequency"] == latest["frequency"])
    ]
    if latest["frequency"] in PARTS_OF_A_YEAR:
        before = before[
            (before["period_start"] == _year_earlier(latest["period_start"]))
            & (before["period_end"] == _year_earlier(latest["period_end"]))
        ]
    previous = data.records(before.tail(1))[0] if len(before) else None
    sources = tables.sources.set_index("source_id")
    tier = ""
    if "tier" in sources.columns and latest["source_id"] in sources.index:
        tier = str(sources.at[latest["source_id"], "tier"] or "")
    return Headline(name, latest, previous, tier)


def _year_earlier(day: str) -> str:
    """An ISO date a year earlier (29 February: the 28th)."""
    earlier = f"{int(day[:4]) - 1:04d}{day[4:]}"
    return earlier.replace("-02-29", "-02-28")


def change_text(found: Headline) -> str:
    """The change on the previous period: in points for a percent, else in percent."""
    if found.previous is None:
        return "No earlier period of the same length to compare."
    now, then = float(found.latest["value"]), float(found.previous["value"])
    signed = "{:+.1f}".format
    period = found.previous["period"]
    if found.latest["unit"] == "percent":
        return f"{minus(signed(now - then))} points on {period}"
    if then == 0:
        return f"from 0 in {period}"
    return f"{minus(signed((now - then) / abs(then) * 100))} % on {period}"


def minus(text: str) -> str:
    """A typographic minus sign for a hyphen."""
    return text.replace("-", "−")


def card(found: Headline) -> html.Div:
    """One headline figure as a card."""
    latest = found.latest
    chart = chart_for(latest["indicator"])
    address = citations.point_address(latest)
    links: list[Any] = []
    if chart is not None:
        links.append(dcc.Link("Chart", href=f"{PAGES_BY_ID[chart.page].path}#{chart.chart_id}"))
    if address:
        links += [" · ", dcc.Link("Citation", href=address)]
    source = f"{latest['source_short']}" + (
        f" · {found.tier.replace('_', ' ')}" if found.tier else ""
    )
    return html.Div(
        html.Div(
            [
                html.H2(found.name, className="h6 mb-1"),
                html.P(
                    [
                        html.Span(
                            encoding.format_value(latest["value"], latest["unit"]),
                            className="headline-value",
                        ),
                        " ",
                        html.Span(latest["period"], className="text-body-secondary"),
                    ],
                    className="mb-1",
                ),
                html.P(change_text(found), className="small mb-1"),
                html.P(source, className="small text-body-secondary mb-1"),
                html.P(links, className="small mb-0"),
            ],
            className="headline-card",
        ),
        className="col",
    )


def section(tables: data.Tables) -> html.Section:
    """The headline cards, one a family, in the families' order."""
    found = [headline(tables, *spec[2:], *spec[:2]) for spec in HEADLINES.values()]
    return html.Section(
        [
            html.H1("The latest figures", className="h3 mt-3"),
            html.Div(
                [card(f) for f in found if f is not None],
                className="row row-cols-1 row-cols-sm-2 row-cols-lg-5 g-2",
            ),
        ],
        id="headlines",
        **attributes({"aria-label": "The latest figures"}),
    )
