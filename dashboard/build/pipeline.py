"""Run every step, check the claims, validate, and return the tidy tables."""

from pathlib import Path

import pandas as pd

from dashboard.build import model
from dashboard.build.check import check_claims
from dashboard.build.dictionary import (
    CLAIMS_CHECK,
    EVENTS,
    INDICATORS,
    OBSERVATIONS,
    SOURCES,
    Table,
)
from dashboard.build.raw import check_choice, check_unique, read_table
from dashboard.build.steps import (
    articles,
    comtrade,
    derived,
    energy,
    imf_dots,
    statements,
    worldbank,
)
from dashboard.build.validate import (
    validate_links,
    validate_spreadsheet_safe,
    validate_table,
)


def read_indicators(raw: Path) -> pd.DataFrame:
    """The indicator registry (datasets/raw/indicators.csv)."""
    path = raw / "indicators.csv"
    table = read_table(path, model.INDICATOR_COLUMNS)
    check_unique(table, ["indicator"], path)
    family = next(f for f in INDICATORS.fields if f.name == "family")
    check_choice(table, "family", family.enum, path)
    return table


def build(raw: Path) -> dict[str, pd.DataFrame]:
    """All tidy tables, validated."""
    indicators = read_indicators(raw)
    units = dict(zip(indicators["indicator"], indicators["unit"], strict=True))
    official = [
        imf_dots.run(raw),
        comtrade.run(raw),
        worldbank.run(raw),
        energy.run(raw),
        statements.run(raw, units),
    ]
    from_articles, claims = articles.run(raw, units)
    recorded = pd.concat([o.observations for o in official], ignore_index=True)
    computed = derived.run(recorded)
    steps = [*official, from_articles, computed]
    observations = pd.concat([s.observations for s in steps], ignore_index=True)
    sources = pd.concat([s.sources for s in steps], ignore_index=True)
    events = pd.concat([s.events for s in steps if not s.events.empty], ignore_index=True)
    tables = {
        "observations": _tidy(OBSERVATIONS, observations),
        "sources": _tidy(SOURCES, sources),
        "indicators": _tidy(INDICATORS, indicators),
        "events": _tidy(EVENTS, events, sort=("date", "event_id")),
    }
    checked = check_claims(claims, tables["observations"], tables["sources"])
    tables["claims_check"] = _tidy(CLAIMS_CHECK, checked)
    for table in (OBSERVATIONS, SOURCES, INDICATORS, EVENTS, CLAIMS_CHECK):
        validate_table(table, tables[table.name])
        validate_spreadsheet_safe(table, tables[table.name])
    validate_links(tables)
    return tables


def _tidy(table: Table, frame: pd.DataFrame, sort: tuple[str, ...] = ()) -> pd.DataFrame:
    """Columns in dictionary order, empty text as '', numbers as float, rows sorted."""
    out = pd.DataFrame(index=range(len(frame)))
    for field in table.fields:
        column = frame[field.name].reset_index(drop=True)
        if field.type == "number":
            out[field.name] = pd.to_numeric(column).astype("float64")
        else:
            out[field.name] = column.fillna("").astype(str)
    keys = list(sort or table.primary_key)
    return out.sort_values(keys, kind="stable").reset_index(drop=True)
