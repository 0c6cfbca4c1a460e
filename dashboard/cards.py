"""Layout fragments: controls and chart cards (Chart / Table / Sources tabs, the
series legend, the download, share and cite panel). The citation panel is in citations.py."""

import re
from collections.abc import Callable, Mapping, Sequence
from html import escape
from typing import Any

import pandas as pd
from dash import dcc, html

from dashboard import citations, customs_gap, data, widgets
from dashboard.charts import encoding, transforms
from dashboard.charts.plotting import Event
from dashboard.charts.registry import Chart
from dashboard.view import View

GRAPH_CONFIG: Any = {
    "displaylogo": False,
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "modeBarButtonsToRemove": [
        "sendDataToCloud",
        "editInChartStudio",
        "lasso2d",
        "select2d",
        "zoomIn2d",
        "zoomOut2d",
        "autoScale2d",
    ],
    "toImageButtonOptions": {"format": "png", "scale": 2},
    "responsive": True,
}
PROJECT = citations.PROJECT
VERDICT_MARKS = {"circle-open": "○", "hexagon-open": "⬡", "x-thin-open": "✕", "square-open": "□"}


def page_controls(page: str, bounds: tuple[int, int], view: View, events: bool) -> html.Div:
    """Year range, log scale and (where the page has related events) the event toggle."""
    low, high = bounds
    step = 20 if high - low > 40 else 10 if high - low > 20 else 5
    marks = {
        y: str(y)
        for y in range(low, high + 1)
        if y % step == 0 and min(y - low, high - y) > step * 0.6
    }
    marks |= {low: str(low), high: str(high)}
    switches = [
        widgets.switch("Events", f"{page}-events", view.events and events, hidden=not events),
        widgets.switch("Log scale", f"{page}-log", view.log),
    ]
    return html.Div(
        [
            html.Div(
                [
                    html.Label("Years", htmlFor=f"{page}-years", className="form-label small"),
                    dcc.RangeSlider(
                        low,
                        high,
                        1,
                        value=[view.start, view.end],
                        marks=marks,
                        id=f"{page}-years",
                        tooltip={"placement": "bottom"},
                        allowCross=False,
                    ),
                ],
                className="controls-years",
            ),
            html.Div(switches, className="controls-switches"),
        ],
        className="page-controls mb-3",
    )


def transform_controls(
    page: str, bounds: tuple[int, int], view: View, offered: Sequence[str]
) -> html.Fieldset:
    """The transforms as radio buttons, and an index's base year (shown for the index); a
    change loads the page at its new address (assets/grapher.js `applyTransform`). Drawn with
    the first chart (not put in later with the other controls): the page never shifts."""
    return html.Fieldset(
        [
            html.Legend("Show", className="form-label small mb-0"),
            dcc.RadioItems(
                options=[{"label": _transform_label(t), "value": t} for t in offered],
                value=view.transform,
                id=f"{page}-transform",
                className="transform-options",
                inputClassName="form-check-input me-1",
                labelClassName="me-3",
                inline=True,
            ),
            html.Span(
                [
                    html.Label("= 100 in", htmlFor=f"{page}-base", className="small me-1"),
                    dcc.Input(
                        id=f"{page}-base",
                        type="number",
                        min=bounds[0],
                        max=bounds[1],
                        step=1,
                        value=view.base,
                        debounce=True,
                        className="base-year",
                    ),
                ],
                className="" if view.transform == "index" else "d-none",
            ),
            dcc.Store(id=f"{page}-reload"),
        ],
        className="controls-transform",
    )


def _transform_label(transform: str) -> html.Span:
    """A transform's name; phones show its first words (transforms.ON_PHONES)."""
    shown, rest = transforms.control_label(transform)
    return html.Span([shown, html.Span(rest, className="d-none d-sm-inline")] if rest else shown)


def swatch_classes(kind: str, status: str) -> str:
    """The swatch of a series drawn as the chart draws it: a line, a dashed line, a dot, a
    hollow diamond for planned figures and targets, a hollow circle for claims."""
    planned = kind == "official_statement" and status != "reported"
    return f"swatch-{kind}" + (" swatch-planned" if planned else "")


def _swatch(color: str, kind: str, status: str) -> html.Span:
    return html.Span(className=f"swatch {swatch_classes(kind, status)}", style={"--swatch": color})


def series_options(points: pd.DataFrame, colors: Mapping[str, str]) -> list[dict[str, Any]]:
    """One checkbox per series, in the chart's fixed order, with its colour swatch."""
    named = points.assign(series_name=encoding.series_names(points, encoding.series_labels(points)))
    first = named.drop_duplicates("series_id").set_index("series_id")
    options = []
    for series_id in encoding.series_order(points):
        row = first.loc[series_id]
        color = colors.get(series_id, "#57606a")
        swatch = _swatch(color, str(row["kind"]), str(row["status"]))
        label = html.Span([swatch, str(row["series_name"])])
        options.append({"label": label, "value": series_id})
    return options


