"""Write the tidy tables and their descriptors: deterministic bytes, replaced atomically."""

import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from dashboard.build import readme
from dashboard.build.dictionary import TABLES, Table

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


def descriptor(tables: Mapping[str, pd.DataFrame]) -> dict[str, object]:
    """datapackage.json: Frictionless keys, sources, and last_updated from the sources' dates."""
    sources = tables["sources"]
    official = sources[sources["kind"].isin(["official_series", "official_statement"])]
    dates = [d for d in official["date_published"] if d]
    return {
        **PACKAGE,
        "last_updated": max(dates) if dates else "",
        "sources": [
            {"title": f"{r.producer}: {r.title}", "path": r.url_main}
            for r in sources[sources["kind"] == "official_series"].itertuples()
        ],
        "resources": [_resource(table) for table in TABLES],
    }


def _resource(table: Table) -> dict[str, object]:
    schema: dict[str, object] = {
        "fields": [
            {"name": f.name, "type": f.type, "description": f.description}
            | ({"constraints": {"enum": list(f.enum)}} if f.enum else {})
            for f in table.fields
        ],
        "primaryKey": list(table.primary_key),
        "missingValues": [""],
    }
    if any(f.name == "source_id" for f in table.fields) and table.name != "sources":
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
        "schema": schema,
    }


def files(tables: Mapping[str, pd.DataFrame]) -> dict[str, bytes]:
    """Every output file, by name."""
    out = {table.path: csv_bytes(tables[table.name]) for table in TABLES}
    text = json.dumps(descriptor(tables), indent=2, ensure_ascii=False) + "\n"
    out["datapackage.json"] = text.encode("utf-8")
    out["README.md"] = readme.render(tables).encode("utf-8")
    return out


def replace_all(folder: Path, contents: Mapping[str, bytes]) -> None:
    """Write every file beside its target first, then swap each in with os.replace.

    Nothing in `folder` changes unless every new file was written completely.
    """
    folder.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        for name, data in contents.items():
            handle, temp_name = tempfile.mkstemp(prefix=".tmp-", dir=folder)
            staged.append((Path(temp_name), folder / name))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
    except BaseException:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        raise
    for temp, target in staged:
        os.replace(temp, target)
