"""UN Comtrade, China-reported monthly trade with Russia, 2017-01 to 2024-12, as copied by a
third-party research repository (S. Nakib).

Raw layout: datasets/raw/comtrade_monthly/cn_imports_from_ru_monthly.csv (RAW_IMPORTS: the
Comtrade records of China's monthly imports from Russia, CIF, US dollars) and
cn_exports_to_ru_monthly_processed.csv (RAW_EXPORTS: China's monthly exports to Russia, FOB,
US$ billions, as summed by that third party from an unpublished bulk file). The third party's
`yuan_share` (a constant assumption, not data) is not copied and never published.
"""

import re
from pathlib import Path
from typing import Any

from dashboard.etl import frames
from dashboard.etl.errors import InputError
from dashboard.etl.rawfiles import caveated_sources, read_csv, read_origin, records, source_of
from dashboard.etl.steps import Context, StepOutput
from dashboard.schema.tables import INT, Field, N, S, raw_table

NAME = "comtrade_monthly"
FOLDER = "comtrade_monthly"
SHIPPED = True
IMPORTS_FILE = "cn_imports_from_ru_monthly.csv"
EXPORTS_FILE = "cn_exports_to_ru_monthly_processed.csv"
IMPORTS_ID = "comtrade-cn-imports-ru-monthly"
EXPORTS_ID = "comtrade-cn-exports-ru-monthly-processed"
# the constant columns of the imports records: what the step expects of every row
MONTH_START = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])-01")
EXPECTED = {
    "freqCode": "M",
    "reporterCode": "156",
    "flowCode": "M",
    "partnerCode": "643",
    "cmdCode": "TOTAL",
}
RAW_IMPORTS = raw_table(
    "comtrade_monthly_imports",
    IMPORTS_FILE,
    (
        Field("period", S, "YYYYMM"),
        Field("refYear", INT, "year"),
        Field("refMonth", INT, "month"),
        *(Field(name, S, name) for name in ("freqCode", "reporterCode", "flowCode")),
        Field("partnerCode", S, "partnerCode"),
        Field("classificationCode", S, "HS edition"),
        Field("cmdCode", S, "cmdCode"),
        Field("cifvalue", N, "US dollars, CIF"),
        Field("primaryValue", N, "US dollars (= cifvalue)"),
    ),
    ("period",),
)
RAW_EXPORTS = raw_table(
    "comtrade_monthly_exports",
    EXPORTS_FILE,
    (Field("date", S, "YYYY-MM-01"), Field("CHN_exp_to_RUS_bn", N, "US$ billions, FOB")),
    ("date",),
)


def build(folder: Path, context: Context) -> StepOutput:
    """China's monthly imports from and exports to Russia, US$ billions, reporter CHN."""
    origin = read_origin(folder)
    rows = [*_imports(folder, origin), *_exports(folder, origin)]
    return StepOutput(frames.observations(rows), frames.sources(caveated_sources(origin)))


def _imports(folder: Path, origin: dict[str, Any]) -> list[dict[str, Any]]:
    path = folder / IMPORTS_FILE
    source_id = source_of(origin, folder, IMPORTS_FILE, {IMPORTS_ID})
    rows = []
    for line, row in records(read_csv(path, RAW_IMPORTS)):
        for column, wanted in EXPECTED.items():
            if row[column] != wanted:
                raise InputError(path, f"expected {wanted!r}, got {row[column]!r}", line, column)
        year, month = int(row["refYear"]), int(row["refMonth"])
        if row["period"] != f"{year}{month:02d}" or not 1 <= month <= 12:
            raise InputError(path, f"period {row['period']!r} is not {year}-{month}", line)
        if row["primaryValue"] != row["cifvalue"]:
            raise InputError(path, "primaryValue differs from cifvalue", line, "primaryValue")
        note = f"UN Comtrade record {row['period']}, HS {row['classificationCode']}, CIF"
        value = frames.scaled(row["primaryValue"], -9)
        rows.append(
            frames.monthly(
                "trade_cn_imports_from_ru",
                "CHN-RUS",
                "CHN",
                year,
                month,
                value,
                "USD bn",
                source_id,
                note,
            )
        )
    return rows


def _exports(folder: Path, origin: dict[str, Any]) -> list[dict[str, Any]]:
    path = folder / EXPORTS_FILE
    source_id = source_of(origin, folder, EXPORTS_FILE, {EXPORTS_ID})
    rows = []
    for line, row in records(read_csv(path, RAW_EXPORTS)):
        date = str(row["date"])
        if not MONTH_START.fullmatch(date):
            raise InputError(path, f"not the first day of a month: {date!r}", line, "date")
        value = frames.as_shown(row["CHN_exp_to_RUS_bn"])
        note = "monthly sum by a third party of an unpublished Comtrade bulk file, FOB"
        rows.append(
            frames.monthly(
                "trade_cn_exports_to_ru",
                "CHN-RUS",
                "CHN",
                int(date[:4]),
                int(date[5:7]),
                value,
                "USD bn",
                source_id,
                note,
            )
        )
    return rows
