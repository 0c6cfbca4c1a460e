"""BP Statistical Review of World Energy 2019: China's gas imports and consumption in 2018.

Raw layout: datasets/raw/bp_2019/china_gas_2018.csv (RAW_BP_GAS), billion cubic metres; which
rows feed which indicator is in origin.json (`series`).
"""

from pathlib import Path

from dashboard.etl.reviews import labelled_series
from dashboard.etl.steps import Context, StepOutput
from dashboard.schema.tables import INT, Field, N, S, raw_table, text_fields

NAME = "bp"
FOLDER = "bp_2019"
SHIPPED = True
FILENAME = "china_gas_2018.csv"
SOURCE_ID = "bp-2019-gas"
RAW_BP_GAS = raw_table(
    "bp_2019",
    FILENAME,
    (
        *text_fields("sheet", "row_country"),
        Field("column", S, "column (empty for a one-column sheet)", required=False),
        Field("year", INT, "year"),
        Field("value_bcm", N, "bcm"),
    ),
    ("sheet", "column", "year"),
)


def build(folder: Path, context: Context) -> StepOutput:
    """China rows of the review, in billion cubic metres."""
    return labelled_series(folder, FILENAME, SOURCE_ID, RAW_BP_GAS, ["sheet", "column"], context)
