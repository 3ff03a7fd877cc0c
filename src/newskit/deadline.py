"""Per-article time budgets that work in any thread: a stage over its budget raises in the thread it runs in.

One watchdog thread per process keeps the deadlines of the threads that have one and, when a deadline passes,
raises an exception asynchronously in that thread (CPython's PyThreadState_SetAsyncExc): the same mechanism in the
command line's main thread, in a pool worker and in a Dask worker's task thread (where SIGALRM cannot be used: it
reaches only the main thread). The exception lands at the thread's next Python instruction, so a stage stuck in
native code that never returns is not interrupted; the worker pool kills such a worker from outside
(newskit.workers), and time.sleep is not cut short."""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from newskit.errors import ArticleTimeout

# --timeout-per-article's default: generous, since a legitimate 50 MB article takes minutes; it exists to turn a
# runaway article into a `timeout` error record instead of a run that never ends.
DEFAULT_TIMEOUT = 600.0


class _Expired(BaseException):
    """Raised asynchronously into a thread whose deadline passed; turned into the caller's error at the block's
    edge (a BaseException, so no `except Exception` on the way can swallow it)."""


class _Watchdog:
    """The deadlines of this process's threads (thread id → monotonic expiry) and the thread enforcing them."""

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.expiry: dict[int, float] = {}
        self.fired: set[int] = set()
        self.thread: threading.Thread | None = None

    def arm(self, tid: int, seconds: float) -> None:
        with self.cond:
            self.expiry[tid] = time.monotonic() + seconds
            self.fired.discard(tid)
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._run, name="newskit-deadline", daemon=True)
                self.thread.start()
            self.cond.notify()

    def disarm(self, tid: int) -> bool:
        """Forget the thread's deadline; return whether it fired (a pending exception is withdrawn)."""
        with self.cond:
            self.expiry.pop(tid, None)
            fired = tid in self.fired
            if fired:
                self.fired.discard(tid)
                _async_raise(tid, None)  # not delivered yet (the block ended first): withdraw it
            return fired

    def _run(self) -> None:
        with self.cond:
            while True:
                now = time.monotonic()
                for tid, when in list(self.expiry.items()):
                    if when <= now:
                        del self.expiry[tid]
                        self.fired.add(tid)
                        _async_raise(tid, _Expired)
                self.cond.wait(min(self.expiry.values(), default=now + 60.0) - now)


def _async_raise(tid: int, exc: type[BaseException] | None) -> None:
    import ctypes  # only when a deadline fires: every command imports this module (start-up time)

    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), ctypes.py_object(exc) if exc else None)


_WATCHDOG = _Watchdog()


def _after_fork() -> None:
    # A forked child has only the forking thread: the watchdog must be started afresh when first needed.
    global _WATCHDOG
    _WATCHDOG = _Watchdog()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)


@contextmanager
def deadline(seconds: float | None, error: Callable[[], BaseException] = ArticleTimeout) -> Iterator[None]:
    """Raise `error()` out of the block when it runs over `seconds` (None or 0: no limit), in any thread.

    Inside a block that already has a deadline in the same thread the outer one holds."""
    tid = threading.get_ident()
    watchdog = _WATCHDOG
    if not seconds or tid in watchdog.expiry:
        yield
        return
    watchdog.arm(tid, seconds)
    try:
        yield
    except _Expired:
        watchdog.disarm(tid)
        raise error() from None
    finally:
        try:
            watchdog.disarm(tid)
        except _Expired:  # fired just as the block ended: its work is done, so the expiry is moot
            watchdog.disarm(tid)
