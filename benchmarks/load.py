"""Load the production server as a crowd and an attacker would; prints figures, asserts nothing.

Starts gunicorn itself on a free loopback port, with the project's config (plus --gunicorn
options) serving a copy of datasets/tidy in a temporary folder, then runs, each for --duration
seconds at --concurrency clients:

1. a cached mix: page loads, layout, dependencies, page routing and default chart redraws,
   the requests a browser makes (keep-alive, gzip accepted);
2. memo misses: chart redraws for year ranges no one asked for yet, back to back, then as a
   crowd of people would ask for them (each client waits 1 s after each answer);

then sends --hostile malformed requests (junk callback bodies, oversized bodies, bad paths);
then, as the issue of slow and hostile clients measured them:

3. drip: 16 clients send a request one byte every 2 s for 20 s (reconnecting when dropped)
   while 5 clients time ordinary requests of the cached mix;
4. path game: 500 requests for the pages' scripts under other spellings of their paths
   (`/assets/x1/../`, `/assets/./`, made-up fingerprints of Dash's bundles), brotli accepted;
5. rebuilds: the API's indicator list, JSON and CSV of one indicator, while the served folder
   is swapped between two builds every 2 s; an answer is mixed if its rows are not those of
   the build its `build` field or ETag names (answers without an ETag are counted apart).

For each phase it prints req/s, p50/p95/p99 latency, 5xx answers and failed connections, and
the workers' resident memory (RSS, summed) before and after. Run with `make bench-load`.
"""

import argparse
import asyncio
import csv
import gzip
import io
import itertools
import json
import os
import random
import re
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dashboard import memo
from dashboard.charts.registry import PAGES, Page
from dashboard.etl import publish, swap
from dashboard.precompressed import ASSET_URL
from dashboard.schema import paths, published

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
CONFIG = """# the project's gunicorn settings, serving another copy of the published tables
from pathlib import Path
from dashboard.schema import paths
paths.TIDY = Path({tidy!r})
from dashboard.gunicorn_conf import *
"""
TIMEOUT = 30.0
DRIPPERS = 16
DRIP_EVERY = 2.0  # seconds between two bytes of a dripping client
DRIP_SECONDS = 20.0
PATH_GAMES = 500
SWAP_EVERY = 2.0  # seconds between two builds swapped in (a rebuild takes longer)
INDICATOR = "trade_total"  # the indicator build B has one row fewer of
OVERSIZED = 64 * 1024  # bodies above the app's cap: the server may close instead of answering

Request = tuple[str, str, bytes]  # method, target, body


@dataclass
class Tally:
    """Latencies and failures of one phase."""

    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    failures: int = 0
    cut_off: int = 0
    mixed: int = 0  # answers whose rows are not of the build they name

    def report(self, name: str, seconds: float) -> str:
        done = len(self.latencies)
        cuts = statistics.quantiles(self.latencies, n=100) if done > 1 else [0.0] * 99
        server_errors = sum(n for status, n in self.statuses.items() if status >= 500)
        statuses = dict(sorted(self.statuses.items()))
        return (
            f"{name:<14} {done / seconds:7.1f} req/s  p50 {cuts[49] * 1000:6.0f} ms  "
            f"p95 {cuts[94] * 1000:6.0f} ms  p99 {cuts[98] * 1000:6.0f} ms  "
            f"5xx {server_errors}  failed {self.failures}  statuses {statuses}"
            + (f"  oversized bodies cut off {self.cut_off}" if self.cut_off else "")
        )

    def check(self, request: "Request", status: int, headers: dict[str, str], body: bytes) -> None:
        """Nothing to check by default (see Rebuilds.check)."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def start_gunicorn(
    port: int, config: Path, options: str, lifetime: float
) -> subprocess.Popen[bytes]:
    """gunicorn under `timeout`, so that it stops by itself after `lifetime` seconds."""
    binary = Path(sys.executable).with_name("gunicorn")
    command = [str(binary), "--config", str(config), *shlex.split(options)]
    command += ["--bind", f"{HOST}:{port}"]
    server = subprocess.Popen(
        ["timeout", str(int(lifetime)), *command, "dashboard.wsgi:server"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1) as sock:
                sock.sendall(b"GET / HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
                if sock.recv(12).startswith(b"HTTP/1.1 200"):
                    return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def processes() -> list[dict[str, str]]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            lines = status.read_text().splitlines()
        except OSError:
            continue
        found.append({k: v.strip() for k, _, v in (line.partition(":") for line in lines)})
    return found


def workers_rss_mb(wrapper: int) -> float:
    """Resident memory of the gunicorn workers (grandchildren of `timeout`), in MB."""
    table = processes()
    masters = {p["Pid"] for p in table if p.get("PPid") == str(wrapper)}
    workers = [p for p in table if p.get("PPid") in masters]
    return sum(int(p.get("VmRSS", "0 kB").split()[0]) for p in workers) / 1024


# -- requests ---------------------------------------------------------------------------------


def _ids(page: Page, kind: str) -> list[dict[str, Any]]:
    return [{"chart": c.chart_id, "page": page.page, "type": kind} for c in page.charts]


def redraw(page: Page, years: list[Any], shown: list[Any], events: Any, log: Any) -> bytes:
    """The body Dash's renderer posts to redraw an indicator page's charts (every card in);
    `shown` holds each chart's series in page order (junk passes through as it is)."""
    outputs = {"graph": "figure", "rows": "data", "source": "children"}
    wildcard = ".".join(
        json.dumps({"chart": ["ALL"], "page": page.page, "type": kind}, separators=(",", ":"))
        + f".{prop}.."
        for kind, prop in outputs.items()
    )
    charts = [chart.chart_id for chart in page.charts]
    series = dict(zip(charts, shown, strict=False)) if isinstance(shown, list) else shown
    view = {"years": years, "events": events, "log": log, "shown": series}
    body = {
        "output": ".." + wildcard,
        "outputs": [
            [{"id": key, "property": prop} for key in _ids(page, kind)]
            for kind, prop in outputs.items()
        ],
        "inputs": [{"id": f"{page.page}-view", "property": "data", "value": view}],
        "changedPropIds": [f"{page.page}-view.data"],
    }
    return json.dumps(body).encode()


