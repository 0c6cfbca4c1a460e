"""`python -m dashboard.refresh`: re-pull the API sources, then rebuild the tidy tables.

Each source is fetched, checked against the snapshot it would replace, and swapped in whole;
a source that fails leaves its files exactly as they were, and the others still refresh.
"""

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import requests

from dashboard import paths
from dashboard.build.__main__ import main as build
from dashboard.refresh import comtrade, imf, worldbank
from dashboard.refresh.http import SourceError, session
from dashboard.refresh.snapshot import Outcome, Snapshot, commit

Refresher = Callable[[Path, requests.Session, float, Callable[[str], None]], Snapshot]
SOURCES: dict[str, Refresher] = {
    worldbank.SOURCE: worldbank.refresh,
    comtrade.SOURCE: comtrade.refresh,
    imf.SOURCE: imf.refresh,
}


def progress(source: str) -> Callable[[str], None]:
    """A progress printer for one source (stderr, so the summary stays clean)."""
    return lambda message: print(f"refresh: {source}: {message}", file=sys.stderr, flush=True)


def refresh_one(name: str, raw: Path, client: requests.Session, timeout: float) -> Outcome:
    """Fetch, check and swap in one source; any failure leaves its files untouched."""
    say = progress(name)
    say("fetching")
    try:
        outcome = commit(SOURCES[name](raw, client, timeout, say))
    except SourceError as error:
        say(f"FAILED: {error}")
        return Outcome(name, "failed", changes=str(error))
    say(outcome.status)
    return outcome


def summary(outcomes: list[Outcome]) -> str:
    """The closing table: source, status, rows, years covered, what changed."""
    header = f"{'source':<10} {'status':<9} {'rows':>5}  {'years':<9}  what changed"
    lines = [header, "-" * len(header)]
    for o in outcomes:
        lines.append(f"{o.source:<10} {o.status:<9} {o.rows or '':>5}  {o.years:<9}  {o.changes}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Refresh the chosen sources (all by default); exit 1 if any failed."""
    parser = argparse.ArgumentParser(prog="python -m dashboard.refresh", description=__doc__)
    parser.add_argument(
        "--source",
        action="append",
        choices=sorted(SOURCES),
        help="refresh only this source (repeatable)",
    )
    parser.add_argument("--raw", type=Path, default=paths.RAW, help="raw snapshot folder")
    parser.add_argument("--out", type=Path, default=paths.TIDY, help="tidy table folder")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    parser.add_argument("--retries", type=int, default=3, help="retries on 429 and 5xx")
    parser.add_argument("--backoff", type=float, default=1.0, help="retry backoff factor")
    parser.add_argument("--no-build", action="store_true", help="do not rebuild the tables")
    args = parser.parse_args(argv)
    client = session(args.retries, args.backoff)
    outcomes = [refresh_one(n, args.raw, client, args.timeout) for n in args.source or SOURCES]
    status = 0
    if any(o.status == "updated" for o in outcomes) and not args.no_build:
        status = build(["--raw", str(args.raw), "--out", str(args.out)])
    print(summary(outcomes))
    if any(o.status == "failed" for o in outcomes):
        print("refresh: some sources failed; their previous snapshots are unchanged.")
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
