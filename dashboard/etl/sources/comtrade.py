"""UN Comtrade public preview API (no key): China–Russia annual goods trade, both reporters.

Raw layout: datasets/raw/comtrade/china_russia.csv (schema RAW_COMTRADE), US$. The shipped
snapshot has none (it can only be fetched online); without the folder the step adds nothing.
"""

from collections.abc import Callable
from pathlib import Path

from dashboard.etl import comtrade_client, frames
from dashboard.etl.errors import InputError
from dashboard.etl.http import Client, Deadline
from dashboard.etl.rawfiles import origin_sources, read_csv, read_origin, records, source_of
from dashboard.etl.snapshot import RawFile, Snapshot, now
from dashboard.etl.steps import Context, StepOutput
from dashboard.schema.tables import INT, Field, N, raw_table, text_fields

NAME = "comtrade"
FOLDER = "comtrade"
FILENAME = "china_russia.csv"
SOURCE_ID = "un-comtrade"
ENV = comtrade_client.ENV
FIRST_YEAR = 2000
YEARS_PER_CALL = 10  # 10 years × 2 flows stays far below the preview's 500-row cap
SHIPPED = False  # fetched online only: the shipped data has no Comtrade folder
RAW_COMTRADE = raw_table(
    "comtrade",
    "china_russia.csv",
    (
        *text_fields("reporter_iso", "partner_iso", "flow_code"),
        Field("year", INT, "year"),
        Field("primary_value_usd", N, "primaryValue in US$"),
        *text_fields("is_reported", "legacy_estimation_flag", required=False),
    ),
    ("reporter_iso", "partner_iso", "flow_code", "year"),
)
# (reporter, flow) -> the China–Russia flow it measures
FLOWS = {
    ("CHN", "X"): "trade_cn_exports_to_ru",
    ("CHN", "M"): "trade_cn_imports_from_ru",
    ("RUS", "X"): "trade_cn_imports_from_ru",
    ("RUS", "M"): "trade_cn_exports_to_ru",
}
PROCESSING = (
    "China (156) and Russia (643) as reporters, the other as partner, total goods "
    "(cmdCode TOTAL), all customs procedures and transport modes (C00, 0), partner2 World; "
    "primaryValue in US dollars (FOB for exports, CIF for imports)."
)


def build(folder: Path, context: Context) -> StepOutput:
    """Comtrade flows in US$ billions."""
    origin = read_origin(folder)
    path = folder / FILENAME
    source_id = source_of(origin, folder, FILENAME, {SOURCE_ID})
    table = read_csv(path, RAW_COMTRADE)
    rows = []
    for line, row in records(table):
        flow = (row["reporter_iso"], row["flow_code"])
        if flow not in FLOWS:
            raise InputError(path, f"unknown reporter/flow {flow}", line, "flow_code")
        value = frames.scaled(row["primary_value_usd"], -9)
        rows.append(
            frames.annual(
                FLOWS[flow],
                "CHN-RUS",
                row["reporter_iso"],
                int(row["year"]),
                value,
                "USD bn",
                source_id,
            )
        )
    return StepOutput(frames.observations(rows), frames.sources(origin_sources(origin)))


def refresh(
    folder: Path,
    client: Client,
    timeout: float,
    deadline: Deadline,
    progress: Callable[[str], None],
    last_year: int | None = None,
) -> Snapshot:
    """Both reporters, every year the preview serves from 2000; fields a maintainer added to
    the previous origin.json are kept."""
    final = last_year or int(now()[:4])
    batches = [
        [str(y) for y in range(first, min(first + YEARS_PER_CALL, final + 1))]
        for first in range(FIRST_YEAR, final + 1, YEARS_PER_CALL)
    ]
    calls = [(reporter, years) for reporter in comtrade_client.M49 for years in batches]
    retrieved = now()
    found, urls = comtrade_client.collect(client, "A", calls, timeout, deadline, progress)
    frame = found.rename(columns={"period": "year"}).astype({"year": int})[RAW_COMTRADE.columns]
    origin = comtrade_client.origin(
        read_origin(folder) if folder.is_dir() else {},
        retrieved,
        urls,
        (FILENAME, SOURCE_ID),
        processing=PROCESSING,
        citation_full="United Nations Statistics Division, UN Comtrade Database, public "
        f"preview API, retrieved {retrieved[:10]}.",
    )
    raw = RawFile(
        FILENAME, frame, ["reporter_iso", "partner_iso", "flow_code"], "year", "primary_value_usd"
    )
    return Snapshot(NAME, [raw], origin)
