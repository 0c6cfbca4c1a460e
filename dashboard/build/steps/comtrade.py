"""UN Comtrade (written by `make refresh`; absent from the shipped snapshot): both reporters."""

from pathlib import Path

from dashboard.build import model
from dashboard.build.errors import InputError
from dashboard.build.raw import numbers, origin_sources, read_origin, read_table, records, source_of
from dashboard.build.steps import StepOutput

FOLDER = "comtrade"
FILENAME = "china_russia.csv"
COLUMNS = ["reporter_iso", "partner_iso", "flow_code", "year", "primary_value_usd"]
# (reporter, flow) -> the China–Russia flow it measures
FLOWS = {
    ("CHN", "X"): "trade_cn_exports_to_ru",
    ("CHN", "M"): "trade_cn_imports_from_ru",
    ("RUS", "X"): "trade_cn_imports_from_ru",
    ("RUS", "M"): "trade_cn_exports_to_ru",
}


def run(raw: Path) -> StepOutput:
    """Comtrade flows in US$ billions, or nothing when no Comtrade snapshot was fetched."""
    folder = raw / FOLDER
    if not folder.is_dir():
        return StepOutput(model.observations([]), model.sources([]))
    origin = read_origin(folder)
    path = folder / FILENAME
    table = read_table(path, COLUMNS)
    values = (numbers(table, "primary_value_usd", path) / 1e9).tolist()
    years = numbers(table, "year", path).astype(int).tolist()
    source_id = source_of(origin, FILENAME)
    rows = []
    for (line, row), value, year in zip(records(table), values, years, strict=True):
        flow = (row["reporter_iso"], row["flow_code"])
        if flow not in FLOWS:
            raise InputError(path, f"unknown reporter/flow {flow}", line, "flow_code")
        rows.append(
            model.annual(
                FLOWS[flow], "CHN-RUS", row["reporter_iso"], year, value, "USD bn", source_id
            )
        )
    return StepOutput(model.observations(rows), model.sources(origin_sources(origin)))
