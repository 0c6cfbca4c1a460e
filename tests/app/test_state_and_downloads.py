"""URL state parsing, spreadsheet-safe cited CSVs and the full bundle."""

import csv
import io
import zipfile

import pandas as pd
import pytest

from dashboard import data, downloads, guards, memo, view
from dashboard.app import server
from dashboard.charts.registry import CHARTS
from dashboard.schema import published

IDS = {"s1", "s2", "s3"}


def test_state_round_trips_through_the_query_string():
    shown = view.View(2010, 2015, True, True, frozenset({"s1", "s3"}))
    query = dict(part.split("=") for part in shown.query(IDS).split("&"))
    assert view.from_query(query, (2000, 2025), IDS) == shown


def test_state_round_trips_through_the_page_store_and_the_rows_store():
    offer = guards.Offer((2000, 2025), ("a", "b"), (frozenset({"s1", "s2"}), frozenset({"s3"})))
    shown = view.View(2010, 2015, True, False, frozenset({"s1", "s3"}))
    stored = shown.store(offer)
    assert stored["shown"] == {"a": ["s1"], "b": ["s3"]}
    assert view.from_store(offer, stored) == shown
    rows = view.from_rows(offer, 0, shown.rows(offer.series[0]))
    assert (rows.start, rows.end, rows.shown) == (2010, 2015, frozenset({"s1"}))
    for bad in ({**stored, "years": [1990, 2015]}, {**stored, "log": ["yes"]}, {}):
        with pytest.raises(guards.Refused):
            view.from_store(offer, bad)


def test_malformed_queries_fall_back_to_defaults():
    default = view.View(2000, 2025, False, False, frozenset(IDS))
    for query in (
        {"start": "<script>alert(1)</script>", "end": "zz"},
        {"start": "2020", "end": "2010"},
        {"series": "<img src=x onerror=alert(1)>"},
        {"start": "٢٠١٠"},  # non-ASCII digits
        {"events": "yes", "log": "true", "unknown": "1"},
        {"series": "s1," * 5000},
    ):
        assert view.from_query(query, (2000, 2025), IDS) == default, query
    assert view.from_query({"start": "1900", "end": "2100"}, (2000, 2025), IDS) == default


def test_chart_csv_has_sources_on_every_row_and_is_spreadsheet_safe():
    points = memo.chart_points(data.load().points, CHARTS[("trade", "turnover")]).copy()
    points.loc[points.index[0], "note"] = '=HYPERLINK("http://evil")'
    points.loc[points.index[1], "note"] = "@SUM(A1)"
    text = downloads.chart_csv(points)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(points)
    for row in rows:
        assert row["source_id"] and row["source_citation"] and row["source_producer"]
        for value in row.values():
            assert not value.startswith(("=", "+", "@")), value
            assert not value.startswith("-") or _number(value), value
    assert {r["note"] for r in rows} >= {'\'=HYPERLINK("http://evil")', "'@SUM(A1)"}


def test_chart_csv_api_csv_json_and_zip_share_the_cited_row():
    """One layout, in one order, with derived rows carrying their inputs' citations and the
    year a whole number wherever it is set."""
    client = server.test_client()
    layout = list(published.CITED_ROW)
    chart = CHARTS[("shares", "china-in-russia")]
    chart_rows = list(csv.DictReader(io.StringIO(downloads.chart_csv(memo.drawable(chart)))))
    indicator = chart.indicators[0]
    api_csv = client.get(f"/api/v1/indicators/{indicator}.csv").get_data(as_text=True)
    api_rows = list(csv.DictReader(io.StringIO(api_csv)))
    api_json = client.get(f"/api/v1/indicators/{indicator}.json").get_json()["rows"]
    archive = zipfile.ZipFile(io.BytesIO(downloads.bundle()))
    cited = archive.read(f"china-russia-figures/{published.CITED_FILE}").decode("utf-8")
    zip_rows = list(csv.DictReader(io.StringIO(cited)))
    for rows in (chart_rows, api_rows, api_json, zip_rows):
        assert list(rows[0]) == layout
    by_id = {row["obs_id"]: row for row in zip_rows}
    derived = [row for row in chart_rows if row["kind"] == "derived"]
    assert derived and all(row["input_source_citations"] for row in derived)
    for row in [*derived, *api_rows]:
        assert row == by_id[row["obs_id"]]
        inputs = row["input_source_ids"].split(";") if row["input_source_ids"] else []
        assert len(row["input_source_citations"].split(" | ")) == max(len(inputs), 1)
    years = [row["year"] for row in api_json if row["year"] is not None]
    assert years and all(type(year) is int for year in years)
    assert all(row["year"] == "" or row["year"].isdigit() for row in zip_rows)


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_bundle_holds_every_table_with_its_descriptor_and_readme():
    archive = zipfile.ZipFile(io.BytesIO(downloads.bundle()))
    names = {n.split("/", 1)[1] for n in archive.namelist()}
    assert {
        "observations.csv",
        "sources.csv",
        "claims_check.csv",
        "events.csv",
        "indicators.csv",
        "datapackage.json",
        "README.md",
    } <= names
    readme = archive.read("china-russia-figures/README.md").decode()
    assert "How to cite" in readme
    assert downloads.bundle() == downloads.bundle()


def test_spreadsheet_safe_leaves_numbers_alone():
    frame = pd.DataFrame({"value": [-1.5], "text": ["-cmd"]})
    safe = downloads.spreadsheet_safe(frame)
    assert safe.loc[0, "value"] == -1.5
    assert safe.loc[0, "text"] == "'-cmd"
