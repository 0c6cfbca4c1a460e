"""IMF trade by partner: DOTS extract shipped, IMTS (SDMX 3.0 API) on refresh; the readers
of the API's two data formats (SDMX-JSON 2.0, SDMX-ML 3.0 structure-specific XML).

Raw layout: datasets/raw/imf_dots/dots_china_russia.csv (schema RAW_IMF_DOTS), China and
Russia as reporters, exports FOB and imports CIF with each other and the world, US$ millions.
"""

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.etl import frames
from dashboard.etl.errors import InputError
from dashboard.etl.http import Client, Deadline, SourceError, get_json, number_text
from dashboard.etl.rawfiles import origin_sources, read_csv, read_origin, records, source_of
from dashboard.etl.snapshot import RawFile, Snapshot, now
from dashboard.etl.steps import Context, StepOutput
from dashboard.schema.tables import INT, Field, N, raw_table, text_fields

NAME = "imf"
FOLDER = "imf_dots"
FILENAME = "dots_china_russia.csv"
SOURCE_ID = "imf-dots"
ENV = "CRF_IMF_URL"
DEFAULT_URL = "https://api.imf.org/external/sdmx/3.0"
KEY = "CHN+RUS.XG_FOB_USD+MG_CIF_USD.RUS+CHN+G001.A"
REPORTERS = {"China, P.R.: Mainland": "CHN", "Russian Federation": "RUS"}
NAMES = {"CHN": "China, P.R.: Mainland", "RUS": "Russian Federation", "G001": "World"}
CODES = {"XG_FOB_USD": "Exports, FOB", "MG_CIF_USD": "Imports, CIF"}
SERIES_DIMENSIONS = ("COUNTRY", "INDICATOR", "COUNTERPART_COUNTRY")
# (reporter, sheet) -> indicator of the China–Russia flow it measures
BILATERAL = {
    ("CHN", "Exports, FOB"): "trade_cn_exports_to_ru",
    ("CHN", "Imports, CIF"): "trade_cn_imports_from_ru",
    ("RUS", "Exports, FOB"): "trade_cn_imports_from_ru",
    ("RUS", "Imports, CIF"): "trade_cn_exports_to_ru",
}
WORLD = {"Exports, FOB": "goods_exports_world", "Imports, CIF": "goods_imports_world"}
SHIPPED = True
RAW_IMF_DOTS = raw_table(
    "imf_dots",
    "dots_china_russia.csv",
    (
        *text_fields("reporter", "indicator", "partner"),
        Field("year", INT, "year"),
        Field("value_usd_millions", N, "value in US$ millions"),
        *text_fields("source_file", "sheet"),
    ),
    ("reporter", "indicator", "partner", "year"),
)


def build(folder: Path, context: Context) -> StepOutput:
    """The extract's flows in US$ billions."""
    origin = read_origin(folder)
    path = folder / FILENAME
    source_id = source_of(origin, folder, FILENAME, {SOURCE_ID})
    table = read_csv(path, RAW_IMF_DOTS)
    rows = []
    for line, row in records(table):
        if row["reporter"] not in REPORTERS:
            raise InputError(path, f"unknown reporter {row['reporter']!r}", line, "reporter")
        reporter = REPORTERS[row["reporter"]]
        if row["indicator"] not in WORLD:
            raise InputError(path, f"unknown indicator {row['indicator']!r}", line, "indicator")
        if row["partner"] == "World":
            indicator, economy = WORLD[row["indicator"]], reporter
        elif row["partner"] in REPORTERS and REPORTERS[row["partner"]] != reporter:
            indicator, economy = BILATERAL[(reporter, row["indicator"])], "CHN-RUS"
        else:
            raise InputError(path, f"unknown partner {row['partner']!r}", line, "partner")
        note = f"{row['reporter']}: {row['indicator']}, partner {row['partner']}"
        value = frames.scaled(row["value_usd_millions"], -3)
        rows.append(
            frames.annual(
                indicator, economy, reporter, int(row["year"]), value, "USD bn", source_id, note
            )
        )
    return StepOutput(frames.observations(rows), frames.sources(origin_sources(origin)))


def base_url() -> str:
    """The API root, overridable for mirrors, proxies and tests."""
    return os.environ.get(ENV, DEFAULT_URL).rstrip("/")


def observations(message: Any, url: str) -> Iterator[tuple[dict[str, str], str, Any]]:
    """(series dimensions, time period, OBS_VALUE as sent) of every observation of an
    SDMX-JSON 2.0 data message."""
    try:
        structure = message["data"]["structures"][0]["dimensions"]
        series_dims = structure["series"]
        times = structure["observation"][0]["values"]
        series = message["data"]["dataSets"][0]["series"]
        for key, content in series.items():
            indexes = [int(i) for i in key.split(":")]
            dims = {
                d["id"]: d["values"][i]["id"] for d, i in zip(series_dims, indexes, strict=True)
            }
            for time_index, values in content.get("observations", {}).items():
                period = str(times[int(time_index)]["value"])
                yield dims, period, values[0] if values else None
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as error:
        raise SourceError(
            url, f"upstream format changed: not an SDMX-JSON data message ({error!r})"
        ) from None


