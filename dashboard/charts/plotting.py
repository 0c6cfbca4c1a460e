"""Chart figures drawn from tracks: every point a chart can draw, prepared once per build of the
tables as plain lists per series, so that a view (years, series, events, log axis) is cut out
by bisection and slicing, without pandas on the request path."""

import math
import textwrap
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, NamedTuple

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import encoding, transforms
from dashboard.charts.encoding import HOVER, Spec
from dashboard.charts.registry import Chart
from dashboard.schema.periods import PART_OF_A_YEAR

Positions = Sequence[int]


class Event(NamedTuple):
    """A dated event as a chart marks it."""

    date: str
    event_id: str
    label: str
    source_short: str
    source_title: str
    source_kind: str


@dataclass(frozen=True)
class Track:
    """One series of a chart: every point it can draw, in time order, as plain lists."""

    series_id: str
    kind: str
    name: str
    color: str
    hollow: bool
    projected: bool  # every point a projection (tier): dashed, open markers
    years: list[int]
    x: list[str]
    y: list[float]
    custom: list[list[Any]]
    ranged: list[bool]
    plus: list[float]
    minus: list[float]
    symbols: list[str]
    verdicts: list[str]
    units: list[str]
    annual: list[bool]
    sources: list[str]  # the name the source line gives each point's source
    periods: list[str]
    economy: str
    inputs: list[tuple[str, ...]]  # the observations each point stands for
    joined: bool = True  # False for parts of years: points, never a line as if complete


Picked = list[tuple[Track, Positions]]


def take(values: list[Any], positions: Positions) -> list[Any]:
    """The values at the positions (a slice when they are a range)."""
    if isinstance(positions, range):
        return values[positions.start : positions.stop]
    return [values[i] for i in positions]


@dataclass(frozen=True)
class Drawing:
    """A chart's tracks in their fixed order, with fixed names and colours."""

    tracks: tuple[Track, ...]
    where: dict[Any, tuple[int, int]]  # row label -> (track, position)

    def select(self, start: int, end: int, shown: Sequence[str]) -> Picked:
        """The points of the shown series inside the years."""
        wanted = set(shown)
        picked: Picked = []
        for track in self.tracks:
            if track.series_id in wanted:
                low, high = bisect_left(track.years, start), bisect_right(track.years, end)
                if low < high:
                    picked.append((track, range(low, high)))
        return picked

    def pick(self, labels: Sequence[Any]) -> Picked:
        """The points with these row labels."""
        found: dict[int, list[int]] = {}
        for label in labels:
            number, position = self.where[label]
            found.setdefault(number, []).append(position)
        return [(self.tracks[n], sorted(found[n])) for n in sorted(found)]


def prepare(every: pd.DataFrame) -> Drawing:
    """Hover text, legend names, order and colours of every point of a chart, in tracks."""
    order = {s: n for n, s in enumerate(encoding.series_order(every))}
    frame = encoding.hover_frame(every, encoding.series_labels(every))
    frame = frame.assign(
        _order=frame["series_id"].map(order),
        x_year=every["x_year"],
        frequency=every["frequency"],
        annual=every["period"].str.fullmatch(r"\d{4}"),
    ).sort_values(["_order", "x"])
    colors = encoding.series_colors(every)
    tracks: list[Track] = []
    where: dict[Any, tuple[int, int]] = {}
    for number, (series_id, series) in enumerate(frame.groupby("series_id", sort=False)):
        tracks.append(_track(str(series_id), series, colors.get(str(series_id), "#57606a")))
        where |= {label: (number, n) for n, label in enumerate(series.index)}
    return Drawing(tuple(tracks), where)


def _track(series_id: str, series: pd.DataFrame, color: str) -> Track:
    ranged = series["qualifier"] == "range"
    return Track(
        series_id=series_id,
        kind=str(series["kind"].iloc[0]),
        name=str(series["series_name"].iloc[0]),
        color=color,
        hollow=bool(series["status"].iloc[0] != "reported"),
        projected=bool((series["source_tier"] == "projection").all()),
        years=[int(y) for y in series["x_year"]],
        x=series["x_text"].tolist(),
        y=series["value"].tolist(),
        custom=series[encoding.CUSTOM].to_numpy().tolist(),
        ranged=ranged.tolist(),
        plus=(series["value_high"] - series["value"]).where(ranged, 0).tolist(),
        minus=(series["value"] - series["value_low"]).where(ranged, 0).tolist(),
        symbols=[encoding.SYMBOLS.get(q, "circle") for q in series["qualifier"]],
        verdicts=[str(v) for v in series["verdict"]],
        units=[str(u) for u in series["unit"]],
        annual=series["annual"].tolist(),
        sources=[str(s) for s in series[encoding.source_name_column(str(series["kind"].iloc[0]))]],
        periods=[str(p) for p in series["period"]],
        economy=str(series["economy"].iloc[0]),
        inputs=[(str(obs),) for obs in series["obs_id"]],
        joined=not series["frequency"].isin(PART_OF_A_YEAR).any(),
    )


