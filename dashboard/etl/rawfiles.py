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
from dashboard.etl.frames import rows_of
from dashboard.schema.tables import PARTIAL_DATE, Table

ORIGIN = "origin.json"
FIRST_YEAR, LAST_YEAR = 1900, 2100
NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
INTEGER = re.compile(r"[+-]?[0-9]{1,15}")
DATE = re.compile(PARTIAL_DATE, re.ASCII)
FILE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")


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
        doubled = sorted({c for c in header if header.count(c) > 1})
        if doubled:
            raise InputError(path, f"column(s) named twice: {', '.join(doubled)}", 1)
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
    value = int(text)
    if column.lower() == "year" and not FIRST_YEAR <= value <= LAST_YEAR:
        raise InputError(path, f"year {value} outside {FIRST_YEAR}..{LAST_YEAR}", line, column)
    return value


def check_unique(path: Path, frame: pd.DataFrame, key: tuple[str, ...]) -> None:
    duplicated = frame[frame.duplicated(list(key), keep=False)]
    if len(duplicated):
        lines = ", ".join(str(i) for i in duplicated.index)
        values = " / ".join(str(x) for x in duplicated.iloc[0][list(key)])
        raise InputError(path, f"duplicate key ({', '.join(key)}) = {values} on lines {lines}")


def records(frame: pd.DataFrame) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, row as a dict) of every row read by read_csv."""
    for line, row in zip(frame.index.tolist(), rows_of(frame), strict=True):
        yield int(line), row


def check_known(frame: pd.DataFrame, column: str, known: set[str], path: Path, what: str) -> None:
    """Every cell names something that exists."""
    for line, row in records(frame):
        if row[column] not in known:
            raise InputError(path, f"unknown {what} {row[column]!r}", line, column)


def file_record(data: bytes) -> dict[str, Any]:
    """What origin.json records of a file: its SHA-256 and row count (lines after the header)."""
    return {"sha256": hashlib.sha256(data).hexdigest(), "rows": data.count(b"\n") - 1}


def read_origin(folder: Path) -> dict[str, Any]:
    """A folder's origin.json, after checking that it lists exactly the folder's files (plain
    files, not links) and that each file's bytes and row count match what it records."""
    path = folder / ORIGIN
    origin = _origin_json(path)
    entries = origin.get("files")
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise InputError(path, "'files' is not a list of objects", field="files")
    names = [e.get("path") for e in entries]
    for name in names:
        if not isinstance(name, str) or not FILE_NAME.fullmatch(name):
            raise InputError(
                path, f"{name!r} is not a plain file name in this folder", field="path"
            )
    doubled = sorted({n for n in names if names.count(n) > 1})
    if doubled:
        raise InputError(
            path, f"file(s) listed twice: {', '.join(map(str, doubled))}", field="path"
        )
    if "license" in origin and not isinstance(origin["license"], dict):
        raise InputError(path, "'license' is not an object", field="license")
    present = {p.name for p in folder.iterdir() if p.name != ORIGIN and not p.name.startswith(".")}
    for name in sorted(present - set(map(str, names))):
        raise InputError(folder / name, f"not listed in {path}")
    for entry in entries:
        _check_file(folder, path, entry)
    return origin


def _origin_json(path: Path) -> dict[str, Any]:
    if path.is_symlink() or not path.is_file():
        raise InputError(path, "file not found (or not a plain file)")
    try:
        origin = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        line = getattr(error, "lineno", None)
        raise InputError(
            path, f"not valid JSON ({' '.join(str(error).split())[:120]})", line
        ) from None
    if not isinstance(origin, dict):
        raise InputError(path, "not a JSON object")
    return origin


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    doubled = sorted({k for k in keys if keys.count(k) > 1})
    if doubled:
        raise ValueError(f"key(s) given twice: {', '.join(doubled)}")
    return dict(pairs)


def _check_file(folder: Path, origin: Path, entry: dict[str, Any]) -> None:
    file = folder / str(entry["path"])
    if file.is_symlink() or not file.is_file():
        raise InputError(file, f"not found as a plain file (listed in {origin})")
    recorded = entry.get("sha256")
    if not isinstance(recorded, str) or not re.fullmatch(r"[0-9a-f]{64}", recorded):
        raise InputError(origin, f"no valid sha256 recorded for {entry['path']}", field="sha256")
    data = file.read_bytes()
    actual = hashlib.sha256(data).hexdigest()
    if actual != recorded:
        raise InputError(
            file, f"SHA-256 {actual[:12]}… differs from {recorded[:12]}… recorded in {origin}"
        )
    rows = entry.get("rows")
    if rows is not None and (type(rows) is not int or rows != data.count(b"\n") - 1):
        raise InputError(
            origin, f"rows {rows!r} differs from the file {entry['path']}", field="rows"
        )


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
    """One source row per file of an official-series origin (file fields override): its
    `trust_tier` is the source's tier, its `caveats` end the note and the citation."""
    license_ = origin.get("license") or {}
    base = {k: v for k, v in origin.items() if isinstance(v, str)}
    base |= {"license_name": license_.get("name", ""), "license_url": license_.get("url", "")}
    rows = []
    for entry in origin["files"]:
        row = base | {k: v for k, v in entry.items() if isinstance(v, str)}
        row["tier"] = row.pop("trust_tier", "")
        rows.append(row | caveated(row, origin.get("caveats", [])))
    return rows


def caveated(row: dict[str, str], caveats: list[str]) -> dict[str, str]:
    """A source's note and citation with its caveats appended (the citation carries them)."""
    if not caveats:
        return {}
    said = "Caveats: " + " ".join(c.rstrip(".") + "." for c in caveats)
    note = " ".join(p for p in (row.get("note", ""), said) if p)
    return {"note": note, "citation_full": f"{row['citation_full']} {said}"}


def caveated_sources(origin: dict[str, Any]) -> list[dict[str, str]]:
    """origin_sources with the folder's trust tier (a file's own wins) and caveats carried into
    each source's note and full citation, so every citation of the folder says them."""
    caveats = " ".join(str(c) for c in origin.get("caveats", []))
    rows = []
    for entry, row in zip(origin["files"], origin_sources(origin), strict=True):
        said = f"Trust tier: {row['tier'].replace('_', ' ')}. {caveats}".strip()
        title = row.get("title", "")
        cited = str(entry.get("citation_full") or origin.get("citation_full", ""))
        rows.append(row | {"note": said, "citation_full": f"{cited} File: {title}. {said}"})
    return rows
