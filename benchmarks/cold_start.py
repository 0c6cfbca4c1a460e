"""Time a server's first answers after it starts: a page, a chart redraw, a Table tab and a
citation, each the first request of a fresh process (the app imported, then the start-up a
server makes: `python -m dashboard`, gunicorn's `when_ready` and the tests' loopback server
call `layouts.warm`), then the same request again (warm), and the same first request sent by
eight threads at once. Prints milliseconds; asserts nothing. `--cold` skips the start-up warm.

    .venv/bin/python benchmarks/cold_start.py [--cold]
"""

import argparse
import json
import statistics
import subprocess
import sys
import threading
import time
from typing import Any

UPDATE = "/_dash-update-component"
PAGE = "trade"  # its first chart is the trade chart every browser test opens
THREADS = 8


def _key(key: dict[str, Any]) -> str:
    return json.dumps(key, separators=(",", ":"), sort_keys=True)


def bodies() -> dict[str, dict[str, Any]]:
    """The request bodies Dash's renderer posts, for the first chart of PAGE (this process
    loads the tables to write them; the measured processes do not)."""
    from dashboard import memo, view
    from dashboard.charts.registry import PAGES_BY_ID

    page = PAGES_BY_ID[PAGE]
    chart = page.charts[0]
    offer = memo.offer(page)
    points = memo.page_points(page)
    shown = view.from_query({}, offer.bounds, set(points["series_id"]), offer.transforms)
    ids = {"page": page.page, "chart": chart.chart_id}
    match: dict[str, Any] = {"page": ["MATCH"], "chart": ["MATCH"]}
    every = [{"page": page.page, "chart": c.chart_id} for c in page.charts]
    outputs = {"graph": "figure", "rows": "data", "source": "children"}
    point = str(memo.drawable(chart)["obs_id"].iloc[-1])
    return {
        "page": {
            "output": ".._pages_content.children..._pages_store.data..",
            "outputs": [
                {"id": "_pages_content", "property": "children"},
                {"id": "_pages_store", "property": "data"},
            ],
            "inputs": [
                {"id": "_pages_location", "property": "pathname", "value": page.path},
                {"id": "_pages_location", "property": "search", "value": ""},
            ],
            "changedPropIds": ["_pages_location.pathname"],
        },
        "chart": {
            "output": ".."
            + ".".join(
                _key({"chart": ["ALL"], "page": page.page, "type": kind}) + f".{prop}.."
                for kind, prop in outputs.items()
            ),
            "outputs": [
                [{"id": {**i, "type": kind}, "property": prop} for i in every]
                for kind, prop in outputs.items()
            ],
            "inputs": [
                {"id": f"{page.page}-view", "property": "data", "value": shown.store(offer)}
            ],
            "changedPropIds": [f"{page.page}-view.data"],
        },
        "table": {
            "output": f"..{_key({**match, 'type': 'table'})}.children..."
            f"{_key({**match, 'type': 'sources'})}.children..",
            "outputs": [
                {"id": {**ids, "type": "table"}, "property": "children"},
                {"id": {**ids, "type": "sources"}, "property": "children"},
            ],
            "inputs": [
                {
                    "id": {**ids, "type": "tab-view"},
                    "property": "data",
                    "value": {"tab": "table", "rows": shown.rows(offer.series[0])},
                }
            ],
            "changedPropIds": [_key({**ids, "type": "tab-view"}) + ".data"],
        },
        "citation": {
            "output": "..citation-panel.className...citation-body.children..",
            "outputs": [
                {"id": "citation-panel", "property": "className"},
                {"id": "citation-body", "property": "children"},
            ],
            "inputs": [
                {
                    "id": "cite-clicked",
                    "property": "data",
                    "value": {"points": [{"customdata": [point]}], "at": 1},
                },
                {"id": "cite-chosen", "property": "data", "value": None},
                {"id": "_pages_location", "property": "search", "value": ""},
            ],
            "changedPropIds": ["cite-clicked.data"],
        },
    }


def measure(kind: str, body: dict[str, Any], cold: bool) -> dict[str, float]:
    """In this (fresh) process: start the app, then time the first request of `kind`, the
    same again, and (in a second run of the start) THREADS of them at once."""
    began = time.perf_counter()
    from dashboard import layouts
    from dashboard.app import server

    imported = time.perf_counter()
    if not cold:
        layouts.warm()
    started = time.perf_counter()
    client = server.test_client()

    def ask() -> float:
        start = time.perf_counter()
        answer = client.post(UPDATE, json=body)
        if answer.status_code != 200:
            raise SystemExit(f"{kind}: {answer.status_code} {answer.get_data(as_text=True)[:200]}")
        return (time.perf_counter() - start) * 1000

    first, again = ask(), ask()
    return {
        "import": (imported - began) * 1000,
        "warm": (started - imported) * 1000,
        "first": first,
        "again": again,
    }


def crowd(body: dict[str, Any], cold: bool) -> dict[str, float]:
    """In this (fresh) process: THREADS first requests at once; the time until all are
    answered, and how many times the tables were joined."""
    from dashboard import data, layouts
    from dashboard.app import server

    if not cold:
        layouts.warm()
    joins = [0]
    joined = data._joined.function

    def counted(folder: str, build: str) -> data.Tables:
        joins[0] += 1
        return joined(folder, build)

    data._joined.function = counted
    gate = threading.Barrier(THREADS)
    times: list[float] = []

    def ask() -> None:
        client = server.test_client()
        gate.wait()
        start = time.perf_counter()
        client.post(UPDATE, json=body)
        times.append((time.perf_counter() - start) * 1000)

    threads = [threading.Thread(target=ask) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"slowest": max(times), "median": statistics.median(times), "joins": joins[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cold", action="store_true", help="no warm-up at start")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # kind, body on stdin (a child)
    parser.add_argument("--crowd", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        body = json.loads(sys.stdin.read())
        result = crowd(body, args.cold) if args.crowd else measure(args.one, body, args.cold)
        print(json.dumps(result))
        return
    mode = "cold start (no warm-up)" if args.cold else "start-up warm (layouts.warm)"
    print(f"first answers after the app starts, {mode}; ms, each in a fresh process")
    flags = ["--cold"] if args.cold else []
    for kind, body in bodies().items():

        def child(*more: str, kind: str = kind, body: dict[str, Any] = body) -> dict[str, Any]:
            command = [sys.executable, __file__, "--one", kind, *flags, *more]
            run = subprocess.run(
                command, input=json.dumps(body), capture_output=True, text=True, check=True
            )
            result: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
            return result

        one, many = child(), child("--crowd")
        print(
            f"{kind:<9} import {one['import']:6.0f}  warm-up {one['warm']:6.0f}  "
            f"first {one['first']:6.0f}  again {one['again']:5.0f}  |  {THREADS} at once: "
            f"slowest {many['slowest']:6.0f}, median {many['median']:6.0f}, "
            f"tables joined {many['joins']}x"
        )


if __name__ == "__main__":
    main()
