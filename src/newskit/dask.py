"""newskit on Dask, in one module: archive runs on a cluster (`--engine dask`, used by newskit.archive), and the
pipeline mapped over your own Dask collections.

    import dask.bag as db
    import newskit.dask
    records = newskit.dask.analyze_bag(db.read_text("archive-*.jsonl").map(json.loads), tasks=("entities",))
    people = newskit.dask.analyze_frame(ddf, text_column="body", id_column="url", table="entities")

Each worker process loads the spaCy model once: archive runs register a worker plugin (it also sets up workers
that join or are restarted later), and collections load it the first time a partition needs it (newskit caches
it per process); the model is never shipped inside tasks. Records are `newskit.record` values (`to_dict()` gives
exactly the `--jsonl` record). An archive run submits each shard as one task with retries; a worker that dies
mid-shard has its shard rerun elsewhere (and the run says so), and parts are renamed into place only when whole.
Needs the dask extra: from a clone, pip install ".[dask]"."""
from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable, Iterator

from newskit.archive.engine import FATAL, failure
from newskit.archive.errors import ArchiveError
from newskit.archive.reading import read_objects
from newskit.archive.tables import COLUMNS, rows
from newskit.output.render import to_jsonl
from newskit.pipeline import COMMAND_TASKS, TASKS, analyze, needs_model
from newskit.record import AnyRecord
from newskit.workers import _load_model

try:  # only archive runs on a cluster need distributed; bags and frames need dask alone
    from distributed import WorkerPlugin
except ImportError:  # pragma: no cover - without the extra
    WorkerPlugin = object  # type: ignore[assignment,misc]

__all__ = ["analyze_bag", "analyze_frame", "analyze_partition", "connect", "run_dask"]

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
        if needs_model(self.tasks):
            _load_model(self.model, self.tasks)


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


def _worker_addresses(client) -> set[str]:
    try:
        return set(client.scheduler_info().get("workers", {}))
    except Exception:  # the scheduler is going away: say nothing rather than fail the run
        return set()


def run_dask(todo, job, fn: Callable, out: str, *, client, retries: int = RETRIES) -> Iterator[dict]:
    """Yield the result of every (shard, part) in `todo` as the cluster finishes it, and a
    {"event": "note", "message"} when a worker left the cluster during the run (died or was stopped): the
    shards it held run again elsewhere."""
    from distributed import as_completed

    client.register_plugin(ModelPlugin(job.model, job.record_tasks))
    run = uuid.uuid4().hex[:8]
    futures = {}
    for i, (shard, part) in enumerate(todo):  # in the order given: earlier shards get the higher priority
        fut = client.submit(fn, job, shard, part, out, key=f"newskit-{run}-part-{part:05d}", retries=retries,
                            pure=False, priority=len(todo) - i)
        futures[fut] = (shard, part)
    seen = _worker_addresses(client)
    try:
        for fut in as_completed(list(futures)):
            now = _worker_addresses(client)
            for gone in sorted(seen - now) if now else ():
                yield {"event": "note", "message": f"a Dask worker left the cluster ({gone}: died or was stopped); "
                                                   "the shards it held are run again on the others"}
            seen = now or seen
            if fut.status == "finished":
                yield fut.result()
            elif fut.status == "error":
                exc = fut.exception()
                if isinstance(exc, FATAL):
                    raise exc
                yield failure(*futures[fut], exc)
            else:  # cancelled: the scheduler lost it (it restarted, or the client was disconnected)
                yield failure(*futures[fut], RuntimeError(f"task {fut.status} by the cluster"))
            fut.release()
    finally:
        client.cancel([f for f in futures if not f.done()])


def _tasks(tasks) -> tuple[str, ...]:
    """Return the tasks to run: a command's name ("entities") stands for what that command fills."""
    if isinstance(tasks, str):
        tasks = COMMAND_TASKS.get(tasks, (tasks,))
    tasks = tuple(tasks)
    return tasks if "parse" in tasks else ("parse",) + tasks


