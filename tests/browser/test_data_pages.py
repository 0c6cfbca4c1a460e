"""A data page in headless Chromium, reached from the Sources page."""

import csv
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
POINT = ".js-plotly-plot .scatterlayer .trace .points path"


def test_sources_page_link_opens_a_data_page(page, base_url, tmp_path):
    page.goto(base_url + "/sources")
    page.wait_for_load_state("networkidle")
    href = "a[href='/data/trade_total_mirror_gap_pct']"
    group = page.locator("#sources-page details", has=page.locator(href)).first
    group.locator("summary").click()  # the groups are folded
    group.locator(href).first.click()
    expect(page).to_have_url(base_url + "/data/trade_total_mirror_gap_pct")
    data_page = page.locator("#data-page")
    expect(data_page.locator("h1")).to_have_text("Reporter gap in total trade")
    expect(page.locator("#data-facts")).to_contain_text("percent")
    expect(page.locator("#data-facts")).to_contain_text("China–Russia")
    page.wait_for_selector(POINT, state="attached", timeout=15000)
    expect(page.locator("#data-sources")).to_contain_text("International Monetary Fund")
    csv_url = f"{base_url}/api/v1/indicators/trade_total_mirror_gap_pct.csv"
    expect(page.locator("#data-downloads")).to_contain_text(f'pd.read_csv("{csv_url}")')
    expect(page.locator("#data-downloads")).to_contain_text(f'=IMPORTDATA("{csv_url}")')
    expect(page.locator("#data-cite")).to_contain_text(f"{base_url}/data/")
    assert page.errors == []
    assert page.hosts <= {"127.0.0.1", "data"}, page.hosts

    box = page.locator(POINT).first.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.locator("#citation-panel")).to_contain_text("International Monetary Fund")
    page.keyboard.press("Escape")

    with page.expect_download() as info:
        page.get_by_role("link", name="CSV, every row cited").click()
    path = tmp_path / "rows.csv"
    info.value.save_as(path)
    assert info.value.suggested_filename == "china-russia-figures-trade_total_mirror_gap_pct.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert rows and all(r["source_id"] and r["source_citation"] for r in rows)

    page.locator("#data-inputs a[href='/data/trade_total']").click()
    expect(data_page.locator("h1")).to_have_text("China–Russia goods trade (turnover)")
    expect(page.locator("#data-claims")).to_contain_text("about US$ 100.00 bn")
    expect(page.locator("#data-claims")).to_contain_text("target met")
    assert page.errors == []


def test_a_point_of_a_data_page_reached_after_check_opens_its_citation(page, base_url):
    """The order that once opened no citation: /check, then a data page followed from low on
    the Sources page. The page change must land at the top at once (a smooth scroll slid the
    chart under the pointer after its point had been measured: the click missed it)."""
    page.goto(base_url + "/check")
    page.fill("#check-text", "   ")
    page.click("#check-submit")
    expect(page.locator("#check-message")).to_contain_text("Paste some text")
    page.goto(base_url + "/sources")
    page.wait_for_load_state("networkidle")
    href = "a[href='/data/trade_total_mirror_gap_pct']"
    group = page.locator("#sources-page details", has=page.locator(href)).first
    group.locator("summary").click()
    link = group.locator(href).first
    link.scroll_into_view_if_needed()
    assert page.evaluate("window.scrollY") > 0  # the link sits below the first screen
    link.click()
    assert page.evaluate("window.scrollY") == 0  # at the top now, not on the way there
    page.wait_for_selector(POINT, state="attached", timeout=15000)
    box = page.locator(POINT).first.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.locator("#citation-panel")).to_have_class(re.compile(r"\bshow\b"))
    expect(page.locator("#citation-body")).to_contain_text("International Monetary Fund")
    assert page.errors == []


def test_an_unknown_indicator_shows_not_found(page, base_url):
    page.goto(base_url + "/data/no_such_indicator")
    expect(page.locator("#data-not-found h1")).to_have_text("Indicator not found")
    page.locator("#data-not-found a[href='/data/gdp']").click()
    expect(page.locator("#data-page h1")).to_have_text("GDP, current US$")
