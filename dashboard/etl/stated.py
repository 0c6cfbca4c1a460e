"""Hand-entered figures (official statements, article claims): checked against their quotes.

Each figure names its source, whose quote must contain the figure's `value_text` word for
word, and the numbers in `value_text` must be the figure's value (or its range) in the
indicator's unit. A figure that disagrees with its own quote stops the build.
"""

import math
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from dashboard.etl.errors import InputError
from dashboard.etl.rawfiles import check_known, check_unique, read_csv, records
from dashboard.schema.tables import RAW_EVENTS
from dashboard.schema.verdict import quoted_values

RELATIVE_TOLERANCE = 1e-9


def check_figures(
    frame: pd.DataFrame, path: Path, units: Mapping[str, str], quotes: Mapping[str, str]
) -> None:
    """Known sources and indicators, matching units, coherent ranges and periods, and
    every value_text standing in its quote and stating the value."""
    check_known(frame, "source_id", set(quotes), path, "source id")
    check_known(frame, "indicator", set(units), path, "indicator")
    check_unique(path, frame, ("source_id", "indicator", "economy", "reporter", "period"))
    for line, row in records(frame):
        if row["unit"] != units[row["indicator"]]:
            message = f"unit {row['unit']!r} does not match {units[row['indicator']]!r}"
            raise InputError(path, f"{message}, the unit of {row['indicator']}", line, "unit")
        _check_range(row, path, line)
        if row["period_start"] > row["period_end"]:
            raise InputError(path, "period_start is after period_end", line, "period_start")
        if row["value_text"]:
            _check_text(row, quotes[row["source_id"]], path, line)


def _check_range(row: Mapping[str, object], path: Path, line: int) -> None:
    low, high, value = (float(str(row[k])) for k in ("value_low", "value_high", "value"))
    has_bounds = not (math.isnan(low) or math.isnan(high))
    if math.isnan(low) != math.isnan(high):
        raise InputError(path, "value_low and value_high are given together", line, "value_low")
    if (row["qualifier"] == "range") != has_bounds:
        message = "value_low and value_high are given if and only if qualifier is 'range'"
        raise InputError(path, message, line, "qualifier")
    if has_bounds and not low <= value <= high:
        raise InputError(path, "value lies outside value_low..value_high", line, "value")


def _check_text(row: Mapping[str, object], quote: str, path: Path, line: int) -> None:
    text = str(row["value_text"])
    if not stands_in(text, quote):
        message = f"value_text {text!r} does not stand in the quote as whole words"
        raise InputError(path, message, line, "value_text")
    stated = quoted_values(text, str(row["unit"]))
    if row["qualifier"] == "range":
        expected = [float(str(row["value_low"])), float(str(row["value_high"]))]
    else:
        expected = [float(str(row["value"]))]
    if len(stated) != len(expected) or not all(
        math.isclose(a, b, rel_tol=RELATIVE_TOLERANCE)
        for a, b in zip(stated, expected, strict=True)
    ):
        raise InputError(
            path, f"value {expected} disagrees with value_text {text!r} ({stated})", line, "value"
        )


SCALE_WORDS = (
    *("thousand", "million", "billion", "trillion", "bn", "tn", "mln", "bln"),
    *("тыс", "млн", "млрд", "трлн", "万亿", "亿", "万"),
)


def stands_in(text: str, quote: str) -> bool:
    """Whether `text` occurs in `quote` as whole words: not inside a longer number or word,
    and not followed by a scale word ("billion", …) that it leaves out."""
    start = quote.find(text)
    while start >= 0:
        before, after = quote[:start], quote[start + len(text) :]
        inside_before = bool(before) and (_word_char(before[-1]) or before[-1] in "._")
        inside_after = bool(after) and (
            _word_char(after[0]) or (after[0] in ".," and after[1:2].isdigit())
        )
        if not (inside_before or inside_after or _scale_follows(after)):
            return True
        start = quote.find(text, start + 1)
    return False


def _scale_follows(after: str) -> bool:
    """Whether the text goes on with a scale word ('billion', 'млрд', '亿')."""
    head = after.lstrip().lower()
    for word in SCALE_WORDS:
        rest = head[len(word) : len(word) + 1]
        if head.startswith(word) and not (rest.isascii() and rest.isalpha()):
            return True
    return False


def _word_char(char: str) -> bool:
    """A digit, or a Latin letter (in Chinese or Russian text words run into figures)."""
    return char.isdigit() or (char.isascii() and char.isalpha())


def read_events(path: Path, source_ids: set[str]) -> pd.DataFrame:
    """Events of one snapshot folder, checked against its sources."""
    table = read_csv(path, RAW_EVENTS)
    check_known(table, "source_id", source_ids, path, "source id")
    return table[RAW_EVENTS.columns].reset_index(drop=True)
