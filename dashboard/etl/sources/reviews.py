"""Energy Institute (2024) and BP (2019) statistical reviews: China's gas imports.

Raw layout: datasets/raw/ei_2024/china_gas_imports.csv (RAW_EI_GAS) and
datasets/raw/bp_2019/china_gas_2018.csv (RAW_BP_GAS), billion cubic metres.
"""

from pathlib import Path

import pandas as pd

from dashboard.etl import frames
from dashboard.etl.errors import InputError
from dashboard.etl.rawfiles import origin_sources, read_csv, read_origin, source_of
from dashboard.etl.sources import StepOutput
from dashboard.schema.tables import RAW_BP_GAS, RAW_EI_GAS, Table

EI_FOLDER, EI_FILE, EI_SOURCE = "ei_2024", "china_gas_imports.csv", "ei-2024-gas-trade"
BP_FOLDER, BP_FILE, BP_SOURCE = "bp_2019", "china_gas_2018.csv", "bp-2019-gas"
EI_SERIES = {
    "China total imports (pipeline+LNG)": "gas_cn_imports_total",
    "China pipeline imports (total)": "gas_cn_pipeline_imports",
    "China pipeline imports of which: Russian Federation": "gas_cn_pipeline_imports_from_ru",
    "China LNG imports": "gas_cn_lng_imports",
}
BP_SERIES = {
    "Gas - Trade movts - pipeline|Total imports": "gas_cn_pipeline_imports",
    "Gas - Trade movts - pipeline|Russian Federation (exporter)": "gas_cn_pipeline_imports_from_ru",
    "Gas - Trade movts LNG|Total imports": "gas_cn_lng_imports",
    "Gas - Trade movts LNG|Russian Federation (exporter)": "gas_cn_lng_imports_from_ru",
    "Gas Consumption - Bcm|": "gas_cn_consumption",
}


def step(raw: Path) -> StepOutput:
    """China rows of both reviews, in billion cubic metres."""
    ei_origin, ei = _load(raw / EI_FOLDER, EI_FILE, EI_SOURCE, RAW_EI_GAS, ["series"], EI_SERIES)
    bp_origin, bp = _load(
        raw / BP_FOLDER, BP_FILE, BP_SOURCE, RAW_BP_GAS, ["sheet", "column"], BP_SERIES
    )
    sources = pd.concat([frames.sources(origin_sources(o)) for o in (ei_origin, bp_origin)])
    return StepOutput(pd.concat([ei, bp], ignore_index=True), sources)


def _load(
    folder: Path,
    filename: str,
    expected: str,
    layout: Table,
    key: list[str],
    series: dict[str, str],
) -> tuple[dict[str, object], pd.DataFrame]:
    """Rows whose key columns (joined by '|') name a series; every series must be present."""
    origin = read_origin(folder)
    source_id = source_of(origin, folder, filename, {expected})
    path = folder / filename
    table = read_csv(path, layout)
    labels = table[key].agg("|".join, axis=1)
    missing = sorted(set(series) - set(labels))
    if missing:
        raise InputError(path, f"expected series not found (format changed?): {missing}")
    table = table[labels.isin(list(series))]
    rows = [
        frames.annual(series[label], "CHN", "", int(year), frames.as_shown(value), "bcm", source_id)
        for label, year, value in zip(
            labels[table.index], table["year"], table["value_bcm"], strict=True
        )
    ]
    return origin, frames.observations(rows)
