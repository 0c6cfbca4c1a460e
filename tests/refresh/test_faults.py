"""`make refresh` against a real local server playing each fault: a failed source leaves every
file under datasets/ byte for byte as it was; an accepted revision changes raw and tidy together."""

import json
import time
from pathlib import Path
from typing import Any

import pytest

from dashboard.etl import http
from dashboard.etl import refresh as refresh_module
from dashboard.etl.__main__ import main
from dashboard.etl.errors import BuildError
from dashboard.etl.sources import worldbank
from tests.refresh import handmade
from tests.refresh.conftest import Reply, Upstream, folder_bytes
from tests.refresh.replays import (
    IMF_PATH,
    WB_PREFIX,
    serve_comtrade,
    serve_worldbank,
    worldbank_files,
)

GDP = WB_PREFIX + "NY.GDP.MKTP.CD"


def gdp_page(change: Any) -> Reply:
    """The GDP indicator in one page, with `change(rows)` applied."""
    page = handmade.worldbank_pages("NY.GDP.MKTP.CD", worldbank_files()["NY.GDP.MKTP.CD"], 1000)[0]
    change(page[1])
    return Reply(page)


def run(
    monkeypatch, upstream: Upstream, raw: Path, *sources: str, extra: tuple[str, ...] = ()
) -> int:
    for variable in ("CRF_WORLDBANK_URL", "CRF_COMTRADE_URL", "CRF_IMF_URL"):
        monkeypatch.setenv(variable, upstream.url)
    args = ["refresh", "--raw", str(raw), "--out", str(raw.parent / "tidy")]
    for source in sources:
        args += ["--source", source]
    return main([*args, "--timeout", "1", "--retries", "2", "--backoff", "0", *extra])


def datasets(raw: Path) -> dict[str, bytes]:
    """Every file under the datasets copy (raw and tidy)."""
    return folder_bytes(raw.parent)


def refused(monkeypatch, upstream: Upstream, raw: Path, capsys, source: str) -> str:
    """The output of a refresh of a source fetched online only that must fail: every file
    under datasets/ as it was, and no folder of its own."""
    before = datasets(raw)
    assert run(monkeypatch, upstream, raw, source) == 1
    out: str = capsys.readouterr().out
    assert f"{source} failed" in out
    assert datasets(raw) == before
    assert not (raw / source).exists()
    return out


def build(raw: Path) -> int:
    return main(["build", "--raw", str(raw), "--out", str(raw.parent / "tidy")])


def test_accepted_revision_changes_raw_and_tidy_together(monkeypatch, upstream, raw, capsys):
    serve_worldbank(upstream, scale=1.01)
    before = datasets(raw)
    assert run(monkeypatch, upstream, raw, "worldbank") == 0
    assert "worldbank  updated" in capsys.readouterr().out
    after = datasets(raw)
    assert after["raw/wb_wdi/ny.gdp.mktp.cd.csv"] != before["raw/wb_wdi/ny.gdp.mktp.cd.csv"]
    assert after["tidy/observations.csv"] != before["tidy/observations.csv"]
    pages = [c for c in upstream.calls if "NY.GDP.MKTP.CD" in c]
    assert len(pages) == 3 and "page=3" in pages[-1]
    origin = json.loads((raw / "wb_wdi" / "origin.json").read_text())
    entry = origin["files"][0]
    assert entry["request_url"].startswith(upstream.url) and entry["retrieved_at"].endswith("Z")
    assert entry["upstream_last_updated"] == "2026-07-01" and len(entry["sha256"]) == 64
    assert build(raw) == 0
    assert datasets(raw) == after  # a following `make data` changes nothing


def test_429_then_success_honours_retry_after(monkeypatch, upstream, raw):
    serve_worldbank(upstream)
    upstream.script(
        GDP,
        Reply({"message": "Rate limit is exceeded."}, 429, headers={"Retry-After": "1"}),
        gdp_page(lambda rows: None),
    )
    started = time.monotonic()
    assert run(monkeypatch, upstream, raw, "worldbank") == 0
    assert time.monotonic() - started >= 1.0  # waited as Retry-After asked
    assert len([c for c in upstream.calls if "NY.GDP.MKTP.CD" in c]) == 2


def test_long_retry_after_is_capped(monkeypatch, upstream, raw):
    monkeypatch.setattr(http, "MAX_RETRY_AFTER", 0.2)
    upstream.script(GDP, Reply("slow down", 429, "text/plain", headers={"Retry-After": "3600"}))
    started = time.monotonic()
    assert run(monkeypatch, upstream, raw, "worldbank") == 1
    assert time.monotonic() - started < 5


