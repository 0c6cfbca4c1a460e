"""Read raw snapshot files strictly, with errors that name the file, line and field.

A file is refused, not guessed at, when it is empty, not UTF-8, cut in the middle of a line,
has a row with too few or too many fields, a number that is not a finite decimal, a date
that is not ISO 8601, a value outside its vocabulary, or a duplicate key. Every file of a
folder must be listed in its origin.json with the SHA-256 of its bytes.
"""

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.etl.errors import InputError
from dashboard.schema.tables import PARTIAL_DATE, Table

ORIGIN = "origin.json"
NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
INTEGER = re.compile(r"[+-]?\d+")
DATE = re.compile(PARTIAL_DATE)


def read_text(path: Path) -> str:
    """A whole file as UTF-8 text that ends with a line break."""
    if not path.is_file():
        raise InputError(path, "file not found")
    data = path.read_bytes()
    if not data.strip():
        raise InputError(path, "file is empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(path, f"not UTF-8 text (byte {error.start})", line) from None
    if not text.endswith("\n"):
        line = text.count("\n") + 1
        raise InputError(path, "the file ends in the middle of a line (cut short?)", line)
    return text.removeprefix("\ufeff")


def read_csv(path: Path, table: Table) -> pd.DataFrame:
    """The file's rows as typed columns, indexed by line number (line 1 is the header).

    Text stays str ('' when empty), numbers become float (NaN when an optional cell is
    empty), integers int (or pandas NA when optional and empty).
    """
    header, rows, lines = _rows(path)
    expected = set(table.columns)
    if set(header) != expected:
        missing, extra = sorted(expected - set(header)), sorted(set(header) - expected)
        detail = "; ".join(
            p
            for p in (_names("missing column(s)", missing), _names("unknown column(s)", extra))
            if p
        )
        raise InputError(path, f"columns differ from the layout: {detail}", 1)
    frame = pd.DataFrame(rows, columns=header, index=pd.Index(lines, name="line"))
    typed = pd.DataFrame(index=frame.index)
    for field in table.fields:
        cells = list(zip(lines, frame[field.name].tolist(), strict=True))
        if field.required and field.type != "number":
            for line, text in cells:
                if not text.strip() and not field.enum:
                    raise InputError(path, "empty, but required", line, field.name)
        if field.enum:
            for line, text in cells:
                if text not in field.enum:
                    raise InputError(
                        path, f"{text!r} is not one of {list(field.enum)}", line, field.name
                    )
        typed[field.name] = _typed(path, field.name, field.type, field.required, cells).set_axis(
            frame.index
        )
    check_unique(path, typed, table.primary_key)
    return typed


def _names(what: str, names: list[str]) -> str:
    return f"{what} {', '.join(names)}" if names else ""


def _rows(path: Path) -> tuple[list[str], list[list[str]], list[int]]:
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows, lines = [], []
    try:
        header = next(reader)
        end = reader.line_num
        for row in reader:
            start, end = end + 1, reader.line_num
            if len(row) != len(header):
                raise InputError(
                    path,
                    f"{len(row)} fields where the header has {len(header)} (a cut row?)",
                    start,
                )
            rows.append(row)
            lines.append(start)
    except csv.Error as error:
        raise InputError(path, f"malformed CSV ({error})", reader.line_num) from None
    return header, rows, lines


def _typed(
    path: Path, column: str, kind: str, required: bool, cells: list[tuple[int, str]]
) -> pd.Series:
    if kind == "number":
        return pd.Series(
            [number(path, line, column, t, required) for line, t in cells], dtype=float
        )
    if kind == "integer":
        values = [_integer(path, line, column, t, required) for line, t in cells]
        return pd.Series(values, dtype="Int64")
    if kind == "date":
        for line, text in cells:
            if (text or required) and not DATE.fullmatch(text):
                raise InputError(path, f"not an ISO date: {text!r}", line, column)
    return pd.Series([t for _, t in cells], dtype=str)


def number(path: Path, line: int, column: str, text: str, required: bool = True) -> float:
    """A finite decimal number; 'NaN', 'inf', '1,5' and the like are refused."""
    text = text.strip()
    if not text:
        if required:
            raise InputError(path, "value is empty", line, column)
        return float("nan")
    if not NUMBER.fullmatch(text):
        raise InputError(path, f"not a number: {text!r}", line, column)
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise InputError(path, f"not a finite number: {text!r}", line, column)
    return value


def _integer(path: Path, line: int, column: str, text: str, required: bool) -> int | None:
    text = text.strip()
    if not text and not required:
        return None
    if not INTEGER.fullmatch(text):
        raise InputError(path, f"not a whole number: {text!r}", line, column)
    return int(text)


def check_unique(path: Path, frame: pd.DataFrame, key: tuple[str, ...]) -> None:
    duplicated = frame[frame.duplicated(list(key), keep=False)]
    if len(duplicated):
        lines = ", ".join(str(i) for i in duplicated.index)
        values = " / ".join(str(x) for x in duplicated.iloc[0][list(key)])
        raise InputError(path, f"duplicate key ({', '.join(key)}) = {values} on lines {lines}")


def records(frame: pd.DataFrame) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, row as a dict) of every row read by read_csv."""
    for line, row in zip(frame.index.tolist(), frame.to_dict("records"), strict=True):
        yield int(line), {str(k): v for k, v in row.items()}


def check_known(frame: pd.DataFrame, column: str, known: set[str], path: Path, what: str) -> None:
    """Every cell names something that exists."""
    for line, row in records(frame):
        if row[column] not in known:
            raise InputError(path, f"unknown {what} {row[column]!r}", line, column)


def read_origin(folder: Path) -> dict[str, Any]:
    """A folder's origin.json, after checking that it lists exactly the folder's files and
    that each file's bytes match the SHA-256 it records."""
    path = folder / ORIGIN
    if not path.is_file():
        raise InputError(path, "file not found")
    try:
        origin: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        line = getattr(error, "lineno", None)
        raise InputError(path, f"not valid JSON ({error})", line) from None
    entries = origin.get("files")
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise InputError(path, "no list of files", field="files")
    listed = {str(e.get("path")) for e in entries}
    present = {p.name for p in folder.iterdir() if p.name != ORIGIN and not p.name.startswith(".")}
    for name in sorted(present - listed):
        raise InputError(folder / name, f"not listed in {path}")
    for entry in entries:
        file = folder / str(entry.get("path"))
        if not file.is_file():
            raise InputError(file, f"file not found (listed in {path})")
        recorded = entry.get("sha256")
        if not recorded:
            raise InputError(path, f"no sha256 recorded for {entry['path']}", field="sha256")
        actual = hashlib.sha256(file.read_bytes()).hexdigest()
        if actual != recorded:
            raise InputError(
                file, f"SHA-256 {actual[:12]}… differs from {recorded[:12]}… recorded in {path}"
            )
    return origin


def source_of(origin: dict[str, Any], folder: Path, filename: str, expected: set[str]) -> str:
    """The source id origin.json gives to one of its files; it must be one the step knows."""
    for entry in origin["files"]:
        if entry["path"] == filename:
            source_id = str(entry.get("source_id", ""))
            if source_id not in expected:
                raise InputError(
                    folder / ORIGIN,
                    f"source id {source_id!r} for {filename} is not one of {sorted(expected)}",
                    field="source_id",
                )
            return source_id
    raise InputError(folder / ORIGIN, f"no entry for {filename}", field="files")


def origin_sources(origin: dict[str, Any]) -> list[dict[str, str]]:
    """One source row per file of an official-series origin (file fields override)."""
    license_ = origin.get("license", {})
    base = {k: v for k, v in origin.items() if isinstance(v, str)}
    base |= {"license_name": license_.get("name", ""), "license_url": license_.get("url", "")}
    return [base | {k: v for k, v in e.items() if isinstance(v, str)} for e in origin["files"]]
