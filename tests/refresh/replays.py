"""Each API source's recorded answers, played by the scripted upstream: HAND-MADE responses
(tests/refresh/handmade.py, tests/fixtures/*/HANDMADE_*) carrying the shipped snapshot's
values. An API source added to dashboard.etl.sources.ALL needs an entry in REPLAYS (the
contract test asks for it)."""

import json
from collections.abc import Callable
from typing import Any

from dashboard.schema import paths
from tests.refresh import handmade
from tests.refresh.conftest import Reply, Upstream

WB_PREFIX = "/country/CHN;RUS;WLD/indicator/"
IMF_PATH = "/data/dataflow/IMF.STA/IMTS/"
COMTRADE_PATH = "/preview/C/A/HS"
COMTRADE_MONTHLY_PATH = "/preview/C/M/HS"
IMTS_MONTHLY_PATH = IMF_PATH + "+/CHN+RUS.XG_FOB_USD+MG_CIF_USD.RUS+CHN.M"
XML = "application/xml"
PER_PAGE = 70  # the hand-made pages split each indicator over three pages


def worldbank_files() -> dict[str, str]:
    """WDI code -> shipped file, as the shipped origin.json lists them."""
    origin = json.loads((paths.RAW / "wb_wdi" / "origin.json").read_text())
    return {e["indicator_code"]: e["path"] for e in origin["files"]}


def serve_worldbank(upstream: Upstream, scale: float = 1.0, economy: str = "") -> None:
    """Every series, paginated, from the shipped values; values of `economy` (all if empty)
    multiplied by `scale`."""
    for code, filename in worldbank_files().items():
        pages = handmade.worldbank_pages(code, filename, PER_PAGE)
        for page in pages:
            for row in page[1]:
                if not economy or row["countryiso3code"] == economy:
                    row["value"] *= scale

        def route(query: dict[str, str], pages: list[list[Any]] = pages) -> Reply:
            return Reply(pages[int(query.get("page", "1")) - 1])

        upstream.serve(WB_PREFIX + code, route)


def serve_imf(upstream: Upstream) -> None:
    """The IMTS message of the shipped DOTS values."""
    upstream.script(IMF_PATH, Reply(handmade.imts_message()))


def serve_comtrade(upstream: Upstream) -> None:
    """Preview envelopes of the shipped DOTS bilateral flows, for the reporter and years asked."""

    def route(query: dict[str, str]) -> Reply:
        reporter = "CHN" if query["reporterCode"] == "156" else "RUS"
        years = [int(y) for y in query["period"].split(",")]
        return Reply(handmade.comtrade_envelope(reporter, years))

    upstream.serve(COMTRADE_PATH, route)


def serve_comtrade_monthly(
    upstream: Upstream, change: Callable[[dict[str, Any]], None] | None = None
) -> None:
    """The HAND-MADE monthly envelope (tests/fixtures/comtrade/HANDMADE_*), the records of the
    months asked, each changed by `change(record)` first."""

    def route(query: dict[str, str]) -> Reply:
        envelope = handmade.comtrade_monthly_envelope(query["period"].split(","))
        for record in envelope["data"]:
            if change:
                change(record)
        return Reply(envelope)

    upstream.serve(COMTRADE_MONTHLY_PATH, route)


def serve_imts_monthly(upstream: Upstream, change: Callable[[str], str] | None = None) -> None:
    """The HAND-MADE monthly IMTS reply (tests/fixtures/imf-imts/HANDMADE_*), its text first
    changed by `change`."""
    text = handmade.imts_monthly_xml()
    upstream.script(IMTS_MONTHLY_PATH, Reply(change(text) if change else text, content_type=XML))


REPLAYS: dict[str, Callable[[Upstream], None]] = {
    "worldbank": serve_worldbank,
    "imf": serve_imf,
    "comtrade": serve_comtrade,
    "comtrade_api_monthly": serve_comtrade_monthly,
    "imf_imts_monthly": serve_imts_monthly,
}
