"""Links in the API's answers come from PUBLIC_URL or are relative, never from the request's
Host; answers built from the Host (the pages' share links) are not for shared caches; every
error answer, /api/v1 itself included, is sent no-store."""

import pytest

from dashboard import api
from dashboard.app import server

EVIL = "evil.example"
CACHEABLE = ["/api/v1/indicators.json", "/api/v1/indicators/trade_total.json"]


@pytest.fixture(scope="module")
def client():
    return server.test_client()


@pytest.mark.parametrize("route", CACHEABLE)
def test_a_forged_host_is_in_no_cacheable_answer(client, route):
    response = client.get(route, headers={"Host": EVIL})
    assert response.status_code == 200
    assert response.headers["Cache-Control"].startswith("public")
    assert EVIL not in response.get_data(as_text=True)
    assert "Host" not in response.vary


def test_links_start_with_the_public_url_when_it_is_set(client, monkeypatch):
    monkeypatch.setattr(api, "PUBLIC_URL", "https://figures.example.org")
    document = client.get(CACHEABLE[1], headers={"Host": EVIL}).get_json()
    urls = document["indicator"]["urls"]
    assert urls["csv"] == "https://figures.example.org/api/v1/indicators/trade_total.csv"
    assert urls["page"] == "https://figures.example.org/data/trade_total"


@pytest.mark.parametrize("path", ["/trade", "/_dash-layout", "/data/trade_total"])
def test_answers_that_may_reflect_the_host_are_private_and_vary_by_it(client, path):
    response = client.get(path, headers={"Host": EVIL})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-cache"
    assert "Host" in response.vary


@pytest.mark.parametrize(
    "path", ["/api/v1", "/api/v1/", "/api/v1/nothing", "/nonsense", "/api/v1/indicators/x.csv"]
)
def test_every_error_answer_is_no_store_with_the_security_headers(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    if path.startswith("/api/v1"):
        assert response.mimetype != "text/html"
