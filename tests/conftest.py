"""Shared fixtures: the tidy tables built once from the shipped raw snapshot."""

import os
from pathlib import Path

import pandas as pd
import pytest

from dashboard.etl.pipeline import build
from dashboard.schema import paths


@pytest.fixture(scope="session")
def tables() -> dict[str, pd.DataFrame]:
    """The tidy tables as `make data` builds them from datasets/raw."""
    return build(paths.RAW)


def _shared(name: str) -> Path:
    folder = paths.REPO_ROOT.parent / "shared" / name
    if not folder.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{folder} is missing: CI must have shared/ beside the checkout")
        pytest.skip(f"{folder} not present (a fresh clone without shared/)")
    return folder


@pytest.fixture(scope="session")
def shared_articles() -> Path:
    """The full article texts (shared/ beside the checkout); required in CI."""
    return _shared("articles")


@pytest.fixture(scope="session")
def shared_sources() -> Path:
    """The research material the raw snapshots were taken from; required in CI."""
    return _shared("sources")


@pytest.fixture(scope="session")
def claim_on_official_point() -> tuple[str, str]:
    """A claim drawn exactly where an official point is (same chart, period and value): its
    obs_id and the official point's."""
    from dashboard import memo  # the app only for the tests that ask (not the pipeline's)
    from dashboard.charts.registry import CHARTS

    drawn = memo.drawable(CHARTS[("trade", "turnover")])
    claims = drawn[drawn["kind"] == "article_claim"]
    official = drawn[drawn["kind"] != "article_claim"]
    pairs = claims.merge(official, on=["x", "value"], suffixes=("", "_official"))
    assert len(pairs), "the tables no longer hold a claim on an official point"
    return str(pairs["obs_id"].iloc[0]), str(pairs["obs_id_official"].iloc[0])
