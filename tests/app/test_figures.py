"""Every point of every figure carries its source; kinds of source look different."""

import pandas as pd
import pytest

from dashboard import data, figures, views
from dashboard.charts import CHARTS

CHART_KEYS = sorted(CHARTS)


@pytest.fixture(scope="module")
def tables() -> data.Tables:
    return data.load()


@pytest.mark.parametrize("key", CHART_KEYS, ids="/".join)
def test_every_point_of_every_chart_cites_its_source(tables, key):
    chart = CHARTS[key]
    points = views.chart_points(tables.points, chart)
    figure = figures.chart_figure(points, chart, tables.events)
    by_id = points.set_index("obs_id")
    drawn = 0
    for trace in figure.data:
        assert "Source: %{customdata[4]}" in trace.hovertemplate
        for custom in trace.customdata:
            obs_id, source_line = custom[0], custom[4]
            assert source_line and " — " in source_line
            if trace.uid == "events":
                assert obs_id.startswith("event:")
                continue
            drawn += 1
            point = by_id.loc[obs_id]
            named = point["basis_sources"] if point["kind"] == "derived" else point["source_short"]
            assert source_line.startswith(named)
            assert point["source_citation"]
    assert drawn == len(points)
    annotation = figure.layout.annotations[0].text
    assert annotation.startswith("Sources: ")
    assert figure.layout.title.text == chart.title


def test_kinds_of_source_are_drawn_differently(tables):
    chart = CHARTS[("trade", "turnover")]
    figure = figures.chart_figure(views.chart_points(tables.points, chart), chart)
    modes = {}
    for trace in figure.data:
        kind = trace.customdata[0][5]
        modes[kind] = (trace.mode, trace.line.dash if trace.line else None, trace.marker.symbol)
    assert modes["derived"][0] == "lines+markers" and modes["derived"][1] == "dash"
    claim_symbols = modes["article claim"][2]
    assert all(str(s).endswith("-open") for s in claim_symbols)


def test_source_line_names_every_source_kind():
    points = pd.DataFrame(
        {
            "kind": ["official_series", "official_statement", "article_claim", "derived"],
            "source_short": [
                "IMF DOTS",
                "TASS (2018)",
                "Wang He (2021)",
                "Derived by this project",
            ],
            "source_producer": ["International Monetary Fund", "TASS", "Wang He", "x"],
            "basis_sources": ["", "", "", "IMF DOTS"],
        }
    )
    names = figures.source_names(points)
    assert names == [
        "IMF DOTS",
        "derived by this project from IMF DOTS",
        "official statements reported by TASS",
        "Wang He (2021)",
    ]


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (15.761, "percent", "15.76 %"),
        (1493.08, "USD bn", "US$ 1.493 trillion"),
        (107.06, "USD bn", "US$ 107.06 bn"),
        (10.04, "ratio", "10.04×"),
        (38, "bcm/yr", "38.00 bcm/yr"),
    ],
)
def test_format_value(value, unit, text):
    assert figures.format_value(value, unit) == text
