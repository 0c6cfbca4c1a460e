"""The `series` column: one line per series, so an indicator's rows pivot by series."""

import io
import re

import pandas as pd

from dashboard.etl.publish import files


def test_series_and_period_are_unique_in_every_indicator_and_pivot(tables):
    obs = tables["observations"]
    assert (obs["series"] != "").all()
    for indicator, rows in obs.groupby("indicator"):
        doubled = rows[rows.duplicated(["series", "period"], keep=False)]
        assert doubled.empty, (indicator, doubled[["series", "period"]].head(3).to_dict("records"))
        wide = rows.pivot(index="period", columns="series", values="value")
        assert wide.notna().sum().sum() == len(rows)


def test_statements_of_one_period_are_series_of_their_own(tables):
    obs = tables["observations"]
    statements = obs[
        (obs["indicator"] == "trade_total")
        & (obs["kind"] == "official_statement")
        & (obs["status"] == "reported")
    ]
    stated_2017 = statements[statements["period"] == "2017"]
    assert stated_2017["source_id"].nunique() > 1  # the case the column exists for
    assert stated_2017["series"].nunique() == len(stated_2017)


def test_series_use_the_legend_words(tables):
    obs = tables["observations"]
    gdp = obs[(obs["indicator"] == "gdp") & (obs["source_id"] == "wb-wdi-ny-gdp-mktp-cd")]
    assert set(gdp["series"]) == {"China · World Bank WDI", "Russia · World Bank WDI"}
    imf = obs[(obs["indicator"] == "trade_cn_exports_to_ru") & (obs["source_id"] == "imf-dots")]
    assert set(imf["series"]) == {"China-reported, IMF DOTS", "Russia-reported, IMF DOTS"}


def test_year_is_an_integer_wherever_it_is_set(tables):
    text = files(tables)["observations.csv"].decode()
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    years = frame["year"][frame["year"] != ""]
    assert len(years) and all(re.fullmatch(r"[0-9]{4}", y) for y in years)
    assert (years == frame.loc[years.index, "period"]).all()