People = Mapping[str, Mapping[int, float]]  # economy -> year -> persons


def transformed(drawing: Drawing, how: str, base: int, people: People) -> Drawing:
    """The drawing in a transform (transforms.LABELS): each series' points transformed,
    those without a value in it left out; claims stay levels, so they are left out."""
    if how == transforms.LEVEL:
        return drawing
    tracks = (_transformed(track, how, base, people) for track in drawing.tracks)
    return Drawing(tuple(t for t in tracks if t is not None and t.y), {})


def _transformed(track: Track, how: str, base: int, people: People) -> Track | None:
    if track.kind == "article_claim":
        return None
    if how in transforms.MONTHLY:
        combine = transforms.annual_totals if how == "annual" else transforms.rolling_12m
        return _combined(track, combine(track.periods, track.y), how)
    if how == "pct_change":
        values = transforms.pct_change(track.periods, track.y)
    elif how == "index":
        values = transforms.index(track.years, track.y, base)
    else:
        unit = track.units[0] if track.units else ""
        values = transforms.per_capita(track.years, track.y, unit, people.get(track.economy, {}))
    kept = [n for n, value in enumerate(values) if not math.isnan(value)]
    units = [transforms.unit(how, track.units[n], base) for n in kept]
    custom = [
        [*track.custom[n][:3], f"{_shown(values[n])} {unit} (level: {track.custom[n][3]})"]
        + track.custom[n][4:]
        for n, unit in zip(kept, units, strict=True)
    ]
    fields = _keep(track, kept) | {"y": [values[n] for n in kept], "units": units}
    return replace(track, **fields, custom=custom)


def _keep(track: Track, kept: list[int]) -> dict[str, Any]:
    fields = ("years", "x", "symbols", "verdicts", "annual", "sources", "periods", "inputs")
    return {name: [getattr(track, name)[n] for n in kept] for name in fields} | {
        "ranged": [False] * len(kept),
        "plus": [0.0] * len(kept),
        "minus": [0.0] * len(kept),
    }


def _combined(track: Track, totals: list[tuple[str, float, list[int]]], how: str) -> Track | None:
    if not totals:
        return None
    last = [positions[-1] for _, _, positions in totals]
    fields = _keep(track, last)
    annual = how == "annual"
    periods = [period if annual else f"12 months to {period}" for period, _, _ in totals]
    unit = track.units[last[0]]
    fields |= {
        "y": [total for _, total, _ in totals],
        "x": [
            f"{p}-07-02" if annual else track.x[n]
            for (p, _, _), n in zip(totals, last, strict=True)
        ],
        "annual": [annual] * len(totals),
        "periods": periods,
        "units": [unit] * len(totals),
        "inputs": [tuple(track.inputs[n][0] for n in ps) for _, _, ps in totals],
        "custom": [
            ["", *track.custom[n][1:2], period, f"{_shown(total)} {unit}", *track.custom[n][4:]]
            for (_, total, _), n, period in zip(totals, last, periods, strict=True)
        ],
    }
    return replace(track, **fields)


def _shown(value: float) -> str:
    return f"{value:,.1f}" if abs(value) < 1000 else f"{value:,.0f}"


