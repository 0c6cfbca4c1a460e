"""Parsers on real recorded responses, and on hand-made ones where no recording exists."""

import json
from pathlib import Path

import pytest

from dashboard.etl import comtrade_client
from dashboard.etl.http import SourceError
from dashboard.etl.sources import imf, worldbank
from tests.refresh import handmade

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
URL = "http://test"


def test_comtrade_real_recording_is_read_and_foreign_partners_refused():
    body = json.loads(
        (
            FIXTURES
            / "comtrade"
            / "comtradr_data-v1-get_C-A-HS_reporter156_partners32-280-276_2010.wire.json"
        ).read_text()
    )
    assert body["count"] == 4 and body["error"] == ""
    with pytest.raises(SourceError, match="unexpected country code 32"):
        comtrade_client.parse(
            body["data"], URL, "A", "CHN", ["2010"]
        )  # we only ever ask for China–Russia


def test_comtrade_real_empty_recording_gives_no_rows():
    body = json.loads(
        (
            FIXTURES / "comtrade" / "comtradr_data-v1-get_S-A-EB_reporter156_2010_empty.wire.json"
        ).read_text()
    )
    assert comtrade_client.parse(body["data"], URL, "A", "CHN", ["2010"]).empty


def test_comtrade_handmade_envelope_maps_codes_and_flows():
    body = handmade.comtrade_envelope("RUS", [2018])
    frame = comtrade_client.parse(body["data"], URL, "A", "RUS", ["2018"])
    assert set(frame["reporter_iso"]) == {"RUS"} and set(frame["partner_iso"]) == {"CHN"}
    assert set(frame["flow_code"]) == {"M", "X"}


def test_imf_real_recording_yields_china_and_russia_series_with_null_values():
    message = json.loads(
        (
            FIXTURES
            / "imf"
            / "imfp_GFS_SOO_all-countries_S13.G2M.G23_T.POGDP_PT.A_1972-1976.body.json"
        ).read_text()
    )
    found = list(imf.observations(message, URL))
    countries = {dims["COUNTRY"] for dims, _, _ in found}
    assert {"CHN", "RUS"} <= countries
    assert all(value is None for _, _, value in found)
    with pytest.raises(SourceError, match="upstream format changed"):
        imf.parse(message, URL)  # a GFS message is not a trade message


def test_imf_handmade_message_round_trips_the_shipped_values():
    frame = imf.parse(handmade.imts_message(), URL)
    row = frame[
        (frame["reporter"] == "China, P.R.: Mainland")
        & (frame["year"] == 2018)
        & (frame["partner"] == "Russian Federation")
        & (frame["indicator"] == "Exports, FOB")
    ]
    assert row["value_usd_millions"].iloc[0] == pytest.approx(48073.66)  # IMF DOTS, SOURCE.md


def test_worldbank_handmade_pages_parse_to_the_raw_layout():
    pages = handmade.worldbank_pages("NY.GDP.MKTP.CD", "ny.gdp.mktp.cd.csv", 1000)
    frame, last_updated = worldbank.parse("NY.GDP.MKTP.CD", pages, URL)
    assert list(frame.columns) == worldbank.RAW_WB_WDI.columns and last_updated == "2026-07-01"
    china_2020 = frame[(frame["Country Code"] == "CHN") & (frame["Year"] == 2020)]["Value"]
    assert china_2020.iloc[0] == pytest.approx(14996414166715.1)


@pytest.mark.network
def test_live_worldbank_answers_with_china_and_russia():
    from dashboard.etl.http import Deadline, session

    pages, url = worldbank.fetch(session(), "NY.GDP.MKTP.CD", 30, Deadline(60), lambda _: None)
    frame, _ = worldbank.parse("NY.GDP.MKTP.CD", pages, url)
    assert {"CHN", "RUS"} <= set(frame["Country Code"])
