"""UN Comtrade public preview API (no key): China-reported monthly goods trade with Russia
from 2025-01, the months after the shipped third-party copy (comtrade_monthly) ends.

Raw layout: datasets/raw/comtrade_api_monthly/china_russia_monthly.csv (RAW_MONTHLY), US$.
The shipped snapshot has none (it can only be fetched online); without the folder the step
adds nothing. Read as the producer's own dataset: the API is UN Comtrade's.
"""

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.etl import frames
from dashboard.etl.errors import InputError
from dashboard.etl.http import Client, Deadline, SourceError, finite_number, get_json
from dashboard.etl.rawfiles import origin_sources, read_csv, read_origin, records, source_of
from dashboard.etl.snapshot import RawFile, Snapshot, now
from dashboard.etl.sources import comtrade
from dashboard.etl.sources.comtrade import MAX_RECORDS, ORIGIN, REQUIRED, base_url
from dashboard.etl.steps import Context, StepOutput
from dashboard.schema.tables import Field, N, S, raw_table, text_fields

NAME = "comtrade_api_monthly"
FOLDER = "comtrade_api_monthly"
FILENAME = "china_russia_monthly.csv"
SOURCE_ID = "un-comtrade-monthly"
SHIPPED = False  # fetched online only
ENV = comtrade.ENV  # the same API root as the annual source
FIRST_YEAR = 2025  # the shipped copy (comtrade_monthly) holds 2017-01 to 2024-12
PERIOD = re.compile(r"[0-9]{4}(0[1-9]|1[0-2])")
FLOWS = {"M": "trade_cn_imports_from_ru", "X": "trade_cn_exports_to_ru"}
RAW_MONTHLY = raw_table(
    "comtrade_api_monthly",
    FILENAME,
    (
        *text_fields("flow_code"),
        Field("period", S, "YYYYMM"),
        Field("primary_value_usd", N, "primaryValue in US$"),
        *text_fields("is_reported", "legacy_estimation_flag", required=False),
    ),
    ("flow_code", "period"),
)


def build(folder: Path, context: Context) -> StepOutput:
    """China's monthly imports from and exports to Russia, US$ billions, reporter CHN."""
    origin = read_origin(folder)
    path = folder / FILENAME
    source_id = source_of(origin, folder, FILENAME, {SOURCE_ID})
    rows = []
    for line, row in records(read_csv(path, RAW_MONTHLY)):
        if row["flow_code"] not in FLOWS:
            raise InputError(path, f"unknown flow {row['flow_code']!r}", line, "flow_code")
        period = str(row["period"])
        if not PERIOD.fullmatch(period):
            raise InputError(path, f"period {period!r} is not YYYYMM", line, "period")
        rows.append(
            frames.monthly(
                FLOWS[row["flow_code"]],
                "CHN-RUS",
                "CHN",
                int(period[:4]),
                int(period[4:]),
                frames.scaled(row["primary_value_usd"], -9),
                "USD bn",
                source_id,
                f"UN Comtrade monthly record {period}, "
                + ("CIF" if row["flow_code"] == "M" else "FOB"),
            )
        )
    return StepOutput(frames.observations(rows), frames.sources(origin_sources(origin)))


def periods(year: int, last: str) -> list[str]:
    """The months of a year up to `last` (YYYYMM)."""
    return [p for p in (f"{year}{m:02d}" for m in range(1, 13)) if p <= last]


def fetch(
    client: Client, months: list[str], timeout: float, deadline: Deadline
) -> tuple[list[dict[str, Any]], str]:
    """China's monthly records with Russia for up to twelve months."""
    params = {
        "reporterCode": "156",
        "partnerCode": "643",
        "partner2Code": "0",
        "flowCode": "M,X",
        "cmdCode": "TOTAL",
        "customsCode": "C00",
        "motCode": "0",
        "period": ",".join(months),
        "includeDesc": "true",
    }
    body, url = get_json(client, f"{base_url()}/preview/C/M/HS", params, timeout, deadline)
    if not isinstance(body, dict) or "data" not in body:
        raise SourceError(url, "upstream format changed: no 'data' in the envelope")
    if body.get("error"):
        raise SourceError(url, f"API error: {str(body['error'])[:160]}")
    if not isinstance(body["data"], list) or not all(isinstance(r, dict) for r in body["data"]):
        raise SourceError(url, "upstream format changed: 'data' is not a list of records")
    if len(body["data"]) > MAX_RECORDS:
        raise SourceError(url, f"{len(body['data'])} records (the preview caps at {MAX_RECORDS})")
    return body["data"], url


