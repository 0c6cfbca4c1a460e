"""World Bank Indicators API v2: GDP and merchandise trade of China, Russia and the world."""

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import requests

from dashboard.refresh.http import SourceError, get_json
from dashboard.refresh.snapshot import Snapshot, Table, now

SOURCE = "worldbank"
FOLDER = "wb_wdi"
ENV = "CRF_WORLDBANK_URL"
DEFAULT_URL = "https://api.worldbank.org/v2"
COUNTRIES = "CHN;RUS;WLD"
DATES = "1960:2030"
PER_PAGE = 1000
COLUMNS = ["Country Name", "Country Code", "Year", "Value"]


def base_url() -> str:
    """The API root, overridable for mirrors, proxies and tests."""
    return os.environ.get(ENV, DEFAULT_URL).rstrip("/")


def fetch(
    client: requests.Session, code: str, timeout: float, progress: Callable[[str], None]
) -> tuple[list[Any], str]:
    """Every page of one indicator for China, Russia and the world; the first request URL."""
    url = f"{base_url()}/country/{COUNTRIES}/indicator/{code}"
    pages: list[Any] = []
    first_url = ""
    page, last = 1, 1
    while page <= last:
        params = {"format": "json", "date": DATES, "per_page": str(PER_PAGE), "page": str(page)}
        body, final_url = get_json(client, url, params, timeout)
        progress(f"GET {final_url}")
        first_url = first_url or final_url
        pages.append(body)
        last = _meta(body, final_url)["pages"]
        page += 1
    return pages, first_url


def _meta(body: Any, url: str) -> dict[str, Any]:
    """The page header; the World Bank's in-band errors come as HTTP 200 with a message."""
    if isinstance(body, list) and body and isinstance(body[0], dict) and "message" in body[0]:
        messages = body[0]["message"]
        text = "; ".join(f"{m.get('id')} {m.get('key')}: {m.get('value')}" for m in messages)
        raise SourceError(url, f"API error: {text}")
    if not (isinstance(body, list) and len(body) == 2 and isinstance(body[0], dict)):
        raise SourceError(url, "upstream format changed: expected [meta, rows]")
    meta = body[0]
    if not {"page", "pages", "lastupdated"} <= set(meta):
        raise SourceError(url, f"upstream format changed: meta keys {sorted(meta)}")
    return {"pages": int(meta["pages"]), "lastupdated": str(meta["lastupdated"])}


def parse(code: str, pages: list[Any], url: str) -> tuple[pd.DataFrame, str]:
    """Rows in the raw snapshot layout (plain US$), and upstream's last-updated date."""
    rows = []
    for body in pages:
        _meta(body, url)
        if body[1] is None:
            raise SourceError(url, "empty result: the API returned no rows")
        for row in body[1]:
            rows.append(_row(code, row, url))
    frame = pd.DataFrame([r for r in rows if r is not None], columns=COLUMNS)
    if frame.empty:
        raise SourceError(url, "empty result: no values for China, Russia or the world")
    frame = frame.sort_values(["Country Code", "Year"]).reset_index(drop=True)
    return frame, _meta(pages[0], url)["lastupdated"]


def _row(code: str, row: Any, url: str) -> dict[str, Any] | None:
    try:
        indicator, country = row["indicator"]["id"], row["country"]["value"]
        iso3, year, value = row["countryiso3code"], int(row["date"]), row["value"]
    except (KeyError, TypeError, ValueError) as error:
        raise SourceError(
            url, f"upstream format changed: row {json.dumps(row)[:120]} ({error!r})"
        ) from None
    if indicator != code:
        raise SourceError(url, f"upstream format changed: indicator {indicator!r}, asked {code!r}")
    if value is None:
        return None
    return {"Country Name": country, "Country Code": iso3, "Year": year, "Value": float(value)}


def refresh(
    raw: Path, client: requests.Session, timeout: float, progress: Callable[[str], None]
) -> Snapshot:
    """Fetch and parse every indicator named in the current origin.json."""
    folder = raw / FOLDER
    origin = json.loads((folder / "origin.json").read_text(encoding="utf-8"))
    tables, stamps, retrieved = [], [], now()
    for entry in origin["files"]:
        pages, url = fetch(client, entry["indicator_code"], timeout, progress)
        frame, last_updated = parse(entry["indicator_code"], pages, url)
        tables.append(Table(entry["path"], frame, ["Country Code"], "Value", "Year"))
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
        "citation_full": "World Bank, World Development Indicators "
        f"(API, last updated {max(stamps)}).",
    }
    return Snapshot(SOURCE, folder, tables, origin)
