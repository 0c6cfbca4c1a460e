"""What a reader gets from a chart beyond its lines: exported images that name the events
they number, a legend on the data page's chart, and a click on a spot where a claim sits on
an official point."""

import re

import pytest
from playwright.sync_api import Page, expect

from dashboard import data
from dashboard.charts.registry import PAGES

pytestmark = pytest.mark.browser

DRAWN = ".js-plotly-plot .scatterlayer .trace .points path"


def _chart(page: Page, url: str, card: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_selector(f"#{card} {DRAWN}", state="attached", timeout=15000)


def _svg_text(page: Page, card: str) -> str:
    """The text of the SVG image the card's download panel gives, lines joined by spaces."""
    section = page.locator(f"#{card}")
    section.get_by_text("Download, share, cite").click()
    with page.expect_download() as info:
        section.get_by_role("button", name="SVG image").click()
    with open(info.value.path(), encoding="utf-8") as svg:
        return " ".join(re.findall(r">([^<>]+)<", svg.read()))


def test_an_exported_image_names_the_events_it_numbers(page, base_url):
    _chart(page, base_url + "/gas", "imports")
    assert page.locator("#imports .event-list li").count() == 0  # events are off by default
    page.locator("#gas-events").get_by_text("Events").click()
    items = page.locator("#imports .event-list li")
    expect(items.first).to_be_visible()
    page.wait_for_function(
        "() => document.querySelector('#imports .js-plotly-plot').data"
        ".some((t) => t.uid === 'events')"
    )
    text = _svg_text(page, "imports")
    events = data.load().events.set_index("date")
    listed = [item.split(": ", 1) for item in items.all_inner_texts()]
    assert len(listed) >= 2
    for number, (date, _) in enumerate(listed, start=1):
        label = events.loc[[date], "label"]  # the label as the events table holds it
        assert any(f"{number}  {date}  {one}" in text for one in label), (number, date)
    assert "Events marked on the chart:" in text
    assert "Sources: " in text and "Licence" in text
    assert page.errors == []


def test_images_and_citations_carry_the_source_line_of_the_view_shown(page, base_url):
    _chart(page, base_url + "/trade?start=2000&end=2023", "flows")
    assert "official statements" in page.locator("#flows .source-line").inner_text()
    statements = page.locator("#flows .series-legend label").filter(has_text="official statements")
    assert statements.count() >= 1
    for option in statements.all():
        option.locator("input").uncheck()
    line = page.locator("#flows .source-line")
    expect(line).not_to_contain_text("official statements")
    text = _svg_text(page, "flows")
    assert line.inner_text() in text
    assert "official statements" not in text
    assert "Events marked" not in text  # no events shown, no key
    for citation in page.locator("#flows .citation-text").all()[:2]:  # text and BibTeX
        expect(citation).to_contain_text(line.inner_text())
        expect(citation).not_to_contain_text("official statements")
    assert page.errors == []


def test_a_click_where_a_claim_sits_on_an_official_point_cites_the_claim_first(
    page, base_url, claim_on_official_point
):
    claim, official = claim_on_official_point
    _chart(page, base_url + "/trade?start=2015&end=2025", "turnover")
    spot = page.evaluate(
        """(claim) => {
            const gd = document.querySelector('#turnover .js-plotly-plot');
            const trace = gd.data.find((t) => (t.customdata || []).some((c) => c[0] === claim));
            const j = trace.customdata.findIndex((c) => c[0] === claim);
            const layout = gd._fullLayout, box = gd.getBoundingClientRect();
            return [box.x + layout.margin.l + layout.xaxis.l2p(layout.xaxis.d2l(trace.x[j])),
                    box.y + layout.margin.t + layout.yaxis.l2p(trace.y[j])];
        }""",
        claim,
    )
    page.mouse.move(spot[0], spot[1])
    page.mouse.click(spot[0], spot[1])
    panel = page.locator("#citation-panel")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("2 points are drawn at this spot")
    text = panel.inner_text()
    assert f"Observation id: {claim}" in text and f"Observation id: {official}" in text
    assert text.index(claim) < text.index(official)  # the claim is drawn on top
    assert "article claim" in text and "Official value" in text
    assert page.errors == []


def test_a_redrawn_chart_keeps_its_height_and_stays_in_its_card(page, base_url):
    _chart(page, base_url + "/gas", "imports")
    page.locator("#gas-events").get_by_text("Events").click()
    expect(page.locator("#imports .event-list li").first).to_be_visible()
    page.wait_for_timeout(500)
    for card in page.locator(".chart-card").all():
        graph = card.locator(".chart-graph").bounding_box()
        notes = card.locator(".source-line").bounding_box()
        assert graph is not None and notes is not None
        assert graph["height"] >= 300
        assert graph["y"] + graph["height"] <= notes["y"]  # the chart does not cover its notes


@pytest.mark.parametrize("width", [360, 1400])
def test_the_data_page_chart_names_each_series_it_draws(page, base_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + "/data/trade_total")
    page.wait_for_selector(f"#data-chart {DRAWN}", state="attached", timeout=15000)
    names = page.evaluate(
        "() => document.querySelector('#data-chart .js-plotly-plot').data.map((t) => t.name)"
    )
    key = page.locator("#data-chart .series-key li")
    entries = key.all_inner_texts()
    assert len(names) >= 4 and len(entries) >= 4
    for name in names:  # a claim's trace adds its verdict to its series' name
        assert any(name == entry or name.startswith(entry + ": ") for entry in entries), name
    expect(page.locator("#data-chart .verdict-key")).to_contain_text("target met")
    expect(page.locator("#data-chart .source-line")).to_contain_text("IMF DOTS")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for item in [*key.all(), page.locator("#data-chart .source-line")]:
        box = item.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    graph = page.locator("#data-chart .data-chart").bounding_box()
    assert graph is not None and 300 <= graph["height"] <= 340
    assert page.errors == []


def test_an_embedded_chart_names_its_series_and_events(page, base_url):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(base_url + "/embed/trade/flows?start=2010&end=2025&events=1")
    page.wait_for_selector("#embed-figure .scatterlayer .trace", state="attached")
    names = page.evaluate(
        "() => document.getElementById('embed-figure').data"
        ".filter((t) => t.uid !== 'events').map((t) => t.name)"
    )
    key = page.locator("ul.key li").all_inner_texts()
    assert len(names) >= 4 and sorted(names) == sorted(key)
    numbered = page.evaluate(
        "() => document.getElementById('embed-figure').data"
        ".find((t) => t.uid === 'events').customdata.map((c) => c[2] + ': ' + c[3])"
    )
    listed = page.locator("ol.events li").all_inner_texts()
    assert len(listed) == len(numbered) >= 2
    assert all(item.startswith(event) for item, event in zip(listed, numbered, strict=True))
    assert set(data.load().events["label"]) >= {event.split(": ", 1)[1] for event in numbered}
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.errors == []


def test_legend_swatches_draw_planned_figures_as_the_chart_does(page, base_url):
    _chart(page, base_url + "/gas", "pos")
    planned = page.locator("#pos .series-legend label").filter(has_text="planned")
    reported = page.locator("#pos .series-legend label").filter(has_text="Gas delivered")
    assert planned.count() >= 1
    symbols = page.evaluate(
        "() => document.querySelector('#pos .js-plotly-plot').data"
        ".map((t) => [t.name, [].concat(t.marker.symbol)[0]])"
    )
    assert all(s == "diamond-open" for name, s in symbols if "planned" in name)
    for label in planned.all():
        expect(label.locator(".swatch")).to_have_class(re.compile(r"\bswatch-planned\b"))
    expect(reported.locator(".swatch")).not_to_have_class(re.compile(r"\bswatch-planned\b"))
    radius = reported.locator(".swatch").evaluate("e => getComputedStyle(e).borderRadius")
    assert radius == "50%"  # a dot, as the statements are drawn


@pytest.mark.parametrize("width", [1000, 1400])
def test_wide_navigation_keeps_each_link_on_one_line(page, base_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + "/about")
    links = page.locator(".navbar .nav-link")
    expect(links.first).to_be_visible()
    heights = [link.bounding_box()["height"] for link in links.all()]
    assert max(heights) < 1.6 * min(heights)
    title = page.locator("h1").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    section = page.locator(".readable h2").first.evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)"
    )
    assert section < title  # the About text's sections sit below the page's title


