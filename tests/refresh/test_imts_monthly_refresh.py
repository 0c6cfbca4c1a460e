"""`make refresh` of the IMF's monthly IMTS (China and Russia with each other) against the
loopback upstream: the XML reader on the REAL recorded reply (USA, annual), then the refresh on
the HAND-MADE monthly reply (tests/fixtures/imf-imts/HANDMADE_*: the recorded layout, values of
the shipped 2024 Comtrade months relabelled 2025), and every refusal leaving datasets/ as it
was."""

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from dashboard.etl import swap
from dashboard.etl.errors import InputError
from dashboard.etl.http import Deadline, SourceError, session
from dashboard.etl.pipeline import read_indicators
from dashboard.etl.rawfiles import file_record, read_origin
from dashboard.etl.sources import imf, imf_imts_monthly
from dashboard.etl.steps import Context
from dashboard.schema import paths
from tests.refresh.conftest import Reply, Upstream
from tests.refresh.replays import IMTS_MONTHLY_PATH, serve_imts_monthly
from tests.refresh.test_faults import build, datasets, refused, run

SOURCE = "imf_imts_monthly"
RECORDED = (
    Path(__file__).resolve().parent.parent
    / "fixtures"
    / "imf-imts"
    / "openbb_imts_sdmx3_data_USA_XG_FOB_USD_G001-G998_A_2023-2024.body.xml"
)
URL = "http://test"


def test_the_real_recorded_reply_is_read_value_by_value():
    found = list(imf.xml_observations(ET.fromstring(RECORDED.read_bytes()), URL))
    read = [
        (s["COUNTRY"], s["INDICATOR"], s["COUNTERPART_COUNTRY"], s["FREQUENCY"], o["TIME_PERIOD"])
        + (o["OBS_VALUE"], o["DERIVATION_TYPE"])
        for s, o in found
    ]
    assert read == [
        ("USA", "XG_FOB_USD", "G001", "A", "2023", "2019551635133", "M"),
        ("USA", "XG_FOB_USD", "G001", "A", "2024", "2065411250609", "M"),
        ("USA", "XG_FOB_USD", "G998", "A", "2023", "369756760426", "M"),
        ("USA", "XG_FOB_USD", "G998", "A", "2024", "371064529410", "M"),
    ]
    assert {s["SCALE"] for s, _ in found} == {"6"}  # OBS_VALUE is plain US$ all the same


def test_the_monthly_parser_refuses_the_recorded_annual_reply():
    with pytest.raises(SourceError, match="frequency 'A', monthly asked"):
        imf_imts_monthly.parse(ET.fromstring(RECORDED.read_bytes()), URL, "2023-01", "2024-12")


def test_a_json_message_is_not_read_as_xml_data():
    with pytest.raises(SourceError, match="root element 'Error', not data"):
        list(imf.xml_observations(ET.fromstring("<Error>busy</Error>"), URL))


def test_good_reply_adds_both_reporters_months_after_2024(monkeypatch, upstream, raw, capsys):
    serve_imts_monthly(upstream)
    assert run(monkeypatch, upstream, raw, SOURCE) == 0
    assert f"{SOURCE} updated" in capsys.readouterr().out
    call = next(c for c in upstream.calls if c.startswith(IMTS_MONTHLY_PATH))
    assert "c%5BTIME_PERIOD%5D=ge%3A2025-01-01%2Ble%3A" in call
    obs = pd.read_csv(raw.parent / "tidy" / "observations.csv", dtype=str)
    fresh = obs[obs["source_id"] == imf_imts_monthly.SOURCE_ID]
    china = fresh[fresh["reporter"] == "CHN"]
    russia = fresh[fresh["reporter"] == "RUS"]
    assert sorted(set(china["period"])) == [f"2025-{m:02d}" for m in range(1, 13)]
    assert sorted(set(russia["period"])) == [f"2025-{m:02d}" for m in range(1, 7)]
    assert len(fresh) == 2 * 12 + 2 * 6
    sources = pd.read_csv(raw.parent / "tidy" / "sources.csv", dtype=str)
    source = sources[sources["source_id"] == imf_imts_monthly.SOURCE_ID].iloc[0]
    assert source["tier"] == "producer_dataset" and "DERIVATION_TYPE" in source["citation_full"]
    # the hand-made values are the shipped 2024 months: China's 2025-03 exports are 2024-03's
    shipped = obs[obs["source_id"] == "comtrade-cn-exports-ru-monthly-processed"]
    march = china[china["indicator"] == "trade_cn_exports_to_ru"]
    assert (
        march.loc[march["period"] == "2025-03", "value"].item()
        == shipped.loc[shipped["period"] == "2024-03", "value"].item()
    )
    # Russia's exports to China are the China-bound flow: trade_cn_imports_from_ru
    assert set(russia["indicator"]) == {"trade_cn_imports_from_ru", "trade_cn_exports_to_ru"}
    entry = read_origin(raw / SOURCE)["files"][0]
    assert entry["request_url"].startswith(upstream.url + IMTS_MONTHLY_PATH)
    assert entry["retrieved_at"].endswith("Z") and len(entry["sha256"]) == 64
    after = datasets(raw)
    assert build(raw) == 0
    assert datasets(raw) == after  # a following `make data` changes nothing


def _refused(monkeypatch, upstream, raw, capsys, change: Callable[[str], str]) -> str:
    serve_imts_monthly(upstream, change)
    return refused(monkeypatch, upstream, raw, capsys, SOURCE)


JUNE_EXPORTS = 'OBS_VALUE="9884656298" DERIVATION_TYPE="M" TIME_PERIOD="2025-M06"'


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda t: t.replace('OBS_VALUE="9884656298"', 'OBS_VALUE="9884656298000"'),
            "2025-06",  # a month × 1000: the plausibility check names it
        ),
        (lambda t: t.replace('OBS_VALUE="9884656298"', 'OBS_VALUE="NaN"'), "2025-M06"),
        (lambda t: t.replace('FREQUENCY="M"', 'FREQUENCY="Q"', 1), "frequency 'Q', monthly"),
        (lambda t: t.replace("2025-M06", "2031-M06", 1), "month outside 2025-01 to"),
        (lambda t: t.replace("2025-M06", "2025-Q2", 1), "time period is not a month"),
        (
            lambda t: t.replace('COUNTERPART_COUNTRY="RUS"', 'COUNTERPART_COUNTRY="G001"', 1),
            "not a China–Russia series asked for",
        ),
        (
            lambda t: t.replace(JUNE_EXPORTS, JUNE_EXPORTS + "/><Obs " + JUNE_EXPORTS, 1),
            "CHN XG_FOB_USD RUS 2025-06 given twice",
        ),
        (lambda t: t[: len(t) // 2], "malformed XML"),
        (lambda t: "", "empty response"),
        (lambda t: t.replace("message:DataSet", "message:Footer"), "no DataSet"),
        (lambda t: '<!DOCTYPE x [<!ENTITY a "b">]>' + t, "document type declaration refused"),
    ],
    ids=[
        "month-x1000",
        "NaN",
        "quarterly",
        "future-month",
        "quarter-period",
        "world-partner",
        "duplicate",
        "truncated",
        "empty",
        "no-dataset",
        "doctype",
    ],
)
def test_bad_replies_are_refused_naming_the_url(
    monkeypatch, upstream, raw, capsys, change, message
):
    out = _refused(monkeypatch, upstream, raw, capsys, change)
    assert message in out
    assert "IMTS" in out or "2025-06" in out  # the URL, or the month the check refused


def test_json_where_xml_was_asked_is_refused(monkeypatch, upstream, raw, capsys):
    upstream.script(IMTS_MONTHLY_PATH, Reply({"data": {}}))
    before = datasets(raw)
    assert run(monkeypatch, upstream, raw, SOURCE) == 1
    assert "expected XML, got application/json" in capsys.readouterr().out
    assert datasets(raw) == before


def test_the_fetched_months_are_summed_and_a_part_year_is_marked(monkeypatch, upstream, raw):
    serve_imts_monthly(upstream)
    assert run(monkeypatch, upstream, raw, SOURCE) == 0
    obs = pd.read_csv(raw.parent / "tidy" / "observations.csv", dtype=str)
    sums = obs[
        (obs["source_id"] == "derived-sum-of-months")
        & (obs["input_source_ids"] == imf_imts_monthly.SOURCE_ID)
        & (obs["indicator"] == "trade_cn_exports_to_ru")
    ].set_index("reporter")
    assert sums.loc["CHN", "period"] == "2025" and sums.loc["CHN", "frequency"] == "annual"
    assert sums.loc["RUS", "period"] == "2025-01/2025-06"
    assert sums.loc["RUS", "frequency"] == "year_to_date"


@pytest.fixture
def fetched(upstream: Upstream, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A folder holding the snapshot a good refresh writes (not swapped into datasets)."""
    serve_imts_monthly(upstream)
    monkeypatch.setenv(imf_imts_monthly.ENV, upstream.url)
    client = session(retries=0, backoff=0)
    snapshot = imf_imts_monthly.refresh(
        tmp_path / "old", client, 5.0, Deadline(60.0), lambda _: None, "2025-12"
    )
    folder = tmp_path / imf_imts_monthly.FOLDER
    folder.mkdir()
    swap.write_files(folder, snapshot.contents())
    return folder


def _edit(folder: Path, change: Callable[[str], str], rehash: bool = True) -> Path:
    path = folder / imf_imts_monthly.FILENAME
    path.write_text(change(path.read_text()))
    if rehash:
        origin = json.loads((folder / "origin.json").read_text())
        origin["files"][0] |= file_record(path.read_bytes())
        (folder / "origin.json").write_text(json.dumps(origin))
    return path


@pytest.mark.parametrize(
    ("change", "rehash", "message"),
    [
        (lambda t: t.replace("9884656298", "9884656299", 1), False, "SHA-256"),
        (lambda t: t[: len(t) // 2], True, "ends in the middle of a line"),
        (lambda t: t.replace("9884656298.0", "NaN", 1), True, "line 19, field 'value_usd'"),
        (lambda t: t + t.splitlines()[1] + "\n", True, "duplicate key"),
        (lambda t: t.replace("2025-06", "2025-6", 1), True, "period '2025-6' is not YYYY-MM"),
        (lambda t: t.replace(",RUS,2025-06", ",CHN,2025-06", 1), True, "unknown partner 'CHN'"),
    ],
    ids=["checksum", "truncated", "NaN", "duplicate", "period", "partner"],
)
def test_the_build_refuses_a_bad_snapshot_naming_file_and_row(fetched, change, rehash, message):
    path = _edit(fetched, change, rehash)
    indicators = read_indicators(paths.RAW)
    with pytest.raises(InputError, match=re.escape(message)) as refused:
        imf_imts_monthly.build(fetched, Context(indicators))
    assert str(path) in str(refused.value)


def test_the_snapshot_builds_to_the_fixture_values(fetched):
    obs = imf_imts_monthly.build(fetched, Context(read_indicators(paths.RAW))).observations
    june = obs[(obs["reporter"] == "CHN") & (obs["period"] == "2025-06")]
    assert dict(zip(june["indicator"], june["value"], strict=True)) == {
        "trade_cn_exports_to_ru": 9.884656298,  # 9884656298 US$ in the fixture
        "trade_cn_imports_from_ru": 10.50039716,  # 10500397160 US$
    }
