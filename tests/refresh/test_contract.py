"""Every source of dashboard.etl.sources.ALL keeps the contract, as OWID's etl walks its
steps: it builds offline from its raw folder, refuses a corrupted copy naming the file, and,
if it refreshes, turns its recorded answers into a snapshot that its own build reads back.
A source added to the list is under this contract without a line here."""

import shutil

import pandas as pd
import pytest

from dashboard.etl import swap
from dashboard.etl.errors import InputError
from dashboard.etl.http import Deadline, session
from dashboard.etl.pipeline import read_indicators
from dashboard.etl.rawfiles import read_origin
from dashboard.etl.sources import ALL, REFRESHABLE
from dashboard.etl.steps import Context, Refreshable
from dashboard.etl.validate import validate_plausible
from dashboard.schema import paths
from dashboard.schema.tables import OBSERVATIONS, PARTNERS, PRODUCTS, SOURCES
from tests.refresh.replays import REPLAYS

BY_NAME = {s.NAME: s for s in ALL}
SHIPPED = sorted(s.NAME for s in ALL if s.SHIPPED)
KEY = ["indicator", "economy", "reporter", "period", "source_id"]


@pytest.fixture(scope="module")
def context() -> Context:
    return Context(read_indicators(paths.RAW))


def test_names_and_folders_are_unique_and_only_api_sources_go_unshipped():
    assert len(BY_NAME) == len(ALL)
    assert len({s.FOLDER for s in ALL}) == len(ALL)
    assert all(s.SHIPPED or isinstance(s, Refreshable) for s in ALL)
    assert all((paths.RAW / s.FOLDER).is_dir() for s in ALL if s.SHIPPED)


@pytest.mark.parametrize("name", SHIPPED)
def test_builds_offline_from_its_raw_folder(name, context):
    out = BY_NAME[name].build(paths.RAW / BY_NAME[name].FOLDER, context)
    obs = out.observations
    assert list(obs.columns) == OBSERVATIONS.columns
    assert len(obs) + len(out.products) + len(out.partners)  # rows of some table
    assert list(out.sources.columns) == SOURCES.columns
    for rows, table in ((out.products, PRODUCTS), (out.partners, PARTNERS)):
        assert rows.empty or list(rows.columns) == table.columns
        assert rows.empty or not rows.duplicated(list(table.primary_key)).any()
    cited = {
        *obs["source_id"],
        *out.products.get("source_id", []),
        *out.partners.get("source_id", []),
    }
    assert cited <= set(out.sources["source_id"])
    assert set(obs["indicator"]) <= set(context.indicators["indicator"])
    assert (obs["unit"] == obs["indicator"].map(context.units)).all()
    assert not obs.duplicated(KEY).any()
    validate_plausible(obs, context.indicators)


@pytest.mark.parametrize("name", SHIPPED)
def test_refuses_a_corrupted_copy_naming_the_file(name, context, tmp_path):
    folder = tmp_path / BY_NAME[name].FOLDER
    shutil.copytree(paths.RAW / BY_NAME[name].FOLDER, folder)
    for entry in read_origin(folder)["files"]:
        path = folder / entry["path"]
        good = path.read_bytes()
        middle = len(good) // 2
        path.write_bytes(good[:middle] + bytes([good[middle] ^ 0x01]) + good[middle + 1 :])
        with pytest.raises(InputError, match="SHA-256") as refused:
            BY_NAME[name].build(folder, context)
        assert str(path) in str(refused.value)
        path.write_bytes(good)
    BY_NAME[name].build(folder, context)  # the restored copy builds again


@pytest.mark.parametrize("name", sorted(s.NAME for s in REFRESHABLE))
def test_refresh_parses_its_recorded_answers(name, context, upstream, monkeypatch, tmp_path):
    source = BY_NAME[name]
    assert isinstance(source, Refreshable)
    assert name in REPLAYS, f"no recorded answers for {name} in tests/refresh/replays.py"
    REPLAYS[name](upstream)
    monkeypatch.setenv(source.ENV, upstream.url)
    folder = tmp_path / source.FOLDER
    if source.SHIPPED:
        shutil.copytree(paths.RAW / source.FOLDER, folder)
    client = session(retries=0, backoff=0)
    snapshot = source.refresh(folder, client, 5.0, Deadline(60.0), lambda _: None)
    staged = tmp_path / "staged"
    staged.mkdir()
    swap.write_files(staged, snapshot.contents())
    fresh = source.build(staged, context).observations
    assert len(fresh)
    validate_plausible(fresh, context.indicators)
    if source.SHIPPED:  # the recorded answers carry the shipped values: the same rows again
        shipped = source.build(folder, context).observations
        pd.testing.assert_frame_equal(_values(fresh), _values(shipped), rtol=1e-12)


def _values(obs: pd.DataFrame) -> pd.DataFrame:
    return obs[[*KEY, "value"]].sort_values(KEY).reset_index(drop=True)
