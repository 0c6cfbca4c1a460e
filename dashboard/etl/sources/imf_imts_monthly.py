"""IMF International Trade in Goods by partner (IMTS, SDMX 3.0 API, no key): China and Russia
as reporters, each other as counterpart, exports FOB and imports CIF, monthly from 2025-01
(the month after the shipped monthly series end) to the current month.

Raw layout: datasets/raw/imf_imts_monthly/imts_china_russia_monthly.csv (RAW_IMTS_MONTHLY),
plain US$ (the API's OBS_VALUE, which is not scaled by the series' SCALE attribute). The
shipped snapshot has none (it can only be fetched online); without the folder the step adds
nothing. The reply is read as SDMX-ML 3.0 XML, the one IMTS data format of which a real
recording exists (tests/fixtures/imf-imts).
"""

import re
import xml.etree.ElementTree as ET
from calendar import monthrange
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from dashboard.etl import frames
from dashboard.etl.errors import InputError
from dashboard.etl.http import Client, Deadline, SourceError, get_xml, number_text
from dashboard.etl.rawfiles import origin_sources, read_csv, read_origin, records, source_of
from dashboard.etl.snapshot import RawFile, Snapshot, now
from dashboard.etl.sources import imf
from dashboard.etl.steps import Context, StepOutput
from dashboard.schema.tables import Field, N, S, raw_table, text_fields

NAME = "imf_imts_monthly"
FOLDER = "imf_imts_monthly"
FILENAME = "imts_china_russia_monthly.csv"
SOURCE_ID = "imf-imts-monthly"
SHIPPED = False  # fetched online only
ENV = imf.ENV  # the same API root as the annual IMF source
FIRST_MONTH = "2025-01"  # the shipped monthly trade (comtrade_monthly) ends 2024-12
KEY = "CHN+RUS.XG_FOB_USD+MG_CIF_USD.RUS+CHN.M"
COUNTRIES = ("CHN", "RUS")
# (reporter, IMTS indicator) -> the China–Russia flow it measures
FLOWS = {
    ("CHN", "XG_FOB_USD"): "trade_cn_exports_to_ru",
    ("CHN", "MG_CIF_USD"): "trade_cn_imports_from_ru",
    ("RUS", "XG_FOB_USD"): "trade_cn_imports_from_ru",
    ("RUS", "MG_CIF_USD"): "trade_cn_exports_to_ru",
}
# a month as the API may write it: SDMX reporting period (2025-M01) or ISO (2025-01)
MONTH = re.compile(r"([0-9]{4})-M?(0[1-9]|1[0-2])")
RAW_IMTS_MONTHLY = raw_table(
    "imf_imts_monthly",
    FILENAME,
    (
        *text_fields("reporter", "indicator", "partner"),
        Field("period", S, "YYYY-MM"),
        Field("value_usd", N, "OBS_VALUE in US$"),
        *text_fields("derivation_type", required=False),
    ),
    ("reporter", "indicator", "partner", "period"),
)
KEYS = ["reporter", "indicator", "partner", "period"]
ORIGIN = {
    "kind": "official_series",
    "trust_tier": "producer_dataset",
    "producer": "International Monetary Fund",
    "title": "International Trade in Goods (by partner country) (IMTS), monthly",
    "url_main": "https://data.imf.org/",
    "attribution_short": "IMF IMTS",
    "license": {"name": "IMF terms of use", "url": "https://www.imf.org/external/terms.htm"},
    "processing": "China and Russia as reporters, the other as counterpart, exports FOB "
    "(XG_FOB_USD) and imports CIF (MG_CIF_USD), monthly (FREQUENCY M); OBS_VALUE in US "
    "dollars, converted by the build to US$ billions. Russia-reported imports from China are "
    "mapped to the China→Russia flow and Russia-reported exports to China to the "
    "Russia→China flow.",
    "caveats": [
        "IMTS may fill a reporter's missing months with estimates from partner data; the "
        "DERIVATION_TYPE column keeps the IMF's observation flag as sent",
    ],
}


