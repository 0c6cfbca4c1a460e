"""HAND-MADE upstream responses, in the documented wire shapes, filled with the values of the
project's own shipped snapshot (datasets/raw), so no number in them is invented."""

import json
from typing import Any

import pandas as pd

from dashboard.schema import paths

WB_NAMES = {"CHN": ("CN", "China"), "RUS": ("RU", "Russian Federation"), "WLD": ("1W", "World")}


def worldbank_rows(code: str, filename: str) -> list[dict[str, Any]]:
    """World Bank v2 rows for one indicator, from the shipped WDI extract."""
    frame = pd.read_csv(paths.RAW / "wb_wdi" / filename, dtype=str)
    rows = []
    for _, r in frame.sort_values(["Country Code", "Year"], ascending=[True, False]).iterrows():
        iso2, name = WB_NAMES[r["Country Code"]]
        rows.append(
            {
                "indicator": {"id": code, "value": code},
                "country": {"id": iso2, "value": name},
                "countryiso3code": r["Country Code"],
                "date": r["Year"],
                "value": float(r["Value"]),
                "unit": "",
                "obs_status": "",
                "decimal": 0,
            }
        )
    return rows


def worldbank_pages(code: str, filename: str, per_page: int) -> list[list[Any]]:
    """The rows split into v2 pages: [meta, rows] each."""
    rows = worldbank_rows(code, filename)
    chunks = [rows[i : i + per_page] for i in range(0, len(rows), per_page)]
    return [
        [
            {
                "page": n + 1,
                "pages": len(chunks),
                "per_page": per_page,
                "total": len(rows),
                "sourceid": "2",
                "sourcename": "World Development Indicators",
                "lastupdated": "2026-07-01",
            },
            chunk,
        ]
        for n, chunk in enumerate(chunks)
    ]


DOTS_CODES = {"China, P.R.: Mainland": "CHN", "Russian Federation": "RUS", "World": "G001"}
DOTS_INDICATORS = {"Exports, FOB": "XG_FOB_USD", "Imports, CIF": "MG_CIF_USD"}


def imts_message(scale: float = 1.0) -> dict[str, Any]:
    """An SDMX-JSON 2.0 IMTS message holding the shipped DOTS values (plain US$ × scale)."""
    dots = pd.read_csv(paths.RAW / "imf_dots" / "dots_china_russia.csv")
    countries, indicators, partners = (
        ["CHN", "RUS"],
        ["XG_FOB_USD", "MG_CIF_USD"],
        ["CHN", "RUS", "G001"],
    )
    years = sorted(str(y) for y in dots["year"].unique())
    series: dict[str, Any] = {}
    for _, r in dots.iterrows():
        key = ":".join(
            str(i)
            for i in (
                countries.index(DOTS_CODES[r["reporter"]]),
                indicators.index(DOTS_INDICATORS[r["indicator"]]),
                partners.index(DOTS_CODES[r["partner"]]),
                0,
            )
        )
        obs = series.setdefault(key, {"attributes": [], "observations": {}})["observations"]
        obs[str(years.index(str(r["year"])))] = [str(r["value_usd_millions"] * 1e6 * scale), None]
    dims = [
        {"id": "COUNTRY", "keyPosition": 0, "values": [{"id": c} for c in countries]},
        {"id": "INDICATOR", "keyPosition": 1, "values": [{"id": i} for i in indicators]},
        {"id": "COUNTERPART_COUNTRY", "keyPosition": 2, "values": [{"id": p} for p in partners]},
        {"id": "FREQUENCY", "keyPosition": 3, "values": [{"id": "A"}]},
    ]
    return {
        "meta": {},
        "data": {
            "dataSets": [{"structure": 0, "action": "Replace", "series": series}],
            "structures": [
                {
                    "dimensions": {
                        "series": dims,
                        "observation": [
                            {
                                "id": "TIME_PERIOD",
                                "keyPosition": 4,
                                "values": [{"value": y} for y in years],
                            }
                        ],
                    }
                }
            ],
        },
    }


def comtrade_envelope(reporter: str, years: list[int]) -> dict[str, Any]:
    """A Comtrade preview envelope: the shipped DOTS bilateral flows of one reporter."""
    dots = pd.read_csv(paths.RAW / "imf_dots" / "dots_china_russia.csv")
    name = {"CHN": "China, P.R.: Mainland", "RUS": "Russian Federation"}[reporter]
    partner = "RUS" if reporter == "CHN" else "CHN"
    rows = dots[
        (dots["reporter"] == name) & (dots["partner"] != "World") & dots["year"].isin(years)
    ]
    data = [
        {
            "typeCode": "C",
            "freqCode": "A",
            "refYear": int(r["year"]),
            "period": str(r["year"]),
            "reporterCode": 156 if reporter == "CHN" else 643,
            "reporterISO": reporter,
            "flowCode": "X" if r["indicator"].startswith("Exports") else "M",
            "partnerCode": 643 if partner == "RUS" else 156,
            "partnerISO": partner,
            "partner2Code": 0,
            "cmdCode": "TOTAL",
            "customsCode": "C00",
            "motCode": 0,
            "primaryValue": float(r["value_usd_millions"]) * 1e6,
            "isReported": True,
            "legacyEstimationFlag": 0,
        }
        for _, r in rows.iterrows()
    ]
    return {"elapsedTime": "0.01 secs", "count": len(data), "data": data, "error": ""}


MONTHLY_FIXTURE = "HANDMADE_preview-C-M-HS_reporter156_partner643_2025.json"


def comtrade_monthly_envelope(months: list[str]) -> dict[str, Any]:
    """The HAND-MADE monthly preview envelope (tests/fixtures/comtrade), its records of the
    months asked. Its values are China's 2024 months of the shipped comtrade_monthly copy,
    relabelled 2025: a format test, not 2025 data."""
    path = paths.REPO_ROOT / "tests" / "fixtures" / "comtrade" / MONTHLY_FIXTURE
    envelope: dict[str, Any] = json.loads(path.read_text())
    data = [r for r in envelope["data"] if r["period"] in months]
    return envelope | {"count": len(data), "data": data}


IMTS_MONTHLY_FIXTURE = "HANDMADE_imts_sdmx3_data_CHN-RUS_XG-MG_M_2025.xml"


def imts_monthly_xml() -> str:
    """The HAND-MADE monthly IMTS reply (tests/fixtures/imf-imts), in the layout of the real
    recorded XML reply. Its values are China's 2024 months of the shipped comtrade_monthly
    copy relabelled 2025 (Russia's series: China's mirror values): a format test, not IMF
    data and not 2025 data."""
    path = paths.REPO_ROOT / "tests" / "fixtures" / "imf-imts" / IMTS_MONTHLY_FIXTURE
    return path.read_text()
