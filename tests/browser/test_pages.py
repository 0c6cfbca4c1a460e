"""The dashboard in headless Chromium: pages, hover, click, download, URL state."""

import csv
import re

import pytest
from playwright.sync_api import FloatRect, Page, expect

from dashboard.charts.registry import PAGES as INDICATOR_PAGES

pytestmark = pytest.mark.browser

PAGES = ["/", *(p.path for p in INDICATOR_PAGES), "/sources", "/about", "/no-such-page"]
CHART_PAGES = {p.path for p in INDICATOR_PAGES}
NOT_FOUND_MESSAGE = "Failed to load resource: the server responded with a status of 404 (NOT FOUND)"
POINT = ".js-plotly-plot .scatterlayer .trace .points path"


def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if any(url.split("?")[0].endswith(p) for p in CHART_PAGES):
        page.wait_for_selector(POINT, state="attached", timeout=15000)


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_console_errors(page, base_url, path):
    _open(page, base_url + path)
    expect(page.locator("nav")).to_contain_text("China–Russia figures")
    # an unknown path is a real 404 (the browser reports the status), with the app's own page
    expected = [NOT_FOUND_MESSAGE] if path == "/no-such-page" else []
    assert page.errors == expected
    assert page.hosts <= {"127.0.0.1", "data"}, page.hosts  # no outside host, ever


def _first_point_box(page: Page) -> FloatRect:
    points = page.locator(POINT)
    for index in range(points.count()):
        box = points.nth(index).bounding_box()
        if box and box["width"] > 0:
            return box
    raise AssertionError("no visible point")


def test_hovering_a_point_shows_its_source(page, base_url):
    _open(page, base_url + "/trade")
    box = _first_point_box(page)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    hover = page.locator(".hoverlayer .hovertext").first
    expect(hover).to_contain_text("Source:")
    expect(hover).to_contain_text("Kind:")


def test_clicking_a_point_opens_the_citation_panel(page, base_url):
    _open(page, base_url + "/gdp")
    box = _first_point_box(page)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    panel = page.locator("#citation-panel")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("Citation")
    expect(panel).to_contain_text("Accessed")
    assert page.errors == []


def test_csv_download_has_sources_on_every_row(page, base_url, tmp_path):
    _open(page, base_url + "/trade")
    page.get_by_text("Download, share, cite").first.click()
    with page.expect_download() as info:
        page.get_by_role("button", name="CSV: rows shown").first.click()
    path = tmp_path / "chart.csv"
    info.value.save_as(path)
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert rows
    for row in rows:
        assert row["source_id"] and row["source_citation"] and row["source_producer"]


def test_url_state_is_restored(page, base_url):
    _open(page, base_url + "/trade?start=2010&end=2015&events=1&log=1")
    inputs = page.locator("#trade-years input")
    expect(inputs.first).to_have_value("2010")
    expect(inputs.last).to_have_value("2015")
    expect(page.locator("#trade-events input")).to_be_checked()
    expect(page.locator("#trade-log input")).to_be_checked()
    expect(page).to_have_url(re.compile(r"start=2010&end=2015&events=1&log=1"))
    layout = page.evaluate("document.querySelector('.js-plotly-plot').layout.yaxis.type")
    assert layout == "log"
    assert page.errors == []


def test_malformed_url_falls_back_to_defaults(page, base_url):
    junk = (
        "/trade?start=%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E&end=abc"
        "&series=%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E&events=maybe"
    )
    _open(page, base_url + "/trade")
    defaults = [page.locator("#trade-years input").nth(i).input_value() for i in (0, 1)]
    _open(page, base_url + junk)
    values = [page.locator("#trade-years input").nth(i).input_value() for i in (0, 1)]
    assert values == defaults
    expect(page.locator("#trade-events input")).not_to_be_checked()
    assert page.evaluate("window.pwned") is None
    assert page.errors == []
