"""Run every source's step, derive, check the claims, validate: the tidy tables in memory."""

from pathlib import Path

import pandas as pd

from dashboard.etl import derived
from dashboard.etl.claims import check_claims
from dashboard.etl.rawfiles import read_csv, read_origin
from dashboard.etl.sources import articles, comtrade, imf, reviews, statements, worldbank
from dashboard.etl.validate import (
    validate_links,
    validate_plausible,
    validate_spreadsheet_safe,
    validate_table,
)
from dashboard.schema.tables import (
    CLAIMS_CHECK,
    EVENTS,
    INDICATORS,
    OBSERVATIONS,
    RAW_INDICATORS,
    SOURCES,
    TABLES,
    Table,
)

INDICATORS_FOLDER = "indicators"
OBSERVATION_ORDER = (
    "indicator",
    "economy",
    "reporter",
    "period_start",
    "period",
    "kind",
    "source_id",
    "obs_id",
)


def read_indicators(raw: Path) -> pd.DataFrame:
    """The indicator registry (datasets/raw/indicators/indicators.csv)."""
    folder = raw / INDICATORS_FOLDER
    read_origin(folder)
    return read_csv(folder / RAW_INDICATORS.path, RAW_INDICATORS)


def build(raw: Path) -> dict[str, pd.DataFrame]:
    """All tidy tables, validated."""
    indicators = read_indicators(raw)
    units = dict(zip(indicators["indicator"], indicators["unit"], strict=True))
    official = [
        imf.step(raw / imf.FOLDER),
        comtrade.step(raw / comtrade.FOLDER),
        worldbank.step(raw / worldbank.FOLDER),
        reviews.step(raw),
        statements.step(raw / statements.FOLDER, units),
    ]
    from_articles, claims = articles.step(raw / articles.FOLDER, units)
    recorded = pd.concat([o.observations for o in official], ignore_index=True)
    validate_plausible(recorded, indicators)
    computed = derived.run(recorded)
    steps = [*official, from_articles, computed]
    observations = pd.concat([s.observations for s in steps], ignore_index=True)
    sources = pd.concat([s.sources for s in steps], ignore_index=True)
    events = pd.concat([s.events for s in steps if not s.events.empty], ignore_index=True)
    tables = {
        "observations": _tidy(OBSERVATIONS, observations, sort=OBSERVATION_ORDER),
        "sources": _tidy(SOURCES, sources),
        "indicators": _tidy(INDICATORS, indicators),
        "events": _tidy(EVENTS, events, sort=("date", "event_id")),
    }
    checked = check_claims(claims, tables["observations"], tables["sources"])
    tables["claims_check"] = _tidy(CLAIMS_CHECK, checked)
    for table in TABLES:
        validate_table(table, tables[table.name])
        validate_spreadsheet_safe(table, tables[table.name])
    validate_links(tables)
    validate_plausible(tables["observations"], tables["indicators"])
    return tables


def _tidy(table: Table, frame: pd.DataFrame, sort: tuple[str, ...] = ()) -> pd.DataFrame:
    """Columns in schema order and type, empty text as '', rows sorted."""
    out = pd.DataFrame(index=range(len(frame)))
    for field in table.fields:
        column = frame[field.name].reset_index(drop=True)
        if field.type == "number":
            out[field.name] = pd.to_numeric(column).astype("float64")
        elif field.type == "integer":
            out[field.name] = pd.to_numeric(column).astype("Int64")
        else:
            out[field.name] = column.fillna("").astype(str)
    keys = list(sort or table.primary_key)
    return out.sort_values(keys, kind="stable").reset_index(drop=True)
