"""A chart's plotly spec drawn as static HTML and SVG, for the first paint (shell.py sends it in
the first HTML response; assets/first-paint.js swaps in plotly's chart once it is drawn).

The box is as wide as the page allows and as high as the interactive chart (grapher.css), so
the drawing is laid out by CSS: the plot area is an SVG stretched between the spec's margins
(strokes keep their width, markers are round or square stroke caps), tick labels and direct
labels are HTML placed in percent of the box. The trace groups carry plotly's class names
(`.scatterlayer .trace`), so one detector sees either chart drawn.
"""

import math
import re
from datetime import date
from html import escape
from typing import Any

from dashboard.charts.encoding import Spec

SIZE = 1000  # the plot area's own coordinates, both ways
TICKS = 6  # about this many ticks on the value axis
STEPS = (1, 2, 2.5, 5, 10)
PAD = 0.025  # room left around the points, as a share of each axis (as plotly's autorange)
LABEL_COLOR = re.compile(r"color:\s*(#[0-9a-fA-F]{3,8})")


def day(text: str) -> float:
    """A date axis value ("2021", "2021-07", "2021-07-01") as a day number."""
    parts = [int(p) for p in str(text)[:10].split("-")]
    year, month, day_of_month = (parts + [1, 1])[:3]
    return float(date(year, month, day_of_month).toordinal())


def nice_ticks(low: float, high: float, count: int = TICKS) -> list[float]:
    """Round tick values covering [low, high], about `count` of them."""
    if high <= low:
        low, high = low - 1, high + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(s * power for s in STEPS if s * power >= raw)
    first = math.floor(low / step) * step
    ticks, value = [], first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(value, 10))
    return ticks


def tick_text(value: float, log: bool) -> str:
    if log:
        return f"{10**value:,.10g}"
    return f"{value:,.10g}"


def _numbers(values: list[Any]) -> list[float | None]:
    return [
        float(v) if isinstance(v, int | float) and not math.isnan(float(v)) else None
        for v in values
    ]


def chart_html(figure: Spec) -> str:
    """The figure as a static box of HTML and SVG (empty when nothing is drawn)."""
    layout = figure["layout"]
    traces = [t for t in figure["data"] if t.get("yaxis", "y") == "y" and t.get("x")]
    if not traces:
        return ""
    log = layout.get("yaxis", {}).get("type") == "log"
    xs = [day(x) for t in traces for x in t["x"]]
    ys: list[float] = []
    for trace in traces:
        error = trace.get("error_y", {})
        plus = error.get("array") or [0] * len(trace["y"])
        minus = error.get("arrayminus") or [0] * len(trace["y"])
        for y, p, m in zip(_numbers(trace["y"]), _numbers(plus), _numbers(minus), strict=True):
            if y is not None:
                ys += [y + (p or 0), y - (m or 0)]
    if log:
        ys = [math.log10(y) for y in ys if y > 0]
    if not ys:
        return ""
    axis = layout.get("xaxis", {})
    if "range" in axis:
        x0, x1 = day(axis["range"][0]), day(axis["range"][1])
    else:
        pad = max((max(xs) - min(xs)) * PAD, 30.0)
        x0, x1 = min(xs) - pad, max(xs) + pad
    ticks = (
        [float(v) for v in range(math.floor(min(ys)), math.ceil(max(ys)) + 1)]
        if log
        else nice_ticks(min(ys), max(ys))
    )
    span = (max(ys) - min(ys)) or 1.0
    y0 = min(min(ys) - span * PAD, ticks[0]) if log else min(ys) - span * PAD
    y1 = max(ys) + span * PAD
    ticks = [t for t in ticks if y0 <= t <= y1]

    def px(x: float) -> float:
        return round(SIZE * (x - x0) / (x1 - x0), 1)

    def py(y: float) -> float:
        return round(SIZE * (1 - (y - y0) / (y1 - y0)), 1)

    margin = layout.get("margin", {})
    left, top, bottom = margin.get("l", 60), margin.get("t", 32), margin.get("b", 36)
    right = margin.get("r", 12)
    shapes = "".join(_event_line(px(day(s["x0"]))) for s in layout.get("shapes", []))
    grid = "".join(
        f'<path d="M0 {py(t)}H{SIZE}" stroke="#ebf0f8" vector-effect="non-scaling-stroke"/>'
        for t in ticks
    )
    # a time axis of years ticks mid-year (plotly's tick0 there), any other at the new year
    tick_day = "-07-01" if str(axis.get("dtick", "")).startswith("M") else "-01-01"
    years = _years(x0, x1, axis, tick_day)
    grid += "".join(
        f'<path d="M{px(day(f"{y}{tick_day}"))} 0V{SIZE}" stroke="#ebf0f8" '
        'vector-effect="non-scaling-stroke"/>'
        for y in years
    )
    drawn = [
        _trace(trace, px, py, log) for trace in figure["data"] if trace.get("yaxis", "y") == "y"
    ]
    layer = "".join(group for group, _ in drawn)
    labels = "".join(
        f'<span class="fp-ytick" style="top:{_at(py(t))}">{escape(tick_text(t, log))}</span>'
        for t in ticks
    )
    labels += "".join(
        f'<span class="fp-xtick" style="left:{_across(px(day(f"{year}{tick_day}")))}">{year}</span>'
        for year in years
    )
    title = escape(str(layout.get("yaxis", {}).get("title", {}).get("text", "")))
    direct = "".join(
        _direct_label(note, py(float(note["y"])))
        for note in layout.get("annotations", [])
        if note.get("name") == "direct-label"
    )
    box = f"--l:{left}px;--t:{top}px;--b:{bottom}px;--r-wide:{right}px"
    return (
        f'<div class="first-paint js-plotly-plot" aria-hidden="true">'
        f'<div class="fp-box" style="{box}">'
        f'<svg class="fp-plot" viewBox="0 0 {SIZE} {SIZE}" preserveAspectRatio="none">'
        f'<g class="gridlayer">{grid}{shapes}</g>'
        f'<g class="scatterlayer">{layer}</g></svg>'
        f"{''.join(shaped for _, shaped in drawn)}"
        f'{labels}<span class="fp-ytitle">{title}</span>{direct}</div></div>'
    )


