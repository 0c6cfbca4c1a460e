"""The first paint of an indicator page, in its first HTML response: the top of the page down
to its first chart, that chart drawn as static SVG (charts/svg.py) from the same figure the
page's layout carries (memo.render: the same points, colours and labels).

The markup repeats the classes of layouts.view_layout, cards.transform_controls (as Dash
renders its radio items) and cards.chart_card, so that the page Dash renders lays out the
same boxes; assets/first-paint.js then moves the drawing into the rendered chart's box (it
covers the box until plotly has drawn there) and drops the rest.
"""

from collections.abc import Mapping
from dataclasses import replace
from html import escape

from dashboard import layouts, memo
from dashboard.cache import per_build
from dashboard.charts import svg, transforms
from dashboard.charts.registry import PAGES, Page
from dashboard.view import View, from_query

TABS = ("Chart", "Table", "Sources")


def page_for(path: str) -> Page | None:
    """The indicator page served at `path`, if any."""
    return next((page for page in PAGES if page.path == path), None)


def first_paint(path: str, query: Mapping[str, str]) -> str:
    """The HTML of a page's first paint (empty for pages without charts, or nothing drawn)."""
    page = page_for(path)
    if page is None:
        return ""
    points = memo.page_points(page)
    offered = memo.offer(page).transforms
    view = from_query(dict(query), memo.year_bounds(points), set(points["series_id"]), offered)
    if not page.event_topics:
        view = replace(view, events=False)
    return page_top(page, view)


@per_build(size=256)
def page_top(page: Page, view: View) -> str:
    """The first paint of one view of a page (in the view's transform)."""
    events = bool(page.event_topics)
    chart = page.charts[0]
    shown = tuple(view.on(memo.offer(page).series[0]))
    figure = layouts.render(page, chart, view, shown)
    drawing = svg.chart_html(figure)
    if not drawing:
        return ""
    tabs = "".join(
        f'<span class="nav-link{" active" if number == 0 else ""}">{name}</span>'
        for number, name in enumerate(TABS)
    )
    return (
        '<div id="first-paint" aria-hidden="true"><div class="container-lg"><div><div><div>'
        f'<h1 class="h3 mt-3">{escape(page.name)}</h1>'
        f'<p class="lead fs-6">{escape(page.intro)}</p>'
        f'<div class="controls-slot{" with-events" if events else ""}"></div>'
        f"{transform_controls(page, view)}"
        '<section class="chart-card mb-4">'
        f'<h2 class="h5 mb-1">{escape(chart.title)}</h2>'
        f'<p class="text-body-secondary small mb-2">{escape(layouts.subtitle(chart, view))}</p>'
        f'<div><div class="nav nav-tabs chart-tabs">{tabs}</div>'
        f'<div class="tab-content"><div><div class="chart-figure">{drawing}</div></div></div>'
        "</div></section></div></div></div></div></div>"
    )


def control_label(transform: str) -> str:
    """cards._transform_label as Dash renders it (a text label, too, in a span)."""
    shown, rest = transforms.control_label(transform)
    hidden = f'<span class="d-none d-sm-inline">{escape(rest)}</span>' if rest else ""
    return f"<span>{escape(shown)}{hidden}</span>"


def transform_controls(page: Page, view: View) -> str:
    """cards.transform_controls as Dash renders it (its radio items, the base year of an
    index), out of the keyboard's way: the chart below starts where it will stay."""
    options = "".join(
        '<label class="dash-options-list-option dash-radioitems-inline">'
        '<span class="dash-options-list-option-wrapper">'
        '<input type="radio" tabindex="-1" class="dash-options-list-option-checkbox '
        f'form-check-input me-1"{" checked" if shown == view.transform else ""}></span>'
        '<span class="dash-options-list-option-text me-3">'
        f"{control_label(shown)}</span></label>"
        for shown in memo.offer(page).transforms
    )
    base = (
        '<span><label class="small me-1">= 100 in</label>'
        '<span class="dash-input-container dash-input base-year">'
        f'<input type="number" tabindex="-1" class="dash-input-element" value="{view.base}">'
        "</span></span>"
        if view.transform == "index"
        else ""
    )
    return (
        '<fieldset class="controls-transform"><legend class="form-label small mb-0">Show</legend>'
        f'<div class="dash-options-list dash-radioitems transform-options">{options}</div>'
        f"{base}</fieldset>"
    )
