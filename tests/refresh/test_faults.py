"""The fetch code against a real local server playing each fault; good snapshots survive."""

import json
import time
from pathlib import Path
from typing import Any

import pytest

from dashboard.build.__main__ import main as build
from dashboard.refresh.__main__ import main as refresh
from tests.refresh import handmade
from tests.refresh.conftest import Reply, Upstream, folder_bytes

WB_FILES = {
    "NY.GDP.MKTP.CD": "ny.gdp.mktp.cd.csv",
    "TX.VAL.MRCH.CD.WT": "tx.val.mrch.cd.wt.csv",
    "TM.VAL.MRCH.CD.WT": "tm.val.mrch.cd.wt.csv",
}
WB_PREFIX = "/country/CHN;RUS;WLD/indicator/"
PER_PAGE = 70  # the hand-made pages split each indicator over three pages


def serve_worldbank(upstream: Upstream, scale: float = 1.0) -> None:
    """Every indicator, paginated, from the shipped values (hand-made responses)."""
    for code, filename in WB_FILES.items():
        pages = handmade.worldbank_pages(code, filename, PER_PAGE)
        for page in pages:
            for row in page[1]:
                row["value"] *= scale

        def route(query: dict[str, str], pages: list[list[Any]] = pages) -> Reply:
            return Reply(pages[int(query.get("page", "1")) - 1])

        upstream.serve(WB_PREFIX + code, route)


def run(monkeypatch, upstream: Upstream, raw: Path, source: str, *extra: str) -> int:
    for variable in ("CRF_WORLDBANK_URL", "CRF_COMTRADE_URL", "CRF_IMF_URL"):
        monkeypatch.setenv(variable, upstream.url)
    args = [
        "--source",
        source,
        "--raw",
        str(raw),
        "--out",
        str(raw.parent / "tidy"),
        "--timeout",
        "1",
        "--retries",
        "2",
        "--backoff",
        "0",
        "--no-build",
        *extra,
    ]
    return refresh(args)


def test_worldbank_refresh_follows_pages_and_records_provenance(monkeypatch, upstream, raw):
    serve_worldbank(upstream)
    assert run(monkeypatch, upstream, raw, "worldbank") == 0
    pages = [c for c in upstream.calls if "NY.GDP.MKTP.CD" in c]
    assert len(pages) == 3 and "page=3" in pages[-1]
    origin = json.loads((raw / "wb_wdi" / "origin.json").read_text())
    entry = origin["files"][0]
    assert entry["request_url"].startswith(upstream.url) and entry["retrieved_at"].endswith("Z")
    assert entry["upstream_last_updated"] == "2026-07-01" and len(entry["sha256"]) == 64
    assert build(["--raw", str(raw), "--out", str(raw.parent / "tidy")]) == 0


def test_429_then_success_honours_retry_after(monkeypatch, upstream, raw):
    serve_worldbank(upstream)
    first = handmade.worldbank_pages("NY.GDP.MKTP.CD", WB_FILES["NY.GDP.MKTP.CD"], 1000)[0]
    upstream.script(
        WB_PREFIX + "NY.GDP.MKTP.CD",
        Reply({"message": "Rate limit is exceeded."}, 429, headers={"Retry-After": "1"}),
        Reply(first),
    )
    started = time.monotonic()
    assert run(monkeypatch, upstream, raw, "worldbank") == 0
    assert time.monotonic() - started >= 1.0  # waited as Retry-After asked
    assert len([c for c in upstream.calls if "NY.GDP.MKTP.CD" in c]) == 2


FAULTS = {
    "timeout": (Reply([], delay=2.5), "no answer within 1 s"),
    "500": (Reply("Internal Server Error", 500, "text/plain"), "HTTP 500"),
    "malformed JSON": (Reply('[{"page": 1,', 200), "malformed JSON"),
    "HTML with status 200": (
        Reply("<html><body>Service unavailable</body></html>", 200, "text/html"),
        "expected JSON, got text/html",
    ),
    "in-band error": (
        Reply(
            [
                {
                    "message": [
                        {
                            "id": "120",
                            "key": "Invalid value",
                            "value": "The provided parameter value is not valid",
                        }
                    ]
                }
            ]
        ),
        "API error: 120 Invalid value",
    ),
    "empty result": (
        Reply(
            [
                {"page": 1, "pages": 1, "per_page": 1000, "total": 0, "lastupdated": "2026-07-01"},
                None,
            ]
        ),
        "empty result",
    ),
    "changed schema": (
        Reply(
            [
                {"page": 1, "pages": 1, "per_page": 1000, "total": 1, "lastupdated": "2026-07-01"},
                [{"indicator": {"id": "NY.GDP.MKTP.CD"}, "date": "2020", "value": 1.0}],
            ]
        ),
        "upstream format changed",
    ),
}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_fault_fails_the_source_and_keeps_its_snapshot(monkeypatch, upstream, raw, capsys, fault):
    serve_worldbank(upstream)
    reply, message = FAULTS[fault]
    upstream.script(WB_PREFIX + "NY.GDP.MKTP.CD", reply)
    before = folder_bytes(raw / "wb_wdi")
    assert run(monkeypatch, upstream, raw, "worldbank") == 1
    out = capsys.readouterr()
    assert message in out.out + out.err
    assert "worldbank  failed" in out.out
    assert folder_bytes(raw / "wb_wdi") == before