def routing(path: str) -> bytes:
    """The body that asks Dash pages for a page's layout."""
    return json.dumps(
        {
            "output": ".._pages_content.children..._pages_store.data..",
            "outputs": [
                {"id": "_pages_content", "property": "children"},
                {"id": "_pages_store", "property": "data"},
            ],
            "inputs": [
                {"id": "_pages_location", "property": "pathname", "value": path},
                {"id": "_pages_location", "property": "search", "value": ""},
            ],
            "changedPropIds": ["_pages_location.pathname"],
        }
    ).encode()


@dataclass(frozen=True)
class PageView:
    page: Page
    bounds: tuple[int, int]
    shown: list[list[str]]


def page_views() -> list[PageView]:
    """Each indicator page's year bounds and default series, as its layout offers them."""
    result = []
    for page in PAGES:
        points = memo.page_points(page)
        shown = [
            sorted(set(memo.chart_points(points, chart)["series_id"])) for chart in page.charts
        ]
        result.append(PageView(page, memo.year_bounds(points), shown))
    return result


UPDATE = "/_dash-update-component"


def cached_mix(pages: list[PageView]) -> list[Request]:
    """What browsers opening the pages ask for, in proportion."""
    mix: list[Request] = []
    for path in ["/", "/trade", "/gas", "/sources", "/about"]:
        mix.append(("GET", path, b""))
    mix += [("GET", "/_dash-layout", b""), ("GET", "/_dash-dependencies", b"")]
    for path in ["/", "/trade", "/shares", "/settlement", "/gdp", "/gas"]:
        mix.append(("POST", UPDATE, routing(path)))
    for view in pages:
        body = redraw(view.page, list(view.bounds), view.shown, [], [])
        mix += [("POST", UPDATE, body)] * 3
    return mix


def memo_misses(pages: list[PageView], seed: int = 9) -> Iterator[Request]:
    """Redraws of views no one asked for yet, in a random order, each asked once: every year
    range, with events and log scale on or off, all series shown or one of them hidden."""
    views_ = []
    for view in pages:
        low, high = view.bounds
        variants = [view.shown] + [
            [[s for s in shown if s != hidden] for shown in view.shown]
            for hidden in sorted({s for shown in view.shown for s in shown})
        ]
        for start in range(low, high + 1):
            for end in range(start, high + 1):
                for events, log in itertools.product(([], ["on"]), repeat=2):
                    views_ += [(view, start, end, events, log, shown) for shown in variants]
    random.Random(seed).shuffle(views_)
    for view, start, end, events, log, shown in views_:
        yield ("POST", UPDATE, redraw(view.page, [start, end], shown, events, log))


