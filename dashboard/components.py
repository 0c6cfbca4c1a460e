"""Layout fragments: controls, chart cards, the citation panel's contents."""

import json
from collections.abc import Mapping
from typing import Any

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard import data, figures
from dashboard.charts import Chart
from dashboard.state import ViewState

GRAPH_CONFIG: Any = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
    "modeBarButtonsToAdd": ["toggleSpikelines"],
}
GRID_COLUMNS = [
    ("period", "Period"),
    ("indicator_title", "Indicator"),
    ("economy", "Economy"),
    ("reporter", "Reporter"),
    ("value", "Value"),
    ("unit", "Unit"),
    ("qualifier", "Qualifier"),
    ("kind", "Kind"),
    ("source_short", "Source"),
    ("source_title", "Source title"),
    ("verdict", "Verdict"),
    ("obs_id", "Observation id"),
]


def page_controls(page: str, bounds: tuple[int, int], view: ViewState) -> dbc.Card:
    """Year range and event toggle shared by a page's charts."""
    low, high = bounds
    step = max(1, (high - low) // 10)
    marks = {y: str(y) for y in range(low, high + 1, step)} | {high: str(high)}
    return dbc.Card(
        dbc.CardBody(
            dbc.Row(
                [
                    dbc.Col(
                        [
                            html.Label("Years", htmlFor=f"{page}-years", className="form-label"),
                            dcc.RangeSlider(
                                low,
                                high,
                                1,
                                value=[view.start, view.end],
                                marks=marks,
                                id=f"{page}-years",
                                tooltip={"placement": "bottom"},
                            ),
                        ],
                        md=9,
                    ),
                    dbc.Col(
                        [
                            dbc.Checklist(
                                options=[{"label": "Show dated events", "value": "on"}],
                                value=["on"] if view.events else [],
                                id=f"{page}-events",
                                switch=True,
                            ),
                            dbc.Checklist(
                                options=[{"label": "Log scale (positive values)", "value": "on"}],
                                value=["on"] if view.log else [],
                                id=f"{page}-log",
                                switch=True,
                            ),
                        ],
                        md=3,
                    ),
                ]
            )
        ),
        className="mb-3",
    )


def series_options(points: pd.DataFrame, chart: Chart) -> list[dict[str, str]]:
    """One checkbox per series, labelled with its coverage and the source's last update."""
    named = points.assign(series_name=figures.series_names(points, chart))
    options = []
    for series_id, series in named.groupby("series_id", sort=False):
        years = series["x"].dt.year
        label = (
            f"{series['series_name'].iloc[0]} — {len(series)} points, "
            f"{years.min()}–{years.max()}, last updated {series['last_updated'].max() or 'n.d.'}"
        )
        options.append({"label": label, "value": str(series_id)})
    return sorted(options, key=lambda o: o["label"])


def chart_card(chart: Chart, points: pd.DataFrame, view: ViewState) -> dbc.Card:
    """A chart with its series picker, CSV download and table view."""
    key = {"page": chart.page, "chart": chart.chart_id}
    options = series_options(points, chart)
    shown = [o["value"] for o in options if o["value"] in view.shown]
    return dbc.Card(
        [
            dbc.CardHeader(html.H2(chart.title, className="h5 mb-0"), id=chart.chart_id),
            dbc.CardBody(
                [
                    html.P(chart.description, className="text-body-secondary small"),
                    html.Div(
                        dcc.Loading(
                            dcc.Graph(
                                id={"type": "graph", **key},
                                config=GRAPH_CONFIG,
                                figure=_placeholder(),
                            ),
                            delay_show=300,
                        ),
                        role="figure",
                        **_aria_label(chart),
                    ),
                    html.Details(
                        [
                            html.Summary("Series shown"),
                            dcc.Checklist(
                                options=options,
                                value=shown,
                                id={"type": "series", **key},
                                labelClassName="d-block small",
                            ),
                        ],
                        open=True,
                        className="mb-2",
                    ),
                    dbc.Button(
                        "Download CSV (with sources)",
                        id={"type": "download-btn", **key},
                        color="primary",
                        size="sm",
                        className="me-2",
                    ),
                    dcc.Download(id={"type": "download", **key}),
                    dcc.Store(id={"type": "rows", **key}),
                    html.Details(
                        [
                            html.Summary("Table of the data shown"),
                            dag.AgGrid(
                                id={"type": "grid", **key},
                                columnDefs=_grid_columns(),
                                rowData=[],
                                defaultColDef={"sortable": True, "filter": True, "resizable": True},
                                dashGridOptions={"pagination": True, "paginationPageSize": 20},
                                style={"height": "420px"},
                            ),
                        ],
                        className="mt-2",
                    ),
                ]
            ),
        ],
        className="mb-4",
    )


def _aria_label(chart: Chart) -> Any:
    """An accessible name for a chart (plotly's SVG has none of its own)."""
    text = f"{chart.title}. {chart.description} The table below holds the same data."
    return {"aria-label": text}


def _placeholder() -> dict[str, Any]:
    return {"layout": {"xaxis": {"visible": False}, "yaxis": {"visible": False}, "height": 520}}


def _grid_columns() -> list[dict[str, Any]]:
    return [{"field": field, "headerName": name} for field, name in GRID_COLUMNS]


def grid_rows(points: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows for the table view."""
    table = points[[f for f, _ in GRID_COLUMNS]].sort_values(["indicator_title", "period"])
    records: list[dict[str, Any]] = json.loads(table.to_json(orient="records"))
    return records


def citation_details(
    point: Mapping[str, Any], inputs: pd.DataFrame, origins: pd.DataFrame
) -> list[Any]:
    """The full citation of one point, for the citation panel; a derived point also lists
    its inputs and the sources they rest on."""
    items = [
        html.H3(point["indicator_title"], className="h6"),
        html.P(
            [
                html.Strong(point["period"] + ": "),
                figures.format_value(point["value"], point["unit"]),
            ]
        ),
        html.Dl(
            [
                *_entry("Kind", figures.KIND_LABELS[point["kind"]]),
                *_entry("Citation", point["source_citation"]),
                *_entry("Source", _link(point["source_url"])),
                *_entry("Published", point["source_date_published"] or "not stated"),
                *_entry(
                    "Sources last updated",
                    point["last_updated"] if point["kind"] == "derived" else "",
                ),
                *_entry("Accessed", point["source_date_accessed"]),
                *_entry("Licence", point["source_license"]),
                *_entry("Quote", html.Q(point["source_quote"]) if point["source_quote"] else ""),
                *_entry("Where", point["source_locator"]),
                *_entry(
                    "Verdict", f"{point['verdict']}: {point['reason']}" if point["verdict"] else ""
                ),
                *_entry("Method", point["method"]),
                *_entry("Note", point["note"]),
            ]
        ),
    ]
    if len(inputs):
        items.append(html.H4("Inputs", className="h6"))
        items.append(
            html.Ul(
                [
                    html.Li(
                        [
                            f"{r['indicator_title']}, {r['period']}: "
                            f"{figures.format_value(r['value'], r['unit'])} — "
                            f"{r['source_citation']} ",
                            _link(r["source_url"]),
                        ]
                    )
                    for r in data.records(inputs)
                ]
            )
        )
    if len(origins):
        items.append(html.H4("Sources of the inputs", className="h6"))
        items.append(
            html.Ul(
                [
                    html.Li(
                        [
                            f"{r['citation_full']} Accessed {r['date_accessed'] or '—'}. ",
                            _link(r["url_main"]),
                        ]
                    )
                    for r in data.records(origins)
                ]
            )
        )
    items.append(
        html.P(html.Small(f"Observation id: {point['obs_id']}"), className="text-body-secondary")
    )
    return items


def event_details(event: Mapping[str, Any], source: Mapping[str, Any]) -> list[Any]:
    """The citation of a dated event."""
    return [
        html.H3(event["label"], className="h6"),
        html.Dl(
            [
                *_entry("Date", f"{event['date']} (precision: {event['date_precision']})"),
                *_entry("Citation", source["citation_full"]),
                *_entry("Source", _link(source["url_main"])),
                *_entry("Quote", html.Q(source["quote"]) if source["quote"] else ""),
                *_entry("Where", source["locator"]),
                *_entry("Accessed", source["date_accessed"]),
            ]
        ),
    ]


def _entry(term: str, value: Any) -> list[Any]:
    if value is None or (isinstance(value, str) and not value):
        return []
    return [html.Dt(term), html.Dd(value)]


def _link(url: str) -> Any:
    if not url.startswith(("http://", "https://")):
        return url
    return html.A(url, href=url, target="_blank", rel="noopener noreferrer")


def citation_panel() -> dbc.Offcanvas:
    """The off-canvas panel that shows a clicked point's citation."""
    return dbc.Offcanvas(
        html.Div(id="citation-body"),
        id="citation-panel",
        title="Citation",
        placement="end",
        is_open=False,
        scrollable=True,
        style={"width": "32rem"},
    )
