"""Callbacks shared by every page: the citation panel, each chart card's Table and Sources
tabs and CSV download, and what waits for a page's first chart (the other charts, the share
panels' contents). An indicator page's own callbacks are in indicator_page.py."""

from typing import Any
from urllib.parse import parse_qs

import pandas as pd
from dash import (
    ALL,
    MATCH,
    ClientsideFunction,
    Input,
    Output,
    State,
    callback,
    clientside_callback,
    ctx,
    no_update,
)
from dash.dcc.express import send_string

from dashboard import cards, citations, data, downloads, guards, memo, view
from dashboard.charts import encoding, transforms
from dashboard.charts.registry import PAGES_BY_ID, Chart


def citation_for(click: object) -> tuple[bool, list[Any]]:
    """Whether to open the citation panel, and what it shows, for a click on a chart: the
    citation of the point clicked, or of every point drawn at that spot (the one on top
    first)."""
    found = [d for d in map(details, guards.clicked_ids(click)) if d]
    if len(found) < 2:
        return bool(found), found[0] if found else []
    return True, citations.several(found)


def details(key: str) -> list[Any]:
    """The citation of one observation or event; [] for an id the tables do not hold."""
    tables = data.load()
    if key.startswith("event:"):
        events = data.records(
            tables.events[tables.events["event_id"] == key.removeprefix("event:")]
        )
        if not events:
            return []
        sources = tables.sources[tables.sources["source_id"] == events[0]["source_id"]]
        return citations.event_details(events[0], data.records(sources)[0])
    points = data.records(tables.points[tables.points["obs_id"] == key])
    if not points:
        return []
    inputs = tables.points[tables.points["obs_id"].isin(points[0]["input_obs_ids"].split(";"))]
    origin_ids = points[0]["input_source_ids"].split(";")
    origins = tables.sources[tables.sources["source_id"].isin(origin_ids)]
    claims = data.records(tables.claims_check[tables.claims_check["obs_id"] == key])
    for claim in claims:
        producers = tables.sources.loc[
            tables.sources["source_id"] == claim["official_source_id"], "producer"
        ]
        claim["official_producer"] = producers.iloc[0] if len(producers) else ""
    return citations.citation_details(points[0], inputs, origins, claims[0] if claims else {})


@callback(
    Output("citation-panel", "className"),
    Output("citation-body", "children"),
    Input("cite-clicked", "data"),
    Input("cite-chosen", "data"),
    Input("_pages_location", "search"),
    prevent_initial_call=True,
)
def open_citation(_clicked: object, _cell: object, _search: object) -> tuple[Any, Any]:
    """Show the citation of the points just clicked on a chart or chosen in a table, or of
    the point a link followed within the site names (`?point=`; a page loaded whole opens
    with it: app.py)."""
    trigger = ctx.triggered[0] if ctx.triggered else None
    if not trigger or not trigger.get("value"):
        return no_update, no_update
    if ctx.triggered_id == "_pages_location":
        search = trigger["value"] if isinstance(trigger["value"], str) else ""
        query = {key: values[0] for key, values in parse_qs(search.lstrip("?")).items()}
        point = view.observation(query, "point")
        if not point:
            return no_update, no_update
        found, body = citation_for({"points": [{"customdata": [point]}]})
    elif ctx.triggered_id == "cite-chosen":
        cell = trigger["value"]
        obs = cell.get("obs") if isinstance(cell, dict) else None
        found, body = citation_for({"points": [{"customdata": [obs]}]})
    else:
        found, body = citation_for(trigger["value"])
    return citations.panel_class(found), body


clientside_callback(
    ClientsideFunction("grapher", "closePanel"),
    Output("citation-panel", "className", allow_duplicate=True),
    Input("citation-panel-close", "n_clicks"),
    State("citation-panel", "className"),
    prevent_initial_call=True,
)


clientside_callback(
    ClientsideFunction("grapher", "pointsAtSpot"),
    Output("cite-clicked", "data"),
    Input({"type": "graph", "page": ALL, "chart": ALL}, "clickData"),
    State({"type": "graph", "page": ALL, "chart": ALL}, "figure"),
    prevent_initial_call=True,
)


def shown_rows(chart: Chart, stored: object) -> tuple[view.View, pd.DataFrame]:
    """The view in a chart's rows store (checked) and the rows the chart shows in it."""
    page = PAGES_BY_ID[chart.page]
    shown = view.from_rows(memo.offer(page), page.charts.index(chart), stored)
    every = memo.drawable(chart)
    return shown, memo.visible(every, shown.start, shown.end, sorted(shown.shown))


