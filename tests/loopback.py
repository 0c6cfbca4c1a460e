"""The dashboard served on loopback, for the tests that need a real server: in process for the
browser and served-API tests (a plain module both packages' conftests take the fixture from), or
as its documented entry points started in a process of their own (gunicorn, python -m dashboard).
"""

import os
import socket
import subprocess
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import pytest
import requests
from werkzeug.serving import make_server

from dashboard.schema import paths


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    """The dashboard served by werkzeug on a free loopback port, warmed as servers start."""
    from dashboard import layouts
    from dashboard.app import app

    layouts.warm()

    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def free_port() -> int:
    """A loopback port free now (the system picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def served(
    command: list[str],
    port: int,
    env: Mapping[str, str] | None = None,
    ready: str = "",
    tries: int = 150,
    stop_within: float = 10,
) -> Iterator[str]:
    """`command` run from the repository root with HOST and PORT set to loopback and `port`
    (and `env`); its URL once `ready` answers (or after `tries` waits of 0.2 s); the process
    stopped afterwards."""
    environment = os.environ | {"HOST": "127.0.0.1", "PORT": str(port), **(env or {})}
    process = subprocess.Popen(
        command,
        cwd=paths.REPO_ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(tries):
            try:
                requests.get(url + ready, timeout=1)
                break
            except requests.RequestException:
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=stop_within)
