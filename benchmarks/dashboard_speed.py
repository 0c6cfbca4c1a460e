"""Measure the dashboard's speed as a user meets it; prints figures, asserts nothing.

Starts the production server (gunicorn with dashboard/gunicorn_conf.py, as `make serve`) on
loopback, a static reference page (plotly.py's full plotly.js drawing one line chart, served
from this machine) and headless Chromium. Reports, with a cold browser cache each time (the
server warmed up), the time from navigation to the first frame that shows a chart's trace on
each page, measured alternately with the reference page in the same run, and the ratio of the
medians; the bytes transferred for a first load of each page (as sent, compressed); and the
in-process compute time of each page's charts.

The page itself notes the time (an animation-frame loop started before any of its scripts):
Playwright's `wait_for_selector` polls at growing intervals, up to 500 ms apart, so it would
see the reference (drawn before its `load` event, hence at the first poll) sooner than a page
that draws after `load`.
Run with `make bench`.
"""

import http.server
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import plotly
import requests
from playwright.sync_api import Browser, sync_playwright

from dashboard import layouts, memo, view
from dashboard.charts.registry import PAGES as INDICATOR_PAGES

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGES = ["/trade", "/shares", "/settlement", "/gdp", "/gas"]
LOADS = int(os.environ.get("BENCH_LOADS", "7"))
WARM_UPS = 3
DRAWN = ".js-plotly-plot .scatterlayer .trace"
# The first animation frame in which a trace exists, in ms since navigation started.
FIRST_FRAME = f"""
(() => {{
  const look = () => {{
    if (document.querySelector("{DRAWN}")) {{ window.firstChartMs = performance.now(); }}
    else {{ requestAnimationFrame(look); }}
  }};
  requestAnimationFrame(look);
}})();
"""
TARGET_RATIO = 0.6
TARGET_BYTES = 800_000
REFERENCE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>reference</title>
<script src="plotly.min.js"></script></head>
<body><div id="chart" style="height:480px"></div>
<script>
Plotly.newPlot("chart", [{type: "scatter", mode: "lines+markers",
  x: [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024],
  y: [68, 70, 84, 107, 111, 108, 147, 190, 240, 245], name: "reference"}],
  {title: {text: "Reference: full plotly.js, one line chart"}});
</script></body></html>
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def gunicorn() -> Iterator[str]:
    """The production server, configured as `make serve` does, on a free loopback port."""
    port = free_port()
    binary = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(binary), "--config", "dashboard/gunicorn_conf.py"],
        cwd=ROOT,
        env=os.environ | {"HOST": "127.0.0.1", "PORT": str(port)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(150):
            try:
                requests.get(f"http://127.0.0.1:{port}/", timeout=10)
                break
            except requests.RequestException:
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """No request log."""


@contextmanager
def reference_page() -> Iterator[str]:
    """The static reference page, served from a temporary folder on loopback."""
    with tempfile.TemporaryDirectory() as folder:
        bundle = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
        shutil.copy(bundle, Path(folder) / "plotly.min.js")
        (Path(folder) / "index.html").write_text(REFERENCE_HTML, encoding="utf-8")
        handler = partial(QuietHandler, directory=folder)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}/index.html"
        finally:
            server.shutdown()


def first_chart(browser: Browser, url: str) -> tuple[float, int]:
    """Milliseconds from navigation to the first frame with a trace drawn, and the bytes
    transferred until the network is idle; a fresh context, so the cache is cold."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(FIRST_FRAME)
    page = context.new_page()
    sizes: list[int] = []
    page.on(
        "requestfinished",
        lambda r: sizes.append(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]),
    )
    page.goto(url)
    elapsed = float(page.wait_for_function("() => window.firstChartMs", timeout=30000).json_value())
    page.wait_for_load_state("networkidle")
    context.close()
    return elapsed, sum(sizes)


def cold_compute_ms() -> list[tuple[str, float]]:
    """In-process time to build every chart of a page afresh (cache cleared), median of 10."""
    results = []
    for page in INDICATOR_PAGES:
        points = memo.page_points(page)
        bounds = memo.year_bounds(points)
        everything = view.View(*bounds, True, False, frozenset(points["series_id"]))
        times = []
        for _ in range(10):
            memo.render.clear()
            start = time.perf_counter()
            layouts.update_charts(page, everything)
            times.append((time.perf_counter() - start) * 1000)
        results.append((page.path, statistics.median(times)))
    return results


def main() -> None:
    with gunicorn() as base, reference_page() as reference, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        first_chart(browser, reference)  # warm-up of the browser itself
        print(f"first chart drawn, cold cache, median of {LOADS} loads alternating with the")
        print("reference (static page, full plotly.js, one line chart), ms to the first frame with")
        print("a trace:")
        worst_ratio, heaviest = 0.0, ("", 0)
        for path in PAGES:
            for _ in range(WARM_UPS):  # each gunicorn worker loads the tables once
                first_chart(browser, base + path)
            ours, theirs, sizes = [], [], []
            for _ in range(LOADS):
                elapsed, size = first_chart(browser, base + path)
                ours.append(elapsed)
                sizes.append(size)
                theirs.append(first_chart(browser, reference)[0])
            ratio = statistics.median(ours) / statistics.median(theirs)
            worst_ratio = max(worst_ratio, ratio)
            heaviest = max(heaviest, (path, max(sizes)), key=lambda p: p[1])
            print(
                f"  {path:12} {statistics.median(ours):6.0f}   reference "
                f"{statistics.median(theirs):6.0f}   ratio {ratio:4.2f}   "
                f"{max(sizes) / 1e6:4.2f} MB transferred"
            )
        browser.close()
    print(f"worst ratio {worst_ratio:.2f} (target <= {TARGET_RATIO})")
    print(
        f"heaviest page {heaviest[0]}: {heaviest[1] / 1e6:.2f} MB "
        f"(target <= {TARGET_BYTES / 1e6:.1f} MB)"
    )
    print("chart compute time in-process, all charts of a page, cache cleared (median, ms):")
    for path, median in cold_compute_ms():
        print(f"  {path:12} {median:6.1f}")


if __name__ == "__main__":
    main()