def test_500_is_retried_before_failing(monkeypatch, upstream, raw):
    upstream.script(WB_PREFIX + "NY.GDP.MKTP.CD", Reply("busy", 500, "text/plain"))
    assert run(monkeypatch, upstream, raw, "worldbank") == 1
    assert len(upstream.calls) == 3  # first try + 2 retries


def test_tenfold_unit_jump_is_refused(monkeypatch, upstream, raw, capsys):
    serve_worldbank(upstream, scale=10)
    before = folder_bytes(raw / "wb_wdi")
    assert run(monkeypatch, upstream, raw, "worldbank") == 1
    assert "unit changed?" in capsys.readouterr().out
    assert folder_bytes(raw / "wb_wdi") == before


def test_connection_refused_fails_fast_and_changes_nothing(monkeypatch, upstream, raw, capsys):
    upstream.url = "http://127.0.0.1:9"  # discard port: nothing listens
    before = {name: folder_bytes(raw / name) for name in ("wb_wdi", "imf_dots", "comtrade")}
    started = time.monotonic()
    assert (
        run(monkeypatch, upstream, raw, "worldbank", "--source", "comtrade", "--source", "imf") == 1
    )
    assert time.monotonic() - started < 5
    assert "cannot connect (no network?)" in capsys.readouterr().out
    assert {name: folder_bytes(raw / name) for name in before} == before


def test_one_source_failing_does_not_stop_the_others(monkeypatch, upstream, raw, capsys):
    upstream.script(WB_PREFIX, Reply("down", 503, "text/plain"))
    upstream.script("/data/dataflow/IMF.STA/IMTS/", Reply(handmade.imts_message()))
    wb_before = folder_bytes(raw / "wb_wdi")
    assert run(monkeypatch, upstream, raw, "worldbank", "--source", "imf") == 1
    out = capsys.readouterr().out
    assert "worldbank  failed" in out and "imf        updated" in out
    assert folder_bytes(raw / "wb_wdi") == wb_before
    origin = json.loads((raw / "imf_dots" / "origin.json").read_text())
    assert origin["files"][0]["source_id"] == "imf-dots"
    assert "IMTS" in origin["title"]


def test_imf_unit_jump_is_refused(monkeypatch, upstream, raw):
    upstream.script("/data/dataflow/IMF.STA/IMTS/", Reply(handmade.imts_message(scale=10)))
    before = folder_bytes(raw / "imf_dots")
    assert run(monkeypatch, upstream, raw, "imf") == 1
    assert folder_bytes(raw / "imf_dots") == before


def test_comtrade_refresh_creates_its_snapshot_and_the_build_reads_it(monkeypatch, upstream, raw):
    def route(query: dict[str, str]) -> Reply:
        reporter = "CHN" if query["reporterCode"] == "156" else "RUS"
        return Reply(
            handmade.comtrade_envelope(reporter, [int(y) for y in query["period"].split(",")])
        )

    upstream.serve("/preview/C/A/HS", route)
    assert run(monkeypatch, upstream, raw, "comtrade") == 0
    table = (raw / "comtrade" / "china_russia.csv").read_text()
    assert table.startswith("reporter_iso,partner_iso,flow_code,year,primary_value_usd")
    assert build(["--raw", str(raw), "--out", str(raw.parent / "tidy")]) == 0
    observations = (raw.parent / "tidy" / "observations.csv").read_text()
    assert ":un-comtrade" in observations


def test_comtrade_401_is_an_error(monkeypatch, upstream, raw, capsys):
    name = "comtradr_data-v1-get_C-A-HS_reporter156_2020_401-missing-key.wire.json"
    body = Path(__file__).resolve().parent.parent / "fixtures" / "comtrade" / name
    upstream.script("/preview/C/A/HS", Reply(body.read_bytes(), 401))
    assert run(monkeypatch, upstream, raw, "comtrade") == 1
    assert "HTTP 401" in capsys.readouterr().out
    assert not (raw / "comtrade").exists()
