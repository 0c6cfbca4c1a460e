"""IMF Direction of Trade Statistics: China–Russia flows and world totals, both reporters."""

from pathlib import Path

from dashboard.build import model
from dashboard.build.errors import InputError
from dashboard.build.raw import (
    numbers,
    origin_sources,
    read_origin,
    read_table,
    records,
    source_of,
)
from dashboard.build.steps import StepOutput

FOLDER = "imf_dots"
FILENAME = "dots_china_russia.csv"
COLUMNS = ["reporter", "indicator", "partner", "year", "value_usd_millions"]
REPORTERS = {"China, P.R.: Mainland": "CHN", "Russian Federation": "RUS"}
SHEETS = ("Exports, FOB", "Imports, CIF")

# (reporter, sheet) -> indicator of the China–Russia flow it measures
BILATERAL = {
    ("CHN", "Exports, FOB"): "trade_cn_exports_to_ru",
    ("CHN", "Imports, CIF"): "trade_cn_imports_from_ru",
    ("RUS", "Exports, FOB"): "trade_cn_imports_from_ru",
    ("RUS", "Imports, CIF"): "trade_cn_exports_to_ru",
}
WORLD = {"Exports, FOB": "goods_exports_world", "Imports, CIF": "goods_imports_world"}


def run(raw: Path) -> StepOutput:
    """Load the DOTS extract; values become US$ billions."""
    folder = raw / FOLDER
    origin = read_origin(folder)
    path = folder / FILENAME
    table = read_table(path, COLUMNS)
    values = (numbers(table, "value_usd_millions", path) / 1000).tolist()
    years = numbers(table, "year", path).astype(int).tolist()
    source_id = source_of(origin, FILENAME)
    rows = []
    for (line, row), value, year in zip(records(table), values, years, strict=True):
        reporter = _reporter(row["reporter"], path, line)
        if row["indicator"] not in SHEETS:
            raise InputError(path, f"unknown indicator {row['indicator']!r}", line, "indicator")
        if row["partner"] == "World":
            indicator, economy = WORLD[row["indicator"]], reporter
        else:
            indicator, economy = BILATERAL[(reporter, row["indicator"])], "CHN-RUS"
        note = f"{row['reporter']}: {row['indicator']}, partner {row['partner']}"
        rows.append(
            model.annual(indicator, economy, reporter, year, value, "USD bn", source_id, note)
        )
    return StepOutput(model.observations(rows), model.sources(origin_sources(origin)))


def _reporter(name: str, path: Path, line: int) -> str:
    if name not in REPORTERS:
        raise InputError(path, f"unknown reporter {name!r}", line, "reporter")
    return REPORTERS[name]
