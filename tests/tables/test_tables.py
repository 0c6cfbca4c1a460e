"""The built tables: keys, citations, units, derived values and determinism."""

import math
from collections.abc import Callable

import pandas as pd
import pytest

from dashboard.etl import changes
from dashboard.etl.pipeline import build
from dashboard.etl.publish import files, table_files
from dashboard.schema import paths
from dashboard.schema.tables import OBSERVATIONS


def test_every_observation_cites_exactly_one_existing_source(tables):
    obs, sources = tables["observations"], tables["sources"]
    assert obs["source_id"].ne("").all()
    assert set(obs["source_id"]) <= set(sources["source_id"])
    assert sources["source_id"].is_unique
    assert obs["obs_id"].is_unique


def test_every_source_has_a_citation(tables):
    sources = tables["sources"]
    assert sources["citation_full"].str.len().gt(10).all()
    assert sources["attribution_short"].ne("").all()
    quoted = sources[sources["kind"].isin(["official_statement", "article"])]
    assert (quoted["quote"].ne("") | quoted["note"].ne("")).all()


def test_units_are_the_indicator_units(tables):
    units = tables["indicators"].set_index("indicator")["unit"]
    obs = tables["observations"]
    assert (obs["unit"] == obs["indicator"].map(units)).all()


def test_all_five_families_have_official_and_claimed_figures(tables):
    obs = tables["observations"].merge(tables["indicators"][["indicator", "family"]])
    families = {"trade_volume", "trade_shares", "settlement", "gdp", "gas"}
    # energy (crude oil and coal imports, China customs monthly) has no article claims yet
    assert set(obs.loc[obs["kind"] != "article_claim", "family"]) == families | {"energy"}
    assert set(obs.loc[obs["kind"] == "article_claim", "family"]) == families


def test_both_reporters_are_kept_for_trade_flows(tables):
    obs = tables["observations"]
    flows = obs[(obs["indicator"] == "trade_cn_exports_to_ru") & (obs["source_id"] == "imf-dots")]
    assert set(flows["reporter"]) == {"CHN", "RUS"}
    china_2018 = flows[(flows["reporter"] == "CHN") & (flows["period"] == "2018")]["value"]
    assert china_2018.iloc[0] == pytest.approx(48.07366)  # SOURCE.md: 48,073.66 US$ m


def _inputs(obs: pd.DataFrame, row: pd.Series) -> list[float]:
    by_id = obs.set_index("obs_id")["value"]
    return [float(by_id[i]) for i in row["input_obs_ids"].split(";")]


def _origins(obs: pd.DataFrame, row: pd.Series) -> set[str]:
    """The non-derived sources a derived row rests on, followed through derived inputs."""
    by_id = obs.set_index("obs_id")
    found: set[str] = set()
    for input_id in row["input_obs_ids"].split(";"):
        source = by_id.loc[input_id]
        if source["kind"] == "derived":
            found |= _origins(obs, source)
        else:
            found.add(source["source_id"])
    return found


RECOMPUTE: dict[str, Callable[..., float]] = {
    "derived-sum": lambda a, b: a + b,
    "derived-mirror-gap": lambda a, b: a - b,
    "derived-mirror-gap-pct": lambda a, b: round((a - b) / b * 100, 4),
    "derived-share-same-reporter": lambda a, b: round(a / b * 100, 4),
    "derived-share-mixed-source": lambda a, b: round(a / b * 100, 4),
    "derived-ratio": lambda a, b: round(a / b, 4),
    "derived-pos-share-of-imports": lambda a, b: round(a / b * 100, 4),
    "derived-sum-of-months": lambda *months: sum(months),
    "derived-rolling-12-months": lambda *months: sum(months),
    "derived-year-on-year": lambda before, now: round((now - before) / before * 100, 4),
}


def test_derived_values_recompute_from_their_inputs(tables):
    obs = tables["observations"]
    derived = obs[obs["kind"] == "derived"]
    assert len(derived) > 100
    for _, row in derived.iterrows():
        values = _inputs(obs, row)
        expected = RECOMPUTE[row["source_id"]](*values)
        assert math.isclose(row["value"], expected, rel_tol=1e-12, abs_tol=1e-4), row["obs_id"]
        # stored at the precision of its inputs, without binary noise (no 4.0507290000000005)
        assert len(repr(row["value"])) <= max(len(repr(v)) for v in values) + 2, row["value"]
        assert row["input_source_ids"] == ";".join(sorted(_origins(obs, row)))


def test_shares_use_one_reporter_and_label_mixed_sources(tables):
    obs = tables["observations"]
    shares = obs[obs["indicator"] == "trade_share_cn_in_ru_trade"]
    same = shares[shares["source_id"] == "derived-share-same-reporter"]
    assert set(same["reporter"]) == {"RUS"}
    assert same["input_source_ids"].eq("imf-dots").all()
    mixed = shares[shares["source_id"] == "derived-share-mixed-source"]
    assert mixed["note"].str.contains("Mixed-source").all()
    assert {"2021", "2024", "2025"} <= set(mixed["period"])


def test_gdp_ratio_2020(tables):
    obs = tables["observations"]
    ratio = obs[(obs["indicator"] == "gdp_ratio_cn_to_ru") & (obs["period"] == "2020")]
    # WDI 2026-07 vintage: 14,996,414,166,715.1 / 1,493,075,894,362.14
    assert ratio["value"].iloc[0] == round(14996414166715.1 / 1493075894362.14, 4)


def test_build_is_deterministic_and_shipped_tables_are_current(tables):
    """Two builds give the same bytes, and the shipped files are those bytes; the change
    history is the shipped one, to which a build of the same observations adds nothing."""
    written = table_files(tables)
    history = changes.recorded(
        paths.TIDY, tables["observations"], "", "", written[OBSERVATIONS.path]
    )
    first = files(tables, history, written)
    second = files(build(paths.RAW), history)
    assert first == second
    for name, data in first.items():
        shipped = paths.TIDY / name
        assert shipped.read_bytes() == data, f"{shipped} is stale: run `make data`"


def test_shipped_tables_open_safely_in_a_spreadsheet():
    for name in ("observations", "sources", "events", "claims_check", "indicators"):
        frame = pd.read_csv(paths.TIDY / f"{name}.csv", dtype=str, keep_default_na=False)
        for column in frame.columns:
            risky = frame[frame[column].str.match(r"^[=+@\t\r]|^-[^0-9.]")]
            assert risky.empty, (name, column, risky[column].head(3).tolist())
