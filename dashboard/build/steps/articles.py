"""The two opinion articles: their claimed figures and dated events, each cited to a passage."""

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from dashboard.build import model
from dashboard.build.raw import (
    check_choice,
    check_known,
    check_unique,
    numbers,
    read_origin,
    read_table,
    stated_observations,
)
from dashboard.build.steps import StepOutput
from dashboard.build.steps.events import read_events

FOLDER = "articles"
ARTICLE_FIELDS = ["article_id", "author", "title", "publisher", "date_published", "url"]
PASSAGE_FIELDS = ["source_id", "article_id", "paragraph", "quote"]
CLAIM_FIELDS = [
    "claim_id",
    "source_id",
    *model.STATED_COLUMNS,
    "value_text",
    "attributed_to",
    "compare_kind",
    "compare_reporter",
    "compare_with",
    "note",
]


def run(raw: Path, units: Mapping[str, str]) -> tuple[StepOutput, pd.DataFrame]:
    """Claims as observations (kind article_claim), passages as sources, and the claims."""
    folder = raw / FOLDER
    origin = read_origin(folder)
    sources = read_passages(folder, origin)
    path = folder / "claims.csv"
    table = read_table(path, CLAIM_FIELDS)
    check_unique(table, ["claim_id"], path)
    check_choice(table, "compare_kind", ("official_series", "official_statement", "derived"), path)
    check_choice(table, "compare_reporter", model.REPORTERS, path)
    claims = stated_observations(table, path, units, set(sources["source_id"]))
    claims["kind"] = "article_claim"
    observations = model.observations(model.rows(claims.drop(columns=["note"])))
    claims["obs_id"] = observations["obs_id"].to_numpy()
    events = read_events(folder / "events.csv", set(sources["source_id"]))
    return StepOutput(observations, sources, events), claims.reset_index(drop=True)


def read_passages(folder: Path, origin: Mapping[str, str]) -> pd.DataFrame:
    """One source per quoted passage, cited to its article."""
    articles_path = folder / "articles.csv"
    articles = read_table(articles_path, ARTICLE_FIELDS)
    check_unique(articles, ["article_id"], articles_path)
    path = folder / "passages.csv"
    passages = read_table(path, PASSAGE_FIELDS)
    check_unique(passages, ["source_id"], path)
    check_known(passages, "article_id", set(articles["article_id"]), path, "article id")
    paragraphs = numbers(passages, "paragraph", path).astype(int).tolist()
    by_id = {a["article_id"]: a for a in model.rows(articles)}
    rows = []
    for paragraph, passage in zip(paragraphs, model.rows(passages), strict=True):
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
                "locator": f"paragraph {paragraph}",
                "language": "en",
                "retrieved_from": origin["retrieved_from"],
                "processing": origin["processing"],
                "document_id": passage["article_id"],
            }
        )
    return model.sources(rows)


def _citation(article: Mapping[str, str], date: str) -> str:
    parts = [f"{article['author']} ({date or 'n.d.'}). {article['title']}. {article['publisher']}."]
    if article["url"]:
        parts.append(article["url"])
    return " ".join(parts)
