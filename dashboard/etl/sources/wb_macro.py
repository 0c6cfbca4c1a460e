"""World Bank WDI, macro series: GDP per capita (US$ and PPP), real growth, population and the
GDP deflator of China and Russia.

Raw layout: datasets/raw/wb_wdi_macro/<indicator code, lower case>.csv, the layout of wb_wdi
(worldbank.RAW_WB_WDI), each file's origin.json entry naming the project `indicator` it feeds.
Kept apart from wb_wdi, which `make refresh` replaces whole; tier and caveats are in origin.json.
"""

from pathlib import Path

from dashboard.etl.sources.worldbank import read_series
from dashboard.etl.steps import Context, StepOutput

NAME = "wb_wdi_macro"
FOLDER = "wb_wdi_macro"
SHIPPED = True
SCALE = {"USD": 0, "intl $": 0, "percent": 0, "million people": -6}
"""Powers of ten from upstream's figure (US$, international $, percent, persons) to each unit."""


def build(folder: Path, context: Context) -> StepOutput:
    """Each series file as the indicator its origin.json entry names."""
    return read_series(folder, context, SCALE)
