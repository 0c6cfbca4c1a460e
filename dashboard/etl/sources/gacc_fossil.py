"""China customs (GACC) monthly imports from Russia of crude oil, LNG, pipeline gas and coal,
2010-01 to 2024-12, via Wind and CREA's repository.

Raw layout: datasets/raw/gacc_fossil_ru/series.csv (RAW_SERIES: Wind metadata per series,
unit included) and monthly_values.csv (RAW_VALUES: month YYYY-MM, series id, value in the
series' unit). 0.00 means no data published, not zero trade: such months are left out (a
visible gap). Coking coal, steam coal and LPG (sub-totals and a product with no indicator)
are read and checked but not published.
"""

import re
from pathlib import Path
from typing import Any

from dashboard.etl import frames
from dashboard.etl.errors import InputError
from dashboard.etl.rawfiles import caveated_sources, read_csv, read_origin, records, source_of
from dashboard.etl.steps import Context, StepOutput
from dashboard.schema.tables import Field, N, S, raw_table, text_fields

NAME = "gacc_fossil"
FOLDER = "gacc_fossil_ru"
SHIPPED = True
SERIES_FILE = "series.csv"
VALUES_FILE = "monthly_values.csv"
SOURCE_ID = "gacc-wind-fossil-ru"
MONTH = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])")
# series id -> (indicator, unit the series must have, power of ten to the indicator's unit)
SERIES = {
    "S5429087": ("oil_cn_crude_imports_from_ru_mass", "kg", -9),
    "S5429119": ("oil_cn_crude_imports_from_ru_value", "USD", -9),
    "S5118566": ("gas_cn_lng_imports_from_ru_mass", "kg", -9),
    "S5118575": ("gas_cn_lng_imports_from_ru_value", "USD", -9),
    "S5151677": ("gas_cn_pipeline_imports_from_ru_mass", "kg", -9),
    "S5151679": ("gas_cn_pipeline_imports_from_ru_value", "USD", -9),
    "S5103045": ("coal_cn_imports_from_ru_mass", "ton", -6),
    "S5103050": ("coal_cn_imports_from_ru_value", "USD", -9),
}
NOT_PUBLISHED = {"S5103143", "S5103091", "Z5727473", "S5103148", "S5103096"}
RAW_SERIES = raw_table(
    "gacc_fossil_series",
    SERIES_FILE,
    text_fields("series_id", "name", "country_field", "frequency", "unit", "source", "updated"),
    ("series_id",),
)
RAW_VALUES = raw_table(
    "gacc_fossil_values",
    VALUES_FILE,
    (Field("month", S, "YYYY-MM"), Field("series_id", S, "series_id"), Field("value", N, "value")),
    ("month", "series_id"),
)


def build(folder: Path, context: Context) -> StepOutput:
    """The monthly series with an indicator, in Mt and US$ billions; zeros (no data) left out."""
    origin = read_origin(folder)
    units = _series_units(folder / SERIES_FILE)
    path = folder / VALUES_FILE
    source_id = source_of(origin, folder, VALUES_FILE, {SOURCE_ID})
    rows: list[dict[str, Any]] = []
    for line, row in records(read_csv(path, RAW_VALUES)):
        series_id = str(row["series_id"])
        if series_id not in units:
            raise InputError(path, f"series {series_id!r} not in {SERIES_FILE}", line, "series_id")
        found = MONTH.fullmatch(str(row["month"]))
        if not found:
            raise InputError(path, f"not a month YYYY-MM: {row['month']!r}", line, "month")
        if row["value"] < 0:
            raise InputError(path, f"negative value {row['value']:g}", line, "value")
        if series_id in NOT_PUBLISHED or row["value"] == 0:
            continue
        indicator, _, power = SERIES[series_id]
        value = frames.scaled(row["value"], power)
        note = f"Wind series {series_id} ({units[series_id]})"
        rows.append(
            frames.monthly(
                indicator,
                "CHN",
                "CHN",
                int(found[1]),
                int(found[2]),
                value,
                context.units[indicator],
                source_id,
                note,
            )
        )
    published = [s for s in caveated_sources(origin) if s["source_id"] == SOURCE_ID]
    return StepOutput(frames.observations(rows), frames.sources(published))


def _series_units(path: Path) -> dict[str, str]:
    """Each series' unit from the metadata file, checked against what the step expects."""
    units = {}
    for line, row in records(read_csv(path, RAW_SERIES)):
        series_id = str(row["series_id"])
        if series_id not in SERIES and series_id not in NOT_PUBLISHED:
            raise InputError(path, f"unknown series {series_id!r}", line, "series_id")
        if series_id in SERIES and row["unit"] != SERIES[series_id][1]:
            raise InputError(
                path, f"unit {row['unit']!r}, expected {SERIES[series_id][1]!r}", line, "unit"
            )
        if row["frequency"] != "Month":
            raise InputError(path, f"frequency {row['frequency']!r}", line, "frequency")
        units[series_id] = str(row["unit"])
    missing = set(SERIES) - set(units)
    if missing:
        raise InputError(path, f"series missing: {sorted(missing)}")
    return units