def spec(picked: Picked, events: Sequence[Event] | None = None, log_scale: bool = False) -> Spec:
    """The chart as a plain plotly JSON spec, for the page: one trace per series (claims one
    per verdict, drawn on top). Title, legend and source line are HTML around the figure."""
    if not picked:
        return encoding.empty_spec()
    data: list[Spec] = []
    for track, positions in picked:
        data += _traces(track, positions)
    first, last = span(picked)
    units = sorted({unit for track, positions in picked for unit in take(track.units, positions)})
    annual = all(all(take(track.annual, positions)) for track, positions in picked)
    layout: Spec = {
        "yaxis": {
            "title": {"text": ", ".join(units)},
            "type": "log" if log_scale else "linear",
            "automargin": True,
            "tickformat": ",",
        },
        "xaxis": _time_axis(first, last, annual),
        "template": encoding.TEMPLATE,
        "margin": {"l": value_margin(picked, log_scale), "r": 12, "t": 32, "b": 36},
        "showlegend": False,
        "hovermode": "closest",
        "shapes": [],
        "annotations": [],
    }
    labels, width = direct_labels(picked, log_scale)
    if labels:
        layout["annotations"] = labels
        layout["margin"]["r"] = 24 + LABEL_CHAR_PX * width
    marked = chart_events(events or (), first, last)
    if marked:
        data.append(_event_trace(marked, first, last))
        layout["shapes"] = [encoding.event_line(event.date) for event in marked]
        layout["yaxis2"] = {
            "overlaying": "y",
            "range": [0, 1.05],
            "visible": False,
            "fixedrange": True,
        }
    return {"data": data, "layout": layout}


# Widths in px of the value axis' tick labels (plotly's 12 px font), and of its title with the
# standoffs; calibrated on the pages' charts, a few px to spare.
DIGIT_PX, MARK_PX = 6.7, 3.4  # a digit or minus sign; a comma or decimal point
AXIS_PX = 43
MIN_VALUE_MARGIN = 56


def value_margin(picked: Picked, log_scale: bool) -> int:
    """The left margin the value axis needs for its title and widest tick label, so that
    plotly lays the chart out once (its automargin draws it a second time when the margin is
    too narrow, a third of the first chart's drawing time)."""
    ends = [
        end
        for track, positions in picked
        for y, plus, minus in zip(
            take(track.y, positions),
            take(track.plus, positions),
            take(track.minus, positions),
            strict=True,
        )
        if not math.isnan(y)
        for end in (y + plus, y - minus)
        if not (log_scale and end <= 0)
    ]
    if not ends:
        return MIN_VALUE_MARGIN
    top = max(ends)
    if log_scale and top > 0 and top >= 10 ** math.ceil(math.log10(top)) / 2:
        top = 10 ** math.ceil(math.log10(top))  # a log axis padded past its top decade labels it
    width = max(_tick_width(top), _tick_width(min(ends)))
    if max(abs(end) for end in ends) < 10 or (log_scale and min(ends) < 1):
        width += MARK_PX + DIGIT_PX  # ticks with a decimal
    if log_scale and min(ends) < 1:
        # a log axis labels the decade at or below its lowest value: 0.001 has three decimals
        decimals = -math.floor(math.log10(min(ends)))
        width = max(width, MARK_PX + DIGIT_PX * (1 + decimals))
    return max(MIN_VALUE_MARGIN, math.ceil(AXIS_PX + width))


def _tick_width(value: float) -> float:
    """The width of the widest tick label towards this end of the axis: the value rounded up
    to one significant digit, with thousands separators and its sign."""
    if value == 0:
        return DIGIT_PX
    top = 10 ** math.floor(math.log10(abs(value)))
    text = f"{math.ceil(abs(value) / top) * top:,.0f}"
    digits = sum(c.isdigit() for c in text) + (value < 0)
    return DIGIT_PX * digits + MARK_PX * text.count(",")


LABEL_WIDTH = 24  # characters a direct label's line has (more for a long name)
LABEL_LINES = 3
LABEL_CHAR_PX = 6  # about one character of the labels' 10 px font
LABEL_GAP = 0.09  # the height of a label, as a share of the value axis (about 30 of 340 px)


def direct_labels(picked: Picked, log_scale: bool) -> tuple[list[Spec], int]:
    """Each line's name right of the plot at the height of its last point, where it fits
    (a label that would overlap one already placed, higher lines first, is left out: the
    series list around the chart names every series anyway); and the margin they need."""
    ends = [
        (track, end)
        for track, positions in picked
        if track.kind in ("official_series", "derived") and len(positions) > 1
        for end in [_scaled(track.y[positions[-1]], log_scale)]
        if end is not None
    ]
    values = [
        _scaled(y, log_scale) for track, positions in picked for y in take(track.y, positions)
    ]
    drawn = [v for v in values if v is not None]
    if not ends or not drawn:
        return [], 0
    height = (max(drawn) - min(drawn)) or 1.0
    placed: list[tuple[Track, float]] = []
    for track, y in sorted(ends, key=lambda end: -end[1]):
        if all(abs(y - other) >= LABEL_GAP * height for _, other in placed):
            placed.append((track, y))
    labels = [(_lines(track.name), track, y) for track, y in placed]
    width = max((len(line) for lines, _, _ in labels for line in lines), default=0)
    return [_label(lines, track.color, y) for lines, track, y in labels], width


