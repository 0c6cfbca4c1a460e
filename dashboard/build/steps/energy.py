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
    ("Gas - Trade movts - pipeline", "Total imports"): "gas_cn_pipeline_imports",
    ("Gas - Trade movts - pipeline", "Russian Federation (exporter)"): (
        "gas_cn_pipeline_imports_from_ru"
    ),
    ("Gas - Trade movts LNG", "Total imports"): "gas_cn_lng_imports",
    ("Gas - Trade movts LNG", "Russian Federation (exporter)"): "gas_cn_lng_imports_from_ru",
    ("Gas Consumption - Bcm", ""): "gas_cn_consumption",
}


def run(raw: Path) -> StepOutput:
    """China rows of both reviews, in billion cubic metres."""
    ei = _load(raw / "ei_2024", "china_gas_imports.csv", ["series"], EI_SERIES)
    bp = _load(raw / "bp_2019", "china_gas_2018.csv", ["sheet", "column"], BP_SERIES)
    sources = pd.concat(
        [model.sources(origin_sources(read_origin(raw / f))) for f in ("ei_2024", "bp_2019")]
    )
    return StepOutput(pd.concat([ei, bp], ignore_index=True), sources)


def _load(
    folder: Path, filename: str, key: list[str], series: dict[object, str]
) -> pd.DataFrame:
    origin = read_origin(folder)
    path = folder / filename
    table = read_table(path, [*key, "year", "value_bcm"])
    labels = table[key].apply(lambda r: r.iloc[0] if len(key) == 1 else tuple(r), axis=1)
    missing = set(series) - set(labels)
    if missing:
        raise InputError(path, f"expected series not found (format changed?): {sorted(missing)}")
    table = table[labels.isin(list(series))]
    values = numbers(table, "value_bcm", path)
    years = numbers(table, "year", path)
    source_id = source_of(origin, filename)
    rows = [
        {
            "indicator": series[labels[line]],
            "economy": "CHN",
            **model.year_period(int(years[line])),
            "value": values[line],
            "qualifier": "=",
            "unit": "bcm",
            "status": "reported",
            "kind": "official_series",
            "source_id": source_id,
        }
        for line in table.index
    ]
    return model.observations(rows)
