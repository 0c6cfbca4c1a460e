"""Trust tiers: one vocabulary, a tier on every source, and verdicts decided by the best tier
for the period, never by a projection, never by the claim's own page."""

from typing import Any

from dashboard.etl import frames
from dashboard.schema import official
from dashboard.schema.vocabulary import TIERS, worst_tier

PERIOD = ("2024-01-01", "2024-12-31")


def _row(
    source_id: str, value: float, kind: str = "official_series", **more: Any
) -> dict[str, Any]:
    return {
        "obs_id": f"o-{source_id}",
        "indicator": "gdp",
        "economy": "CHN",
        "reporter": "",
        "period_start": PERIOD[0],
        "period_end": PERIOD[1],
        "value": value,
        "status": "reported",
        "kind": kind,
        "source_id": source_id,
        "input_source_ids": "",
    } | more


SOURCES = {
    "copy": {"tier": "third_party_copy", "url_main": "https://mirror.example/gdp"},
    "own": {"tier": "producer_dataset", "url_main": "https://producer.example/gdp"},
    "weo-proj": {"tier": "projection", "url_main": "https://imf.example/weo"},
    "agency": {"tier": "news_agency_official", "url_main": "https://agency.example/story"},
    "reprint": {"tier": "reprint", "url_main": "https://aggregator.example/story"},
}


def test_the_vocabulary_is_ordered_best_first_and_described():
    assert list(TIERS)[0] == "producer_dataset" and list(TIERS)[-1] == "article_claim"
    assert all(text and "\n" not in text for text in TIERS.values())
    assert worst_tier(["reprint", "producer_dataset", "processed"]) == "processed"


def test_every_source_has_a_tier_of_the_vocabulary(tables):
    sources = tables["sources"]
    assert set(sources["tier"]) <= set(TIERS)
    by_kind = sources.groupby("kind")["tier"].agg(set)
    assert by_kind["article"] == {"article_claim"}
    assert "projection" in set(sources["tier"])


def test_a_derived_source_takes_the_worst_tier_of_its_inputs(tables):
    tiers = dict(zip(tables["sources"]["source_id"], tables["sources"]["tier"], strict=True))
    made = tables["observations"][tables["observations"]["kind"] == "derived"]
    for method, rows in made.groupby("source_id"):
        inputs = {i for ids in rows["input_source_ids"] for i in ids.split(";")}
        assert tiers[method] == worst_tier(tiers[i] for i in inputs), method


def test_a_reported_statement_says_who_reports_whom(tables):
    sources = tables["sources"].set_index("source_id")
    tass = sources.loc["stmt-finomenov-2015-trade-2014"]
    assert tass["tier"] == "reprint"
    assert tass["cites"].startswith("reprinted by ") and ", citing " in tass["cites"]
    assert sources.loc["stmt-tass-2024-08-07-trade-2023", "cites"].startswith("reported by TASS")


def test_the_best_tier_for_the_period_decides():
    rows = [_row("copy", 100.0), _row("own", 101.0)]
    chosen = official.choose(rows, None, *PERIOD, sources=SOURCES)
    assert chosen is not None and chosen["source_id"] == "own"
    assert official.tier(chosen, SOURCES) == "producer_dataset"


def test_a_projection_never_decides():
    rows = [_row("weo-proj", 100.0)]
    assert official.choose(rows, None, *PERIOD, sources=SOURCES) is None
    rows.append(_row("reprint", 99.0, kind="official_statement"))
    chosen = official.choose(rows, None, *PERIOD, sources=SOURCES)
    assert chosen is not None and chosen["source_id"] == "reprint"


def test_a_derived_row_resting_on_a_projection_never_decides():
    made = _row("derived-x", 5.0, kind="derived", input_source_ids="own;weo-proj")
    assert official.tier(made, SOURCES) == "projection"
    assert official.choose([made], None, *PERIOD, sources=SOURCES) is None


def test_a_claim_is_never_checked_against_its_own_page():
    rows = [_row("agency", 100.0, kind="official_statement"), _row("copy", 98.0)]
    own = SOURCES["agency"]["url_main"]
    chosen = official.choose(rows, None, *PERIOD, sources=SOURCES, own_url=own)
    assert chosen is not None and chosen["source_id"] == "copy"
    alone = official.choose(rows[:1], None, *PERIOD, sources=SOURCES, own_url=own)
    assert alone is None


def test_claims_check_names_the_tier_it_used(tables):
    checks = tables["claims_check"]
    tiers = dict(zip(tables["sources"]["source_id"], tables["sources"]["tier"], strict=True))
    observations = tables["observations"].set_index("obs_id")
    for check in frames.rows_of(checks[checks["official_obs_id"] != ""]):
        row = observations.loc[check["official_obs_id"]]
        inputs = row["input_source_ids"].split(";") if row["input_source_ids"] else []
        expected = worst_tier(tiers[i] for i in inputs) if inputs else tiers[row["source_id"]]
        assert check["official_tier"] == expected, check["claim_id"]
    assert not set(checks["official_tier"]) & {"projection", "article_claim"}
