"""Statistical-review tables (Energy Institute, BP): rows named by a label, in bcm.

Which labelled rows feed which indicator is data: the file's entry in origin.json maps each
label (its key columns joined by '|') to an indicator (`"series": {label: indicator}`).
"""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dashboard.etl import frames
from dashboard.etl.errors import InputError
from dashboard.etl.rawfiles import ORIGIN, origin_sources, read_csv, read_origin, source_of
from dashboard.etl.steps import Context, StepOutput
from dashboard.schema.tables import Table

UNIT = "bcm"


def labelled_series(
    folder: Path, filename: str, expected: str, layout: Table, key: list[str], context: Context
) -> StepOutput:
    """China's rows whose key columns name a series of the file's origin entry; every series
    must be present."""
    origin: dict[str, Any] = read_origin(folder)
    source_id = source_of(origin, folder, filename, {expected})
    entry = next(e for e in origin["files"] if e["path"] == filename)
    series = _series(entry, folder / ORIGIN, context.units)
    path = folder / filename
    table = read_csv(path, layout)
    labels = table[key].agg("|".join, axis=1)
    missing = sorted(set(series) - set(labels))
    if missing:
        raise InputError(path, f"expected series not found (format changed?): {missing}")
    table = table[labels.isin(list(series))]
    rows = [
        frames.annual(series[label], "CHN", "", int(year), frames.as_shown(value), UNIT, source_id)
        for label, year, value in zip(
            labels[table.index], table["year"], table["value_bcm"], strict=True
        )
    ]
    return StepOutput(frames.observations(rows), frames.sources(origin_sources(origin)))


def _series(entry: Mapping[str, Any], origin: Path, units: Mapping[str, str]) -> dict[str, str]:
    """The entry's label -> indicator map, each indicator known and in bcm."""
    series = entry.get("series")
    if not isinstance(series, dict) or not series:
        raise InputError(origin, f"{entry['path']}: no 'series' map (label -> indicator)")
    for label, indicator in series.items():
        if units.get(indicator) != UNIT:
            message = f"{entry['path']}: series {label!r} feeds {indicator!r}, not one in bcm"
            raise InputError(origin, message, field="series")
    return {str(k): str(v) for k, v in series.items()}
