"""Official figures that exist only as statements in public pages (STATEMENTS.md).

Raw layout: datasets/raw/statements/{sources,values,events}.csv (RAW_STATEMENT_SOURCES,
RAW_STATEMENT_VALUES, RAW_EVENTS), transcribed by hand; each page's trust tier is a column of
sources.csv (producer_release: the producer's own page; news_agency_official: an outlet's own
page naming the producer and no intermediary, RT, Sputnik and TASS pages included; reprint: a
page re-publishing another outlet's report, e.g. Sputnik on urdupoint.com, TASS on
finomenov.ru; processed: a figure the intermediary computed); `python -m dashboard.etl rehash
statements` records their new checksums after an edit.
"""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dashboard.etl import frames
from dashboard.etl.rawfiles import read_csv, read_origin
from dashboard.etl.stated import check_figures, read_events
from dashboard.etl.steps import Context, StepOutput
from dashboard.schema.tables import STATED, D, Field, S, raw_table, text_fields
from dashboard.schema.vocabulary import TIERS

FOLDER = "statements"
NAME = "statements"
SHIPPED = True
RAW_STATEMENT_SOURCES = raw_table(
    "statement_sources",
    "sources.csv",
    (
        *text_fields("source_id", "producer", "title"),
        Field("date_published", D, "date_published"),
        *text_fields("url_main", "quote"),
        *text_fields("language", "attribution", "note", required=False),
        Field("tier", S, "tier (datasets/raw/NEW-SOURCES.md says why)", enum=tuple(TIERS)),
    ),
    ("source_id",),
)

RAW_STATEMENT_VALUES = raw_table(
    "statement_values",
    "values.csv",
    (Field("source_id", S, "source_id"), *STATED, *text_fields("note", required=False)),
    ("source_id", "indicator", "economy", "reporter", "period"),
)


def build(folder: Path, context: Context) -> StepOutput:
    """Sources, values and events of the statements snapshot."""
    origin = read_origin(folder)
    table = read_csv(folder / "sources.csv", RAW_STATEMENT_SOURCES)
    sources = frames.sources(_source(row, origin) for row in frames.rows_of(table))
    quotes = dict(zip(sources["source_id"], sources["quote"], strict=True))
    path = folder / "values.csv"
    values = read_csv(path, RAW_STATEMENT_VALUES)
    check_figures(values, path, context.units, quotes)
    values["kind"] = "official_statement"
    events = read_events(folder / "events.csv", set(quotes))
    return StepOutput(frames.observations(frames.rows_of(values)), sources, events)


def _source(row: dict[str, Any], origin: Mapping[str, Any]) -> dict[str, Any]:
    """One source per page and sentence, with a citation composed from its fields."""
    return {
        **row,
        "kind": "official_statement",
        "date_accessed": origin["date_accessed"],
        "citation_full": f"{row['producer']} ({row['date_published']}). "
        f"{row['title']}. {row['url_main']}",
        "attribution_short": f"{row['producer']} ({row['date_published'][:4]})",
        "locator": "quoted sentence",
        "retrieved_from": origin["retrieved_from"],
        "processing": origin["processing"],
        "cites": cites(row["tier"], row["producer"], row["attribution"]),
    }


CITING_VERBS = {"reprint": "reprinted by", "processed": "computed by"}


def cites(tier: str, producer: str, attribution: str) -> str:
    """'reported by X, citing Y' where a page reports another's figure ('' where it names
    no one)."""
    if not attribution:
        return ""
    return f"{CITING_VERBS.get(tier, 'reported by')} {producer}, citing {attribution}"
