"""The one view of an indicator page: its years, event marks, log scale, the series shown and
the transform (with an index's base year).

Read from the URL's query string leniently (anything malformed falls back to the default;
nothing from it is ever echoed except parsed integers and known series ids) or from the
stores the page's controls write strictly (anything the page never offers is refused with
guards.Refused); and written, here only, as the query string, the page store and each chart's
rows store. The browser copies the query string the server writes (assets/grapher.js)."""

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from dashboard import guards
from dashboard.guards import Offer, Refused

MAX_QUERY_VALUE = 2000
LEVEL = "level"
DEFAULT_BASE = 2015  # an index's base year unless the URL names one (clamped to the years)


@dataclass(frozen=True)
class View:
    """What a page shows."""

    start: int
    end: int
    events: bool
    log: bool
    shown: frozenset[str]
    transform: str = LEVEL
    base: int = DEFAULT_BASE

    def query(self, series_ids: Collection[str]) -> str:
        """The query string (without '?') that restores the view."""
        parts = [f"start={self.start}", f"end={self.end}"]
        if self.events:
            parts.append("events=1")
        if self.log:
            parts.append("log=1")
        if self.shown != frozenset(series_ids):
            parts.append("series=" + ",".join(sorted(self.shown)))
        if self.transform != LEVEL:
            parts.append(f"transform={self.transform}")
        if self.transform == "index":
            parts.append(f"base={self.base}")
        return "&".join(parts)

    def store(self, offer: Offer) -> dict[str, Any]:
        """The page store: {"years", "events", "log", "shown", "transform", "base"}, `shown`
        mapping each chart id to the series ids shown on it."""
        pairs = zip(offer.charts, offer.series, strict=True)
        return {
            "years": [self.start, self.end],
            "events": ["on"] if self.events else [],
            "log": ["on"] if self.log else [],
            "shown": {chart: self.on(ids) for chart, ids in pairs},
            "transform": self.transform,
            "base": self.base,
        }

    def rows(self, offered: Collection[str]) -> dict[str, Any]:
        """A chart's rows store, which its table and download read: the years and the
        chart's own series among those shown, and the transform."""
        return {
            "start": self.start,
            "end": self.end,
            "series": self.on(offered),
            "transform": self.transform,
            "base": self.base,
        }

    def on(self, offered: Collection[str]) -> list[str]:
        """The offered series ids the view shows, sorted."""
        return sorted(self.shown & frozenset(offered))


def from_query(
    query: Mapping[str, object],
    bounds: tuple[int, int],
    series_ids: Collection[str],
    transforms: Collection[str] = (LEVEL,),
) -> View:
    """The view a query string asks for, or the default for each part it gets wrong."""
    low, high = bounds
    start = _year(query.get("start"), low, high, low)
    end = _year(query.get("end"), low, high, high)
    if start > end:
        start, end = low, high
    events, log = query.get("events") == "1", query.get("log") == "1"
    asked = query.get("transform")
    transform = asked if isinstance(asked, str) and asked in transforms else LEVEL
    base = _year(query.get("base"), low, high, min(max(DEFAULT_BASE, low), high))
    return View(start, end, events, log, _series(query, series_ids), transform, base)


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


def from_store(offer: Offer, stored: object) -> View:
    """The view in a page store, checked against what the page offers."""
    keys = {"years", "events", "log", "shown", "transform", "base"}
    if not isinstance(stored, dict) or set(stored) != keys:
        raise Refused()
    shown = stored["shown"]
    if not isinstance(shown, dict) or set(shown) != set(offer.charts):
        raise Refused()
    start, end = guards.years(stored["years"], offer.bounds)
    pairs = zip(offer.charts, offer.series, strict=True)
    series = frozenset(s for chart, ids in pairs for s in guards.series(shown[chart], ids))
    events, log = bool(guards.switch(stored["events"])), bool(guards.switch(stored["log"]))
    transform = guards.transform(stored["transform"], offer.transforms)
    base = guards.base_year(stored["base"], offer.bounds)
    return View(start, end, events, log, series, transform, base)


def from_rows(offer: Offer, index: int, stored: object) -> View:
    """The view in a chart's rows store (its series only), checked against the page's offer."""
    keys = {"start", "end", "series", "transform", "base"}
    if not isinstance(stored, dict) or set(stored) != keys:
        raise Refused()
    start, end = guards.years([stored["start"], stored["end"]], offer.bounds)
    shown = guards.series(stored["series"], offer.series[index])
    transform = guards.transform(stored["transform"], offer.transforms)
    base = guards.base_year(stored["base"], offer.bounds)
    return View(start, end, False, False, frozenset(shown), transform, base)
