"""Measure the dashboard's speed as a user meets it; prints figures, asserts nothing.

Starts the production server (gunicorn, 2 workers) on loopback and headless Chromium, then
reports: time from navigation to the first chart drawn (median of N loads per page), server
time of the chart callbacks (replaying the browser's own callback requests; p50/p95), and the
bytes transferred for a first load (compressed, as sent). Run with `make bench`.
"""

import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import requests
from playwright.sync_api import Page, sync_playwright

from dashboard import views
from dashboard.charts import PAGES as INDICATOR_PAGES

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
LOADS = 7
REPLAYS = 40
DRAWN = ".js-plotly-plot .scatterlayer .trace"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(port: int) -> subprocess.Popen[bytes]:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "--workers", "2", "--bind", f"127.0.0.1:{port}", "dashboard.wsgi:server"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            requests.get(f"http://127.0.0.1:{port}/", timeout=1)
            return server
        except requests.ConnectionError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def first_chart_ms(page: Page, url: str) -> float:
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(DRAWN, state="attached", timeout=30000)
    return (time.perf_counter() - start) * 1000


def first_load_bytes(page: Page, url: str) -> tuple[int, int]:
    sizes: list[int] = []
    page.on(
        "requestfinished",
        lambda r: sizes.append(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]),
    )
    page.goto(url)
    page.wait_for_selector(DRAWN, state="attached", timeout=30000)
    page.wait_for_load_state("networkidle")
    return sum(sizes), len(sizes)


def callback_requests(page: Page, url: str) -> list[dict[str, object]]:
    captured: list[dict[str, object]] = []
    page.on(
        "request",
        lambda r: (
            captured.append(json.loads(r.post_data or "{}"))
            if "_dash-update-component" in r.url
            else None
        ),
    )
    page.goto(url)
    page.wait_for_selector(DRAWN, state="attached", timeout=30000)
    page.wait_for_load_state("networkidle")
    return [c for c in captured if "figure" in json.dumps(c.get("outputs", ""))]


def replay_ms(base: str, payload: dict[str, object]) -> list[float]:
    session = requests.Session()
    times = []
    for _ in range(REPLAYS):
        start = time.perf_counter()
        response = session.post(f"{base}/_dash-update-component", json=payload, timeout=30)
        response.raise_for_status()
        times.append((time.perf_counter() - start) * 1000)
    return times


def cold_callback_ms() -> list[tuple[str, float]]:
    """In-process time of each page's redraw, computed afresh (cache cleared), median of 10."""
    results = []
    for page in INDICATOR_PAGES:
        points = views.page_points(page)
        shown = [sorted(set(views.chart_points(points, c)["series_id"])) for c in page.charts]
        bounds = views.year_bounds(points)
        times = []
        for _ in range(10):
            views.render.cache_clear()
            start = time.perf_counter()
            views.update_charts(page, list(bounds), shown, ["on"])
            times.append((time.perf_counter() - start) * 1000)
        results.append((page.path, statistics.median(times)))
    return results


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            print(f"first chart drawn after navigation (median of {LOADS} loads, ms):")
            for path in PAGES:
                page = browser.new_page()
                first_chart_ms(page, base + path)  # warm-up
                times = [first_chart_ms(page, base + path) for _ in range(LOADS)]
                print(f"  {path:12} median {statistics.median(times):7.0f}   max {max(times):7.0f}")
                page.close()
            print("chart callback compute time in-process, all charts of a page (median, ms):")
            for path, median in cold_callback_ms():
                print(f"  {path:12} {median:6.1f}")
            print(f"chart callback round trip to gunicorn ({REPLAYS} replays each, ms):")
            all_times: list[float] = []
            for path in PAGES:
                page = browser.new_page()
                for payload in callback_requests(page, base + path):
                    times = replay_ms(base, payload)
                    all_times += times
                    print(
                        f"  {path:12} p50 {percentile(times, 0.5):6.1f}   "
                        f"p95 {percentile(times, 0.95):6.1f}"
                    )
                page.close()
            print(
                f"  all pages    p50 {percentile(all_times, 0.5):6.1f}   "
                f"p95 {percentile(all_times, 0.95):6.1f}"
            )
            context = browser.new_context()
            total, count = first_load_bytes(context.new_page(), base + "/trade")
            print(
                f"first load of /trade: {total / 1024:.0f} KiB in {count} responses "
                "(as transferred, gzip)"
            )
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
