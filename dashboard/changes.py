"""What each build changed (the published changes.csv), grouped by build newest first, and
its Atom feed (/changes.atom, RFC 4287)."""

import math
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

import pandas as pd
from flask import Response

from dashboard import data
from dashboard.api import PUBLIC_URL
from dashboard.schema import paths, published
from dashboard.schema.tables import CHANGES

ATOM = "http://www.w3.org/2005/Atom"
FEED_ID = "tag:china-russia-figures,2026:changes"
ARROW = "→"


@dataclass(frozen=True)
class Build:
    """One build's changes."""

    build: str
    date: str
    rows: list[dict[str, object]]

    def counts(self) -> str:
        """'2 revised, 1 added' (in that order of kinds)."""
        kinds = [r["change"] for r in self.rows]
        return ", ".join(
            f"{kinds.count(k)} {k}" for k in CHANGES.field("change").enum if k in kinds
        )


def history(folder: Path = paths.TIDY) -> pd.DataFrame:
    """The published change history (empty when the build has none)."""
    files = published.load(folder).files
    if CHANGES.path not in files:
        return pd.DataFrame(columns=CHANGES.columns)
    return published.parse_table(CHANGES, files[CHANGES.path])


def builds(folder: Path = paths.TIDY) -> list[Build]:
    """Each build's changes, newest first."""
    frame = history(folder)
    order = list(dict.fromkeys(frame["build"]))[::-1]
    return [
        Build(b, str(rows["date"].iloc[0]), data.records(rows))
        for b in order
        for rows in [frame[frame["build"] == b]]
    ]


def number(value: object) -> str:
    """A value as published, '—' when absent."""
    if not isinstance(value, float) or math.isnan(value):
        return "—"
    return repr(float(value)).removesuffix(".0")


def line(row: dict[str, object]) -> str:
    """One change in words: point, old → new value, source."""
    who = "/".join(str(row[k]) for k in ("economy", "reporter") if row[k])
    return (
        f"{row['change']}: {row['indicator']} {who} ({row['series']}) {row['period']}: "
        f"{number(row['old_value'])} {ARROW} {number(row['new_value'])} {row['unit']}; "
        f"source {row['source_id']}"
    )


def atom(folder: Path = paths.TIDY, root: str = "") -> bytes:
    """The Atom feed: one entry per build, its changes as text."""
    ET.register_namespace("", ATOM)
    found = builds(folder)
    updated = found[0].date if found else published.load(folder).descriptor["last_updated"]
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "id", FEED_ID)
    _add(feed, "title", "China–Russia figures: what each build changed")
    _add(feed, "updated", _stamp(str(updated)))
    _add(feed, "link", href=f"{root}/changes.atom", rel="self")
    _add(feed, "link", href=f"{root}/changes", rel="alternate", type="text/html")
    author = _add(feed, "author")
    _add(author, "name", "China–Russia figures")
    for build in found:
        entry = _add(feed, "entry")
        _add(entry, "id", f"{FEED_ID}:{build.build}")
        _add(entry, "title", f"Build {build.build} ({build.date}): {build.counts()}")
        _add(entry, "updated", _stamp(build.date))
        _add(entry, "link", href=f"{root}/changes#build-{build.build}", rel="alternate")
        _add(entry, "content", "\n".join(line(r) for r in build.rows), type="text")
    text: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return text


def _add(parent: ET.Element, tag: str, text: str = "", **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text:
        element.text = text
    return element


def _stamp(day: str) -> str:
    return f"{day[:10] or '1970-01-01'}T00:00:00Z"


def feed() -> Response:
    """The /changes.atom response; links start with PUBLIC_URL, or are relative (never
    taken from the request's Host)."""
    return Response(atom(root=PUBLIC_URL), mimetype="application/atom+xml")
