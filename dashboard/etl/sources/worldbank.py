"""World Bank WDI: GDP and merchandise trade of China, Russia and the world.

Raw layout: datasets/raw/wb_wdi/<indicator code, lower case>.csv, one per WDI series, in US$
(RAW_WB_WDI). Which indicator a series feeds is data: each file's entry in origin.json names
its `indicator_code`, the project `indicator` it feeds, and `"reporter": "economy"` where the
economy reports the figure itself (trade). Refreshed from the Indicators API v2.
"""

import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.etl import frames
from dashboard.etl.errors import InputError
from dashboard.etl.http import Client, Deadline, SourceError, finite_number, get_json
from dashboard.etl.rawfiles import ORIGIN, check_known, origin_sources, read_csv, read_origin
from dashboard.etl.snapshot import RawFile, Snapshot, now
from dashboard.etl.steps import Context, StepOutput
from dashboard.schema.tables import INT, Field, N, raw_table, text_fields

NAME = "worldbank"
FOLDER = "wb_wdi"
ENV = "CRF_WORLDBANK_URL"
DEFAULT_URL = "https://api.worldbank.org/v2"
COUNTRIES = "CHN;RUS;WLD"
ECONOMIES = ("CHN", "RUS")
DATES = "1960:2030"
PER_PAGE = 1000
MAX_PAGES = 20  # 3 economies × 71 years fit one page; more pages means a broken upstream
SHIPPED = True
SCALE = {"USD bn": -9, "USD": 0}  # powers of ten from upstream's US$ to the indicator's unit
RAW_WB_WDI = raw_table(
    "wb_wdi",
    "<indicator>.csv",
    (
        *text_fields("Country Name", "Country Code"),
        Field("Year", INT, "Year"),
        Field("Value", N, "Value in US$ (empty where upstream has none)", required=False),
    ),
    ("Country Code", "Year"),
)


def build(folder: Path, context: Context) -> StepOutput:
    """Each series file named in origin.json, as the indicator its entry names."""
    return read_series(folder, context, SCALE)


def read_series(folder: Path, context: Context, scale: Mapping[str, int]) -> StepOutput:
    """Each series file of a folder in the WDI layout, as the indicator its origin.json entry
    names (scale: the power of ten from upstream's figure to each unit the folder may feed)."""
    origin = read_origin(folder)
    units = context.units
    rows = []
    for entry in origin["files"]:
        indicator, reported, source_id = feeds(entry, folder / ORIGIN, units, scale)
        path = folder / entry["path"]
        table = read_csv(path, RAW_WB_WDI)
        check_known(table, "Country Code", set(COUNTRIES.split(";")), path, "country code")
        table = table[table["Country Code"].isin(ECONOMIES) & table["Value"].notna()]
        unit = units[indicator]
        for economy, year, value in zip(
            table["Country Code"], table["Year"], table["Value"], strict=True
        ):
            rows.append(
                frames.annual(
                    indicator,
                    economy,
                    economy if reported else "",
                    int(year),
                    frames.scaled(value, scale[unit]),
                    unit,
                    source_id,
                )
            )
    return StepOutput(frames.observations(rows), frames.sources(origin_sources(origin)))


def feeds(
    entry: dict[str, Any], origin: Path, units: Mapping[str, str], scale: Mapping[str, int] = SCALE
) -> tuple[str, bool, str]:
    """The indicator a series file feeds, whether the economy is its own reporter, and the
    file's source id (wb-wdi- and its code), as its origin.json entry records them."""
    code, indicator = str(entry.get("indicator_code", "")), str(entry.get("indicator", ""))
    if not re.fullmatch(r"[A-Z][A-Z0-9.]+", code):
        raise InputError(origin, f"{entry['path']}: no WDI indicator_code", field="indicator_code")
    if units.get(indicator) not in scale:
        known = sorted(i for i, u in units.items() if u in scale)
        what = "US$" if scale is SCALE else f"one of {sorted(scale)}"
        message = f"{entry['path']}: indicator {indicator!r} is not one in {what} ({known})"
        raise InputError(origin, message, field="indicator")
    if entry.get("reporter", "") not in ("", "economy"):
        raise InputError(
            origin, f"{entry['path']}: reporter must be '' or 'economy'", field="reporter"
        )
    source_id = "wb-wdi-" + code.lower().replace(".", "-")
    if entry.get("source_id") != source_id:
        message = f"source id {entry.get('source_id')!r} for {entry['path']} is not one of "
        message += str([source_id])
        raise InputError(origin, message, field="source_id")
    return indicator, entry.get("reporter") == "economy", source_id


def base_url() -> str:
    """The API root, overridable for mirrors, proxies and tests."""
    return os.environ.get(ENV, DEFAULT_URL).rstrip("/")


def fetch(
    client: Client,
    code: str,
    timeout: float,
    deadline: Deadline,
    progress: Callable[[str], None],
) -> tuple[list[Any], str]:
    """Every page of one indicator for China, Russia and the world; the first request URL."""
    url = f"{base_url()}/country/{COUNTRIES}/indicator/{code}"
    pages: list[Any] = []
    first_url = ""
    page, last = 1, 1
    while page <= last:
        params = {"format": "json", "date": DATES, "per_page": str(PER_PAGE), "page": str(page)}
        body, final_url = get_json(client, url, params, timeout, deadline)
        progress(f"GET {final_url}")
        first_url = first_url or final_url
        pages.append(body)
        last = _meta(body, final_url)["pages"]
        if last > MAX_PAGES:
            raise SourceError(final_url, f"upstream claims {last} pages (at most {MAX_PAGES})")
        page += 1
    return pages, first_url


