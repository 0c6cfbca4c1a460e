"""Every point of every figure carries its source; kinds of source look different."""

import math
from dataclasses import replace
from typing import Any

import pandas as pd
import pytest
from dash import dcc

from dashboard import cards, citations, data, memo
from dashboard.charts import encoding, plotting
from dashboard.charts.registry import CHARTS, MONTHLY, NOT_MONTHLY, PAGES_BY_ID, Chart

CHART_KEYS = sorted(CHARTS)


@pytest.fixture(scope="module")
def tables() -> data.Tables:
    return data.load()


@pytest.mark.parametrize("key", CHART_KEYS, ids="/".join)
def test_every_point_of_every_chart_cites_its_source(tables, key):
    chart = CHARTS[key]
    points = memo.chart_points(tables.points, chart)
    figure = plotting.chart_figure(points, chart, tables.events)
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
    annotation = figure.layout.annotations[-1].text
    assert annotation.startswith("Sources: ")
    assert figure.layout.title.text.startswith(chart.title + "<br>")


def test_kinds_of_source_are_drawn_differently(tables):
    chart = CHARTS[("trade", "turnover")]
    figure = plotting.chart_figure(memo.chart_points(tables.points, chart), chart)
    modes = {}
    for trace in figure.data:
        kind = trace.customdata[0][5]
        modes[kind] = (trace.mode, trace.line.dash if trace.line else None, trace.marker.symbol)
    assert modes["derived"][0] == "lines+markers" and modes["derived"][1] == "dash"
    assert str(modes["article claim"][2]).endswith("-open")


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
    assert encoding.source_line(points) == (
        "Sources: IMF DOTS; derived by this project from IMF DOTS; "
        "official statements reported by TASS; Wang He (2021)."
    )


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
    assert encoding.format_value(value, unit) == text


def _colors(spec: dict[str, Any]) -> dict[str, str]:
    return {
        t["uid"]: t["line"]["color"] if "line" in t else t["marker"]["color"]
        for t in spec["data"]
        if t["uid"] != "events"
    }


@pytest.mark.parametrize("key", CHART_KEYS, ids="/".join)
def test_a_series_keeps_its_colour_whatever_else_is_shown(tables, key):
    chart = CHARTS[key]
    every = memo.chart_points(tables.points, chart)
    colors = encoding.series_colors(every)
    full = _colors(plotting.chart_spec(every, every=every))
    series = encoding.series_order(every)
    for dropped in series:
        rest = every[every["series_id"] != dropped]
        narrow = rest[rest["x"].dt.year >= 2015]
        subset = _colors(plotting.chart_spec(narrow, every=every))
        assert all(full[uid] == color for uid, color in subset.items())
    drawn = every[every["kind"] != "article_claim"]
    assert len(set(colors.values())) == min(len(set(drawn["series_id"])), len(encoding.PALETTE))


def test_legend_names_are_short_and_stable(tables):
    chart = CHARTS[("settlement", "national")]
    every = memo.chart_points(tables.points, chart)
    labels = encoding.series_labels(every)
    assert all(not label.startswith("Share of Russia–China trade") for label in labels.values())
    assert {label.split(" · ")[0] for label in labels.values()} >= {"Rubles", "Yuan"}
    one = every[every["indicator"] == "settlement_yuan_share"]
    spec = plotting.chart_spec(one, every=every)
    assert {t["name"] for t in spec["data"]} <= set(labels.values())
    flows = memo.chart_points(tables.points, CHARTS[("trade", "flows")])
    assert any(
        n.startswith("China's exports to Russia") for n in encoding.series_labels(flows).values()
    )


def test_palette_is_fixed_and_has_no_claim_colours():
    assert len(set(encoding.PALETTE)) == len(encoding.PALETTE) == 10
    verdict_colors = {color for _, _, color in encoding.VERDICT_STYLES.values()}
    assert not verdict_colors & set(encoding.PALETTE)


