"""Statistical-review tables (Energy Institute, BP): rows named by a label, in bcm."""

from pathlib import Path
from typing import Any

from dashboard.etl import frames
from dashboard.etl.errors import InputError
from dashboard.etl.rawfiles import origin_sources, read_csv, read_origin, source_of
from dashboard.etl.steps import StepOutput
from dashboard.schema.tables import Table


def labelled_series(
    folder: Path,
    filename: str,
    expected: str,
    layout: Table,
    key: list[str],
    series: dict[str, str],
) -> StepOutput:
    """China's rows whose key columns (joined by '|') name a series of `series` (label ->
    indicator); every series must be present."""
    origin: dict[str, Any] = read_origin(folder)
    source_id = source_of(origin, folder, filename, {expected})
    path = folder / filename
    table = read_csv(path, layout)
    labels = table[key].agg("|".join, axis=1)
    missing = sorted(set(series) - set(labels))
    if missing:
        raise InputError(path, f"expected series not found (format changed?): {missing}")
    table = table[labels.isin(list(series))]
    rows = [
        frames.annual(series[label], "CHN", "", int(year), frames.as_shown(value), "bcm", source_id)
        for label, year, value in zip(
            labels[table.index], table["year"], table["value_bcm"], strict=True
        )
    ]
    return StepOutput(frames.observations(rows), frames.sources(origin_sources(origin)))