def series_key(points: pd.DataFrame) -> html.Ul:
    """A chart's legend in HTML (it wraps on a phone, never clipped): each series' swatch and
    name, as the chart cards' checklists show them."""
    options = series_options(points, encoding.series_colors(points))
    return html.Ul(
        [html.Li(option["label"], className="series-option") for option in options],
        className="series-legend series-key list-unstyled mb-1",
        **widgets.attributes({"aria-label": "Series on the chart"}),
    )


def verdict_badge(verdict: str) -> html.Span:
    """The verdict as shape and word on a light fill (dark text: WCAG AA), not colour alone."""
    word, symbol, _ = encoding.VERDICT_STYLES.get(verdict, encoding.VERDICT_STYLES[""])
    return html.Span(
        f"{VERDICT_MARKS[symbol]} {word}", className=f"badge verdict-badge verdict-{verdict}"
    )


def verdict_key(points: pd.DataFrame) -> html.P | None:
    """What the claim markers mean, shape and word (not colour alone)."""
    verdicts = sorted(set(points.loc[points["kind"] == "article_claim", "verdict"]))
    if not verdicts:
        return None
    marks = VERDICT_MARKS
    items: list[Any] = ["Claims: "]
    for verdict in verdicts:
        word, symbol, color = encoding.VERDICT_STYLES.get(verdict, encoding.VERDICT_STYLES[""])
        items.append(html.Span([html.Span(marks[symbol], style={"color": color}), " ", word]))
        items.append(" ")
    return html.P(items, className="verdict-key small mb-1")


def chart_card(
    chart: Chart,
    points: pd.DataFrame,
    view: View,
    figure: dict[str, Any],
    export: dict[str, Any],
    notes: list[Any],
    first: bool = False,
) -> html.Section:
    """A chart with tabs Chart / Table / Sources, its source line, its series legend (a
    checklist) and a download, share and cite panel. On the page's first card the legend and
    the panel go in once the chart is drawn (`later`); the other cards come whole, later."""
    key = {"page": chart.page, "chart": chart.chart_id}
    options = series_options(points, encoding.series_colors(points))
    shown = [o["value"] for o in options if o["value"] in view.shown]
    graph = dcc.Graph(
        id={"type": "graph", **key}, config=GRAPH_CONFIG, figure=figure, className="chart-graph"
    )
    description = (
        f"{chart.title}. {chart.description} The Table tab holds the data; "
        "the arrow keys move between the chart's points, Enter opens a point's citation."
    )
    chart_tab = [
        html.Div(
            graph,
            role="figure",
            className="chart-figure",
            tabIndex="0",
            **widgets.attributes({"aria-label": description}),
        ),
        verdict_key(points),
        html.Div(notes, id={"type": "source", **key}),
    ]
    rest = [
        html.Details(
            [
                html.Summary(f"Series ({len(shown)} of {len(options)} shown)", className="small"),
                dcc.Checklist(
                    options=options,
                    value=shown,
                    id={"type": "series", **key},
                    className="series-legend",
                    labelClassName="series-option",
                ),
            ],
            className="mt-2",
            open=True,
        ),
        share_panel(key, export),
    ]
    return html.Section(
        [
            html.H2(chart.title, className="h5 mb-1"),
            html.P(export["subtitle"], className="text-body-secondary small mb-2"),
            widgets.tabs(
                key,
                [
                    ("chart", "Chart", chart_tab),
                    ("table", "Table", html.Div(id={"type": "table", **key})),
                    ("sources", "Sources", html.Div(id={"type": "sources", **key})),
                ],
            ),
            dcc.Store(id={"type": "tab-view", **key}),
            dcc.Store(id={"type": "rows", **key}, data=view.rows(set(points["series_id"]))),
            dcc.Store(id={"type": "export", **key}, data=export),
            *(later(f"{chart.page}/{chart.chart_id}", rest) if first else rest),
        ],
        className="chart-card mb-4",
        id=chart.chart_id,
    )


def chart_notes(source_line: str, events: Sequence[Event] | None) -> list[Any]:
    """Under a chart: its source line, and the numbered events it marks."""
    notes: list[Any] = [html.P(source_line, className="source-line small")]
    if events:
        notes.append(
            html.Ol(
                [html.Li(f"{e.date}: {e.label} ({e.source_short})") for e in events],
                className="event-list small",
            )
        )
    return notes


