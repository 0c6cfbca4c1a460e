"""The /changes page and its Atom feed: one entry per build that changed something, each
change as point, old → new value and source; the feed parses as Atom with its required
elements."""

from pathlib import Path
from xml.etree import ElementTree as ET

import dash
import pandas as pd
import pytest

from dashboard import changes
from dashboard.app import server
from dashboard.etl.publish import publish

A = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def revised(tmp_path_factory, tables) -> tuple[Path, pd.Series]:
    """A published folder whose second build revised one value."""
    folder = tmp_path_factory.mktemp("changes") / "tidy"
    publish(folder, tables, day="2026-01-01")
    observations = tables["observations"].copy()
    row = int(observations["value"].gt(0).to_numpy().argmax())
    observations.loc[row, "value"] = observations.loc[row, "value"] * 2
    publish(folder, dict(tables) | {"observations": observations}, day="2026-02-01")
    return folder, tables["observations"].iloc[row]


def test_builds_group_the_changes_newest_first(revised):
    folder, row = revised
    (build,) = changes.builds(folder)
    assert (build.date, build.counts()) == ("2026-02-01", "1 revised")
    line = changes.line(build.rows[0])
    old, new = changes.number(row["value"]), changes.number(row["value"] * 2)
    assert f"{old} → {new}" in line and row["source_id"] in line and row["period"] in line


def test_the_feed_is_atom_with_its_required_elements(revised):
    folder, row = revised
    feed = ET.fromstring(changes.atom(folder, root="http://example.test"))
    assert feed.tag == f"{A}feed"
    for name in ("id", "title", "updated", "author"):
        assert feed.find(f"{A}{name}") is not None, name
    link = feed.find(f"{A}link[@rel='self']")
    assert link is not None and link.get("href") == "http://example.test/changes.atom"
    (entry,) = feed.findall(f"{A}entry")
    for name in ("id", "title", "updated", "content"):
        assert (entry.findtext(f"{A}{name}") or "").strip(), name
    assert entry.findtext(f"{A}updated") == "2026-02-01T00:00:00Z"
    content = entry.findtext(f"{A}content") or ""
    assert row["indicator"] in content and row["source_id"] in content


def test_the_served_feed_and_page():
    client = server.test_client()
    answer = client.get("/changes.atom")
    assert answer.status_code == 200 and answer.mimetype == "application/atom+xml"
    assert ET.fromstring(answer.data).tag == f"{A}feed"
    assert client.get("/changes").status_code == 200


def test_the_page_lays_out():
    page = next(p for p in dash.page_registry.values() if p["path"] == "/changes")
    assert "What changed" in str(page["layout"]())
