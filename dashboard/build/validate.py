"""Validate the tidy tables before anything is written: schema, keys, units, citations."""

from collections.abc import Mapping

import pandas as pd
import pandera.errors
import pandera.pandas as pa

from dashboard.build.dictionary import Table
from dashboard.build.errors import BuildError

ISO_DATE = r"\d{4}-\d{2}-\d{2}"


def schema(table: Table) -> pa.DataFrameSchema:
    """The pandera schema of a table, from its data dictionary entry."""
    columns = {}
    for field in table.fields:
        checks = []
        if field.enum:
            checks.append(pa.Check.isin(list(field.enum)))
        if field.type == "date":
            checks.append(pa.Check.str_matches(ISO_DATE + "$"))
        if field.type == "number":
            columns[field.name] = pa.Column(float, checks, nullable=not field.required)
        else:
            if field.required and not field.enum:
                checks.append(pa.Check.str_length(min_value=1))
            columns[field.name] = pa.Column(str, checks)
    return pa.DataFrameSchema(
        columns, strict=True, ordered=True, unique=list(table.primary_key), report_duplicates="all"
    )


def validate_table(table: Table, frame: pd.DataFrame) -> None:
    """Raise BuildError naming the table, column and first failing rows."""
    try:
        schema(table).validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as errors:
        cases = errors.failure_cases.head(5)
        lines = [
            f"column {c['column']!s}, row {c['index']!s}: {c['check']!s} failed for "
            f"{c['failure_case']!r}"
            for _, c in cases.iterrows()
        ]
        raise BuildError(f"table {table.name} is invalid:\n  " + "\n  ".join(lines)) from None


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def validate_spreadsheet_safe(table: Table, frame: pd.DataFrame) -> None:
    """No text cell starts like a spreadsheet formula, so the shipped CSVs open safely."""
    for field in table.fields:
        if field.type == "number":
            continue
        risky = frame[frame[field.name].str.startswith(FORMULA_STARTS)]
        if len(risky):
            value = risky.iloc[0][field.name]
            raise BuildError(
                f"table {table.name}, column {field.name}: {value!r} would run as "
                "a spreadsheet formula"
            )


def validate_links(tables: Mapping[str, pd.DataFrame]) -> None:
    """Every citation resolves, every unit is its indicator's unit, every input exists."""
    sources = set(tables["sources"]["source_id"])
    obs = tables["observations"]
    units = dict(zip(tables["indicators"]["indicator"], tables["indicators"]["unit"], strict=True))
    for name in ("observations", "events", "claims_check"):
        orphans = set(tables[name]["source_id"]) - sources
        if orphans:
            raise BuildError(f"table {name} cites unknown source ids: {sorted(orphans)}")
    unknown = set(obs["indicator"]) - set(units)
    if unknown:
        raise BuildError(f"table observations uses unknown indicators: {sorted(unknown)}")
    wrong = obs[obs["unit"] != obs["indicator"].map(units)]
    if len(wrong):
        raise BuildError(f"unit mismatch in observations: {wrong.iloc[0]['obs_id']}")
    known = set(obs["obs_id"])
    inputs = {i for ids in obs["input_obs_ids"] if ids for i in ids.split(";")}
    if inputs - known:
        raise BuildError(f"derived rows name missing inputs: {sorted(inputs - known)[:3]}")
    derived = obs[obs["kind"] == "derived"]
    if (derived["input_obs_ids"] == "").any() or (derived["method"] == "").any():
        raise BuildError("a derived row lacks its inputs or method")
