"""Indicator pages: layout from the URL state (figures drawn into it, no callback needed for
the first view), and the callbacks that redraw charts and fill tabs when asked."""

import re
from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from html import escape as html_escape
from typing import Any

import dash
import flask
import pandas as pd
from dash import ALL, MATCH, ClientsideFunction, Input, Output, State, callback, dcc, html

from dashboard import components, data, drawing, figures, guards, state
from dashboard.charts import PAGES_BY_ID, Chart, Page

Filters = dict[str, Any]
CLAIM_ID = re.compile(r"o[0-9a-f]{10}")
LICENCE = "CC BY 4.0 (the project's tables; each source keeps its own terms)"

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
    """Every point any chart of the page can draw (cached per load; read it, never change it)."""
    return _page_points(page, data.version())


@lru_cache(maxsize=32)
def _page_points(page: Page, version: tuple[int, ...]) -> pd.DataFrame:
    return pd.concat([drawable(chart) for chart in page.charts])


@lru_cache(maxsize=32)
def _offer(page: Page, version: tuple[int, ...]) -> guards.Offer:
    points = page_points(page)
    ids = tuple(frozenset(drawable(chart)["series_id"]) for chart in page.charts)
    return guards.Offer(year_bounds(points), tuple(c.chart_id for c in page.charts), ids)


def offer(page: Page) -> guards.Offer:
    """The years and series ids a page offers, for checking its callbacks' inputs."""
    return _offer(page, data.version())


def year_bounds(points: pd.DataFrame) -> tuple[int, int]:
    """First and last year with a point."""
    years = points["x_year"]
    return int(years.min()), int(years.max())


def visible(points: pd.DataFrame, start: int, end: int, shown: Sequence[str]) -> pd.DataFrame:
    """The points inside the year range whose series is shown."""
    years = points["x_year"]
    shown_points: pd.DataFrame = points[
        (years >= start) & (years <= end) & points["series_id"].isin(shown)
    ]
    return shown_points


def page_layout(page: Page, query: dict[str, object]) -> html.Div:
    """A page restored from its query string (defaults for anything malformed), its charts
    drawn in place."""
    points = page_points(page)
    bounds = year_bounds(points)
    view = state.parse(query, bounds, set(points["series_id"]))
    root = flask.request.host_url.rstrip("/") if flask.has_request_context() else ""
    claim = query.get("claim")
    claim = claim if isinstance(claim, str) and CLAIM_ID.fullmatch(claim) else ""
    return view_layout(page, view, bounds, root, claim, data.version())


@lru_cache(maxsize=256)
def view_layout(
    page: Page,
    view: state.ViewState,
    bounds: tuple[int, int],
    root: str,
    claim: str,
    version: tuple[int, ...],
) -> html.Div:
    """The layout of one view of a page, memoised per view and version of the tables; a
    claim asked for by the query string is pointed out on its chart. Only the first chart
    is drawn at once: the rest of its card and the other cards go in once it is drawn
    (`components.later`)."""
    query = state.to_query(view, set(page_points(page)["series_id"]))
    cards: list[html.Section] = []
    shown_by_chart: dict[str, tuple[str, ...]] = {}
    offered: dict[str, int] = {}
    for number, chart in enumerate(page.charts):
        every = sorted(set(drawable(chart)["series_id"]))
        shown = tuple(s for s in every if s in view.shown)
        shown_by_chart[chart.chart_id], offered[chart.chart_id] = shown, len(every)
        figure = render(page, chart, view.start, view.end, shown, view.events, view.log, version)
        rows = visible(drawable(chart), view.start, view.end, shown)
        if claim in set(rows["obs_id"]):
            figure = figures.highlighted(figure, rows[rows["obs_id"] == claim].iloc[0])
        card = components.chart_card(
            chart,
            drawable(chart),
            view,
            figure,
            export_meta(chart, rows, root, query),
            notes(page, chart, view.start, view.end, shown, view.events),
            first=number == 0,
        )
        cards.append(card)
    events = bool(page.event_topics)
    controls = components.page_controls(page.page, bounds, view, events)
    stored = {
        "years": [view.start, view.end],
        "events": ["on"] if view.events and events else [],
        "log": ["on"] if view.log else [],
        "shown": shown_by_chart,
    }
    return html.Div(
        [
            html.H1(page.name, className="h3 mt-3"),
            html.P(page.intro, className="lead fs-6"),
            html.Div(
                components.later(f"{page.page}/controls", [controls]),
                className="controls-slot" + (" with-events" if events else ""),
            ),
            cards[0],
            *components.later(f"{page.page}/cards", cards[1:]),
            dcc.Store(id=f"{page.page}-url"),
            dcc.Store(id=f"{page.page}-view", data=stored),
            dcc.Store(id=f"{page.page}-offered", data=offered),
        ]
    )


