"""Time the claim checker on 20,000-character texts; prints figures, asserts nothing.

Texts: an article made of the project's stored statement quotes and article passages
(datasets/raw), a repetitive hostile text ("since 2015 … above $100 billion", one claim per
year) and a text dense with figures. For each: the median of 5 warm runs of the full
accounting (every number, as the page and the CLI answer; the process warm, the sentence
cache emptied before each run so that no run is answered from the last), next to a
reference measured in the same run, the time to scan the text once with one regular
expression for numbers, and their ratio (the machine's load cancels out of the ratio); the
rows and the bytes of the JSON answer; the memory still allocated after the request
(tracemalloc: the bounded caches). Also the cold first call, which loads the published
tables. Run with `make check-speed`.
"""

import csv
import json
import re
import statistics
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path

from dashboard.check import cues
from dashboard.check.engine import account

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "datasets" / "raw"
SIZE = 20_000
PUBLISHED = date(2025, 6, 1)
NUMBERS = re.compile(r"\d+(?:[.,]\d+)*")


def _fill(piece: str) -> str:
    return (piece * (SIZE // len(piece) + 1))[:SIZE]


def article() -> str:
    """Stored quotes and passages, joined into one long article."""
    quotes = []
    for path, column in (
        (RAW / "statements" / "sources.csv", "quote"),
        (RAW / "articles" / "passages.csv", "quote"),
    ):
        with path.open(encoding="utf-8") as handle:
            quotes += [row[column] for row in csv.DictReader(handle)]
    return _fill(" ".join(quotes) + " ")


TEXTS: dict[str, Callable[[], str]] = {
    "article (stored quotes)": article,
    "repetitive 'since 2015'": lambda: _fill(
        "Since 2015 trade between China and Russia stayed above $100 billion. "
    ),
    "dense figures": lambda: _fill(
        "China–Russia trade was $1.5, $2.5 and $3.5 billion in 2021, up 10%, 20% and 30%. "
    ),
}


def _fresh() -> None:
    cues.has.cache_clear()


def _median(run: Callable[[], object], times: int = 5) -> float:
    spent = []
    for _ in range(times):
        _fresh()
        started = time.perf_counter()
        run()
        spent.append(time.perf_counter() - started)
    return statistics.median(spent)


def main() -> None:
    started = time.perf_counter()
    account("China–Russia trade was $240 billion in 2023.", PUBLISHED)
    print(f"cold first call (loads the published tables): {time.perf_counter() - started:.3f} s")
    print(
        f"\n{'text (20,000 chars)':26} {'check s':>8} {'scan s':>8} {'ratio':>7} "
        f"{'rows':>5} {'JSON kB':>8} {'kept kB':>8}"
    )
    for name, make in TEXTS.items():
        text = make()
        account(text, PUBLISHED)  # warm
        spent = _median(lambda t=text: account(t, PUBLISHED))  # type: ignore[misc]
        scan = _median(lambda t=text: list(NUMBERS.finditer(t)), 50)  # type: ignore[misc]
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        rows = account(text, PUBLISHED)
        size = len(json.dumps(rows, ensure_ascii=False, default=str))
        del rows
        kept = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
        count = len(account(text, PUBLISHED))
        print(
            f"{name:26} {spent:8.3f} {scan:8.5f} {spent / scan:7.0f} {count:5} "
            f"{size / 1000:8.0f} {kept / 1000:8.0f}"
        )
    print("\ntarget: check ≤ 0.3 s warm for 20,000 characters (on an idle machine)")


if __name__ == "__main__":
    main()
