"""The API as a real server serves it: pandas reads the URLs, and data pages answer 404 for an
unknown indicator."""

import io
import sys
from typing import Any

import dash
import pandas as pd
import pytest
import requests

from dashboard import api, catalog, data
from dashboard.app import server
from dashboard.schema import paths, published
from dashboard.schema.tables import OBSERVATIONS

PUBLISHED = published.load(paths.TIDY)
# Dash imported the page module itself (as pages.data_page); importing it again would
# register the page twice
data_page = sys.modules[dash.page_registry["pages.data_page"]["module"]]


def _published_rows(indicator: str) -> pd.DataFrame:
    frame = pd.read_csv(
        io.BytesIO(PUBLISHED.files["observations.csv"]), dtype=str, keep_default_na=False
    )
    return frame[frame["indicator"] == indicator].reset_index(drop=True)


@pytest.mark.parametrize("indicator", ["trade_total", "settlement_yuan_share", "gas_pos_flow"])
def test_pandas_read_csv_reads_the_served_url(base_url, indicator):
    url = f"{base_url}/api/v1/indicators/{indicator}.csv"
    frame = pd.read_csv(url)  # as an analyst would: no options
    expected = _published_rows(indicator)
    assert list(frame.columns) == list(api.OBSERVATION_COLUMNS)
    assert frame["value"].tolist() == expected["value"].astype(float).tolist()
    assert frame["source_citation"].notna().all()
    exact = pd.read_csv(url, dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(exact[OBSERVATIONS.columns], expected)


def test_pandas_reads_a_filtered_url_and_the_json(base_url):
    url = f"{base_url}/api/v1/indicators/trade_total.csv?reporter=CHN&start=2010&end=2015"
    frame = pd.read_csv(url)
    assert len(frame) > 0 and set(frame["reporter"]) == {"CHN"}
    assert frame["year"].between(2010, 2015).all()
    document = requests.get(f"{base_url}/api/v1/indicators/trade_total.json", timeout=10).json()
    assert len(pd.json_normalize(document["rows"])) == len(_published_rows("trade_total"))


def test_data_pages_answer_404_for_an_unknown_indicator(base_url):
    assert requests.get(f"{base_url}/data/trade_total", timeout=10).status_code == 200
    for path in ("/data/no_such_indicator", "/data/trade_total/extra", "/data/%3Cb%3E"):
        response = requests.get(base_url + path, timeout=10)
        assert response.status_code == 404
        assert "<b>" not in response.text


def _text(component: object) -> str:
    """Every string inside a Dash component tree."""
    if isinstance(component, str):
        return component
    if isinstance(component, list | tuple):
        return " ".join(_text(c) for c in component)
    children = getattr(component, "children", None)
    return _text(children) if children is not None else ""


@pytest.mark.parametrize("indicator", catalog.ids(data.load()))
def test_every_data_page_renders_with_snippets_for_the_request_host(indicator):
    with server.test_request_context("/", base_url="https://figures.example.org/"):
        text = _text(data_page.layout(indicator=indicator))
    csv_url = f"https://figures.example.org/api/v1/indicators/{indicator}.csv"
    assert f'pd.read_csv("{csv_url}")' in text
    assert f'read.csv("{csv_url}", encoding = "UTF-8")' in text
    assert f'=IMPORTDATA("{csv_url}")' in text
    assert "How to cite" in text and f"https://figures.example.org/data/{indicator}" in text
    for citation in catalog.sources_of(data.load(), indicator)["citation_full"]:
        assert citation in text


def test_a_derived_indicator_links_its_inputs():
    page = data_page.layout(indicator="trade_total_mirror_gap_pct")
    text = _text(page)
    assert "(Russia-reported − China-reported) / China-reported × 100" in text
    links = [c.href for c in _links(page)]
    assert "/data/trade_total" in links


def _links(component: object) -> list[Any]:
    found = [component] if getattr(component, "href", None) else []
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children] if children else []:
        found += _links(child)
    return found


def test_an_unknown_indicator_gets_the_not_found_page():
    page = data_page.layout(indicator="<img src=x onerror=alert(1)>")
    assert page.id == "data-not-found"
    assert "onerror" not in _text(page)
    assert data_page.title("nope").startswith("Indicator not found")


def test_the_indicator_list_and_each_page_agree():
    tables = data.load()
    every = catalog.summaries(tables)
    assert list(every) == catalog.ids(tables)
    for indicator, summary in every.items():
        assert summary == catalog.summary(tables, indicator)
        assert summary["sources"] == sorted(catalog.sources_of(tables, indicator)["source_id"])
