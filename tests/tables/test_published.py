"""The published folder changes as one set: readers never see two builds mixed, files are
readable by other users, the zip holds exactly the declared files, and claims keep verdicts."""

import io
import os
import shutil
import stat
import subprocess
import threading
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from dashboard import data, downloads
from dashboard.etl.publish import files, publish
from dashboard.schema import paths, published
from dashboard.schema.tables import CHANGES


@pytest.fixture
def tidy(tmp_path: Path, tables) -> Path:
    folder = tmp_path / "tidy"
    publish(folder, tables)
    return folder


def _other_build(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The same tables with one value changed: a second, different build."""
    changed = dict(tables)
    observations = tables["observations"].copy()
    observations.loc[0, "note"] = "a second build"
    changed["observations"] = observations
    return changed


def test_published_files_are_world_readable(tidy):
    assert stat.S_IMODE(tidy.stat().st_mode) == 0o755
    for path in tidy.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def test_readers_never_see_two_builds_mixed(tidy, tables):
    builds = [files(tables), files(_other_build(tables))]
    assert builds[0]["observations.csv"] != builds[1]["observations.csv"]
    seen: list[dict[str, bytes]] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            seen.append(published.read_files(tidy)[1])

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i in range(40):
            publish(tidy, tables if i % 2 else _other_build(tables))
    finally:
        stop.set()
        reader.join()
    assert len(seen) > 10
    for snapshot in seen:
        assert snapshot in builds


def test_a_tampered_file_is_refused_by_the_reader(tidy):
    path = tidy / "events.csv"
    path.write_bytes(path.read_bytes() + b"x\n")
    with pytest.raises(published.PublishedError, match="hash differs"):
        published.read_files(tidy)


def test_zip_holds_exactly_the_declared_files(tidy):
    (tidy / "stray.csv").write_text("secret\n")
    os.symlink("/etc/hostname", tidy / "link.csv")
    archive = zipfile.ZipFile(io.BytesIO(downloads.bundle(tidy)))
    descriptor = published.load(tidy).descriptor
    declared = {r["path"] for r in descriptor["resources"]} | {"datapackage.json", "README.md"}
    assert {Path(n).name for n in archive.namelist()} == declared | {published.CITED_FILE}
    for name in archive.namelist():
        if Path(name).name != published.CITED_FILE:
            assert archive.read(name) == (tidy / Path(name).name).read_bytes()


def test_failed_publish_leaves_the_folder_as_it_was(tidy, tables, monkeypatch):
    before = {p.name: p.read_bytes() for p in tidy.iterdir()}

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("dashboard.etl.swap.write_files", broken)
    with pytest.raises(OSError):
        publish(tidy, _other_build(tables))
    assert {p.name: p.read_bytes() for p in tidy.iterdir()} == before
    assert not [p for p in tidy.parent.iterdir() if p.name.startswith(".tidy-new-")]


def test_shipped_tables_are_the_published_build(tables):
    shipped = published.load(paths.TIDY)
    history = published.parse_table(CHANGES, shipped.files[CHANGES.path])
    assert shipped.files == files(tables, history)


def test_every_claim_keeps_its_verdict_in_the_app(tables):
    points = data.load().points.set_index("obs_id")
    checks = tables["claims_check"]
    assert (checks["reporter"] != "").any() or len(checks) > 0
    for row in checks.itertuples():
        assert points.loc[row.obs_id, "verdict"] == row.verdict, row.claim_id
        assert points.loc[row.obs_id, "kind"] == "article_claim"


def test_a_claim_naming_a_reporter_keeps_its_verdict(tmp_path, tables):
    changed = dict(tables)
    observations, checks = tables["observations"].copy(), tables["claims_check"].copy()
    claim = checks.iloc[0]
    observations.loc[observations["obs_id"] == claim["obs_id"], "reporter"] = "CHN"
    checks.loc[0, "reporter"] = "CHN"
    changed["observations"], changed["claims_check"] = observations, checks
    folder = tmp_path / "tidy"
    publish(folder, changed)
    points = data.load(folder).points.set_index("obs_id")
    assert points.loc[claim["obs_id"], "verdict"] == claim["verdict"]


def test_annual_rows_have_an_integer_year(tables):
    obs = tables["observations"]
    annual = obs["period"].str.fullmatch(r"\d{4}") & obs["period_start"].str.endswith("-01-01")
    assert obs.loc[annual, "year"].notna().all()
    assert (obs.loc[annual, "year"].astype(int).astype(str) == obs.loc[annual, "period"]).all()
    text = (paths.TIDY / "observations.csv").read_text()
    assert ".0," not in text.split("\n", 2)[1]  # no float-formatted years
    assert "0000000000" not in text  # no binary noise such as 4.0507290000000005


def test_published_folder_needs_no_shared(tmp_path):
    copy = tmp_path / "datasets"
    shutil.copytree(paths.DATASETS, copy)
    assert published.load(copy / "tidy").tables["observations"].shape[0] > 1000


def test_a_build_removes_the_staging_folders_of_killed_builds_only(tidy, tables):
    gone = subprocess.Popen(["true"])  # its process id is gone once it has ended
    gone.wait()
    leftover = tidy.parent / f".tidy-new-{gone.pid}-abcd1234"
    (leftover / "observations.csv").parent.mkdir()
    (leftover / "observations.csv").write_text("half written")
    old_style = tidy.parent / ".tidy-new-x7k2p9qz"  # named before names carried a process id
    old_style.mkdir()
    running = tidy.parent / f".tidy-new-{os.getpid()}-efgh5678"  # a build running meanwhile
    running.mkdir()
    publish(tidy, _other_build(tables))
    assert not leftover.exists() and not old_style.exists()
    assert running.is_dir()


def test_threads_asking_at_once_for_a_new_build_read_it_once(tidy, monkeypatch):
    """After a swap every thread asks for the new build at once: it is read and parsed once."""
    reads: list[Path] = []
    read_files = published.read_files

    def counted(folder: Path) -> tuple[dict[str, object], dict[str, bytes]]:
        reads.append(folder)
        return read_files(folder)

    monkeypatch.setattr(published, "read_files", counted)
    gate = threading.Barrier(8)
    loaded: list[published.Published] = []

    def load() -> None:
        gate.wait()
        loaded.append(published.load(tidy))

    threads = [threading.Thread(target=load) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(reads) == 1 and len(loaded) == 8
    assert all(p is loaded[0] for p in loaded)
