"""Transforms in the URL, on the chart, in the citation and the CSV download; the /changes
page on a phone."""

import csv
import io

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from dashboard import cache, changes, data
from dashboard.schema.tables import CHANGES

pytestmark = pytest.mark.browser

DRAWN = ".js-plotly-plot .scatterlayer .trace .points path"


def _chart(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_selector(DRAWN, state="attached", timeout=15000)


def _axis_title(page: Page, chart: str) -> str:
    return str(
        page.evaluate(
            "(c) => document.querySelector('#' + c + ' .js-plotly-plot').layout.yaxis.title.text",
            chart,
        )
    )


def test_the_transform_in_the_url_draws_cites_and_downloads_it(page, base_url):
    _chart(page, base_url + "/gdp?start=2000&end=2020&transform=index&base=2010")
    card = page.locator("#levels")
    assert _axis_title(page, "levels") == "index, 2010 = 100"
    expect(page.get_by_role("radio", name="Index")).to_be_checked()
    expect(page.locator("#gdp-base")).to_have_value("2010")
    expect(card.locator("p.text-body-secondary")).to_contain_text("Shown as: Index, 2010 = 100")
    card.get_by_text("Download, share, cite").click()
    citation = card.locator(".citation-text").first
    expect(citation).to_contain_text("(Index, 2010 = 100) [chart]")
    expect(citation).to_contain_text("transform=index&base=2010")
    with page.expect_download() as info:
        card.get_by_role("button", name="CSV: rows shown").click()
    assert info.value.suggested_filename.endswith("2000-2020-index-2010.csv")
    rows = list(csv.DictReader(io.StringIO(open(info.value.path(), encoding="utf-8").read())))
    assert rows and {r["transform"] for r in rows} == {"Index, 2010 = 100"}
    assert all(r["value_level"] and r["source_citation"] for r in rows)
    assert any(r["period"] == "2010" and float(r["value"]) == pytest.approx(100) for r in rows)
    assert page.errors == []


def test_choosing_a_transform_puts_it_in_the_address(page, base_url):
    _chart(page, base_url + "/gdp?start=2000&end=2020")
    assert "index" not in _axis_title(page, "levels")
    page.get_by_role("radio", name="% change on the previous period").check()
    page.wait_for_url("**transform=pct_change**")
    page.wait_for_selector(DRAWN, state="attached", timeout=15000)
    assert _axis_title(page, "levels") == "% change on the previous period"
    assert "start=2000" in page.url
    assert page.errors == []


def test_a_bad_transform_in_the_url_shows_the_level(page, base_url):
    _chart(page, base_url + "/gdp?transform=<b>&base=x")
    expect(page.get_by_role("radio", name="Level")).to_be_checked()
    assert page.errors == []


@pytest.fixture
def made_up_changes(monkeypatch):
    """A change history made up for the test (the shipped one may be empty): two real points
    with invented new values."""
    points = data.load().observations.head(2)
    made = pd.DataFrame(
        {
            "build": "0123456789abcdef",
            "date": "2026-12-01",
            "change": ["revised", "added"],
            "obs_id": points["obs_id"],
            "indicator": points["indicator"],
            "economy": points["economy"],
            "reporter": points["reporter"],
            "series": points["series"],
            "period": points["period"],
            "unit": points["unit"],
            "old_value": [1234.5, float("nan")],
            "new_value": [1300.25, 17.0],
            "source_id": points["source_id"],
        },
        columns=CHANGES.columns,
    )
    monkeypatch.setattr(changes, "history", lambda folder=None: made)
    _forget()
    yield made
    _forget()


def _forget() -> None:
    """Empty the memos (the page's list was memoised from the shipped history)."""
    for memo in cache.MEMOS:
        memo.clear()


@pytest.mark.parametrize("width", [390, 1400])
def test_changes_page_reads_on_a_phone(page, base_url, made_up_changes, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + "/changes")
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", name="What changed")).to_be_visible()
    rows = page.locator(".change-row")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("1234.5 → 1300.25")
    expect(page.locator("a[href='/changes.atom']")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.errors == []


def test_on_a_phone_the_transforms_take_two_rows_and_the_keyboard_still_picks_one(page, base_url):
    page.set_viewport_size({"width": 390, "height": 900})
    _chart(page, base_url + "/trade")
    control = page.locator("#page-content fieldset.controls-transform")
    assert control.bounding_box()["height"] <= 70  # was 179 px: one radio a row
    expect(page.get_by_role("group", name="Show").get_by_role("radio")).to_have_count(5)
    level = page.get_by_role("radio", name="Level")
    expect(level).to_be_checked()
    level.focus()
    page.keyboard.press("ArrowRight")  # the next radio: % change on the previous period
    page.wait_for_url("**transform=pct_change**")
    page.wait_for_selector(DRAWN, state="attached", timeout=15000)
    expect(page.get_by_role("radio", name="% change")).to_be_checked()
    assert page.errors == []
