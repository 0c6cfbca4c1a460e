"""The two opinion articles: their claimed figures and dated events, each cited to a passage.

Raw layout: datasets/raw/articles/{articles,passages,claims,events}.csv (RAW_ARTICLES,
RAW_PASSAGES, RAW_CLAIMS, RAW_EVENTS): bibliographic records and the short passages that
carry a figure, never the full text.
"""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.etl import frames
from dashboard.etl.rawfiles import check_known, read_csv, read_origin
from dashboard.etl.stated import check_figures, read_events
from dashboard.etl.steps import Context, StepOutput
from dashboard.schema import vocabulary as v
from dashboard.schema.tables import INT, STATED, D, Field, S, raw_table, text_fields

FOLDER = "articles"
NAME = "articles"
SHIPPED = True
RAW_ARTICLES = raw_table(
    "articles",
    "articles.csv",
    (
        *text_fields("article_id", "author", "title", "publisher"),
        Field("date_published", D, "date_published", required=False),
        *text_fields("url", required=False),
        *text_fields("text_file", "text_sha256"),
        *text_fields("note", required=False),
    ),
    ("article_id",),
)

RAW_PASSAGES = raw_table(
    "passages",
    "passages.csv",
    (
        *text_fields("source_id", "article_id"),
        Field("paragraph", INT, "paragraph"),
        *text_fields("quote"),
    ),
    ("source_id",),
)

RAW_CLAIMS = raw_table(
    "claims",
    "claims.csv",
    (
        *text_fields("claim_id", "source_id"),
        *STATED,
        *text_fields("attributed_to", required=False),
        Field(
            "compare_kind",
            S,
            "compare_kind",
            enum=("official_series", "official_statement", "derived"),
        ),
        Field("compare_reporter", S, "compare_reporter", required=False, enum=v.REPORTERS),
        *text_fields("compare_with", "note", required=False),
    ),
    ("claim_id",),
)


def build(folder: Path, context: Context) -> StepOutput:
    """Claims as observations (kind article_claim), passages as sources, and the claims
    themselves (checked once every source has been read)."""
    origin = read_origin(folder)
    sources = read_passages(folder, origin)
    quotes = dict(zip(sources["source_id"], sources["quote"], strict=True))
    path = folder / "claims.csv"
    claims = read_csv(path, RAW_CLAIMS)
    check_figures(claims, path, context.units, quotes)
    claims["kind"] = "article_claim"
    observations = frames.observations(frames.rows_of(claims.drop(columns=["note"])))
    claims["obs_id"] = observations["obs_id"].to_numpy()
    events = read_events(folder / "events.csv", set(quotes))
    return StepOutput(observations, sources, events, claims.reset_index(drop=True))


def read_passages(folder: Path, origin: Mapping[str, Any]) -> pd.DataFrame:
    """One source per quoted passage, cited to its article."""
    articles = read_csv(folder / "articles.csv", RAW_ARTICLES)
    path = folder / "passages.csv"
    passages = read_csv(path, RAW_PASSAGES)
    check_known(passages, "article_id", set(articles["article_id"]), path, "article id")
    by_id = {a["article_id"]: a for a in frames.rows_of(articles)}
    rows = []
    for passage in frames.rows_of(passages):
        article = by_id[passage["article_id"]]
        date = article["date_published"]
        rows.append(
            {
                "source_id": passage["source_id"],
                "kind": "article",
                "producer": article["author"],
                "title": article["title"],
                "date_published": date,
                "date_accessed": origin["date_accessed"],
                "url_main": article["url"],
                "citation_full": _citation(article, date),
                "attribution_short": f"{article['author']} ({date[:4] or 'n.d.'})",
                "quote": passage["quote"],
                "locator": f"paragraph {passage['paragraph']}",
                "language": "en",
                "retrieved_from": origin["retrieved_from"],
                "processing": origin["processing"],
                "document_id": passage["article_id"],
                "tier": "article_claim",
            }
        )
    return frames.sources(rows)


def _citation(article: Mapping[str, str], date: str) -> str:
    parts = [f"{article['author']} ({date or 'n.d.'}). {article['title']}. {article['publisher']}."]
    if article["url"]:
        parts.append(article["url"])
    return " ".join(parts)