@pytest.mark.parametrize("path", ["no_such_indicator", "gas_pos_capacity_share_of_cn_imports"])
def test_data_pages_with_long_ids_fit_a_phone(page, base_url, path):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(base_url + "/data/" + path)
    expect(page.locator("h1")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_sources_rows_stack_on_a_phone_with_every_column_named(page, base_url):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(base_url + "/sources")
    page.locator("#sources-page summary").first.click()
    row = page.locator("#sources-page .source-row").first
    expect(row).to_be_visible()
    for cell in row.locator("td").all():
        box = cell.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360
    licence = row.locator("td").nth(4)
    label = licence.evaluate("e => getComputedStyle(e, '::before').content")
    assert label == '"Licence: "'
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_sources_search_box_can_be_typed_in_across_its_width(page, base_url):
    page.goto(base_url + "/sources")
    field = page.locator("#sources-search")
    expect(field).to_be_visible()
    inner = field.bounding_box()
    outer = page.locator(".dash-input-container:has(#sources-search)").bounding_box()
    assert inner is not None and outer is not None
    assert inner["width"] >= 0.9 * outer["width"]


@pytest.mark.parametrize("width", [390, 1400])
@pytest.mark.parametrize("query", ["", "?log=1&events=1"])
def test_charts_are_laid_out_once_their_margins_wide_enough(page, base_url, width, query):
    """plotly's automargin draws a chart a second time when a margin is too narrow for the
    axis labels: the figures' own margins leave it nothing to push (bottom excepted on a
    phone, where plotly may tilt the year labels)."""
    page.set_viewport_size({"width": width, "height": 900})
    for indicators in PAGES:
        path, cards = indicators.path, len(indicators.charts)
        page.goto(base_url + path + query)
        page.wait_for_function(
            "n => [...document.querySelectorAll('.chart-card .js-plotly-plot')]"
            ".filter((gd) => gd._fullLayout).length === n",
            arg=cards,
        )
        pushed = page.evaluate(
            """(phone) => [...document.querySelectorAll('.chart-card .js-plotly-plot')]
            .flatMap((gd) => {
                const asked = gd.layout.margin, used = gd._fullLayout._size;
                const sides = phone ? ['l', 'r', 't'] : ['l', 'r', 't', 'b'];
                return sides.filter((side) => Math.round(used[side]) > asked[side])
                    .map((side) => gd.closest('.chart-card').id + ' ' + side);
            })""",
            width < 640,
        )
        assert pushed == [], path
