"""`/embed/<page>/<chart>?…`: one chart alone, with its title and source line, for an iframe.

A plain HTML page: the figure travels as JSON data (never executed), assets/embed.js draws it
with the same plotly.js bundle as the site. Nothing from the URL reaches the page except the
view that state.parse accepts."""

from html import escape

import flask
from plotly.io.json import to_json_plotly
from plotly.offline import get_plotlyjs_version

from dashboard import data, figures, state, views
from dashboard.charts import CHARTS, PAGES_BY_ID
from dashboard.views import LICENCE

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · China–Russia figures</title>
<link rel="icon" href="/_favicon.ico">
<link rel="stylesheet" href="/assets/embed.css">
</head><body>
<h1>{title}</h1><p class="subtitle">{subtitle}</p>
<div id="embed-figure" role="figure" aria-label="{title}"></div>
<script id="embed-data" type="application/json">{figure}</script>
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
    points = views.page_points(page)
    every = views.drawable(chart)
    view = state.parse(flask.request.args, views.year_bounds(points), set(points["series_id"]))
    shown = tuple(sorted(view.shown & set(every["series_id"])))
    spec = views.render(
        page, chart, view.start, view.end, shown, view.events, view.log, data.version()
    )
    rows = views.visible(every, view.start, view.end, shown)
    root = flask.request.host_url.rstrip("/")
    query = state.to_query(view, set(points["series_id"]))
    body = PAGE.format(
        title=escape(chart.title),
        subtitle=escape(chart.description),
        figure=to_json_plotly(spec).replace("</", "<\\/"),
        sources=escape(figures.source_line(rows) or figures.EMPTY_MESSAGE),
        page_url=escape(f"{root}{page.path}?{query}#{chart.chart_id}"),
        licence=escape(LICENCE),
        plotly_version=get_plotlyjs_version(),
    )
    return flask.Response(body, mimetype="text/html")
