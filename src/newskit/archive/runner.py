"""Run a command over an archive into an output folder or database: plan shards, skip complete parts, run the
rest on an engine, keep the manifest current. Yields progress events; computation never prints."""
from __future__ import annotations

from collections.abc import Generator, Iterator

from newskit import __version__
from newskit.archive import manifest, parts
from newskit.archive.errors import ArchiveError
from newskit.archive.job import Job, collect_shard, run_shard
from newskit.archive.shards import FILES_PER_SHARD, find_shards
from newskit.archive.storage import filesystem, join
from newskit.output.formats import ARCHIVES, implied_format

FORMATS = ARCHIVES


def default_format(output: str) -> str:
    """Return the format an output path implies: sqlite for FILE.db/.sqlite/.sqlite3, else jsonl."""
    return implied_format(output)


def run_archive(job: Job, inputs, output: str, *, engine: str = "local", scheduler: str | None = None,
                workers: int = 1, overwrite: bool = False, retries: int = 2,
                files_per_shard: int = FILES_PER_SHARD, client=None) -> Iterator[dict]:
    """Yield events of an archive run: "plan", "cluster" (dask), one "shard" per finished shard, then "end".

    `client`: an existing dask.distributed Client to use (its cluster is left running)."""
    if job.format == "parquet" or engine == "dask":
        _require(engine)
    shards = find_shards(inputs, input_format=job.input_format, files_per_shard=files_per_shard, exclude=output)
    settings = job.settings()
    store: _FolderStore | _SqliteStore
    if job.format == "sqlite":
        store = _SqliteStore(output, settings, overwrite)
    else:
        run = {"engine": engine, "scheduler": scheduler, "workers": workers}
        store = _FolderStore(output, job.format, settings, overwrite, run)
    plan = store.plan(shards)
    yield {"event": "plan", "shards": len(shards), "todo": len(plan.todo), "skipped": len(plan.done),
           "output": output}
    fn = collect_shard if job.format == "sqlite" else run_shard
    records = errors = 0
    failed: list[tuple[str, str]] = []
    todo = plan.todo if engine == "local" and workers <= 1 else largest_first(plan.todo)
    results = _engine_results(todo, job, fn, output, engine, scheduler, workers, retries, client)
    try:
        for event in results:
            if event.get("event") == "cluster":
                yield event
                continue
            store.finish(event)
            event.pop("rows", None)
            if event["status"] == "failed":
                failed.append((event["shard"], event["message"]))
            else:
                records += event["records"]
                errors += event["errors"]
            yield {"event": "shard", **event}
    finally:
        results.close()
        store.close()
    from newskit.archive.identities import resolve_output

    identities = resolve_output(output, job.format, job.command)
    yield {"event": "end", "records": records, "errors": errors, "failed": failed, "ran": len(plan.todo),
           "skipped": len(plan.done), "identities": identities}


def largest_first(todo: list) -> list:
    """Order (shard, part) pairs for workers running side by side: largest shards first, so the last to start are
    the shortest and the workers finish close together instead of one working on alone (equal sizes keep input
    order). Parts keep their numbers, so the output is the same in any order."""
    return sorted(todo, key=lambda item: -item[0].size)


def _require(engine: str) -> None:
    from newskit.archive.errors import missing_extra

    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise missing_extra("--engine dask" if engine == "dask" else "--format parquet") from None
    if engine == "dask":
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise missing_extra("--engine dask") from None


def _engine_results(todo, job, fn, output, engine, scheduler, workers, retries,
                    client) -> Generator[dict, None, None]:
    if engine == "local":
        from newskit.archive.engine import run_local

        yield from run_local(todo, job, fn, output, workers)
        return
    from newskit.archive.cluster import connect, run_dask
    from newskit.pipeline import needs_model

    if not todo:
        return
    own = client is None
    cluster = None
    if own and not scheduler and needs_model(job.tasks):
        from newskit.nlp import check_available

        check_available(job.model)  # before starting processes that would each fail to load it
    if own:
        client, cluster = connect(scheduler, workers or 2)
    try:
        yield {"event": "cluster", "dashboard": client.dashboard_link,
               "workers": len(client.scheduler_info().get("workers", {})), "scheduler": client.scheduler.address}
        yield from run_dask(todo, job, fn, output, client=client, retries=retries)
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()


