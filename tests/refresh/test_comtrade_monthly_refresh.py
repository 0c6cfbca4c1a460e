"""`make refresh` of UN Comtrade's monthly China–Russia records against the loopback upstream
playing the HAND-MADE monthly envelope (tests/fixtures/comtrade/HANDMADE_*: real record
format, values of the shipped 2024 months relabelled 2025)."""

from typing import Any

import pandas as pd

from dashboard.etl.rawfiles import read_origin
from dashboard.etl.sources import comtrade_api_monthly
from tests.refresh.replays import COMTRADE_MONTHLY_PATH, serve_comtrade_monthly
from tests.refresh.test_faults import build, datasets, refused, run

SOURCE = "comtrade_api_monthly"


def test_good_reply_adds_the_months_after_2024(monkeypatch, upstream, raw, capsys):
    serve_comtrade_monthly(upstream)
    assert run(monkeypatch, upstream, raw, SOURCE) == 0
    assert f"{SOURCE} updated" in capsys.readouterr().out
    calls = [c for c in upstream.calls if c.startswith(COMTRADE_MONTHLY_PATH)]
    assert "period=202501%2C202502" in calls[0] and "reporterCode=156" in calls[0]
    obs = pd.read_csv(raw.parent / "tidy" / "observations.csv", dtype=str)
    fresh = obs[obs["source_id"] == comtrade_api_monthly.SOURCE_ID]
    assert sorted(set(fresh["period"])) == [f"2025-{m:02d}" for m in range(1, 13)]
    assert set(fresh["indicator"]) == {"trade_cn_imports_from_ru", "trade_cn_exports_to_ru"}
    assert (fresh["reporter"] == "CHN").all()
    sources = pd.read_csv(raw.parent / "tidy" / "sources.csv", dtype=str)
    tier = sources.loc[sources["source_id"] == comtrade_api_monthly.SOURCE_ID, "tier"]
    assert list(tier) == ["producer_dataset"]
    # the hand-made values are the shipped 2024 months: 2025-03 here is 2024-03 there
    shipped = obs[(obs["source_id"] == "comtrade-cn-imports-ru-monthly")]
    march = fresh[(fresh["indicator"] == "trade_cn_imports_from_ru")]
    assert (
        march.loc[march["period"] == "2025-03", "value"].item()
        == shipped.loc[shipped["period"] == "2024-03", "value"].item()
    )
    entry = read_origin(raw / SOURCE)["files"][0]
    assert entry["request_url"].startswith(upstream.url + COMTRADE_MONTHLY_PATH)
    assert entry["retrieved_at"].endswith("Z") and len(entry["sha256"]) == 64
    after = datasets(raw)
    assert build(raw) == 0
    assert datasets(raw) == after  # a following `make data` changes nothing


def _refused(monkeypatch, upstream, raw, capsys, change: Any) -> str:
    serve_comtrade_monthly(upstream, change)
    return refused(monkeypatch, upstream, raw, capsys, SOURCE)


def test_a_month_times_1000_is_refused(monkeypatch, upstream, raw, capsys):
    def inflate(record: dict[str, Any]) -> None:
        if (record["period"], record["flowCode"]) == ("202506", "M"):
            record["primaryValue"] *= 1000

    out = _refused(monkeypatch, upstream, raw, capsys, inflate)
    assert "2025-06" in out


def test_annual_records_where_months_were_asked_are_refused(monkeypatch, upstream, raw, capsys):
    out = _refused(monkeypatch, upstream, raw, capsys, lambda r: r.update(freqCode="A"))
    assert "asked for monthly total goods, got commodity/frequency 'TOTAL', 'A'" in out


def test_a_month_not_asked_is_refused(monkeypatch, upstream, raw, capsys):
    out = _refused(monkeypatch, upstream, raw, capsys, lambda r: r.update(period="203001"))
    assert "period '203001' is not one of the months asked" in out
