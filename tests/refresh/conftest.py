"""A scripted upstream: a real HTTP server on loopback that plays each fault."""

import json
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from dashboard.schema import paths


@dataclass
class Reply:
    """One scripted answer."""

    body: Any = None
    status: int = 200
    content_type: str = "application/json;charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    cut: bool = False  # send half the body, then drop the connection
    drip: float = 0.0  # seconds between single bytes of the body (a slow server)

    def payload(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode()
        return json.dumps(self.body).encode()


Route = Callable[[dict[str, str]], Reply]


class Upstream:
    """Routes by path prefix; each route answers from a queue (the last answer repeats) or a
    function of the query string. Records every request path."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Reply] | Route] = {}
        self.calls: list[str] = []
        self.url = ""

    def script(self, prefix: str, *replies: Reply) -> None:
        self.routes[prefix] = list(replies)

    def serve(self, prefix: str, route: Route) -> None:
        self.routes[prefix] = route

    def answer(self, path: str) -> Reply:
        self.calls.append(path)
        parts = urlsplit(path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        for prefix in sorted(self.routes, key=len, reverse=True):
            if parts.path.startswith(prefix):
                route = self.routes[prefix]
                if callable(route):
                    return route(query)
                return route.pop(0) if len(route) > 1 else route[0]
        return Reply({"error": "no route"}, status=404)


@pytest.fixture
def upstream() -> Iterator[Upstream]:
    """The scripted server, started on a free loopback port and stopped after the test."""
    state = Upstream()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            reply = state.answer(self.path)
            time.sleep(reply.delay)
            data = reply.payload()
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(data)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                if reply.drip:
                    for byte in data[:40]:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(reply.drip)
                    return
                if reply.cut:
                    self.wfile.write(data[: len(data) // 2])
                    self.wfile.flush()
                    self.connection.shutdown(2)
                    self.close_connection = True
                    return
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_port}"
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    """A private copy of the shipped datasets folder; returns its raw/ (tidy/ beside it)."""
    target = tmp_path / "datasets"
    shutil.copytree(paths.DATASETS, target, ignore=shutil.ignore_patterns(".*"))
    return target / "raw"


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file below a folder, by relative path."""
    if not folder.is_dir():
        return {}
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }
