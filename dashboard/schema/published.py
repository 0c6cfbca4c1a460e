"""The published tables (datasets/tidy): read as one consistent set, typed by the schema.

The pipeline swaps the whole folder in at once and records each file's SHA-256 in
datapackage.json. A reader opens the folder once and reads every file through that handle,
so a swap during the read cannot mix two builds; any file whose bytes do not match the
descriptor (a swap between opening the folder and reading) makes the read start again.
"""

import hashlib
import io
import json
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.schema.tables import OBSERVATIONS, PARTNERS, PRODUCTS, SOURCES, TABLES, Table

PACKAGE_FILE = "datapackage.json"
README_FILE = "README.md"
ATTEMPTS = 5

# The cited row: an observation with its indicator's title, its source's citation, its verdict
# and, for a derived row, its inputs' citations. The one column layout and order of a chart's
# CSV, the API's CSV and JSON rows, and the bundle's cited table (CITED_FILE); every column of
# observations.csv comes first, in its order, so a column the pipeline adds flows through.
CITATION_COLUMNS = {  # sources.csv column -> cited row column
    "producer": "source_producer",
    "title": "source_title",
    "date_published": "source_date_published",
    "date_accessed": "source_date_accessed",
    "url_main": "source_url",
    "citation_full": "source_citation",
    "attribution_short": "source_short",
    "license_name": "source_license",
    "quote": "source_quote",
    "locator": "source_locator",
    "tier": "source_tier",
    "cites": "source_cites",
}
INPUT_CITATION_COLUMNS = {  # sources.csv column -> cited row column, one per input source
    "citation_full": "input_source_citations",
    "url_main": "input_source_urls",
}
INPUT_SEPARATOR = " | "
CITED_ROW: dict[str, str] = {
    **{f.name: f.description for f in OBSERVATIONS.fields},
    "indicator_title": "The indicator's readable title (indicators.csv).",
    **{
        name: "Of the row's source: " + SOURCES.field(column).description
        for column, name in CITATION_COLUMNS.items()
        if name != "source_tier"
    },
    "source_tier": "How far the row can be trusted (sources.csv tier): its source's tier; for "
    "a derived row, the worst tier of its inputs' sources.",
    "verdict": "For article claims: the verdict against the official figure (claims.csv).",
    "input_source_citations": "For derived rows: the full citation of each input's source, "
    "' | '-separated, in the order of input_source_ids.",
    "input_source_urls": "For derived rows: the link of each input's source, ' | '-separated, "
    "in the order of input_source_ids (empty where a source has none).",
}
# The products and partners tables, cited the same way: every column of the table, then its
# source's citation (the note carries the source's trust tier and caveats).
TABLE_CITATION_COLUMNS = {  # sources.csv column -> cited row column
    "attribution_short": "source_short",
    "citation_full": "source_citation",
    "url_main": "source_url",
    "date_accessed": "source_date_accessed",
    "license_name": "source_license",
    "note": "source_caveats",
}


def cited_table_row(table: Table) -> dict[str, str]:
    """The cited row of the products or partners table: its columns, then the citation."""
    return {
        **{f.name: f.description for f in table.fields},
        **{
            name: "Of the row's source: " + SOURCES.field(column).description
            for column, name in TABLE_CITATION_COLUMNS.items()
        },
    }


CITED_PRODUCT = cited_table_row(PRODUCTS)
CITED_PARTNER = cited_table_row(PARTNERS)
CITED_FILE = "observations_cited.csv"  # every observation as a cited row, in the bundle


class PublishedError(Exception):
    """The published folder is missing, incomplete or does not match its descriptor."""


@dataclass(frozen=True)
class Published:
    """One build of the published tables: raw bytes of every file, and typed frames."""

    build: str
    descriptor: dict[str, Any]
    files: dict[str, bytes]
    tables: dict[str, pd.DataFrame]


def sha256(data: bytes) -> str:
    """The hash notation of datapackage.json: 'sha256:<hex>'."""
    return "sha256:" + hashlib.sha256(data).hexdigest()


def stamp(folder: Path) -> tuple[int, int]:
    """Changes whenever a new build is swapped in (inode and time of its descriptor)."""
    status = os.stat(folder / PACKAGE_FILE)
    return status.st_ino, status.st_mtime_ns


LOADING = threading.Lock()  # threads asking at once for a build not read yet read it once


def load(folder: Path) -> Published:
    """The current build in `folder`, cached until a new one is swapped in."""
    with LOADING:
        return _load(str(folder), stamp(folder))


@lru_cache(maxsize=2)
def _load(folder: str, _stamp: tuple[int, int]) -> Published:
    descriptor, files = read_files(Path(folder))
    tables = {t.name: parse_table(t, files[t.path]) for t in TABLES}
    return Published(str(descriptor.get("build", "")), descriptor, files, tables)


def read_files(folder: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The descriptor and the bytes of every file it declares, all from one build."""
    last: Exception | None = None
    for _ in range(ATTEMPTS):
        try:
            return _read_once(folder)
        except (OSError, PublishedError) as error:
            last = error
    raise PublishedError(f"{folder}: cannot read a consistent build ({last})")


def _read_once(folder: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        descriptor = json.loads(_read_at(handle, PACKAGE_FILE))
        files = {PACKAGE_FILE: _read_at(handle, PACKAGE_FILE)}
        for entry in declared(descriptor):
            data = _read_at(handle, entry["path"])
            if sha256(data) != entry["hash"]:
                raise PublishedError(f"{folder / entry['path']}: hash differs from {PACKAGE_FILE}")
            files[entry["path"]] = data
    finally:
        os.close(handle)
    return descriptor, files


def declared(descriptor: dict[str, Any]) -> list[dict[str, Any]]:
    """Every file the descriptor names (resources and the README), with its hash."""
    entries = [{"path": r["path"], "hash": r["hash"]} for r in descriptor["resources"]]
    return [*entries, descriptor["readme"]]


def _read_at(handle: int, name: str) -> bytes:
    if "/" in name or name.startswith("."):
        raise PublishedError(f"{name!r} is not a plain file name")
    fd = os.open(name, os.O_RDONLY, dir_fd=handle)
    with os.fdopen(fd, "rb") as stream:
        return stream.read()


def parse_table(table: Table, data: bytes) -> pd.DataFrame:
    """A published CSV with the schema's types: text as str ('' when empty), numbers as
    float (NaN when empty), integers as nullable Int64."""
    frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8")
    if list(frame.columns) != table.columns:
        raise PublishedError(f"{table.path}: columns {list(frame.columns)} != {table.columns}")
    for field in table.fields:
        if field.type == "number":
            frame[field.name] = pd.to_numeric(frame[field.name].replace("", None)).astype(float)
        elif field.type == "integer":
            frame[field.name] = pd.to_numeric(frame[field.name].replace("", None)).astype("Int64")
        else:
            frame[field.name] = frame[field.name].astype(str)
    return frame
