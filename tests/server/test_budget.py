"""A request past its time budget gets a fast 503 with a one-line reason, and its thread is
free again; the app's own callbacks and API routes are under the budget."""

import threading
import time

import pytest
from flask import Flask

from dashboard import api, hardening
from dashboard.app import server
from dashboard.budget import Budget
from tests.server.conftest import UPDATE

BUDGET = 0.3


def _spin(seconds: float) -> bool:
    """Python work that would go on for `seconds` (bounded, in small steps)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        time.sleep(0.005)
    return True


@pytest.fixture
def budgeted(monkeypatch):
    monkeypatch.setattr(server.wsgi_app, "seconds", BUDGET)
    return server.test_client()


def _is_fast_503(answer, began: float) -> None:
    assert answer.status_code == 503
    assert time.monotonic() - began < BUDGET + 1.5
    assert answer.headers["Cache-Control"] == "no-store"
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert answer.get_data(as_text=True).count("\n") == 1


def test_the_app_is_under_the_budget():
    assert isinstance(server.wsgi_app, Budget)


def test_a_slow_api_answer_is_cut_off(budgeted, monkeypatch):
    snapshot = api.snapshot
    monkeypatch.setattr(api, "snapshot", lambda: _spin(10) and snapshot())
    began = time.monotonic()
    _is_fast_503(budgeted.get("/api/v1/sources.csv"), began)


def test_a_slow_callback_is_cut_off(budgeted, monkeypatch):
    monkeypatch.setattr(hardening, "callback_body", lambda *_: _spin(10))
    began = time.monotonic()
    _is_fast_503(budgeted.post(UPDATE, json={"output": "x"}), began)


def test_the_thread_is_free_after_and_quick_answers_pass():
    app = Flask(__name__)
    app.add_url_rule("/slow", "slow", lambda: "late" if _spin(10) else "")
    app.add_url_rule("/quick", "quick", lambda: "quick")
    app.wsgi_app = Budget(app.wsgi_app, hardening.ERROR_HEADERS, BUDGET)  # type: ignore[method-assign]
    client = app.test_client()
    answers = []
    worker = threading.Thread(target=lambda: answers.append(client.get("/slow").status_code))
    began = time.monotonic()
    worker.start()
    worker.join(timeout=5)
    assert answers == [503] and time.monotonic() - began < BUDGET + 1.5
    for _ in range(20):  # within the budget: no late exception reaches them
        assert client.get("/quick").get_data(as_text=True) == "quick"
    time.sleep(BUDGET * 2)
    assert client.get("/quick").status_code == 200
