"""The chart cards as a reader meets them: phone widths, stable colours, tabs, the share
panel, the citation panel, keyboard reach."""

import re

import pytest
from playwright.sync_api import Page, expect

from dashboard.charts.registry import PAGES as INDICATOR_PAGES

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    *(p.path for p in INDICATOR_PAGES),
    "/sources",
    "/about",
    "/about/dictionary",
    "/check",
    "/data/trade_total",
    "/no-such-page",
]
DRAWN = ".js-plotly-plot .scatterlayer .trace .points path"


def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")


def _chart(page: Page, url: str) -> None:
    _open(page, url)
    page.wait_for_selector(DRAWN, state="attached", timeout=15000)


def _colours(page: Page, chart: str) -> dict[str, str]:
    """Trace uid -> colour of the chart drawn in the section with id `chart`."""
    return dict(
        page.evaluate(
            """(chart) => document.querySelector('#' + chart + ' .js-plotly-plot').data
                .filter((t) => t.uid !== 'events')
                .map((t) => [t.uid, t.line ? t.line.color : t.marker.color])""",
            chart,
        )
    )


@pytest.mark.parametrize("width", [360, 390])
@pytest.mark.parametrize("path", PAGES)
def test_no_sideways_scrolling_at_phone_width(page, base_url, path, width):
    page.set_viewport_size({"width": width, "height": 800})
    _open(page, base_url + path)
    page.wait_for_timeout(300)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate("getComputedStyle(document.body).overflowX") == "visible"
    expect(page.locator(".navbar-toggler")).to_be_visible()
    for line in page.locator(".source-line").all():
        box = line.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    expected = ["the server responded with a status of 404"] if path == "/no-such-page" else []
    assert [e for e in page.errors if not any(x in e for x in expected)] == []


def test_navigation_collapses_and_opens_on_a_phone(page, base_url):
    page.set_viewport_size({"width": 390, "height": 800})
    _open(page, base_url + "/gdp")
    link = page.get_by_role("link", name="Trade volume")
    expect(link).to_be_hidden()
    page.locator(".navbar-toggler").click()
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_url(re.compile(r"/trade"))
    expect(page.locator("h1")).to_have_text("Trade volume")
    expect(page.locator("#flows")).to_be_attached()


def test_first_view_needs_no_callback(page, base_url):
    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    _chart(page, base_url + "/trade?start=2010&end=2020")
    expect(page.locator("h1")).to_have_text("Trade volume")
    page.wait_for_timeout(300)
    assert posts == []  # the page arrives with the layout, not by a callback


def test_colours_stay_when_the_year_range_or_series_change(page, base_url):
    _chart(page, base_url + "/trade")
    before = _colours(page, "flows")
    assert len(set(before.values())) == len(before) >= 4
    _chart(page, base_url + "/trade?start=2016&end=2025")
    narrowed = _colours(page, "flows")
    assert narrowed and all(before[uid] == colour for uid, colour in narrowed.items())
    options = page.locator("#flows .series-legend input")
    options.first.uncheck()
    page.wait_for_function(
        "n => document.querySelector('#flows .js-plotly-plot').data.length < n",
        arg=len(narrowed),
    )
    fewer = _colours(page, "flows")
    assert all(before[uid] == colour for uid, colour in fewer.items())
    assert page.errors == []


LABELS = """(chart) => {
    const gd = document.querySelector('#' + chart + ' .js-plotly-plot');
    const shown = gd.layout.annotations.filter(
        (a) => a.name === 'direct-label' && a.visible !== false);
    const drawn = [...gd.querySelectorAll('.annotation-text')].map((t) => t.textContent);
    return [shown.length, gd.layout.margin.r, drawn];
}"""


def test_direct_labels_show_on_wide_charts_and_give_way_on_phones(page, base_url):
    _chart(page, base_url + "/gdp")
    count, margin, drawn = page.evaluate(LABELS, "levels")
    assert count == 3 and margin > 100  # China and Russia by the World Bank, one by the IMF
    assert any(text.endswith("World Bank WDI") for text in drawn)
    page.set_viewport_size({"width": 390, "height": 800})
    page.wait_for_function(f"(n) => ({LABELS})('levels')[0] === n", arg=0)
    count, margin, drawn = page.evaluate(LABELS, "levels")
    assert margin == 12 and not any("World Bank" in text for text in drawn)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.wait_for_function(f"(n) => ({LABELS})('levels')[0] === n", arg=3)
    assert page.errors == []


def test_an_empty_year_range_draws_a_message(page, base_url):
    _chart(page, base_url + "/trade?start=2024&end=2025")
    gap = page.locator("#gap")
    expect(gap).to_contain_text("No data in the selected years")
    assert (
        page.evaluate("document.querySelector('#gap .js-plotly-plot').layout.xaxis.visible")
        is False
    )


