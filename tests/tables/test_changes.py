"""What each build changed: a revised raw value shows up as one revised point (old → new), a
rebuild without change adds nothing, the history stays bounded and is declared."""

import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard.etl import changes
from dashboard.etl.publish import publish
from dashboard.schema import published
from dashboard.schema.tables import CHANGES


def _history(folder: Path) -> pd.DataFrame:
    return published.parse_table(CHANGES, (folder / CHANGES.path).read_bytes())


def _revised(tables: dict[str, pd.DataFrame], row: int, value: float) -> dict[str, pd.DataFrame]:
    changed = dict(tables)
    observations = tables["observations"].copy()
    observations.loc[row, "value"] = value
    changed["observations"] = observations
    return changed


@pytest.fixture
def tidy(tmp_path: Path, tables) -> Path:
    folder = tmp_path / "tidy"
    publish(folder, tables, day="2026-01-01")
    return folder


def test_a_first_build_records_no_change(tidy):
    assert _history(tidy).empty


def test_a_rebuild_without_change_adds_nothing(tidy, tables):
    before = (tidy / CHANGES.path).read_bytes()
    publish(tidy, tables, day="2026-02-01")
    assert (tidy / CHANGES.path).read_bytes() == before


def test_a_changed_value_is_one_revised_point_old_to_new(tidy, tables):
    row = tables["observations"].iloc[5]
    publish(tidy, _revised(tables, 5, row["value"] + 1), day="2026-02-01")
    history = _history(tidy)
    assert len(history) == 1
    change = history.iloc[0]
    assert (change["change"], change["obs_id"], change["date"]) == (
        "revised",
        row["obs_id"],
        "2026-02-01",
    )
    assert (change["old_value"], change["new_value"]) == (row["value"], row["value"] + 1)
    assert change["source_id"] == row["source_id"]
    assert change["build"] == published.load(tidy).build
    publish(tidy, _revised(tables, 5, row["value"] + 1), day="2026-03-01")
    assert len(_history(tidy)) == 1  # the same tables again: nothing new


def test_added_and_removed_points(tables):
    old = tables["observations"]
    new = old.drop(index=3)
    added = old.iloc[[3]].assign(period="2099")
    found = changes.diff(old, pd.concat([new, added]), "b1", "2026-01-01")
    assert sorted(found["change"]) == ["added", "removed"]
    removed = found[found["change"] == "removed"].iloc[0]
    assert removed["old_value"] == old.iloc[3]["value"] and pd.isna(removed["new_value"])


def test_history_keeps_the_newest_builds(monkeypatch):
    monkeypatch.setattr(changes, "MAX_BUILDS", 2)
    rows = [
        pd.DataFrame([{c: "" for c in CHANGES.columns} | {"build": b, "obs_id": "o"}])
        for b in ("b1", "b2", "b3")
    ]
    history = changes.empty()
    for added in rows:
        history = changes.appended(history, added)
    assert list(history["build"]) == ["b2", "b3"]
    assert len(changes.appended(history, rows[2])) == 2  # a build recorded once


def test_the_history_is_declared(tidy):
    descriptor = json.loads((tidy / "datapackage.json").read_text())
    resource = next(r for r in descriptor["resources"] if r["path"] == CHANGES.path)
    assert [f["name"] for f in resource["schema"]["fields"]] == CHANGES.columns
    assert published.load(tidy).files[CHANGES.path].startswith(b"build,date,change,")
