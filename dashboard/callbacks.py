"""Callbacks shared by every page: the citation panel and the per-chart CSV download."""

from typing import Any

from dash import ALL, MATCH, Input, Output, State, callback, ctx, dcc, html, no_update

from dashboard import components, data, downloads
from dashboard.charts import CHARTS
from dashboard.views import chart_filter


def citation_for(click: dict[str, Any] | None) -> tuple[bool, list[Any]]:
    """Whether to open the citation panel, and what it shows, for a click on a point."""
    if not click or not click.get("points"):
        return False, []
    custom = click["points"][0].get("customdata") or []
    key = str(custom[0]) if custom else ""
    tables = data.load()
    if key.startswith("event:"):
        events = tables.events.set_index("event_id")
        event_id = key.removeprefix("event:")
        if event_id not in events.index:
            return False, []
        event = events.loc[event_id]
        source = tables.sources.set_index("source_id").loc[event["source_id"]]
        return True, components.event_details(event, source)
    points = tables.points.set_index("obs_id", drop=False)
    if key not in points.index:
        return False, []
    point = points.loc[key]
    input_ids = [i for i in point["input_obs_ids"].split(";") if i]
    return True, components.citation_details(point, points.loc[input_ids])


@callback(
    Output("citation-panel", "is_open"),
    Output("citation-body", "children"),
    Input({"type": "graph", "page": ALL, "chart": ALL}, "clickData"),
    prevent_initial_call=True,
)
def open_citation(_clicks: list[dict[str, Any] | None]) -> tuple[bool, list[Any]]:
    """Show the citation of the point just clicked."""
    trigger = ctx.triggered[0] if ctx.triggered else None
    if not trigger or not trigger.get("value"):
        return no_update, no_update
    return citation_for(trigger["value"])


def chart_download(key: dict[str, str], filters: dict[str, Any] | None) -> dict[str, Any] | None:
    """The CSV of exactly the rows a chart shows."""
    chart = CHARTS.get((key["page"], key["chart"]))
    if chart is None or not filters:
        return None
    rows = chart_filter(chart, filters)
    name = f"china-russia-{chart.page}-{chart.chart_id}-{filters['start']}-{filters['end']}.csv"
    return dict(dcc.send_string(downloads.chart_csv(rows), name, type="text/csv"))


@callback(
    Output({"type": "download", "page": MATCH, "chart": MATCH}, "data"),
    Input({"type": "download-btn", "page": MATCH, "chart": MATCH}, "n_clicks"),
    State({"type": "rows", "page": MATCH, "chart": MATCH}, "data"),
    prevent_initial_call=True,
)
def download(_clicks: int | None, filters: dict[str, Any] | None) -> dict[str, Any] | None:
    """Send the chart's CSV."""
    return chart_download(ctx.triggered_id, filters)

