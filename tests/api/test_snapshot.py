"""Each answer is made from one build: a new build swapped in while an answer is being made
does not mix into it, and no link in a cacheable answer comes from the request's Host."""

import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest

from dashboard import data
from dashboard.app import server
from dashboard.etl import publish, swap
from dashboard.schema import paths, published

INDICATOR = "trade_total"


def _builds() -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The published tables, and the same without the indicator's first row (hand-made)."""
    tables = dict(published.load(paths.TIDY).tables)
    observations = tables["observations"]
    first = observations.index[observations["indicator"] == INDICATOR][0]
    smaller = tables | {"observations": observations.drop(index=first)}
    return publish.files(tables), publish.files(smaller)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A published folder of the whole build, served by the API instead of datasets/tidy."""
    tidy = tmp_path / "tidy"
    swap.replace_folder(tidy, _builds()[0])
    monkeypatch.setattr(paths, "TIDY", tidy)
    yield tidy


def _swapping_on(call: int, folder: Path, files: dict[str, bytes]) -> Callable[..., data.Tables]:
    """data.load, but its `call`-th call first publishes `files` into `folder`."""
    original = data.load
    calls = iter(range(1, 1000))

    def load(*args: object) -> data.Tables:
        if next(calls) == call:
            swap.replace_folder(folder, files)
        return original(*args)  # type: ignore[arg-type]

    return load


@pytest.mark.parametrize("call", [1, 2])
@pytest.mark.parametrize(
    "route", ["/api/v1/indicators.json", f"/api/v1/indicators/{INDICATOR}.json"]
)
def test_a_build_swapped_in_mid_answer_does_not_mix_into_it(folder, monkeypatch, route, call):
    whole, smaller = _builds()
    builds = {_build(whole): "whole", _build(smaller): "small"}
    monkeypatch.setattr(data, "load", _swapping_on(call, folder, smaller))
    response = server.test_client().get(route)
    assert response.status_code == 200
    document = response.get_json()
    if "rows" in document:
        count = len(document["rows"])
        assert count == document["indicator"]["observations"]
    else:
        (item,) = [i for i in document["indicators"] if i["id"] == INDICATOR]
        count = item["observations"]
    expected = _count(whole if builds[document["build"]] == "whole" else smaller)
    assert count == expected
    assert response.headers["ETag"] == f'W/"{document["build"]}"'


def _build(files: dict[str, bytes]) -> str:
    return str(json.loads(files[published.PACKAGE_FILE])["build"])


def _count(files: dict[str, bytes]) -> int:
    observations = pd.read_csv(io.BytesIO(files["observations.csv"]), dtype=str)
    return int((observations["indicator"] == INDICATOR).sum())
