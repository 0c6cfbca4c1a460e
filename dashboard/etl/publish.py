"""Publish the tidy tables: deterministic bytes, a descriptor with every file's SHA-256, and
one swap of the whole folder (see swap.py), so that no reader ever sees two builds mixed."""

import hashlib
import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path

import pandas as pd

from dashboard.etl import changes, dictionary_readme, swap
from dashboard.schema.published import PACKAGE_FILE, README_FILE, sha256
from dashboard.schema.tables import CHANGES, OBSERVATIONS, TABLES, Table

PACKAGE = {
    "name": "china-russia-figures",
    "title": "China–Russia economic figures, with a citation on every point",
    "description": "Trade volume, trade shares, ruble/yuan settlement, GDP and gas figures for "
    "China and Russia from official series, official statements and two opinion articles, "
    "with the articles' claims checked against the record. Every observation cites one row "
    "of sources.csv.",
    "licenses": [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0 (the project's tables; each source keeps "
            "its own terms, see sources.csv)",
        }
    ],
}


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A table as CSV: UTF-8, LF line ends, shortest exact float repr."""
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


def build_id(out: Mapping[str, bytes]) -> str:
    """A digest of every table (not the change history), so equal data gives an equal id."""
    return hashlib.sha256("".join(sha256(out[t.path]) for t in TABLES).encode()).hexdigest()[:16]


def descriptor(tables: Mapping[str, pd.DataFrame], out: Mapping[str, bytes]) -> dict[str, object]:
    """datapackage.json: Frictionless keys, each file's hash, sources, and last_updated from
    the sources' dates; `build` is build_id."""
    sources = tables["sources"]
    official = sources[sources["kind"].isin(["official_series", "official_statement"])]
    dates = [d for d in official["date_published"] if d]
    return {
        **PACKAGE,
        "build": build_id(out),
        "last_updated": max(dates) if dates else "",
        "sources": [
            {"title": f"{r.producer}: {r.title}", "path": r.url_main}
            for r in sources[sources["kind"] == "official_series"].itertuples()
        ],
        "resources": [_resource(table, out[table.path]) for table in (*TABLES, CHANGES)],
        "readme": {"path": README_FILE, "hash": sha256(out[README_FILE])},
    }


def _resource(table: Table, data: bytes) -> dict[str, object]:
    schema: dict[str, object] = {
        "fields": [
            {"name": f.name, "type": f.type, "description": f.description}
            | ({"constraints": {"enum": list(f.enum)}} if f.enum else {})
            for f in table.fields
        ],
        "primaryKey": list(table.primary_key),
        "missingValues": [""],
    }
    cites = any(f.name == "source_id" for f in table.fields)
    if cites and table.name not in ("sources", "changes"):  # changes name removed sources too
        schema["foreignKeys"] = [
            {"fields": "source_id", "reference": {"resource": "sources", "fields": "source_id"}}
        ]
    return {
        "name": table.name,
        "title": table.title,
        "description": table.description,
        "path": table.path,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": sha256(data),
        "schema": schema,
    }


def table_files(tables: Mapping[str, pd.DataFrame]) -> dict[str, bytes]:
    """Each table as CSV, by file name."""
    return {table.path: csv_bytes(tables[table.name]) for table in TABLES}


def files(
    tables: Mapping[str, pd.DataFrame],
    history: pd.DataFrame | None = None,
    written: Mapping[str, bytes] | None = None,
) -> dict[str, bytes]:
    """Every output file, by name: the tables (`written`: their CSV, when already made), the
    change history (none when not given), the README and datapackage.json."""
    out = dict(written or table_files(tables))
    out[CHANGES.path] = csv_bytes(changes.empty() if history is None else history)
    out[README_FILE] = dictionary_readme.render(tables).encode("utf-8")
    text = json.dumps(descriptor(tables, out), indent=2, ensure_ascii=False) + "\n"
    out[PACKAGE_FILE] = text.encode("utf-8")
    return out


def publish(folder: Path, tables: Mapping[str, pd.DataFrame], day: str = "") -> None:
    """Replace the published folder with these tables, in one swap, with what they change
    against the tables published there appended to its change history (dated `day`, today
    when not given)."""
    written = table_files(tables)
    when = day or date.today().isoformat()
    history = changes.recorded(
        folder, tables["observations"], build_id(written), when, written[OBSERVATIONS.path]
    )
    swap.replace_folder(folder, files(tables, history, written))
