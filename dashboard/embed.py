"""`/embed/<page>/<chart>?…`: one chart alone, with its title and source line, for an iframe.

A plain HTML page: the figure travels as JSON data (never executed), assets/embed.js draws it
with the same plotly.js bundle as the site. Nothing from the URL reaches the page except the
view that view.from_query accepts."""

from collections.abc import Sequence
from html import escape

import flask
import pandas as pd
from plotly.io.json import to_json_plotly
from plotly.offline import get_plotlyjs_version

from dashboard import cards, memo, view
from dashboard.charts import encoding
from dashboard.charts.plotting import Event
from dashboard.charts.registry import CHARTS, PAGES_BY_ID
from dashboard.layouts import LICENCE, subtitle

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · China–Russia figures</title>
<link rel="icon" href="/_favicon.ico">
<link rel="stylesheet" href="/assets/swatches.css">
<link rel="stylesheet" href="/assets/embed.css">
</head><body>
<h1>{title}</h1><p class="subtitle">{subtitle}</p>
<div id="embed-figure" role="figure" aria-label="{title}"></div>
<script id="embed-data" type="application/json">{figure}</script>
{key}
<p class="source">{sources} <a href="{page_url}" target="_blank" rel="noopener">{page_url}</a>
· Licence: {licence}</p>
<script src="/assets/plotly-basic-{plotly_version}.min.js"></script>
<script src="/assets/embed.js"></script>
</body></html>
"""


def embed(page_id: str, chart_id: str) -> flask.Response:
    """The chart alone, in the view its query string asks for."""
    chart = CHARTS.get((page_id, chart_id))
    if chart is None:
        flask.abort(404)
    page = PAGES_BY_ID[page_id]
    points = memo.page_points(page)
    every = memo.drawable(chart)
    ids, offered = set(points["series_id"]), memo.offer(page).transforms
    asked = view.from_query(flask.request.args, memo.year_bounds(points), ids, offered)
    shown = tuple(asked.on(set(every["series_id"])))
    start, end = asked.start, asked.end
    how, base = asked.transform, asked.base
    spec = memo.render(page, chart, start, end, shown, asked.events, asked.log, how, base)
    rows = memo.visible(every, start, end, shown)
    marked = memo.marked_events(page, chart, start, end, shown) if asked.events else []
    root = flask.request.host_url.rstrip("/")
    query = asked.query(set(points["series_id"]))
    body = PAGE.format(
        title=escape(chart.title),
        subtitle=escape(subtitle(chart, asked)),
        figure=to_json_plotly(spec).replace("</", "<\\/"),
        sources=escape(encoding.source_line(rows) or encoding.EMPTY_MESSAGE),
        key=key(every, rows, marked),
        page_url=escape(f"{root}{page.path}?{query}#{chart.chart_id}"),
        licence=escape(LICENCE),
        plotly_version=get_plotlyjs_version(),
    )
    return flask.Response(body, mimetype="text/html")


def key(every: pd.DataFrame, rows: pd.DataFrame, marked: Sequence[Event]) -> str:
    """What the chart's marks mean, as HTML: each series shown (swatch and name, as the
    dashboard's legends give them), the claims' verdict marks, and the events it numbers."""
    return _series_key(every, rows) + _verdict_key(rows) + _event_list(marked)


def _series_key(every: pd.DataFrame, rows: pd.DataFrame) -> str:
    colors = encoding.series_colors(every)
    labels = encoding.series_labels(every)
    first = every.drop_duplicates("series_id").set_index("series_id")
    items = []
    for series in encoding.series_order(every):
        if series not in set(rows["series_id"]):
            continue
        kind, status = str(first.at[series, "kind"]), str(first.at[series, "status"])
        classes = cards.swatch_classes(kind, status)
        color = colors.get(series, "#57606a")
        items.append(
            f'<li><span class="swatch {classes}" style="--swatch: {color}"></span>'
            f"{escape(labels[series])}</li>"
        )
    return f'<ul class="key">{"".join(items)}</ul>' if items else ""


def _verdict_key(rows: pd.DataFrame) -> str:
    verdicts = sorted(set(rows.loc[rows["kind"] == "article_claim", "verdict"]))
    styles = [encoding.VERDICT_STYLES.get(v, encoding.VERDICT_STYLES[""]) for v in verdicts]
    marks = [f"{cards.VERDICT_MARKS[symbol]} {escape(word)}" for word, symbol, _ in styles]
    return f'<p class="key">Claims: {" · ".join(marks)}</p>' if marks else ""


def _event_list(marked: Sequence[Event]) -> str:
    lines = [
        f"<li>{escape(e.date)}: {escape(e.label)} ({escape(e.source_short)})</li>" for e in marked
    ]
    return f'<ol class="events">{"".join(lines)}</ol>' if lines else ""
