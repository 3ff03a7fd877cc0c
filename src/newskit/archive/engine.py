"""Run shards on this machine: in this process, or over a pool of worker processes that each load the model once.

Every engine takes the same unit (`fn(job, shard, part, out)` from job.py) and yields each shard's result dict as
it finishes, in completion order; a shard whose unit raises is yielded as failed, with the error named."""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from newskit.archive.job import Job
from newskit.errors import ModelError


def _init_worker(model, tasks) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it stops the pool
    from newskit.nlp import components_for, load
    from newskit.pipeline import needs_model

    if not needs_model(tasks):
        return
    # A missing model is reported by the shard that loads it again; failing here would respawn workers forever.
    with contextlib.suppress(ModelError):
        load(model, components_for(tasks))


def failure(shard, part: int, exc: BaseException) -> dict:
    """Return the result of a shard whose unit raised."""
    return {"shard": shard.name, "part": part, "status": "failed", "message": f"{exc.__class__.__name__}: {exc}"}


def _run_here(fn: Callable, job: Job, shard, part: int, out: str) -> dict:
    try:
        return fn(job, shard, part, out)
    except ModelError:
        raise
    except Exception as exc:  # one shard's bug must not end the run; it is reported by name
        if job.debug:
            raise
        return failure(shard, part, exc)


def run_local(todo, job: Job, fn: Callable, out: str, workers: int = 1) -> Iterator[dict]:
    """Yield the result of every (shard, part) in `todo`, run here (workers <= 1) or over a process pool."""
    if workers <= 1 or len(todo) <= 1:
        for shard, part in todo:
            yield _run_here(fn, job, shard, part, out)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from newskit.nlp import check_available
    from newskit.pipeline import needs_model

    if needs_model(job.tasks):
        check_available(job.model)
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                             initargs=(job.model, job.record_tasks)) as pool:
        futures = {pool.submit(fn, job, shard, part, out): (shard, part) for shard, part in todo}
        try:
            for fut in as_completed(futures):
                exc = fut.exception()
                if isinstance(exc, ModelError):
                    raise exc
                yield failure(*futures[fut], exc) if exc is not None else fut.result()
        finally:
            for fut in futures:
                fut.cancel()
