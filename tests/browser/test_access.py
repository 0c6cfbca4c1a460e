"""Keyboards and screen readers: axe-core's WCAG 2.1 A/AA rules on every page at desktop and
phone width, the Tab presses from the top of a page to a chart's download panel, a chart's
points reached and cited from the keyboard, plotly's toolbar out of the tab order."""

import dash
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from dashboard.charts.registry import PAGES, PAGES_BY_ID

pytestmark = pytest.mark.browser

AXE = Axe()
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
DRAWN = ".js-plotly-plot .main-svg .scatterlayer .trace"
CHARTS = {page.path for page in PAGES}


def every_page() -> list[str]:
    """Every page's path (a data page and the 404 page for the templates)."""
    import dashboard.app  # noqa: F401  (registers the pages)

    paths = []
    for page in dash.page_registry.values():
        if page.get("path_template"):
            paths.append(page["path_template"].replace("<indicator_id>", "trade_total"))
        elif page["path"] == "/404":
            paths.append("/no-such-page")
        else:
            paths.append(page["path"])
    return sorted(set(paths))


def settle(page: Page, path: str) -> None:
    """Wait until a page is complete: every chart drawn, every later part put in."""
    page.wait_for_selector("#page-content h1")
    if path in CHARTS:
        charts = len(PAGES_BY_ID[path.strip("/")].charts)
        page.wait_for_function(
            "n => document.querySelectorAll('.chart-card .main-svg .scatterlayer').length >= n"
            " && document.querySelector('.page-controls')",
            arg=charts,
        )
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("width", [1400, 390])
def test_no_serious_or_critical_axe_violation_on_any_page(page, base_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    found = {}
    for path in every_page():
        page.goto(base_url + path)
        settle(page, path)
        violations = AXE.run(page, options=RULES).response["violations"]
        serious = [v for v in violations if v["impact"] in ("serious", "critical")]
        if serious:
            found[path] = {
                v["id"]: [node["target"] for node in v["nodes"][:3]] + [len(v["nodes"])]
                for v in serious
            }
    assert found == {}
    assert [e for e in page.errors if "404 (NOT FOUND)" not in e] == []  # /no-such-page's


def presses_to_downloads(page: Page, limit: int = 30) -> int:
    """Key presses from the top of the page to the first chart's download panel: Tab, and
    Enter on a skip link that leads there."""
    presses = 0
    while presses < limit:
        page.keyboard.press("Tab")
        presses += 1
        here = page.evaluate(
            "() => { const e = document.activeElement;"
            " return {panel: Boolean(e.closest('.chart-card .share-panel')),"
            " skip: e.matches('a.skip-link') && e.textContent.includes('downloads')}; }"
        )
        if here["skip"]:
            page.keyboard.press("Enter")
            presses += 1
            here = page.evaluate(
                "() => ({panel: Boolean(document.activeElement.closest('.share-panel'))})"
            )
        if here["panel"]:
            return presses
    return presses


@pytest.mark.parametrize("width", [1400, 390])
@pytest.mark.parametrize("page_id", ["trade", "gas"])
def test_the_download_panel_is_at_most_ten_key_presses_away(page, base_url, width, page_id):
    page.set_viewport_size({"width": width, "height": 900})
    path = PAGES_BY_ID[page_id].path
    page.goto(base_url + path)
    settle(page, path)
    assert presses_to_downloads(page) <= 10
    first = PAGES_BY_ID[page_id].charts[0].chart_id
    panel = page.locator(f"#{first} .share-panel")
    expect(panel).to_have_attribute("open", "")
    expect(panel.get_by_role("button", name="CSV: rows shown")).to_be_visible()


def test_a_chart_point_is_reached_and_cited_from_the_keyboard(page, base_url):
    page.goto(base_url + "/trade")
    settle(page, "/trade")
    figure = page.locator("#turnover .chart-figure")
    figure.focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#turnover .hoverlayer .hovertext")).to_have_count(1)
    announced = page.locator("#turnover .chart-announce")
    expect(announced).to_contain_text("Enter opens the citation")
    first = announced.inner_text()
    page.keyboard.press("ArrowRight")
    expect(announced).not_to_have_text(first)
    page.keyboard.press("Enter")
    expect(page.locator("#citation-panel.show")).to_be_visible()
    assert page.errors == []


def test_the_chart_toolbar_is_out_of_the_tab_order(page, base_url):
    page.goto(base_url + "/trade")
    settle(page, "/trade")
    buttons = page.locator(".modebar-btn")
    assert buttons.count() > 0
    tabbable = page.evaluate(
        "() => [...document.querySelectorAll('.modebar-btn')].filter(b => b.tabIndex >= 0).length"
    )
    assert tabbable == 0
