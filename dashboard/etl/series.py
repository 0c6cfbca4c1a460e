"""The `series` column: the line a row belongs to, named in the words of the charts' legends,
so that (indicator, series, period) is unique and a pivot by series works per indicator.

A series is the economy (where the indicator has several), the reporter, the basis (the
source's short name for an official series; "official statements"; "claims of" the author;
the inputs' names for a derived value), the status (target, planned) and the frequency where
it is not a year or irregular (monthly, part of a year, quarterly). Where several
statements, claims or derived values of one series give the same period, each source is a
series of its own (the short names of the sources added, their ids where that is not enough).
"""

import pandas as pd

from dashboard.schema.periods import LABELS
from dashboard.schema.vocabulary import ECONOMY_LABELS, REPORTER_LABELS

STATUS_LABELS = {"target": "target", "planned": "planned (announced)", "reported": ""}


def named(observations: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """Each row's series name (observations and sources in the tidy layout)."""
    kinds = dict(zip(sources["source_id"], sources["kind"], strict=True))
    shorts = dict(zip(sources["source_id"], sources["attribution_short"], strict=True))

    def basis(row: pd.Series) -> str:
        if row["kind"] == "official_series":
            return str(shorts[row["source_id"]])
        if row["kind"] == "official_statement":
            return "official statements"
        if row["kind"] == "article_claim":
            return f"claims of {shorts[row['source_id']]}"
        inputs = {
            "official statements" if kinds[i] == "official_statement" else shorts[i]
            for i in str(row["input_source_ids"]).split(";")
        }
        mixed = ", mixed-source" if "mixed" in row["source_id"] else ""
        return f"{' + '.join(sorted(inputs))} (derived{mixed})"

    obs = observations
    several = obs.groupby("indicator")["economy"].transform("nunique") > 1
    labels = zip(
        obs["reporter"].map(REPORTER_LABELS),
        obs.apply(basis, axis=1),
        obs["status"].map(STATUS_LABELS),
        obs["frequency"].map(lambda f: LABELS.get(f, "")),
        strict=True,
    )
    words = [", ".join(p for p in parts if p) for parts in labels]
    series = pd.Series(words, index=obs.index, dtype=str)
    series = series.where(~several, obs["economy"].map(ECONOMY_LABELS) + " · " + series)
    inputs = obs["input_source_ids"].where(obs["kind"] == "derived", obs["source_id"])
    named_inputs = inputs.map(lambda i: " + ".join(sorted({shorts[s] for s in i.split(";")})))
    for by in (named_inputs, inputs.str.replace(";", " + ")):
        series = _apart(obs, series, by)
    return series


def _apart(obs: pd.DataFrame, series: pd.Series, by: pd.Series) -> pd.Series:
    """Every row of a series that gives one period twice, named with `by` added."""
    clash = pd.DataFrame({"i": obs["indicator"], "s": series, "p": obs["period"]})
    doubled = clash[clash.duplicated(["i", "s", "p"], keep=False)]
    split = set(zip(doubled["i"], doubled["s"], strict=True))
    marked = [(i, s) in split for i, s in zip(clash["i"], clash["s"], strict=True)]
    return series.where(~pd.Series(marked, index=series.index), series + " (" + by + ")")
