"""View state in the URL query string: year range, events, log scale, series shown.

Anything unknown or malformed falls back to the default; nothing from the query string is
ever echoed into the page except parsed integers and known series ids.
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass

MAX_QUERY_VALUE = 2000


@dataclass(frozen=True)
class ViewState:
    """What a page shows."""

    start: int
    end: int
    events: bool
    log: bool
    shown: frozenset[str]


def parse(
    query: Mapping[str, object], bounds: tuple[int, int], series_ids: Collection[str]
) -> ViewState:
    """The view a query string asks for, or the default for each part it gets wrong."""
    low, high = bounds
    start = _year(query.get("start"), low, high, low)
    end = _year(query.get("end"), low, high, high)
    if start > end:
        start, end = low, high
    events, log = query.get("events") == "1", query.get("log") == "1"
    return ViewState(start, end, events, log, _series(query, series_ids))


def _year(text: object, low: int, high: int, default: int) -> int:
    if not isinstance(text, str) or not text.isascii() or not text.isdigit() or len(text) != 4:
        return default
    return min(max(int(text), low), high)


def _series(query: Mapping[str, object], series_ids: Collection[str]) -> frozenset[str]:
    text = query.get("series")
    if not isinstance(text, str) or len(text) > MAX_QUERY_VALUE:
        return frozenset(series_ids)
    asked = frozenset(text.split(",")) & frozenset(series_ids)
    return asked or frozenset(series_ids)


def to_query(state: ViewState, series_ids: Collection[str]) -> str:
    """The query string (without '?') that restores a view."""
    parts = [f"start={state.start}", f"end={state.end}"]
    if state.events:
        parts.append("events=1")
    if state.log:
        parts.append("log=1")
    if state.shown != frozenset(series_ids):
        parts.append("series=" + ",".join(sorted(state.shown)))
    return "&".join(parts)
