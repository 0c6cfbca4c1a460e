"""Run every source's step (the list in dashboard.etl.sources), derive, check the claims,
validate: the tidy tables in memory."""

from pathlib import Path

import pandas as pd

from dashboard.etl import derived, frames, series, sources
from dashboard.etl.claims import check_claims
from dashboard.etl.rawfiles import read_csv, read_origin
from dashboard.etl.steps import Context, Source, StepOutput
from dashboard.etl.validate import (
    validate_links,
    validate_partners,
    validate_plausible,
    validate_products,
    validate_spreadsheet_safe,
    validate_table,
)
from dashboard.schema.tables import (
    CLAIMS_CHECK,
    EVENTS,
    INDICATORS,
    OBSERVATIONS,
    PARTNERS,
    PRODUCTS,
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
    context = Context(indicators)
    steps = [run_step(source, raw, context) for source in sources.ALL]
    read = pd.concat([s.observations for s in steps], ignore_index=True)
    recorded = read[read["kind"] != "article_claim"].reset_index(drop=True)
    validate_plausible(recorded, indicators)
    computed = derived.run(recorded)
    steps.append(computed)
    observations = pd.concat([read, computed.observations], ignore_index=True)
    cited = pd.concat([s.sources for s in steps], ignore_index=True)
    cited = derived.with_tiers(cited, observations)
    observations["series"] = series.named(observations, cited)
    tables = {
        "observations": _tidy(OBSERVATIONS, observations, sort=OBSERVATION_ORDER),
        "sources": _tidy(SOURCES, cited),
        "indicators": _tidy(INDICATORS, fed_by(indicators, observations)),
        "events": _tidy(EVENTS, _concat([s.events for s in steps]), sort=("date", "event_id")),
    }
    tables["products"] = _tidy(PRODUCTS, _concat([s.products for s in steps], PRODUCTS))
    tables["partners"] = _tidy(PARTNERS, _concat([s.partners for s in steps], PARTNERS))
    claims = _concat([s.claims for s in steps])
    checked = check_claims(claims, tables["observations"], tables["sources"])
    tables["claims_check"] = _tidy(CLAIMS_CHECK, checked)
    for table in TABLES:
        validate_table(table, tables[table.name])
        validate_spreadsheet_safe(table, tables[table.name])
    validate_links(tables)
    validate_plausible(tables["observations"], tables["indicators"])
    validate_products(tables["products"])
    validate_partners(tables["partners"])
    return tables


def fed_by(indicators: pd.DataFrame, observations: pd.DataFrame) -> pd.DataFrame:
    """The indicator table with the sources that feed each indicator (`source_ids`): those of
    its official rows and the inputs of its derived rows, as the steps read them."""
    official = observations[observations["kind"].isin(["official_series", "official_statement"])]
    made = observations[observations["kind"] == "derived"]
    pairs = [*zip(official["indicator"], official["source_id"], strict=True)]
    for indicator, inputs in zip(made["indicator"], made["input_source_ids"], strict=True):
        pairs.extend((indicator, source_id) for source_id in inputs.split(";"))
    found: dict[str, set[str]] = {}
    for indicator, source_id in pairs:
        found.setdefault(indicator, set()).add(source_id)
    ids = indicators["indicator"].map(lambda i: ";".join(sorted(found.get(i, set()))))
    return indicators.assign(source_ids=ids)


def run_step(source: Source, raw: Path, context: Context) -> StepOutput:
    """One source's rows from its raw folder (none for an unshipped source never fetched)."""
    folder = raw / source.FOLDER
    if not source.SHIPPED and not folder.is_dir():
        return StepOutput(frames.observations([]), frames.sources([]))
    return source.build(folder, context)


def _concat(parts: list[pd.DataFrame], table: Table | None = None) -> pd.DataFrame:
    present = [p for p in parts if not p.empty]
    if present:
        return pd.concat(present, ignore_index=True)
    return pd.DataFrame(columns=table.columns if table else None)


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
