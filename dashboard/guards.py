"""Callback inputs checked against what the page offers, and normalised for the memo.

Anything a page never offers (years outside its range, a series list longer than the chart's,
unknown chart ids, a switch value other than "on", a click without a point id) is refused with
a 400 whose message is fixed: nothing the client sent is ever echoed back.
"""

import re
from collections.abc import Collection
from dataclasses import dataclass

from werkzeug.exceptions import BadRequest

from dashboard.charts.registry import CHARTS, Chart

CLICKED_ID = re.compile(r"(o[0-9a-f]{10}|event:[A-Za-z0-9_.-]{1,64})")
MAX_AT_SPOT = 24  # points one click may name (those drawn at the same spot)


class Refused(BadRequest):
    """A callback input the page never offers."""

    description = "The request does not match anything this page offers."


@dataclass(frozen=True)
class Offer:
    """What an indicator page offers: its year range, its charts' ids and each chart's series
    ids (in the page's chart order)."""

    bounds: tuple[int, int]
    charts: tuple[str, ...]
    series: tuple[frozenset[str], ...]
    transforms: tuple[str, ...] = ("level",)


def years(value: object, bounds: tuple[int, int]) -> tuple[int, int]:
    """A [start, end] pair of whole years inside the page's range."""
    if not isinstance(value, list) or len(value) != 2:
        raise Refused()
    start, end = value
    if type(start) is not int or type(end) is not int:
        raise Refused()
    if not bounds[0] <= start <= end <= bounds[1]:
        raise Refused()
    return start, end


def series(value: object, offered: Collection[str]) -> tuple[str, ...]:
    """The offered series ids in a checklist value (ids the chart does not draw are dropped)."""
    if not isinstance(value, list) or len(value) > len(offered):
        raise Refused()
    if not all(isinstance(item, str) for item in value):
        raise Refused()
    return tuple(sorted(set(value) & set(offered)))


def switch(value: object) -> tuple[str, ...]:
    """A one-option switch: [] (off) or ["on"]."""
    if value == [] or value is None:
        return ()
    if value == ["on"]:
        return ("on",)
    raise Refused()


def transform(value: object, offered: tuple[str, ...]) -> str:
    """A transform the page offers."""
    if not isinstance(value, str) or value not in offered:
        raise Refused()
    return value


def base_year(value: object, bounds: tuple[int, int]) -> int:
    """An index's base year, inside the page's range."""
    if type(value) is not int or not bounds[0] <= value <= bounds[1]:
        raise Refused()
    return value


def drawn_charts(outputs: object, offer: Offer) -> list[int]:
    """The positions, in the page's chart order, of the charts a redraw's wildcard outputs
    name (the charts on the page so far), each once."""
    if not isinstance(outputs, list) or len(outputs) > len(offer.charts):
        raise Refused()
    keys = [output.get("id") if isinstance(output, dict) else None for output in outputs]
    names = [key.get("chart") if isinstance(key, dict) else None for key in keys]
    if len(set(names)) != len(names) or not set(names) <= set(offer.charts):
        raise Refused()
    return [offer.charts.index(str(name)) for name in names]


def chart(key: object) -> Chart:
    """The chart a pattern-matching id names."""
    if not isinstance(key, dict):
        raise Refused()
    page, chart_id = key.get("page"), key.get("chart")
    if not isinstance(page, str) or not isinstance(chart_id, str):
        raise Refused()
    found = CHARTS.get((page, chart_id))
    if found is None:
        raise Refused()
    return found


def clicked_ids(click: object) -> list[str]:
    """The observation or event ids of the points at a clicked spot, in the order sent (the
    one drawn on top first), each once; ids of another form are dropped."""
    if click is None:
        return []
    if not isinstance(click, dict) or not isinstance(click.get("points", []), list):
        raise Refused()
    points = click.get("points") or []
    if len(points) > MAX_AT_SPOT or not all(isinstance(point, dict) for point in points):
        raise Refused()
    ids: list[str] = []
    for point in points:
        custom = point.get("customdata")
        if not isinstance(custom, list) or not custom or not isinstance(custom[0], str):
            continue
        if CLICKED_ID.fullmatch(custom[0]) and custom[0] not in ids:
            ids.append(custom[0])
    return ids
