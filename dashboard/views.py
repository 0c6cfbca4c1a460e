"""Indicator pages: layout from the URL state, and the callback that redraws their charts."""

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

import dash
import numpy as np
import pandas as pd
from dash import ALL, Input, Output, State, callback, clientside_callback, dcc, html

from dashboard import components, data, figures, guards, state
from dashboard.charts import Chart, Page

Rows = list[dict[str, Any]]


_CACHE: dict[tuple[tuple[int, ...], Chart], pd.DataFrame] = {}


def drawable(chart: Chart) -> pd.DataFrame:
    """Every point a chart can draw, from the current tables (cached per load)."""
    key = (data.version(), chart)
    if key not in _CACHE:
        if len(_CACHE) > 64:
            _CACHE.clear()
        _CACHE[key] = chart_points(data.load().points, chart)
    return _CACHE[key]


def chart_points(points: pd.DataFrame, chart: Chart) -> pd.DataFrame:
    """Every point a chart can draw."""
    mask = points["indicator"].isin(chart.indicators)
    if chart.economies:
        mask &= points["economy"].isin(chart.economies)
    return points[mask]


def page_points(page: Page) -> pd.DataFrame:
    """Every point any chart of the page can draw."""
    points = data.load().points
    return pd.concat([chart_points(points, c) for c in page.charts])


@lru_cache(maxsize=32)
def _offer(page: Page, version: tuple[int, ...]) -> guards.Offer:
    points = page_points(page)
    ids = tuple(frozenset(chart_points(points, chart)["series_id"]) for chart in page.charts)
    return guards.Offer(year_bounds(points), ids)


def offer(page: Page) -> guards.Offer:
    """The years and series ids a page offers, for checking its callbacks' inputs."""
    return _offer(page, data.version())


def year_bounds(points: pd.DataFrame) -> tuple[int, int]:
    """First and last year with a point."""
    years = points["x"].dt.year
    return int(years.min()), int(years.max())


def visible(points: pd.DataFrame, start: int, end: int, shown: Sequence[str]) -> pd.DataFrame:
    """The points inside the year range whose series is shown."""
    years = points["x"].dt.year
    shown_points: pd.DataFrame = points[
        (years >= start) & (years <= end) & points["series_id"].isin(shown)
    ]
    return shown_points


def page_layout(page: Page, query: dict[str, object]) -> html.Div:
    """A page restored from its query string (defaults for anything malformed)."""
    offered = offer(page)
    view = state.parse(query, offered.bounds, frozenset().union(*offered.series))
    return view_layout(page, view, data.version())


@lru_cache(maxsize=64)
def view_layout(page: Page, view: state.ViewState, version: tuple[int, ...]) -> html.Div:
    """A page's layout for one view, memoised by the parsed (bounded) view."""
    points = page_points(page)
    bounds = year_bounds(points)
    return html.Div(
        [
            html.H1(page.name, className="h3 mt-3"),
            html.P(page.intro, className="lead fs-6"),
            components.page_controls(page.page, bounds, view),
            *[
                components.chart_card(chart, chart_points(points, chart), view)
                for chart in page.charts
            ],
            dcc.Store(id=f"{page.page}-url"),
        ]
    )


def update_charts(
    page: Page,
    years: Sequence[int],
    shown: Sequence[Sequence[str]],
    events: Sequence[str],
    log: Sequence[str] = (),
) -> tuple[list[Any], list[Rows], list[dict[str, Any]]]:
    """Figures, table rows and download filters of every chart on the page."""
    start, end = int(years[0]), int(years[1])
    version = data.version()
    figures_, rows, filters = [], [], []
    for chart, series in zip(page.charts, shown, strict=True):
        first, last = span(chart_years(chart, tuple(series), bool(events), version), start, end)
        spec, table = render(chart, first, last, tuple(series), bool(events), bool(log), version)
        figures_.append(spec)
        rows.append(table)
        filters.append({"start": start, "end": end, "series": list(series)})
    return figures_, rows, filters


