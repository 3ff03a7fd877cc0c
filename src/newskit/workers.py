"""A supervised pool of worker processes: records in input order, and a worker that dies costs no article.

Each worker loads the model once and takes one batch at a time over its own pipe, so the parent always knows
which articles a worker holds. A worker that dies (the out-of-memory killer, a crash in native code) is noticed
at once through its process sentinel; its articles are redone one by one in the other workers and a fresh one,
and an article that kills a worker again becomes a `worker-died` error record. A worker that stays silent far
past the articles' own time budget is killed from outside the same way (its article then ends as `timeout`).
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.connection import wait

from newskit.batch import BATCH_SIZE, error_record, process_batch
from newskit.errors import ModelError, NewskitError
from newskit.record import AnyRecord

# Seconds a worker may overrun the budget of the articles it holds before it is killed from outside: the
# in-process timer (newskit.deadline) normally fires first; this catches native code that never yields.
GRACE = 60.0
POLL = 1.0  # seconds between checks of the parent (in workers) and of overdue workers (in the parent)
# Workers that die before taking any article (while loading the model): past this many, stop respawning.
MAX_IDLE_DEATHS = 5


def _worker_main(conn, model, tasks, debug, timeout, parent_pid) -> None:
    # Ctrl-C is the parent's to handle: it stops the pool; workers must not print tracebacks of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from newskit.nlp import components_for, load

    try:
        load(model, components_for(tasks))
    except ModelError as exc:
        conn.send(("fatal", exc))
        return
    while True:
        if not conn.poll(POLL):
            if os.getppid() != parent_pid:  # the parent is gone: nobody will read our records
                return
            continue
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg is None:
            return
        tid, sources = msg
        try:
            records = process_batch(sources, tasks, model, debug, timeout)
        except NewskitError as exc:
            conn.send(("fatal", exc))
            return
        conn.send(("done", tid, records))


class _Worker:
    def __init__(self, ctx, args):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, *args, os.getpid()), daemon=True)
        self.proc.start()
        child.close()
        self.task: tuple | None = None  # (items, attempt, started): items are (index, Source) pairs
        self.overdue = False

    def stop(self, force: bool) -> None:
        if not force:
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)
        self.conn.close()


def _how(proc) -> str:
    code = proc.exitcode
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"


def run_supervised(sources: Iterable, tasks, *, model: str | None, workers: int, debug: bool,
                   timeout: float | None, notes: list[str]) -> Iterator[AnyRecord]:
    """Yield the record of every source in input order, processing batches in `workers` supervised processes."""
    from newskit.nlp import check_available

    check_available(model)
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    args = (model, tasks, debug, timeout)
    pool = [_Worker(ctx, args) for _ in range(workers)]
    pending: deque = deque()  # (items, attempt) waiting for an idle worker
    results: dict[int, AnyRecord] = {}
    it = iter(sources)
    read = next_out = idle_deaths = 0
    exhausted = finished = False
    # A bounded window of articles read but not yet written keeps memory flat however long the archive is.
    window = workers * BATCH_SIZE * 3

    def died(w: _Worker) -> _Worker:
        nonlocal idle_deaths
        w.proc.join(5)
        how = "killed for running too long" if w.overdue else _how(w.proc)
        if w.task is None:
            idle_deaths += 1
            if idle_deaths > MAX_IDLE_DEATHS:
                raise NewskitError(f"worker processes keep dying before taking any article ({how})")
        else:
            items, attempt, _ = w.task
            if attempt == 1:
                pending.extendleft(([item], 2) for item in reversed(items))
                notes.append(f"a worker process died ({how}) holding {len(items)} article(s); "
                             "they were redone one at a time")
            else:
                (index, source), = items
                code = "timeout" if w.overdue else "worker-died"
                results[index] = error_record(source.id, code, f"the worker process died twice on it ({how})")
        w.stop(force=True)
        return _Worker(ctx, args)

    try:
        while not (exhausted and next_out == read):
            while not exhausted and read - next_out < window and len(pending) < workers:
                batch = []
                for s in it:
                    batch.append((read, s))
                    read += 1
                    if len(batch) >= BATCH_SIZE:
                        break
                else:
                    exhausted = True
                if batch:
                    pending.append((batch, 1))
            for k, w in enumerate(pool):
                if w.task is None and pending:
                    items, attempt = pending.popleft()
                    w.task = (items, attempt, time.monotonic())
                    try:
                        w.conn.send((0, [s for _, s in items]))
                    except OSError:
                        pool[k] = died(w)
            busy = {w.conn: w for w in pool}
            ready = wait(list(busy) + [w.proc.sentinel for w in pool], timeout=POLL)
            for k, w in enumerate(pool):
                if w.conn in ready or w.proc.sentinel in ready:
                    try:
                        msg = w.conn.recv() if w.conn.poll() else None
                    except (EOFError, OSError):
                        msg = None
                    if msg is None:
                        if not w.proc.is_alive() or w.proc.sentinel in ready:
                            pool[k] = died(w)
                        continue
                    if msg[0] == "fatal":
                        raise msg[1]
                    assert w.task is not None  # a worker only answers the batch it was given
                    for (index, _), rec in zip(w.task[0], msg[2], strict=True):
                        results[index] = rec
                    w.task = None
                elif w.task is not None and timeout:
                    items, _, started = w.task
                    if time.monotonic() - started > 3 * timeout * len(items) + GRACE:
                        w.overdue = True
                        w.proc.kill()
                        pool[k] = died(w)
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
        finished = True
    finally:
        # Stopped early (closed pipe, Ctrl-C, error): don't wait for batches nobody will read.
        for w in pool:
            w.stop(force=not finished)
