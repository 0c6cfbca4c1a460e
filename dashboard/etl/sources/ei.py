"""Energy Institute, Statistical Review of World Energy 2024: China's gas imports.

Raw layout: datasets/raw/ei_2024/china_gas_imports.csv (RAW_EI_GAS), billion cubic metres.
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
SERIES = {
    "China total imports (pipeline+LNG)": "gas_cn_imports_total",
    "China pipeline imports (total)": "gas_cn_pipeline_imports",
    "China pipeline imports of which: Russian Federation": "gas_cn_pipeline_imports_from_ru",
    "China LNG imports": "gas_cn_lng_imports",
}
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
    return labelled_series(folder, FILENAME, SOURCE_ID, RAW_EI_GAS, ["series"], SERIES)