def test_claims_are_drawn_last_with_one_shape_per_verdict(tables):
    chart = CHARTS[("trade", "turnover")]
    spec = plotting.chart_spec(memo.chart_points(tables.points, chart))
    kinds = [t["customdata"][0][5] for t in spec["data"]]
    first_claim = kinds.index("article claim")
    assert set(kinds[first_claim:]) == {"article claim"}
    for trace in spec["data"][first_claim:]:
        verdict = trace["uid"].rsplit("-", 1)[-1] if "-" in trace["uid"] else ""
        symbols = {style[1] for style in encoding.VERDICT_STYLES.values()}
        assert trace["marker"]["symbol"] in symbols
        assert verdict
    shapes = {style[1] for v, style in encoding.VERDICT_STYLES.items() if v}
    words = {style[0] for style in encoding.VERDICT_STYLES.values()}
    assert len(words) == len(encoding.VERDICT_STYLES)  # every verdict says itself in words
    assert {"circle-open", "x-thin-open"} <= shapes


def test_an_empty_range_draws_a_message_not_an_axis(tables):
    chart = CHARTS[("gdp", "levels")]
    points = memo.chart_points(tables.points, chart)
    spec = plotting.chart_spec(points.iloc[:0])
    assert spec["data"] == []
    assert spec["layout"]["xaxis"]["visible"] is False
    assert spec["layout"]["annotations"][0]["text"] == encoding.EMPTY_MESSAGE
    assert encoding.source_line(points.iloc[:0]) == ""


def test_yearly_data_gets_yearly_ticks(tables):
    chart = CHARTS[("gdp", "levels")]
    points = memo.chart_points(tables.points, chart)
    annual = points[points["period"].str.fullmatch(r"\d{4}")]
    axis = plotting.chart_spec(annual)["layout"]["xaxis"]
    assert axis["tickformat"] == "%Y" and axis["dtick"].startswith("M") and axis["tick0"]
    assert int(axis["dtick"][1:]) % 12 == 0


def test_events_are_numbered_and_chosen_by_page_topic(tables):
    page = PAGES_BY_ID["gas"]
    events = tables.events[tables.events["category"].isin(page.event_topics)]
    assert set(events["category"]) == {"energy"}
    assert memo.page_events(page, 1900, 2100) == plotting.event_list(events)
    assert memo.page_events(PAGES_BY_ID["gdp"], 1900, 2100) == []
    chart = page.charts[0]
    points = memo.chart_points(tables.points, chart)
    spec = plotting.chart_spec(points, events)
    marked = plotting.chart_events(
        plotting.event_list(events),
        *plotting.span(plotting.prepare(points).select(1900, 2100, list(points["series_id"]))),
    )
    trace = next(t for t in spec["data"] if t["uid"] == "events")
    assert trace["text"] == [str(n) for n in range(1, len(marked) + 1)]
    assert trace["customdata"][0][3] == marked[0].label
    notes = str(cards.chart_notes("Sources: x.", marked))
    assert all(event.label in notes for event in marked)


def test_the_modebar_has_no_cloud_button():
    config = cards.GRAPH_CONFIG
    assert config["showSendToCloud"] is False and config["showEditInChartStudio"] is False
    assert "sendDataToCloud" in config["modeBarButtonsToRemove"]
    assert config["displaylogo"] is False


def test_exported_images_carry_title_sources_address_and_licence():
    layout = encoding.export_layout(
        "GDP", "World Bank WDI.", "Sources: World Bank WDI.", "http://x/gdp · Licence: CC BY 4.0"
    )
    assert layout["title"]["text"].startswith("GDP<br>")
    text = layout["annotations"][0]["text"]
    assert "Sources: World Bank WDI." in text and "Licence: CC BY 4.0" in text


def test_the_table_is_a_period_by_series_grid_rounded_for_reading(tables):
    chart = CHARTS[("gdp", "levels")]
    points = memo.chart_points(tables.points, chart)
    grid = cards.data_table(points, encoding.series_labels(points))
    assert isinstance(grid, dcc.Markdown)  # one component, its HTML written by the server
    assert grid.to_plotly_json()["props"]["dangerously_allow_html"] is True
    table = grid.children
    assert "(USD bn)" in table
    for obs_id, value in zip(points["obs_id"][:20], points["value"][:20], strict=True):
        assert f'data-obs="{obs_id}"' in table
        assert f">{cards.reading(value)}</button>" in table
        assert f"{cards.value_text(value)} USD bn" in table  # the exact value, in its name
    assert cards.value_text(1493.08) == "1493.08"
    assert cards.value_text(38.0) == "38"
    assert cards.reading(1223.75491997105) == "1,223.8"
    assert cards.reading(0.0123) == "0.012"
    assert table.count('tabindex="0"') == 1  # one tab stop for the grid


