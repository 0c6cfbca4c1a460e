"""Callbacks shared by every page: the citation panel and the per-chart CSV download."""

from typing import Any

from dash import ALL, MATCH, Input, Output, State, callback, ctx, no_update
from dash.dcc.express import send_string

from dashboard import components, data, downloads, guards
from dashboard.charts import PAGES_BY_ID
from dashboard.views import chart_filter, offer


def citation_for(click: object) -> tuple[bool, list[Any]]:
    """Whether to open the citation panel, and what it shows, for a click on a point."""
    key = guards.clicked_id(click)
    if key is None:
        return False, []
    tables = data.load()
    if key.startswith("event:"):
        events = data.records(
            tables.events[tables.events["event_id"] == key.removeprefix("event:")]
        )
        if not events:
            return False, []
        sources = tables.sources[tables.sources["source_id"] == events[0]["source_id"]]
        return True, components.event_details(events[0], data.records(sources)[0])
    points = data.records(tables.points[tables.points["obs_id"] == key])
    if not points:
        return False, []
    inputs = tables.points[tables.points["obs_id"].isin(points[0]["input_obs_ids"].split(";"))]
    origin_ids = points[0]["input_source_ids"].split(";")
    origins = tables.sources[tables.sources["source_id"].isin(origin_ids)]
    return True, components.citation_details(points[0], inputs, origins)


@callback(
    Output("citation-panel", "is_open"),
    Output("citation-body", "children"),
    Input({"type": "graph", "page": ALL, "chart": ALL}, "clickData"),
    prevent_initial_call=True,
)
def open_citation(_clicks: object) -> tuple[Any, Any]:
    """Show the citation of the point just clicked."""
    trigger = ctx.triggered[0] if ctx.triggered else None
    if not trigger or not trigger.get("value"):
        return no_update, no_update
    return citation_for(trigger["value"])


def chart_download(key: object, stored: object) -> dict[str, Any] | None:
    """The CSV of exactly the rows a chart shows."""
    chart = guards.chart(key)
    if not stored:
        return None
    page = PAGES_BY_ID[chart.page]
    filters = guards.chart_filters(stored, offer(page), page.charts.index(chart))
    rows = chart_filter(chart, filters)
    name = f"china-russia-{chart.page}-{chart.chart_id}-{filters['start']}-{filters['end']}.csv"
    return dict(send_string(downloads.chart_csv(rows), name, type="text/csv"))


@callback(
    Output({"type": "download", "page": MATCH, "chart": MATCH}, "data"),
    Input({"type": "download-btn", "page": MATCH, "chart": MATCH}, "n_clicks"),
    State({"type": "rows", "page": MATCH, "chart": MATCH}, "data"),
    prevent_initial_call=True,
)
def download(_clicks: object, filters: object) -> dict[str, Any] | None:
    """Send the chart's CSV."""
    return chart_download(ctx.triggered_id, filters)