def test_no_third_party_share_button(page, base_url):
    _chart(page, base_url + "/gdp")
    page.locator("#levels .js-plotly-plot").hover()
    buttons = page.locator("#levels .modebar-btn")
    expect(buttons.first).to_be_attached()
    titles = " ".join(b.get_attribute("data-title") or "" for b in buttons.all())
    assert "Cloud" not in titles and "Chart Studio" not in titles and "Share" not in titles
    assert page.hosts <= {"127.0.0.1"}, page.hosts


def test_table_and_sources_tabs(page, base_url):
    _chart(page, base_url + "/gdp")
    card = page.locator("#levels")
    card.get_by_role("tab", name="Table").click()
    table = card.locator("table.data-grid")
    expect(table).to_be_visible()
    expect(table.locator("thead")).to_contain_text("USD bn")
    expect(table.locator("tbody tr").first).to_be_visible()
    card.get_by_role("tab", name="Sources").click()
    sources = card.locator(".sources-list")
    expect(sources).to_contain_text("World Bank")
    expect(sources).to_contain_text("licence")
    expect(card.locator("a[href='/data/gdp']")).to_be_attached()
    assert page.errors == []


def test_share_panel_offers_images_csv_link_and_citations(page, base_url):
    _chart(page, base_url + "/gdp?start=2000&end=2020")
    card = page.locator("#levels")
    card.get_by_text("Download, share, cite").click()
    for name in ("PNG image", "SVG image", "CSV: rows shown", "CSV: all rows"):
        expect(card.get_by_role("button", name=name)).to_be_visible()
    citation = card.locator(".citation-text").first
    expect(citation).to_contain_text("GDP, current US$")
    expect(citation).to_contain_text("/gdp?start=2000&end=2020")
    expect(citation).to_contain_text("Licence")
    expect(card.locator(".citation-text").nth(1)).to_contain_text("@misc{")
    with page.expect_download() as info:
        card.get_by_role("button", name="SVG image").click()
    svg = open(info.value.path(), encoding="utf-8").read()
    assert "GDP, current US$" in svg and "Sources: " in svg and "Licence" in svg
    assert "/gdp?start=2000" in svg
    with page.expect_download() as info:
        card.get_by_role("button", name="CSV: all rows").click()
    assert info.value.suggested_filename.endswith("-all.csv")
    assert page.errors == []


def test_citation_panel_for_a_claim_and_by_keyboard(page, base_url):
    _chart(page, base_url + "/gdp")
    card = page.locator("#levels")
    card.get_by_role("tab", name="Table").click()
    claim = card.locator("button.cell-button").filter(has_text="≈").first
    if claim.count() == 0:
        claim = card.locator("button.cell-button").last
    claim.focus()
    page.keyboard.press("Enter")
    panel = page.locator("#citation-panel")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("Cite this point")
    expect(panel).to_contain_text("Accessed")
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    assert page.errors == []


def test_tabs_follow_the_arrow_keys_and_say_which_is_selected(page, base_url):
    _chart(page, base_url + "/gdp")
    card = page.locator("#levels")
    chart_tab = card.get_by_role("tab", name="Chart")
    expect(chart_tab).to_have_attribute("aria-selected", "true")
    chart_tab.focus()
    page.keyboard.press("ArrowRight")
    table_tab = card.get_by_role("tab", name="Table")
    expect(table_tab).to_be_focused()
    expect(table_tab).to_have_attribute("aria-selected", "true")
    expect(chart_tab).to_have_attribute("aria-selected", "false")
    expect(card.get_by_role("tabpanel")).to_have_count(1)  # the others are hidden
    expect(card.locator("table.data-grid")).to_be_visible()
    expect(card.locator(".js-plotly-plot")).to_be_hidden()
    page.keyboard.press("End")
    expect(card.get_by_role("tab", name="Sources")).to_have_attribute("aria-selected", "true")
    expect(card.locator(".sources-list")).to_be_visible()
    page.keyboard.press("ArrowRight")  # round to the first
    expect(chart_tab).to_be_focused()
    expect(card.locator(".js-plotly-plot")).to_be_visible()
    assert page.errors == []


def test_citation_panel_takes_the_focus_and_gives_it_back(page, base_url):
    _chart(page, base_url + "/gdp")
    card = page.locator("#levels")
    card.get_by_role("tab", name="Table").click()
    cell = card.locator("button.cell-button").first
    cell.focus()
    page.keyboard.press("Enter")
    panel = page.get_by_role("dialog", name="Citation")
    expect(panel).to_be_visible()
    expect(page.locator("#citation-body")).to_be_focused()
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(cell).to_be_focused()
    cell.click()
    expect(panel).to_be_visible()
    panel.get_by_role("button", name="Close the citation").click()
    expect(panel).to_be_hidden()
    cell.click()  # opens again after a close
    expect(panel).to_be_visible()
    assert page.errors == []


