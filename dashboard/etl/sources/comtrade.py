"""UN Comtrade public preview API (no key): China–Russia annual goods trade, both reporters.

Raw layout: datasets/raw/comtrade/china_russia.csv (schema RAW_COMTRADE), US$. The shipped
snapshot has none (it can only be fetched online); without the folder the step adds nothing.
"""

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.etl import frames
from dashboard.etl.errors import InputError
from dashboard.etl.http import Client, Deadline, SourceError, finite_number, get_json
from dashboard.etl.rawfiles import origin_sources, read_csv, read_origin, records, source_of
from dashboard.etl.snapshot import RawFile, Snapshot, now
from dashboard.etl.steps import Context, StepOutput
from dashboard.schema.tables import INT, Field, N, raw_table, text_fields

NAME = "comtrade"
FOLDER = "comtrade"
FILENAME = "china_russia.csv"
SOURCE_ID = "un-comtrade"
ENV = "CRF_COMTRADE_URL"
DEFAULT_URL = "https://comtradeapi.un.org/public/v1"
M49 = {"CHN": "156", "RUS": "643"}
FIRST_YEAR = 2000
YEARS_PER_CALL = 10  # 10 years × 2 flows stays far below the preview's 500-row cap
MAX_RECORDS = 500
SHIPPED = False  # fetched online only: the shipped data has no Comtrade folder
RAW_COMTRADE = raw_table(
    "comtrade",
    "china_russia.csv",
    (
        *text_fields("reporter_iso", "partner_iso", "flow_code"),
        Field("year", INT, "year"),
        Field("primary_value_usd", N, "primaryValue in US$"),
        *text_fields("is_reported", "legacy_estimation_flag", required=False),
    ),
    ("reporter_iso", "partner_iso", "flow_code", "year"),
)

REQUIRED = (
    "cmdCode",
    "freqCode",
    "reporterCode",
    "partnerCode",
    "flowCode",
    "refYear",
    "primaryValue",
    "partner2Code",
    "customsCode",
    "motCode",
    "isReported",  # optional upstream, but kept: renamed, they would blank a column
    "legacyEstimationFlag",
)
# (reporter, flow) -> the China–Russia flow it measures
FLOWS = {
    ("CHN", "X"): "trade_cn_exports_to_ru",
    ("CHN", "M"): "trade_cn_imports_from_ru",
    ("RUS", "X"): "trade_cn_imports_from_ru",
    ("RUS", "M"): "trade_cn_exports_to_ru",
}
ORIGIN = {
    "kind": "official_series",
    "trust_tier": "producer_dataset",
    "producer": "United Nations Statistics Division",
    "title": "UN Comtrade Database",
    "url_main": "https://comtradeplus.un.org/",
    "attribution_short": "UN Comtrade",
    "license": {
        "name": "UN Comtrade terms of use and re-dissemination",
        "url": "https://uncomtrade.org/docs/policy-on-use-and-re-dissemination",
    },
    "processing": "China (156) and Russia (643) as reporters, the other as partner, total goods "
    "(cmdCode TOTAL), all customs procedures and transport modes (C00, 0), partner2 World; "
    "primaryValue in US dollars (FOB for exports, CIF for imports).",
}


def build(folder: Path, context: Context) -> StepOutput:
    """Comtrade flows in US$ billions."""
    origin = read_origin(folder)
    path = folder / FILENAME
    source_id = source_of(origin, folder, FILENAME, {SOURCE_ID})
    table = read_csv(path, RAW_COMTRADE)
    rows = []
    for line, row in records(table):
        flow = (row["reporter_iso"], row["flow_code"])
        if flow not in FLOWS:
            raise InputError(path, f"unknown reporter/flow {flow}", line, "flow_code")
        value = frames.scaled(row["primary_value_usd"], -9)
        rows.append(
            frames.annual(
                FLOWS[flow],
                "CHN-RUS",
                row["reporter_iso"],
                int(row["year"]),
                value,
                "USD bn",
                source_id,
            )
        )
    return StepOutput(frames.observations(rows), frames.sources(origin_sources(origin)))


def base_url() -> str:
    """The API root, overridable for mirrors, proxies and tests."""
    return os.environ.get(ENV, DEFAULT_URL).rstrip("/")


