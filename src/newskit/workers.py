"""One supervised pool of worker processes for every local run: article batches (`--jsonl`, `report`) and archive
shards (`--output`), so a worker that dies costs no article in either.

Each worker is set up once (it loads the model), then runs one task at a time over its own pipe, so the parent
always knows what a worker holds. A worker that dies (the out-of-memory killer, a crash in native code) is noticed
at once through its process sentinel and replaced; the caller decides what to redo (articles one by one, a shard
once more). A worker that stays silent far past its task's time budget is killed from outside the same way (the
in-process deadline, newskit.deadline, normally fires first; this catches native code that never yields).
Workers are tied to their parent's life: on Linux the kernel kills them when it dies (PR_SET_PDEATHSIG), and
everywhere a thread in each worker exits it once its parent is gone, so no worker outlives a killed run.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import Any

from newskit.batch import BATCH_SIZE, error_record, process_batch
from newskit.errors import NewskitError
from newskit.nlp import check_available, components_for, load
from newskit.record import AnyRecord

# Seconds a worker may overrun the budget of what it holds before it is killed from outside.
GRACE = 60.0
POLL = 1.0  # seconds between checks of the parent (in workers) and of overdue workers (in the parent)
# Workers that die before taking any task (while loading the model): past this many, stop respawning.
MAX_IDLE_DEATHS = 5
PR_SET_PDEATHSIG = 1

_CONN: Any = None  # in a pool worker: the pipe to the parent, for tick()
_LOCAL_TICK: Callable[[int], None] | None = None  # in a process running tasks itself: who counts the ticks


def tick(n: int = 1) -> None:
    """Tell whoever runs this task that `n` more articles are done (progress, and proof of life for the pool)."""
    if _CONN is not None:
        with contextlib.suppress(OSError):
            _CONN.send(("tick", n))
    elif _LOCAL_TICK is not None:
        _LOCAL_TICK(n)



def _tie_to_parent(parent_pid: int) -> None:
    """End this worker when its parent dies: a kernel signal on Linux, a watching thread everywhere."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:  # the parent died before the signal was armed
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(POLL)
        os._exit(1)

    threading.Thread(target=watch, name="newskit-parent-watch", daemon=True).start()


