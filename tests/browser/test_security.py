"""In Chromium: the Content-Security-Policy blocks nothing the app needs, unknown paths show the
app's not-found page, and the app's own requests fit well under the body cap."""

import pytest
from playwright.sync_api import Page, expect

from dashboard import hardening

pytestmark = pytest.mark.browser

VIOLATIONS = """
window.cspViolations = [];
document.addEventListener('securitypolicyviolation',
    e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""
POINT = ".js-plotly-plot .scatterlayer .trace .points path"


def _watch(page: Page) -> list[int]:
    page.add_init_script(VIOLATIONS)
    sizes: list[int] = []
    page.on("request", lambda r: sizes.append(len(r.post_data_buffer or b"")))
    return sizes


def _click_first_point(page: Page) -> None:
    points = page.locator(POINT)
    for index in range(points.count()):
        box = points.nth(index).bounding_box()
        if box and box["width"] > 0:
            page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            return
    raise AssertionError("no visible point")


@pytest.mark.parametrize("path", ["/", "/gas?events=1&log=1", "/sources", "/about"])
def test_no_csp_violation(page, base_url, path):
    _watch(page)
    answer = page.goto(base_url + path)
    assert (
        answer is not None
        and "script-src 'self' 'sha256-" in answer.headers["content-security-policy"]
    )
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.cspViolations") == []
    assert page.errors == []


def test_interactions_stay_within_the_policy_and_the_body_cap(page, base_url):
    sizes = _watch(page)
    page.goto(base_url + "/gdp")
    page.wait_for_selector(POINT, state="attached", timeout=15000)
    _click_first_point(page)
    expect(page.locator("#citation-panel")).to_be_visible()
    page.keyboard.press("Escape")
    page.get_by_text("Download, share, cite").first.click()
    with page.expect_download():
        page.get_by_role("button", name="CSV: rows shown").first.click()
    card = page.locator("#levels")
    card.get_by_role("tab", name="Table").click()
    card.locator("button.cell-button").first.click()  # a cell's citation: only its id is sent
    expect(page.locator("#citation-panel")).to_be_visible()
    page.keyboard.press("Escape")
    page.locator("#gdp-log input").check()  # a redraw
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.cspViolations") == []
    assert page.errors == []
    print(f"largest request body: {max(sizes)} bytes")
    assert max(sizes) < hardening.MAX_BODY / 8, max(sizes)  # the cap leaves room to spare


def test_an_unknown_path_shows_the_not_found_page(page, base_url):
    _watch(page)
    answer = page.goto(base_url + "/no/such/page")
    assert answer is not None and answer.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    assert page.evaluate("window.cspViolations") == []