def test_claim_panel_gives_the_official_value(page, base_url):
    _open(page, base_url + "/")
    link = page.locator("#overview-claims").get_by_role("link", name="View on chart").nth(2)
    href = link.get_attribute("href") or ""
    chart = href.split("#")[1]
    link.click()
    page.wait_for_selector(f"#{chart} {DRAWN}", state="attached", timeout=15000)
    section = page.locator(f"#{chart}")
    expect(section).to_have_class(re.compile("claim-highlight"))
    expect(section).to_be_in_viewport()
    notes = page.evaluate(
        f"document.querySelector('#{chart} .js-plotly-plot').layout.annotations.map(a => a.text)"
    )
    assert "this claim" in notes
    claim = re.search(r"claim=(o[0-9a-f]{10})", href)
    assert claim
    section.get_by_role("tab", name="Table").click()
    section.locator(f"button.cell-button[data-obs='{claim.group(1)}']").click()
    panel = page.locator("#citation-panel")
    expect(panel).to_contain_text("article claim")
    expect(panel).to_contain_text("Official value")
    expect(panel).to_contain_text("Difference")
    expect(panel).to_contain_text("Verdict")
    assert page.errors == []


def test_skip_link_language_and_visible_focus(page, base_url):
    _chart(page, base_url + "/trade")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_verdict_badges_have_aa_contrast(page, base_url):
    _open(page, base_url + "/")
    ratios = page.evaluate(
        """() => {
        const lum = (c) => {
            const [r, g, b] = c.match(/\\d+/g).slice(0, 3).map(Number).map((v) => {
                v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        return [...document.querySelectorAll('.verdict-badge')].map((b) => {
            const s = getComputedStyle(b);
            const [l1, l2] = [lum(s.color), lum(s.backgroundColor)].sort((x, y) => y - x);
            return [b.textContent, (l1 + 0.05) / (l2 + 0.05)]; }); }"""
    )
    assert ratios
    for text, ratio in ratios:
        assert ratio >= 4.5, (text, ratio)
        assert re.match(r"^[○⬡✕□] ", text), text  # shape as well as colour


def test_sources_page_is_searchable(page, base_url):
    _open(page, base_url + "/sources")
    rows = page.locator(".source-row")
    expect(rows.first).to_be_hidden()  # groups folded
    page.locator("#sources-search").fill("World Bank")
    expect(page.locator("#sources-count")).to_contain_text("match")
    visible = [r for r in rows.all() if r.is_visible()]
    assert visible and all("world bank" in r.inner_text().lower() for r in visible)


def test_embed_shows_the_chart_alone_with_its_source_line(page, base_url):
    _chart(page, base_url + "/gdp?start=2000&end=2020")
    card = page.locator("#levels")
    card.get_by_text("Download, share, cite").click()
    snippet = card.locator(".embed-code").inner_text()
    src = re.search(r'src="([^"]+)"', snippet)
    assert src and "/embed/gdp/levels?start=2000&end=2020" in src.group(1)
    page.goto(src.group(1))
    page.wait_for_selector("#embed-figure .scatterlayer .trace", state="attached")
    expect(page.locator("h1")).to_have_text("GDP, current US$")
    expect(page.locator(".source")).to_contain_text("Sources: IMF WEO (Oct 2025); World Bank WDI")
    expect(page.locator("nav")).to_have_count(0)
    assert page.errors == []
    assert page.hosts <= {"127.0.0.1"}


def test_an_embedded_chart_keeps_direct_labels_for_wide_frames_only(page, base_url):
    labels = """() => document.getElementById('embed-figure').layout.annotations
        .filter((a) => a.name === 'direct-label').length"""
    for width, wide in [(1280, True), (390, False)]:
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(base_url + "/embed/gdp/levels")
        page.wait_for_selector("#embed-figure .scatterlayer .trace", state="attached")
        assert (page.evaluate(labels) > 0) is wide
    assert page.errors == []


def test_citation_follows_the_view(page, base_url):
    _chart(page, base_url + "/gdp")
    card = page.locator("#levels")
    card.get_by_text("Download, share, cite").click()
    page.locator("#gdp-log input").check()
    expect(page).to_have_url(re.compile(r"log=1"))
    expect(card.locator(".view-url").first).to_contain_text("log=1")
    expect(card.locator(".embed-url")).to_contain_text("log=1")


def test_copy_link_copies_the_current_view(page, base_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    _chart(page, base_url + "/gdp?start=1990&end=2010")
    card = page.locator("#levels")
    card.get_by_text("Download, share, cite").click()
    card.locator(".copy-button").click()
    copied = ""
    for _ in range(30):
        copied = page.evaluate("navigator.clipboard.readText()")
        if copied:
            break
        page.wait_for_timeout(100)
    assert copied.startswith(base_url + "/gdp?") and "start=1990&end=2010" in copied
