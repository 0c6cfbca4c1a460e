"""The server's drawing of the first chart in the browser: painted before any script has run,
in the box plotly's chart then takes (nothing moves), and gone once plotly has drawn."""

import pytest
from playwright.sync_api import expect

from dashboard.charts.registry import PAGES_BY_ID

pytestmark = pytest.mark.browser

# The box of the first chart painted (whichever drew it), at the first frame it shows.
FIRST_FRAME = """
const look = () => {
  const trace = document.querySelector('.js-plotly-plot .scatterlayer .trace');
  if (trace) {
    const box = trace.closest('.js-plotly-plot').getBoundingClientRect();
    window.firstBox = [box.left, box.top + window.scrollY, box.width, box.height];
    window.firstByServer = Boolean(trace.closest('.first-paint'));
  } else {
    requestAnimationFrame(look);
  }
};
requestAnimationFrame(look);
"""
PLOTLY = ".js-plotly-plot .main-svg .scatterlayer .trace"


@pytest.mark.parametrize("width", [390, 1400])
@pytest.mark.parametrize("page_id", ["trade", "settlement"])
def test_the_server_drawing_comes_first_and_plotly_takes_its_box(page, base_url, width, page_id):
    page.set_viewport_size({"width": width, "height": 900})
    page.add_init_script(FIRST_FRAME)
    page.goto(base_url + PAGES_BY_ID[page_id].path)
    page.wait_for_function("() => window.firstBox !== undefined")
    assert page.evaluate("window.firstByServer") is True
    first = PAGES_BY_ID[page_id].charts[0].chart_id
    page.wait_for_selector(f"#{first} {PLOTLY}")
    expect(page.locator(".first-paint")).to_have_count(0)
    expect(page.locator("#first-paint")).to_have_count(0)
    box = page.evaluate(
        f"(() => {{ const b = document.querySelector('#{first} .js-plotly-plot')"
        ".getBoundingClientRect(); return [b.left, b.top + window.scrollY, b.width, b.height];"
        " })()"
    )
    assert box == pytest.approx(page.evaluate("window.firstBox"), abs=1)
    assert page.errors == []


@pytest.mark.parametrize("width", [390, 1400])
def test_without_plotly_the_drawing_stays_in_the_chart_box(page, base_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.route("**/plotly-basic-*", lambda route: route.abort())
    page.goto(base_url + "/trade")
    page.wait_for_selector("#page-content h1")
    drawing = page.locator("#turnover .chart-figure .first-paint")
    expect(drawing).to_be_visible()
    expect(drawing.locator(".scatterlayer .trace").first).to_be_attached()
    expect(page.locator("#first-paint")).to_have_count(0)  # the server's page top is gone
    height = drawing.bounding_box()["height"]
    assert height == (340 if width == 390 else 420)


# The layout shifts the browser counts (Cumulative Layout Shift's entries), from the start.
SHIFTS = """
window.shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const moved = entry.sources.map((s) => s.node && s.node.outerHTML.slice(0, 80));
    window.shifts.push([entry.value, moved]);
  }
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.mark.parametrize("width", [390, 1400])
@pytest.mark.parametrize("page_id", ["trade", "gas"])
def test_nothing_moves_as_dash_takes_the_page_over_from_the_first_paint(
    page, base_url, width, page_id
):
    # the page Dash renders replaces the server's copy once its radio items have their labels
    # (before that the chart sat 6 px higher: a shift of 0.23); the controls that go in
    # later move a little within the place kept for them
    page.set_viewport_size({"width": width, "height": 900})
    page.add_init_script(SHIFTS)
    page.goto(base_url + PAGES_BY_ID[page_id].path)
    page.wait_for_selector(f"#{PAGES_BY_ID[page_id].charts[0].chart_id} {PLOTLY}")
    expect(page.locator(f"#{page_id}-years input").first).to_be_visible()
    page.wait_for_timeout(500)
    shifts = page.evaluate("window.shifts")
    assert sum(value for value, _ in shifts) < 0.005, shifts
    assert page.errors == []
