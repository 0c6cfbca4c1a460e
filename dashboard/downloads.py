"""Cited CSV downloads and the full data bundle."""

import io
import math
import zipfile
from pathlib import Path

import pandas as pd

from dashboard import data
from dashboard.charts.plotting import Drawing
from dashboard.schema import paths, published
from dashboard.schema.vocabulary import FORMULA_STARTS

BUNDLE_NAME = "china-russia-figures.zip"
BUNDLE_DATE = (2026, 1, 1, 0, 0, 0)  # fixed, so the bundle's bytes depend only on the data


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula get a leading apostrophe."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(
                lambda v: f"'{v}" if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v
            )
    return safe


def chart_csv(points: pd.DataFrame) -> str:
    """Exactly the rows a chart shows, as cited rows."""
    return as_csv(data.cited_rows(points.sort_values(["indicator", "period_start", "obs_id"])))


def transformed_csv(points: pd.DataFrame, drawing: Drawing, transform: str) -> str:
    """The rows a chart shows in a transform, as cited rows: each transformed point is the
    row of the last observation it stands for, with the transform named (`transform`), the
    transformed `value` and `unit`, and the level it came from (`value_level`; empty for a
    total of months, whose observations `input_obs_ids` lists)."""
    cited = data.cited_rows(points).set_index("obs_id", drop=False)
    rows = []
    for track in drawing.tracks:
        for n, inputs in enumerate(track.inputs):
            if inputs[-1] not in cited.index:
                continue
            row = cited.loc[inputs[-1]].to_dict()
            level = row["value"] if len(inputs) == 1 else math.nan
            row |= {"value": track.y[n], "value_level": level, "unit": track.units[n]}
            row |= {"value_low": math.nan, "value_high": math.nan, "transform": transform}
            if len(inputs) > 1:
                row |= {"period": track.periods[n], "input_obs_ids": ";".join(inputs)}
            rows.append(row)
    columns = list(cited.columns)
    at = columns.index("value") + 1
    columns[at:at] = ["transform", "value_level"]
    frame = pd.DataFrame(rows, columns=columns)
    return as_csv(frame.sort_values(["indicator", "series", "period", "obs_id"]))


def as_csv(frame: pd.DataFrame) -> str:
    """UTF-8 CSV (no BOM), with cells a spreadsheet would run as a formula defused."""
    return spreadsheet_safe(frame).to_csv(index=False, lineterminator="\n")


def bundle(folder: Path = paths.TIDY) -> bytes:
    """One build's declared files (tables, datapackage.json, README) and every observation as
    a cited row (published.CITED_FILE), as one zip."""
    files = published.load(folder).files | {
        published.CITED_FILE: as_csv(data.cited_rows(data.load(folder).points)).encode("utf-8")
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"china-russia-figures/{name}", BUNDLE_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name])
    return buffer.getvalue()
