"""What each chart and page draws from, memoised per build of the tables: the points a chart
can draw, prepared tracks, figures, the years and series a page offers, its events."""

import re
from collections.abc import Sequence

import pandas as pd

from dashboard import data, guards
from dashboard.cache import per_build
from dashboard.charts import plotting, transforms
from dashboard.charts.encoding import Spec
from dashboard.charts.registry import Chart, Page
from dashboard.schema.windows import MONTH


@per_build(size=64)
def drawable(chart: Chart) -> pd.DataFrame:
    """Every point a chart can draw, from the current tables (read it, never change it)."""
    return chart_points(data.load().points, chart)


def chart_points(points: pd.DataFrame, chart: Chart) -> pd.DataFrame:
    """Every point a chart can draw."""
    mask = points["indicator"].isin(chart.indicators)
    if chart.economies:
        mask &= points["economy"].isin(chart.economies)
    if chart.frequencies:
        mask &= points["frequency"].isin(chart.frequencies)
    return points[mask]


@per_build(size=32)
def page_points(page: Page) -> pd.DataFrame:
    """Every point any chart of the page can draw (read it, never change it)."""
    return pd.concat([drawable(chart) for chart in page.charts])


@per_build(size=32)
def offer(page: Page) -> guards.Offer:
    """The years, series ids and transforms a page offers, for checking its callbacks'
    inputs."""
    ids = tuple(frozenset(drawable(chart)["series_id"]) for chart in page.charts)
    charts = tuple(c.chart_id for c in page.charts)
    return guards.Offer(year_bounds(page_points(page)), charts, ids, page_transforms(page))


POPULATION = re.compile(r"population")
PERSONS = {"persons": 1.0, "million persons": 1e6, "people": 1.0, "million people": 1e6}


@per_build(size=1)
def population() -> plotting.People:
    """Persons by economy and year in the current tables (see `people`)."""
    return people(data.load().points)


def people(points: pd.DataFrame) -> plotting.People:
    """Persons by economy and year, from the official annual series of an indicator named
    population in a unit of persons (none when the points hold none)."""
    rows = points[
        points["indicator"].str.fullmatch(POPULATION.pattern)
        & points["unit"].isin(list(PERSONS))
        & (points["kind"] == "official_series")
        & points["period"].str.fullmatch(r"\d{4}")
    ].sort_values(["economy", "period", "source_id"])
    found: dict[str, dict[int, float]] = {}
    for row in rows.itertuples():
        found.setdefault(str(row.economy), {}).setdefault(
            int(str(row.period)), float(str(row.value)) * PERSONS[str(row.unit)]
        )
    return found


def page_transforms(page: Page) -> tuple[str, ...]:
    """The transforms a page offers: level, change and index always; per person where a
    population and a unit to divide exist; annual and rolling totals where points are
    monthly."""
    points = page_points(page)
    offered = list(transforms.ALWAYS)
    persons = population()
    dividable = points[points["unit"].isin(list(transforms.PER_PERSON))]
    if persons and dividable["economy"].isin(list(persons)).any():
        offered.append("per_capita")
    if points["period"].str.fullmatch(MONTH.pattern).any():
        offered.extend(transforms.MONTHLY)
    return tuple(offered)


def year_bounds(points: pd.DataFrame) -> tuple[int, int]:
    """First and last year with a point."""
    years = points["x_year"]
    return int(years.min()), int(years.max())


def visible(points: pd.DataFrame, start: int, end: int, shown: Sequence[str]) -> pd.DataFrame:
    """The points inside the year range whose series is shown."""
    years = points["x_year"]
    shown_points: pd.DataFrame = points[
        (years >= start) & (years <= end) & points["series_id"].isin(shown)
    ]
    return shown_points


@per_build(size=64)
def prepared(chart: Chart) -> plotting.Drawing:
    """A chart's points in tracks, with hover text, names, order and colours."""
    return plotting.prepare(drawable(chart))


@per_build(size=128)
def transformed(chart: Chart, how: str, base: int) -> plotting.Drawing:
    """A chart's tracks in a transform (the level: `prepared`)."""
    return plotting.transformed(prepared(chart), how, base, population())


@per_build(size=256)
def render(
    page: Page,
    chart: Chart,
    start: int,
    end: int,
    series: tuple[str, ...],
    events: bool,
    log: bool,
    how: str = transforms.LEVEL,
    base: int = 0,
) -> Spec:
    """One chart's figure in one view; colours from every series of the chart."""
    picked = transformed(chart, how, base).select(start, end, series)
    marked = page_events(page, start, end) if events else None
    return plotting.spec(picked, marked, log_scale=log)


def marked_events(
    page: Page, chart: Chart, start: int, end: int, series: Sequence[str]
) -> list[plotting.Event]:
    """The events a chart marks in a view, in the order it numbers them."""
    picked = prepared(chart).select(start, end, series)
    if not picked:
        return []
    return plotting.chart_events(page_events(page, start, end), *plotting.span(picked))


def page_events(page: Page, start: int, end: int) -> list[plotting.Event]:
    """The dated events related to a page's topics, inside the years."""
    return plotting.in_years(_page_events(page), start, end)


@per_build(size=32)
def _page_events(page: Page) -> list[plotting.Event]:
    events = data.load().events
    return plotting.event_list(events[events["category"].isin(page.event_topics)])
