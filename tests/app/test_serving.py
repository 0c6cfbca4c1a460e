"""The documented entry points serve the app: gunicorn (production) and python -m dashboard."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from dashboard.schema import paths


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(command: list[str], port: int) -> Iterator[str]:
    env = os.environ | {"PORT": str(port), "HOST": "127.0.0.1"}
    process = subprocess.Popen(
        command, cwd=paths.REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                requests.get(url, timeout=1)
                break
            except requests.RequestException:
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def gunicorn() -> Iterator[str]:
    port = _free_port()
    binary = str(Path(sys.executable).with_name("gunicorn"))
    yield from _serve(
        [binary, "--workers", "2", "--bind", f"127.0.0.1:{port}", "dashboard.wsgi:server"], port
    )


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
    port = _free_port()
    for url in _serve([sys.executable, "-m", "dashboard"], port):
        assert requests.get(url + "/", timeout=10).status_code == 200
