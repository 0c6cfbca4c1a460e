"""The app's one memo mechanism: a function's results for its most recently used arguments,
at most `size` of them, under the published build they were computed from.

Every entry is keyed by the build id (datapackage.json's `build`) as well as the arguments, so
a new build is never served an old result: the first call under a new build empties the memo.
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
        self.built_for = ""
        self.lock = threading.Lock()
        MEMOS.append(self)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        build = self.build()
        key = (args, tuple(sorted(kwargs.items())))
        with self.lock:
            if build != self.built_for:
                self.entries.clear()
                self.built_for = build
            if key in self.entries:
                self.entries.move_to_end(key)
                return self.entries[key]
        value = self.function(*args, **kwargs)
        with self.lock:
            if build == self.built_for:
                self.entries[key] = value
                while len(self.entries) > self.size:
                    self.entries.popitem(last=False)
        return value

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