def _at(y: float) -> str:
    """A height in the plot area, as CSS from the top of the box."""
    return f"calc(var(--t) + (100% - var(--t) - var(--b)) * {y / SIZE:.4f})"


def _across(x: float) -> str:
    """A place along the plot area, as CSS from the left of the box."""
    return f"calc(var(--l) + (100% - var(--l) - var(--r)) * {x / SIZE:.4f})"


def _years(x0: float, x1: float, axis: Spec, tick_day: str) -> list[int]:
    """The years ticked on the time axis: every `dtick` years (or about six), in the range."""
    first, last = date.fromordinal(math.ceil(x0)).year, date.fromordinal(math.floor(x1)).year
    dtick = str(axis.get("dtick", ""))
    step = int(dtick[1:]) // 12 if dtick.startswith("M") else max(1, (last - first + 1) // 6)
    return [
        y for y in range(first, last + 2) if y % step == 0 and x0 <= day(f"{y}{tick_day}") <= x1
    ]


def _event_line(x: float) -> str:
    return (
        f'<path d="M{x} 0V{SIZE}" stroke="#8c959f" stroke-dasharray="2 3" '
        'vector-effect="non-scaling-stroke"/>'
    )


def _direct_label(note: Spec, y: float) -> str:
    text = str(note.get("text", ""))
    found = LABEL_COLOR.search(text)
    color = found[1] if found else "#57606a"
    lines = re.sub(r"<span[^>]*>■</span>\s*", "", text).split("<br>")
    body = "<br>".join(escape(line) for line in lines)
    return (
        f'<span class="fp-label" style="top:{_at(y)}">'
        f'<span style="color:{color}">■</span> {body}</span>'
    )


