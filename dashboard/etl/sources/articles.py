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
from dashboard.etl.sources import StepOutput
from dashboard.etl.stated import check_figures, read_events
from dashboard.schema.tables import RAW_ARTICLES, RAW_CLAIMS, RAW_PASSAGES

FOLDER = "articles"


def step(folder: Path, units: Mapping[str, str]) -> tuple[StepOutput, pd.DataFrame]:
    """Claims as observations (kind article_claim), passages as sources, and the claims."""
    origin = read_origin(folder)
    sources = read_passages(folder, origin)
    quotes = dict(zip(sources["source_id"], sources["quote"], strict=True))
    path = folder / "claims.csv"
    claims = read_csv(path, RAW_CLAIMS)
    check_figures(claims, path, units, quotes)
    claims["kind"] = "article_claim"
    observations = frames.observations(frames.rows_of(claims.drop(columns=["note"])))
    claims["obs_id"] = observations["obs_id"].to_numpy()
    events = read_events(folder / "events.csv", set(quotes))
    return StepOutput(observations, sources, events), claims.reset_index(drop=True)


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
            }
        )
    return frames.sources(rows)


def _citation(article: Mapping[str, str], date: str) -> str:
    parts = [f"{article['author']} ({date or 'n.d.'}). {article['title']}. {article['publisher']}."]
    if article["url"]:
        parts.append(article["url"])
    return " ".join(parts)