def fetch(
    client: Client, reporter: str, years: list[int], timeout: float, deadline: Deadline
) -> tuple[list[dict[str, Any]], str]:
    """The records of one reporter for a batch of years."""
    partner = "RUS" if reporter == "CHN" else "CHN"
    params = {
        "reporterCode": M49[reporter],
        "partnerCode": M49[partner],
        "partner2Code": "0",
        "flowCode": "M,X",
        "cmdCode": "TOTAL",
        "customsCode": "C00",
        "motCode": "0",
        "period": ",".join(map(str, years)),
        "includeDesc": "true",
    }
    body, url = get_json(client, f"{base_url()}/preview/C/A/HS", params, timeout, deadline)
    if not isinstance(body, dict) or "data" not in body:
        raise SourceError(url, "upstream format changed: no 'data' in the envelope")
    if body.get("error"):
        raise SourceError(url, f"API error: {str(body['error'])[:160]}")
    if not isinstance(body["data"], list) or not all(isinstance(r, dict) for r in body["data"]):
        raise SourceError(url, "upstream format changed: 'data' is not a list of records")
    if len(body["data"]) > MAX_RECORDS:
        raise SourceError(url, f"{len(body['data'])} records (the preview caps at {MAX_RECORDS})")
    return body["data"], url


def parse(records_: list[dict[str, Any]], url: str, years: list[int]) -> pd.DataFrame:
    """Rows in the raw layout; totals over customs procedures and transport modes, for the
    years asked (anything else is a SourceError)."""
    rows = []
    for record in records_:
        missing = [k for k in REQUIRED if k not in record]
        if missing:
            raise SourceError(url, f"upstream format changed: record lacks {missing}")
        if (record["cmdCode"], record["freqCode"]) != ("TOTAL", "A"):
            found = f"{str(record['cmdCode'])[:12]!r}, {str(record['freqCode'])[:4]!r}"
            raise SourceError(url, f"asked for annual total goods, got commodity/frequency {found}")
        totals = (str(record["partner2Code"]), str(record["customsCode"]), str(record["motCode"]))
        if totals != ("0", "C00", "0"):
            continue
        value = finite_number(record["primaryValue"], url, f"{record['refYear']} primaryValue")
        if value is None:
            continue
        if record["flowCode"] not in ("M", "X"):
            raise SourceError(url, f"unexpected flow code {record['flowCode']!r}")
        year = record["refYear"]
        if type(year) is not int or year not in years:
            raise SourceError(url, f"refYear {str(year)[:12]!r} is not one of the years asked")
        rows.append(
            {
                "reporter_iso": _iso(record["reporterCode"], url),
                "partner_iso": _iso(record["partnerCode"], url),
                "flow_code": record["flowCode"],
                "year": year,
                "primary_value_usd": value,
                "is_reported": record["isReported"],
                "legacy_estimation_flag": record["legacyEstimationFlag"],
            }
        )
    return pd.DataFrame(rows, columns=RAW_COMTRADE.columns)


def _iso(code: Any, url: str) -> str:
    for iso, m49 in M49.items():
        if str(code) == m49:
            return iso
    raise SourceError(url, f"unexpected country code {code!r}")


def refresh(
    folder: Path,
    client: Client,
    timeout: float,
    deadline: Deadline,
    progress: Callable[[str], None],
    last_year: int | None = None,
) -> Snapshot:
    """Both reporters, every year the preview serves from 2000; fields a maintainer added to
    the previous origin.json are kept."""
    final = last_year or int(now()[:4])
    batches = [
        list(range(y, min(y + YEARS_PER_CALL, final + 1)))
        for y in range(FIRST_YEAR, final + 1, YEARS_PER_CALL)
    ]
    parsed, urls, retrieved = [], [], now()
    for reporter in M49:
        for years in batches:
            found, url = fetch(client, reporter, years, timeout, deadline)
            progress(f"GET {url} ({len(found)} records)")
            parsed.append(parse(found, url, years))
            urls.append(url)
    frame = pd.concat(parsed, ignore_index=True)
    if frame.empty:
        raise SourceError(urls[0], "empty result: no China–Russia records")
    keys = ["reporter_iso", "partner_iso", "flow_code", "year"]
    frame = frame.drop_duplicates().sort_values(keys).reset_index(drop=True)
    if frame.duplicated(keys).any():
        raise SourceError(urls[0], "upstream sent two different values for one flow and year")
    previous = read_origin(folder) if folder.is_dir() else {}
    origin = {**previous, **ORIGIN}
    origin |= {
        "date_published": retrieved[:10],
        "date_accessed": retrieved[:10],
        "citation_full": "United Nations Statistics Division, UN Comtrade Database, public "
        f"preview API, retrieved {retrieved[:10]}.",
        "retrieved_from": f"UN Comtrade public preview API ({base_url()}), fetched by make refresh",
        "files": [
            {
                "path": FILENAME,
                "source_id": SOURCE_ID,
                "request_url": urls[0],
                "request_urls": urls,
                "retrieved_at": retrieved,
                "upstream_last_updated": "not given by the preview API",
            }
        ],
    }
    raw = RawFile(
        FILENAME, frame, ["reporter_iso", "partner_iso", "flow_code"], "year", "primary_value_usd"
    )
    return Snapshot(NAME, [raw], origin)
