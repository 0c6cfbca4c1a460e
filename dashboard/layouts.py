"""Indicator pages' layouts: a page restored from its URL with its charts drawn in place (no
callback needed for the first view), and what a redraw replaces in it."""

from dataclasses import replace
from datetime import date
from html import escape as html_escape
from typing import Any

import flask
from dash import dcc, html

from dashboard import cards, memo
from dashboard.cache import per_build
from dashboard.charts import encoding, plotting, transforms
from dashboard.charts.registry import PAGES, PAGES_BY_ID, Chart, Page
from dashboard.schema import paths, published
from dashboard.view import View, from_query, observation

LICENCE = "CC BY 4.0 (the project's tables; each source keeps its own terms)"


def page_layout(page: Page, query: dict[str, object]) -> html.Div:
    """A page restored from its query string (defaults for anything malformed), its charts
    drawn in place; a claim (`claim=`) or a point (`point=`, whose citation opens with the
    page: app.py) named by the query is pointed out on its chart."""
    points = memo.page_points(page)
    offered = memo.offer(page).transforms
    view = from_query(query, memo.year_bounds(points), set(points["series_id"]), offered)
    if not page.event_topics:
        view = replace(view, events=False)
    root = flask.request.host_url.rstrip("/") if flask.has_request_context() else ""
    marked = observation(query, "claim") or observation(query, "point")
    return view_layout(page, view, root, marked)


@per_build(size=256)
def view_layout(page: Page, view: View, root: str, claim: str) -> html.Div:
    """The layout of one view of a page; a claim asked for by the query string is pointed
    out on its chart. Only the first chart is drawn at once: the rest of its card and the
    other cards go in once it is drawn (`cards.later`)."""
    offer = memo.offer(page)
    query = view.query(set(memo.page_points(page)["series_id"]))
    sections: list[html.Section] = []
    for number, chart in enumerate(page.charts):
        every = memo.drawable(chart)
        shown = tuple(view.on(offer.series[number]))
        figure = render(page, chart, view, shown)
        rows = memo.visible(every, view.start, view.end, shown)
        if view.transform != transforms.LEVEL:  # claims stay levels: not drawn, not cited
            rows = rows[rows["kind"] != "article_claim"]
        if claim in set(rows["obs_id"]):
            figure = encoding.highlighted(figure, rows[rows["obs_id"] == claim].iloc[0])
        card = cards.chart_card(
            chart,
            every,
            view,
            figure,
            export_meta(chart, rows, root, query, view),
            notes(page, chart, view, shown),
            first=number == 0,
        )
        sections.append(card)
    events = bool(page.event_topics)
    controls = cards.page_controls(page.page, offer.bounds, view, events)
    shown_as = cards.transform_controls(page.page, offer.bounds, view, offer.transforms)
    return html.Div(
        [
            html.H1(page.name, className="h3 mt-3"),
            html.P(page.intro, className="lead fs-6"),
            html.Div(
                cards.later(f"{page.page}/controls", [controls]),
                className="controls-slot" + (" with-events" if events else ""),
            ),
            shown_as,
            sections[0],
            *cards.later(f"{page.page}/cards", sections[1:]),
            dcc.Store(id=f"{page.page}-url"),
            dcc.Store(id=f"{page.page}-view", data=view.store(offer)),
            dcc.Store(id=f"{page.page}-address", data=f"{page.path}?{query}"),
        ]
    )


def render(page: Page, chart: Chart, view: View, shown: tuple[str, ...]) -> dict[str, Any]:
    """One chart's figure in a view."""
    return memo.render(
        page, chart, view.start, view.end, shown, view.events, view.log, view.transform, view.base
    )


def subtitle(chart: Chart, view: View) -> str:
    """A chart's description, and the transform it is shown in (claims stay levels)."""
    if view.transform == transforms.LEVEL:
        return chart.description
    shown_as = transforms.label(view.transform, view.base)
    return f"{chart.description} Shown as: {shown_as} (article claims are levels: not drawn)."


def citation_year() -> str:
    """The year a citation gives: that of the published build's last update."""
    updated = published.load(paths.TIDY).descriptor.get("last_updated")
    return str(updated or date.today().isoformat())[:4]


def export_meta(chart: Chart, rows: Any, root: str, query: str, view: View) -> dict[str, Any]:
    """What an exported image and a citation carry: title, subtitle, source line, licence,
    the page's address, a ready-made citation in text and BibTeX, and an embed snippet; each
    names the transform shown."""
    page = PAGES_BY_ID[chart.page]
    page_url = f"{root}{page.path}?{query}"
    embed_url = f"{root}/embed/{chart.page}/{chart.chart_id}?{query}"
    sources = encoding.source_line(rows) or "Sources: none in the selected years."
    today = date.today().isoformat()
    title, year = chart.title, citation_year()
    if view.transform != transforms.LEVEL:
        title = f"{title} ({transforms.label(view.transform, view.base)})"
    citation = (
        f"{cards.PROJECT} ({year}). {title} [chart]. {sources} {page_url} "
        f"(accessed {today}). Licence: {LICENCE}."
    )
    bibtex = "\n".join(
        [
            f"@misc{{china-russia-figures-{chart.page}-{chart.chart_id},",
            "  author = {{China–Russia figures}},",
            f"  title = {{{title}}},",
            f"  year = {{{year}}},",
            f"  howpublished = {{\\url{{{page_url}}}}},",
            f"  note = {{{sources} Accessed {today}. Licence: {LICENCE}}}",
            "}",
        ]
    )
    return {
        "title": title,
        "subtitle": subtitle(chart, view),
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


def update_charts(page: Page, view: View) -> tuple[list[Any], list[Any], list[Any]]:
    """Figures, rows stores and notes (source line, events) of every chart on the page."""
    offer = memo.offer(page)
    figures, rows, lines = [], [], []
    for chart, offered in zip(page.charts, offer.series, strict=True):
        shown = tuple(view.on(offered))
        figures.append(render(page, chart, view, shown))
        rows.append(view.rows(offered))
        lines.append(notes(page, chart, view, shown))
    return figures, rows, lines


def warm() -> None:
    """Lay out every indicator page and draw its default view once, so that a server's first
    answers come from the memo (the tables joined, each chart's points prepared): called at
    start by `python -m dashboard`, gunicorn's when_ready and the tests' loopback server. The
    page's first paint too (up to 2 s for /trade's on a loaded machine, then a few ms)."""
    from dashboard.first_paint import first_paint  # it draws with this module's render

    for page in PAGES:
        first_paint(page.path, {})
        page_layout(page, {})
        offered = memo.offer(page)
        everything = frozenset(s for ids in offered.series for s in ids)
        update_charts(page, View(*offered.bounds, False, False, everything))


def notes(page: Page, chart: Chart, view: View, series: tuple[str, ...]) -> list[Any]:
    """The source line of a chart's drawn points (in the view's transform) and, when events
    are on, the events it marks (numbered as on the chart)."""
    start, end = view.start, view.end
    picked = memo.transformed(chart, view.transform, view.base).select(start, end, series)
    marked = memo.marked_events(page, chart, start, end, series) if view.events else None
    return cards.chart_notes(plotting.source_line(picked) or encoding.EMPTY_MESSAGE, marked)
