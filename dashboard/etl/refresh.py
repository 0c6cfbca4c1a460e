"""`python -m dashboard.etl refresh`: re-pull the API sources, then rebuild the tidy tables.

Each source is a transaction: fetch → parse → write a staged folder → read it back with the
build's own strict reader and plausibility checks → compare with the previous snapshot,
series by series → swap the raw folder in → rebuild every table in memory. If the rebuild
fails, the raw folder is swapped back. Any exception in one source is caught, reported in the
summary, and the others still run. The tables are published once, at the end, in one swap;
if that fails every swapped raw folder is rolled back.
"""

import argparse
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dashboard.etl import swap
from dashboard.etl.errors import BuildError, InputError
from dashboard.etl.http import Client, Deadline, SourceError, session
from dashboard.etl.pipeline import build, read_indicators
from dashboard.etl.publish import publish
from dashboard.etl.snapshot import Snapshot, compare
from dashboard.etl.sources import REFRESHABLE
from dashboard.etl.steps import Context, Refreshable
from dashboard.etl.validate import validate_plausible

SOURCES: dict[str, Refreshable] = {s.NAME: s for s in REFRESHABLE}
DEADLINE = 600.0  # seconds for the whole refresh


@dataclass
class Outcome:
    """How one source's refresh ended, for the summary table."""

    source: str
    status: str  # updated, unchanged or failed
    rows: int = 0
    years: str = ""
    changes: str = ""
    previous: Path | None = None  # the replaced raw folder, kept until the end for rollback


def add_options(parser: argparse.ArgumentParser) -> None:
    """The refresh command's options."""
    parser.add_argument(
        "--source",
        action="append",
        choices=sorted(SOURCES),
        help="refresh only this source (repeatable)",
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    parser.add_argument(
        "--deadline", type=float, default=DEADLINE, help="seconds for the whole refresh"
    )
    parser.add_argument("--retries", type=int, default=3, help="retries on 429 and 5xx")
    parser.add_argument("--backoff", type=float, default=1.0, help="retry backoff factor")


def progress(source: str) -> Callable[[str], None]:
    """A progress printer for one source (stderr, so the summary stays clean)."""
    return lambda message: print(f"refresh: {source}: {message}", file=sys.stderr, flush=True)


def refresh_one(
    source: Refreshable,
    raw: Path,
    client: Client,
    timeout: float,
    deadline: Deadline,
) -> Outcome:
    """One source's transaction; whatever goes wrong leaves its raw folder as it was."""
    say = progress(source.NAME)
    say("fetching")
    try:
        outcome = _transaction(source, raw, client, timeout, deadline, say)
    except (SourceError, InputError, BuildError) as error:
        outcome = Outcome(source.NAME, "failed", changes=_one_line(error))
    except Exception as error:  # noqa: BLE001 (one source's bug must not stop the others)
        where = traceback.extract_tb(error.__traceback__)[-1]
        detail = f"{type(error).__name__}: {error} (at {Path(where.filename).name}:{where.lineno})"
        outcome = Outcome(source.NAME, "failed", changes=_one_line(detail))
    say(outcome.status + (f": {outcome.changes}" if outcome.status == "failed" else ""))
    return outcome


def _transaction(
    source: Refreshable,
    raw: Path,
    client: Client,
    timeout: float,
    deadline: Deadline,
    say: Callable[[str], None],
) -> Outcome:
    folder = raw / source.FOLDER
    snapshot: Snapshot = source.refresh(folder, client, timeout, deadline, say)
    contents = snapshot.contents()
    if folder.is_dir() and all(
        (folder / name).is_file() and (folder / name).read_bytes() == data
        for name, data in contents.items()
        if name != "origin.json"
    ):
        return Outcome(source.NAME, "unchanged", _rows(snapshot), snapshot.span(), "same data")
    staged = swap.staging_folder(folder)
    try:
        swap.write_files(staged, contents)
        indicators = read_indicators(raw)
        step = source.build(staged, Context(indicators))
        validate_plausible(step.observations, indicators)
        notes = [n for f in snapshot.files for n in compare(f, folder)] if folder.is_dir() else []
    except BaseException:
        swap.remove(staged)
        raise
    previous = swap.swap_in(staged, folder)
    try:
        build(raw)
    except BaseException:
        _roll_back(previous, folder)
        raise
    if previous is None:
        notes = ["new snapshot", *notes]
    changes = "; ".join([*snapshot.notes, *notes]) or "provenance only"
    return Outcome(source.NAME, "updated", _rows(snapshot), snapshot.span(), changes, previous)


def _rows(snapshot: Snapshot) -> int:
    return sum(len(f.frame) for f in snapshot.files)


def _roll_back(previous: Path | None, folder: Path) -> None:
    """Put the previous raw folder back (or remove a folder that had none before)."""
    if previous is None:
        swap.remove(folder)
    else:
        swap.exchange(previous, folder)
        swap.remove(previous)


def _one_line(error: object) -> str:
    return " ".join(str(error).split())[:400]


def summary(outcomes: list[Outcome]) -> str:
    """The closing table: source, status, rows, years covered, what changed."""
    header = f"{'source':<10} {'status':<9} {'rows':>5}  {'years':<9}  what changed"
    lines = [header, "-" * len(header)]
    for o in outcomes:
        lines.append(f"{o.source:<10} {o.status:<9} {o.rows or '':>5}  {o.years:<9}  {o.changes}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Refresh the chosen sources (all by default); exit 1 if any failed, 130 if interrupted
    (every source swapped in so far is rolled back)."""
    client = session(args.retries, args.backoff)
    deadline = Deadline(args.deadline)
    outcomes: list[Outcome] = []
    try:
        for name in args.source or SOURCES:
            outcomes.append(refresh_one(SOURCES[name], args.raw, client, args.timeout, deadline))
        status = _publish(args, outcomes)
    except KeyboardInterrupt:
        _roll_back_all(args.raw, outcomes, "interrupted")
        print("refresh: interrupted; every snapshot is as it was before.", file=sys.stderr)
        return 130
    for outcome in outcomes:
        if outcome.status == "updated":
            swap.remove(outcome.previous)
    print(summary(outcomes))
    if any(o.status == "failed" for o in outcomes):
        print("refresh: some sources failed; their previous snapshots are unchanged.")
        return 1
    if status == 0 and any(o.status == "updated" for o in outcomes):
        print(f"refresh: published {args.out}")
    return status


def _publish(args: argparse.Namespace, outcomes: list[Outcome]) -> int:
    """Publish the tables once; if that fails, roll every updated source back."""
    if not any(o.status == "updated" for o in outcomes):
        return 0
    try:
        publish(args.out, build(args.raw))
    except Exception as error:  # noqa: BLE001 (roll back every source, then report)
        _roll_back_all(args.raw, outcomes, f"rolled back: {_one_line(error)}")
        return 1
    return 0


def _roll_back_all(raw: Path, outcomes: list[Outcome], why: str) -> None:
    for outcome in outcomes:
        if outcome.status == "updated":
            _roll_back(outcome.previous, raw / SOURCES[outcome.source].FOLDER)
            outcome.status, outcome.changes = "failed", why
