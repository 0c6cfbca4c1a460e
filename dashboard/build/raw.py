"""Read raw snapshot files with errors that point at the offending line and field."""

import json
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.build.errors import InputError
from dashboard.build.model import QUALIFIERS, REPORTERS, STATUSES

FIRST_DATA_LINE = 2  # line 1 of every CSV is its header
DATE = re.compile(r"^\d{4}(-\d{2}){0,2}$")


def read_table(path: Path, columns: Sequence[str]) -> pd.DataFrame:
    """All cells as text, indexed by line number; the named columns must be present."""
    if not path.is_file():
        raise InputError(path, "file not found")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError) as error:
        raise InputError(path, f"not a readable UTF-8 CSV file ({error})") from error
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(path, f"missing column(s): {', '.join(missing)}")
    frame.index = pd.RangeIndex(FIRST_DATA_LINE, FIRST_DATA_LINE + len(frame))
    return frame


def cells(frame: pd.DataFrame, column: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of every cell of a column read by read_table."""
    for line, text in zip(frame.index.tolist(), frame[column].tolist(), strict=True):
        yield int(line), str(text)


def records(frame: pd.DataFrame) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, row as a dict) of every row read by read_table."""
    for line, row in zip(frame.index.tolist(), frame.to_dict("records"), strict=True):
        yield int(line), {str(k): v for k, v in row.items()}


def numbers(frame: pd.DataFrame, column: str, path: Path, required: bool = True) -> pd.Series:
    """The column as floats; a non-numeric (or, if required, empty) cell is an error."""
    values = [_number(text, path, line, column, required) for line, text in cells(frame, column)]
    return pd.Series(values, index=frame.index, dtype="float64")


def _number(text: str, path: Path, line: int, column: str, required: bool) -> float:
    text = text.strip()
    if not text:
        if required:
            raise InputError(path, "value is empty", line, column)
        return math.nan
    try:
        value = float(text)
    except ValueError:
        raise InputError(path, f"not a number: {text!r}", line, column) from None
    if not math.isfinite(value):
        raise InputError(path, f"not a finite number: {text!r}", line, column)
    return value


def check_choice(frame: pd.DataFrame, column: str, allowed: Sequence[str], path: Path) -> None:
    """Every cell of the column is one of the allowed values."""
    for line, text in cells(frame, column):
        if text not in allowed:
            raise InputError(path, f"{text!r} is not one of {list(allowed)}", line, column)


def check_dates(frame: pd.DataFrame, column: str, path: Path, required: bool = True) -> None:
    """Every cell is an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)."""
    for line, text in cells(frame, column):
        if not text and not required:
            continue
        if not DATE.match(text):
            raise InputError(path, f"not an ISO date: {text!r}", line, column)


def check_unique(frame: pd.DataFrame, key: Sequence[str], path: Path) -> None:
    """No two rows share the key."""
    duplicated = frame[frame.duplicated(list(key), keep=False)]
    if len(duplicated):
        lines = ", ".join(str(i) for i in duplicated.index)
        values = " / ".join(duplicated.iloc[0][list(key)])
        raise InputError(path, f"duplicate key ({', '.join(key)}) = {values} on lines {lines}")


def check_known(frame: pd.DataFrame, column: str, known: set[str], path: Path, what: str) -> None:
    """Every cell names something that exists."""
    for line, text in cells(frame, column):
        if text not in known:
            raise InputError(path, f"unknown {what} {text!r}", line, column)


def stated_observations(
    frame: pd.DataFrame, path: Path, units: Mapping[str, str], source_ids: set[str]
) -> pd.DataFrame:
    """Check hand-entered observation rows (statements, claims) and return them typed."""
    check_known(frame, "source_id", source_ids, path, "source id")
    check_known(frame, "indicator", set(units), path, "indicator")
    check_choice(frame, "reporter", REPORTERS, path)
    check_choice(frame, "qualifier", QUALIFIERS, path)
    check_choice(frame, "status", STATUSES, path)
    check_dates(frame, "period_start", path)
    check_dates(frame, "period_end", path)
    for line, row in records(frame):
        if row["unit"] != units[row["indicator"]]:
            message = f"unit {row['unit']!r} does not match {units[row['indicator']]!r}"
            raise InputError(path, f"{message}, the unit of {row['indicator']}", line, "unit")
    check_unique(frame, ["source_id", "indicator", "economy", "reporter", "period"], path)
    typed = frame.copy()
    typed["value"] = numbers(frame, "value", path)
    typed["value_low"] = numbers(frame, "value_low", path, required=False)
    typed["value_high"] = numbers(frame, "value_high", path, required=False)
    _check_ranges(typed, path)
    return typed


def _check_ranges(frame: pd.DataFrame, path: Path) -> None:
    for line, row in records(frame):
        has_bounds = not (math.isnan(row["value_low"]) or math.isnan(row["value_high"]))
        if (row["qualifier"] == "range") != has_bounds:
            message = "value_low and value_high are given if and only if qualifier is 'range'"
            raise InputError(path, message, line, "qualifier")
        if has_bounds and not row["value_low"] <= row["value"] <= row["value_high"]:
            raise InputError(path, "value lies outside value_low..value_high", line, "value")
        if row["period_start"] > row["period_end"]:
            raise InputError(path, "period_start is after period_end", line, "period_start")


def read_origin(folder: Path) -> dict[str, Any]:
    """The provenance record (origin.json) of a raw snapshot folder."""
    path = folder / "origin.json"
    if not path.is_file():
        raise InputError(path, "file not found")
    try:
        origin: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise InputError(path, f"not valid JSON ({error})", error.lineno) from error
    return origin


def origin_sources(origin: Mapping[str, Any]) -> list[dict[str, str]]:
    """One source row per file of an official-series origin (file fields override)."""
    license_ = origin.get("license", {})
    base = {k: v for k, v in origin.items() if isinstance(v, str)}
    base |= {"license_name": license_.get("name", ""), "license_url": license_.get("url", "")}
    rows = []
    for entry in origin["files"]:
        row = base | {k: v for k, v in entry.items() if isinstance(v, str)}
        rows.append(row)
    return rows


def source_of(origin: Mapping[str, Any], filename: str) -> str:
    """The source id that origin.json gives to one of its files."""
    for entry in origin["files"]:
        if entry["path"] == filename:
            return str(entry["source_id"])
    raise InputError(filename, "no entry for this file in origin.json")
