"""The Check a claim page's input handling: junk gets a message, never a server error."""

import json
import sys
from typing import Any

import dash
import pytest

from dashboard.app import app

# the module as Dash registered it (importing dashboard.pages.check again would register twice)
page = sys.modules[next(p["module"] for p in dash.page_registry.values() if p["path"] == "/check")]


@pytest.mark.parametrize(
    ("text", "when", "error"),
    [
        (None, None, "Paste some text"),
        ("", "2024-01-01", "Paste some text"),
        (["a", "list"], None, "Paste some text"),
        ({"a": 1}, None, "Paste some text"),
        ("x" * (page.MAX_CHARS + 1), None, "longer than"),
        ("trade", "2024-02-30", "YYYY-MM-DD"),
        ("trade", "not a date", "YYYY-MM-DD"),
        ("trade", 20240101, "YYYY-MM-DD"),
        ("trade", ["2024-01-01"], "YYYY-MM-DD"),
        ("trade", "9999-12-31", "9999-12-31 is outside 1900-01-01"),
        ("trade", "0001-01-01", "0001-01-01 is outside"),
    ],
)
def test_validate_refuses_junk(text: Any, when: Any, error: str) -> None:
    assert error in page.validate(text, when)[2]


def test_validate_accepts_text_and_optional_date() -> None:
    assert page.validate("trade", "") == ("trade", None, "")
    assert page.validate("trade", "2024-01-15")[1] is not None


def _post(body: dict[str, Any]) -> Any:
    client = app.server.test_client()
    client.get("/check")  # the first request registers the pages' callbacks
    if callable(body.get("output")):
        body["output"] = body["output"]()
    return client.post(
        "/_dash-update-component", data=json.dumps(body), content_type="application/json"
    )


def _key(start: str) -> Any:
    return lambda: next(k for k in app.callback_map if k.startswith(start))


def _run_body(text: Any, when: Any) -> dict[str, Any]:
    outputs = [
        {"id": "check-output", "property": "children"},
        {"id": "check-message", "property": "children"},
        {"id": "check-rows", "property": "data"},
        {"id": "check-detail", "property": "children", "allow_duplicate": True},
        {"id": "check-list", "property": "children"},
        {"id": "check-exports", "property": "hidden"},
        {"id": "check-share", "property": "children"},
    ]
    return {
        "output": _key("..check-output"),
        "outputs": outputs,
        "inputs": [{"id": "check-submit", "property": "n_clicks", "value": 1}],
        "state": [
            {"id": "check-text", "property": "value", "value": text},
            {"id": "check-date", "property": "value", "value": when},
        ],
        "changedPropIds": ["check-submit.n_clicks"],
    }


@pytest.mark.parametrize(
    ("text", "when"),
    [
        (None, None),
        (12, {"x": 1}),
        ("x" * 50_000, "2024-01-01"),
        ("<script>alert(1)</script> China–Russia trade hit $240 billion in 2023.", "2024-01-01"),
        ("\x00\ud7ff" * 10, "9999-99-99"),
    ],
)
def test_the_callback_answers_junk_without_a_server_error(text: Any, when: Any) -> None:
    response = _post(_run_body(text, when))
    assert response.status_code == 200


def test_the_callback_checks_real_text() -> None:
    response = _post(_run_body("China–Russia trade hit $240.11 billion in 2023.", ""))
    assert response.status_code == 200
    payload = response.get_json()["response"]
    asked = payload["check-rows"]["data"]
    assert asked == {"text": "China–Russia trade hit $240.11 billion in 2023.", "date": ""}
    assert "consistent" in json.dumps(payload["check-output"])
    listed = json.dumps(payload["check-list"], ensure_ascii=False)
    assert "1 checked, 0 found but not checked, 1 not a China–Russia figure" in listed
    link = payload["check-share"]["children"]["props"]["href"]
    assert link.startswith("/check#text=China%E2%80%93Russia+trade+hit")


def test_every_number_is_listed_with_its_outcome() -> None:
    text = (
        "Russia's total foreign trade reached $681 billion in 2023, and trade with China was "
        "$240 billion. Apple sold 230 million phones."
    )
    payload = _post(_run_body(text, "2024-06-01")).get_json()["response"]
    listed = json.dumps(payload["check-list"], ensure_ascii=False)
    for shown in ("$681 billion", "trade with the world", "$240 billion", "checked: consistent"):
        assert shown in listed
    assert "found, not checked" in json.dumps(payload["check-output"], ensure_ascii=False)


def test_a_long_text_gets_no_link() -> None:
    text = "China–Russia trade hit $240.11 billion in 2023. " * 40
    payload = _post(_run_body(text, "")).get_json()["response"]
    assert "No link for texts over" in json.dumps(payload["check-share"])


@pytest.mark.parametrize("form", ["csv", "json"])
def test_the_download_is_checked_again_on_the_server(form: str) -> None:
    text = "China–Russia trade hit $240.11 billion in 2023. It has 5 parts."
    body = {
        "output": "check-download.data",
        "outputs": {"id": "check-download", "property": "data"},
        "inputs": [
            {"id": "check-csv", "property": "n_clicks", "value": 1 if form == "csv" else None},
            {"id": "check-json", "property": "n_clicks", "value": 1 if form == "json" else None},
        ],
        "state": [{"id": "check-rows", "property": "data", "value": {"text": text, "date": ""}}],
        "changedPropIds": [f"check-{form}.n_clicks"],
    }
    sent = _post(body).get_json()["response"]["check-download"]["data"]
    assert sent["filename"] == f"china-russia-check.{form}"
    content = sent["content"]
    assert "$240.11 billion" in content and "not a China–Russia figure" in content


def test_the_detail_is_checked_again_on_the_server() -> None:
    figure = {"type": "check-figure", "index": 0}
    text = "China–Russia trade hit $240.11 billion in 2023."
    body = {
        "output": _key("check-detail.children"),
        "outputs": {"id": "check-detail", "property": "children"},
        "inputs": [[{"id": figure, "property": "n_clicks", "value": 1}]],
        "state": [{"id": "check-rows", "property": "data", "value": {"text": text, "date": ""}}],
        "changedPropIds": [json.dumps(figure, separators=(",", ":"), sort_keys=True) + ".n_clicks"],
    }
    response = _post(body)
    assert response.status_code == 200
    assert "240.11" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("index", "rows"),
    [
        (99, {"text": "Trade was $240.11 billion in 2023.", "date": ""}),
        ("0", {"text": "x", "date": ""}),
        (0, "not rows"),
        (0, [{"start": 0, "end": 1, "verdict": "<b>forged</b>"}]),
        (0, {"text": 5, "date": "tomorrow"}),
    ],
)
def test_detail_ignores_forged_clicks(index: Any, rows: Any) -> None:
    figure = {"type": "check-figure", "index": index}
    body = {
        "output": _key("check-detail.children"),
        "outputs": {"id": "check-detail", "property": "children"},
        "inputs": [[{"id": figure, "property": "n_clicks", "value": 1}]],
        "state": [{"id": "check-rows", "property": "data", "value": rows}],
        "changedPropIds": [json.dumps(figure, separators=(",", ":")) + ".n_clicks"],
    }
    response = _post(body)
    assert response.status_code in (200, 204, 400)  # ignored, or refused by the guard rails
