"""One rule chooses the official figure of a claim: the build (claims_check.csv) and the
checker (dashboard.check.match) both call dashboard/schema/official.py and agree."""

from datetime import date

from dashboard.check import match
from dashboard.check.periods import Period
from dashboard.etl import frames
from dashboard.schema import official
from dashboard.schema.official import TIER_ORDER

PINNED_ELSEWHERE = {"wang2021-share-2018"}
"""Claims the build compares with a pinned source (claims.csv compare_with) while a better tier
gives the same period: the checker, reading text alone, takes the better tier."""


def test_the_build_and_the_checker_choose_the_same_official_figure(tables):
    obs = frames.rows_of(tables["observations"])
    sources = {r["source_id"]: r for r in frames.rows_of(tables["sources"])}
    checks = tables["claims_check"]
    claims = tables["observations"].set_index("obs_id").loc[checks["obs_id"]]
    compared = 0
    for check, (_, claim) in zip(frames.rows_of(checks), claims.iterrows(), strict=True):
        rows = [
            r
            for r in obs
            if r["indicator"] == check["indicator"] and r["economy"] == check["economy"]
        ]
        period = Period(
            claim["period"],
            date.fromisoformat(claim["period_start"]),
            date.fromisoformat(claim["period_end"]),
        )
        chosen = match.choose(
            rows, check["indicator"], check["reporter"], period, claim["status"], sources
        )
        found = chosen.official["obs_id"] if chosen.official is not None else ""
        if check["claim_id"] in PINNED_ELSEWHERE:  # the build's pin to a source; text has none
            assert chosen.official is not None
            tier = official.tier(chosen.official, sources)
            assert TIER_ORDER[tier] <= TIER_ORDER[check["official_tier"]], check["claim_id"]
        else:
            assert found == check["official_obs_id"], check["claim_id"]
        compared += bool(found)
    assert compared == len(checks), "every claim of the articles has an official figure"


def test_the_checker_holds_no_ranking_of_its_own():
    for name in ("KIND_ORDER", "FLOW_KIND_ORDER", "_rank", "_capacity"):
        assert not hasattr(match, name)
