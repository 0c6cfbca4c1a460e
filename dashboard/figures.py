"""Pure figure builders: tidy points in, plotly figure out, a citation on every point."""

import math
import textwrap
from functools import lru_cache
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from dashboard.charts import Chart

KIND_LABELS = {
    "official_series": "official series",
    "official_statement": "official statement",
    "article_claim": "article claim",
    "derived": "derived",
}
KIND_ORDER = {"official_series": 0, "derived": 1, "official_statement": 2, "article_claim": 3}
VERDICT_COLORS = {
    "consistent": "#1a7f37",
    "target-met": "#1a7f37",
    "approximate": "#bf8700",
    "inconsistent": "#cf222e",
    "target-missed": "#cf222e",
    "unverified": "#6e7781",
    "pending": "#6e7781",
    "": "#6e7781",
}
PALETTE = (
    "#0b5cad",
    "#c2410c",
    "#15803d",
    "#7e22ce",
    "#b91c1c",
    "#0e7490",
    "#a16207",
    "#be185d",
    "#4d7c0f",
    "#374151",
)
CUSTOM = [
    "obs_id",
    "series_name",
    "period",
    "value_text",
    "source_line",
    "kind_label",
    "detail_text",
]
HOVER = (
    "<b>%{customdata[1]}</b><br>%{customdata[2]}: %{customdata[3]}<br>"
    "Source: %{customdata[4]}<br>Kind: %{customdata[5]}%{customdata[6]}"
    "<br><i>Click for the full citation</i><extra></extra>"
)
SYMBOLS = {"more_than": "triangle-up", "less_than": "triangle-down"}
PLOT_HEIGHT = 480
LEGEND_ROW = 24  # pixels per legend row, two series a row
# the point columns a figure reads
COLUMNS = [
    "obs_id",
    "indicator",
    "indicator_title",
    "economy",
    "economy_label",
    "series_id",
    "series_basis",
    "basis_sources",
    "kind",
    "status",
    "x",
    "period",
    "value",
    "value_low",
    "value_high",
    "qualifier",
    "unit",
    "source_short",
    "source_title",
    "source_producer",
    "verdict",
    "reason",
]
# plotly_white, resolved once: the JSON spec carries it without per-call validation
TEMPLATE = pio.templates["plotly_white"].to_plotly_json()


def format_value(value: float, unit: str) -> str:
    """A value with its unit, to a sensible precision."""
    if unit == "percent":
        return f"{value:,.2f} %"
    if unit == "ratio":
        return f"{value:,.2f}×"
    if unit == "USD bn" and abs(value) >= 1000:
        return f"US$ {value / 1000:,.3f} trillion"
    if unit == "USD bn":
        return f"US$ {value:,.2f} bn"
    return f"{value:,.3g} {unit}" if abs(value) < 1 else f"{value:,.2f} {unit}"


def series_names(points: pd.DataFrame, chart: Chart) -> pd.Series:
    """Legend names: indicator and economy only where the chart shows several."""
    several_indicators = points["indicator"].nunique() > 1
    several_economies = points["economy"].nunique() > 1
    parts = [points["series_basis"]]
    if several_economies:
        parts.insert(0, points["economy_label"])
    if several_indicators:
        parts.insert(0, points["indicator_title"])
    names = parts[0]
    for part in parts[1:]:
        names = names + " · " + part
    return names


def hover_frame(points: pd.DataFrame, chart: Chart) -> pd.DataFrame:
    """Points with the columns the hover text and click handler read."""
    frame = points[COLUMNS].copy()
    frame["x_text"] = frame["x"].dt.strftime("%Y-%m-%d")
    frame["series_name"] = series_names(points, chart)
    frame["value_text"] = [
        _stated(*fields)
        for fields in zip(
            points["qualifier"],
            points["value"],
            points["value_low"],
            points["value_high"],
            points["unit"],
            strict=True,
        )
    ]
    derived = points["kind"] == "derived"
    frame["source_line"] = (points["source_short"] + " — " + points["source_title"]).where(
        ~derived, points["basis_sources"] + " — derived by this project: " + points["source_title"]
    )
    frame["kind_label"] = points["kind"].map(KIND_LABELS)
    frame["detail_text"] = [
        _detail(v, r, n)
        for v, r, n in zip(points["verdict"], points["reason"], points["note"], strict=True)
    ]
    return frame