def _set_value(year: str, economy: str, value: Any) -> Any:
    def change(rows: list[dict[str, Any]]) -> None:
        for row in rows:
            if row["date"] == year and row["countryiso3code"] == economy:
                row["value"] = value

    return change


def _nan_literal(reply: Reply) -> Reply:
    """The page re-encoded with a bare NaN/Infinity token where the value was 'NaN_TOKEN'."""
    text = json.dumps(reply.body).replace('"NaN_TOKEN"', "Infinity")
    return Reply(text)


FAULTS = {
    "timeout": (Reply([], delay=2.5), "no answer within 1 s"),
    "500": (Reply("Internal Server Error", 500, "text/plain"), "HTTP 500"),
    "malformed JSON": (Reply('[{"page": 1,', 200), "malformed JSON"),
    "HTML with status 200": (
        Reply("<html><body>Service unavailable</body></html>", 200, "text/html"),
        "expected JSON, got text/html",
    ),
    "in-band error": (
        Reply([{"message": [{"id": "120", "key": "Invalid value", "value": "not valid"}]}]),
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
    "text NaN for one year": (
        gdp_page(_set_value("2020", "CHN", "NaN")),
        'CHN 2020: not a number: "NaN"',
    ),
    "bare Infinity token": (
        _nan_literal(gdp_page(_set_value("2020", "CHN", "NaN_TOKEN"))),
        "Infinity is not valid JSON",
    ),
    "a value becomes null": (
        gdp_page(_set_value("2005", "RUS", None)),
        "rows would be lost or emptied",
    ),
    "one economy ×1000": (
        gdp_page(
            lambda rows: [
                r.update(value=r["value"] * 1000) for r in rows if r["countryiso3code"] == "CHN"
            ]
        ),
        "implausible value",
    ),
    "Russia alone ×6 (a unit slip one series of three)": (
        gdp_page(
            lambda rows: [
                r.update(value=r["value"] * 6) for r in rows if r["countryiso3code"] == "RUS"
            ]
        ),
        "series RUS: values moved 6×",
    ),
    "negative value": (gdp_page(_set_value("2005", "RUS", -7.64e11)), "implausible"),
    "100,000 pages": (
        Reply(
            [
                {
                    "page": 1,
                    "pages": 100000,
                    "per_page": 1,
                    "total": 100000,
                    "lastupdated": "2026-07-01",
                },
                [],
            ]
        ),
        "upstream claims 100000 pages",
    ),
    "connection reset mid-body": (gdp_page(lambda rows: None), "Connection broken"),
    "unparseable Retry-After": (
        Reply("slow down", 429, "text/plain", headers={"Retry-After": "soon-ish"}),
        "HTTP 429",
    ),
    "zero for every China GDP year": (
        gdp_page(lambda rows: [r.update(value=0) for r in rows if r["countryiso3code"] == "CHN"]),
        "implausible value 0 USD bn for gdp CHN",
    ),
    "year as a float": (
        gdp_page(lambda rows: rows[0].update(date=1965.4)),
        "upstream format changed: date '1965.4'",
    ),
    "lastupdated not a date": (
        Reply([{"page": 1, "pages": 1, "per_page": 1, "total": 1, "lastupdated": {"a": [1]}}, []]),
        "upstream format changed: lastupdated",
    ),
    "fractional page count": (
        Reply(
            [{"page": 1, "pages": 1.9, "per_page": 1, "total": 1, "lastupdated": "2026-07-01"}, []]
        ),
        "upstream format changed: pages = '1.9'",
    ),
    "a number too large for a float": (
        Reply(
            json.dumps(gdp_page(lambda rows: None).body).replace(
                "14996414166715.1", "1" + "0" * 400
            )
        ),
        "number too large",
    ),
    "JSON nested too deeply": (Reply("[" * 100_000 + "]" * 100_000), "nested too deeply"),
    "slow body": (Reply(gdp_page(lambda rows: None).body, drip=0.2), "body still arriving"),
}
FAULTS["connection reset mid-body"][0].cut = True


def test_a_year_still_to_come_is_refused(monkeypatch, upstream, raw, capsys):
    def future(rows: list[dict[str, Any]]) -> None:
        rows.insert(0, dict(rows[0], date="2099"))

    serve_worldbank(upstream)
    upstream.script(GDP, gdp_page(future))
    before = datasets(raw)
    assert run(monkeypatch, upstream, raw, "worldbank") == 1
    assert "a value for a year still to come" in capsys.readouterr().out
    assert datasets(raw) == before


def test_retries_stop_at_the_deadline(monkeypatch, upstream, raw, capsys):
    upstream.script(GDP, Reply("busy", 503, "text/plain", headers={"Retry-After": "10"}))
    started = time.monotonic()
    assert run(monkeypatch, upstream, raw, "worldbank", extra=("--deadline", "3")) == 1
    assert time.monotonic() - started < 3
    assert "no time left to retry before the overall deadline" in capsys.readouterr().out


def test_interrupt_rolls_every_swapped_source_back(monkeypatch, upstream, raw, capsys):
    def interrupted(*_args: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(refresh_module.SOURCES["comtrade"], "refresh", interrupted)
    serve_worldbank(upstream, scale=1.01)
    before = datasets(raw)
    assert run(monkeypatch, upstream, raw, "worldbank", "comtrade") == 130
    err = capsys.readouterr().err
    assert "interrupted; every snapshot is as it was before" in err and "Traceback" not in err
    assert datasets(raw) == before
    assert not [p for p in raw.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r.update(cmdCode="27"), "asked for annual total goods, got commodity"),
        (lambda r: r.update(freqCode="M"), "asked for annual total goods, got commodity"),
        (lambda r: r.update(refYear=2035), "refYear '2035' is not one of the years asked"),
        (lambda r: r.pop("isReported"), "record lacks ['isReported']"),
        (lambda r: r.pop("legacyEstimationFlag"), "record lacks ['legacyEstimationFlag']"),
    ],
)
def test_comtrade_answers_other_than_asked_are_refused(
    monkeypatch, upstream, raw, capsys, change, message
):
    def route(query: dict[str, str]) -> Reply:
        reporter = "CHN" if query["reporterCode"] == "156" else "RUS"
        body = handmade.comtrade_envelope(reporter, [int(y) for y in query["period"].split(",")])
        if body["data"]:
            change(body["data"][0])
        return Reply(body)

    upstream.serve("/preview/C/A/HS", route)
    before = datasets(raw)
    assert run(monkeypatch, upstream, raw, "comtrade") == 1
    assert message in capsys.readouterr().out
    assert datasets(raw) == before


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_fault_fails_the_source_and_changes_no_file(monkeypatch, upstream, raw, capsys, fault):
    serve_worldbank(upstream)
    reply, message = FAULTS[fault]
    upstream.script(GDP, reply)
    before = datasets(raw)
    assert run(monkeypatch, upstream, raw, "worldbank") == 1
    out = capsys.readouterr()
    assert message in out.out, out.out
    assert "worldbank  failed" in out.out
    assert "Traceback" not in out.out + out.err
    assert datasets(raw) == before