def share_panel(key: dict[str, str], export: dict[str, Any]) -> html.Details:
    """Images (with title, sources, address and licence in them), CSV, link, embed, citation."""
    button = widgets.button
    cited, bibtex = (f"{key['page']}-{key['chart']}-{kind}" for kind in ("citation", "bibtex"))
    return html.Details(
        [
            html.Summary("Download, share, cite"),
            html.Div(
                [
                    button("PNG image", {"type": "png", **key}),
                    button("SVG image", {"type": "svg", **key}),
                    button("CSV: rows shown", {"type": "download-btn", **key}),
                    button("CSV: all rows", {"type": "download-all", **key}),
                    dcc.Download(id={"type": "download", **key}),
                ]
            ),
            html.Div(
                [
                    html.Span("Link to this view ", className="small"),
                    dcc.Clipboard(
                        id={"type": "copy-link", **key},
                        title="Copy the link to this view",
                        className="copy-button",
                    ),
                ],
                className="mb-2",
            ),
            html.Label("Citation", className="small d-block"),
            html.Pre(_with_urls(export["citation"], export), className="citation-text", id=cited),
            citations.copy_button(cited, "Copy citation"),
            html.Label("BibTeX", className="small d-block"),
            html.Pre(_with_urls(export["bibtex"], export), className="citation-text", id=bibtex),
            citations.copy_button(bibtex, "Copy BibTeX"),
            html.Label("Embed this chart (with its source line)", className="small d-block"),
            html.Pre(_with_urls(export["embed"], export), className="citation-text embed-code"),
        ],
        className="share-panel mt-1",
        id=downloads_id(key["chart"]),
    )


def downloads_id(chart_id: str) -> str:
    """The id of a chart's download, share and cite panel (skip links point at it)."""
    return f"{chart_id}-downloads"


def later(slot: str, contents: list[Any]) -> list[Any]:
    """An empty slot and a store holding `contents`, which `grapher.mount` puts in once the
    page's first chart is drawn and painted."""
    return [
        html.Div(id={"type": "later", "slot": slot}),
        dcc.Store(id={"type": "later-contents", "slot": slot}, data=contents),
    ]


def _with_urls(text: str, export: Mapping[str, Any]) -> list[Any]:
    """Text whose page and embed addresses and source line are marked, so they follow the
    view as it changes (assets/grapher.js rewrites them)."""
    marks = {
        export["page_url"]: "view-url",
        export["embed_url"]: "embed-url",
        export["sources"]: "view-sources",
    }
    parts: list[Any] = []
    for piece in re.split("(" + "|".join(map(re.escape, marks)) + ")", text):
        if piece in marks:
            parts.append(html.Span(piece, className=marks[piece]))
        elif piece:
            parts.append(piece)
    return parts


def value_text(value: float) -> str:
    """A value as the source gave it: no digits added, none dropped."""
    text = repr(float(value))
    return text.removesuffix(".0")


def reading(value: float) -> str:
    """A value rounded for reading in the unit of its column: one decimal, thousands
    separated; two significant digits below 1, so a small share never reads as 0.0."""
    if value != 0 and abs(value) < 1:
        return f"{value:.2g}"
    return f"{value:,.1f}"


def _cell(row: Mapping[str, Any], show: Callable[[float], str] = reading) -> str:
    qualifier = row["qualifier"]
    if qualifier == "range":
        return f"{show(row['value_low'])}–{show(row['value_high'])}"
    prefix = {"about": "≈", "more_than": ">", "less_than": "<"}.get(qualifier, "")
    return prefix + show(row["value"])


def markup(text: object) -> str:
    """Text made safe for the HTML of a dcc.Markdown with raw HTML allowed: HTML's special
    characters, and the braces its JSX parser would read as code, as character references."""
    return escape(str(text)).replace("{", "&#123;").replace("}", "&#125;")


def _tag(name: str, content: str, **attributes: object) -> str:
    """One element; attribute names with `_` for `-` (a trailing `_` dropped: class_)."""
    pairs = "".join(
        f' {key.rstrip("_").replace("_", "-")}="{markup(value)}"'
        for key, value in attributes.items()
    )
    return f"<{name}{pairs}>{content}</{name}>"


GRID_NOTE = (
    "Values rounded for reading; the exact value is in each point's citation and in the CSV. "
    "Arrow keys move between values."
)


