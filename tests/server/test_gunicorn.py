"""The production server (gunicorn with dashboard/gunicorn_conf.py) on loopback: clients that
send half a request, drip one byte at a time or never close do not stop it from answering
others; the answers gunicorn writes itself carry the guard rails."""

import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.loopback import free_port, served

LIFETIME = "120"  # seconds: the server stops by itself even if the test run dies
READ_TIMEOUT = 2  # seconds a client may pause mid-request (10 in production)
THREADS = 8  # the config's default


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """One worker (the hardest case for a stalled client), the project's own settings."""
    port = free_port()
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    env = {"WEB_WORKERS": "1", "WEB_READ_TIMEOUT": str(READ_TIMEOUT)}
    command = ["timeout", LIFETIME, gunicorn, "--config", "dashboard/gunicorn_conf.py"]
    with served(command, port, env, ready="/_dash-layout", tries=300, stop_within=30) as url:
        yield url


def _half_open(url: str, head: bytes) -> socket.socket:
    host, port = url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=5)
    sock.sendall(head)
    return sock


def test_half_requests_do_not_freeze_the_server(server):
    stalled = [
        _half_open(server, b"GET /trade HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "),
        _half_open(
            server,
            b"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"output":',
        ),
    ]
    try:
        time.sleep(0.5)
        began = time.monotonic()
        for path in ("/", "/trade", "/_dash-layout"):
            assert requests.get(server + path, timeout=5).status_code == 200
        assert time.monotonic() - began < 5
    finally:
        for sock in stalled:
            sock.close()


def test_more_stalled_clients_than_threads_are_dropped(server):
    head = b"GET /trade HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
    stalled = [_half_open(server, head) for _ in range(THREADS + 4)]
    try:
        time.sleep(0.5)
        answer = requests.get(server + "/_dash-layout", timeout=4 * READ_TIMEOUT + 5)
        assert answer.status_code == 200
        deadline = time.monotonic() + 4 * READ_TIMEOUT + 20
        for sock in stalled:  # the server closes each: reading gives end of file
            sock.settimeout(max(deadline - time.monotonic(), 0.1))
            assert sock.recv(100) == b""
            sock.close()  # as a browser does; gunicorn lingers until then (2 s at most)
    finally:
        for sock in stalled:
            sock.close()


def test_gunicorn_answers_with_the_guard_rails(server):
    page = requests.get(server + "/.git/config", timeout=5)
    assert (
        page.status_code == 404
        and "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    )
    junk = requests.post(server + "/_dash-update-component", data=b"{", timeout=5)
    assert junk.status_code == 400
    big = requests.post(server + "/_dash-update-component", data=b"x" * 200_000, timeout=5)
    assert big.status_code == 413


def test_an_oversized_request_line_is_refused_by_gunicorn(server):
    answer = requests.get(server + "/trade?series=" + "s" * 5000, timeout=5)
    assert answer.status_code == 414


def _drip(url: str) -> socket.socket:
    sock = _half_open(url, b"GET /trade HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    sock.setblocking(False)
    return sock


def test_dripping_clients_hold_no_thread(server):
    """Twice as many clients as threads, each sending a byte every 0.5 s and reconnecting
    when dropped: ordinary requests meanwhile are answered at once."""
    drips = [_drip(server) for _ in range(2 * THREADS)]
    took = []
    try:
        end = time.monotonic() + 2 * READ_TIMEOUT + 1
        while time.monotonic() < end:
            for index, sock in enumerate(drips):
                try:
                    sock.send(b"a")
                except OSError:
                    sock.close()
                    drips[index] = _drip(server)
            began = time.monotonic()
            assert requests.get(server + "/_dash-layout", timeout=10).status_code == 200
            took.append(time.monotonic() - began)
            time.sleep(0.5)
    finally:
        for sock in drips:
            sock.close()
    assert len(took) >= 5 and max(took) < 1, took


def _raw(url: str, request: bytes) -> bytes:
    sock = _half_open(url, request)
    with sock:
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer


@pytest.mark.parametrize(
    "request_, status",
    [
        (b"NOT A REQUEST LINE\r\n\r\n", 400),
        (b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        (
            b"POST /_dash-update-component HTTP/1.1\r\nHost: x\r\nContent-Length: 999999\r\n\r\n",
            413,
        ),
        (b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40_000, 431),
    ],
)
def test_gunicorns_own_error_answers_carry_the_guard_rails(server, request_, status):
    head, _, body = _raw(server, request_).partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    assert lines[0].split(" ")[1] == str(status)
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    assert headers["cache-control"] == "no-store"
    assert headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert body == f"{status} ".encode() + body.split(b" ", 1)[1] and b"aaaa" not in body


def test_clients_that_never_close_do_not_stall_the_others(server):
    """gthread drains each closed connection for up to 2 s in its event loop."""
    silent = []
    try:
        for _ in range(6):
            sock = _half_open(
                server, b"GET /_dash-layout HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            )
            sock.recv(100)  # answered; the client keeps its side open
            silent.append(sock)
        began = time.monotonic()
        for _ in range(3):
            assert requests.get(server + "/_dash-dependencies", timeout=10).status_code == 200
        assert time.monotonic() - began < 1.5
    finally:
        for sock in silent:
            sock.close()


def test_a_client_that_expects_100_continue_gets_it_before_sending_its_body(server):
    body = b'{"output": 1}'
    head = (
        b"POST /_dash-update-component HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Expect: 100-continue\r\nContent-Length: %d\r\n\r\n" % len(body)
    )
    with _half_open(server, head) as sock:
        assert sock.recv(100).startswith(b"HTTP/1.1 100 Continue\r\n")
        sock.sendall(body)
        answer = b""
        while b"HTTP/1.1 400" not in answer and (chunk := sock.recv(4096)):
            answer += chunk
        assert b"HTTP/1.1 400" in answer


def test_the_master_lays_out_every_page_for_the_address_it_serves():
    # the layouts' share links start with the address a request came to, so a warm-up
    # outside a request would leave each worker's first layout of each page to compute
    from types import SimpleNamespace

    from dashboard import gunicorn_conf, layouts
    from dashboard.charts.registry import PAGES

    layouts.view_layout.clear()
    gunicorn_conf.when_ready(SimpleNamespace(LISTENERS=[]))
    keys: list[Any] = list(layouts.view_layout.entries)
    laid_out = [args for args, _ in keys]
    assert {page for page, _, _, _ in laid_out} == set(PAGES)
    assert {root for _, _, root, _ in laid_out} == {f"http://{gunicorn_conf.bind}"}