def build(folder: Path, context: Context) -> StepOutput:
    """Both reporters' monthly flows with each other, US$ billions."""
    origin = read_origin(folder)
    path = folder / FILENAME
    source_id = source_of(origin, folder, FILENAME, {SOURCE_ID})
    rows = []
    for line, row in records(read_csv(path, RAW_IMTS_MONTHLY)):
        flow = (row["reporter"], row["indicator"])
        if flow not in FLOWS:
            raise InputError(path, f"unknown reporter/indicator {flow}", line, "indicator")
        if row["partner"] not in COUNTRIES or row["partner"] == row["reporter"]:
            raise InputError(path, f"unknown partner {row['partner']!r}", line, "partner")
        period = str(row["period"])
        if not re.fullmatch(r"[0-9]{4}-(0[1-9]|1[0-2])", period):
            raise InputError(path, f"period {period!r} is not YYYY-MM", line, "period")
        rows.append(
            frames.monthly(
                FLOWS[flow],
                "CHN-RUS",
                row["reporter"],
                int(period[:4]),
                int(period[5:]),
                frames.scaled(row["value_usd"], -9),
                "USD bn",
                source_id,
                f"IMF IMTS {row['reporter']} {row['indicator']}, counterpart {row['partner']}, "
                f"{period}",
            )
        )
    return StepOutput(frames.observations(rows), frames.sources(origin_sources(origin)))


def parse(root: ET.Element, url: str, first: str, last: str) -> pd.DataFrame:
    """Rows in the raw layout from an SDMX-ML 3.0 IMTS data message: China–Russia monthly
    flows from `first` to `last` (YYYY-MM); another frequency, country, indicator or month,
    a value that is not a finite number, or one flow and month given twice is a SourceError."""
    rows = []
    for series, obs in imf.xml_observations(root, url):
        missing = [d for d in (*imf.SERIES_DIMENSIONS, "FREQUENCY") if d not in series]
        if missing or "TIME_PERIOD" not in obs:
            lacks = missing or ["TIME_PERIOD"]
            raise SourceError(url, f"upstream format changed: an observation lacks {lacks}")
        reporter, code, partner = (series[d] for d in imf.SERIES_DIMENSIONS)
        where = f"{reporter[:8]} {code[:16]} {partner[:8]} {obs['TIME_PERIOD'][:16]}"
        if series["FREQUENCY"] != "M":
            raise SourceError(url, f"{where}: frequency {series['FREQUENCY'][:4]!r}, monthly asked")
        if (reporter, code) not in FLOWS or partner not in COUNTRIES:
            raise SourceError(url, f"{where}: not a China–Russia series asked for")
        month = MONTH.fullmatch(obs["TIME_PERIOD"])
        if not month:
            raise SourceError(url, f"{where}: time period is not a month")
        period = f"{month[1]}-{month[2]}"
        if not first <= period <= last:
            raise SourceError(url, f"{where}: month outside {first} to {last} asked")
        value = number_text(obs.get("OBS_VALUE"), url, where)
        if value is None or reporter == partner:
            continue
        rows.append(
            {
                "reporter": reporter,
                "indicator": code,
                "partner": partner,
                "period": period,
                "value_usd": value,
                "derivation_type": obs.get("DERIVATION_TYPE", ""),
            }
        )
    frame = pd.DataFrame(rows, columns=RAW_IMTS_MONTHLY.columns)
    doubled = frame[frame.duplicated(KEYS, keep=False)]
    if len(doubled):
        r = doubled.iloc[0]
        raise SourceError(
            url, f"{r['reporter']} {r['indicator']} {r['partner']} {r['period']} given twice"
        )
    return frame.sort_values(KEYS).reset_index(drop=True)


def refresh(
    folder: Path,
    client: Client,
    timeout: float,
    deadline: Deadline,
    progress: Callable[[str], None],
    last_month: str | None = None,
) -> Snapshot:
    """Every month from FIRST_MONTH to `last_month` (YYYY-MM, default the current one) in
    one call; fields a maintainer added to the previous origin.json are kept."""
    last = last_month or now()[:7]
    end = f"{last}-{monthrange(int(last[:4]), int(last[5:]))[1]:02d}"
    params = {
        "c[TIME_PERIOD]": f"ge:{FIRST_MONTH}-01+le:{end}",
        "dimensionAtObservation": "TIME_PERIOD",
        "detail": "full",
        "includeHistory": "false",
    }
    retrieved = now()
    url = f"{imf.base_url()}/data/dataflow/IMF.STA/IMTS/+/{KEY}"
    root, final_url = get_xml(client, url, params, timeout, deadline)
    frame = parse(root, final_url, FIRST_MONTH, last)
    progress(f"GET {final_url} ({len(frame)} observations)")
    if frame.empty:
        raise SourceError(final_url, "empty result: no China–Russia monthly observations")
    previous = read_origin(folder) if folder.is_dir() else {}
    origin = {**previous, **ORIGIN} | imf.fetched(
        retrieved,
        final_url,
        (FILENAME, SOURCE_ID),
        "International Trade in Goods (by partner country) (IMTS), monthly, China and Russia "
        "with each other",
    )
    raw = RawFile(FILENAME, frame, ["reporter", "indicator", "partner"], "period", "value_usd")
    return Snapshot(NAME, [raw], origin)
