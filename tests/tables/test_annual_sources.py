"""The annual sources of issue 18 (IMF WEO, WDI macro, Energy Institute 2025 panel): every
value in the tables equals its cell in the raw file, and every cell that should give a row
gives one (the bad-input cases are in test_bad_input.py, the contract in
tests/refresh/test_contract.py)."""

import csv
import json
from decimal import Decimal
from typing import Any

import pandas as pd

from dashboard.etl.sources import ei_panel, imf_weo
from dashboard.schema import paths


def _raw(path: str) -> list[dict[str, str]]:
    with (paths.RAW / path).open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _official(tables: dict[str, pd.DataFrame], prefix: str) -> dict[tuple[Any, ...], float]:
    obs = tables["observations"]
    mine = obs[obs["source_id"].str.startswith(prefix)]
    keys = zip(mine["indicator"], mine["economy"], mine["year"], mine["source_id"], strict=True)
    return dict(zip(keys, mine["value"], strict=True))


def _scaled(cell: str, power: int) -> float:
    return float(Decimal(cell).scaleb(power))


def test_imf_weo_equals_its_file_cell_by_cell_with_projections_apart(tables):
    found = _official(tables, imf_weo.SOURCE_ID)
    first = json.loads((paths.RAW / "imf_weo" / "origin.json").read_text())["projection_from"]
    expected = {}
    for row in _raw(f"imf_weo/{imf_weo.FILENAME}"):
        year = int(row["Ano"])
        source = imf_weo.PROJECTION_ID if year >= first else imf_weo.SOURCE_ID
        for column, (indicator, power) in imf_weo.COLUMNS.items():
            if row[column]:
                key = (indicator, row["COUNTRY.ID"], year, source)
                expected[key] = _scaled(row[column], power)
    assert found == expected
    assert ("gdp_real_growth", "RUS", 1992, imf_weo.SOURCE_ID) not in found  # empty cell
    assert found[("gdp", "CHN", 2024, imf_weo.SOURCE_ID)] == 18749.759
    assert {k[2] for k in found if k[3] == imf_weo.PROJECTION_ID} == set(range(2025, 2031))
    tiers = tables["sources"].set_index("source_id")["tier"]
    assert tiers[imf_weo.SOURCE_ID] == "third_party_copy"
    assert tiers[imf_weo.PROJECTION_ID] == "projection"


def test_wdi_macro_equals_its_files_cell_by_cell(tables):
    origin = json.loads((paths.RAW / "wb_wdi_macro" / "origin.json").read_text())
    units = dict(zip(tables["indicators"]["indicator"], tables["indicators"]["unit"], strict=True))
    found = _official(tables, "wb-wdi-")
    count = 0
    for entry in origin["files"]:
        power = -6 if units[entry["indicator"]] == "million people" else 0
        for row in _raw(f"wb_wdi_macro/{entry['path']}"):
            key = (entry["indicator"], row["Country Code"], int(row["Year"]), entry["source_id"])
            if row["Country Code"] == "WLD" or not row["Value"]:
                assert key not in found
                continue
            assert found[key] == _scaled(row["Value"], power), key
            count += 1
    made = [k for k in found if k[0] in {e["indicator"] for e in origin["files"]}]
    assert count == len(made) > 400


def test_ei_panel_equals_its_file_and_a_zero_gives_no_row(tables):
    found = _official(tables, ei_panel.SOURCE_ID)
    expected, zeros = {}, 0
    for row in _raw(f"ei_2025/{ei_panel.FILENAME}"):
        indicator = ei_panel.SERIES.get((row["iso3"], row["variable"]))
        if indicator and float(row["value"]) == 0:
            zeros += 1
        elif indicator:
            key = (indicator, row["iso3"], int(row["year"]), ei_panel.SOURCE_ID)
            expected[key] = float(Decimal(row["value"]))
    assert found == expected
    assert zeros > 0  # Russia before 1985, China before 1970: no data, not zero gas
    assert found[("gas_cn_consumption", "CHN", 2024, ei_panel.SOURCE_ID)] == 434.3912943
    assert found[("gas_cn_production", "CHN", 2024, ei_panel.SOURCE_ID)] == 248.3896509
