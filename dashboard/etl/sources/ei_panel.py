"""Energy Institute, Statistical Review of World Energy 2025 (panel format): natural gas
consumption and production of China and Russia, to 2024.

Raw layout: datasets/raw/ei_2025/panel_gas_oil.csv (RAW_EI_PANEL), long rows (iso3, year,
variable, value) melted from the producer's panel, units per variable in origin.json. In this
panel 0 means no data (Russia before 1985): a zero gives no row. Caveats are in origin.json.
"""

from pathlib import Path

from dashboard.etl import frames
from dashboard.etl.rawfiles import origin_sources, read_csv, read_origin, records, source_of
from dashboard.etl.steps import Context, StepOutput
from dashboard.schema.tables import INT, Field, N, S, raw_table

NAME = "ei_panel"
FOLDER = "ei_2025"
SHIPPED = True
FILENAME = "panel_gas_oil.csv"
SOURCE_ID = "ei-2025-panel"
VARIABLES = (
    *("gascons_bcm", "gascons_ej", "gasprod_bcm", "gasprod_ej"),
    *("oilcons_kbd", "oilcons_mt", "oilprod_kbd", "oilprod_mt"),
    *("oilprod_crudecond_kbd", "refthru_kbd"),
)
SERIES = {  # (economy, variable) -> indicator
    ("CHN", "gascons_bcm"): "gas_cn_consumption",
    ("CHN", "gasprod_bcm"): "gas_cn_production",
    ("RUS", "gasprod_bcm"): "gas_ru_production",
}
RAW_EI_PANEL = raw_table(
    "ei_panel",
    FILENAME,
    (
        Field("iso3", S, "economy (CHN, RUS, WLD)", enum=("CHN", "RUS", "WLD")),
        Field("year", INT, "year"),
        Field("variable", S, "panel variable (units in origin.json)", enum=VARIABLES),
        Field("value", N, "value in the variable's unit; 0 means no data"),
    ),
    ("iso3", "year", "variable"),
)


def build(folder: Path, context: Context) -> StepOutput:
    """China's gas consumption and production and Russia's production, in bcm; no row where
    the panel's 0 means no data."""
    origin = read_origin(folder)
    source_id = source_of(origin, folder, FILENAME, {SOURCE_ID})
    table = read_csv(folder / FILENAME, RAW_EI_PANEL)
    units = context.units
    rows = [
        frames.annual(
            indicator,
            row["iso3"],
            "",
            int(row["year"]),
            frames.as_shown(row["value"]),
            units[indicator],
            source_id,
        )
        for _, row in records(table)
        if (indicator := SERIES.get((row["iso3"], row["variable"]))) and row["value"] != 0
    ]
    return StepOutput(frames.observations(rows), frames.sources(origin_sources(origin)))
