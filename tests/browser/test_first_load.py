"""A page's first load in the browser: the preloaded layout and callbacks are used (one request
each), plotly.js is fetched once, the first card's chart is drawn first and the rest follows
(the other charts, the share panels' contents) without a callback to the server."""

import pytest
from playwright.sync_api import expect

from dashboard.charts.registry import PAGES_BY_ID

pytestmark = pytest.mark.browser

# The sections in the order their charts get a first trace (the server's drawing of the first
# chart counts once it is in its card: outside, in the server's page top, it is in no section).
ORDER = """
window.drawnOrder = [];
new MutationObserver(() => {
  document.querySelectorAll('#page-content .chart-card').forEach((card) => {
    if (!window.drawnOrder.includes(card.id) && card.querySelector('.scatterlayer .trace')) {
      window.drawnOrder.push(card.id);
    }
  });
}).observe(document, {childList: true, subtree: true});
"""

# The share panel's buttons (cards.share_panel and its two copy buttons).
SHARE_BUTTONS = (
    "PNG image",
    "SVG image",
    "CSV: rows shown",
    "CSV: all rows",
    "Copy citation",
    "Copy BibTeX",
)


@pytest.mark.parametrize("page_id", ["trade", "gas"])
def test_the_first_chart_comes_first_and_every_card_follows(page, base_url, page_id):
    charts = [chart.chart_id for chart in PAGES_BY_ID[page_id].charts]
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url.removeprefix(base_url).split("?")[0]))
    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.add_init_script(ORDER)
    page.goto(base_url + PAGES_BY_ID[page_id].path)
    page.wait_for_function("n => window.drawnOrder.length === n", arg=len(charts))
    order = page.evaluate("window.drawnOrder")
    assert order[0] == charts[0] and sorted(order) == sorted(charts)
    for chart in charts:  # each card complete: legend, tabs, share panel
        card = page.locator(f"#{chart}")
        expect(card.locator(".series-legend input").first).to_be_attached()
        expect(card.locator(".chart-tabs")).to_be_visible()
        panel = card.locator(".share-panel")
        for name in SHARE_BUTTONS:
            expect(
                panel.get_by_role("button", name=name, exact=True, include_hidden=True)
            ).to_have_count(1)
    page.wait_for_load_state("networkidle")
    assert requests.count("/_dash-layout") == 1  # the preloaded answer, not a second fetch
    assert requests.count("/_dash-dependencies") == 1
    assert len([r for r in requests if "/plotly-basic-" in r]) == 1
    assert posts == []
    assert page.errors == []


def test_a_chart_drawn_later_redraws_and_its_share_panel_works(page, base_url):
    page.goto(base_url + "/trade")
    page.wait_for_function("() => document.querySelectorAll('#gap .scatterlayer .trace').length")
    page.locator("#gap").get_by_role("tab", name="Table").click()
    expect(page.locator("#gap table")).to_be_visible()
    page.locator("#gap .share-panel summary").click()
    with page.expect_download() as download:
        page.locator("#gap .share-panel").get_by_role("button", name="CSV: rows shown").click()
    assert download.value.suggested_filename.endswith(".csv")
    traces = page.evaluate("document.querySelector('#flows .js-plotly-plot').data.length")
    page.locator("#flows .series-legend input").first.uncheck()
    page.wait_for_function(
        "n => document.querySelector('#flows .js-plotly-plot').data.length < n", arg=traces
    )
    assert page.errors == []


# Where the first chart is, and whether the controls are in yet, at the first frame it shows.
FIRST_FRAME = """
const look = () => {
  const graph = document.querySelector('.chart-card .js-plotly-plot');
  if (graph && graph.querySelector('.scatterlayer .trace')) {
    window.firstTop = graph.getBoundingClientRect().top + window.scrollY;
    window.controlsAtFirst = Boolean(document.querySelector('.page-controls'));
  } else {
    requestAnimationFrame(look);
  }
};
requestAnimationFrame(look);
"""


@pytest.mark.parametrize("width", [390, 1400])
@pytest.mark.parametrize("page_id", ["trade", "gdp"])
def test_the_controls_go_in_where_their_place_was_kept(page, base_url, width, page_id):
    page.set_viewport_size({"width": width, "height": 900})
    page.add_init_script(FIRST_FRAME)
    page.goto(base_url + PAGES_BY_ID[page_id].path)
    page.wait_for_function("() => window.firstTop !== undefined")
    expect(page.locator(f"#{page_id}-years input").first).to_be_visible()
    top = page.evaluate(
        "document.querySelector('.chart-card .js-plotly-plot').getBoundingClientRect().top"
        " + window.scrollY"
    )
    assert page.evaluate("window.controlsAtFirst") is False  # they came after the chart
    assert abs(top - page.evaluate("window.firstTop")) <= 1  # and moved nothing
    assert page.errors == []
