"""Measure the dashboard's speed as a user meets it; prints figures, asserts nothing.

Starts the production server (gunicorn with dashboard/gunicorn_conf.py, as `make serve`) on
loopback, two static reference pages served from this machine (plotly.py's full plotly.js
drawing one line chart; and, for each page, its first chart as the server draws it in inline
SVG, dashboard/charts/svg.py, with no script at all) and headless Chromium. Reports, with a cold
browser cache each time (the server warmed up), for each page: the time from navigation to the
first frame that shows its first chart painted (the server's SVG or plotly's) and the first
frame that shows plotly's interactive chart, each measured alternately with both references in
the same run, and the ratios of the medians; the bytes transferred for a first load of each page
(as sent, compressed); and the in-process compute time of each page's charts.

The page itself notes the times (an animation-frame loop started before any of its scripts):
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
from playwright.sync_api import Browser, Request, sync_playwright

from dashboard import first_paint, layouts, memo, view
from dashboard.charts import svg
from dashboard.charts.registry import PAGES as INDICATOR_PAGES
from dashboard.view import from_query

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Chromium's own omnibox popup, a page of its UI that its headless mode loads beside every
    # new context (some 150 chrome:// scripts, compiled while the page measured loads)
    "--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup",
]
PAGES = ["/trade", "/shares", "/settlement", "/gdp", "/gas"]
LOADS = int(os.environ.get("BENCH_LOADS", "7"))
WARM_UPS = 3
PAINTED = ".js-plotly-plot .scatterlayer .trace"  # the server's SVG or plotly's chart
INTERACTIVE = ".js-plotly-plot .main-svg .scatterlayer .trace"  # plotly's alone
# The first animation frames in which a chart is painted and an interactive one is, in ms since
# navigation started.
FIRST_FRAME = f"""
(() => {{
  const look = () => {{
    if (!window.paintedMs && document.querySelector('{PAINTED}')) {{
      window.paintedMs = performance.now();
    }}
    if (document.querySelector('{INTERACTIVE}')) {{ window.interactiveMs = performance.now(); }}
    else {{ requestAnimationFrame(look); }}
  }};
  requestAnimationFrame(look);
}})();
"""
TARGET_PAINTED = 1.5  # first chart painted, to the inline-SVG page
TARGET_INTERACTIVE = 0.5  # first interactive chart, to the full-plotly page
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
SVG_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>reference</title>
<link rel="stylesheet" href="grapher.css"></head>
<body><div class="chart-figure">{drawing}</div></body></html>
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
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a crowded machine: it is not worth waiting for
            server.kill()
            server.wait()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """No request log."""


def svg_page(path: str) -> str:
    """A page's first chart, in its default view, as the server draws it in inline SVG."""
    page = first_paint.page_for(path)
    assert page is not None
    points = memo.page_points(page)
    view = from_query({}, memo.year_bounds(points), set(points["series_id"]))
    shown = tuple(view.on(memo.offer(page).series[0]))
    figure = memo.render(page, page.charts[0], view.start, view.end, shown, False, False)
    return SVG_HTML.format(drawing=svg.chart_html(figure))


@contextmanager
def reference_pages() -> Iterator[str]:
    """The static reference pages, served from a temporary folder on loopback: index.html
    (full plotly.js) and, for each page measured, svg-<page>.html (inline SVG)."""
    with tempfile.TemporaryDirectory() as folder:
        bundle = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
        shutil.copy(bundle, Path(folder) / "plotly.min.js")
        shutil.copy(ROOT / "dashboard" / "assets" / "grapher.css", Path(folder) / "grapher.css")
        (Path(folder) / "index.html").write_text(REFERENCE_HTML, encoding="utf-8")
        for path in PAGES:
            (Path(folder) / f"svg-{path.strip('/')}.html").write_text(
                svg_page(path), encoding="utf-8"
            )
        handler = partial(QuietHandler, directory=folder)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}"
        finally:
            server.shutdown()


def first_chart(browser: Browser, url: str) -> tuple[float, float, int]:
    """Milliseconds from navigation to the first frame with a chart painted and to the first
    with an interactive one (the same on the references), and the bytes transferred until the
    network is idle; a fresh context, so the cache is cold."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(FIRST_FRAME)
    page = context.new_page()
    sizes: list[int] = []
    page.on("requestfinished", lambda r: sizes.append(_size(r)))
    page.goto(url)
    page.wait_for_function("() => window.paintedMs", timeout=30000)
    painted = float(page.evaluate("window.paintedMs"))
    if "/svg-" in url:
        interactive = painted
    else:
        interactive = float(
            page.wait_for_function("() => window.interactiveMs", timeout=30000).json_value()
        )
    page.wait_for_load_state("networkidle")
    context.close()
    return painted, interactive, sum(sizes)


def _size(request: Request) -> int:
    sizes = request.sizes()
    return int(sizes["responseBodySize"] + sizes["responseHeadersSize"])


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
    with gunicorn() as base, reference_pages() as references, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        reference = references + "/index.html"
        first_chart(browser, reference)  # warm-up of the browser itself
        print(f"first chart, cold cache, median of {LOADS} loads alternating with two references")
        print("(static pages: full plotly.js drawing one line chart; the page's first chart as")
        print("inline SVG), ms to the first frame with the chart painted (the server's SVG or")
        print("plotly's) and with plotly's interactive chart:")
        worst_painted, worst_interactive, heaviest = 0.0, 0.0, ("", 0)
        for path in PAGES:
            inline = f"{references}/svg-{path.strip('/')}.html"
            for _ in range(WARM_UPS):  # each gunicorn worker loads the tables once
                first_chart(browser, base + path)
            painted, interactive, sizes, plotly_ms, svg_ms = [], [], [], [], []
            for _ in range(LOADS):
                ours = first_chart(browser, base + path)
                painted.append(ours[0])
                interactive.append(ours[1])
                sizes.append(ours[2])
                plotly_ms.append(first_chart(browser, reference)[0])
                svg_ms.append(first_chart(browser, inline)[0])
            p, i = statistics.median(painted), statistics.median(interactive)
            full, flat = statistics.median(plotly_ms), statistics.median(svg_ms)
            worst_painted = max(worst_painted, p / flat)
            worst_interactive = max(worst_interactive, i / full)
            heaviest = max(heaviest, (path, max(sizes)), key=lambda e: e[1])
            print(
                f"  {path:12} references: full plotly {full:5.0f}, inline SVG {flat:5.0f}; "
                f"{max(sizes) / 1e6:4.2f} MB transferred\n"
                f"    first chart painted     {p:5.0f}   {p / full:4.2f}x full plotly   "
                f"{p / flat:4.2f}x inline SVG\n"
                f"    first interactive chart {i:5.0f}   {i / full:4.2f}x full plotly   "
                f"{i / flat:4.2f}x inline SVG"
            )
        browser.close()
    print(f"worst first chart painted {worst_painted:.2f}x inline SVG (target <= {TARGET_PAINTED})")
    print(
        f"worst first interactive chart {worst_interactive:.2f}x full plotly "
        f"(target <= {TARGET_INTERACTIVE})"
    )
    print(
        f"heaviest page {heaviest[0]}: {heaviest[1] / 1e6:.2f} MB "
        f"(target <= {TARGET_BYTES / 1e6:.1f} MB)"
    )
    print("chart compute time in-process, all charts of a page, cache cleared (median, ms):")
    for path, median in cold_compute_ms():
        print(f"  {path:12} {median:6.1f}")


if __name__ == "__main__":
    main()
