"""Every raw snapshot carries its provenance, and the files are the ones it describes."""

import hashlib
import json

import pytest

from dashboard.schema import paths

FOLDERS = sorted(p for p in paths.RAW.iterdir() if p.is_dir())


def test_every_raw_folder_has_an_origin():
    assert {p.name for p in FOLDERS} >= {
        "imf_dots",
        "wb_wdi",
        "ei_2024",
        "bp_2019",
        "statements",
        "articles",
        "indicators",
    }
    for folder in FOLDERS:
        assert (folder / "origin.json").is_file(), folder


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_origin_names_files_and_checksums(folder):
    origin = json.loads((folder / "origin.json").read_text(encoding="utf-8"))
    assert origin["date_accessed"]
    assert origin["retrieved_from"]
    for entry in origin["files"]:
        path = folder / entry["path"]
        assert path.is_file(), path
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"], path
        assert path.read_bytes().count(b"\n") - 1 == entry["rows"], path