def _rows(periods: list[str], unit: str = "USD bn") -> pd.DataFrame:
    """Hand-made points of one series (a fixture, no recording), one a period."""
    n = len(periods)
    starts = {"2025-11": "2025-11-01", "June–July 2023": "2023-06-01", "2024": "2024-01-01"}
    ends = {"2025-11": "2025-11-30", "June–July 2023": "2023-07-31", "2024": "2024-12-31"}
    return pd.DataFrame(
        {
            "obs_id": [f"o{i}" for i in range(1, n + 1)],
            "series_id": ["s"] * n,
            "period": periods,
            "period_start": [starts.get(p, "2020-01-01") for p in periods],
            "period_end": [ends.get(p, "2020-12-31") for p in periods],
            "value": [float(i) for i in range(n, 0, -1)],
            "value_low": [float("nan")] * n,
            "value_high": [float("nan")] * n,
            "qualifier": ["exact"] * n,
            "unit": [unit] * n,
            "kind": ["official_series"] * n,
            "status": ["reported"] * n,
            "indicator": ["trade"] * n,
            "economy": ["CHN"] * n,
            "reporter": [""] * n,
            "series_basis": ["b"] * n,
        }
    )


def test_the_table_puts_periods_in_time_order_not_text_order():
    text = cards.data_table(_rows(["2025-11", "June–July 2023", "2024"]), {"s": "Trade"}).children
    assert text.index(">June–July 2023<") < text.index(">2024<") < text.index(">2025-11<")


def test_the_table_escapes_every_label_and_value():
    hostile = "<script>alert(1)</script> {x} & \"q\" 'a'"
    rows = _rows([f"<b>{hostile}"], unit="<i>bn</i>")
    text = cards.data_table(rows, {"s": hostile}).children
    assert "<script" not in text and "<b>" not in text and "<i>" not in text
    assert "{" not in text and "}" not in text  # the JSX parser would read braces as code
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#123;x&#125; &amp; &quot;q&quot;" in text
    assert 'aria-label="&lt;script&gt;' in text and "(&lt;i&gt;bn&lt;/i&gt;)" in text
    assert text.count("<button ") == 1 and text.count('"') % 2 == 0


def test_a_claim_citation_gives_the_official_value_and_the_difference(tables):
    claim = tables.claims_check.dropna(subset=["official_value"]).iloc[0]
    point = tables.points.set_index("obs_id").loc[claim["obs_id"]]
    body = str(
        citations.citation_details(
            point.to_dict() | {"obs_id": claim["obs_id"]},
            tables.points.iloc[:0],
            tables.sources.iloc[:0],
            claim.to_dict(),
        )
    )
    assert "Official value" in body and "Difference" in body and "Cite this point" in body
    assert encoding.format_value(claim["official_value"], claim["unit"]) in body
    url = point["source_url"]
    assert body.count(f"href='{url}'") == 1  # one link, its text the site's name
    cite = citations.cite_point(point.to_dict() | {"obs_id": claim["obs_id"]})
    assert cite.count(url) == 1 and claim["obs_id"] in cite


def test_embed_page_escapes_and_refuses_unknown_charts():
    from dashboard.app import app

    client = app.server.test_client()
    page = client.get("/embed/trade/turnover?start=2010&series=%3C/script%3E%3Cscript%3E")
    assert page.status_code == 200
    text = page.data.decode()
    assert "<script>" not in text.replace('<script id="embed-data"', "").replace("<script src", "")
    assert 'type="application/json"' in text and "Sources: " in text
    assert client.get("/embed/trade/nope").status_code == 404


def test_embed_page_keys_its_series_and_lists_its_events_only_when_shown():
    from html import escape

    from dashboard.app import app

    client = app.server.test_client()
    shown = client.get("/embed/gas/imports?events=1").data.decode()
    hidden = client.get("/embed/gas/imports").data.decode()
    assert '<ul class="key">' in shown and '<ul class="key">' in hidden
    assert "Energy Institute" in shown.split('<ul class="key">')[1].split("</ul>")[0]
    assert '<ol class="events">' in shown and '<ol class="events">' not in hidden
    events = data.load().events
    labels = [label for label in events["label"] if escape(label) in shown]
    assert labels and all(escape(label) not in hidden for label in labels)


