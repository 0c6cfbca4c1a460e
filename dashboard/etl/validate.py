"""Validate the tidy tables before anything is written: schema, keys, links, plausibility."""

from collections.abc import Mapping
from typing import Any

import pandas as pd
import pandera.errors

from dashboard.etl.errors import BuildError
from dashboard.etl.frames import rows_of
from dashboard.schema import ids
from dashboard.schema.plausibility import by_indicator
from dashboard.schema.tables import Table, pandera_schema
from dashboard.schema.vocabulary import FORMULA_STARTS


def validate_table(table: Table, frame: pd.DataFrame) -> None:
    """Raise BuildError naming the table, column and first failing rows."""
    try:
        pandera_schema(table).validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as errors:
        cases = errors.failure_cases.head(5)
        lines = [
            f"column {c['column']!s}, row {c['index']!s}: {c['check']!s} failed for "
            f"{c['failure_case']!r}"
            for _, c in cases.iterrows()
        ]
        raise BuildError(f"table {table.name} is invalid: " + "; ".join(lines)) from None


def validate_spreadsheet_safe(table: Table, frame: pd.DataFrame) -> None:
    """No text cell starts like a spreadsheet formula, so the shipped CSVs open safely."""
    for field in table.fields:
        if field.type != "string":
            continue
        column = frame[field.name]
        risky = column.str.startswith(FORMULA_STARTS)
        if risky.any():
            value = column[risky].iloc[0]
            raise BuildError(
                f"table {table.name}, column {field.name}: {value!r} would run as "
                "a spreadsheet formula"
            )


def validate_links(tables: Mapping[str, pd.DataFrame]) -> None:
    """Every citation resolves, every unit is its indicator's unit, every input exists."""
    sources = set(tables["sources"]["source_id"])
    obs = tables["observations"]
    units = dict(zip(tables["indicators"]["indicator"], tables["indicators"]["unit"], strict=True))
    for name in ("observations", "events", "claims_check", "products", "partners"):
        orphans = set(tables[name]["source_id"]) - sources
        if orphans:
            raise BuildError(f"table {name} cites unknown source ids: {sorted(orphans)}")
    unknown = set(obs["indicator"]) - set(units)
    if unknown:
        raise BuildError(f"table observations uses unknown indicators: {sorted(unknown)}")
    wrong = obs[obs["unit"] != obs["indicator"].map(units)]
    if len(wrong):
        raise BuildError(f"unit mismatch in observations: {wrong.iloc[0]['obs_id']}")
    bad_ids = [i for i in obs["obs_id"] if not ids.OBS_ID.match(i)]
    if bad_ids:
        raise BuildError(f"malformed obs_id: {bad_ids[0]!r}")
    known = set(obs["obs_id"])
    inputs = {i for text in obs["input_obs_ids"] if text for i in text.split(";")}
    input_sources = {i for text in obs["input_source_ids"] if text for i in text.split(";")}
    if inputs - known:
        raise BuildError(f"derived rows name missing inputs: {sorted(inputs - known)[:3]}")
    if input_sources - sources:
        raise BuildError(f"derived rows rest on unknown sources: {sorted(input_sources - sources)}")
    _validate_inputs(tables)


def _validate_inputs(tables: Mapping[str, pd.DataFrame]) -> None:
    """Derived rows name their inputs and method; claims name observations that exist."""
    obs = tables["observations"]
    known = set(obs["obs_id"])
    derived = obs[obs["kind"] == "derived"]
    if (derived["input_obs_ids"] == "").any() or (derived["method"] == "").any():
        raise BuildError("a derived row lacks its inputs or method")
    checks = tables["claims_check"]
    for column in ("obs_id", "official_obs_id"):
        missing = set(checks[column]) - known - {""}
        if missing:
            raise BuildError(f"claims_check.{column} names unknown observations: {sorted(missing)}")


