"""Every source with its full citation, link, access date, licence and the series it feeds."""

from typing import Any

import dash
import pandas as pd
from dash import ClientsideFunction, Input, Output, clientside_callback, dcc, html

from dashboard import citations, data
from dashboard.cache import per_build
from dashboard.charts.encoding import KIND_LABELS
from dashboard.widgets import attributes, table

dash.register_page(
    __name__, path="/sources", name="Sources", order=60, title="Sources · China–Russia figures"
)

KIND_TITLES = {
    "official_series": "Official data series",
    "official_statement": "Official statements (quoted sentences of public pages)",
    "article": "Article passages",
    "derived": "Derivations by this project",
}


COLUMNS = ("Source", "Citation", "Link", "Dates", "Licence", "Feeds")


def fed_indicators(observations: pd.DataFrame) -> dict[str, list[str]]:
    """The indicators each source feeds, directly or as the input of a derived value."""
    feeds: dict[str, set[str]] = {}
    for row in data.records(observations):
        ids = [row["source_id"], *[i for i in row["input_source_ids"].split(";") if i]]
        for source_id in ids:
            feeds.setdefault(source_id, set()).add(row["indicator"])
    return {k: sorted(v) for k, v in feeds.items()}


def _row(source: pd.Series, feeds: list[str]) -> html.Tr:
    link = citations.link(source["url_main"]) if source["url_main"] else "not stated"
    quote = [html.Br(), html.Q(source["quote"])] if source["quote"] else []
    cells: list[Any] = [
        [
            html.Strong(source["attribution_short"]),
            html.Br(),
            html.Small(source["source_id"], className="text-body-secondary"),
        ],
        [source["citation_full"], *quote],
        link,
        [
            f"published {source['date_published'] or 'n.d.'}",
            html.Br(),
            f"accessed {source['date_accessed'] or '—'}",
        ],
        source["license_name"] or "—",
        [
            part
            for number, i in enumerate(feeds)
            for part in ([", "] if number else []) + [dcc.Link(i, href=f"/data/{i}")]
        ],
    ]
    return html.Tr(
        [
            html.Td(cell, **attributes({"data-label": label}))
            for cell, label in zip(cells, COLUMNS, strict=True)
        ],
        id=f"sources-{source['source_id']}",
        className="source-row",
    )


def layout(**_query: object) -> html.Div:
    """A search box, then the sources grouped by kind, each group folded."""
    return _layout()


@per_build(size=1)
def _layout() -> html.Div:
    """The page for one build of the tables."""
    tables = data.load()
    feeds = fed_indicators(tables.observations)
    sections = []
    for kind, title in KIND_TITLES.items():
        subset = tables.sources[tables.sources["kind"] == kind]
        header = html.Thead(html.Tr([html.Th(h, scope="col") for h in COLUMNS]))
        body = html.Tbody([_row(s, feeds.get(s["source_id"], [])) for _, s in subset.iterrows()])
        sections.append(
            html.Details(
                [
                    html.Summary(f"{title} ({len(subset)})", className="h5 mt-3"),
                    html.Div(table([header, body], "sources-table"), className="table-responsive"),
                ],
                className="sources-group",
            )
        )
    return html.Div(
        [
            html.H1("Sources", className="h3 mt-3"),
            html.P(
                "Every point of every chart cites one of these. Kinds of point: "
                + ", ".join(KIND_LABELS.values())
                + ".",
                className="lead fs-6",
            ),
            html.Label("Search the sources", htmlFor="sources-search", className="form-label"),
            dcc.Input(
                id="sources-search",
                type="search",
                placeholder="producer, title, indicator…",
                className="form-control mb-2",
                debounce=False,
            ),
            html.P(
                id="sources-count",
                className="small text-body-secondary",
                **attributes({"aria-live": "polite"}),
            ),
            *sections,
        ],
        id="sources-page",
    )


clientside_callback(
    ClientsideFunction("grapher", "filterSources"),
    Output("sources-count", "children"),
    Input("sources-search", "value"),
)
