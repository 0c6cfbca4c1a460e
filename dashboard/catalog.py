"""What is known about each indicator: coverage, sources, inputs and claims (for the data API
and the data pages)."""

from typing import Any

import pandas as pd

from dashboard.data import Tables
from dashboard.schema.vocabulary import UNITS


def ids(tables: Tables) -> list[str]:
    """Every indicator id, in the published order."""
    return list(tables.indicators["indicator"])


def points_of(tables: Tables, indicator: str) -> pd.DataFrame:
    """Every observation of an indicator, joined to its citation, in the published order."""
    points: pd.DataFrame = tables.points[tables.points["indicator"] == indicator]
    return points


SUMMARY_COLUMNS = [
    "indicator",
    "economy",
    "reporter",
    "kind",
    "period_start",
    "period_end",
    "last_updated",
    "source_id",
    "input_source_ids",
]


def summaries(tables: Tables) -> dict[str, dict[str, Any]]:
    """The summary of every indicator, in the published order."""
    narrow = tables.points[SUMMARY_COLUMNS]
    groups = dict(list(narrow.groupby("indicator", sort=False)))
    empty = narrow.iloc[:0]
    return {
        row["indicator"]: _summary(row, groups.get(row["indicator"], empty))
        for row in tables.indicators.to_dict("records")
    }


def summary(tables: Tables, indicator: str) -> dict[str, Any]:
    """Title, unit, description, coverage, sources and last update of one indicator."""
    row = tables.indicators[tables.indicators["indicator"] == indicator].to_dict("records")[0]
    return _summary(
        row, tables.points.loc[tables.points["indicator"] == indicator, SUMMARY_COLUMNS]
    )


def _summary(row: dict[Any, Any], points: pd.DataFrame) -> dict[str, Any]:
    return {
        "id": row["indicator"],
        "name": row["title"],
        "unit": row["unit"],
        "unit_label": UNITS[row["unit"]],
        "description": row["description"],
        "family": row["family"],
        "economies": sorted(set(points["economy"])),
        "reporters": sorted(set(points["reporter"]) - {""}),
        "kinds": sorted(set(points["kind"])),
        "observations": len(points),
        "first_period": min(points["period_start"], default=None),
        "last_period": max(points["period_end"], default=None),
        "last_updated": max(points["last_updated"], default=None) or None,
        "sources": sorted(_cited(points)),
    }


def _cited(points: pd.DataFrame) -> set[str]:
    """The sources rows cite, and those of the inputs of derived rows."""
    cited = set(points["source_id"])
    for inputs in points["input_source_ids"]:
        cited.update(i for i in inputs.split(";") if i)
    return cited


def sources_of(tables: Tables, indicator: str) -> pd.DataFrame:
    """The sources an indicator's rows cite, and those of the inputs of its derived rows."""
    cited = _cited(tables.points.loc[tables.points["indicator"] == indicator, SUMMARY_COLUMNS])
    sources: pd.DataFrame = tables.sources[tables.sources["source_id"].isin(cited)]
    return sources


def methods_of(tables: Tables, indicator: str) -> list[str]:
    """How the derived rows of an indicator are computed (each method once)."""
    points = points_of(tables, indicator)
    derived = points[points["kind"] == "derived"]
    return list(dict.fromkeys(m for m in derived["method"] if m))


def derivations(tables: Tables) -> dict[str, set[str]]:
    """For each indicator with derived rows, the indicators of their inputs."""
    observations = tables.observations
    indicator_of = dict(zip(observations["obs_id"], observations["indicator"], strict=True))
    derived = observations[observations["input_obs_ids"] != ""]
    links: dict[str, set[str]] = {}
    for indicator, inputs in zip(derived["indicator"], derived["input_obs_ids"], strict=True):
        used = (indicator_of[i] for i in inputs.split(";") if i in indicator_of)
        links.setdefault(indicator, set()).update(used)
    return links


def inputs_of(tables: Tables, indicator: str) -> list[str]:
    """The indicators the derived rows of an indicator are computed from."""
    inputs = derivations(tables).get(indicator, set()) - {indicator}
    return [i for i in ids(tables) if i in inputs]


def used_by(tables: Tables, indicator: str) -> list[str]:
    """The indicators derived (in part) from this one."""
    links = derivations(tables)
    return [i for i in ids(tables) if i != indicator and indicator in links.get(i, set())]


def claims_of(tables: Tables, indicator: str) -> pd.DataFrame:
    """The article claims about an indicator, with their verdicts."""
    claims: pd.DataFrame = tables.claims_check[tables.claims_check["indicator"] == indicator]
    return claims