def parse(records_: list[dict[str, Any]], url: str, months: list[str]) -> pd.DataFrame:
    """Rows in the raw layout: monthly totals of China with Russia for the months asked
    (another frequency, commodity, country or month is a SourceError)."""
    rows = []
    for record in records_:
        missing = [k for k in (*REQUIRED, "period") if k not in record]
        if missing:
            raise SourceError(url, f"upstream format changed: record lacks {missing}")
        if (record["cmdCode"], record["freqCode"]) != ("TOTAL", "M"):
            found = f"{str(record['cmdCode'])[:12]!r}, {str(record['freqCode'])[:4]!r}"
            raise SourceError(
                url, f"asked for monthly total goods, got commodity/frequency {found}"
            )
        if (str(record["reporterCode"]), str(record["partnerCode"])) != ("156", "643"):
            found = f"{str(record['reporterCode'])[:8]}/{str(record['partnerCode'])[:8]}"
            raise SourceError(url, f"asked for reporter 156, partner 643, got {found}")
        totals = (str(record["partner2Code"]), str(record["customsCode"]), str(record["motCode"]))
        if totals != ("0", "C00", "0"):
            continue
        period = str(record["period"])
        if period not in months:
            raise SourceError(url, f"period {period[:12]!r} is not one of the months asked")
        value = finite_number(record["primaryValue"], url, f"{period} primaryValue")
        if value is None:
            continue
        if record["flowCode"] not in FLOWS:
            raise SourceError(url, f"unexpected flow code {str(record['flowCode'])[:8]!r}")
        rows.append(
            {
                "flow_code": record["flowCode"],
                "period": period,
                "primary_value_usd": value,
                "is_reported": record["isReported"],
                "legacy_estimation_flag": record["legacyEstimationFlag"],
            }
        )
    return pd.DataFrame(rows, columns=RAW_MONTHLY.columns)


def refresh(
    folder: Path,
    client: Client,
    timeout: float,
    deadline: Deadline,
    progress: Callable[[str], None],
    last_month: str | None = None,
) -> Snapshot:
    """Every month from 2025-01 to the current one, a year per call; fields a maintainer
    added to the previous origin.json are kept."""
    final = last_month or now()[:7].replace("-", "")
    parsed, urls, retrieved = [], [], now()
    for year in range(FIRST_YEAR, int(final[:4]) + 1):
        months = periods(year, final)
        found, url = fetch(client, months, timeout, deadline)
        progress(f"GET {url} ({len(found)} records)")
        parsed.append(parse(found, url, months))
        urls.append(url)
    frame = pd.concat(parsed, ignore_index=True)
    if frame.empty:
        raise SourceError(urls[0], "empty result: no China–Russia monthly records")
    keys = ["flow_code", "period"]
    frame = frame.drop_duplicates().sort_values(keys).reset_index(drop=True)
    if frame.duplicated(keys).any():
        raise SourceError(urls[0], "upstream sent two different values for one flow and month")
    previous = read_origin(folder) if folder.is_dir() else {}
    origin = {**previous, **ORIGIN}
    origin |= {
        "title": "UN Comtrade Database, China-reported monthly trade with Russia",
        "processing": "China (156) as reporter, Russia (643) as partner, monthly (freqCode M), "
        "total goods (cmdCode TOTAL), all customs procedures and transport modes (C00, 0), "
        "partner2 World; primaryValue in US dollars (CIF for imports, FOB for exports).",
        "date_published": retrieved[:10],
        "date_accessed": retrieved[:10],
        "citation_full": "United Nations Statistics Division, UN Comtrade Database, public "
        f"preview API, China-reported monthly trade with Russia, retrieved {retrieved[:10]}.",
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
    raw = RawFile(FILENAME, frame, ["flow_code"], "period", "primary_value_usd")
    return Snapshot(NAME, [raw], origin)
