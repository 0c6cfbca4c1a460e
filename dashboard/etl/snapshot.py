"""A refreshed raw snapshot: its files, its provenance, and the checks against the last one.

The comparison works per series (the columns that identify one line of values, e.g. one
economy's GDP), never on a pooled median: a series whose values move by JUMP_REFUSED times
or more (median over its years) is refused as a unit change, and a row that disappears, or
whose value becomes empty, is a lost row and refuses the snapshot.
"""

import io
import json
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from statistics import median
from typing import Any

import pandas as pd

from dashboard.etl.http import SourceError
from dashboard.etl.rawfiles import file_record

JUMP_REPORTED = 3.0
JUMP_REFUSED = 5.0


@dataclass
class RawFile:
    """One raw file of a snapshot, with the columns that identify and measure its rows."""

    name: str
    frame: pd.DataFrame
    series: list[str]
    year: str
    value: str

    def data(self) -> bytes:
        """The file's bytes as written to datasets/raw."""
        return self.frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


@dataclass
class Snapshot:
    """What a source fetched: its raw files and the provenance to record beside them."""

    source: str
    files: list[RawFile]
    origin: dict[str, Any]
    notes: list[str] = field(default_factory=list)

    def contents(self) -> dict[str, bytes]:
        """Every file of the folder, origin.json with each file's SHA-256 and row count."""
        out = {f.name: f.data() for f in self.files}
        for entry in self.origin["files"]:
            data = out[entry["path"]]
            entry |= file_record(data)
        text = json.dumps(self.origin, indent=2, ensure_ascii=False) + "\n"
        return out | {"origin.json": text.encode("utf-8")}

    def span(self) -> str:
        """First and last period covered (years, or months as the raw file writes them)."""
        periods = pd.concat([f.frame[f.year].astype(str) for f in self.files])
        return f"{periods.min()}–{periods.max()}" if len(periods) else ""


def now() -> str:
    """Retrieval time, UTC, to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def compare(new: RawFile, folder: Path) -> list[str]:
    """Notes on what changed against the file it would replace; SourceError if it must not."""
    path = folder / new.name
    if not path.is_file():
        return [f"{new.name}: new file"]
    old = pd.read_csv(path, dtype=str, keep_default_na=False)
    if list(old.columns) != list(new.frame.columns):
        raise SourceError(
            str(path), f"columns changed: {list(old.columns)} -> {list(new.frame.columns)}"
        )
    fresh = pd.read_csv(io.BytesIO(new.data()), dtype=str, keep_default_na=False)
    keys = [*new.series, new.year]
    merged = old.merge(fresh, on=keys, how="left", suffixes=("_old", "_new"), indicator=True)
    had = merged[f"{new.value}_old"] != ""
    lost = merged[had & ((merged["_merge"] == "left_only") | (merged[f"{new.value}_new"] == ""))]
    if len(lost):
        example = ", ".join(str(lost.iloc[0][k]) for k in keys)
        raise SourceError(str(path), f"{len(lost)} rows would be lost or emptied (e.g. {example})")
    notes = _jumps(new, merged[merged["_merge"] == "both"], path)
    added = len(fresh) - int((merged["_merge"] == "both").sum())
    return [*notes, f"{new.name}: {added} new rows"] if added else notes


def _jumps(new: RawFile, both: pd.DataFrame, path: Path) -> list[str]:
    revised, jumped = 0, 0
    for series, rows in both.groupby(new.series, sort=True):
        ratios = []
        for before, after in zip(rows[f"{new.value}_old"], rows[f"{new.value}_new"], strict=True):
            a, b = _float(before), _float(after)
            if a != b:
                revised += 1
            if a and b and math.isfinite(a) and math.isfinite(b):
                ratios.append(b / a)
        if not ratios:
            continue
        middle = median(ratios)
        if middle >= JUMP_REFUSED or middle <= 1 / JUMP_REFUSED or middle < 0:
            name = " / ".join(map(str, series if isinstance(series, tuple) else (series,)))
            raise SourceError(
                str(path),
                f"series {name}: values moved {middle:.3g}× against the previous snapshot "
                "(unit changed?)",
            )
        jumped += sum(1 for r in ratios if r > JUMP_REPORTED or r < 1 / JUMP_REPORTED)
    notes = [f"{new.name}: {revised} values revised"] if revised else []
    if jumped:
        notes.append(f"{new.name}: {jumped} values moved more than {JUMP_REPORTED:g}× (check them)")
    return notes


def _float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return math.nan
