"""The dashboard served on loopback, for the tests that need a real server (browser, served
API): a plain module both packages' conftests take the fixture from."""

import threading
from collections.abc import Iterator

import pytest
from werkzeug.serving import make_server


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
