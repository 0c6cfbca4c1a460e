"""IMF IMTS latest-year exports, top 15 partners only, as built by a third party (the
partners table; period 'latest': the per-partner year, 2022–2025, is not stored).

Raw layout: datasets/raw/imf_imts_top15/imts_exports_top15.csv (reporter, partner, in_top15,
rank, exports_fob_usd, reporter_year_field, reporter_total_field_usd; US dollars) and
trade_json_fragment.json (the transcribed file it was derived from; checked, not read).
A partner outside a reporter's top 15 gets no row: absent, never zero.
"""

from pathlib import Path

import pandas as pd

from dashboard.etl import frames
from dashboard.etl.errors import InputError
from dashboard.etl.rawfiles import caveated_sources, read_csv, read_origin, records, source_of
from dashboard.etl.steps import Context, StepOutput
from dashboard.schema import vocabulary as v
from dashboard.schema.tables import INT, PARTNERS, Field, N, raw_table, text_fields

NAME = "imts_top15"
FOLDER = "imf_imts_top15"
SHIPPED = True
FILENAME = "imts_exports_top15.csv"
SOURCE_ID = "imf-imts-top15"
FRAGMENT = "trade_json_fragment.json"
RAW_IMTS_TOP15 = raw_table(
    "imts_exports_top15",
    FILENAME,
    (
        *text_fields("reporter", "partner"),
        Field("in_top15", "string", "true or false", enum=("true", "false")),
        Field("rank", INT, "rank among the top 15", required=False),
        Field("exports_fob_usd", N, "US dollars", required=False),
        Field("reporter_year_field", INT, "the entry's year field"),
        Field("reporter_total_field_usd", N, "US dollars"),
    ),
    ("reporter", "partner"),
)


def build(folder: Path, context: Context) -> StepOutput:
    """The top-15 rows between the economies of the partners table, in US$ billions."""
    origin = read_origin(folder)
    source_of(origin, folder, FRAGMENT, {"imf-imts-top15-json"})
    path = folder / FILENAME
    source_id = source_of(origin, folder, FILENAME, {SOURCE_ID})
    rows = []
    for line, row in records(read_csv(path, RAW_IMTS_TOP15)):
        listed = row["in_top15"] == "true"
        if listed == pd.isna(row["exports_fob_usd"]) or listed == pd.isna(row["rank"]):
            raise InputError(
                path, "in_top15 disagrees with rank/value (listed needs both)", line, "in_top15"
            )
        if not listed or {row["reporter"], row["partner"]} - set(v.PARTNER_ECONOMIES):
            continue
        rows.append(
            {
                "reporter": row["reporter"],
                "partner": row["partner"],
                "flow": "exports",
                "period": "latest",
                "year": None,
                "value": frames.scaled(row["exports_fob_usd"], -9),
                "rank": row["rank"],
                "source_id": source_id,
                "note": f"rank {row['rank']} of the reporter's top 15; latest observation "
                f"(2022–2025, year not stored; entry year field {row['reporter_year_field']})",
            }
        )
    return StepOutput(
        frames.observations([]),
        frames.sources(caveated_sources(origin)),
        partners=pd.DataFrame(rows, columns=PARTNERS.columns),
    )