def validate_plausible(observations: pd.DataFrame, indicators: pd.DataFrame) -> None:
    """Every value lies in its indicator's range; official series move year on year by less
    than the indicator's factor, series by series."""
    plausible = by_indicator(indicators)
    unknown = set(observations["indicator"]) - set(plausible)
    if unknown:
        raise BuildError(f"indicators missing from indicators.csv: {sorted(unknown)}")
    values = observations[["value", "value_low", "value_high"]].astype("float64")
    low = observations["indicator"].map(lambda i: plausible[i].low)
    high = observations["indicator"].map(lambda i: plausible[i].high)
    outside = values.notna() & ~(values.ge(low, axis=0) & values.le(high, axis=0))
    flags = outside.to_numpy()
    if flags.any():  # the first such row, and its first such value
        position, column = divmod(int(flags.argmax()), flags.shape[1])
        row = rows_of(observations.iloc[[position]])[0]
        value = float(values.to_numpy()[position, column])
        bounds = plausible[str(row["indicator"])]
        raise BuildError(
            f"implausible value {value:g} {row['unit']} for {row['indicator']} "
            f"{row['economy']} {row['period']} (source {row['source_id']}): outside "
            f"{bounds.low:g}..{bounds.high:g}"
        )
    official = observations[observations["kind"] == "official_series"]
    keys = ["indicator", "economy", "reporter", "source_id"]
    for frequency, step in (("annual", 12), ("monthly", 1)):
        series = official[official["frequency"] == frequency]
        ordered = series.sort_values([*keys, "period_start"], kind="stable")
        rows = rows_of(ordered[[*keys, "period_start", "period", "value"]])
        for before, row in zip(rows, rows[1:], strict=False):
            key = tuple(str(row[k]) for k in keys)
            if tuple(str(before[k]) for k in keys) != key:
                continue  # the first period of a series
            bounds = plausible[key[0]]
            factor = bounds.max_factor if frequency == "annual" else bounds.max_month_factor
            if factor is not None:
                _check_move(before, row, step, factor, " ".join(key))


def _check_move(
    before: Mapping[str, Any], row: Mapping[str, Any], step: int, factor: float, name: str
) -> None:
    """Consecutive periods (`step` months apart) move by at most `factor` up or down."""
    a, b = before["value"], row["value"]
    if _month(row["period_start"]) != _month(before["period_start"]) + step or a <= 0 or b <= 0:
        return
    move = max(b / a, a / b)
    if move > factor:
        raise BuildError(
            f"implausible move in {name}: {before['period']} {a:g} -> {row['period']} {b:g} "
            f"({move:.3g}×, more than {factor:g}×)"
        )


def _month(start: str) -> int:
    """A period's first month, counted from year 0."""
    return int(start[:4]) * 12 + int(start[5:7]) - 1


PARTNER_MAX_USD_BN = 1000.0  # more than any bilateral flow of these economies: a unit slip


def validate_products(products: pd.DataFrame) -> None:
    """Values are non-negative, and the listed headings (and chapter 27's 6-digit rows) of a
    chapter sum to no more than the chapter's total (a rounding margin of 0.01 k$)."""
    negative = products[(products["value_kusd"] < 0) | (products["weight_t"] < 0)]
    if len(negative):
        row = negative.iloc[0]
        raise BuildError(
            f"products: negative value or weight for {row['direction']} {row['year']} "
            f"{row['level']} {row['code']}"
        )
    key = ["year", "direction", "chapter"]
    chapters = products[products["level"] == "chapter"].set_index(key)["value_kusd"]
    for level in ("heading", "hs6"):
        listed = products[products["level"] == level]
        sums = listed.groupby(key, as_index=False).agg(value_kusd=("value_kusd", "sum"))
        for found in rows_of(sums):
            year, direction, chapter, total = (found[k] for k in (*key, "value_kusd"))
            whole = chapters.get((year, direction, chapter))
            if whole is None or total > whole + 0.01:
                raise BuildError(
                    f"products: {level} rows of chapter {chapter} ({direction} {year}) sum to "
                    f"{total:.3f} k$, more than the chapter's "
                    f"{'missing total' if whole is None else f'{whole:.3f} k$'}"
                )


def validate_partners(partners: pd.DataFrame) -> None:
    """Values are non-negative and below any believable bilateral flow (a unit slip)."""
    wrong = partners[(partners["value"] < 0) | (partners["value"] > PARTNER_MAX_USD_BN)]
    if len(wrong):
        row = wrong.iloc[0]
        raise BuildError(
            f"partners: implausible value {row['value']:g} USD bn for {row['reporter']} "
            f"{row['flow']} {row['partner']} {row['period']} (source {row['source_id']}): "
            f"outside 0..{PARTNER_MAX_USD_BN:g}"
        )
