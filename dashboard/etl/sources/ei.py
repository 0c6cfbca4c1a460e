"""Energy Institute, Statistical Review of World Energy 2024: China's gas imports.

Raw layout: datasets/raw/ei_2024/china_gas_imports.csv (RAW_EI_GAS), billion cubic metres; which
rows feed which indicator is in origin.json (`series`).
"""

from pathlib import Path

from dashboard.etl.reviews import labelled_series
from dashboard.etl.steps import Context, StepOutput
from dashboard.schema.tables import INT, Field, N, raw_table, text_fields

NAME = "ei"
FOLDER = "ei_2024"
SHIPPED = True
FILENAME = "china_gas_imports.csv"
SOURCE_ID = "ei-2024-gas-trade"
RAW_EI_GAS = raw_table(
    "ei_2024",
    FILENAME,
    (
        *text_fields("sheet", "excel_row", "series", "raw_label"),
        Field("year", INT, "year"),
        Field("value_bcm", N, "bcm"),
    ),
    ("series", "year"),
)


def build(folder: Path, context: Context) -> StepOutput:
    """China rows of the review, in billion cubic metres."""
    return labelled_series(folder, FILENAME, SOURCE_ID, RAW_EI_GAS, ["series"], context)