def _scaled(value: float, log_scale: bool) -> float | None:
    """A value where the axis draws it (log axes place annotations in powers of ten)."""
    if math.isnan(value) or (log_scale and value <= 0):
        return None
    return math.log10(value) if log_scale else value


def _lines(name: str) -> list[str]:
    """A label's lines: wrapped at LABEL_WIDTH characters, or wider where the name would take
    more than LABEL_LINES lines (a name is never cut: images and embeds carry it whole)."""
    width = LABEL_WIDTH
    lines = textwrap.wrap(name, width)
    while len(lines) > LABEL_LINES:
        width += 1
        lines = textwrap.wrap(name, width)
    return lines


def _label(lines: list[str], color: str, y: float) -> Spec:
    return {
        "name": "direct-label",
        "x": 1,
        "y": y,
        "xref": "paper",
        "yref": "y",
        "text": f"<span style='color:{color}'>■</span> " + "<br>".join(lines),
        "showarrow": False,
        "xanchor": "left",
        "xshift": 6,
        "align": "left",
        "font": {"size": 10, "color": "#24292f"},
    }


def span(picked: Picked) -> tuple[str, str]:
    """The first and last date drawn."""
    ends = [(track.x[positions[0]], track.x[positions[-1]]) for track, positions in picked]
    return min(e[0] for e in ends), max(e[1] for e in ends)


def source_line(picked: Picked) -> str:
    """The one-line source credit of the points drawn."""
    by_kind: dict[str, set[str]] = {}
    for track, positions in picked:
        by_kind.setdefault(track.kind, set()).update(take(track.sources, positions))
    return encoding.credit(by_kind)


def chart_events(events: Sequence[Event], first: str, last: str) -> list[Event]:
    """The events a chart marks: inside the time span its points cover, in date order."""
    return sorted((e for e in events if first <= e.date <= last), key=lambda e: e.date)


def event_list(events: pd.DataFrame) -> list[Event]:
    """Event rows as the charts mark them."""
    return [Event(*row) for row in events[list(Event._fields)].itertuples(index=False)]


def in_years(events: Sequence[Event], start: int, end: int) -> list[Event]:
    """The events dated inside the years."""
    return [e for e in events if start <= int(e.date[:4]) <= end]


def chart_spec(
    points: pd.DataFrame,
    events: pd.DataFrame | None = None,
    log_scale: bool = False,
    every: pd.DataFrame | None = None,
) -> Spec:
    """The chart of these points; names and colours come from `every` point of the chart
    (all series, whatever is shown), so that they never move."""
    drawing = prepare(points if every is None else every)
    marked = event_list(events) if events is not None else None
    return spec(drawing.pick(list(points.index)), marked, log_scale)


def chart_figure(
    points: pd.DataFrame, chart: Chart, events: pd.DataFrame | None = None, log_scale: bool = False
) -> go.Figure:
    """The chart as a plotly Figure with its title and source line (for notebooks, exports)."""
    figure = chart_spec(points, events, log_scale)
    layout = figure["layout"]
    extra = encoding.export_layout(chart.title, chart.description, encoding.source_line(points))
    extra["annotations"] = layout["annotations"] + extra["annotations"]  # direct labels kept
    extra["margin"]["r"] = max(extra["margin"]["r"], layout["margin"]["r"])
    return go.Figure(figure | {"layout": layout | extra})


