"""The tidy tables: their columns and controlled vocabularies."""

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

KINDS = ("official_series", "official_statement", "article_claim", "derived")
SOURCE_KINDS = ("official_series", "official_statement", "article", "derived")
QUALIFIERS = ("exact", "about", "more_than", "less_than", "range")
STATUSES = ("reported", "target", "planned")
REPORTERS = ("CHN", "RUS", "")
ECONOMIES = ("CHN", "RUS", "CHN-RUS", "WLD")
VERDICTS = (
    "consistent",
    "approximate",
    "inconsistent",
    "unverified",
    "target-met",
    "target-missed",
    "pending",
)

OBSERVATION_COLUMNS = [
    "obs_id",
    "indicator",
    "economy",
    "reporter",
    "period",
    "period_start",
    "period_end",
    "value",
    "value_low",
    "value_high",
    "qualifier",
    "unit",
    "status",
    "kind",
    "source_id",
    "method",
    "input_obs_ids",
    "input_source_ids",
    "note",
]

SOURCE_COLUMNS = [
    "source_id",
    "kind",
    "producer",
    "title",
    "date_published",
    "date_accessed",
    "url_main",
    "url_download",
    "citation_full",
    "attribution_short",
    "license_name",
    "license_url",
    "quote",
    "document_id",
    "locator",
    "language",
    "attribution",
    "processing",
    "retrieved_from",
    "note",
]

EVENT_COLUMNS = ["event_id", "date", "date_precision", "label", "category", "source_id"]

INDICATOR_COLUMNS = ["indicator", "family", "title", "unit", "description"]

CLAIM_CHECK_COLUMNS = [
    "claim_id",
    "source_id",
    "article_id",
    "quote",
    "indicator",
    "economy",
    "period",
    "claimed_value",
    "claimed_low",
    "claimed_high",
    "qualifier",
    "unit",
    "status",
    "official_value",
    "official_low",
    "official_high",
    "official_obs_id",
    "official_source_id",
    "difference_pct",
    "verdict",
    "reason",
]


# the columns a hand-entered observation (statement, claim) states
STATED_COLUMNS = OBSERVATION_COLUMNS[1:13]


def annual(
    indicator: str,
    economy: str,
    reporter: str,
    year: int,
    value: float,
    unit: str,
    source_id: str,
    note: str = "",
) -> dict[str, Any]:
    """One value of an annual official series, in observation layout."""
    return {
        "indicator": indicator,
        "economy": economy,
        "reporter": reporter,
        **year_period(year),
        "value": value,
        "qualifier": "exact",
        "unit": unit,
        "status": "reported",
        "kind": "official_series",
        "source_id": source_id,
        "note": note,
    }


def obs_id(indicator: str, economy: str, reporter: str, period: str, source_id: str) -> str:
    """The observation key as one readable string."""
    return ":".join([indicator, economy, reporter or "-", period, source_id])


def derived_obs_id(row: Mapping[str, Any]) -> str:
    """Key of a derived value: its key fields plus a short digest of its inputs."""
    digest = hashlib.sha1(str(row["input_obs_ids"]).encode()).hexdigest()[:8]
    key = obs_id(
        row["indicator"], row["economy"], row.get("reporter", ""), row["period"], row["source_id"]
    )
    return f"{key}:{digest}"


def observations(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """A frame in observation layout; absent text fields are empty, absent numbers NaN."""
    frame = pd.DataFrame(list(rows))
    for column in OBSERVATION_COLUMNS:
        if column not in frame.columns:
            numeric = column in ("value", "value_low", "value_high")
            frame[column] = float("nan") if numeric else ""
    if len(frame) and (frame["obs_id"] == "").any():
        keyed = frame.apply(
            lambda r: obs_id(r.indicator, r.economy, r.reporter, r.period, r.source_id), axis=1
        )
        frame["obs_id"] = frame["obs_id"].where(frame["obs_id"] != "", keyed)
    return frame[OBSERVATION_COLUMNS]


def sources(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """A frame in source layout; absent fields are empty strings."""
    frame = pd.DataFrame(list(rows))
    for column in SOURCE_COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
    return frame[SOURCE_COLUMNS].fillna("")


def rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a frame as dicts keyed by column name."""
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]


def year_period(year: int) -> dict[str, str]:
    """Period fields for a calendar year."""
    return {
        "period": str(year),
        "period_start": f"{year}-01-01",
        "period_end": f"{year}-12-31",
    }
