"""Transforms of a series (pure functions on lists), the view's transform in the URL and the
stores, and a chart's CSV in a transform. The monthly frame below is hand-made (no monthly
series is published yet): its values are made up to make the sums easy to check."""

import csv
import io
import math

import pandas as pd
import pytest

from dashboard import callbacks, guards, memo, view
from dashboard.charts import plotting, transforms
from dashboard.charts.registry import CHARTS, PAGES_BY_ID
from dashboard.schema import paths, windows

NAN = math.nan


def same(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(
        (math.isnan(x) and math.isnan(y)) or x == pytest.approx(y)
        for x, y in zip(a, b, strict=True)
    )


def test_previous_period_of_years_and_months():
    assert windows.previous_period("2020") == "2019"
    assert windows.previous_period("2020-01") == "2019-12"
    assert windows.previous_period("2020-10") == "2020-09"
    assert windows.previous_period("June–July 2023") is None


def test_pct_change_first_period_gaps_zero_and_missing():
    periods = ["2010", "2011", "2012", "2014", "2015", "2016", "2017"]
    values = [100.0, 110.0, 0.0, 50.0, 75.0, NAN, 10.0]
    # first: none; 2012 on 2011; 2014 after a gap (2013 missing): none; 2015 on 2014;
    # 2016 missing; 2017 after a missing value: none
    assert same(transforms.pct_change(periods, values), [NAN, 10.0, -100.0, NAN, 50.0, NAN, NAN])
    assert same(transforms.pct_change(["2010", "2011"], [0.0, 5.0]), [NAN, NAN])  # from zero
    assert transforms.pct_change([], []) == []


def test_index_base_year_missing_zero_or_negative():
    years, values = [2014, 2015, 2016], [50.0, 200.0, -20.0]
    assert same(transforms.index(years, values, 2015), [25.0, 100.0, -10.0])
    assert same(transforms.index(years, values, 2013), [NAN] * 3)  # no point in the base year
    assert same(transforms.index(years, [1.0, 0.0, 2.0], 2015), [NAN] * 3)  # zero base
    assert same(transforms.index(years, values, 2016), [NAN] * 3)  # negative base
    assert same(transforms.index([2015, 2015], [10.0, 30.0], 2015), [50.0, 150.0])  # months


def test_per_capita_scales_the_unit_and_needs_a_population():
    people = {2020: 1.4e9, 2021: 0.0}
    got = transforms.per_capita([2020, 2021, 2022], [14.0, 1.0, 1.0], "USD bn", people)
    assert same(got, [10.0, NAN, NAN])
    assert same(transforms.per_capita([2020], [1.0], "percent", people), [NAN])
    assert transforms.unit("per_capita", "USD bn", 0) == "USD per person"


# Hand-made: 14 consecutive months of 2020-01..2021-02 with values 1..14, then a gap, then
# 2021-04; not a recording of any source.
MONTHS = [f"2020-{m:02d}" for m in range(1, 13)] + ["2021-01", "2021-02", "2021-04"]
VALUES = [float(n) for n in range(1, 15)] + [100.0]


def test_annual_totals_only_for_complete_years():
    assert [(p, v) for p, v, _ in transforms.annual_totals(MONTHS, VALUES)] == [("2020", 78.0)]
    assert transforms.annual_totals(["2020"], [1.0]) == []  # annual points are not months


def test_rolling_12m_needs_twelve_consecutive_months():
    rolled = [(p, v) for p, v, _ in transforms.rolling_12m(MONTHS, VALUES)]
    assert rolled == [("2020-12", 78.0), ("2021-01", 90.0), ("2021-02", 102.0)]


def _handmade_monthly() -> pd.DataFrame:
    """A hand-made monthly series in the published points' layout (made-up values)."""
    rows = []
    for n, (period, value) in enumerate(zip(MONTHS, VALUES, strict=True)):
        start = pd.Timestamp(f"{period}-01")
        rows.append(
            {
                "obs_id": f"o{n:010x}",
                "indicator": "trade_total",
                "indicator_title": "Hand-made test series",
                "economy": "CHN-RUS",
                "economy_label": "China–Russia",
                "series_id": "handmade",
                "series_basis": "",
                "basis_sources": "",
                "kind": "official_series",
                "status": "reported",
                "x": start + pd.Timedelta(days=14),
                "x_year": start.year,
                "period": period,
                "value": value,
                "value_low": NAN,
                "value_high": NAN,
                "qualifier": "exact",
                "unit": "USD bn",
                "verdict": "",
                "source_id": "handmade",
            }
        )
    return pd.DataFrame(rows)


def test_published_rolling_sums_and_year_on_year_agree_with_the_chart_transforms():
    """One definition (dashboard.schema.windows): the pipeline's cited rows equal the
    transforms applied to the published monthly total."""
    obs = pd.read_csv(paths.TIDY / "observations.csv", dtype={"period": str})
    total = obs[obs["indicator"] == "trade_total"]
    total = total[total["period"].str.fullmatch(r"\d{4}-\d{2}")].sort_values("period")
    periods, values = list(total["period"]), list(total["value"])
    rolled = {p: v for p, v, _ in transforms.rolling_12m(periods, values)}
    published = obs[obs["indicator"] == "trade_total_12m"].set_index("period")["value"]
    assert len(rolled) == len(published) > 12
    assert all(published[p] == pytest.approx(v) for p, v in rolled.items())
    by_month = dict(zip(periods, values, strict=True))
    yoy = obs[obs["indicator"] == "trade_total_yoy_pct"].set_index("period")["value"]
    assert len(yoy) == len(periods) - 12
    for period, value in yoy.items():
        before = by_month[windows.year_earlier(str(period)) or ""]
        assert value == pytest.approx(windows.change_percent(before, by_month[period]), abs=1e-4)


def test_monthly_tracks_become_annual_and_rolling_totals():
    frame = _handmade_monthly()
    frame = frame.reindex(columns=[*frame.columns, *_missing_columns(frame)], fill_value="")
    drawing = plotting.prepare(frame)
    annual = plotting.transformed(drawing, "annual", 2015, {})
    (track,) = annual.tracks
    assert (track.periods, track.y, track.x) == (["2020"], [78.0], ["2020-07-02"])
    assert len(track.inputs[0]) == 12
    rolling = plotting.transformed(drawing, "rolling_12m", 2015, {}).tracks[0]
    assert rolling.periods[-1] == "12 months to 2021-02" and rolling.y[-1] == 102.0
    changed = plotting.transformed(drawing, "pct_change", 2015, {}).tracks[0]
    assert changed.periods[0] == "2020-02" and changed.y[0] == pytest.approx(100.0)
    assert "2021-04" not in changed.periods  # after the gap


def _missing_columns(frame: pd.DataFrame) -> list[str]:
    from dashboard import data

    return [c for c in data.load().points.columns if c not in frame.columns]


IDS = {"s1"}


def test_transform_round_trips_through_the_url_and_the_stores():
    offered = ("level", "pct_change", "index")
    shown = view.View(2010, 2015, False, False, frozenset(IDS), "index", 2012)
    query = dict(part.split("=") for part in shown.query(IDS).split("&"))
    assert query["transform"] == "index" and query["base"] == "2012"
    assert view.from_query(query, (2000, 2025), IDS, offered) == shown
    offer = guards.Offer((2000, 2025), ("a",), (frozenset(IDS),), offered)
    assert view.from_store(offer, shown.store(offer)) == shown
    rows = view.from_rows(offer, 0, shown.rows(IDS))
    assert (rows.transform, rows.base) == ("index", 2012)


def test_bad_transforms_fall_back_in_urls_and_are_refused_in_callbacks():
    offered = ("level", "pct_change", "index")
    for query in (
        {"transform": "per_capita"},  # not offered here
        {"transform": "<script>"},
        {"transform": "index", "base": "1900"},  # clamped into the years
        {"transform": "index", "base": "20x5"},
    ):
        got = view.from_query(query, (2000, 2025), IDS, offered)
        assert got.transform in ("level", "index") and 2000 <= got.base <= 2025
    assert view.from_query({"transform": "per_capita"}, (2000, 2025), IDS, offered).transform == (
        "level"
    )
    offer = guards.Offer((2000, 2025), ("a",), (frozenset(IDS),), offered)
    stored = view.View(2010, 2015, False, False, frozenset(IDS)).store(offer)
    for bad in ({"transform": "rolling_12m"}, {"base": 1990}, {"base": "2010"}):
        with pytest.raises(guards.Refused):
            view.from_store(offer, stored | bad)


def test_a_chart_offers_change_and_index_and_no_monthly_without_months():
    page = PAGES_BY_ID["gdp"]
    assert memo.offer(page).transforms[:3] == ("level", "pct_change", "index")
    assert "annual" not in memo.offer(page).transforms


def test_a_page_with_months_offers_annual_and_rolling_totals():
    assert {"annual", "rolling_12m"} <= set(memo.offer(PAGES_BY_ID["trade"]).transforms)


def test_chart_csv_in_a_transform_names_it_and_keeps_the_level():
    chart = CHARTS[("trade", "turnover")]
    every = memo.drawable(chart)
    lines = every[every["kind"].isin(["official_series", "derived"]) & (every["period"] == "2010")]
    series = sorted(set(lines["series_id"]))[:1]
    stored = {"start": 2000, "end": 2020, "series": series, "transform": "index", "base": 2010}
    sent = callbacks.chart_download({"page": "trade", "chart": "turnover"}, stored)
    assert sent is not None and sent["filename"].endswith("-index-2010.csv")
    rows = list(csv.DictReader(io.StringIO(sent["content"])))
    assert rows and {r["transform"] for r in rows} == {"Index, 2010 = 100"}
    base = [r for r in rows if r["period"] == "2010"]
    assert base and float(base[0]["value"]) == pytest.approx(100.0)
    for row in rows:
        assert float(row["value"]) == pytest.approx(
            float(row["value_level"]) / float(base[0]["value_level"]) * 100
        )
        assert row["source_citation"]


def test_population_is_found_by_indicator_id_and_unit():
    # hand-made rows (made-up values), in the published points' columns used
    frame = pd.DataFrame(
        {
            "indicator": ["population", "population", "population", "gdp"],
            "unit": ["million persons", "million persons", "percent", "million persons"],
            "kind": ["official_series"] * 4,
            "period": ["2020", "2020-01", "2021", "2020"],
            "economy": ["RUS"] * 4,
            "source_id": ["wb"] * 4,
            "value": [146.0, 1.0, 2.0, 3.0],
        }
    )
    assert memo.people(frame) == {"RUS": {2020: 146e6}}
    assert memo.people(frame.iloc[2:]) == {}