def export_meta(chart: Chart, rows: pd.DataFrame, root: str, query: str) -> dict[str, Any]:
    """What an exported image and a citation carry: title, subtitle, source line, licence,
    the page's address, a ready-made citation in text and BibTeX, and an embed snippet."""
    page = PAGES_BY_ID[chart.page]
    page_url = f"{root}{page.path}?{query}"
    embed_url = f"{root}/embed/{chart.page}/{chart.chart_id}?{query}"
    sources = figures.source_line(rows) or "Sources: none in the selected years."
    today = date.today().isoformat()
    title = chart.title
    citation = (
        f"{components.PROJECT} (2026). {title} [chart]. {sources} {page_url} "
        f"(accessed {today}). Licence: {LICENCE}."
    )
    bibtex = "\n".join(
        [
            f"@misc{{china-russia-figures-{chart.page}-{chart.chart_id},",
            "  author = {{China–Russia figures}},",
            f"  title = {{{title}}},",
            "  year = {2026},",
            f"  howpublished = {{\\url{{{page_url}}}}},",
            f"  note = {{{sources} Accessed {today}. Licence: {LICENCE}}}",
            "}",
        ]
    )
    return {
        "title": title,
        "subtitle": chart.description,
        "sources": sources,
        "licence": LICENCE,
        "citation": citation,
        "bibtex": bibtex,
        "page_url": page_url,
        "embed_url": embed_url,
        "embed": (
            f'<iframe src="{embed_url}" title="{html_escape(title)}" width="100%" '
            'height="560" style="border:0" loading="lazy"></iframe>'
        ),
        "filename": f"china-russia-{chart.page}-{chart.chart_id}",
    }


def update_charts(
    page: Page,
    years: Sequence[int],
    shown: Sequence[Sequence[str]],
    events: Sequence[str],
    log: Sequence[str] = (),
) -> tuple[list[Any], list[Filters], list[Any]]:
    """Figures, download filters and notes (source line, events) of every chart on the page."""
    start, end = int(years[0]), int(years[1])
    version = data.version()
    figures_, filters, lines = [], [], []
    for chart, series in zip(page.charts, shown, strict=True):
        figures_.append(
            render(page, chart, start, end, tuple(series), bool(events), bool(log), version)
        )
        filters.append({"start": start, "end": end, "series": list(series)})
        lines.append(notes(page, chart, start, end, series, bool(events)))
    return figures_, filters, lines


def notes(
    page: Page, chart: Chart, start: int, end: int, series: Sequence[str], events: bool
) -> list[Any]:
    """The source line of a chart's visible points and, when events are on, the events it
    marks (numbered as on the chart)."""
    picked = prepared(chart, data.version()).select(start, end, series)
    marked = marked_events(page, chart, start, end, series) if events else None
    return components.chart_notes(drawing.source_line(picked) or figures.EMPTY_MESSAGE, marked)


def marked_events(
    page: Page, chart: Chart, start: int, end: int, series: Sequence[str]
) -> list[drawing.Event]:
    """The events a chart marks in a view, in the order it numbers them."""
    picked = prepared(chart, data.version()).select(start, end, series)
    if not picked:
        return []
    return drawing.chart_events(page_events(page, start, end), *drawing.span(picked))


