"""The UN Comtrade public preview API (no key), as both Comtrade sources use it: the URL, the
one call through dashboard.etl.http, the reading of its records and the refusals, for
annual (`A`, periods YYYY) or monthly (`M`, periods YYYYMM) China–Russia total goods.
"""

import os
from collections.abc import Callable
from typing import Any

import pandas as pd

from dashboard.etl.http import Client, Deadline, SourceError, finite_number, get_json

ENV = "CRF_COMTRADE_URL"
DEFAULT_URL = "https://comtradeapi.un.org/public/v1"
M49 = {"CHN": "156", "RUS": "643"}
MAX_RECORDS = 500  # the preview's cap on records per call
FREQUENCIES = {"A": ("annual", "refYear", "years"), "M": ("monthly", "period", "months")}
REQUIRED = (
    "cmdCode",
    "freqCode",
    "reporterCode",
    "partnerCode",
    "flowCode",
    "refYear",
    "period",
    "primaryValue",
    "partner2Code",
    "customsCode",
    "motCode",
    "isReported",  # optional upstream, but kept: renamed, they would blank a column
    "legacyEstimationFlag",
)
COLUMNS = [
    "reporter_iso",
    "partner_iso",
    "flow_code",
    "period",
    "primary_value_usd",
    "is_reported",
    "legacy_estimation_flag",
]
KEYS = ["reporter_iso", "partner_iso", "flow_code", "period"]
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
}

Call = tuple[str, list[str]]  # (reporter ISO3, the periods asked in one call)


def base_url() -> str:
    """The API root, overridable for mirrors, proxies and tests."""
    return os.environ.get(ENV, DEFAULT_URL).rstrip("/")


def fetch(
    client: Client,
    reporter: str,
    frequency: str,
    periods: list[str],
    timeout: float,
    deadline: Deadline,
) -> tuple[list[dict[str, Any]], str]:
    """The records of one reporter with the other economy for some periods."""
    partner = "RUS" if reporter == "CHN" else "CHN"
    params = {
        "reporterCode": M49[reporter],
        "partnerCode": M49[partner],
        "partner2Code": "0",
        "flowCode": "M,X",
        "cmdCode": "TOTAL",
        "customsCode": "C00",
        "motCode": "0",
        "period": ",".join(periods),
        "includeDesc": "true",
    }
    url = f"{base_url()}/preview/C/{frequency}/HS"
    body, final = get_json(client, url, params, timeout, deadline)
    if not isinstance(body, dict) or "data" not in body:
        raise SourceError(final, "upstream format changed: no 'data' in the envelope")
    if body.get("error"):
        raise SourceError(final, f"API error: {str(body['error'])[:160]}")
    if not isinstance(body["data"], list) or not all(isinstance(r, dict) for r in body["data"]):
        raise SourceError(final, "upstream format changed: 'data' is not a list of records")
    if len(body["data"]) > MAX_RECORDS:
        raise SourceError(final, f"{len(body['data'])} records (the preview caps at {MAX_RECORDS})")
    return body["data"], final


def parse(
    records: list[dict[str, Any]], url: str, frequency: str, reporter: str, periods: list[str]
) -> pd.DataFrame:
    """Rows of COLUMNS: totals over customs procedures and transport modes of the reporter
    with the other economy, for the periods asked (another frequency, commodity, country or
    period is a SourceError)."""
    words, period_field, plural = FREQUENCIES[frequency]
    asked = (reporter, "RUS" if reporter == "CHN" else "CHN")
    rows = []
    for record in records:
        missing = [k for k in REQUIRED if k not in record]
        if missing:
            raise SourceError(url, f"upstream format changed: record lacks {missing}")
        if (record["cmdCode"], record["freqCode"]) != ("TOTAL", frequency):
            found = f"{str(record['cmdCode'])[:12]!r}, {str(record['freqCode'])[:4]!r}"
            raise SourceError(
                url, f"asked for {words} total goods, got commodity/frequency {found}"
            )
        countries = (_iso(record["reporterCode"], url), _iso(record["partnerCode"], url))
        if countries != asked:
            raise SourceError(url, f"asked for {'/'.join(asked)}, got {'/'.join(countries)}")
        totals = (str(record["partner2Code"]), str(record["customsCode"]), str(record["motCode"]))
        if totals != ("0", "C00", "0"):
            continue
        period = record[period_field]
        if isinstance(period, bool) or str(period) not in periods:
            raise SourceError(
                url, f"{period_field} {str(period)[:12]!r} is not one of the {plural} asked"
            )
        value = finite_number(record["primaryValue"], url, f"{period} primaryValue")
        if value is None:
            continue
        if record["flowCode"] not in ("M", "X"):
            raise SourceError(url, f"unexpected flow code {str(record['flowCode'])[:8]!r}")
        rows.append(
            {
                "reporter_iso": countries[0],
                "partner_iso": countries[1],
                "flow_code": record["flowCode"],
                "period": str(period),
                "primary_value_usd": value,
                "is_reported": record["isReported"],
                "legacy_estimation_flag": record["legacyEstimationFlag"],
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def _iso(code: Any, url: str) -> str:
    for iso, m49 in M49.items():
        if str(code) == m49:
            return iso
    raise SourceError(url, f"unexpected country code {str(code)[:12]}")


def collect(
    client: Client,
    frequency: str,
    calls: list[Call],
    timeout: float,
    deadline: Deadline,
    progress: Callable[[str], None],
) -> tuple[pd.DataFrame, list[str]]:
    """Every call's rows, sorted by KEYS, and the URLs asked; no rows at all, or two values
    for one flow and period, is a SourceError."""
    parsed, urls = [], []
    for reporter, periods in calls:
        found, url = fetch(client, reporter, frequency, periods, timeout, deadline)
        progress(f"GET {url} ({len(found)} records)")
        parsed.append(parse(found, url, frequency, reporter, periods))
        urls.append(url)
    frame = pd.concat(parsed, ignore_index=True)
    if frame.empty:
        raise SourceError(urls[0], "empty result: no China–Russia records")
    frame = frame.drop_duplicates().sort_values(KEYS).reset_index(drop=True)
    if frame.duplicated(KEYS).any():
        raise SourceError(urls[0], "upstream sent two different values for one flow and period")
    return frame, urls


def origin(
    previous: dict[str, Any],
    retrieved: str,
    urls: list[str],
    file: tuple[str, str],
    **fields: str,
) -> dict[str, Any]:
    """The origin record of a fetched snapshot (`file`: its path and source id): ORIGIN,
    then the source's `fields` (title, processing, citation_full), over the fields a
    maintainer added to the previous origin.json."""
    path, source_id = file
    return {
        **previous,
        **ORIGIN,
        **fields,
        "date_published": retrieved[:10],
        "date_accessed": retrieved[:10],
        "retrieved_from": f"UN Comtrade public preview API ({base_url()}), fetched by make refresh",
        "files": [
            {
                "path": path,
                "source_id": source_id,
                "request_url": urls[0],
                "request_urls": urls,
                "retrieved_at": retrieved,
                "upstream_last_updated": "not given by the preview API",
            }
        ],
    }