@lru_cache(maxsize=4096)
def _detail(verdict: str, reason: str, note: str) -> str:
    """Verdict of a claim and the note of a point, as extra hover lines."""
    lines = [f"Verdict: {verdict} ({reason})"] if verdict else []
    if note:
        lines.append("Note: " + "<br>".join(textwrap.wrap(textwrap.shorten(note, 160), 60)))
    return "".join("<br>" + line for line in lines)


def _stated(qualifier: str, value: float, low: float, high: float, unit: str) -> str:
    if qualifier == "range":
        return f"{format_value(low, unit)} to {format_value(high, unit)}"
    prefix = {"about": "about ", "more_than": "more than ", "less_than": "less than "}.get(
        qualifier, ""
    )
    return prefix + format_value(value, unit)


Spec = dict[str, Any]


def chart_figure(
    points: pd.DataFrame, chart: Chart, events: pd.DataFrame | None = None, log_scale: bool = False
) -> go.Figure:
    """The chart as a plotly Figure (validated; for notebooks and exports)."""
    return go.Figure(chart_spec(points, chart, events, log_scale))


def chart_spec(
    points: pd.DataFrame,
    chart: Chart,
    events: pd.DataFrame | None = None,
    log_scale: bool = False,
) -> Spec:
    """The chart as a plain plotly JSON spec: one trace per series, styled by kind of source,
    with the title and a source line inside the figure (so image exports keep them)."""
    frame = hover_frame(points, chart)
    ordered = frame.assign(_order=frame["kind"].map(KIND_ORDER)).sort_values(
        ["_order", "series_name", "x"]
    )
    groups = ordered.groupby("series_id", sort=False)
    data = [
        _trace(series, str(series_id), PALETTE[number % len(PALETTE)])
        for number, (series_id, series) in enumerate(groups)
    ]
    if events is not None and len(events):
        events = _within(events, points)
    with_events = events is not None and len(events) > 0
    legend_height = LEGEND_ROW * math.ceil((len(data) + int(with_events)) / 2)
    annotations = [_source_annotation(points)]
    if points.empty:
        annotations.append(
            {
                "text": "No data in the selected range",
                "showarrow": False,
                "x": 0.5,
                "y": 0.5,
                "xref": "paper",
                "yref": "paper",
            }
        )
    layout: Spec = {
        "title": {
            "text": chart.title,
            "x": 0.01,
            "xanchor": "left",
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": 12},
        },
        "yaxis": {
            "title": {"text": ", ".join(sorted(set(points["unit"])))},
            "type": "log" if log_scale else "linear",
        },
        "xaxis": _time_axis(points),
        "template": TEMPLATE,
        "height": PLOT_HEIGHT + legend_height,
        "margin": {"l": 60, "r": 20, "t": 70 + legend_height, "b": 110},
        "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        "hovermode": "closest",
        "annotations": annotations,
        "shapes": [],
    }
    if with_events and events is not None:
        data.append(_event_trace(events))
        layout["shapes"] = [_event_line(date) for date in events["date"]]
        layout["yaxis2"] = {
            "overlaying": "y",
            "range": [0, 1.05],
            "visible": False,
            "fixedrange": True,
        }
    return {"data": data, "layout": layout}


def _trace(series: pd.DataFrame, series_id: str, color: str) -> Spec:
    kind = series["kind"].iloc[0]
    trace: Spec = {
        "type": "scatter",
        "x": series["x_text"].tolist(),
        "y": series["value"].tolist(),
        "name": series["series_name"].iloc[0],
        "uid": series_id,
        "legendgroup": series_id,
        "customdata": series[CUSTOM].to_numpy().tolist(),
        "hovertemplate": HOVER,
        "error_y": _error_bars(series),
    }
    if kind == "official_series":
        return trace | {
            "mode": "lines+markers",
            "line": {"color": color, "width": 2},
            "marker": {"size": 5, "color": color},
        }
    if kind == "derived":
        dash = "dot" if "mixed-source" in trace["name"] else "dash"
        return trace | {
            "mode": "lines+markers",
            "line": {"color": color, "width": 2, "dash": dash},
            "marker": {"size": 6, "color": color, "symbol": "square"},
        }
    symbols = [SYMBOLS.get(q, "circle") for q in series["qualifier"]]
    if kind == "official_statement":
        hollow = series["status"].iloc[0] != "reported"
        symbols = ["diamond-open" if hollow else s for s in symbols]
        return trace | {
            "mode": "markers",
            "marker": {
                "size": 10,
                "color": color,
                "symbol": symbols,
                "line": {"width": 2, "color": color},
            },
        }
    colors = [VERDICT_COLORS.get(v, "#6e7781") for v in series["verdict"]]
    return trace | {
        "mode": "markers",
        "marker": {
            "size": 15,
            "color": colors,
            "symbol": [s + "-open" for s in symbols],
            "line": {"width": 3},
        },
    }


