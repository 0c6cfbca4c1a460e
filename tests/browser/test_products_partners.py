"""The products and partners pages in headless Chromium: no sideways scroll on a phone, a
source in every hover, the headings table follows its controls, the product CSV carries
its citation on every row."""

import csv

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

BAR = ".js-plotly-plot .barlayer .trace .point path"


def _open(page: Page, url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_selector(BAR, state="attached", timeout=15000)


@pytest.mark.parametrize("path", ["/products", "/partners"])
@pytest.mark.parametrize("width", [390, 1400])
def test_page_fits_its_width_without_errors(page, base_url, path, width):
    _open(page, base_url + path, width)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.locator(".source-line").count() >= 2
    assert page.errors == []
    assert page.hosts <= {"127.0.0.1", "data"}, page.hosts


@pytest.mark.parametrize(
    ("path", "source"), [("/products", "CEPII BACI"), ("/partners", "IMF DOTS")]
)
def test_hovering_a_bar_shows_its_source(page, base_url, path, source):
    _open(page, base_url + path, 1400)
    bars = page.locator(BAR)
    box = next(
        b
        for b in (bars.nth(i).bounding_box() for i in range(bars.count()))
        if b and b["height"] > 4
    )
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.locator(".hoverlayer .hovertext").first).to_contain_text(f"Source: {source}")


def test_clicking_a_bar_shows_its_full_citation(page, base_url):
    _open(page, base_url + "/products", 390)
    bars = page.locator("#products-page " + BAR)
    box = next(
        b
        for b in (bars.nth(i).bounding_box() for i in range(bars.count()))
        if b and b["height"] > 8
    )
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    cite = page.locator(".products-cite").first
    expect(cite).to_contain_text("Citation")
    expect(cite).to_contain_text("CEPII, BACI")
    expect(cite).to_contain_text("Trust tier: research")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.errors == []


def test_headings_table_follows_direction_and_year(page, base_url):
    _open(page, base_url + "/products", 390)
    summary = page.locator("#products-headings-summary")
    expect(summary).to_contain_text("Russia's exports to China, 2023")
    page.get_by_role("radio", name="China's exports to Russia").check()
    page.get_by_role("radio", name="2019").check()
    expect(summary).to_contain_text("China's exports to Russia, 2019")
    expect(summary).to_contain_text("headings under US$ 5 m")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_partner_outside_a_top_15_reads_absent_not_zero(page, base_url):
    _open(page, base_url + "/partners", 390)
    table = page.locator("#partners-snapshot")
    expect(table).to_contain_text("not in its top 15")
    expect(page.locator("#partners-page")).to_contain_text("absent, not zero")
    row = table.locator("tr", has_text="Kyrgyzstan")
    expect(row).not_to_contain_text("0.00")


def test_product_csv_download_carries_citations(page, base_url, tmp_path):
    _open(page, base_url + "/products", 390)
    with page.expect_download() as info:
        page.locator("#products-csv").click()
    path = tmp_path / "products.csv"
    info.value.save_as(path)
    assert info.value.suggested_filename == "china-russia-figures-products.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert len(rows) == 6580
    for row in rows:
        assert row["source_citation"].startswith("CEPII, BACI")
        assert row["source_caveats"].startswith("Trust tier: research.")
        assert "differs from both countries' customs" in row["source_caveats"]
