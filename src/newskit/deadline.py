"""Per-article time budgets: a stage that runs over its budget raises ArticleTimeout in the thread it runs in.

The budget is enforced with a real-time interval timer (SIGALRM), so it works only in the main thread of a
process (where newskit's command line and its worker processes run); elsewhere, as in a library caller's thread,
the stage runs unbounded. Native code that never returns to the interpreter is not interrupted: the worker pool
kills such a worker from outside (newskit.workers)."""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

from newskit.errors import ArticleTimeout

# --timeout-per-article's default: generous, since a legitimate 50 MB article takes minutes; it exists to turn a
# runaway article into a `timeout` error record instead of a run that never ends.
DEFAULT_TIMEOUT = 600.0


def _raise(signum, frame):
    raise ArticleTimeout()


@contextmanager
def deadline(seconds: float | None):
    """Raise ArticleTimeout inside the block when it runs over `seconds` (None or 0: no limit)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
