"""Data: every indicator, by family, with its data page and its CSV and JSON in the API."""

from typing import Any

import dash
from dash import dcc, html

from dashboard import api, catalog, data
from dashboard.cache import per_build
from dashboard.schema.vocabulary import FAMILIES
from dashboard.widgets import attributes

dash.register_page(
    __name__,
    path="/data",
    name="Data",
    order=65,
    title="Data · China–Russia figures",
)

FAMILY_NAMES = {
    "trade_volume": "Trade volumes",
    "trade_shares": "Shares of each other's trade",
    "settlement": "Currency of settlement",
    "gdp": "Size of the economies",
    "gas": "Natural gas",
}


def layout(**_query: object) -> html.Div:
    """The index of the data pages (its links relative: never from the request's Host)."""
    return _layout()


@per_build(size=1)
def _layout() -> html.Div:
    """The page for one build."""
    tables = data.load()
    summaries = catalog.summaries(tables)
    sections = [
        html.Section(
            [
                html.H2(FAMILY_NAMES.get(family, family), className="h5 mt-4"),
                html.Ul(
                    [_item(info) for info in summaries.values() if info["family"] == family],
                    className="list-unstyled data-index",
                ),
            ]
        )
        for family in FAMILIES
        if any(info["family"] == family for info in summaries.values())
    ]
    return html.Div(
        [
            html.H1("Data", className="h3 mt-3"),
            html.P(
                [
                    f"Every indicator ({len(summaries)}), with its data page: what it "
                    "measures, its sources, its claims and how to cite it, and its rows as CSV "
                    "or JSON from the API (",
                    html.A("OpenAPI description", href=f"{api.PREFIX}/openapi.json"),
                    "). All tables at once: the download in the navigation.",
                ],
                className="lead fs-6",
            ),
            *sections,
        ],
        id="data-index",
    )


def _item(info: dict[str, Any]) -> html.Li:
    urls = api.urls(info["id"], "")
    first, last = (info["first_period"] or "")[:4], (info["last_period"] or "")[:4]
    span = f"{first}–{last}" if first and last and first != last else first or "no rows yet"
    return html.Li(
        [
            dcc.Link(info["name"], href=f"/data/{info['id']}", className="fw-semibold"),
            html.Br(),
            html.Small(
                [
                    f"{info['unit_label']} · {span} · {info['observations']} rows · ",
                    html.A(
                        "CSV",
                        href=urls["csv"],
                        **attributes({"aria-label": f"{info['name']}: CSV"}),
                    ),
                    " · ",
                    html.A(
                        "JSON",
                        href=urls["json"],
                        **attributes({"aria-label": f"{info['name']}: JSON"}),
                    ),
                ],
                className="text-body-secondary",
            ),
        ],
        className="mb-2",
    )
