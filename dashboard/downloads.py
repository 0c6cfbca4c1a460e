"""Cited CSV downloads and the full data bundle."""

import io
import zipfile
from pathlib import Path

import pandas as pd

from dashboard import data
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
