"""The data API through the Flask test client: rows equal the published tables, every row
cited, filters, errors, caching headers and spreadsheet-safe cells."""

import csv
import dataclasses
import io
import json

import pandas as pd
import pytest

from dashboard import api, data
from dashboard.app import server
from dashboard.schema import paths, published
from dashboard.schema.tables import CLAIMS_CHECK, OBSERVATIONS, PARTNERS, PRODUCTS, SOURCES
from dashboard.schema.vocabulary import FORMULA_STARTS, worst_tier

PUBLISHED = published.load(paths.TIDY)
INDICATORS = list(PUBLISHED.tables["indicators"]["indicator"])
CITATION = {new: old for old, new in published.CITATION_COLUMNS.items()}


def _published(name: str) -> pd.DataFrame:
    """A published table exactly as its CSV spells each cell."""
    return pd.read_csv(io.BytesIO(PUBLISHED.files[f"{name}.csv"]), dtype=str, keep_default_na=False)


def _served(body: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(body), dtype=str, keep_default_na=False, encoding="utf-8")


@pytest.fixture(scope="module")
def client():
    return server.test_client()


def test_indicator_list_names_every_indicator_with_its_urls(client):
    response = client.get("/api/v1/indicators.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    listed = response.get_json()["indicators"]
    assert [i["id"] for i in listed] == INDICATORS
    observations = _published("observations")
    for item in listed:
        rows = observations[observations["indicator"] == item["id"]]
        assert item["observations"] == len(rows)
        assert item["economies"] == sorted(set(rows["economy"]))
        assert item["first_period"] == rows["period_start"].min()
        assert item["last_period"] == rows["period_end"].max()
        assert item["last_updated"]
        assert item["urls"]["csv"] == f"/api/v1/indicators/{item['id']}.csv"
        assert item["urls"]["page"] == f"/data/{item['id']}"


@pytest.mark.parametrize("indicator", INDICATORS)
def test_every_indicator_csv_equals_the_published_rows_each_cited(client, indicator):
    response = client.get(f"/api/v1/indicators/{indicator}.csv")
    assert response.status_code == 200
    assert response.content_type == "text/csv; charset=utf-8"
    assert not response.data.startswith(b"\xef\xbb\xbf")  # no BOM: R's read.csv keeps it
    served = _served(response.data)
    assert list(served.columns) == list(api.OBSERVATION_COLUMNS)
    observations = _published("observations")
    expected = observations[observations["indicator"] == indicator].reset_index(drop=True)
    assert len(served) == len(expected) > 0
    pd.testing.assert_frame_equal(served[OBSERVATIONS.columns], expected)
    sources = _published("sources").set_index("source_id")
    for row in served.to_dict("records"):
        source = sources.loc[row["source_id"]]
        inputs = [i for i in row["input_source_ids"].split(";") if i]
        for column, original in CITATION.items():
            if column == "source_tier" and inputs:  # a derived row: its weakest input's tier
                assert row[column] == worst_tier(str(sources.at[i, "tier"]) for i in inputs)
                continue
            assert row[column] == source[original], (column, row["obs_id"])
        assert row["source_id"] and row["source_citation"]
        assert row["source_url"] or not source["url_main"]
        assert (row["kind"] == "derived") == bool(inputs)
        citations = row["input_source_citations"].split(" | ") if inputs else []
        assert citations == [sources.at[i, "citation_full"] for i in inputs]
        links = row["input_source_urls"].split(" | ") if inputs else []
        assert links == [sources.at[i, "url_main"] for i in inputs]


@pytest.mark.parametrize("indicator", ["trade_total", "gas_pos_capacity", "gdp_ratio_cn_to_ru"])
def test_indicator_json_has_the_same_rows_as_the_csv(client, indicator):
    document = client.get(f"/api/v1/indicators/{indicator}.json").get_json()
    csv_rows = _served(client.get(f"/api/v1/indicators/{indicator}.csv").data)
    assert document["build"] == PUBLISHED.build
    assert document["indicator"]["id"] == indicator
    rows = pd.DataFrame(document["rows"])
    assert list(rows.columns) == list(api.OBSERVATION_COLUMNS)
    assert list(rows["obs_id"]) == list(csv_rows["obs_id"])
    numbers = csv_rows["value"].astype(float)
    assert rows["value"].tolist() == numbers.tolist()
    years = [None if y == "" else int(y) for y in csv_rows["year"]]
    assert [r["year"] for r in document["rows"]] == years  # null where not a calendar year
    assert all(rows["source_citation"].str.len() > 0)


def _rows(client, query: str) -> pd.DataFrame:
    response = client.get(f"/api/v1/indicators/trade_total.csv?{query}")
    assert response.status_code == 200, response.data
    return _served(response.data)


def test_filters_keep_exactly_the_matching_rows(client):
    every = _rows(client, "")
    assert set(_rows(client, "economy=CHN-RUS")["economy"]) == {"CHN-RUS"}
    china = _rows(client, "reporter=CHN")
    assert len(china) == (every["reporter"] == "CHN").sum() > 0
    unreported = _rows(client, "reporter=none")
    assert len(unreported) == (every["reporter"] == "").sum() > 0
    kinds = _rows(client, "kind=article_claim,official_statement")
    assert set(kinds["kind"]) == {"article_claim", "official_statement"}
    assert len(kinds) == every["kind"].isin(["article_claim", "official_statement"]).sum()
    window = _rows(client, "start=2015&end=2019-06")
    assert len(window) > 0
    assert (window["period_end"] >= "2015-01-01").all()
    assert (window["period_start"] <= "2019-06-30").all()
    outside = every[(every["period_end"] < "2015-01-01") | (every["period_start"] > "2019-06-30")]
    assert len(window) + len(outside) == len(every)
    assert _rows(client, "start=2999").empty
    months = _rows(client, "frequency=monthly")
    assert set(months["period"].str.len()) == {7} and len(months) >= 96
    years = _rows(client, "frequency=annual,year_to_date")
    assert set(years["frequency"]) == {"annual", "year_to_date"}
    assert len(months) + len(years) <= len(every)


HOSTILE = "<script>alert(1)</script>=cmd|' /C calc'!A0"


@pytest.mark.parametrize(
    "query, reason",
    [
        ("economy=XXX", "economy must be among"),
        (f"economy={HOSTILE}", "economy must be among"),
        ("economy=", "economy must be among"),
        ("reporter=chn", "reporter must be among"),
        ("kind=claims", "kind must be among"),
        ("frequency=yearly", "frequency must be among"),
        ("start=2020-13", "start is not a valid date"),
        ("end=2021-02-30", "end is not a valid date"),
        (f"start={HOSTILE}", "start must be a date"),
        ("start=20201", "start must be a date"),
        ("start=２０２０", "start must be a date"),
        ("start=2021&end=2020", "start must not be after end"),
        ("economy=CHN&economy=RUS", "economy is given more than once"),
        (f"{HOSTILE}=1", "unknown query parameter"),
        ("kind=" + "derived," * 40, "kind is too long"),
    ],
)
@pytest.mark.parametrize("suffix", ["csv", "json"])
def test_bad_filters_get_a_400_with_a_one_line_reason(client, query, reason, suffix):
    response = client.get(f"/api/v1/indicators/trade_total.{suffix}?{query}")
    assert response.status_code == 400
    text = response.get_json()["error"] if suffix == "json" else response.get_data(as_text=True)
    assert text.strip().startswith(reason)
    assert "\n" not in text.strip() and "<" not in text and "calc" not in text


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/indicators/no_such_indicator.csv",
        "/api/v1/indicators/no_such_indicator.json",
        "/api/v1/indicators/%3Cscript%3E.csv",
        "/api/v1/indicators/trade_total.xlsx",
        "/api/v1/nothing/here",
    ],
)
def test_unknown_indicators_and_routes_get_a_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert b"<" not in response.data and b"script" not in response.data