def analyze_partition(items: Iterable, tasks=TASKS, *, model: str | None = None, published: str | None = None,
                      where: str = "partition") -> list[AnyRecord]:
    """Return the records of one partition's articles: texts (str) or JSONL-like dicts {"text"|"html", "id"?, …}.

    A text gets the id WHERE:N (N its 1-based position); a dict keeps its "id", else gets the same."""

    objects = []
    for n, item in enumerate(items, 1):
        obj = {"text": item} if isinstance(item, str) else dict(item)
        if obj.get("id") is None:
            obj["id"] = f"{where}:{n}"
        objects.append(obj)
    sources = read_objects(objects, where, published=published)
    return list(analyze(sources, _tasks(tasks), model=model, workers=1))


def analyze_bag(bag, tasks=TASKS, *, model: str | None = None, published: str | None = None):
    """Return a Dask bag of records, one per article of `bag` (texts or JSONL-like dicts), partition by partition."""
    import dask
    import dask.bag as db

    parts = [dask.delayed(analyze_partition)(p, tasks, model=model, published=published, where=f"p{i}")
             for i, p in enumerate(bag.to_delayed())]
    return db.from_delayed(parts)


def analyze_frame(ddf, *, text_column: str = "text", id_column: str | None = None, tasks=TASKS,
                  model: str | None = None, published: str | None = None, table: str | None = None):
    """Return a Dask dataframe of results for a dataframe with a text (or html) column.

    table=None: columns `id` and `record` (the record as its `--jsonl` line). table="articles", "entities",
    "mentions", "dates", "quotes" or "events": that flat table (the Parquet schema of newskit.archive.tables).
    Other columns of `ddf` travel into each record's "meta"."""
    import pandas as pd


    if text_column not in ddf.columns:
        raise ValueError(f"no column {text_column!r} (columns: {', '.join(map(str, ddf.columns))})")
    if table is not None and table not in COLUMNS:
        raise ValueError(f"no table {table!r}; choose one of {', '.join(COLUMNS)}")
    key = "html" if text_column == "html" else "text"
    renames = {text_column: key, **({id_column: "id"} if id_column else {})}
    meta = _frame_meta(table, pd)
    return ddf.map_partitions(_frame_partition, renames, _tasks(tasks), model, published, table, meta=meta,
                              align_dataframes=False)


def _frame_meta(table, pd):

    if table is None:
        return pd.DataFrame({"id": pd.Series(dtype="string"), "record": pd.Series(dtype="string")})
    dtypes = {"str": "string", "int": "Int64", "float": "float64", "bool": "boolean", "date": "string",
              "list": "object", "json": "string"}
    return pd.DataFrame({name: pd.Series(dtype=dtypes[kind]) for name, kind in COLUMNS[table]})


def _frame_partition(df, renames, tasks, model, published, table):
    import pandas as pd


    objects = [{renames.get(k, k): _plain(v) for k, v in row.items() if k in renames or k not in renames.values()}
               for row in df.to_dict(orient="records")]
    if table is not None:
        tasks = tasks + ("text",)
    records = analyze_partition(objects, tasks, model=model, published=published, where="frame")
    meta = _frame_meta(table, pd)
    if table is None:
        out = pd.DataFrame({"id": [r.id for r in records], "record": [to_jsonl(r) for r in records]})
    else:
        out = pd.DataFrame([row for r in records for row in rows(r).get(table, [])], columns=list(meta.columns))
    return out.astype(meta.dtypes.to_dict())


def _plain(value):
    """Return a cell as JSON can hold it (pandas NA → None; numpy scalars → Python)."""
    try:
        import pandas as pd

        if not isinstance(value, (list, dict, str)) and pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value.item() if hasattr(value, "item") and not isinstance(value, (str, bytes)) else value
