"""The app's one memo mechanism: a function's results for its most recently used arguments,
at most `size` of them, under the published build they were computed from.

Every entry is keyed by the build id (datapackage.json's `build`) as well as the arguments, so
a new build is never served an old result: the first call under a new build empties the memo.
Concurrent calls for one missing entry compute it once (single flight): the first computes, the
others wait for it and take its result, as when a server has just started or a new build has
just been swapped in and every thread asks for the same joined tables at once.
"""

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Generic, ParamSpec, TypeVar

from dashboard.schema import paths, published

P = ParamSpec("P")
R = TypeVar("R")


def current_build(folder: Path = paths.TIDY) -> str:
    """The id of the build published in `folder`."""
    return published.load(folder).build


class Memo(Generic[P, R]):
    """A bounded least-recently-used memo of `function`, emptied when the build changes."""

    def __init__(self, function: Callable[P, R], size: int, build: Callable[[], str]) -> None:
        functools.update_wrapper(self, function)
        self.function, self.size, self.build = function, size, build
        self.entries: OrderedDict[Hashable, R] = OrderedDict()
        self.computing: dict[Hashable, threading.Lock] = {}  # held while an entry is computed
        self.built_for = ""
        self.lock = threading.Lock()
        MEMOS.append(self)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        build = self.build()
        key = (args, tuple(sorted(kwargs.items())))
        with self.lock:
            if self.has(build, key):
                return self.entries[key]
            computing = self.computing.setdefault((build, key), threading.Lock())
        with computing:  # another thread computing this entry: wait, then take its result
            with self.lock:
                if self.has(build, key):
                    return self.entries[key]
            try:
                value = self.function(*args, **kwargs)
                with self.lock:
                    if build == self.built_for:
                        self.entries[key] = value
                        while len(self.entries) > self.size:
                            self.entries.popitem(last=False)
            finally:
                with self.lock:
                    if self.computing.get((build, key)) is computing:
                        del self.computing[(build, key)]
        return value

    def has(self, build: str, key: Hashable) -> bool:
        """Whether the entry is kept (marked most recently used); a new build empties the
        memo first. Called with the lock held."""
        if build != self.built_for:
            self.entries.clear()
            self.built_for = build
        if key in self.entries:
            self.entries.move_to_end(key)
            return True
        return False

    def __len__(self) -> int:
        return len(self.entries)

    def clear(self) -> None:
        """Forget every entry."""
        with self.lock:
            self.entries.clear()


MEMOS: list[Memo] = []  # type: ignore[type-arg]


def per_build(
    size: int, build: Callable[[], str] = current_build
) -> Callable[[Callable[P, R]], Memo[P, R]]:
    """Memoise a function for the current build, keeping its `size` most recent results."""

    def wrap(function: Callable[P, R]) -> Memo[P, R]:
        return Memo(function, size, build)

    return wrap
