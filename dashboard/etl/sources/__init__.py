"""Every upstream source, one module each: its raw folder and layout, origin, step, and for
API sources fetch, parse and refresh. `ALL` is the one list the build and the refresh walk."""

from dashboard.etl.sources import articles, bp, comtrade, ei, imf, statements, worldbank
from dashboard.etl.steps import Refreshable, Source

ALL: tuple[Source, ...] = (worldbank, comtrade, imf, ei, bp, statements, articles)
"""Every source, in build order (claims come last: they are checked against the rest)."""

REFRESHABLE: tuple[Refreshable, ...] = tuple(s for s in ALL if isinstance(s, Refreshable))
"""The API sources (those with a refresh), in the same order."""
