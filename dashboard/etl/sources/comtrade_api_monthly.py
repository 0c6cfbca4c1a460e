"""UN Comtrade public preview API (no key): China-reported monthly goods trade with Russia
from 2025-01, the months after the shipped third-party copy (comtrade_monthly) ends.

Raw layout: datasets/raw/comtrade_api_monthly/china_russia_monthly.csv (RAW_MONTHLY), US$.
The shipped snapshot has none (it can only be fetched online); without the folder the step
adds nothing. Read as the producer's own dataset: the API is UN Comtrade's.
"""

import re
from collections.abc import Callable
from pathlib import Path

from dashboard.etl import comtrade_client, frames
from dashboard.etl.errors import InputError
from dashboard.etl.http import Client, Deadline
from dashboard.etl.rawfiles import origin_sources, read_csv, read_origin, records, source_of
from dashboard.etl.snapshot import RawFile, Snapshot, now
from dashboard.etl.steps import Context, StepOutput
from dashboard.schema.tables import Field, N, S, raw_table, text_fields

NAME = "comtrade_api_monthly"
FOLDER = "comtrade_api_monthly"
FILENAME = "china_russia_monthly.csv"
SOURCE_ID = "un-comtrade-monthly"
SHIPPED = False  # fetched online only
ENV = comtrade_client.ENV  # the same API root as the annual source
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
    calls = [("CHN", periods(year, final)) for year in range(FIRST_YEAR, int(final[:4]) + 1)]
    retrieved = now()
    found, urls = comtrade_client.collect(client, "M", calls, timeout, deadline, progress)
    origin = comtrade_client.origin(
        read_origin(folder) if folder.is_dir() else {},
        retrieved,
        urls,
        (FILENAME, SOURCE_ID),
        title="UN Comtrade Database, China-reported monthly trade with Russia",
        processing="China (156) as reporter, Russia (643) as partner, monthly (freqCode M), "
        "total goods (cmdCode TOTAL), all customs procedures and transport modes (C00, 0), "
        "partner2 World; primaryValue in US dollars (CIF for imports, FOB for exports).",
        citation_full="United Nations Statistics Division, UN Comtrade Database, public "
        f"preview API, China-reported monthly trade with Russia, retrieved {retrieved[:10]}.",
    )
    raw = RawFile(
        FILENAME, found[RAW_MONTHLY.columns], ["flow_code"], "period", "primary_value_usd"
    )
    return Snapshot(NAME, [raw], origin)
