"""Run shards on a Dask cluster: a LocalCluster on this machine, or an existing scheduler's workers.

The model is loaded once per worker process by a worker plugin (registered plugins also set up workers that join
or are restarted later), never shipped inside tasks. Each shard is one task with retries; a worker that dies
mid-shard has its shard rerun elsewhere, and parts are renamed into place only when whole."""
from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterator

from distributed import WorkerPlugin  # this module is imported only by runs that checked the extra is there

from newskit.archive.engine import failure
from newskit.archive.errors import ArchiveError
from newskit.archive.job import Job

RETRIES = 2
CONNECT_TIMEOUT = "30s"
# Settings of the LocalCluster newskit starts (an existing scheduler keeps its own). Measured on 240 PolNeAR articles
# in 8 shards (bench/dask_scale.py): Dask's nannies set MALLOC_TRIM_THRESHOLD_=65536 in their workers, which turns off
# glibc's adaptive mmap threshold, so spaCy's arrays are mapped and unmapped on every batch: 15-20% more CPU per shard
# than the same shard in a plain process. Its statistical profiler samples the working thread every 10 ms (~3% more).
# worker-saturation 1.0 hands a worker its next shard only when it is free: the default 1.1 queues a second shard
# behind a running one (ceil(1.1) = 2 with one thread), and the other worker, done first, sat idle at the end.
LOCAL_CLUSTER_CONFIG = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,  # None: not set in the workers
    "distributed.worker.profile.enabled": False,
    "distributed.scheduler.worker-saturation": 1.0,
}


class ModelPlugin(WorkerPlugin):
    """Load newskit's spaCy pipeline once when a worker starts; tasks then find it in the process's cache."""

    name = "newskit-model"

    def __init__(self, model: str | None, tasks: tuple[str, ...]):
        self.model = model
        self.tasks = tuple(tasks)

    def setup(self, worker=None) -> None:
        from newskit.nlp import components_for, load
        from newskit.pipeline import needs_model

        if needs_model(self.tasks):
            load(self.model, components_for(self.tasks))


def connect(scheduler: str | None, workers: int):
    """Return (client, cluster or None): a client of `scheduler`, or of a new LocalCluster of `workers` processes."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout=CONNECT_TIMEOUT), None
        except (OSError, ValueError, TypeError) as exc:  # refused, timed out, or not an address
            raise ArchiveError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
    with dask.config.set(LOCAL_CLUSTER_CONFIG):  # read when the scheduler and nannies are made
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=logging.ERROR)
    return Client(cluster), cluster


def run_dask(todo, job: Job, fn: Callable, out: str, *, client, retries: int = RETRIES) -> Iterator[dict]:
    """Yield the result of every (shard, part) in `todo` as the cluster finishes it."""
    from distributed import as_completed

    client.register_plugin(ModelPlugin(job.model, job.record_tasks))
    run = uuid.uuid4().hex[:8]
    futures = {}
    for i, (shard, part) in enumerate(todo):  # in the order given: earlier shards get the higher priority
        fut = client.submit(fn, job, shard, part, out, key=f"newskit-{run}-part-{part:05d}", retries=retries,
                            pure=False, priority=len(todo) - i)
        futures[fut] = (shard, part)
    try:
        for fut in as_completed(list(futures)):
            if fut.status == "finished":
                yield fut.result()
            elif fut.status == "error":
                yield failure(*futures[fut], fut.exception())
            else:  # cancelled: the scheduler lost it (it restarted, or the client was disconnected)
                yield failure(*futures[fut], RuntimeError(f"task {fut.status} by the cluster"))
            fut.release()
    finally:
        client.cancel([f for f in futures if not f.done()])