def test_the_vendored_plotly_bundle_matches_the_installed_plotly():
    from pathlib import Path

    from plotly.offline import get_plotlyjs_version

    import dashboard

    assets = Path(dashboard.__file__).parent / "assets"
    bundle = assets / f"plotly-basic-{get_plotlyjs_version()}.min.js"
    assert bundle.is_file(), "run: npm pack plotly.js-basic-dist-min@<version> (see README)"
    assert f"v{get_plotlyjs_version()}" in bundle.read_text(encoding="utf-8")[:200]
    assert [p.name for p in assets.glob("plotly-basic-*.min.js")] == [bundle.name]
    assert (assets / "plotly.js.LICENSE.txt").is_file()


@pytest.mark.parametrize("key", CHART_KEYS, ids="/".join)
def test_a_view_cut_from_the_tracks_is_the_chart_of_its_points(tables, key):
    """The request path (bisect the years of each track) draws exactly what the pure builder
    draws from the same points as a frame, events included."""
    chart = CHARTS[key]
    every = memo.chart_points(tables.points, chart)
    prepared = plotting.prepare(every)
    series = sorted(set(every["series_id"]))
    low, high = int(every["x_year"].min()), int(every["x_year"].max())
    events = tables.events
    for start, end, shown in [
        (low, high, series),
        (low, low, series),
        (high - 3, high, series[::2]),
        ((low + high) // 2, high, series[1:]),
    ]:
        points = memo.visible(every, start, end, shown)
        in_years = events[events["date"].str[:4].astype(int).between(start, end)]
        marked = plotting.in_years(plotting.event_list(events), start, end)
        cut = plotting.spec(prepared.select(start, end, shown), marked, log_scale=True)
        assert cut == plotting.chart_spec(points, in_years, log_scale=True, every=every)


def _direct_labels(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for a in spec["layout"]["annotations"] if a.get("name") == "direct-label"]


def test_lines_are_labelled_at_their_end_where_the_labels_fit(tables):
    chart = CHARTS[("gdp", "levels")]
    every = memo.chart_points(tables.points, chart)
    prepared = plotting.prepare(every)
    world_bank = every[every["source_short"] != "IMF WEO (Oct 2025)"]
    series = sorted(set(world_bank["series_id"]))
    spec = plotting.spec(prepared.select(1990, 2024, series))
    labels = _direct_labels(spec)
    lines = [t for t in spec["data"] if t["mode"] == "lines+markers"]
    assert len(labels) == len(lines) == 2  # China and Russia lie far apart: both fit
    for trace in lines:
        label = next(a for a in labels if a["y"] == trace["y"][-1])
        assert trace["line"]["color"] in label["text"]  # a swatch of the line's colour
        assert trace["name"].split(" ")[0] in label["text"]
        assert label["xref"] == "paper" and label["x"] == 1 and label["font"]["color"] == "#24292f"
    assert spec["layout"]["margin"]["r"] > 100  # room for them right of the plot
    logged = plotting.spec(prepared.select(1990, 2024, series), log_scale=True)
    assert sorted(a["y"] for a in _direct_labels(logged)) == sorted(
        math.log10(a["y"]) for a in labels
    )


def test_a_long_name_is_labelled_whole_on_three_lines(tables):
    chart = CHARTS[("trade", "turnover")]
    every = memo.chart_points(tables.points, chart)
    spec = plotting.spec(
        plotting.prepare(every).select(2000, 2025, sorted(set(every["series_id"])))
    )
    names = {t["name"] for t in spec["data"]}
    texts = [a["text"].split("</span> ", 1)[1] for a in _direct_labels(spec)]
    long = [t for t in texts if len(t) > plotting.LABEL_WIDTH * plotting.LABEL_LINES]
    assert long  # "China-reported, UN Comtrade (China-reported), via S. Nakib (derived)"
    for text in texts:
        lines = text.split("<br>")
        assert len(lines) <= plotting.LABEL_LINES and " ".join(lines) in names  # never cut
    assert spec["layout"]["margin"]["r"] >= 24 + plotting.LABEL_CHAR_PX * max(
        len(line) for text in long for line in text.split("<br>")
    )


def test_labels_that_would_overlap_are_left_out_and_markers_get_none(tables):
    flows = CHARTS[("trade", "flows")]
    every = memo.chart_points(tables.points, flows)
    spec = plotting.spec(
        plotting.prepare(every).select(2010, 2020, sorted(set(every["series_id"])))
    )
    heights = sorted(a["y"] for a in _direct_labels(spec))
    lines = [t for t in spec["data"] if t["mode"] == "lines+markers"]
    assert 0 < len(heights) < len(lines)  # four lines end close together: not all fit
    values = [y for t in spec["data"] for y in t["y"]]
    gap = plotting.LABEL_GAP * (max(values) - min(values))
    assert all(b - a >= gap for a, b in zip(heights, heights[1:], strict=False))
    statements = CHARTS[("gas", "pos")]
    every = memo.chart_points(tables.points, statements)
    picked = plotting.prepare(every).select(2000, 2030, sorted(set(every["series_id"])))
    assert _direct_labels(plotting.spec(picked)) == []


def test_crowded_events_are_stepped_down_so_their_numbers_do_not_run_together():
    dates = ["2019-06-01", "2019-06-05", "2019-07-01", "2021-01-01", "2024-12-01"]
    heights = plotting.event_heights(dates, "2000-01-01", "2025-01-01")
    assert heights[:3] == list(plotting.EVENT_ROWS[:3])  # three within a month: three rows
    assert heights[3] == heights[4] == plotting.EVENT_ROWS[0]  # years apart: the top row


def test_the_value_axis_margin_fits_its_widest_tick_label(tables):
    def margin(values: list[float], log_scale: bool = False) -> int:
        points = tables.points[tables.points["indicator"] == "trade_total"].head(len(values))
        points = points.assign(value=values, value_low=values, value_high=values)
        return plotting.value_margin(plotting.prepare(points).pick(list(points.index)), log_scale)

    tens, hundreds, thousands = margin([20.0, 30.0]), margin([120.0, 245.0]), margin([1.2e3, 1.8e4])
    assert plotting.MIN_VALUE_MARGIN <= tens < hundreds < thousands  # "30" < "300" < "20,000"
    assert margin([-20.0, 245.0]) == hundreds  # "−20" is narrower than "300"
    assert margin([-245.0, 120.0]) > hundreds  # "−300" is wider
    assert margin([0.2, 0.5]) > plotting.MIN_VALUE_MARGIN  # ticks with a decimal
    assert margin([-5.0, 50.0], log_scale=True) == margin([50.0, 50.0], log_scale=True)
    thousandths = margin([0.0011, 6.5], log_scale=True)  # labels 0.001: three decimals
    assert thousandths > margin([0.2, 6.5], log_scale=True)
    assert thousandths >= plotting.AXIS_PX + 4 * plotting.DIGIT_PX + plotting.MARK_PX


def test_months_and_parts_of_years_never_join_a_line_of_years(tables):
    for key, chart in CHARTS.items():
        frequencies = set(memo.chart_points(tables.points, chart)["frequency"])
        if chart.frequencies == MONTHLY:
            assert frequencies == {"monthly"}, key
        elif key[0] == "trade" and key[1] in {"turnover", "flows"}:
            assert "monthly" not in frequencies, key
    sums = Chart("gas", "t", "LNG from Russia by year", ("gas_cn_lng_imports_from_ru_mass",), "")
    sums = replace(sums, frequencies=NOT_MONTHLY)
    points = memo.chart_points(tables.points, sums)
    figure = plotting.chart_figure(points, sums)
    by_obs = points.set_index("obs_id")
    kinds = [(t, {by_obs.at[c[0], "frequency"] for c in t.customdata}) for t in figure.data]
    parts = [t for t, f in kinds if f <= {"incomplete_year", "year_to_date"}]
    whole = [t for t, f in kinds if f == {"annual"} and _sums_of_months(t, by_obs)]
    assert parts and all(t.mode == "markers" for t in parts)  # never a line as if complete
    assert whole and all(t.mode == "lines+markers" for t in whole)  # (statements: markers)


def _sums_of_months(trace: object, by_obs: pd.DataFrame) -> bool:
    ids = [c[0] for c in trace.customdata]  # type: ignore[attr-defined]
    return bool((by_obs.loc[ids, "source_id"] == "derived-sum-of-months").all())


def test_months_and_years_share_one_date_axis(tables):
    chart = CHARTS[("trade", "monthly")]
    points = memo.chart_points(tables.points, chart)
    figure = plotting.chart_figure(points, chart)
    assert figure.layout.xaxis.type == "date"
    xs = sorted(x for t in figure.data if t.uid != "events" for x in t.x)
    assert xs[0].startswith("2017-01-") and xs[-1].startswith("2024-12-")