def test_tables_without_filters_refuse_query_parameters(client):
    response = client.get("/api/v1/claims.csv?economy=CHN")
    assert response.status_code == 400
    assert response.get_data(as_text=True) == "unknown query parameter (allowed: none)\n"


ROUTES = [
    ("/api/v1/indicators.json", "inline", "china-russia-figures-indicators.json"),
    ("/api/v1/indicators/gdp.csv", "attachment", "china-russia-figures-gdp.csv"),
    ("/api/v1/indicators/gdp.json", "inline", "china-russia-figures-gdp.json"),
    ("/api/v1/claims.csv", "attachment", "china-russia-figures-claims.csv"),
    ("/api/v1/sources.csv", "attachment", "china-russia-figures-sources.csv"),
    ("/api/v1/products.csv", "attachment", "china-russia-figures-products.csv"),
    ("/api/v1/partners.csv", "attachment", "china-russia-figures-partners.csv"),
    ("/api/v1/openapi.json", "inline", "china-russia-figures-openapi.json"),
]


@pytest.mark.parametrize("url, disposition, filename", ROUTES)
def test_caching_headers_and_file_names(client, url, disposition, filename):
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == f'{disposition}; filename="{filename}"'
    assert response.headers["ETag"] == f'W/"{PUBLISHED.build}"'
    assert "max-age" in response.headers["Cache-Control"]
    again = client.get(url, headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == response.headers["ETag"]
    stale = client.get(url, headers={"If-None-Match": 'W/"some-older-build"'})
    assert stale.status_code == 200 and stale.data == response.data


def test_gzip_answers_keep_the_etag_that_gets_a_304(client):
    headers = {"Accept-Encoding": "gzip"}
    response = client.get("/api/v1/indicators.json", headers=headers)
    assert response.headers["Content-Encoding"] == "gzip"
    again = client.get(
        "/api/v1/indicators.json", headers=headers | {"If-None-Match": response.headers["ETag"]}
    )
    assert again.status_code == 304


def test_claims_csv_cites_the_article_and_the_official_source(client):
    served = _served(client.get("/api/v1/claims.csv").data)
    assert list(served.columns) == list(api.CLAIM_COLUMNS)
    pd.testing.assert_frame_equal(served[CLAIMS_CHECK.columns], _published("claims_check"))
    sources = _published("sources").set_index("source_id")
    for row in served.to_dict("records"):
        assert row["source_citation"] == sources.at[row["source_id"], "citation_full"]
        if row["official_source_id"]:
            official = sources.at[row["official_source_id"], "citation_full"]
            assert row["official_source_citation"] == official


def test_sources_csv_is_the_published_table(client):
    served = _served(client.get("/api/v1/sources.csv").data)
    assert list(served.columns) == SOURCES.columns
    pd.testing.assert_frame_equal(served, _published("sources"))


@pytest.mark.parametrize(
    ("name", "table", "row"),
    [
        ("products", PRODUCTS, published.CITED_PRODUCT),
        ("partners", PARTNERS, published.CITED_PARTNER),
    ],
)
def test_products_and_partners_csv_are_the_published_rows_each_cited(client, name, table, row):
    served = _served(client.get(f"/api/v1/{name}.csv").data)
    assert list(served.columns) == list(row)
    pd.testing.assert_frame_equal(served[table.columns], _published(name))
    sources = _published("sources").set_index("source_id")
    for cited in served.to_dict("records"):
        source = sources.loc[cited["source_id"]]
        assert cited["source_citation"] == source["citation_full"] != ""
        assert cited["source_caveats"] == source["note"]
        assert cited["source_caveats"].startswith("Trust tier: ")


def test_no_served_cell_would_run_as_a_formula(client):
    urls = [f"/api/v1/indicators/{i}.csv" for i in INDICATORS]
    tables = ["claims", "sources", "products", "partners"]
    for url in [*urls, *[f"/api/v1/{t}.csv" for t in tables]]:
        for row in csv.reader(io.StringIO(client.get(url).get_data(as_text=True))):
            for cell in row:
                assert not cell.startswith(FORMULA_STARTS[1:]) or _number(cell), (url, cell)
                assert not cell.startswith("="), (url, cell)


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_a_hostile_cell_is_served_defused(client, monkeypatch):
    """A hand-made hostile note (not from any source) on one trade_total row."""
    tables = data.load()
    points = tables.points.copy()
    first = points.index[points["indicator"] == "trade_total"][0]
    points.loc[first, "note"] = '=HYPERLINK("http://attacker.example","x")'
    points.loc[first, "source_title"] = "@SUM(A1)"
    hostile = dataclasses.replace(tables, points=points)
    monkeypatch.setattr(data, "load", lambda *_: hostile)
    served = _served(client.get("/api/v1/indicators/trade_total.csv").data)
    row = served[served["obs_id"] == points.at[first, "obs_id"]].iloc[0]
    assert row["note"] == '\'=HYPERLINK("http://attacker.example","x")'
    assert row["source_title"] == "'@SUM(A1)"
    document = client.get("/api/v1/indicators/trade_total.json").get_json()
    assert document["rows"][0]["note"].startswith("=HYPERLINK")  # JSON carries data as is


def test_openapi_lists_every_route_and_column(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    served = {
        rule.rule.removeprefix(api.PREFIX).replace("<indicator>", "{indicator}")
        for rule in server.url_map.iter_rules()
        if rule.rule.startswith(api.PREFIX + "/") and rule.endpoint != "api.unknown"
    }
    assert served == set(document["paths"])
    assert len(served) == 8
    for path, item in document["paths"].items():
        operation = item["get"]
        assert {"200", "304", "400"} <= set(operation["responses"])
        names = [p["name"] for p in operation["parameters"]]
        if "{indicator}" in path:
            assert names == [
                "indicator",
                "economy",
                "reporter",
                "kind",
                "frequency",
                "start",
                "end",
            ]
            assert "404" in operation["responses"]
    schemas = document["components"]["schemas"]
    assert list(schemas["Observation"]["properties"]) == list(api.OBSERVATION_COLUMNS)
    assert list(schemas["Claim"]["properties"]) == list(api.CLAIM_COLUMNS)
    assert list(schemas["Source"]["properties"]) == SOURCES.columns
    assert list(schemas["Product"]["properties"]) == list(published.CITED_PRODUCT)
    assert list(schemas["Partner"]["properties"]) == list(published.CITED_PARTNER)
    assert all(p["description"] for p in schemas["Observation"]["properties"].values())
    json.dumps(document, allow_nan=False)


def test_readme_documents_every_api_column():
    readme = (paths.REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Data API", 1)[1].split("\n## ", 1)[0]
    for route in document_routes():
        assert route in section, route
    for column in [*api.OBSERVATION_COLUMNS, *api.CLAIM_SOURCE_COLUMNS]:
        assert f"`{column}`" in section, column


def document_routes() -> list[str]:
    return [api.PREFIX + route.path.replace("{indicator}", "<id>") for route in api.ROUTES]
