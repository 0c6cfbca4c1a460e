"""Cited CSV downloads and the full data bundle."""

import io
import zipfile
from pathlib import Path

import pandas as pd

from dashboard.schema import paths, published
from dashboard.schema.vocabulary import FORMULA_STARTS

CSV_COLUMNS = [
    "obs_id",
    "indicator",
    "indicator_title",
    "economy",
    "reporter",
    "period",
    "period_start",
    "period_end",
    "value",
    "value_low",
    "value_high",
    "qualifier",
    "unit",
    "status",
    "kind",
    "source_id",
    "source_producer",
    "source_title",
    "source_url",
    "source_date_published",
    "source_date_accessed",
    "source_citation",
    "source_license",
    "source_quote",
    "source_locator",
    "method",
    "input_obs_ids",
    "input_source_ids",
    "verdict",
    "note",
]
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
    """Exactly the rows a chart shows, each with its source columns."""
    rows = points.sort_values(["indicator", "period_start", "obs_id"])[CSV_COLUMNS]
    return spreadsheet_safe(rows).to_csv(index=False, lineterminator="\n")


def bundle(folder: Path = paths.TIDY) -> bytes:
    """One build's declared files (tables, datapackage.json, README), as one zip."""
    files = published.load(folder).files
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"china-russia-figures/{name}", BUNDLE_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name])
    return buffer.getvalue()