def test_500_is_retried_before_failing(monkeypatch, upstream, raw):
    upstream.script(GDP, Reply("busy", 500, "text/plain"))
    assert run(monkeypatch, upstream, raw, "worldbank") == 1
    assert len(upstream.calls) == 3  # first try + 2 retries


def test_overall_deadline_stops_the_refresh(monkeypatch, upstream, raw, capsys):
    serve_worldbank(upstream)
    upstream.script(GDP, Reply([], delay=0.8))
    before = datasets(raw)
    assert run(monkeypatch, upstream, raw, "worldbank", "imf", extra=("--deadline", "0.5")) == 1
    out = capsys.readouterr().out
    assert "overall deadline of 0.5 s passed" in out
    assert datasets(raw) == before


def test_connection_refused_fails_fast_and_changes_nothing(monkeypatch, upstream, raw, capsys):
    upstream.url = "http://127.0.0.1:9"  # discard port: nothing listens
    before = datasets(raw)
    started = time.monotonic()
    assert run(monkeypatch, upstream, raw, "worldbank", "comtrade", "imf") == 1
    assert time.monotonic() - started < 5
    assert "cannot connect" in capsys.readouterr().out
    assert datasets(raw) == before


def test_one_source_failing_does_not_stop_the_others(monkeypatch, upstream, raw, capsys):
    upstream.script(WB_PREFIX, Reply("down", 503, "text/plain"))
    upstream.script(IMF_PATH, Reply(handmade.imts_message()))
    wb_before = folder_bytes(raw / "wb_wdi")
    assert run(monkeypatch, upstream, raw, "worldbank", "imf") == 1
    out = capsys.readouterr().out
    assert "worldbank  failed" in out and "imf        updated" in out
    assert folder_bytes(raw / "wb_wdi") == wb_before
    origin = json.loads((raw / "imf_dots" / "origin.json").read_text())
    assert origin["files"][0]["source_id"] == "imf-dots"
    assert "IMTS" in origin["title"]
    assert build(raw) == 0


