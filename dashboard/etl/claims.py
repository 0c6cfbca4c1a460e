"""Check every article claim against the official figure it should be compared with."""

import math
from collections.abc import Mapping

import pandas as pd

from dashboard.etl import frames
from dashboard.schema import official as rule
from dashboard.schema.official import Row
from dashboard.schema.tables import CLAIMS_CHECK
from dashboard.schema.verdict import Figure, difference_pct, gap_pct, judge, precision


def check_claims(
    claims: pd.DataFrame, observations: pd.DataFrame, sources: pd.DataFrame
) -> pd.DataFrame:
    """One row per claim: the official value chosen, the difference and the verdict."""
    quotes = sources.set_index("source_id")
    cited = {str(r["source_id"]): r for r in frames.rows_of(sources)}
    rows = []
    for _, claim in claims.iterrows():
        own_url = str(cited[claim["source_id"]]["url_main"])
        official = select_official(claim, observations, cited, own_url)
        claimed = Figure(
            claim["value"],
            claim["qualifier"],
            claim["value_low"],
            claim["value_high"],
            precision(claim["value_text"], claim["unit"]),
        )
        figure = None if official is None else _figure(official)
        verdict, reason = judge(claimed, figure, target=claim["status"] == "target")
        source = quotes.loc[claim["source_id"]]
        rows.append(
            {
                "claim_id": claim["claim_id"],
                "obs_id": claim["obs_id"],
                "source_id": claim["source_id"],
                "article_id": source["document_id"],
                "quote": source["quote"],
                "indicator": claim["indicator"],
                "economy": claim["economy"],
                "reporter": claim["reporter"],
                "period": claim["period"],
                "claimed_value": claim["value"],
                "claimed_low": claim["value_low"],
                "claimed_high": claim["value_high"],
                "qualifier": claim["qualifier"],
                "unit": claim["unit"],
                "status": claim["status"],
                **_official_fields(official, figure, claimed, claim["status"] == "target"),
                "official_tier": "" if official is None else rule.tier(official, cited),
                "verdict": verdict,
                "reason": reason,
            }
        )
    return pd.DataFrame(rows, columns=CLAIMS_CHECK.columns)


def _figure(official: Row) -> Figure:
    return Figure(
        official["value"], official["qualifier"], official["value_low"], official["value_high"]
    )


def _official_fields(
    official: Row | None, figure: Figure | None, claimed: Figure, target: bool
) -> dict[str, object]:
    if official is None or figure is None:
        return {
            "official_value": math.nan,
            "official_low": math.nan,
            "official_high": math.nan,
            "official_obs_id": "",
            "official_source_id": "",
            "difference_pct": math.nan,
            "verdict_gap_pct": math.nan,
        }
    return {
        "official_value": figure.value,
        "official_low": figure.low,
        "official_high": figure.high,
        "official_obs_id": official["obs_id"],
        "official_source_id": official["source_id"],
        "difference_pct": round(difference_pct(claimed, figure), 2),
        "verdict_gap_pct": math.nan if target else round(gap_pct(claimed, figure), 2),
    }


def select_official(
    claim: pd.Series, observations: pd.DataFrame, sources: Mapping[str, Row], own_url: str
) -> Row | None:
    """The official observation a claim is compared with (dashboard/schema/official.py), of
    the kind the claim names, and of its reporter and resting on its source, where given;
    never one from the claim's own page (own_url)."""
    same = observations[
        (observations["indicator"] == claim["indicator"])
        & (observations["economy"] == claim["economy"])
    ]
    return rule.choose(
        frames.rows_of(same),
        claim["compare_reporter"] or None,
        claim["period_start"],
        claim["period_end"],
        claim["status"],
        kinds=(claim["compare_kind"],),
        pinned=claim["compare_with"],
        sources=sources,
        own_url=own_url,
    )