@lru_cache(maxsize=256)
def render(
    page: Page,
    chart: Chart,
    start: int,
    end: int,
    series: tuple[str, ...],
    events: bool,
    log: bool,
    version: tuple[int, ...],
) -> dict[str, Any]:
    """One chart's figure, memoised per view and per version of the tables (the tables
    change only on `make data` or `make refresh`); colours from every series of the chart."""
    picked = prepared(chart, version).select(start, end, series)
    marked = page_events(page, start, end) if events else None
    return drawing.spec(picked, marked, log_scale=log)


@lru_cache(maxsize=64)
def prepared(chart: Chart, version: tuple[int, ...]) -> drawing.Drawing:
    """A chart's points in tracks, with hover text, names, order and colours, once per build
    of the tables."""
    return drawing.prepare(drawable(chart))


def page_events(page: Page, start: int, end: int) -> list[drawing.Event]:
    """The dated events related to a page's topics, inside the years."""
    return drawing.in_years(_page_events(page, data.version()), start, end)


@lru_cache(maxsize=32)
def _page_events(page: Page, version: tuple[int, ...]) -> list[drawing.Event]:
    events = data.load().events
    return drawing.event_list(events[events["category"].isin(page.event_topics)])


def chart_filter(chart: Chart, filters: Filters) -> pd.DataFrame:
    """The rows a chart shows under the filters its page callback stored."""
    return visible(drawable(chart), int(filters["start"]), int(filters["end"]), filters["series"])


# An open Table or Sources tab, and the view it shows: set when a tab opens and when the view
# changes while one is open (not while the chart is shown: then nothing reaches the server).
dash.clientside_callback(
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
    chart = guards.chart(dash.ctx.triggered_id)
    if not isinstance(opened, dict) or opened.get("tab") not in ("table", "sources"):
        raise guards.Refused()
    page = PAGES_BY_ID[chart.page]
    filters = guards.chart_filters(opened.get("rows"), offer(page), page.charts.index(chart))
    rows = chart_filter(chart, filters)
    if opened["tab"] == "table":
        return components.data_table(rows, figures.series_labels(drawable(chart))), dash.no_update
    return dash.no_update, components.sources_list(rows, chart, data.load().sources)


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
    # The view (years, switches, series shown on each chart) lives in one page store: the
    # controls and series lists write to it (a control put in with its card or slot changes
    # nothing, so fires nothing), the redraw and the address read it.
    view = f"{page.page}-view"

    @callback(
        Output({"type": "graph", "page": page.page, "chart": ALL}, "figure"),
        Output({"type": "rows", "page": page.page, "chart": ALL}, "data"),
        Output({"type": "source", "page": page.page, "chart": ALL}, "children"),
        Input(view, "data"),
        prevent_initial_call=True,
    )
    def redraw(stored: object) -> tuple[list[Any], ...]:
        """Every chart on the page so far (cards still to come were drawn for this view)."""
        offered = offer(page)
        checked = guards.page_view(offered, stored)
        drawn = update_charts(page, checked.years, checked.shown, checked.events, checked.log)
        return tuple(
            [values[i] for i in guards.drawn_charts(outputs, offered)]
            for values, outputs in zip(drawn, dash.ctx.outputs_list, strict=True)
        )

    dash.clientside_callback(
        ClientsideFunction("grapher", "collectControls"),
        Output(view, "data", allow_duplicate=True),
        Input(f"{page.page}-years", "value"),
        Input(f"{page.page}-events", "value"),
        Input(f"{page.page}-log", "value"),
        State(view, "data"),
        prevent_initial_call=True,
    )
    dash.clientside_callback(
        ClientsideFunction("grapher", "collectSeries"),
        Output(view, "data", allow_duplicate=True),
        Input(series, "value"),
        State(view, "data"),
        prevent_initial_call=True,
    )
    dash.clientside_callback(
        ClientsideFunction("grapher", "syncUrl"),
        Output(f"{page.page}-url", "data"),
        Input(view, "data"),
        State(f"{page.page}-offered", "data"),
        prevent_initial_call=True,
    )

    def layout(**query: object) -> html.Div:
        return page_layout(page, query)

    return layout
