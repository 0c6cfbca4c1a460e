"""The checker's rows as CSV, JSON or one line of text per number (the CLI and the page)."""

import csv
import io
import json
import math
from typing import Any

from dashboard.check.engine import COLUMNS


def _cell(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, float):
        return round(value, 4)
    return value


def cleaned(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every column in order; NaN written as an empty cell, floats to 4 decimals."""
    return [{k: _cell(row[k]) for k in COLUMNS} for row in rows]


def render(rows: list[dict[str, Any]], form: str) -> str:
    """Rows as CSV, JSON or text."""
    rows = cleaned(rows)
    if form == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    if form == "text":
        return "".join(_line(row) for row in rows)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _line(row: dict[str, Any]) -> str:
    official = (
        f"{row['official_value']:g} {row['official_unit']} ({row['official_source_id']})"
        if row["official_value"] != ""
        else "no official figure"
    )
    what = (
        f"{row['indicator']} {row['economy']} {row['period'] or '?'} -> "
        f"{row['verdict']}; {official}; "
        if row["indicator"]
        else f"{row['outcome']}: "
    )
    return f"{row['start']}-{row['end']} {row['text']!r}: {what}{row['reason']}\n"