def _sendable(exc: BaseException) -> BaseException:
    """Return `exc` if it survives pickling, else a RuntimeError that names it."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{exc.__class__.__name__}: {exc}")


def _worker_main(conn, init, init_args, parent_pid) -> None:
    global _CONN
    # Ctrl-C is the parent's to handle: it stops the pool; workers must not print tracebacks of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _tie_to_parent(parent_pid)
    _CONN = conn
    try:
        if init is not None:
            init(*init_args)
    except NewskitError as exc:
        conn.send(("fatal", _sendable(exc)))
        return
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        fn, args = msg
        try:
            value = fn(*args)
        except Exception as exc:
            conn.send(("error", _sendable(exc)))
            continue
        conn.send(("done", value))


@dataclass
class Task:
    """One unit of work: `fn(*args)` in a worker. `budget`: seconds it may go without finishing or ticking
    before the worker is killed from outside (None: no limit). `attempt`: 1, or 2 when redone after a death."""

    key: Any
    fn: Callable
    args: tuple
    budget: float | None = None
    attempt: int = 1
    ticked: int = 0  # articles it said are done so far


@dataclass
class Outcome:
    """What became of a task: its value, the exception it raised, or how the worker holding it died."""

    task: Task
    value: Any = None
    error: BaseException | None = None
    died: str | None = None  # "killed by SIGKILL", "killed for running too long"…
    overdue: bool = False


@dataclass
class _Worker:
    proc: Any
    conn: Any
    task: Task | None = None
    last: float = field(default_factory=time.monotonic)  # when it last started, ticked or finished
    overdue: bool = False

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


class Pool:
    """`size` supervised worker processes, each set up once with `init(*init_args)`, running submitted tasks.

    `step()` hands pending tasks to idle workers, waits up to POLL seconds and returns what happened: Outcomes
    (done, raised, or the worker died holding it: the worker is already replaced) and article ticks (ints).
    A worker whose set-up raises a NewskitError (the model cannot load) stops the pool with that error."""

    def __init__(self, size: int, init: Callable | None = None, init_args: tuple = ()):
        self.ctx: Any = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods()
                                                    else "spawn")
        self.init, self.init_args = init, init_args
        self.pending: deque[Task] = deque()
        self.idle_deaths = 0
        self.workers = [self._spawn() for _ in range(size)]

    def _spawn(self) -> _Worker:
        conn, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker_main, args=(child, self.init, self.init_args, os.getpid()),
                                daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, conn)

    def submit(self, task: Task, first: bool = False) -> None:
        """Queue a task (`first`: ahead of the others, as for articles redone after a death)."""
        if first:
            self.pending.appendleft(task)
        else:
            self.pending.append(task)

    @property
    def load(self) -> int:
        """Tasks queued or held by a worker."""
        return len(self.pending) + sum(w.task is not None for w in self.workers)

    def step(self) -> list[Outcome | int]:
        events: list[Outcome | int] = []
        for k, w in enumerate(self.workers):
            if w.task is None and self.pending:
                w.task, w.last = self.pending.popleft(), time.monotonic()
                try:
                    w.conn.send((w.task.fn, w.task.args))
                except OSError:
                    events += self._died(k)
        ready = wait([w.conn for w in self.workers] + [w.proc.sentinel for w in self.workers], timeout=POLL)
        for k, w in enumerate(self.workers):
            gone = w.proc.sentinel in ready
            if w.conn in ready:
                gone = self._read(w, events) or gone
            if gone:
                events += self._died(k)
            elif w.task is not None and w.task.budget and time.monotonic() - w.last > w.task.budget + GRACE:
                w.overdue = True
                w.proc.kill()
                events += self._died(k)
        return events

    def _read(self, w: _Worker, events: list[Outcome | int]) -> bool:
        """Collect what a worker sent into `events`; return True when its pipe is closed (it died)."""
        try:
            while w.conn.poll():
                msg = w.conn.recv()
                w.last = time.monotonic()
                if msg[0] == "fatal":
                    raise msg[1]
                if msg[0] == "tick":
                    if w.task is not None:
                        w.task.ticked += msg[1]
                    events.append(msg[1])
                    continue
                task, w.task = w.task, None
                assert task is not None  # a worker only answers the task it was given
                events.append(Outcome(task, value=msg[1]) if msg[0] == "done" else Outcome(task, error=msg[1]))
        except (EOFError, OSError):
            return True
        return False

    def _died(self, k: int) -> list[Outcome | int]:
        w = self.workers[k]
        w.proc.join(5)
        how = "killed for running too long" if w.overdue else _how(w.proc)
        w.stop(force=True)
        self.workers[k] = self._spawn()
        if w.task is None:
            self.idle_deaths += 1
            if self.idle_deaths > MAX_IDLE_DEATHS:
                raise NewskitError(f"worker processes keep dying before taking any work ({how})")
            return []
        return [Outcome(w.task, died=how, overdue=w.overdue)]

    def close(self, force: bool) -> None:
        """Stop every worker (`force`: at once, without letting them finish what they hold)."""
        for w in self.workers:
            w.stop(force)


def _batch(*args) -> list[AnyRecord]:
    # Looked up when called, so the worker runs the module's process_batch as it is then (tests replace it).
    # Each finished article is told to the parent at once (progress, and proof of life).
    return process_batch(*args, on_record=tick)


def _load_model(model, tasks) -> None:
    load(model, components_for(tasks))


# One loop: fill the window of batches, handle each pool event (a progress tick, a worker's death, an error, a
# finished batch), yield in input order. Its branches are those cases, kept together over the same bookkeeping.
def run_supervised(sources: Iterable, tasks, *, model: str | None, workers: int, debug: bool,  # noqa: C901, PLR0912
                   timeout: float | None, notes: list[str],
                   on_done: Callable[[int], None] | None = None) -> Iterator[AnyRecord]:
    """Yield the record of every source in input order, processing batches in `workers` supervised processes.

    A batch whose worker dies is redone one article at a time; an article that kills a worker again becomes a
    `worker-died` (or `timeout`) error record. `on_done(n)`: told as soon as n more articles are done, in any
    order (for a progress bar: records themselves come out in input order)."""
    check_available(model)
    pool = Pool(workers, _load_model, (model, tasks))
    results: dict[int, AnyRecord] = {}
    it = iter(sources)
    read = next_out = 0
    exhausted = finished = False
    # A bounded window of articles read but not yet written keeps memory flat however long the archive is.
    window = workers * BATCH_SIZE * 3
    # The first batches are small, so the first records (and a progress bar) come early.
    sizes = iter([1, 2, 4, 8])

    def task(items: list, attempt: int = 1) -> Task:
        budget = 3 * timeout * len(items) if timeout else None
        return Task(items, _batch, ([s for _, s in items], tasks, model, debug, timeout), budget, attempt)

    try:
        while not (exhausted and next_out == read):
            while not exhausted and read - next_out < window and len(pool.pending) < workers:
                batch = []
                size = next(sizes, BATCH_SIZE)
                for s in it:
                    batch.append((read, s))
                    read += 1
                    if len(batch) >= size:
                        break
                else:
                    exhausted = True
                if batch:
                    pool.submit(task(batch))
            for event in pool.step():
                if isinstance(event, int):
                    if on_done is not None:
                        on_done(event)
                    continue
                items = event.task.key
                told = event.task.ticked  # what on_done already heard of this task
                if event.died is not None:
                    if on_done is not None and told:
                        on_done(-told)  # that work died with the worker: its articles are redone
                    told = 0
                    if event.task.attempt == 1:
                        for item in reversed(items):
                            pool.submit(task([item], 2), first=True)
                        notes.append(f"a worker process died ({event.died}) holding {len(items)} article(s); "
                                     "they were redone one at a time")
                        continue
                    (index, source), = items
                    code = "timeout" if event.overdue else "worker-died"
                    results[index] = error_record(source.id, code,
                                                  f"the worker process died twice on it ({event.died})")
                elif event.error is not None:
                    raise event.error
                else:
                    for (index, _), rec in zip(items, event.value, strict=True):
                        results[index] = rec
                if on_done is not None and len(items) > told:
                    on_done(len(items) - told)
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
        finished = True
    finally:
        # Stopped early (closed pipe, Ctrl-C, error): don't wait for batches nobody will read.
        pool.close(force=not finished)
