"""Check a freshly fetched snapshot against the one it would replace, then swap it in whole."""

import hashlib
import json
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.build.write import replace_all
from dashboard.refresh.http import SourceError

JUMP_REPORTED = 3.0  # a value moving by more than this factor is reported
JUMP_REFUSED = 5.0  # a median move by more than this factor means the unit changed


@dataclass
class Table:
    """One raw file of a snapshot, with the columns that identify and measure its rows."""

    name: str
    frame: pd.DataFrame
    key: list[str]
    value: str
    year: str


@dataclass
class Outcome:
    """How one source's refresh ended, for the summary table."""

    source: str
    status: str  # updated, unchanged or failed
    rows: int = 0
    years: str = ""
    changes: str = ""


@dataclass
class Snapshot:
    """What a source fetched: its raw files and the provenance to record beside them."""

    source: str
    folder: Path
    tables: list[Table]
    origin: dict[str, Any]
    notes: list[str] = field(default_factory=list)


def now() -> str:
    """Retrieval time, UTC, to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A raw file as written by the refresh."""
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


def compare(table: Table, path: Path) -> list[str]:
    """Notes on what changed; raises SourceError when the new table must not replace the old."""
    if not path.is_file():
        return [f"{table.name}: new file"]
    old = pd.read_csv(path, dtype=str, keep_default_na=False)
    if list(old.columns) != list(table.frame.columns):
        raise SourceError(
            str(path), f"columns changed: {list(old.columns)} -> {list(table.frame.columns)}"
        )
    new = table.frame.astype(str)
    keys = [*table.key, table.year]
    old_keys = set(map(tuple, old[keys].to_numpy().tolist()))
    new_keys = set(map(tuple, new[keys].to_numpy().tolist()))
    lost = old_keys - new_keys
    if lost:
        example = ", ".join(map(str, sorted(lost)[0]))
        raise SourceError(
            str(path), f"coverage would shrink: {len(lost)} rows gone (e.g. {example})"
        )
    return _jumps(table, old, path) + [f"{table.name}: {len(new_keys - old_keys)} new rows"]


def _jumps(table: Table, old: pd.DataFrame, path: Path) -> list[str]:
    keys = [*table.key, table.year]
    merged = old.merge(table.frame.astype(str), on=keys, suffixes=("_old", "_new"))
    ratios = []
    for before, after in zip(
        merged[f"{table.value}_old"], merged[f"{table.value}_new"], strict=True
    ):
        a, b = _float(before), _float(after)
        if a and b and math.isfinite(a) and math.isfinite(b):
            ratios.append(b / a)
    if not ratios:
        return []
    median = float(pd.Series(ratios).median())
    if median >= JUMP_REFUSED or median <= 1 / JUMP_REFUSED:
        raise SourceError(
            str(path), f"values moved {median:.3g}× against the previous snapshot (unit changed?)"
        )
    jumped = sum(1 for r in ratios if r > JUMP_REPORTED or r < 1 / JUMP_REPORTED)
    revised = sum(1 for r in ratios if r != 1)
    notes = [f"{table.name}: {revised} values revised"]
    if jumped:
        notes.append(
            f"{table.name}: {jumped} values moved more than {JUMP_REPORTED:g}× (check them)"
        )
    return notes


def _float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return math.nan


def commit(snapshot: Snapshot) -> Outcome:
    """Validate every file, then replace the whole folder at once, or change nothing."""
    notes = list(snapshot.notes)
    files: dict[str, bytes] = {}
    for table in snapshot.tables:
        if table.frame.empty:
            raise SourceError(snapshot.source, f"{table.name}: empty result")
        notes += compare(table, snapshot.folder / table.name)
        files[table.name] = csv_bytes(table.frame)
    rows = sum(len(t.frame) for t in snapshot.tables)
    years = pd.concat([pd.to_numeric(t.frame[t.year]) for t in snapshot.tables])
    span = f"{int(years.min())}–{int(years.max())}"
    unchanged = all(
        (snapshot.folder / name).is_file() and (snapshot.folder / name).read_bytes() == data
        for name, data in files.items()
    )
    if unchanged:
        return Outcome(snapshot.source, "unchanged", rows, span, "same data as before")
    origin = snapshot.origin
    for entry in origin["files"]:
        data = files[entry["path"]]
        entry |= {"sha256": hashlib.sha256(data).hexdigest(), "rows": data.count(b"\n") - 1}
    files["origin.json"] = (json.dumps(origin, indent=2, ensure_ascii=False) + "\n").encode()
    replace_all(snapshot.folder, files)
    changed = [n for n in notes if not n.endswith(": 0 new rows") and " 0 values" not in n]
    return Outcome(snapshot.source, "updated", rows, span, "; ".join(changed))
