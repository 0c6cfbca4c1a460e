"""Pure figure builders: tidy points in, plotly figure out, a citation on every point."""

import textwrap

import pandas as pd
import plotly.graph_objects as go

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
PALETTE = ("#0b5cad", "#c2410c", "#15803d", "#7e22ce", "#b91c1c", "#0e7490", "#a16207",
           "#be185d", "#4d7c0f", "#374151")
CUSTOM = ["obs_id", "series_name", "period", "value_text", "source_line", "kind_label",
          "verdict_text"]
HOVER = (
    "<b>%{customdata[1]}</b><br>%{customdata[2]}: %{customdata[3]}<br>"
    "Source: %{customdata[4]}<br>Kind: %{customdata[5]}%{customdata[6]}"
    "<br><i>Click for the full citation</i><extra></extra>"
)
SYMBOLS = {">": "triangle-up", "<": "triangle-down"}


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
    frame = points.copy()
    frame["series_name"] = series_names(points, chart)
    frame["value_text"] = [
        _stated(r.qualifier, r.value, r.value_low, r.value_high, r.unit)
        for r in points.itertuples()
    ]
    frame["source_line"] = points["source_short"] + " — " + points["source_title"]
    frame["kind_label"] = points["kind"].map(KIND_LABELS)
    frame["verdict_text"] = [
        f"<br>Verdict: {v} ({r})" if v else "" for v, r in zip(points["verdict"],
                                                               points["reason"], strict=True)
    ]
    return frame


def _stated(qualifier: str, value: float, low: float, high: float, unit: str) -> str:
    if qualifier == "range":
        return f"{format_value(low, unit)} to {format_value(high, unit)}"
    prefix = {"~": "about ", ">": "more than ", "<": "less than "}.get(qualifier, "")
    return prefix + format_value(value, unit)


def chart_figure(
    points: pd.DataFrame, chart: Chart, events: pd.DataFrame | None = None
) -> go.Figure:
    """The chart: one trace per series, styled by kind of source, with a source line."""
    figure = go.Figure()
    frame = hover_frame(points, chart)
    ordered = frame.assign(_order=frame["kind"].map(KIND_ORDER)).sort_values(
        ["_order", "series_name", "x"]
    )
    for number, (series_id, series) in enumerate(ordered.groupby("series_id", sort=False)):
        figure.add_trace(_trace(series, str(series_id), PALETTE[number % len(PALETTE)]))
    if events is not None and len(events):
        _add_events(figure, events)
    units = sorted(set(points["unit"]))
    figure.update_layout(
        title={"text": chart.title, "x": 0.01, "xanchor": "left"},
        yaxis_title=", ".join(units),
        template="plotly_white",
        height=520,
        margin={"l": 60, "r": 20, "t": 60, "b": 150},
        legend={"orientation": "h", "y": -0.12, "yanchor": "top", "x": 0},
        hovermode="closest",
        annotations=[_source_annotation(points)],
    )
    if points.empty:
        figure.add_annotation(text="No data in the selected range", showarrow=False,
                              x=0.5, y=0.5, xref="paper", yref="paper")
    return figure


def _trace(series: pd.DataFrame, series_id: str, color: str) -> go.Scatter:
    kind = series["kind"].iloc[0]
    status = series["status"].iloc[0]
    common = {
        "x": series["x"],
        "y": series["value"],
        "name": series["series_name"].iloc[0],
        "uid": series_id,
        "legendgroup": series_id,
        "customdata": series[CUSTOM].to_numpy(),
        "hovertemplate": HOVER,
        "error_y": _error_bars(series),
    }
    if kind == "official_series":
        return go.Scatter(mode="lines+markers", line={"color": color, "width": 2},
                          marker={"size": 5, "color": color}, **common)
    if kind == "derived":
        dash = "dot" if "mixed-source" in common["name"] else "dash"
        return go.Scatter(mode="lines+markers", line={"color": color, "width": 2, "dash": dash},
                          marker={"size": 6, "color": color, "symbol": "square"}, **common)
    symbols = [SYMBOLS.get(q, "circle") for q in series["qualifier"]]
    if kind == "official_statement":
        hollow = status != "reported"
        symbols = [("diamond" if hollow else s) + ("-open" if hollow else "") for s in symbols]
        return go.Scatter(mode="markers", marker={"size": 10, "color": color, "symbol": symbols,
                          "line": {"width": 2, "color": color}}, **common)
    colors = [VERDICT_COLORS.get(v, "#6e7781") for v in series["verdict"]]
    return go.Scatter(mode="markers", marker={"size": 15, "color": colors,
                      "symbol": [s + "-open" for s in symbols], "line": {"width": 3}}, **common)


def _error_bars(series: pd.DataFrame) -> dict[str, object]:
    ranged = series["qualifier"] == "range"
    if not ranged.any():
        return {"visible": False}
    return {
        "type": "data",
        "symmetric": False,
        "array": (series["value_high"] - series["value"]).where(ranged, 0).tolist(),
        "arrayminus": (series["value"] - series["value_low"]).where(ranged, 0).tolist(),
        "thickness": 1.5,
    }


def _add_events(figure: go.Figure, events: pd.DataFrame) -> None:
    """Dated events as dotted vertical lines with a hoverable, clickable marker on top."""
    for date in events["date"]:
        figure.add_vline(x=pd.Timestamp(date), line={"color": "#8c959f", "dash": "dot",
                                                      "width": 1})
    custom = pd.DataFrame({
        "obs_id": "event:" + events["event_id"],
        "series_name": "Event",
        "period": events["date"],
        "value_text": events["label"],
        "source_line": events["source_short"] + " — " + events["source_title"],
        "kind_label": events["source_kind"],
        "verdict_text": "",
    })
    figure.add_trace(go.Scatter(
        x=pd.to_datetime(events["date"]), y=[1.0] * len(events), yaxis="y2", mode="markers",
        name="Events (from the articles and statements)", uid="events",
        marker={"symbol": "star", "size": 11, "color": "#57606a"},
        customdata=custom[CUSTOM].to_numpy(),
        hovertemplate="<b>%{customdata[3]}</b><br>%{customdata[2]}<br>"
        "Source: %{customdata[4]}<br><i>Click for the full citation</i><extra></extra>",
    ))
    figure.update_layout(yaxis2={"overlaying": "y", "range": [0, 1.05], "visible": False,
                                 "fixedrange": True})


def source_names(points: pd.DataFrame) -> list[str]:
    """Short names of every source behind the points, statements grouped by publisher."""
    names: list[str] = []
    for kind in ("official_series", "derived", "official_statement", "article_claim"):
        subset = points[points["kind"] == kind]
        if subset.empty:
            continue
        if kind == "official_statement":
            producers = sorted(set(subset["source_producer"]))
            shown = ", ".join(producers[:5]) + (", …" if len(producers) > 5 else "")
            names.append(f"official statements reported by {shown}")
        elif kind == "derived":
            inputs = sorted(set(subset["basis_sources"]))
            names.append(f"derived by this project from {', '.join(inputs)}")
        else:
            names.extend(sorted(set(subset["source_short"])))
    return names


def _source_annotation(points: pd.DataFrame) -> dict[str, object]:
    text = "Sources: " + "; ".join(source_names(points)) + (
        ". Full citation of every point: click it, or see the Sources page and the CSV."
    )
    return {
        "text": "<br>".join(textwrap.wrap(text, 150)),
        "showarrow": False,
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": -0.36,
        "xanchor": "left",
        "yanchor": "top",
        "align": "left",
        "font": {"size": 10, "color": "#57606a"},
    }
