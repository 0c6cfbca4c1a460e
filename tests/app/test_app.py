"""The app without a browser: routes, callbacks as plain functions, layouts from URLs."""

import csv
import io
import json
import re
import sys

import dash
import pandas as pd
import pytest

from dashboard import callbacks, data, guards, layouts, memo, view
from dashboard.app import app
from dashboard.charts.registry import CHARTS, PAGES, PAGES_BY_ID, chart_for
from dashboard.check import engine

overview = sys.modules[dash.page_registry["pages.overview"]["module"]]


@pytest.fixture(scope="module")
def client():
    return app.server.test_client()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/trade",
        "/shares",
        "/settlement",
        "/gdp",
        "/gas",
        "/products",
        "/partners",
        "/sources",
        "/about",
        "/no-such-page",
        "/trade?start=<script>alert(1)</script>&series=%3Cimg%3E",
    ],
)
def test_every_page_is_served(client, path):
    response = client.get(path)
    assert response.status_code == (
        404 if path == "/no-such-page" else 200
    )  # the shell, either way
    assert b"<script>alert(1)</script>" not in response.data


def test_layout_and_dependencies_are_served(client):
    assert client.get("/_dash-layout").status_code == 200
    dependencies = json.loads(client.get("/_dash-dependencies").data)
    outputs = " ".join(d["output"] for d in dependencies)
    assert "citation-panel.className" in outputs


def test_no_asset_is_loaded_from_another_host(client):
    page = client.get("/").data.decode()
    for marker in ('src="http', 'href="http', "cdn."):
        assert marker not in page
    assert 'href="/styles.css?v=' in page  # Bootstrap's among the sheets in it


def test_full_download_is_a_zip(client):
    response = client.get("/download/china-russia-figures.zip")
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    assert response.data[:2] == b"PK"


def test_page_layout_restores_a_view_and_survives_junk():
    page = PAGES_BY_ID["trade"]
    restored = str(layouts.page_layout(page, {"start": "2010", "end": "2015", "log": "1"}))
    assert "value=[2010, 2015]" in restored
    assert re.search(r"value=\['on'\][^)]*id='trade-log'\)", restored)
    junk = str(layouts.page_layout(page, {"start": "';alert(1)//", "series": "<svg onload=1>"}))
    assert "alert" not in junk and "<svg" not in junk


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.page)
def test_redraw_callback_builds_every_chart(page):
    everything = frozenset(memo.page_points(page)["series_id"])
    shown = view.View(2000, 2025, True, False, everything)
    figures_, filters, lines = layouts.update_charts(page, shown)
    assert len(figures_) == len(filters) == len(lines) == len(page.charts)
    assert all(str(notes).count("Sources: ") == 1 for notes in lines)


def test_clicking_a_point_opens_its_full_citation():
    point = data.load().points.iloc[0]
    click = {"points": [{"customdata": [point["obs_id"], "", "", "", "", "", ""]}]}
    is_open, body = callbacks.citation_for(click)
    assert is_open
    assert point["source_citation"] in str(body)


def test_clicking_a_derived_point_lists_its_inputs():
    points = data.load().points
    derived = points[points["kind"] == "derived"].iloc[0]
    _, body = callbacks.citation_for({"points": [{"customdata": [derived["obs_id"]]}]})
    for obs_id in derived["input_obs_ids"].split(";"):
        source = points.set_index("obs_id").loc[obs_id, "source_citation"]
        assert source in str(body)
    sources = data.load().sources.set_index("source_id")
    for source_id in derived["input_source_ids"].split(";"):
        assert sources.loc[source_id, "citation_full"] in str(body)


def test_clicking_an_event_shows_its_quote():
    event = data.load().events.iloc[0]
    click = {"points": [{"customdata": [f"event:{event['event_id']}"]}]}
    is_open, body = callbacks.citation_for(click)
    assert is_open and event["label"] in str(body)


def test_a_click_on_a_spot_with_several_points_cites_each_the_top_one_first(
    claim_on_official_point,
):
    claim, official = claim_on_official_point
    click = {"points": [{"customdata": [claim]}, {"customdata": [official]}], "at": 1}
    is_open, body = callbacks.citation_for(click)
    text = str(body)
    assert is_open and "2 points are drawn at this spot" in text
    assert f"Observation id: {claim}" in text and f"Observation id: {official}" in text
    assert text.index(claim) < text.index(official)
    assert "Official value" in text  # the claim's part says what it was compared with


def test_a_click_naming_one_point_twice_cites_it_once(claim_on_official_point):
    claim, _ = claim_on_official_point
    _, body = callbacks.citation_for({"points": [{"customdata": [claim]}] * 2})
    assert str(body).count(f"Observation id: {claim}") == 1
    assert "points are drawn at this spot" not in str(body)


def test_a_click_naming_too_many_points_is_refused(claim_on_official_point):
    claim, _ = claim_on_official_point
    with pytest.raises(guards.Refused):
        callbacks.citation_for({"points": [{"customdata": [claim]}] * (guards.MAX_AT_SPOT + 1)})
    with pytest.raises(guards.Refused):
        callbacks.citation_for({"points": [claim]})


def test_unknown_clicks_do_not_open_the_panel():
    assert callbacks.citation_for(None) == (False, [])
    assert callbacks.citation_for({"points": [{"customdata": ["nope"]}]}) == (False, [])


def test_chart_download_sends_exactly_the_rows_shown_with_sources():
    chart = CHARTS[("trade", "turnover")]
    points = memo.chart_points(data.load().points, chart)
    series = sorted(set(points["series_id"]))[:1]
    sent = callbacks.chart_download(
        {"page": "trade", "chart": "turnover"},
        {"start": 2005, "end": 2015, "series": series, "transform": "level", "base": 2015},
    )
    assert sent is not None and sent["filename"].endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(sent["content"])))
    expected = memo.visible(points, 2005, 2015, series)
    assert sorted(r["obs_id"] for r in rows) == sorted(expected["obs_id"])
    assert all(r["source_citation"] and r["source_url"] is not None for r in rows)


def test_an_indicator_without_a_chart_has_no_chart_link():
    tables = data.load()
    charted = {i for chart in CHARTS.values() for i in chart.indicators}
    missing = sorted(set(tables.indicators["indicator"]) - charted)
    assert missing, "every indicator has a chart now: pick another example"
    assert all(chart_for(indicator) is None for indicator in missing)
    claim = tables.claims_check.iloc[0].copy()
    claim["indicator"] = missing[0]
    assert overview.chart_link(claim) is None
    assert "View on chart" not in str(overview.claims_table(pd.DataFrame([claim]), tables.sources))


def test_the_checker_and_the_claims_table_link_an_indicator_to_the_same_chart():
    for chart in CHARTS.values():
        for indicator in chart.indicators:
            first = chart_for(indicator)
            assert first is not None
            link = engine._chart(indicator, "2020-01-01")
            assert link.endswith(f"#{first.chart_id}"), (indicator, link)
            claim = pd.Series({"indicator": indicator, "period": "2020", "obs_id": "o0"})
            assert str(overview.chart_link(claim)).endswith(f"#{first.chart_id}")


def test_claim_links_end_at_the_last_year_of_the_charts_page():
    claim = data.load().claims_check.iloc[0]
    chart = chart_for(claim["indicator"])
    assert chart is not None
    high = memo.offer(PAGES_BY_ID[chart.page]).bounds[1]
    assert f"&end={high}&" in str(overview.chart_link(claim))
