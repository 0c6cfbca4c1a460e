"""The documented entry points serve the app: gunicorn (production) and python -m dashboard."""

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.loopback import free_port, served


@pytest.fixture(scope="module")
def gunicorn() -> Iterator[str]:
    port = free_port()
    binary = str(Path(sys.executable).with_name("gunicorn"))
    command = [binary, "--workers", "2", "--bind", f"127.0.0.1:{port}", "dashboard.wsgi:server"]
    with served(command, port) as url:
        yield url


def test_gunicorn_serves_pages_compressed(gunicorn):
    page = requests.get(gunicorn + "/trade", timeout=10)
    assert page.status_code == 200
    layout = requests.get(
        gunicorn + "/_dash-layout", headers={"Accept-Encoding": "gzip"}, timeout=10
    )
    assert layout.status_code == 200 and layout.headers.get("Content-Encoding") == "gzip"
    bundle = requests.get(gunicorn + "/download/china-russia-figures.zip", timeout=10)
    assert bundle.content[:2] == b"PK"


def test_python_m_dashboard_honours_port():
    port = free_port()
    with served([sys.executable, "-m", "dashboard"], port) as url:
        assert requests.get(url + "/", timeout=10).status_code == 200
