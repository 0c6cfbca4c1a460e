"""The app's one memo mechanism: bounded, least recently used out first, emptied by a new
build; and every memo of the app uses it."""

import functools
import importlib
import pkgutil
import threading

import pytest

import dashboard
from dashboard import cache, data, memo
from dashboard.charts.registry import PAGES_BY_ID
from dashboard.check import engine


def _counted(size: int, build: list[str]) -> tuple[cache.Memo[[int], int], list[int]]:
    calls: list[int] = []

    def square(n: int) -> int:
        calls.append(n)
        return n * n

    return cache.Memo(square, size, lambda: build[0]), calls


def test_the_least_recently_used_entry_is_evicted_at_the_bound():
    square, calls = _counted(3, ["b1"])
    for n in (1, 2, 3, 1, 4):  # 1 used again, so 2 is the least recently used when 4 comes
        square(n)
    assert len(square) == 3 and calls == [1, 2, 3, 4]
    square(1), square(3), square(4)
    assert calls == [1, 2, 3, 4]  # kept
    assert square(2) == 4 and calls == [1, 2, 3, 4, 2]  # evicted, so computed again
    cache.MEMOS.remove(square)


def test_a_new_build_empties_the_memo():
    build = ["b1"]
    square, calls = _counted(8, build)
    square(1), square(2)
    build[0] = "b2"
    square(1)
    assert calls == [1, 2, 1] and len(square) == 1
    cache.MEMOS.remove(square)


def test_concurrent_first_calls_compute_once():
    """Eight threads ask for the same missing entry at once (a server just started, or a new
    build just swapped in): one computes, the others wait and take its result."""
    started, release = threading.Event(), threading.Event()
    calls: list[int] = []

    def slow(n: int) -> list[int]:
        calls.append(n)
        started.set()
        release.wait(timeout=10)
        return [n]

    memo = cache.Memo(slow, 4, lambda: "b1")
    results: list[list[int]] = []
    threads = [threading.Thread(target=lambda: results.append(memo(7))) for _ in range(8)]
    threads[0].start()
    assert started.wait(timeout=10)  # the first is computing
    for thread in threads[1:]:
        thread.start()
    release.set()
    for thread in threads:
        thread.join(timeout=10)
    assert calls == [7]
    assert len(results) == 8 and all(r is results[0] for r in results)  # the one result
    assert memo.computing == {}
    cache.MEMOS.remove(memo)


def test_a_failed_computation_leaves_the_entry_to_the_next_call():
    calls: list[int] = []

    def flaky(n: int) -> int:
        calls.append(n)
        if len(calls) == 1:
            raise ValueError("the tables are being swapped")
        return n * n

    memo = cache.Memo(flaky, 4, lambda: "b1")
    with pytest.raises(ValueError):
        memo(7)
    assert memo(7) == 49 and memo(7) == 49 and calls == [7, 7] and memo.computing == {}
    cache.MEMOS.remove(memo)


def test_the_figure_memo_evicts_beyond_its_bound():
    page = PAGES_BY_ID["gdp"]
    chart = page.charts[0]
    shown = tuple(sorted(set(memo.drawable(chart)["series_id"])))
    low, high = memo.offer(page).bounds
    views = [(s, e) for s in range(low, high + 1) for e in range(s, high + 1)]
    assert len(views) > memo.render.size + 1
    first = memo.render(page, chart, *views[0], shown, False, False)
    for start, end in views[1 : memo.render.size + 1]:
        memo.render(page, chart, start, end, shown, False, False)
    assert len(memo.render) == memo.render.size
    again = memo.render(page, chart, *views[0], shown, False, False)
    assert again == first and again is not first  # evicted, so drawn again


def test_a_new_build_redraws_the_figures(monkeypatch):
    page = PAGES_BY_ID["gdp"]
    chart = page.charts[0]
    shown = tuple(sorted(set(memo.drawable(chart)["series_id"])))
    low, high = memo.offer(page).bounds
    first = memo.render(page, chart, low, high, shown, False, False)
    assert memo.render(page, chart, low, high, shown, False, False) is first
    monkeypatch.setattr(memo.render, "build", lambda: "another build")
    assert memo.render(page, chart, low, high, shown, False, False) is not first
    assert len(memo.render) == 1


def test_every_memo_of_the_app_is_a_bounded_build_memo():
    modules = [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(dashboard.__path__, "dashboard.")
        if not info.name.startswith(("dashboard.etl", "dashboard.schema", "dashboard.gunicorn"))
    ]
    others = [
        f"{module.__name__}.{name}"
        for module in modules
        # text patterns only, not the tables
        if module.__name__ not in ("dashboard.check.extract", "dashboard.check.cues")
        for name, value in vars(module).items()
        if (isinstance(value, functools._lru_cache_wrapper) and value.__module__ == module.__name__)
        or (isinstance(value, dict) and name.startswith("_") and name.isupper())
    ]
    assert not others, f"memos outside dashboard.cache: {others}"
    memos = {f"{m.__module__}.{m.function.__name__}": m for m in cache.MEMOS}
    for name in (
        "dashboard.memo.render",
        "dashboard.memo.prepared",
        "dashboard.memo.drawable",
        "dashboard.layouts.view_layout",
        "dashboard.data._joined",
        "dashboard.check.engine.record",
    ):
        assert name in memos, name
    assert all(0 < m.size <= 4096 for m in memos.values())
    assert data.load() is data.load()
    assert engine.record() is engine.record()
