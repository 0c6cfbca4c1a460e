"""Claims say what their quotes say, quotes stand in their articles, verdicts follow the rule."""

import pandas as pd
import pytest

from dashboard.schema import paths
from dashboard.schema.verdict import quoted_values

RAW = paths.RAW


def _stated(folder: str, values: str, sources: str) -> pd.DataFrame:
    rows = pd.read_csv(RAW / folder / values, dtype=str, keep_default_na=False)
    quotes = pd.read_csv(RAW / folder / sources, dtype=str, keep_default_na=False)
    return rows.merge(quotes[["source_id", "quote"]], on="source_id", how="left")


def _assert_value_matches_text(row: pd.Series) -> None:
    assert row["value_text"] in row["quote"], row.to_dict()
    stated = quoted_values(row["value_text"], row["unit"])
    if row["qualifier"] == "range":
        expected = [float(row["value_low"]), float(row["value_high"])]
    else:
        expected = [float(row["value"])]
    assert stated == pytest.approx(expected), (row["value_text"], expected)


def test_every_claim_states_its_value_in_its_quote():
    claims = _stated("articles", "claims.csv", "passages.csv")
    assert len(claims) >= 10
    for _, claim in claims.iterrows():
        _assert_value_matches_text(claim)


def test_every_statement_value_with_a_text_matches_its_quote():
    values = _stated("statements", "values.csv", "sources.csv")
    with_text = values[values["value_text"] != ""]
    assert len(with_text) > 0.7 * len(values)
    for _, row in with_text.iterrows():
        _assert_value_matches_text(row)


def test_every_statement_quote_stands_in_statements_md(shared_sources):
    """Each statement is quoted from STATEMENTS.md, or was read later in a stored public page
    and is listed, with its page and date, in datasets/raw/NEW-SOURCES.md."""
    text = (shared_sources / "STATEMENTS.md").read_text(encoding="utf-8")
    later = (RAW / "NEW-SOURCES.md").read_text(encoding="utf-8")
    sources = pd.read_csv(RAW / "statements" / "sources.csv", dtype=str, keep_default_na=False)
    for _, source in sources.iterrows():
        if source["quote"] not in text:
            assert f"| {source['source_id']} |" in later, source["source_id"]
            continue
        composed = "composed from that number" in source["note"]
        assert source["url_main"] in text or composed, source["source_id"]


def test_every_quote_stands_in_its_article_at_its_paragraph(shared_articles):
    articles = pd.read_csv(RAW / "articles" / "articles.csv", dtype=str, keep_default_na=False)
    passages = pd.read_csv(RAW / "articles" / "passages.csv", dtype=str, keep_default_na=False)
    for _, article in articles.iterrows():
        text = (shared_articles / article["text_file"]).read_text(encoding="utf-8")
        assert __import__("hashlib").sha256(text.encode()).hexdigest() == article["text_sha256"]
        paragraphs = [line for line in text.split("\n") if line.strip()]
        mine = passages[passages["article_id"] == article["article_id"]]
        for _, passage in mine.iterrows():
            assert passage["quote"] in paragraphs[int(passage["paragraph"]) - 1]


def test_claims_check_covers_every_claim_with_a_verdict(tables):
    check = tables["claims_check"]
    claims = pd.read_csv(RAW / "articles" / "claims.csv", dtype=str, keep_default_na=False)
    assert sorted(check["claim_id"]) == sorted(claims["claim_id"])
    compared = check[check["official_obs_id"] != ""]
    assert set(compared["official_obs_id"]) <= set(tables["observations"]["obs_id"])
    assert (compared["official_source_id"] != compared["source_id"]).all()


@pytest.mark.parametrize(
    ("claim_id", "verdict"),
    [
        ("wang2021-trade-target-2024", "target-met"),  # GACC 2024: 244.81 >= 200
        ("wang2021-gas-capacity", "consistent"),  # 38 bcm/yr stated by Gazprom/Kremlin
        ("wang2021-gas-capacity-share", "consistent"),  # 38 / 121.34 = 31.3 % > 30 %
        ("wang2021-gdp-russia-2020", "consistent"),  # 1460 vs WDI 1493.1: within 5 %
        ("wang2021-trade-2018", "approximate"),  # about 100 vs GACC 107.06
    ],
)
def test_verdicts_of_known_claims(tables, claim_id, verdict):
    check = tables["claims_check"].set_index("claim_id")
    assert check.loc[claim_id, "verdict"] == verdict, check.loc[claim_id].to_dict()
