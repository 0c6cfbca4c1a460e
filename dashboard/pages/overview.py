"""Overview: the articles' claims against the official figures."""

from typing import Any

import dash
import pandas as pd
from dash import dcc, html

from dashboard import data, memo
from dashboard.cache import per_build
from dashboard.cards import verdict_badge
from dashboard.charts import encoding
from dashboard.charts.registry import PAGES_BY_ID, chart_for
from dashboard.widgets import attributes, table

dash.register_page(
    __name__,
    path="/",
    name="Claims vs record",
    order=0,  # places in the navigation are sparse numbers (indicator pages: charts/registry.py)
    title="Claims vs record · China–Russia figures",
)

COLUMNS = ("Claim (quote)", "Period", "Claimed", "Official", "Difference", "Verdict", "Chart")


def chart_link(claim: pd.Series) -> str | None:
    """The chart where a claim is drawn beside its series, framed from a few years before its
    period to the chart page's last year; None if no chart draws its indicator."""
    chart = chart_for(claim["indicator"])
    if chart is None:
        return None
    page = PAGES_BY_ID[chart.page]
    low, high = memo.offer(page).bounds
    start = max(int(claim["period"][:4]) - 4, low) if claim["period"][:4].isdigit() else low
    return f"{page.path}?start={start}&end={high}&claim={claim['obs_id']}#{chart.chart_id}"


def _chart_cell(link: str | None) -> Any:
    return dcc.Link("View on chart", href=link) if link else "—"


def _value(value: float, unit: str) -> str:
    return "—" if pd.isna(value) else encoding.format_value(value, unit)


def claims_table(check: pd.DataFrame) -> html.Table:
    """Every claim with its official comparison and verdict."""
    header = html.Thead(html.Tr([html.Th(h, scope="col") for h in COLUMNS]))
    rows = []
    for _, c in check.iterrows():
        difference = "—" if pd.isna(c["difference_pct"]) else f"{c['difference_pct']:+.1f} %"
        cells = [
            [
                html.Q(c["quote"]),
                html.Br(),
                html.Small(f"{c['article_id']} · {c['claim_id']}", className="text-body-secondary"),
            ],
            c["period"],
            _value(c["claimed_value"], c["unit"]),
            [
                _value(c["official_value"], c["unit"]),
                html.Br(),
                html.Small(c["official_source_id"], className="text-body-secondary"),
            ],
            difference,
            [verdict_badge(c["verdict"]), html.Br(), html.Small(c["reason"])],
            _chart_cell(chart_link(c)),
        ]
        rows.append(
            html.Tr(
                [
                    html.Td(cell, **attributes({"data-label": label}))
                    for label, cell in zip(COLUMNS, cells, strict=True)
                ]
            )
        )
    return table([header, html.Tbody(rows)], "claims-table", id="overview-claims")


def layout(**_query: object) -> html.Div:
    """The claims table with a count of verdicts."""
    return _layout()


@per_build(size=1)
def _layout() -> html.Div:
    """The page for one build of the tables."""
    check = data.load().claims_check
    counts = check["verdict"].value_counts()
    summary = ", ".join(f"{n} {v}" for v, n in counts.items())
    return html.Div(
        [
            html.H1("The articles' claims against the record", className="h3 mt-3"),
            html.P(
                [
                    "Every figure stated in two opinion articles on China–Russia relations, set "
                    "beside the official figure it can be checked against. The rule behind each "
                    "verdict is on the ",
                    dcc.Link("About page", href="/about"),
                    ". ",
                    f"{len(check)} claims: {summary}.",
                ],
                className="lead fs-6",
            ),
            claims_table(check),
        ]
    )