def hostile(pages: list[PageView], count: int, seed: int = 13) -> list[Request]:
    """Malformed requests of the kinds an attacker replays."""
    rng = random.Random(seed)
    view = pages[0]
    junk_values: list[Any] = [
        None,
        "x" * 5000,
        10**30,
        -1,
        [[[[1]]]],
        {"a": 1},
        [f"s{i:07x}" for i in range(50_000)],
        True,
        1.5e308,
    ]
    kinds: list[Request] = [
        ("POST", UPDATE, b"not json{"),
        ("POST", UPDATE, b"{}"),
        ("POST", UPDATE, b"[]"),
        ("POST", UPDATE, b"x" * 10_000_000),
        ("GET", "/_dash-component-suites/nothing/here.js", b""),
        ("GET", "/_dash-component-suites/dash/../../../etc/passwd", b""),
        ("GET", "/.git/config", b""),
        ("GET", "/download/../../etc/passwd", b""),
        ("GET", "/nonsense", b""),
    ]
    requests: list[Request] = []
    for index in range(count):
        if index % 3 == 0:
            requests.append(kinds[index // 3 % len(kinds)])
            continue
        years = rng.choice([*junk_values, [view.bounds[0] - rng.randint(0, 10**6), 2025]])
        shown = rng.choice(
            [[junk_values[6]] * 4, view.shown, [rng.choice(junk_values)] * 4, [None] * 4]
        )
        flags = rng.choice(junk_values)
        requests.append(("POST", UPDATE, redraw(view.page, years, shown, flags, flags)))
    return requests


# -- the client -------------------------------------------------------------------------------


def encode(request: Request, port: int, encoding: str = "gzip") -> bytes:
    method, target, body = request
    head = (
        f"{method} {target} HTTP/1.1\r\nHost: {HOST}:{port}\r\nAccept-Encoding: {encoding}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


@dataclass
class Answer:
    status: int
    keep: bool  # whether the connection may be kept
    headers: dict[str, str]
    body: bytes


async def read_response(reader: asyncio.StreamReader) -> Answer:
    """Status, headers (lower-case names) and body."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:])}
    body = b""
    if headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip() or b"0", 16)
            body += (await reader.readexactly(size + 2))[:-2]
            if size == 0:
                break
    else:
        body = await reader.readexactly(int(headers.get("content-length", "0")))
    return Answer(status, headers.get("connection", "").lower() != "close", headers, body)


class Connection:
    """One client's kept-alive connection, reopened when the server closes it."""

    def __init__(self, port: int, encoding: str = "gzip") -> None:
        self.port = port
        self.encoding = encoding
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def ask(self, request: Request) -> Answer:
        """The answer; a kept-alive connection the server closed meanwhile is reopened once
        and the request sent again, as browsers do."""
        if self.streams is not None:
            try:
                return await self._exchange(request)
            except (OSError, asyncio.IncompleteReadError):
                self.close()
        self.streams = await asyncio.open_connection(HOST, self.port)
        return await self._exchange(request)

    async def _exchange(self, request: Request) -> Answer:
        assert self.streams is not None
        reader, writer = self.streams
        writer.write(encode(request, self.port, self.encoding))
        try:
            await writer.drain()
        except OSError:
            pass  # the server may answer (413) and close before it has read an oversized body
        answer = await asyncio.wait_for(read_response(reader), TIMEOUT)
        if not answer.keep:
            self.close()
        return answer

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
        self.streams = None


async def client(
    port: int, queue: Iterator[Request], stop: float, tally: Tally, pause: float, encoding: str
) -> None:
    connection = Connection(port, encoding)
    while time.monotonic() < stop:
        request = next(queue, None)
        if request is None:
            break
        began = time.perf_counter()
        try:
            answer = await connection.ask(request)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
            connection.close()
            if len(request[2]) > OVERSIZED:
                tally.cut_off += 1  # refused by closing the connection mid-body: as intended
            else:
                tally.failures += 1
            continue
        tally.latencies.append(time.perf_counter() - began)
        tally.statuses[answer.status] = tally.statuses.get(answer.status, 0) + 1
        tally.check(request, answer.status, answer.headers, answer.body)
        await asyncio.sleep(pause)
    connection.close()


async def crowd(
    port: int,
    requests: Iterator[Request],
    seconds: float,
    concurrency: int,
    pause: float,
    tally: Tally,
    encoding: str = "gzip",
) -> Tally:
    """`concurrency` clients, each waiting `pause` seconds after every answer."""
    stop = time.monotonic() + seconds
    clients = (client(port, requests, stop, tally, pause, encoding) for _ in range(concurrency))
    await asyncio.gather(*clients)
    return tally


def run(
    port: int, requests: Iterator[Request], seconds: float, concurrency: int, pause: float
) -> Tally:
    return asyncio.run(crowd(port, requests, seconds, concurrency, pause, Tally()))


# -- drip, path game, rebuilds ------------------------------------------------------------------


async def dripper(port: int, stop: float, drops: list[int]) -> None:
    """A client that sends a request one byte every DRIP_EVERY seconds, reconnecting when
    dropped."""
    head = f"GET /trade HTTP/1.1\r\nHost: {HOST}:{port}\r\nX-Slow: ".encode()
    while time.monotonic() < stop:
        try:
            _, writer = await asyncio.open_connection(HOST, port)
            for index in itertools.count():
                writer.write(head[index : index + 1] or b"a")
                await writer.drain()
                await asyncio.sleep(min(DRIP_EVERY, max(stop - time.monotonic(), 0)))
                if time.monotonic() >= stop:
                    break
            writer.close()
        except OSError:
            drops[0] += 1
            await asyncio.sleep(0.1)


def drip(port: int, mix: list[Request]) -> tuple[Tally, int]:
    """Ordinary requests timed while DRIPPERS clients drip; and how often they were dropped."""
    drops = [0]

    async def both() -> Tally:
        stop = time.monotonic() + DRIP_SECONDS
        drippers = [dripper(port, stop, drops) for _ in range(DRIPPERS)]
        await asyncio.sleep(0.5)  # every dripper connected
        ordinary = crowd(port, cycle(mix), DRIP_SECONDS - 1, 5, 0.2, Tally())
        tally = asyncio.ensure_future(ordinary)
        await asyncio.gather(tally, *drippers)
        return tally.result()

    return asyncio.run(both()), drops[0]


def path_games(port: int) -> list[Request]:
    """PATH_GAMES requests for the pages' scripts, each under a new spelling of its path."""
    with socket.create_connection((HOST, port), timeout=TIMEOUT) as sock:
        sock.sendall(f"GET / HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode())
        page = b""
        while chunk := sock.recv(65536):
            page += chunk
    urls = [u.split("?")[0] for u in ASSET_URL.findall(page.decode("utf-8", "replace"))]
    games: list[Request] = []
    for index in itertools.count():
        for url in urls:
            if len(games) == PATH_GAMES:
                return games
            if url.startswith("/assets/"):
                name = url.removeprefix("/assets/")
                game = [f"/assets/x{index}/../{name}", f"/assets/./{name}"][index % 2]
            else:
                fake = f".v{index}_0_0m{index:x}f."
                game = re.sub(r"\.v[\w-]+m[0-9a-fA-F]+\.", fake, url)
            games.append(("GET", game, b""))
    return games


@dataclass
class Rebuilds(Tally):
    """Checks that each API answer's rows are those of the build it names (its ETag, and
    for JSON its `build`); counts the answers that name none (no ETag) apart."""

    counts: dict[str, int] = field(default_factory=dict)  # build -> rows of INDICATOR
    untagged: int = 0

    def check(self, request: Request, status: int, headers: dict[str, str], body: bytes) -> None:
        if status != 200:
            return
        if headers.get("content-encoding") == "gzip":
            body = gzip.decompress(body)
        etag = headers.get("etag", "").removeprefix("W/").strip('"')
        self.untagged += not etag
        if request[1].endswith(".csv"):
            if not etag:
                return
            rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
            count, build = sum(row["indicator"] == INDICATOR for row in rows), etag
        else:
            document = json.loads(body)
            build = document["build"]
            if "rows" in document:
                count = len(document["rows"])
            else:
                (item,) = [i for i in document["indicators"] if i["id"] == INDICATOR]
                count = item["observations"]
            if etag and etag != build:
                self.mixed += 1
                return
        self.mixed += count != self.counts.get(build)


def build_b(tidy: Path) -> dict[str, bytes]:
    """The published tables without INDICATOR's first row (a build made up for the bench)."""
    tables = dict(published.load(tidy).tables)
    observations = tables["observations"]
    first = observations.index[observations["indicator"] == INDICATOR][0]
    return publish.files(tables | {"observations": observations.drop(index=first)})


def rebuilds(port: int, tidy: Path, seconds: float, concurrency: int) -> tuple[Rebuilds, int]:
    """API requests while the served folder swaps between its build (A) and build B."""
    a = {p.name: p.read_bytes() for p in tidy.iterdir()}
    b = build_b(tidy)
    tally = Rebuilds()
    for files in (a, b):
        document = json.loads(files[published.PACKAGE_FILE])
        observations = list(csv.DictReader(io.StringIO(files["observations.csv"].decode())))
        tally.counts[document["build"]] = sum(r["indicator"] == INDICATOR for r in observations)
    stop = threading.Event()
    swaps = [0]

    def swapper() -> None:
        while not stop.wait(SWAP_EVERY):
            swap.replace_folder(tidy, (a, b)[swaps[0] % 2 == 0])
            swaps[0] += 1
        swap.replace_folder(tidy, a)

    thread = threading.Thread(target=swapper)
    thread.start()
    requests: list[Request] = [
        ("GET", "/api/v1/indicators.json", b""),
        ("GET", f"/api/v1/indicators/{INDICATOR}.json", b""),
        ("GET", f"/api/v1/indicators/{INDICATOR}.csv", b""),
    ]
    try:
        asyncio.run(crowd(port, cycle(requests), seconds, concurrency, 0.0, tally, "identity"))
    finally:
        stop.set()
        thread.join()
    return tally, swaps[0]


def cycle(requests: list[Request], seed: int = 5) -> Iterator[Request]:
    rng = random.Random(seed)
    while True:
        yield rng.choice(requests)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=60, help="seconds per phase")
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--hostile", type=int, default=1000, help="malformed requests to send")
    parser.add_argument("--gunicorn", default="", help="more gunicorn options")
    args = parser.parse_args()

    pages = page_views()
    port = free_port()
    folder = Path(tempfile.mkdtemp(prefix="bench-load-"))
    tidy = folder / "tidy"
    shutil.copytree(paths.TIDY, tidy)
    config = folder / "gunicorn_conf.py"
    config.write_text(CONFIG.format(tidy=str(tidy)))
    lifetime = args.duration * 10 + DRIP_SECONDS + 240
    server = start_gunicorn(port, config, args.gunicorn, lifetime=lifetime)
    try:
        print(
            f"gunicorn with dashboard/gunicorn_conf.py {args.gunicorn} on {HOST}:{port}, "
            f"{args.concurrency} clients, serving a copy of datasets/tidy"
        )
        print("machine load (1, 5, 15 min): " + " ".join(f"{x:.1f}" for x in os.getloadavg()))
        time.sleep(3)  # every worker up
        print(f"workers' memory at start: {workers_rss_mb(server.pid):.0f} MB")
        misses = memo_misses(pages)
        phases = [
            ("cached mix", cycle(cached_mix(pages)), args.duration, 0.0),
            ("memo misses", misses, args.duration, 0.0),
            ("misses, 1/s", misses, args.duration, 1.0),
            ("hostile", iter(hostile(pages, args.hostile)), args.duration * 4, 0.0),
        ]
        for name, requests, seconds, pause in phases:
            before = workers_rss_mb(server.pid)
            began = time.monotonic()
            tally = run(port, requests, seconds, args.concurrency, pause)
            print(tally.report(name, time.monotonic() - began))
            after = workers_rss_mb(server.pid)
            growth = f"{before:.0f} MB -> {after:.0f} MB ({after - before:+.0f})"
            print(f"{'':<14} workers' memory {growth}")

        def measured(name: str, phase: Callable[[], tuple[Tally, str]]) -> None:
            before = workers_rss_mb(server.pid)
            began = time.monotonic()
            tally, note = phase()
            print(tally.report(name, time.monotonic() - began) + note)
            after = workers_rss_mb(server.pid)
            growth = f"{before:.0f} MB -> {after:.0f} MB ({after - before:+.0f})"
            print(f"{'':<14} workers' memory {growth}")

        def dripping() -> tuple[Tally, str]:
            tally, drops = drip(port, cached_mix(pages))
            return tally, f"  ordinary requests; {DRIPPERS} drippers, dropped {drops} times"

        def games() -> tuple[Tally, str]:
            requests = iter(path_games(port))
            return asyncio.run(crowd(port, requests, 120, 10, 0.0, Tally(), "br")), ""

        def rebuilding() -> tuple[Tally, str]:
            tally, swaps = rebuilds(port, tidy, args.duration, args.concurrency)
            return (
                tally,
                f"  mixed answers {tally.mixed}, untagged {tally.untagged} ({swaps} swaps)",
            )

        measured("drip", dripping)
        measured("path game", games)
        measured("rebuilds", rebuilding)
        print("machine load (1, 5, 15 min): " + " ".join(f"{x:.1f}" for x in os.getloadavg()))
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
