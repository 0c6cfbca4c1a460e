"""Every upstream source, one module each: its raw folder and layout, origin, step, and for
API sources fetch, parse and refresh. `ALL` is the one list the build and the refresh walk."""

from dashboard.etl.sources import (
    articles,
    baci,
    bp,
    comtrade,
    comtrade_api_monthly,
    comtrade_monthly,
    ei,
    ei_panel,
    gacc_fossil,
    imf,
    imf_imts_monthly,
    imf_partners,
    imf_weo,
    imts_top15,
    statements,
    wb_macro,
    worldbank,
)
from dashboard.etl.steps import Refreshable, Source

ALL: tuple[Source, ...] = (
    worldbank,
    wb_macro,
    comtrade,
    comtrade_monthly,
    comtrade_api_monthly,
    imf,
    imf_imts_monthly,
    imf_weo,
    ei,
    ei_panel,
    bp,
    gacc_fossil,
    statements,
    articles,
    baci,
    imf_partners,
    imts_top15,
)
"""Every source (the build sorts its tables, so the order changes nothing but the refresh's
order of work)."""

REFRESHABLE: tuple[Refreshable, ...] = tuple(s for s in ALL if isinstance(s, Refreshable))
"""The API sources (those with a refresh), in the same order."""
