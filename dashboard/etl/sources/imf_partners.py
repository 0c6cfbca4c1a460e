"""IMF Direction of Trade: China's and Russia's trade with Central Asia, Mongolia and India,
annual, to 2020 (the partners table).

Raw layout: datasets/raw/imf_dots_partners/dots_partners.csv, the layout of imf_dots
(reporter, indicator = sheet, partner, year, value_usd_millions, source_file, sheet).
"""

from pathlib import Path

import pandas as pd

from dashboard.etl import frames
from dashboard.etl.errors import InputError
from dashboard.etl.rawfiles import caveated_sources, read_csv, read_origin, records, source_of
from dashboard.etl.sources.imf import RAW_IMF_DOTS, REPORTERS
from dashboard.etl.steps import Context, StepOutput
from dashboard.schema.tables import PARTNERS

NAME = "imf_partners"
FOLDER = "imf_dots_partners"
SHIPPED = True
FILENAME = "dots_partners.csv"
SOURCE_ID = "imf-dots-partners"
FLOWS = {"Exports, FOB": "exports", "Imports, CIF": "imports"}
PARTNERS_BY_NAME = {
    "Kazakhstan, Rep. of": "KAZ",
    "Kyrgyz Rep.": "KGZ",
    "Tajikistan, Rep. of": "TJK",
    "Turkmenistan": "TKM",
    "Uzbekistan, Rep. of": "UZB",
    "Mongolia": "MNG",
    "India": "IND",
}


def build(folder: Path, context: Context) -> StepOutput:
    """Each reporter's exports to and imports from each partner, in US$ billions."""
    origin = read_origin(folder)
    path = folder / FILENAME
    source_id = source_of(origin, folder, FILENAME, {SOURCE_ID})
    rows = []
    for line, row in records(read_csv(path, RAW_IMF_DOTS)):
        for column, known in (
            ("reporter", REPORTERS),
            ("indicator", FLOWS),
            ("partner", PARTNERS_BY_NAME),
        ):
            if row[column] not in known:
                raise InputError(path, f"unknown {column} {row[column]!r}", line, column)
        rows.append(
            {
                "reporter": REPORTERS[row["reporter"]],
                "partner": PARTNERS_BY_NAME[row["partner"]],
                "flow": FLOWS[row["indicator"]],
                "period": str(row["year"]),
                "year": row["year"],
                "value": frames.scaled(row["value_usd_millions"], -3),
                "rank": None,
                "source_id": source_id,
                "note": f"{row['reporter']}: {row['indicator']}, partner {row['partner']}",
            }
        )
    return StepOutput(
        frames.observations([]),
        frames.sources(caveated_sources(origin)),
        partners=pd.DataFrame(rows, columns=PARTNERS.columns),
    )
