"""Run shards on this machine: in this process, or over newskit's supervised worker pool (newskit.workers), the
same pool `--jsonl` runs use, so a worker that dies mid-shard is replaced and its shard run again.

Every engine takes the same unit (`fn(job, shard, part, out)` from job.py) and yields each shard's result dict as
it finishes, in completion order; a shard whose unit raises is yielded as failed, with the error named. Errors
that no other shard could escape (the model cannot load, the output cannot be written) stop the run."""
from __future__ import annotations

from collections.abc import Callable, Iterator

from newskit import workers as pool_module
from newskit.archive.job import Job
from newskit.errors import ModelError, OutputError
from newskit.nlp import check_available
from newskit.pipeline import needs_model
from newskit.workers import _load_model

# Errors that end the whole run instead of failing one shard: every other shard would meet them too.
FATAL = (ModelError, OutputError)


def _init_worker(model, tasks) -> None:
    if needs_model(tasks):
        _load_model(model, tasks)


def failure(shard, part: int, exc: BaseException | str) -> dict:
    """Return the result of a shard whose unit raised (or that failed for the reason given)."""
    message = exc if isinstance(exc, str) else f"{exc.__class__.__name__}: {exc}"
    return {"shard": shard.name, "part": part, "status": "failed", "message": message}


def _run_here(fn: Callable, job: Job, shard, part: int, out: str) -> dict:
    try:
        return fn(job, shard, part, out)
    except FATAL:
        raise
    except Exception as exc:  # one shard's bug must not end the run; it is reported by name
        if job.debug:
            raise
        return failure(shard, part, exc)


def run_local(todo, job: Job, fn: Callable, out: str, workers: int = 1,
              on_articles: Callable[[int], None] | None = None) -> Iterator[dict]:
    """Yield the result of every (shard, part) in `todo`, run here (workers <= 1) or in a supervised pool.

    `on_articles(n)`: told as articles finish inside shards (progress). Besides shard results, yields
    {"event": "note", "message"} when a worker died and its shard was run again."""
    if workers <= 1 or len(todo) <= 1:
        pool_module._LOCAL_TICK = on_articles
        try:
            for shard, part in todo:
                yield _run_here(fn, job, shard, part, out)
        finally:
            pool_module._LOCAL_TICK = None
        return
    if needs_model(job.tasks):
        check_available(job.model)
    # Budget between two finished articles before the worker is killed from outside: its in-process deadline
    # (job.timeout) normally ends the article first.
    budget = 3 * job.timeout if job.timeout else None
    pool = pool_module.Pool(min(workers, len(todo)), _init_worker, (job.model, job.record_tasks))
    for shard, part in todo:
        pool.submit(pool_module.Task((shard, part), fn, (job, shard, part, out), budget))
    finished = False
    try:
        yield from _supervised(pool, job, on_articles)
        finished = True
    finally:
        pool.close(force=not finished)


def _supervised(pool, job: Job, on_articles: Callable[[int], None] | None) -> Iterator[dict]:
    """Yield the pool's shard results until it is empty: a shard whose worker died is run once more."""
    while pool.load:
        for event in pool.step():
            if isinstance(event, int):
                if on_articles is not None:
                    on_articles(event)
                continue
            shard, part = event.task.key
            if event.died is not None:
                if event.task.attempt == 1:
                    event.task.attempt = 2
                    pool.submit(event.task, first=True)
                    yield {"event": "note", "message": f"a worker process died ({event.died}) running shard "
                                                       f"{shard.name}; the shard is run again"}
                else:
                    yield failure(shard, part, f"the worker process died twice on it ({event.died})")
            elif event.error is not None:
                if isinstance(event.error, FATAL) or job.debug:
                    raise event.error
                yield failure(shard, part, event.error)
            else:
                yield event.value
