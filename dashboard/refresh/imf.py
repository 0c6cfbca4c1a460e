"""IMF data API (SDMX 3.0), International Trade in Goods by partner (IMTS, formerly DOTS)."""

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import requests

from dashboard.refresh.http import SourceError, get_json
from dashboard.refresh.snapshot import Snapshot, Table, now

SOURCE = "imf"
FOLDER = "imf_dots"
FILENAME = "dots_china_russia.csv"
ENV = "CRF_IMF_URL"
DEFAULT_URL = "https://api.imf.org/external/sdmx/3.0"
KEY = "CHN+RUS.XG_FOB_USD+MG_CIF_USD.RUS+CHN+G001.A"
NAMES = {"CHN": "China, P.R.: Mainland", "RUS": "Russian Federation", "G001": "World"}
INDICATORS = {"XG_FOB_USD": "Exports, FOB", "MG_CIF_USD": "Imports, CIF"}
COLUMNS = ["reporter", "indicator", "partner", "year", "value_usd_millions", "source_file", "sheet"]
SERIES_DIMENSIONS = ("COUNTRY", "INDICATOR", "COUNTERPART_COUNTRY")


def base_url() -> str:
    """The API root, overridable for mirrors, proxies and tests."""
    return os.environ.get(ENV, DEFAULT_URL).rstrip("/")


def observations(message: Any, url: str) -> Iterator[tuple[dict[str, str], str, str | None]]:
    """(series dimensions, time period, OBS_VALUE) of every observation of an SDMX-JSON 2.0
    data message; OBS_VALUE stays the string (or null) the API sent."""
    try:
        structure = message["data"]["structures"][0]["dimensions"]
        series_dims = structure["series"]
        times = structure["observation"][0]["values"]
        series = message["data"]["dataSets"][0]["series"]
    except (KeyError, IndexError, TypeError) as error:
        raise SourceError(
            url, f"upstream format changed: not an SDMX-JSON data message ({error!r})"
        ) from None
    for key, content in series.items():
        indexes = [int(i) for i in key.split(":")]
        dims = {d["id"]: d["values"][i]["id"] for d, i in zip(series_dims, indexes, strict=True)}
        for time_index, values in content.get("observations", {}).items():
            yield dims, str(times[int(time_index)]["value"]), values[0] if values else None


def parse(message: Any, url: str) -> pd.DataFrame:
    """Rows in the IMF DOTS raw layout (US$ millions; the API sends plain US$)."""
    rows = []
    for dims, period, value in observations(message, url):
        if not set(SERIES_DIMENSIONS) <= set(dims):
            raise SourceError(url, f"upstream format changed: series dimensions {sorted(dims)}")
        reporter, indicator, partner = (dims[d] for d in SERIES_DIMENSIONS)
        if value is None or reporter == partner or indicator not in INDICATORS:
            continue
        rows.append(
            {
                "reporter": NAMES[reporter],
                "indicator": INDICATORS[indicator],
                "partner": NAMES[partner],
                "year": int(period[:4]),
                "value_usd_millions": float(value) / 1e6,
                "source_file": "IMTS",
                "sheet": indicator,
            }
        )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.sort_values(["reporter", "indicator", "partner", "year"]).reset_index(drop=True)


def refresh(
    raw: Path, client: requests.Session, timeout: float, progress: Callable[[str], None]
) -> Snapshot:
    """China and Russia as reporters: exports and imports with each other and the world."""
    url = f"{base_url()}/data/dataflow/IMF.STA/IMTS/+/{KEY}"
    params = {"dimensionAtObservation": "TIME_PERIOD", "attributes": "dsd", "measures": "all"}
    message, final_url = get_json(client, url, params, timeout)
    progress(f"GET {final_url}")
    frame = parse(message, final_url)
    if frame.empty:
        raise SourceError(final_url, "empty result: no China–Russia observations")
    folder = raw / FOLDER
    origin = json.loads((folder / "origin.json").read_text(encoding="utf-8"))
    retrieved = now()
    origin |= {
        "title": "International Trade in Goods by partner country (IMTS, formerly DOTS)",
        "date_published": retrieved[:10],
        "date_accessed": retrieved[:10],
        "citation_full": "International Monetary Fund, International Trade in Goods (by partner "
        f"country) (IMTS), SDMX 3.0 API, retrieved {retrieved[:10]}.",
        "processing": "China and Russia as reporters, exports FOB and imports CIF with each other "
        "and the world; values converted from US dollars to US$ millions, then by the build to "
        "US$ billions.",
        "retrieved_from": f"IMF SDMX 3.0 API ({base_url()}), fetched by make refresh",
        "files": [
            {
                "path": FILENAME,
                "source_id": "imf-dots",
                "request_url": final_url,
                "retrieved_at": retrieved,
                "upstream_last_updated": "not given in the data message",
            }
        ],
    }
    table = Table(
        FILENAME, frame, ["reporter", "indicator", "partner"], "value_usd_millions", "year"
    )
    return Snapshot(SOURCE, folder, [table], origin)
