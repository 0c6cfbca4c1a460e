"""The first chart in the first HTML response: drawn as SVG from the figure the page's layout
carries (its traces, colours, direct labels), under plotly's class names; no inline script; the
skip links the keyboard meets first."""

import math
import re
from html import escape

import pytest

from dashboard import memo
from dashboard.app import app
from dashboard.charts import svg
from dashboard.charts.encoding import Spec
from dashboard.charts.registry import PAGES, PAGES_BY_ID


@pytest.fixture(scope="module")
def client():
    return app.server.test_client()


def first_figure(page_id: str, log: bool = False) -> Spec:
    page = PAGES_BY_ID[page_id]
    points = memo.page_points(page)
    start, end = memo.year_bounds(points)
    shown = tuple(sorted(set(memo.drawable(page.charts[0])["series_id"])))
    return memo.render(page, page.charts[0], start, end, shown, False, log)


def first_paint(html: str) -> str:
    start = html.index('<div id="first-paint"')
    return html[start : html.index('<div id="react-entry-point"', start)]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.page)
def test_every_page_of_charts_sends_its_first_chart_drawn(client, page):
    html = client.get(page.path).get_data(as_text=True)
    paint = first_paint(html)
    figure = first_figure(page.page)
    traces = [t for t in figure["data"] if t.get("yaxis", "y") == "y"]
    assert paint.count('<g class="trace scatter">') == len(traces)
    assert '<g class="scatterlayer">' in paint and "js-plotly-plot" in paint
    for trace in traces:  # each trace's colour and every drawn point
        color = trace.get("marker", {}).get("color") or trace["line"]["color"]
        assert f'stroke="{color}"' in paint
    drawn = sum(1 for t in traces for y in t["y"] if "markers" in t["mode"] and not math.isnan(y))
    dots = re.findall(r'<path class="point" d="([^"]*)"', paint)
    # round and square markers are dots of the plot area's SVG; diamonds and triangles
    # (planned capacities, "more than" figures) are placed over it, each its own small SVG
    assert sum(d.count("h0") for d in dots) + paint.count('class="fp-marker"') == drawn
    assert escape(PAGES_BY_ID[page.page].charts[0].title) in paint
    assert "<script" not in paint  # the CSP allows no inline script without its hash


def test_the_drawing_follows_the_view_in_the_query(client):
    paint = first_paint(client.get("/gdp?log=1").get_data(as_text=True))
    assert paint == first_paint(client.get("/gdp?log=1").get_data(as_text=True))
    assert paint != first_paint(client.get("/gdp").get_data(as_text=True))
    start, end = memo.year_bounds(memo.page_points(PAGES_BY_ID["trade"]))
    narrow = first_paint(client.get(f"/trade?start={end - 3}&end={end}").get_data(as_text=True))
    years = re.findall(r'class="fp-xtick"[^>]*>(\d{4})<', narrow)
    assert years and all(end - 4 <= int(year) <= end + 1 for year in years)


def test_direct_labels_and_axis_title_come_from_the_figure():
    figure = first_figure("trade")
    paint = svg.chart_html(figure)
    labels = [a for a in figure["layout"]["annotations"] if a.get("name") == "direct-label"]
    assert paint.count('class="fp-label"') == len(labels)
    assert figure["layout"]["yaxis"]["title"]["text"] in paint


def test_pages_without_charts_send_none_and_nothing_drawn_draws_nothing(client):
    assert 'id="first-paint"' not in client.get("/about").get_data(as_text=True)
    assert svg.chart_html({"data": [], "layout": {}}) == ""


def test_round_ticks_cover_the_values():
    assert svg.nice_ticks(3.9, 245.0) == [0, 50, 100, 150, 200, 250]
    ticks = svg.nice_ticks(0.12, 0.9)
    assert ticks[0] <= 0.12 and ticks[-1] >= 0.9 and 4 <= len(ticks) <= 10


def test_a_page_of_charts_has_a_skip_link_to_its_first_download_panel(client):
    html = client.get("/trade").get_data(as_text=True)
    first = PAGES_BY_ID["trade"].charts[0].chart_id
    assert f'<a class="skip-link" href="#{first}-downloads">' in html
    assert html.index("Skip to content") < html.index(f"#{first}-downloads") < html.index("<nav")
    assert "-downloads" not in client.get("/about").get_data(as_text=True).split("<nav")[0]


def test_the_transform_control_and_the_transform_shown_come_with_the_drawing(client):
    offered = memo.offer(PAGES_BY_ID["trade"]).transforms
    level = first_paint(client.get("/trade").get_data(as_text=True))
    index = first_paint(client.get("/trade?transform=index&base=2015").get_data(as_text=True))
    for paint in (level, index):  # every transform offered, one of them checked
        assert paint.count('type="radio"') == len(offered) and paint.count(" checked") == 1
        assert '<fieldset class="controls-transform">' in paint
    assert 'value="2015"' in index and 'value="2015"' not in level  # the base year
    assert "Shown as: Index" in index and "Shown as:" not in level
    assert index.split('class="first-paint ')[1] != level.split('class="first-paint ')[1]


def test_diamonds_and_triangles_keep_their_shape_over_the_stretched_plot_area():
    # hand-made spec: a line, a planned capacity (hollow diamond) and a "more than" figure
    figure = {
        "layout": {"margin": {"l": 60, "t": 32, "b": 36, "r": 12}},
        "data": [
            {
                "x": ["2019", "2020"],
                "y": [1.0, 2.0],
                "mode": "lines+markers",
                "marker": {"size": 5, "color": "#0072B2"},
            },
            {
                "x": ["2021", "2022"],
                "y": [3.0, 4.0],
                "mode": "markers",
                "marker": {
                    "size": 10,
                    "color": "#D55E00",
                    "line": {"width": 2},
                    "symbol": ["diamond-open", "triangle-up"],
                },
            },
        ],
    }
    html = svg.chart_html(figure)
    shaped = re.findall(r'<span class="fp-marker"[^>]*><svg ([^>]*)><path ([^>]*)/>', html)
    assert len(shaped) == 2 and html.count("h0") == 2  # the line's two dots
    (box, diamond), (_, triangle) = shaped
    assert 'width="17"' in box and 'viewBox="-8.5 -8.5 17 17"' in box  # 1.3 x 5 + 2, twice
    assert 'fill="none" stroke="#D55E00"' in diamond and "M1.3 0L0 1.3" in diamond
    assert 'fill="#D55E00"' in triangle and "L0 -1Z" in triangle
    assert html.index("</svg>") < html.index("fp-marker")  # outside the stretched plot area
