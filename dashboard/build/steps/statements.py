"""Official figures that exist only as statements in public pages (STATEMENTS.md)."""

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from dashboard.build import model
from dashboard.build.raw import (
    check_dates,
    check_unique,
    read_origin,
    read_table,
    stated_observations,
)
from dashboard.build.steps import StepOutput
from dashboard.build.steps.events import read_events

FOLDER = "statements"
SOURCE_FIELDS = [
    "source_id",
    "producer",
    "title",
    "date_published",
    "url_main",
    "quote",
    "language",
    "attribution",
    "note",
]
VALUE_FIELDS = ["source_id", *model.STATED_COLUMNS, "value_text", "note"]


def run(raw: Path, units: Mapping[str, str]) -> StepOutput:
    """Sources, values and events of the statements snapshot."""
    folder = raw / FOLDER
    origin = read_origin(folder)
    sources = read_sources(folder / "sources.csv", origin)
    values_path = folder / "values.csv"
    values = read_table(values_path, VALUE_FIELDS)
    typed = stated_observations(values, values_path, units, set(sources["source_id"]))
    typed["kind"] = "official_statement"
    events = read_events(folder / "events.csv", set(sources["source_id"]))
    return StepOutput(model.observations(model.rows(typed)), sources, events)


def read_sources(path: Path, origin: Mapping[str, str]) -> pd.DataFrame:
    """One source per page and sentence, with a citation composed from its fields."""
    table = read_table(path, SOURCE_FIELDS)
    check_unique(table, ["source_id"], path)
    check_dates(table, "date_published", path)
    rows = []
    for row in model.rows(table):
        rows.append(
            {
                **row,
                "kind": "official_statement",
                "date_accessed": origin["date_accessed"],
                "citation_full": f"{row['producer']} ({row['date_published']}). "
                f"{row['title']}. {row['url_main']}",
                "attribution_short": f"{row['producer']} ({row['date_published'][:4]})",
                "locator": "quoted sentence",
                "retrieved_from": origin["retrieved_from"],
                "processing": origin["processing"],
            }
        )
    return model.sources(rows)