def _traces(track: Track, positions: Positions) -> list[Spec]:
    base: Spec = {
        "type": "scatter",
        "name": track.name,
        "legendgroup": track.series_id,
        "hovertemplate": HOVER,
    }
    if track.kind == "article_claim":
        groups: dict[str, list[int]] = {}
        for position in positions:
            groups.setdefault(track.verdicts[position], []).append(position)
        return [
            base
            | _points(track, groups[verdict])
            | {
                "uid": f"{track.series_id}-{verdict or 'none'}",
                "name": f"{track.name}: {encoding.verdict_word(verdict)}",
            }
            | encoding.claim_style(verdict)
            for verdict in sorted(groups)
        ]
    trace = base | _points(track, positions) | {"uid": track.series_id}
    color = track.color
    if track.kind == "official_series" and track.joined and track.projected:
        line = {"color": color, "width": 2, "dash": "dash"}
        marker = {"size": 7, "color": color, "symbol": "circle-open"}
        return [trace | {"mode": "lines+markers", "line": line, "marker": marker}]
    if track.kind == "official_series" and track.joined:
        line = {"color": color, "width": 2}
        return [
            trace | {"mode": "lines+markers", "line": line, "marker": {"size": 5, "color": color}}
        ]
    if track.kind == "derived" and track.joined:
        dash = "dot" if "mixed-source" in track.name else "dash"
        line = {"color": color, "width": 2, "dash": dash}
        marker = {"size": 6, "color": color, "symbol": "square"}
        return [trace | {"mode": "lines+markers", "line": line, "marker": marker}]
    symbols = take(track.symbols, positions)
    if track.hollow:
        symbols = ["diamond-open"] * len(symbols)
    marker = {"size": 10, "color": color, "symbol": symbols, "line": {"width": 2, "color": color}}
    return [trace | {"mode": "markers", "marker": marker}]


def _points(track: Track, positions: Positions) -> Spec:
    return {
        "x": take(track.x, positions),
        "y": take(track.y, positions),
        "customdata": take(track.custom, positions),
        "error_y": _error_bars(track, positions),
    }


def _error_bars(track: Track, positions: Positions) -> Spec:
    if not any(take(track.ranged, positions)):
        return {"visible": False}
    return {
        "type": "data",
        "symmetric": False,
        "array": take(track.plus, positions),
        "arrayminus": take(track.minus, positions),
        "thickness": 1.5,
        "color": "#57606a",
    }


def _time_axis(first: str, last: str, annual: bool) -> Spec:
    """A date axis at least two years wide (a lone point is not drawn on a clock scale), with
    one tick a year (or every few years) when every point is a year."""
    axis: Spec = {"type": "date"}
    start, end = datetime.fromisoformat(first), datetime.fromisoformat(last)
    if end - start < timedelta(days=730):
        middle = start + (end - start) / 2
        start, end = middle - timedelta(days=400), middle + timedelta(days=400)
        axis["range"] = [start.strftime("%Y-%m-%d"), end.strftime("%Y-%m-%d")]
    if annual:
        wanted = (end.year - start.year + 1) / 6
        step = next((s for s in encoding.YEAR_STEPS if s >= wanted), encoding.YEAR_STEPS[-1])
        axis |= {"tick0": "2000-07-01", "dtick": f"M{12 * step}", "tickformat": "%Y"}
    return axis


EVENT_ROWS = (1.0, 0.93, 0.86, 0.79, 0.72)  # heights of the stars, stepped down where dates crowd
CROWDED = 1 / 25  # events closer than this share of the time axis are stepped


def event_heights(dates: Sequence[str], first: str, last: str) -> list[float]:
    """A height for each event's star and number: the top row, or the next row down when the
    event is too close to the one before for their numbers not to run together."""
    days = max((datetime.fromisoformat(last) - datetime.fromisoformat(first)).days, 730)
    heights: list[float] = []
    for number, date in enumerate(dates):
        gap = (datetime.fromisoformat(date) - datetime.fromisoformat(dates[number - 1])).days
        row = 0
        if number and gap < CROWDED * days:
            row = (EVENT_ROWS.index(heights[-1]) + 1) % len(EVENT_ROWS)
        heights.append(EVENT_ROWS[row])
    return heights


def _event_trace(events: Sequence[Event], first: str, last: str) -> Spec:
    """Dated events: a hoverable, clickable star on top of each dotted vertical line."""
    return {
        "type": "scatter",
        "x": [e.date for e in events],
        "y": event_heights([e.date for e in events], first, last),
        "yaxis": "y2",
        "mode": "markers+text",
        "text": [str(n) for n in range(1, len(events) + 1)],
        "textposition": "bottom center",
        "textfont": {"size": 11, "color": "#24292f"},
        "name": "Events",
        "uid": "events",
        "marker": {"symbol": "star", "size": 11, "color": "#57606a"},
        "customdata": [
            [
                f"event:{e.event_id}",
                "Event",
                e.date,
                e.label,
                f"{e.source_short} — {e.source_title}",
                e.source_kind,
                "",
            ]
            for e in events
        ],
        "hovertemplate": "<b>%{customdata[3]}</b><br>%{customdata[2]}<br>"
        "Source: %{customdata[4]}<br><i>Click for the full citation</i><extra></extra>",
    }
