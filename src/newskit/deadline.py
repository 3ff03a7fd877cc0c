"""Per-article time budgets: a stage that runs over its budget raises ArticleTimeout in the thread it runs in.

The budget is enforced with a real-time interval timer (SIGALRM), so it works only in the main thread of a
process (where newskit's command line and its worker processes run); elsewhere, as in a library caller's thread,
the stage runs unbounded. Native code that never returns to the interpreter is not interrupted: the worker pool
kills such a worker from outside (newskit.workers)."""
from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from newskit.errors import ArticleTimeout

# --timeout-per-article's default: generous, since a legitimate 50 MB article takes minutes; it exists to turn a
# runaway article into a `timeout` error record instead of a run that never ends.
DEFAULT_TIMEOUT = 600.0


@contextmanager
def deadline(seconds: float | None, error: Callable[[], BaseException] = ArticleTimeout) -> Iterator[None]:
    """Raise `error()` inside the block when it runs over `seconds` (None or 0: no limit).

    Inside a block that already has a deadline the outer one holds: one interval timer serves a process."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable or signal.getitimer(signal.ITIMER_REAL)[0]:
        yield
        return

    def expire(signum, frame):
        raise error()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
