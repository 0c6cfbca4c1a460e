"""A time budget on every request: past it the answer is a 503 with a one-line reason.

A watchdog thread raises OverBudget in the thread still working on a request once its budget is
spent (PyThreadState_SetAsyncExc). Python takes it at its next instruction, so one long call into
C (a single regex match, one pandas operation) finishes first; everything written in Python, Dash's
dispatch and the callbacks included, stops there. OverBudget is a BaseException, so that no
`except Exception` on the way swallows it; the middleware answers for it. WEB_TIME_BUDGET sets the
budget in seconds (default 10).
"""

import ctypes
import heapq
import itertools
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

SECONDS = float(os.environ.get("WEB_TIME_BUDGET", "10"))
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class OverBudget(BaseException):
    """Raised in a request's thread when its budget is spent."""


@dataclass
class Watch:
    """One request's budget: its thread, and whether it ended or was stopped."""

    thread: int
    lock: threading.Lock = field(default_factory=threading.Lock)
    done: bool = False
    fired: bool = False


class Watchdog:
    """One thread per process that raises OverBudget in requests past their deadline."""

    def __init__(self) -> None:
        self.reset()
        os.register_at_fork(after_in_child=self.reset)  # gunicorn forks after the warm-up

    def reset(self) -> None:
        self.condition = threading.Condition()
        self.deadlines: list[tuple[float, int, Watch]] = []
        self.order = itertools.count()
        self.thread: threading.Thread | None = None

    def start(self, seconds: float) -> Watch:
        """Watch the calling thread for `seconds`."""
        watch = Watch(threading.get_ident())
        with self.condition:
            if self.thread is None:
                self.thread = threading.Thread(target=self.run, name="budget", daemon=True)
                self.thread.start()
            entry = (time.monotonic() + seconds, next(self.order), watch)
            heapq.heappush(self.deadlines, entry)
            self.condition.notify()
        return watch

    def stop(self, watch: Watch) -> None:
        """The request is answered: no OverBudget from now on, a pending one withdrawn."""
        with watch.lock:
            watch.done = True
            if watch.fired:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(watch.thread), None)

    def run(self) -> None:
        with self.condition:
            while True:
                while self.deadlines and self.deadlines[0][2].done:
                    heapq.heappop(self.deadlines)
                if not self.deadlines:
                    self.condition.wait()
                    continue
                deadline, _, watch = self.deadlines[0]
                left = deadline - time.monotonic()
                if left > 0:
                    self.condition.wait(left)
                    continue
                heapq.heappop(self.deadlines)
                with watch.lock:
                    if not watch.done:
                        watch.fired = True
                        exception = ctypes.py_object(OverBudget)
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(
                            ctypes.c_ulong(watch.thread), exception
                        )


WATCHDOG = Watchdog()


class Budget:
    """WSGI middleware: the app's answer within `seconds`, or a 503 right then."""

    def __init__(self, app: WSGIApp, headers: dict[str, str], seconds: float = SECONDS) -> None:
        self.app = app
        self.headers = headers  # of the 503
        self.seconds = seconds

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        started = []

        def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            started.append(status)
            return start_response(status, headers, exc_info)

        watch = WATCHDOG.start(self.seconds)
        try:
            try:
                return self.app(environ, start)  # a file's bytes are sent after
            finally:
                WATCHDOG.stop(watch)
        except OverBudget:
            reason = f"Service unavailable: the answer took longer than {self.seconds:g} s.\n"
            body = reason.encode()
            headers = self.headers | {"Content-Length": str(len(body)), "Retry-After": "10"}
            again = sys.exc_info() if started else None  # replacing headers not yet sent
            start_response("503 Service Unavailable", list(headers.items()), again)
            return [body]