def _trace(trace: Spec, px: Any, py: Any, log: bool) -> tuple[str, str]:
    """One trace as plotly's class names have it: its line, error bars and round or square
    markers; and its markers of other shapes, as HTML placed over the plot area."""
    mode = str(trace.get("mode", "markers"))
    marker = trace.get("marker", {})
    line = trace.get("line", {})
    color = str(marker.get("color") or line.get("color") or "#57606a")
    ys = _numbers(trace["y"])
    if log:
        ys = [math.log10(y) if y is not None and y > 0 else None for y in ys]
    points = [(px(day(x)), py(y)) for x, y in zip(trace["x"], ys, strict=True) if y is not None]
    parts = []
    if "lines" in mode and len(points) > 1:
        dash = {"dash": ' stroke-dasharray="6 4"', "dot": ' stroke-dasharray="2 3"'}.get(
            str(line.get("dash", "")), ""
        )
        path = "M" + "L".join(f"{x} {y}" for x, y in points)
        parts.append(
            f'<path class="js-line" d="{path}" fill="none" stroke="{color}" '
            f'stroke-width="{line.get("width", 2)}"{dash} vector-effect="non-scaling-stroke"/>'
        )
    parts.append(_error_bars(trace, px, py, log))
    shaped = ""
    if "markers" in mode and points:
        symbols = marker.get("symbol", "circle")
        if not isinstance(symbols, list):
            symbols = [symbols] * len(trace["x"])
        kept = [str(s) for s, y in zip(symbols, ys, strict=True) if y is not None]
        drawn = list(zip(points, kept, strict=True))
        capped = [(p, s) for p, s in drawn if _shape(s) is None]
        if capped:
            parts.append(_markers([p for p, _ in capped], marker, color, capped[0][1]))
        shaped = "".join(_shaped(p, s, marker, color) for p, s in drawn if _shape(s))
    return f'<g class="trace scatter">{"".join(parts)}</g>', shaped


def _error_bars(trace: Spec, px: Any, py: Any, log: bool) -> str:
    error = trace.get("error_y", {})
    if not error.get("array"):
        return ""
    segments = []
    for x, y, plus, minus in zip(
        trace["x"], _numbers(trace["y"]), error["array"], error["arrayminus"], strict=True
    ):
        if y is None or not (plus or minus):
            continue
        high, low = y + plus, y - minus
        if log:
            if low <= 0:
                continue
            high, low = math.log10(high), math.log10(low)
        segments.append(f"M{px(day(x))} {py(high)}V{py(low)}")
    return (
        f'<path d="{"".join(segments)}" stroke="{error.get("color", "#57606a")}" '
        'stroke-width="1.5" vector-effect="non-scaling-stroke"/>'
        if segments
        else ""
    )


def _markers(points: list[tuple[float, float]], marker: Spec, color: str, symbol: str) -> str:
    """Round or square markers as zero-length strokes: round caps draw dots, square caps
    squares; an open symbol is a ring (a white dot inside a coloured one)."""
    size = float(marker.get("size", 6))
    cap = "square" if "square" in symbol else "round"
    path = "".join(f"M{x} {y}h0" for x, y in points)
    drawn = (
        f'<path class="point" d="{path}" stroke="{color}" stroke-width="{size}" '
        f'stroke-linecap="{cap}" vector-effect="non-scaling-stroke"/>'
    )
    if "open" in symbol:
        ring = float(marker.get("line", {}).get("width", 2))
        drawn += (
            f'<path d="{path}" stroke="#fff" stroke-width="{max(size - 2 * ring, 1)}" '
            f'stroke-linecap="{cap}" vector-effect="non-scaling-stroke"/>'
        )
    return drawn


def _shape(symbol: str) -> str | None:
    """The outline of a marker that is neither round nor square, as plotly draws it (its
    symbol_defs.js) for a radius of 1; None for a round or square one."""
    name = symbol.removesuffix("-open")
    half, third = 1 / math.sqrt(3), 0.5
    return {
        "diamond": "M1.3 0L0 1.3L-1.3 0L0 -1.3Z",
        "triangle-up": f"M{-2 * half:.4f} {third}H{2 * half:.4f}L0 -1Z",
        "triangle-down": f"M{-2 * half:.4f} {-third}H{2 * half:.4f}L0 1Z",
    }.get(name)


def _shaped(point: tuple[float, float], symbol: str, marker: Spec, color: str) -> str:
    """A diamond or triangle marker as its own small SVG, placed over the plot area (the plot
    area's SVG is stretched, which would bend the shape)."""
    radius = float(marker.get("size", 6)) / 2
    ring = float(marker.get("line", {}).get("width", 0))
    reach = 1.3 * radius + ring  # the outline's farthest point, and its stroke
    fill, stroke = ("none", color) if symbol.endswith("-open") else (color, color)
    return (
        f'<span class="fp-marker" style="left:{_across(point[0])};top:{_at(point[1])}">'
        f'<svg width="{2 * reach:g}" height="{2 * reach:g}" '
        f'viewBox="{-reach:g} {-reach:g} {2 * reach:g} {2 * reach:g}">'
        f'<path d="{_shape(symbol)}" transform="scale({radius:g})" fill="{fill}" '
        f'stroke="{stroke}" stroke-width="{ring:g}" vector-effect="non-scaling-stroke"/>'
        "</svg></span>"
    )