@lru_cache(maxsize=128)
def chart_years(
    chart: Chart, series: tuple[str, ...], events: bool, version: tuple[int, ...]
) -> np.ndarray:
    """The distinct years of a chart's points in these series, and of the events if shown."""
    points = drawable(chart)
    years = points.loc[points["series_id"].isin(series), "x"].dt.year
    if events:
        years = pd.concat([years, data.load().events["x"].dt.year])
    return np.unique(years.to_numpy())


def span(years: np.ndarray, start: int, end: int) -> tuple[int, int]:
    """The narrowest range holding the same years: ranges that draw the same share a memo entry
    ((0, 0) when nothing is inside)."""
    inside = years[(years >= start) & (years <= end)]
    return (int(inside[0]), int(inside[-1])) if inside.size else (0, 0)


@lru_cache(maxsize=256)
def render(
    chart: Chart,
    start: int,
    end: int,
    series: tuple[str, ...],
    events: bool,
    log: bool,
    version: tuple[int, ...],
) -> tuple[dict[str, Any], Rows]:
    """One chart's figure and table rows, memoised per view and per version of the tables
    (the tables change only on `make data` or `make refresh`)."""
    points = visible(drawable(chart), start, end, series)
    event_rows = _events(data.load().events, start, end) if events else None
    spec = figures.chart_spec(points, chart, event_rows, log_scale=log)
    return spec, components.grid_rows(points)


def _events(events: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    years = events["x"].dt.year
    inside: pd.DataFrame = events[(years >= start) & (years <= end)]
    return inside


def chart_filter(chart: Chart, filters: dict[str, Any]) -> pd.DataFrame:
    """The rows a chart shows under the filters its page callback stored."""
    return visible(drawable(chart), int(filters["start"]), int(filters["end"]), filters["series"])


URL_SYNC = """
function(years, events, log, shown, options) {
    const params = new URLSearchParams();
    if (years) { params.set('start', years[0]); params.set('end', years[1]); }
    if (events && events.length) { params.set('events', '1'); }
    if (log && log.length) { params.set('log', '1'); }
    const all = options.every((o, i) => (shown[i] || []).length === o.length);
    if (!all) { params.set('series', shown.flat().join(',')); }
    const query = params.toString();
    window.history.replaceState(null, '', window.location.pathname + '?' + query);
    return query;
}
"""


def register_page_for(module: str, page: Page, order: int) -> Callable[..., html.Div]:
    """Register an indicator page and its callbacks; return its layout function."""
    dash.register_page(
        module,
        path=page.path,
        name=page.name,
        order=order,
        title=f"{page.name} · China–Russia figures",
    )
    series = {"type": "series", "page": page.page, "chart": ALL}

    @callback(
        Output({"type": "graph", "page": page.page, "chart": ALL}, "figure"),
        Output({"type": "grid", "page": page.page, "chart": ALL}, "rowData"),
        Output({"type": "rows", "page": page.page, "chart": ALL}, "data"),
        Input(f"{page.page}-years", "value"),
        Input(series, "value"),
        Input(f"{page.page}-events", "value"),
        Input(f"{page.page}-log", "value"),
    )
    def redraw(
        years: object, shown: object, events: object, log: object
    ) -> tuple[list[Any], list[Rows], list[dict[str, Any]]]:
        view = guards.page_view(offer(page), years, shown, events, log)
        return update_charts(page, view.years, view.shown, view.events, view.log)

    clientside_callback(
        URL_SYNC,
        Output(f"{page.page}-url", "data"),
        Input(f"{page.page}-years", "value"),
        Input(f"{page.page}-events", "value"),
        Input(f"{page.page}-log", "value"),
        Input(series, "value"),
        State(series, "options"),
    )

    def layout(**query: object) -> html.Div:
        return page_layout(page, query)

    return layout