def data_table(points: pd.DataFrame, labels: dict[str, str]) -> dcc.Markdown | html.P:
    """The points shown, as a period × series grid: periods in time order, each column's
    unit in its header, values rounded for reading (the exact value is in each point's
    citation and in the downloads). Each value is a button that opens its citation; the grid
    is one tab stop, the arrow keys move inside it, a click or Enter on a value opens its
    citation (assets/grapher.js). One component whose HTML is written here, every label and
    value escaped: a grid of Dash components took seconds for the browser to mount."""
    if points.empty:
        return html.P(encoding.EMPTY_MESSAGE)
    named = points.assign(series_name=encoding.series_names(points, labels))
    order = encoding.series_order(named)
    heads = named.drop_duplicates("series_id").set_index("series_id")
    by_time = named.sort_values(["period_start", "period_end", "period", "obs_id"], kind="stable")
    periods = list(dict.fromkeys(by_time["period"]))
    cells: dict[tuple[str, str], list[str]] = {}
    for row in data.records(by_time):
        name = f"{heads.loc[row['series_id'], 'series_name']}, {row['period']}"
        exact = f"{_cell(row, value_text)} {row['unit']}"
        button = _tag(
            "button",
            markup(_cell(row)),
            type="button",
            class_="cell-button",
            data_obs=row["obs_id"],
            tabindex="0" if not cells else "-1",
            title=f"{exact}: show the citation",
            aria_label=f"{name}: {exact}. Show the citation",
        )
        cells.setdefault((row["period"], row["series_id"]), []).append(button)
    header = _tag("th", "Period", scope="col", class_="period-cell") + "".join(
        _tag(
            "th",
            f"{markup(heads.loc[s, 'series_name'])}<br/>"
            + _tag("small", markup(f"({heads.at[s, 'unit']!s})")),
            scope="col",
        )
        for s in order
    )
    body = "".join(
        _tag(
            "tr",
            _tag("th", markup(period), scope="row", class_="period-cell")
            + "".join(_tag("td", "".join(cells.get((period, s), []))) for s in order),
        )
        for period in periods
    )
    grid = _tag(
        "table",
        _tag("thead", _tag("tr", header)) + _tag("tbody", body),
        class_="table table-sm data-grid",
    )
    note = _tag("p", markup(GRID_NOTE), class_="small text-body-secondary mb-1")
    return dcc.Markdown(
        _tag("div", note + _tag("div", grid, class_="grid-box")),
        dangerously_allow_html=True,
        dedent=False,
    )


def sources_list(points: pd.DataFrame, chart: Chart, sources: pd.DataFrame) -> html.Div:
    """Each source behind the chart: producer, title, link, dates, licence, processing."""
    ids = set(points["source_id"])
    for inputs in points["input_source_ids"]:
        ids |= {i for i in inputs.split(";") if i}
    used = sources[sources["source_id"].isin(ids)].sort_values("producer")
    items = [
        html.Li(
            [
                html.Strong(s["producer"]),
                ": ",
                citations.link(s["url_main"], s["title"]),
                html.Br(),
                html.Small(
                    f"Published {s['date_published'] or 'n.d.'}; accessed "
                    f"{s['date_accessed'] or '—'}; licence: {s['license_name'] or 'not stated'}."
                ),
                html.Br(),
                html.Small(f"Trust tier: {encoding.tier_text(s['tier'], s['cites'])}."),
                html.Br() if s["processing"] else None,
                html.Small(f"What was done: {s['processing']}") if s["processing"] else None,
            ]
        )
        for s in data.records(used)
    ]
    pages = [
        dcc.Link(indicator, href=f"/data/{indicator}", className="me-2")
        for indicator in chart.indicators
    ]
    return html.Div(
        [
            html.Ul(items, className="sources-list"),
            customs_gaps(points),
            html.P(["Data pages: ", *pages]),
        ]
    )


FLOW_NAMES = {
    "trade_total": "total",
    "trade_cn_exports_to_ru": "China → Russia",
    "trade_cn_imports_from_ru": "Russia → China",
}


def customs_gaps(points: pd.DataFrame) -> html.Div | None:
    """Where a chart draws both, the sums of 12 months (UN Comtrade) beside China customs'
    stated annual totals, year by year, with the difference in percent."""
    gaps = customs_gap.differences(points)
    if gaps.empty:
        return None
    header = html.Tr(
        [html.Th(t) for t in ("Year", "Flow", "Sum of 12 months", "Customs", "Difference")]
    )
    body = [
        html.Tr(
            [
                html.Td(g["period"]),
                html.Td(FLOW_NAMES[g["indicator"]]),
                html.Td(f"{g['sum_of_months']:.2f}"),
                html.Td(f"{g['customs']:.2f}", title=g["customs_source_id"]),
                html.Td(f"{g['gap_pct']:+.2f} %"),
            ]
        )
        for g in data.records(gaps)
    ]
    return html.Div(
        [
            html.H6("Monthly sums against China customs' annual totals (US$ bn)"),
            html.P(
                "UN Comtrade's China-reported months summed by calendar year, beside the "
                "China customs totals stated officially; a test holds every difference "
                f"within {customs_gap.TOLERANCE_PCT} %.",
                className="small",
            ),
            html.Table(
                [html.Thead(header), html.Tbody(body)],
                className="table table-sm data-grid customs-gaps",
            ),
        ]
    )
