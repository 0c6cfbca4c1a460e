"""Energy Institute (2024) and BP (2019) statistical reviews: China's gas imports."""

from pathlib import Path

import pandas as pd

from dashboard.build import model
from dashboard.build.errors import InputError
from dashboard.build.raw import numbers, origin_sources, read_origin, read_table, source_of
from dashboard.build.steps import StepOutput

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


def run(raw: Path) -> StepOutput:
    """China rows of both reviews, in billion cubic metres."""
    ei = _load(raw / "ei_2024", "china_gas_imports.csv", ["series"], EI_SERIES)
    bp = _load(raw / "bp_2019", "china_gas_2018.csv", ["sheet", "column"], BP_SERIES)
    sources = pd.concat(
        [model.sources(origin_sources(read_origin(raw / f))) for f in ("ei_2024", "bp_2019")]
    )
    return StepOutput(pd.concat([ei, bp], ignore_index=True), sources)


def _load(folder: Path, filename: str, key: list[str], series: dict[str, str]) -> pd.DataFrame:
    """Rows whose key columns (joined by '|') name a series; every series must be present."""
    origin = read_origin(folder)
    path = folder / filename
    table = read_table(path, [*key, "year", "value_bcm"])
    labels = table[key].agg("|".join, axis=1)
    missing = sorted(set(series) - set(labels))
    if missing:
        raise InputError(path, f"expected series not found (format changed?): {missing}")
    table = table[labels.isin(list(series))]
    indicators = labels[table.index].map(series).tolist()
    values = numbers(table, "value_bcm", path).tolist()
    years = numbers(table, "year", path).astype(int).tolist()
    source_id = source_of(origin, filename)
    rows = [
        model.annual(indicator, "CHN", "", year, value, "bcm", source_id)
        for indicator, value, year in zip(indicators, values, years, strict=True)
    ]
    return model.observations(rows)