def _meta(body: Any, url: str) -> dict[str, Any]:
    """The page header; the World Bank's in-band errors come as HTTP 200 with a message."""
    if isinstance(body, list) and body and isinstance(body[0], dict) and "message" in body[0]:
        messages = body[0]["message"]
        if not isinstance(messages, list):
            messages = [messages]
        text = "; ".join(
            f"{m.get('id')} {m.get('key')}: {m.get('value')}" if isinstance(m, dict) else str(m)
            for m in messages
        )
        raise SourceError(url, f"API error: {text}")
    if not (isinstance(body, list) and len(body) == 2 and isinstance(body[0], dict)):
        raise SourceError(url, "upstream format changed: expected [meta, rows]")
    meta = body[0]
    if not {"page", "pages", "lastupdated"} <= set(meta):
        raise SourceError(url, f"upstream format changed: meta keys {sorted(meta)}")
    pages, stamp = meta["pages"], meta["lastupdated"]
    if type(pages) is not int or pages < 1:
        raise SourceError(url, f"upstream format changed: pages = {str(pages)[:20]!r}")
    if not isinstance(stamp, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", stamp):
        raise SourceError(url, f"upstream format changed: lastupdated = {str(stamp)[:20]!r}")
    return {"pages": pages, "lastupdated": stamp}


def parse(code: str, pages: list[Any], url: str) -> tuple[pd.DataFrame, str]:
    """Rows in the raw layout (plain US$, empty where upstream has no value), and
    upstream's last-updated date."""
    rows: list[dict[str, Any]] = []
    for body in pages:
        _meta(body, url)
        if not isinstance(body[1], list):
            raise SourceError(url, "empty result: the API returned no rows")
        rows.extend(_row(code, row, url) for row in body[1])
    frame = pd.DataFrame(rows, columns=RAW_WB_WDI.columns)
    frame["Value"] = pd.Series([r["Value"] for r in rows], dtype=object)  # ints stay ints
    if frame.empty or frame["Value"].isna().all():
        raise SourceError(url, "empty result: no values for China, Russia or the world")
    frame = frame.sort_values(["Country Code", "Year"]).reset_index(drop=True)
    return frame, _meta(pages[0], url)["lastupdated"]


def _row(code: str, row: Any, url: str) -> dict[str, Any]:
    try:
        indicator, country = row["indicator"]["id"], row["country"]["value"]
        iso3, date, value = row["countryiso3code"], row["date"], row["value"]
    except (KeyError, TypeError, ValueError) as error:
        raise SourceError(
            url, f"upstream format changed: row {str(row)[:120]} ({error!r})"
        ) from None
    if not isinstance(date, str) or not re.fullmatch(r"[0-9]{4}", date):
        raise SourceError(url, f"upstream format changed: date {str(date)[:20]!r} (annual asked)")
    year = int(date)
    if year > int(now()[:4]):
        raise SourceError(url, f"{iso3} {year}: a value for a year still to come")
    if iso3 not in COUNTRIES.split(";"):
        raise SourceError(url, f"unexpected economy {str(iso3)[:12]!r}")
    if indicator != code:
        raise SourceError(url, f"upstream format changed: indicator {indicator!r}, asked {code!r}")
    number = finite_number(value, url, f"{iso3} {year}")
    return {"Country Name": country, "Country Code": iso3, "Year": year, "Value": _spelled(number)}


def _spelled(number: float | None) -> float | int | None:
    """A whole number as an int, so that the CSV spells it as the source's own files do
    (138764340892, not 138764340892.0) and a revision changes only its own line."""
    if number is not None and number.is_integer() and abs(number) < 2**53:
        return int(number)
    return number


def refresh(
    folder: Path,
    client: Client,
    timeout: float,
    deadline: Deadline,
    progress: Callable[[str], None],
) -> Snapshot:
    """Fetch and parse every indicator named in the current origin.json."""
    origin = read_origin(folder)
    files, stamps, retrieved = [], [], now()
    for entry in origin["files"]:
        code = entry["indicator_code"]
        pages, url = fetch(client, code, timeout, deadline, progress)
        frame, last_updated = parse(code, pages, url)
        files.append(RawFile(entry["path"], frame, ["Country Code"], "Year", "Value"))
        stamps.append(last_updated)
        entry |= {
            "request_url": url,
            "retrieved_at": retrieved,
            "upstream_last_updated": last_updated,
            "citation_full": f"World Bank, {entry['title']} (API, last updated {last_updated}). "
            "Licence CC BY 4.0.",
        }
        entry.pop("upstream_sha256", None)
        entry.pop("upstream_path", None)
    origin |= {
        "date_published": max(stamps),
        "date_accessed": retrieved[:10],
        "retrieved_from": f"World Bank Indicators API v2 ({base_url()}), fetched by make refresh",
        "trust_tier": "producer_dataset",
        "citation_full": "World Bank, World Development Indicators "
        f"(API, last updated {max(stamps)}).",
    }
    return Snapshot(NAME, files, origin)