def xml_observations(root: ET.Element, url: str) -> Iterator[tuple[dict[str, str], dict[str, str]]]:
    """(series attributes, observation attributes) of every observation of an SDMX-ML 3.0
    StructureSpecificData message (the series key and TIME_PERIOD, OBS_VALUE are attributes;
    an element's namespace is ignored, as the structure-specific format puts none on them)."""
    if _local(root.tag) != "StructureSpecificData":
        raise SourceError(
            url, f"upstream format changed: root element {_local(root.tag)[:40]!r}, not data"
        )
    sets = [e for e in root if _local(e.tag) == "DataSet"]
    if not sets:
        raise SourceError(url, "upstream format changed: no DataSet in the data message")
    for dataset in sets:
        for series in dataset:
            if _local(series.tag) != "Series":
                continue
            for obs in series:
                if _local(obs.tag) == "Obs":
                    yield dict(series.attrib), dict(obs.attrib)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse(message: Any, url: str) -> pd.DataFrame:
    """Rows in the raw layout (US$ millions; the API sends plain US$)."""
    rows = []
    for dims, period, value in observations(message, url):
        if not set(SERIES_DIMENSIONS) <= set(dims):
            raise SourceError(url, f"upstream format changed: series dimensions {sorted(dims)}")
        reporter, code, partner = (dims[d] for d in SERIES_DIMENSIONS)
        for what, known in (("reporter", reporter), ("partner", partner)):
            if known not in NAMES:
                raise SourceError(url, f"unexpected {what} code {known!r}")
        if code not in CODES:
            raise SourceError(url, f"unexpected indicator code {code!r}")
        if not re.fullmatch(r"[0-9]{4}", period):
            raise SourceError(url, f"unexpected time period {period[:20]!r} (annual data asked)")
        number = number_text(value, url, f"{reporter} {code} {partner} {period}")
        if number is None or reporter == partner:
            continue
        rows.append(
            {
                "reporter": NAMES[reporter],
                "indicator": CODES[code],
                "partner": NAMES[partner],
                "year": int(period),
                "value_usd_millions": frames.scaled(number, -6),
                "source_file": "IMTS",
                "sheet": code,
            }
        )
    frame = pd.DataFrame(rows, columns=RAW_IMF_DOTS.columns)
    return frame.sort_values(["reporter", "indicator", "partner", "year"]).reset_index(drop=True)


def refresh(
    folder: Path,
    client: Client,
    timeout: float,
    deadline: Deadline,
    progress: Callable[[str], None],
) -> Snapshot:
    """China and Russia as reporters: exports and imports with each other and the world."""
    url = f"{base_url()}/data/dataflow/IMF.STA/IMTS/+/{KEY}"
    params = {"dimensionAtObservation": "TIME_PERIOD", "attributes": "dsd", "measures": "all"}
    message, final_url = get_json(client, url, params, timeout, deadline)
    progress(f"GET {final_url}")
    frame = parse(message, final_url)
    if frame.empty:
        raise SourceError(final_url, "empty result: no China–Russia observations")
    origin = read_origin(folder)
    origin |= {
        "title": "International Trade in Goods by partner country (IMTS, formerly DOTS)",
        "trust_tier": "producer_dataset",
        "processing": "China and Russia as reporters, exports FOB and imports CIF with each other "
        "and the world; values converted from US dollars to US$ millions, then by the build to "
        "US$ billions.",
    }
    origin |= fetched(
        now(),
        final_url,
        (FILENAME, SOURCE_ID),
        "International Trade in Goods (by partner country) (IMTS)",
    )
    raw = RawFile(
        FILENAME, frame, ["reporter", "indicator", "partner"], "year", "value_usd_millions"
    )
    return Snapshot(NAME, [raw], origin)


def fetched(retrieved: str, url: str, file: tuple[str, str], dataset: str) -> dict[str, Any]:
    """The origin fields of a snapshot fetched from the IMF API (`file`: its path and source
    id; `dataset`: the words the citation gives the data before the API)."""
    path, source_id = file
    return {
        "date_published": retrieved[:10],
        "date_accessed": retrieved[:10],
        "citation_full": f"International Monetary Fund, {dataset}, SDMX 3.0 API, retrieved "
        f"{retrieved[:10]}.",
        "retrieved_from": f"IMF SDMX 3.0 API ({base_url()}), fetched by make refresh",
        "files": [
            {
                "path": path,
                "source_id": source_id,
                "request_url": url,
                "retrieved_at": retrieved,
                "upstream_last_updated": "not given in the data message",
            }
        ],
    }
