"""Check every article claim against the official figure it should be compared with."""

import math

import pandas as pd

from dashboard.schema.tables import CLAIMS_CHECK
from dashboard.schema.verdict import Figure, difference_pct, judge, precision


def check_claims(
    claims: pd.DataFrame, observations: pd.DataFrame, sources: pd.DataFrame
) -> pd.DataFrame:
    """One row per claim: the official value chosen, the difference and the verdict."""
    quotes = sources.set_index("source_id")
    rows = []
    for _, claim in claims.iterrows():
        official = select_official(claim, observations)
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
                **_official_fields(official, figure, claimed),
                "verdict": verdict,
                "reason": reason,
            }
        )
    return pd.DataFrame(rows, columns=CLAIMS_CHECK.columns)


def _figure(official: pd.Series) -> Figure:
    return Figure(
        official["value"], official["qualifier"], official["value_low"], official["value_high"]
    )


def _official_fields(
    official: pd.Series | None, figure: Figure | None, claimed: Figure
) -> dict[str, object]:
    if official is None or figure is None:
        return {
            "official_value": math.nan,
            "official_low": math.nan,
            "official_high": math.nan,
            "official_obs_id": "",
            "official_source_id": "",
            "difference_pct": math.nan,
        }
    return {
        "official_value": figure.value,
        "official_low": figure.low,
        "official_high": figure.high,
        "official_obs_id": official["obs_id"],
        "official_source_id": official["source_id"],
        "difference_pct": round(difference_pct(claimed, figure), 2),
    }


def select_official(claim: pd.Series, observations: pd.DataFrame) -> pd.Series | None:
    """The official observation a claim is compared with, or None.

    Candidates share the claim's indicator and economy, are of the kind the claim names
    (and its reporter and source, where given), are reported rather than planned, and their
    period overlaps the claim's. The best candidate has the same period label, else covers
    most of the claim's period, else ends latest; then the most precise; then the first by
    source id.
    """
    obs = observations
    mask = (
        (obs["indicator"] == claim["indicator"])
        & (obs["economy"] == claim["economy"])
        & (obs["kind"] == claim["compare_kind"])
        & (obs["status"] == "reported")
        & (obs["period_start"] <= claim["period_end"])
        & (obs["period_end"] >= claim["period_start"])
    )
    if claim["compare_reporter"]:
        mask &= obs["reporter"] == claim["compare_reporter"]
    if claim["compare_with"]:
        pinned = claim["compare_with"]
        mask &= (obs["source_id"] == pinned) | obs["input_source_ids"].str.contains(
            pinned, regex=False
        )
    candidates = obs[mask]
    if candidates.empty:
        return None
    ranked = candidates.assign(
        _exact=candidates["period"] != claim["period"],
        _cover=-candidates.apply(lambda r: _overlap_days(r, claim), axis=1),
        _decimals=-candidates["value"].map(
            lambda v: len(repr(float(v)).partition(".")[2].rstrip("0"))
        ),
    ).sort_values(
        ["_exact", "_cover", "period_end", "_decimals", "source_id"],
        ascending=[True, True, False, True, True],
    )
    best: pd.Series = ranked.iloc[0]
    return best


def _overlap_days(candidate: pd.Series, claim: pd.Series) -> int:
    start = max(pd.Timestamp(candidate["period_start"]), pd.Timestamp(claim["period_start"]))
    end = min(pd.Timestamp(candidate["period_end"]), pd.Timestamp(claim["period_end"]))
    return max(0, (end - start).days + 1)
