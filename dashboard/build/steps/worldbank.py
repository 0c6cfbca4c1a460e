"""World Bank WDI: GDP and merchandise trade of China and Russia."""

from pathlib import Path

from dashboard.build import model
from dashboard.build.raw import numbers, origin_sources, read_origin, read_table
from dashboard.build.steps import StepOutput

FOLDER = "wb_wdi"
COLUMNS = ["Country Name", "Country Code", "Year", "Value"]
ECONOMIES = ("CHN", "RUS")
# indicator code -> (indicator, reporter is the economy itself)
INDICATORS = {
    "NY.GDP.MKTP.CD": ("gdp", False),
    "TX.VAL.MRCH.CD.WT": ("goods_exports_world", True),
    "TM.VAL.MRCH.CD.WT": ("goods_imports_world", True),
}


def run(raw: Path) -> StepOutput:
    """Load each indicator file named in origin.json; values become US$ billions."""
    folder = raw / FOLDER
    origin = read_origin(folder)
    rows = []
    for entry in origin["files"]:
        indicator, reported = INDICATORS[entry["indicator_code"]]
        path = folder / entry["path"]
        table = read_table(path, COLUMNS)
        table = table[table["Country Code"].isin(ECONOMIES) & (table["Value"] != "")]
        values = (numbers(table, "Value", path) / 1e9).tolist()
        years = numbers(table, "Year", path).astype(int).tolist()
        economies = table["Country Code"].tolist()
        for economy, value, year in zip(economies, values, years, strict=True):
            reporter = economy if reported else ""
            rows.append(
                model.annual(
                    indicator, economy, reporter, year, value, "USD bn", entry["source_id"]
                )
            )
    return StepOutput(model.observations(rows), model.sources(origin_sources(origin)))