# An open Table or Sources tab, and the view it shows: set when a tab opens and when the view
# changes while one is open (not while the chart is shown: then nothing reaches the server).
clientside_callback(
    ClientsideFunction("grapher", "openTab"),
    Output({"type": "tab-view", "page": MATCH, "chart": MATCH}, "data"),
    Input({"type": "tabs", "page": MATCH, "chart": MATCH}, "data"),
    Input({"type": "rows", "page": MATCH, "chart": MATCH}, "data"),
    prevent_initial_call=True,
)


@callback(
    Output({"type": "table", "page": MATCH, "chart": MATCH}, "children"),
    Output({"type": "sources", "page": MATCH, "chart": MATCH}, "children"),
    Input({"type": "tab-view", "page": MATCH, "chart": MATCH}, "data"),
    prevent_initial_call=True,
)
def fill_tab(opened: object) -> tuple[Any, Any]:
    """Build the Table or Sources tab only when it is opened (and again when the view changes
    while it is open)."""
    chart = guards.chart(ctx.triggered_id)
    if not isinstance(opened, dict) or opened.get("tab") not in ("table", "sources"):
        raise guards.Refused()
    _, rows = shown_rows(chart, opened.get("rows"))
    if opened["tab"] == "table":
        labels = encoding.series_labels(memo.drawable(chart))
        return cards.data_table(rows, labels), no_update
    return no_update, cards.sources_list(rows, chart, data.load().sources)


def chart_download(key: object, stored: object, everything: bool = False) -> dict[str, Any] | None:
    """The CSV of exactly the rows a chart shows, or of every row it can show."""
    chart = guards.chart(key)
    if not stored:
        return None
    shown, rows = shown_rows(chart, stored)
    span = f"{shown.start}-{shown.end}"
    if everything:
        rows, span = memo.drawable(chart), "all"
    if shown.transform == transforms.LEVEL:
        text = downloads.chart_csv(rows)
    else:
        drawing = memo.transformed(chart, shown.transform, shown.base)
        label = transforms.label(shown.transform, shown.base)
        text = downloads.transformed_csv(rows, drawing, label)
        span += f"-{shown.transform}" + (f"-{shown.base}" if shown.transform == "index" else "")
    name = f"china-russia-{chart.page}-{chart.chart_id}-{span}.csv"
    return dict(send_string(text, name, type="text/csv"))


@callback(
    Output({"type": "download", "page": MATCH, "chart": MATCH}, "data"),
    Input({"type": "download-btn", "page": MATCH, "chart": MATCH}, "n_clicks"),
    Input({"type": "download-all", "page": MATCH, "chart": MATCH}, "n_clicks"),
    State({"type": "rows", "page": MATCH, "chart": MATCH}, "data"),
    prevent_initial_call=True,
)
def download(_shown: object, _all: object, filters: object) -> dict[str, Any] | None:
    """Send the chart's CSV."""
    key = ctx.triggered_id
    everything = isinstance(key, dict) and key.get("type") == "download-all"
    return chart_download(key, filters, everything=everything)


for image in ("png", "svg"):
    clientside_callback(
        ClientsideFunction("grapher", f"download_{image}"),
        Output({"type": image, "page": MATCH, "chart": MATCH}, "disabled"),
        Input({"type": image, "page": MATCH, "chart": MATCH}, "n_clicks"),
        State({"type": "graph", "page": MATCH, "chart": MATCH}, "figure"),
        State({"type": "export", "page": MATCH, "chart": MATCH}, "data"),
        State({"type": "source", "page": MATCH, "chart": MATCH}, "children"),
        prevent_initial_call=True,
    )

clientside_callback(
    ClientsideFunction("grapher", "followSources"),
    Output({"type": "export", "page": MATCH, "chart": MATCH}, "data"),
    Input({"type": "source", "page": MATCH, "chart": MATCH}, "children"),
    State({"type": "export", "page": MATCH, "chart": MATCH}, "data"),
    prevent_initial_call=True,
)

clientside_callback(
    ClientsideFunction("grapher", "currentUrl"),
    Output({"type": "copy-link", "page": MATCH, "chart": MATCH}, "content"),
    Input({"type": "copy-link", "page": MATCH, "chart": MATCH}, "n_clicks"),
    prevent_initial_call=True,
)

clientside_callback(
    ClientsideFunction("grapher", "mount"),
    Output({"type": "later", "slot": MATCH}, "children"),
    Input({"type": "later-contents", "slot": MATCH}, "data"),
)