class _FolderStore:
    """An output folder of parts with its _manifest.json."""

    def __init__(self, out: str, fmt: str, settings: dict, overwrite: bool, run: dict):
        self.out, self.fmt, self.fs = out, fmt, filesystem(out)
        old = manifest.load(out)
        if overwrite:
            self._clear(old)
            old = None
        elif old is None and self.fs.isdir(out) and self.fs.ls(out):
            raise ArchiveError(f"{out} is not empty and holds no {manifest.MANIFEST}; use an empty folder "
                               "or --overwrite")
        if self.fs.exists(out) and not self.fs.isdir(out):
            raise ArchiveError(f"{out} is a file; --format {fmt} writes a folder")
        manifest.check_settings((old or {}).get("settings"), settings, out)
        self.fs.makedirs(out, exist_ok=True)
        parts.remove_temps(out)
        self.data = {"newskit": __version__, "settings": settings, "run": run,
                     "shards": (old or {}).get("shards", {})}

    def _clear(self, old) -> None:
        for entry in (old or {}).get("shards", {}).values():
            for table in ("", "articles", "entities", "mentions", "dates", "quotes", "events"):
                for suffix in (".jsonl", ".parquet"):
                    path = join(self.out, table, parts.part_name(entry["part"]) + suffix) if table else \
                        join(self.out, parts.part_name(entry["part"]) + suffix)
                    if self.fs.exists(path):
                        self.fs.rm(path)
        if self.fs.exists(join(self.out, manifest.MANIFEST)):
            self.fs.rm(join(self.out, manifest.MANIFEST))

    def _complete(self, entry: dict) -> bool:
        return self.fs.exists(parts.final_path(self.out, self.fmt, entry["part"]))

    def plan(self, shards):
        plan = manifest.plan(shards, self.data["shards"], self._complete)
        self.data["shards"] = plan.entries
        for name in plan.done:
            entry = plan.entries[name]
            if entry.get("status") != "done":  # completed by a run killed before it could record it
                entry["records"], entry["errors"] = parts.count_part(self.out, self.fmt, entry["part"])
                entry["status"] = "done"
        self._save()
        return plan

    def finish(self, result: dict) -> None:
        entry = self.data["shards"][result["shard"]]
        entry["status"] = result["status"]
        if result["status"] == "done":
            entry["records"], entry["errors"] = result["records"], result["errors"]
        else:
            entry["message"] = result["message"]
        self._save()

    def _save(self) -> None:
        entries = self.data["shards"].values()
        self.data["records"] = sum(e.get("records") or 0 for e in entries)
        self.data["errors"] = sum(e.get("errors") or 0 for e in entries)
        manifest.save(self.out, self.data)

    def close(self) -> None:
        parts.remove_temps(self.out)


class _SqliteStore:
    """One SQLite database: shards committed with their rows, settings in _newskit_settings."""

    def __init__(self, path: str, settings: dict, overwrite: bool):
        from newskit.archive import sqlite

        self.sqlite = sqlite
        self.con = sqlite.connect(path)
        if overwrite:
            sqlite.clear(self.con)
        manifest.check_settings(sqlite.settings(self.con), settings, path)
        sqlite.save_settings(self.con, settings)
        self.entries: dict[str, dict] = {}

    def plan(self, shards):
        plan = manifest.plan(shards, self.sqlite.entries(self.con), lambda e: e.get("status") == "done")
        self.entries = plan.entries
        return plan

    def finish(self, result: dict) -> None:
        if result["status"] != "done":
            return
        entry = self.entries[result["shard"]]
        result["records"], result["errors"] = self.sqlite.add_shard(
            self.con, result["shard"], entry["part"], entry["fingerprint"], entry["inputs"], result["rows"])

    def close(self) -> None:
        self.con.close()
