"""One rule chooses the official figure of a claim: the build (claims_check.csv) and the
checker (dashboard.check.match) both call dashboard/schema/official.py and agree."""

from datetime import date

from dashboard.check import match
from dashboard.check.periods import Period
from dashboard.etl import frames


def test_the_build_and_the_checker_choose_the_same_official_figure(tables):
    obs = frames.rows_of(tables["observations"])
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
        chosen = match.choose(rows, check["indicator"], check["reporter"], period, claim["status"])
        found = chosen.official["obs_id"] if chosen.official is not None else ""
        assert found == check["official_obs_id"], check["claim_id"]
        compared += bool(found)
    assert compared == len(checks), "every claim of the articles has an official figure"


def test_the_checker_holds_no_ranking_of_its_own():
    for name in ("KIND_ORDER", "FLOW_KIND_ORDER", "_rank", "_capacity"):
        assert not hasattr(match, name)
