"""Load the tidy tables and join each point to its citation."""

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.cache import per_build
from dashboard.schema import paths, periods, published
from dashboard.schema.vocabulary import ECONOMY_LABELS, REPORTER_LABELS, worst_tier


@dataclass(frozen=True)
class Tables:
    """The tidy tables, plus every observation joined to its source and indicator."""

    observations: pd.DataFrame
    sources: pd.DataFrame
    indicators: pd.DataFrame
    events: pd.DataFrame
    claims_check: pd.DataFrame
    products: pd.DataFrame
    partners: pd.DataFrame
    points: pd.DataFrame


def load(folder: Path = paths.TIDY) -> Tables:
    """The published tables in `folder` (one consistent build), cached until the next."""
    return _joined(str(folder), published.load(folder).build)


@per_build(size=2, build=lambda: "")  # the build is an argument (tables of any folder)
def _joined(folder: str, build: str) -> Tables:
    frames = {name: frame.copy() for name, frame in published.load(Path(folder)).tables.items()}
    frames["events"] = join_events(frames["events"], frames["sources"])
    points = join_points(
        frames["observations"], frames["sources"], frames["indicators"], frames["claims_check"]
    )
    return Tables(**frames, points=points)


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a frame as dicts keyed by column name."""
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]


def join_events(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Events with the short citation of their source."""
    cited = sources[["source_id", "attribution_short", "title", "kind"]].rename(
        columns={
            "attribution_short": "source_short",
            "title": "source_title",
            "kind": "source_kind",
        }
    )
    joined = events.merge(cited, on="source_id", how="left", validate="many_to_one")
    return joined.assign(x=pd.to_datetime(joined["date"]))


def join_points(
    observations: pd.DataFrame,
    sources: pd.DataFrame,
    indicators: pd.DataFrame,
    claims_check: pd.DataFrame,
) -> pd.DataFrame:
    """Observations with their indicator title, source citation, verdict and last update."""
    citations = published.CITATION_COLUMNS
    cited = sources[["source_id", *citations]].rename(columns=citations)
    points = observations.merge(cited, on="source_id", how="left", validate="many_to_one")
    titles = indicators[["indicator", "title", "family"]].rename(
        columns={"title": "indicator_title"}
    )
    points = points.merge(titles, on="indicator", how="left", validate="many_to_one")
    verdicts = claims_check[["obs_id", "verdict", "reason"]]
    points = points.merge(verdicts, on="obs_id", how="left").fillna({"verdict": "", "reason": ""})
    for column, name in published.INPUT_CITATION_COLUMNS.items():
        lookup = dict(zip(sources["source_id"], sources[column], strict=True))
        points[name] = [_of_inputs(ids, lookup) for ids in points["input_source_ids"]]
    tiers = dict(zip(sources["source_id"], sources["tier"], strict=True))
    points["source_tier"] = [
        worst_tier(tiers[i] for i in ids.split(";")) if ids else tier
        for ids, tier in zip(points["input_source_ids"], points["source_tier"], strict=True)
    ]
    points["last_updated"] = _last_updated(points, sources)
    points["x"] = _midpoints(points)
    points["x_year"] = points["x"].dt.year.astype("int64")  # the year a point is drawn in
    return _with_series(points, sources)


def cited_table(frame: pd.DataFrame, sources: pd.DataFrame, row: dict[str, str]) -> pd.DataFrame:
    """Rows of the products or partners table with their source's citation (the layout
    `row`: published.CITED_PRODUCT or CITED_PARTNER)."""
    columns = published.TABLE_CITATION_COLUMNS
    cited = sources[["source_id", *columns]].rename(columns=columns)
    joined = frame.merge(cited, on="source_id", how="left", validate="many_to_one")
    out: pd.DataFrame = joined[list(row)]
    return out


def _of_inputs(ids: str, lookup: dict[str, str]) -> str:
    """A column of each input's source, in the order of the ids (empty without inputs)."""
    if not ids:
        return ""
    return published.INPUT_SEPARATOR.join(lookup.get(i, "") for i in ids.split(";"))


def cited_rows(points: pd.DataFrame) -> pd.DataFrame:
    """Points in the cited row's layout (schema/published.py), columns in its order."""
    rows: pd.DataFrame = points[list(published.CITED_ROW)]
    return rows


def _midpoints(points: pd.DataFrame) -> pd.Series:
    """Where a point sits on the time axis: the middle of its period."""
    start = pd.to_datetime(points["period_start"])
    end = pd.to_datetime(points["period_end"])
    return (start + (end - start) / 2).dt.normalize()


STATUS_LABELS = {"target": "target", "planned": "planned (announced)", "reported": ""}


def _with_series(points: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Group points into series: same indicator, economy, reporter, kind, status and basis."""
    kinds = dict(zip(sources["source_id"], sources["kind"], strict=True))
    shorts = dict(zip(sources["source_id"], sources["attribution_short"], strict=True))

    def basis(kind: str, source: str, short: str, input_ids: str) -> tuple[str, str, str]:
        """Series key part, legend label, and the source names behind it."""
        if kind == "official_series":
            return source, shorts[source], shorts[source]
        if kind == "official_statement":
            return "statements", "official statements", "official statements"
        if kind == "article_claim":
            return "claims", f"claims of {short}", short
        inputs = sorted(
            {i if kinds[i] != "official_statement" else "statements" for i in input_ids.split(";")}
        )
        names = " + ".join(sorted({shorts.get(i, "official statements") for i in inputs}))
        mixed = ", mixed-source" if "mixed" in source else ""
        return f"{source}|{';'.join(inputs)}", f"{names} (derived{mixed})", names

    columns = ("kind", "source_id", "source_short", "input_source_ids")
    bases = pd.DataFrame(  # row by row in Python: pandas' apply(axis=1) took 10 times longer
        [basis(*row) for row in zip(*(points[c] for c in columns), strict=True)],
        index=points.index,
        columns=[0, 1, 2],
    )
    points["basis_sources"] = bases[2]
    frequency_words = points["frequency"].map(lambda f: periods.LABELS.get(f, ""))
    key = (
        points["indicator"]
        + "~"
        + points["economy"]
        + "~"
        + points["reporter"]
        + "~"
        + points["kind"]
        + "~"
        + points["status"]
        + "~"
        + bases[0]
        + "~"
        + frequency_words
    )
    points["series_id"] = key.map(lambda k: "s" + hashlib.sha1(k.encode()).hexdigest()[:7])
    words = zip(points["reporter"], bases[1], points["status"], frequency_words, strict=True)
    labels = [
        ", ".join(p for p in (REPORTER_LABELS[r], b, STATUS_LABELS[s], f) if p)
        for r, b, s, f in words
    ]
    points["series_basis"] = labels
    points["economy_label"] = points["economy"].map(ECONOMY_LABELS)
    return points


def _last_updated(points: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """The source's own publication date; for derived points the latest of their inputs'."""
    published = dict(zip(sources["source_id"], sources["date_published"], strict=True))

    def latest(input_ids: str, source: str) -> str:
        ids = input_ids.split(";") if input_ids else [source]
        return max((published.get(i, "") for i in ids), default="")

    pairs = zip(points["input_source_ids"], points["source_id"], strict=True)
    return pd.Series([latest(*pair) for pair in pairs], index=points.index, dtype=str)
