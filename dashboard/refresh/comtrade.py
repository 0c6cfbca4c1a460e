"""UN Comtrade public preview API (no key): China–Russia annual goods trade, both reporters."""

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import requests

from dashboard.refresh.http import SourceError, get_json
from dashboard.refresh.snapshot import Snapshot, Table, now

SOURCE = "comtrade"
FOLDER = "comtrade"
FILENAME = "china_russia.csv"
ENV = "CRF_COMTRADE_URL"
DEFAULT_URL = "https://comtradeapi.un.org/public/v1"
M49 = {"CHN": "156", "RUS": "643"}
FIRST_YEAR = 2000
YEARS_PER_CALL = 10  # 10 years × 2 flows stays far below the preview's 500-row cap
COLUMNS = [
    "reporter_iso",
    "partner_iso",
    "flow_code",
    "year",
    "primary_value_usd",
    "is_reported",
    "legacy_estimation_flag",
]
REQUIRED = (
    "reporterCode",
    "partnerCode",
    "flowCode",
    "refYear",
    "primaryValue",
    "partner2Code",
    "customsCode",
    "motCode",
)
ORIGIN = {
    "kind": "official_series",
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


def base_url() -> str:
    """The API root, overridable for mirrors, proxies and tests."""
    return os.environ.get(ENV, DEFAULT_URL).rstrip("/")


def fetch(
    client: requests.Session,
    reporter: str,
    years: list[int],
    timeout: float,
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
    body, url = get_json(client, f"{base_url()}/preview/C/A/HS", params, timeout)
    if not isinstance(body, dict) or "data" not in body:
        raise SourceError(url, "upstream format changed: no 'data' in the envelope")
    if body.get("error"):
        raise SourceError(url, f"API error: {body['error']}")
    if not isinstance(body["data"], list):
        raise SourceError(url, "upstream format changed: 'data' is not a list")
    return body["data"], url


def parse(records: list[dict[str, Any]], url: str) -> pd.DataFrame:
    """Rows in the raw snapshot layout; totals over customs procedures and transport modes."""
    rows = []
    for record in records:
        missing = [k for k in REQUIRED if k not in record]
        if missing:
            raise SourceError(url, f"upstream format changed: record lacks {missing}")
        totals = (record["partner2Code"], str(record["customsCode"]), str(record["motCode"]))
        if totals != (0, "C00", "0") or record["primaryValue"] is None:
            continue
        rows.append(
            {
                "reporter_iso": _iso(record["reporterCode"], url),
                "partner_iso": _iso(record["partnerCode"], url),
                "flow_code": record["flowCode"],
                "year": int(record["refYear"]),
                "primary_value_usd": float(record["primaryValue"]),
                "is_reported": record.get("isReported", ""),
                "legacy_estimation_flag": record.get("legacyEstimationFlag", ""),
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def _iso(code: Any, url: str) -> str:
    for iso, m49 in M49.items():
        if str(code) == m49:
            return iso
    raise SourceError(url, f"unexpected country code {code!r}")


def refresh(
    raw: Path,
    client: requests.Session,
    timeout: float,
    progress: Callable[[str], None],
    last_year: int | None = None,
) -> Snapshot:
    """Both reporters, every year the preview serves from 2000."""
    final = last_year or int(now()[:4])
    batches = [
        list(range(y, min(y + YEARS_PER_CALL, final + 1)))
        for y in range(FIRST_YEAR, final + 1, YEARS_PER_CALL)
    ]
    frames, urls, retrieved = [], [], now()
    for reporter in M49:
        for years in batches:
            records, url = fetch(client, reporter, years, timeout)
            progress(f"GET {url} ({len(records)} records)")
            frames.append(parse(records, url))
            urls.append(url)
    frame = pd.concat(frames, ignore_index=True)
    frame = frame.drop_duplicates().sort_values(["reporter_iso", "flow_code", "year"])
    origin = ORIGIN | {
        "date_published": retrieved[:10],
        "date_accessed": retrieved[:10],
        "citation_full": f"United Nations Statistics Division, UN Comtrade Database, public "
        f"preview API, retrieved {retrieved[:10]}.",
        "retrieved_from": f"UN Comtrade public preview API ({base_url()}), fetched by make refresh",
        "files": [
            {
                "path": FILENAME,
                "source_id": "un-comtrade",
                "request_url": urls[0],
                "request_urls": urls,
                "retrieved_at": retrieved,
                "upstream_last_updated": "not given by the preview API",
            }
        ],
    }
    return Snapshot(
        SOURCE,
        raw / FOLDER,
        [
            Table(
                FILENAME,
                frame.reset_index(drop=True),
                ["reporter_iso", "partner_iso", "flow_code"],
                "primary_value_usd",
                "year",
            )
        ],
        origin,
    )
