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
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout=CONNECT_TIMEOUT), None
        except (OSError, ValueError, TypeError) as exc:  # refused, timed out, or not an address
            raise ArchiveError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
    cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                           dashboard_address=":0", silence_logs=logging.ERROR)
    return Client(cluster), cluster


def run_dask(todo, job: Job, fn: Callable, out: str, *, client, retries: int = RETRIES) -> Iterator[dict]:
    """Yield the result of every (shard, part) in `todo` as the cluster finishes it."""
    from distributed import as_completed

    client.register_plugin(ModelPlugin(job.model, job.record_tasks))
    run = uuid.uuid4().hex[:8]
    futures = {}
    for shard, part in todo:
        fut = client.submit(fn, job, shard, part, out, key=f"newskit-{run}-part-{part:05d}", retries=retries,
                            pure=False)
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