def test_an_exception_in_one_source_is_caught(monkeypatch, upstream, raw, capsys):
    def broken(*_args: Any) -> Any:
        raise KeyError("surprise")

    monkeypatch.setattr(worldbank, "refresh", broken)
    upstream.script(IMF_PATH, Reply(handmade.imts_message()))
    assert run(monkeypatch, upstream, raw, "worldbank", "imf") == 1
    out = capsys.readouterr()
    assert "worldbank  failed    " in out.out and "KeyError: 'surprise'" in out.out
    assert "imf        updated" in out.out
    assert "Traceback" not in out.out + out.err


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ("scale", "values moved 6×"),
        ("code", "unexpected reporter code 'XXX'"),
        ("quarter", "unexpected time period '2021-Q1' (annual data asked)"),
    ],
)
def test_imf_faults_change_no_file(monkeypatch, upstream, raw, capsys, fault, message):
    body = handmade.imts_message(scale=6 if fault == "scale" else 1)
    if fault == "code":
        body["data"]["structures"][0]["dimensions"]["series"][0]["values"][0]["id"] = "XXX"
    if fault == "quarter":
        body["data"]["structures"][0]["dimensions"]["observation"][0]["values"][-1] = {
            "value": "2021-Q1"
        }
    upstream.script(IMF_PATH, Reply(body))
    before = datasets(raw)
    assert run(monkeypatch, upstream, raw, "imf") == 1
    assert message in capsys.readouterr().out
    assert datasets(raw) == before


def test_failed_rebuild_rolls_the_raw_snapshot_back(monkeypatch, upstream, raw, capsys):
    def failing_build(_raw: Path) -> Any:
        raise BuildError("simulated failure of the rebuild")

    monkeypatch.setattr(refresh_module, "build", failing_build)
    serve_worldbank(upstream, scale=1.01)
    before = datasets(raw)
    assert run(monkeypatch, upstream, raw, "worldbank") == 1
    assert "simulated failure of the rebuild" in capsys.readouterr().out
    assert datasets(raw) == before


def test_failed_publish_rolls_every_source_back(monkeypatch, upstream, raw, capsys):
    def failing_publish(*_args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(refresh_module, "publish", failing_publish)
    serve_worldbank(upstream, scale=1.01)
    upstream.script(IMF_PATH, Reply(handmade.imts_message()))
    before = datasets(raw)
    assert run(monkeypatch, upstream, raw, "worldbank", "imf") == 1
    assert "rolled back" in capsys.readouterr().out
    assert datasets(raw) == before


def test_comtrade_refresh_creates_its_snapshot_and_the_build_reads_it(monkeypatch, upstream, raw):
    serve_comtrade(upstream)
    assert run(monkeypatch, upstream, raw, "comtrade") == 0
    table = (raw / "comtrade" / "china_russia.csv").read_text()
    assert table.startswith("reporter_iso,partner_iso,flow_code,year,primary_value_usd")
    observations = (raw.parent / "tidy" / "observations.csv").read_text()
    assert ",un-comtrade," in observations
    assert build(raw) == 0


def test_comtrade_401_is_an_error(monkeypatch, upstream, raw, capsys):
    name = "comtradr_data-v1-get_C-A-HS_reporter156_2020_401-missing-key.wire.json"
    body = Path(__file__).resolve().parent.parent / "fixtures" / "comtrade" / name
    upstream.script("/preview/C/A/HS", Reply(body.read_bytes(), 401))
    before = datasets(raw)
    assert run(monkeypatch, upstream, raw, "comtrade") == 1
    assert "HTTP 401" in capsys.readouterr().out
    assert not (raw / "comtrade").exists()
    assert datasets(raw) == before


def test_a_revised_value_changes_only_its_own_line(monkeypatch, upstream, raw):
    serve_worldbank(upstream)
    code, files = "TX.VAL.MRCH.CD.WT", worldbank_files()
    page = handmade.worldbank_pages(code, files[code], 1000)[0]
    row = next(r for r in page[1] if (r["countryiso3code"], r["date"]) == ("RUS", "2020"))
    row["value"] += 1_000_000  # a hand-made revision of one value
    upstream.script(WB_PREFIX + code, Reply(page))
    before = datasets(raw)
    assert run(monkeypatch, upstream, raw, "worldbank") == 0
    after = datasets(raw)
    for name in files.values():
        old, new = (d[f"raw/wb_wdi/{name}"].decode().splitlines() for d in (before, after))
        changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
        assert len(changed) == (1 if name == files[code] else 0), changed[:3]