def _error_bars(series: pd.DataFrame) -> Spec:
    ranged = series["qualifier"] == "range"
    if not ranged.any():
        return {"visible": False}
    return {
        "type": "data",
        "symmetric": False,
        "array": (series["value_high"] - series["value"]).where(ranged, 0).tolist(),
        "arrayminus": (series["value"] - series["value_low"]).where(ranged, 0).tolist(),
        "thickness": 1.5,
        "color": "#57606a",
    }


def _time_axis(points: pd.DataFrame) -> Spec:
    """A date axis at least two years wide, so a lone point is not drawn on a clock scale."""
    axis: Spec = {"type": "date"}
    if len(points):
        first, last = points["x"].min(), points["x"].max()
        if last - first < pd.Timedelta(days=730):
            middle = first + (last - first) / 2
            axis["range"] = [
                (middle - pd.Timedelta(days=400)).strftime("%Y-%m-%d"),
                (middle + pd.Timedelta(days=400)).strftime("%Y-%m-%d"),
            ]
    return axis


def _within(events: pd.DataFrame, points: pd.DataFrame) -> pd.DataFrame:
    """The events inside the time span the points cover."""
    if points.empty:
        return events.iloc[:0]
    dates = events["x"]
    inside: pd.DataFrame = events[(dates >= points["x"].min()) & (dates <= points["x"].max())]
    return inside


def _event_line(date: str) -> Spec:
    return {
        "type": "line",
        "xref": "x",
        "yref": "paper",
        "x0": date,
        "x1": date,
        "y0": 0,
        "y1": 1,
        "line": {"color": "#8c959f", "dash": "dot", "width": 1},
    }


def _event_trace(events: pd.DataFrame) -> Spec:
    """Dated events: a hoverable, clickable star on top of each dotted vertical line."""
    custom = pd.DataFrame(
        {
            "obs_id": "event:" + events["event_id"],
            "series_name": "Event",
            "period": events["date"],
            "value_text": events["label"],
            "source_line": events["source_short"] + " — " + events["source_title"],
            "kind_label": events["source_kind"],
            "detail_text": "",
        }
    )
    return {
        "type": "scatter",
        "x": list(events["date"]),
        "y": [1.0] * len(events),
        "yaxis": "y2",
        "mode": "markers",
        "name": "Events (from the articles and statements)",
        "uid": "events",
        "marker": {"symbol": "star", "size": 11, "color": "#57606a"},
        "customdata": custom[CUSTOM].to_numpy().tolist(),
        "hovertemplate": "<b>%{customdata[3]}</b><br>%{customdata[2]}<br>"
        "Source: %{customdata[4]}<br><i>Click for the full citation</i><extra></extra>",
    }


def source_names(points: pd.DataFrame) -> list[str]:
    """Short names of every source behind the points, statements grouped by publisher."""
    by_kind: dict[str, set[str]] = {}
    columns = {"official_statement": "source_producer", "derived": "basis_sources"}
    for kind, group in points.groupby("kind"):
        by_kind[str(kind)] = set(group[columns.get(str(kind), "source_short")])
    names: list[str] = []
    for kind in ("official_series", "derived", "official_statement", "article_claim"):
        found = sorted(by_kind.get(kind, set()))
        if not found:
            continue
        if kind == "official_statement":
            shown = ", ".join(found[:5]) + (", …" if len(found) > 5 else "")
            names.append(f"official statements reported by {shown}")
        elif kind == "derived":
            names.append(f"derived by this project from {', '.join(found)}")
        else:
            names.extend(found)
    return names


def _source_annotation(points: pd.DataFrame) -> Spec:
    text = (
        "Sources: "
        + "; ".join(source_names(points))
        + (". Full citation of every point: click it, or see the Sources page and the CSV.")
    )
    return {
        "text": "<br>".join(textwrap.wrap(text, 150)),
        "showarrow": False,
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": -0.12,
        "xanchor": "left",
        "yanchor": "top",
        "align": "left",
        "font": {"size": 10, "color": "#57606a"},
    }
