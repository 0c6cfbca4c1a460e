"""Security headers on every answer, real 404s, the body cap."""

import base64
import hashlib
import json
import re
from collections.abc import Iterator
from typing import Any

import dash
import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from dashboard import hardening
from dashboard.charts.registry import PAGES
from tests.server.conftest import UPDATE, good_body

PAGE_PATHS = [
    "/",
    "/trade",
    "/trade/",
    "/shares",
    "/settlement",
    "/gdp",
    "/gas",
    "/sources",
    "/about",
]
NOT_PAGES = [
    "/.git/config",
    "/download/../../etc/passwd",
    "/nonsense",
    "/404",
    "/trade/extra",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/wp-login.php",
]


def _answers(client: FlaskClient, dependencies: list[Any]) -> Iterator[tuple[str, TestResponse]]:
    """One answer of every kind the server gives."""
    gets = [
        *PAGE_PATHS,
        *NOT_PAGES,
        "/_dash-layout",
        "/_dash-dependencies",
        "/_favicon.ico",
        "/assets/bootstrap.min.css",
        "/styles.css",
        "/assets/nothing.css",
        "/_dash-component-suites/nothing/here.js",
        "/download/china-russia-figures.zip",
        "/embed/trade",
    ]
    for path in gets:
        yield path, client.get(path)
    yield "good callback", client.post(UPDATE, json=good_body(dependencies[-1]))
    yield "bad callback", client.post(UPDATE, data=b"{", content_type="application/json")
    yield "huge body", client.post(UPDATE, data=b"x" * (hardening.MAX_BODY + 1))
    yield "wrong method", client.delete("/trade")


def test_every_answer_carries_the_security_headers(client, dependencies):
    for name, answer in _answers(client, dependencies):
        headers = answer.headers
        policy = headers.get("Content-Security-Policy", "")
        assert "default-src 'self'" in policy, name
        assert "script-src 'self' 'sha256-" in policy and "unsafe-inline' ;" not in policy
        assert "object-src 'none'" in policy
        assert headers.get("X-Content-Type-Options") == "nosniff", name
        assert headers.get("Referrer-Policy") == "same-origin", name
        if name.startswith("/embed/"):
            assert "frame-ancestors *" in policy and "X-Frame-Options" not in headers
        else:
            assert "frame-ancestors 'none'" in policy and headers["X-Frame-Options"] == "DENY"


def test_every_inline_script_is_allowed_by_its_hash_and_no_other(client):
    answer = client.get("/trade")
    policy = answer.headers["Content-Security-Policy"]
    html = re.sub(rb"<!--\[if IE\]>.*?<!\[endif\]-->", b"", answer.data, flags=re.S)  # IE only
    inline = re.findall(rb"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", html, re.S)
    executed = [code for attributes, code in inline if b"application/json" not in attributes]
    assert executed  # Dash's renderer and the clientside callbacks
    allowed = set(re.findall(r"'sha256-([^']+)'", policy))
    assert {
        base64.b64encode(hashlib.sha256(code).digest()).decode() for code in executed
    } == allowed
    assert "unsafe-inline' " not in policy.split("style-src")[0]


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_pages_answer_200(client, path):
    answer = client.get(path)
    assert answer.status_code == 200
    assert b'id="_dash-config"' in answer.data


@pytest.mark.parametrize("path", NOT_PAGES)
def test_paths_that_are_no_page_answer_404(client, path):
    answer = client.get(path)
    assert answer.status_code == 404
    assert b"passwd" not in answer.data and b"git" not in answer.data  # the path is not echoed


def test_a_page_registered_with_a_path_template_is_found(monkeypatch):
    page = {"path": "/points/none", "path_template": "/points/<obs_id>", "module": "fake"}
    monkeypatch.setitem(dash.page_registry, "pages.fake_points", page)  # hand-made registry entry
    assert hardening.is_page("/points/o0123456789")
    assert hardening.is_page("points/o0123456789/")
    assert not hardening.is_page("/points/")
    assert not hardening.is_page("/points/a/b")
    assert not hardening.is_page("/pointsets")


def test_every_indicator_page_is_a_page():
    assert all(hardening.is_page(page.path) for page in PAGES)
    assert hardening.is_page(None)  # what Dash's strip_relative_path makes of "/"


def test_the_body_cap_refuses_big_bodies(client, dependencies):
    answer = client.post(UPDATE, data=b"[" + b"1," * hardening.MAX_BODY + b"1]")
    assert answer.status_code == 413
    for dependency in dependencies:  # the pages' own requests fit well under the cap
        assert len(json.dumps(good_body(dependency))) < hardening.MAX_BODY / 8


def test_a_body_sent_to_a_page_is_not_read(client):
    answer = client.get("/trade", data=b"x" * (hardening.MAX_BODY * 4))
    assert answer.status_code == 413
