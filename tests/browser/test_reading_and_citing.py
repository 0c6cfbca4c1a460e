"""Issue 20's views for people: a Table tab a person can read (on a phone too, and by
keyboard), headline figures, claims that read as one story, points one can cite by URL, copy
buttons, embeds whose click cites, and the data pages in the navigation."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

DRAWN = ".js-plotly-plot .scatterlayer .trace .points path"
PHONE = {"width": 390, "height": 844}
SHOTS = Path(os.environ.get("SHOTS", "/tmp/views-people-shots"))


def _chart(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_selector(DRAWN, state="attached", timeout=15000)


def _no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], width  # type: ignore[index]


@pytest.mark.parametrize("width", [390, 1400])
def test_the_table_reads_in_time_order_rounded_with_units_and_fits_a_phone(page, base_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    _chart(page, base_url + "/trade")
    card = page.locator(".chart-card").first
    card.get_by_role("tab", name="Table").click()
    table = card.locator("table.data-grid")
    expect(table).to_be_visible()
    expect(table.locator("thead")).to_contain_text("(USD bn)")
    values = card.locator("button.cell-button").all_inner_texts()
    assert values and all(
        re.fullmatch(r"[≈<>]?-?[\d,]+\.\d(–[\d,]+\.\d)?|[\d.e-]+", v) for v in values
    )
    periods = table.locator("tbody th").all_inner_texts()
    years = [int(p[:4]) for p in periods if p[:4].isdigit()]
    assert years == sorted(years)
    _no_sideways_scroll(page)
    if width == 390:
        box = card.locator(".grid-box")
        assert box.evaluate("b => b.scrollWidth > b.clientWidth")  # it scrolls in its own box
        period = table.locator("tbody th").first
        before = period.bounding_box()
        box.evaluate("b => { b.scrollLeft = 400; }")
        after = period.bounding_box()
        assert before and after and abs(before["x"] - after["x"]) < 1  # the period column stays
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"table-{width}.png"), full_page=False)
    assert page.errors == []


def test_the_table_is_one_tab_stop_with_arrow_keys_inside(page, base_url):
    _chart(page, base_url + "/gdp")
    card = page.locator("#levels")
    tab = card.get_by_role("tab", name="Table")
    tab.click()
    buttons = card.locator("button.cell-button")
    expect(buttons.first).to_be_visible()
    assert card.locator("button.cell-button[tabindex='0']").count() == 1
    card.get_by_role("tab", name="Sources").focus()
    page.keyboard.press("Tab")  # from the last tab into the grid
    first = buttons.first
    expect(first).to_be_focused()
    name = first.get_attribute("aria-label") or ""
    assert re.search(r", \d{4}: [\d.]+ USD bn\. Show the citation", name), name
    page.keyboard.press("ArrowDown")
    down = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert down and down != name and ", 1961: " in down
    assert card.locator("button.cell-button[tabindex='0']").count() == 1
    page.keyboard.press("End")  # the row's last value
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowDown")
    down = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert down and ", 1961: " in down
    page.keyboard.press("Tab")  # out of the grid in one press
    assert page.evaluate("!document.activeElement.classList.contains('cell-button')")
    page.keyboard.press("Shift+Tab")  # back to the value last reached
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == down
    assert page.errors == []


@pytest.mark.parametrize("width", [390, 1400])
def test_the_landing_page_leads_with_the_latest_figure_of_each_family(page, base_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + "/")
    page.wait_for_load_state("networkidle")
    cards = page.locator("#headlines .headline-card")
    expect(cards).to_have_count(5)
    for card in cards.all():
        expect(card.locator(".headline-value")).not_to_be_empty()
        expect(card.get_by_role("link", name="Chart")).to_be_attached()
    # each card states its change on a like period, or says there is none (a part of a year)
    change = re.compile(r"[+−-]\d+\.\d+ (%|points) on \d{4}|No earlier period of the same length")
    for card in cards.all():
        expect(card).to_contain_text(change)
    expect(page.locator("#overview-claims")).to_be_visible()  # the claims table below
    _no_sideways_scroll(page)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"overview-{width}.png"), full_page=True)
    cards.first.get_by_role("link", name="Chart").click()
    page.wait_for_selector(DRAWN, state="attached", timeout=15000)
    assert page.url.endswith("/trade#totals") or "/trade" in page.url
    assert page.errors == []


def test_claims_show_the_difference_the_verdict_used_and_name_the_producer(page, base_url):
    page.goto(base_url + "/")
    page.wait_for_load_state("networkidle")
    table = page.locator("#overview-claims")
    text = table.inner_text()
    assert "stmt-" not in text and "derived-" not in text  # producers, not ids
    for row in table.locator("tbody tr").all():
        cells = row.locator("td").all_inner_texts()
        off = re.search(r"off by (\d+\.\d) %", cells[5])
        if off:  # the Difference column gives the verdict's own distance
            assert cells[4].startswith(off.group(1) + " %"), cells
        if "at the stated precision" in cells[5] or "within the stated range" in cells[5]:
            assert cells[4] == "none: within it", cells
    official = table.locator("td[data-label='Official figure'] a").first
    official.click()
    expect(page.locator("#citation-panel")).to_be_visible(timeout=15000)
    assert page.errors == []


def test_a_point_url_opens_its_chart_with_its_citation(page, base_url):
    page.goto(base_url + "/gdp")
    page.wait_for_load_state("networkidle")
    page.locator("#levels").get_by_role("tab", name="Table").click()
    cell = page.locator("#levels button.cell-button").last
    expect(cell).to_be_visible()
    obs = re.fullmatch(r"o[0-9a-f]{10}", cell.get_attribute("data-obs") or "")
    assert obs
    _chart(page, f"{base_url}/gdp?point={obs.group(0)}#levels")
    panel = page.get_by_role("dialog", name="Citation")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text(f"Observation id: {obs.group(0)}")
    expect(panel.locator(".point-link")).to_have_attribute(
        "href", f"/gdp?point={obs.group(0)}#levels"
    )
    _chart(page, f"{base_url}/gdp?point=<script>alert(1)</script>")  # refused, quietly
    expect(page.locator("#citation-panel")).to_be_hidden()
    expect(page.locator("body")).not_to_contain_text("<script>")
    assert page.errors == []


def test_copy_buttons_put_the_citation_and_bibtex_on_the_clipboard(browser: Browser, base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        _chart(page, base_url + "/gdp?start=2000&end=2020")
        card = page.locator("#levels")
        card.get_by_text("Download, share, cite").click()
        card.get_by_role("button", name="Copy citation").click(timeout=15000)
        expect(card.get_by_role("button", name="Copied")).to_be_visible()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.startswith("China–Russia figures (") and "Licence" in copied
        card.get_by_role("button", name="Copy BibTeX").click()
        assert page.evaluate("navigator.clipboard.readText()").startswith("@misc{")
        card.get_by_role("tab", name="Table").click()
        card.locator("button.cell-button").first.click()
        panel = page.locator("#citation-panel")
        expect(panel).to_be_visible()
        panel.get_by_role("button", name="Copy citation").click()
        assert "Via China–Russia figures, observation o" in page.evaluate(
            "navigator.clipboard.readText()"
        )
        panel.get_by_role("button", name="Copy link").click()
        assert "?point=o" in page.evaluate("navigator.clipboard.readText()")
        page.evaluate("navigator.clipboard.writeText('')")  # the browser's one clipboard
    finally:
        context.close()


def test_an_embed_click_opens_the_citation(page, base_url):
    page.goto(base_url + "/embed/gdp/levels")
    page.wait_for_selector("#embed-figure .scatterlayer .trace .points path", state="attached")
    point = page.locator("#embed-figure .scatterlayer .trace .points path").last
    box = point.bounding_box()
    assert box
    with page.context.expect_page() as opened:
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    cited = opened.value
    cited.wait_for_load_state("networkidle")
    assert re.search(r"/gdp\?.*point=o[0-9a-f]{10}", cited.url), cited.url
    expect(cited.get_by_role("dialog", name="Citation")).to_be_visible(timeout=15000)
    expect(cited.locator("#citation-panel")).to_contain_text("Cite this point")


def test_a_wrong_embed_id_gets_the_sites_not_found_page(page, base_url):
    response = page.goto(base_url + "/embed/gdp/no-such-chart")
    assert response and response.status == 404
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    expect(page.get_by_role("link", name="Back to the overview")).to_be_visible()


def test_an_exported_image_carries_its_whole_source_line(page, base_url):
    _chart(page, base_url + "/trade")
    card = page.locator(".chart-card").first
    line = card.locator(".source-line").inner_text()
    assert "…" not in line
    card.get_by_text("Download, share, cite").click()
    with page.expect_download() as info:
        card.get_by_role("button", name="SVG image").click()
    svg = Path(info.value.path()).read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", svg)
    assert "…" not in text
    for name in re.split(r"[;,] ", line.removeprefix("Sources: ").rstrip(".")):
        assert name.split()[-1] in text, name


@pytest.mark.parametrize("width", [390, 1400])
def test_the_data_index_is_in_the_navigation_and_links_every_data_page(page, base_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + "/about")
    page.wait_for_load_state("networkidle")
    if width == 390:
        page.get_by_role("button", name="Toggle navigation").click()
    page.get_by_role("navigation").get_by_role("link", name="Data", exact=True).click()
    expect(page.get_by_role("heading", name="Data", exact=True)).to_be_visible()
    links = page.locator("#data-index a[href^='/data/']")
    assert links.count() > 20
    expect(
        page.locator("#data-index a[href$='/api/v1/indicators/trade_total.csv']")
    ).to_be_attached()
    _no_sideways_scroll(page)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"data-index-{width}.png"), full_page=True)
    links.first.click()
    expect(page.locator("#data-page")).to_be_visible()
    assert page.errors == []
