"""What a build changed: its observations compared with those of the tables it replaces, one
row per point added, revised or removed (schema.tables.CHANGES), appended to the history kept
in the published folder."""

import math
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from dashboard.etl.frames import rows_of
from dashboard.schema.published import parse_table
from dashboard.schema.tables import CHANGES, OBSERVATIONS

KEY = ["indicator", "economy", "reporter", "series", "period"]
COMPARED = ["value", "value_low", "value_high"]
MAX_BUILDS = 40  # builds the history keeps, newest


def empty() -> pd.DataFrame:
    """A history with no change."""
    return pd.DataFrame({column: pd.Series(dtype=object) for column in CHANGES.columns})


def previous(folder: Path) -> tuple[pd.DataFrame | None, pd.DataFrame]:
    """The observations published in `folder` (None when nothing is) and its change history
    (empty when it has none)."""
    observations = folder / OBSERVATIONS.path
    if not observations.is_file():
        return None, empty()
    return parse_table(OBSERVATIONS, observations.read_bytes()), _history(folder)


def _history(folder: Path) -> pd.DataFrame:
    history = folder / CHANGES.path
    return parse_table(CHANGES, history.read_bytes()) if history.is_file() else empty()


def diff(old: pd.DataFrame, new: pd.DataFrame, build: str, day: str) -> pd.DataFrame:
    """One row per point whose values differ between `old` and `new`, keyed by indicator,
    economy, reporter, series and period; in the key's order."""
    before = {tuple(row[k] for k in KEY): row for row in rows_of(old)}
    after = {tuple(row[k] for k in KEY): row for row in rows_of(new)}
    rows = []
    for key in sorted(before.keys() | after.keys()):
        was, now = before.get(key), after.get(key)
        if was is not None and now is not None and _same(was, now):
            continue
        change = "added" if was is None else "removed" if now is None else "revised"
        last = now if now is not None else was
        assert last is not None
        rows.append(
            {
                "build": build,
                "date": day,
                "change": change,
                "obs_id": last["obs_id"],
                **{k: last[k] for k in KEY},
                "unit": last["unit"],
                "old_value": was["value"] if was is not None else math.nan,
                "new_value": now["value"] if now is not None else math.nan,
                "source_id": last["source_id"],
            }
        )
    return pd.DataFrame(rows, columns=CHANGES.columns) if rows else empty()


def _same(was: Mapping[str, object], now: Mapping[str, object]) -> bool:
    return all(_equal(was[c], now[c]) for c in COMPARED)


def _equal(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b


def appended(history: pd.DataFrame, added: pd.DataFrame) -> pd.DataFrame:
    """The history with a build's changes after it (a build already recorded is not added
    twice), keeping the newest MAX_BUILDS builds."""
    if added.empty or set(added["build"]) <= set(history["build"]):
        whole = history
    else:
        whole = pd.concat([history, added], ignore_index=True) if len(history) else added
    builds = list(dict.fromkeys(whole["build"]))
    kept = whole[whole["build"].isin(builds[-MAX_BUILDS:])]
    return kept.reset_index(drop=True)


def recorded(
    folder: Path, observations: pd.DataFrame, build: str, day: str, data: bytes = b""
) -> pd.DataFrame:
    """The history to publish with `observations` (`data`: their CSV, when made): what the
    folder holds, plus what this build changes against the observations published there
    (nothing for a first build, nor where the published file has the same bytes)."""
    published = folder / OBSERVATIONS.path
    if data and published.is_file() and published.read_bytes() == data:
        return appended(_history(folder), empty())
    old, history = previous(folder)
    if old is None:
        return history
    return appended(history, diff(old, observations, build, day))
