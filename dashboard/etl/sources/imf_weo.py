"""IMF World Economic Outlook, October 2025: GDP, GDP per capita and real growth of China and
Russia, from a third party's cache of the WEO database.

Raw layout: datasets/raw/imf_weo/weo_2025oct_chn_rus.csv (RAW_IMF_WEO): gdp in US dollars (the
copying repository multiplied WEO's billions by 1e9), gdp_per_capita in US dollars, growth_pct
in percent. Years from origin.json's `projection_from` on are IMF staff projections: they cite
a source of their own, tier `projection`, so that they are drawn apart and never decide a
verdict. Caveats are in origin.json and end every citation.
"""

from pathlib import Path
from typing import Any

from dashboard.etl import frames
from dashboard.etl.errors import InputError
from dashboard.etl.rawfiles import (
    ORIGIN,
    check_known,
    origin_sources,
    read_csv,
    read_origin,
    records,
    source_of,
)
from dashboard.etl.steps import Context, StepOutput
from dashboard.schema.tables import INT, Field, N, raw_table, text_fields

NAME = "imf_weo"
FOLDER = "imf_weo"
SHIPPED = True
FILENAME = "weo_2025oct_chn_rus.csv"
SOURCE_ID = "imf-weo-2025-10"
PROJECTION_ID = f"{SOURCE_ID}-projection"
ECONOMIES = {"CHN", "RUS"}
COLUMNS = {  # raw column -> (indicator, power of ten to the indicator's unit)
    "gdp": ("gdp", -9),
    "gdp_per_capita": ("gdp_per_capita_usd", 0),
    "growth_pct": ("gdp_real_growth", 0),
}
RAW_IMF_WEO = raw_table(
    "imf_weo",
    FILENAME,
    (
        *text_fields("COUNTRY.ID", "Pais"),
        Field("Ano", INT, "year"),
        Field("gdp", N, "GDP, US dollars (WEO NGDPD × 1e9)"),
        Field("gdp_per_capita", N, "GDP per capita, US dollars (WEO NGDPDPC)"),
        Field("growth_pct", N, "real GDP growth, percent (WEO NGDP_RPCH)", required=False),
    ),
    ("COUNTRY.ID", "Ano"),
)


def build(folder: Path, context: Context) -> StepOutput:
    """GDP (US$ bn), GDP per capita (US$) and real growth (%), each year of China and Russia;
    a year from `projection_from` on cites the projection source."""
    origin = read_origin(folder)
    source_id = source_of(origin, folder, FILENAME, {SOURCE_ID})
    first = origin.get("projection_from")
    if type(first) is not int:
        raise InputError(
            folder / ORIGIN, "no whole-number projection_from", field="projection_from"
        )
    path = folder / FILENAME
    table = read_csv(path, RAW_IMF_WEO)
    check_known(table, "COUNTRY.ID", ECONOMIES, path, "country code")
    units = context.units
    rows = []
    for _, row in records(table):
        year = int(row["Ano"])
        cited = PROJECTION_ID if year >= first else source_id
        for column, (indicator, power) in COLUMNS.items():
            if row[column] == row[column]:  # empty growth (Russia 1992): no row
                value = frames.scaled(row[column], power)
                unit = units[indicator]
                rows.append(
                    frames.annual(indicator, row["COUNTRY.ID"], "", year, value, unit, cited)
                )
    return StepOutput(frames.observations(rows), frames.sources(_sources(origin, first)))


def _sources(origin: dict[str, Any], first: int) -> list[dict[str, str]]:
    """The file's source, and its projection years as a source of their own."""
    (observed,) = origin_sources(origin)
    projected = observed | {
        "source_id": PROJECTION_ID,
        "tier": "projection",
        "title": f"{observed['title']}: IMF staff projections, {first} onward",
        "attribution_short": f"{observed['attribution_short']}, projection",
        "citation_full": f"{observed['citation_full']} Years {first} onward are projections.",
        "note": f"Projection (WEO convention: {first} onward). {observed['note']}",
    }
    return [observed, projected]
