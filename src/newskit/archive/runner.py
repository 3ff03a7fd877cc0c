"""Run a command over an archive into an output folder or database: lock the output, plan shards, skip complete
parts, run the rest on an engine, keep the manifest current. Yields progress events; computation never prints."""
from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator

from newskit import __version__
from newskit.archive import manifest, parts, sqlite
from newskit.archive.engine import run_local
from newskit.archive.errors import ArchiveError, missing_extra
from newskit.archive.identities import resolve_output
from newskit.archive.job import Job, run_shard
from newskit.archive.lock import LOCK_NAME, RunLock
from newskit.archive.shards import FILES_PER_SHARD, find_shards
from newskit.archive.storage import filesystem, join
from newskit.errors import OutputError
from newskit.nlp import check_available
from newskit.output.formats import implied_format
from newskit.pipeline import needs_model


def default_format(output: str) -> str:
    """Return the format an output path implies: sqlite for FILE.db/.sqlite/.sqlite3, else jsonl."""
    return implied_format(output)


def run_archive(job: Job, inputs, output: str, *, engine: str = "local", scheduler: str | None = None,
                workers: int = 1, overwrite: bool = False, retries: int = 2,
                files_per_shard: int = FILES_PER_SHARD, client=None,
                on_articles: Callable[[int], None] | None = None) -> Iterator[dict]:
    """Yield events of an archive run: "plan", "cluster" (dask), "note" (a worker died; nothing lost), one "shard"
    per finished shard, then "end".

    `client`: an existing dask.distributed Client to use (its cluster is left running). `on_articles(n)`: told as
    articles finish inside shards, for a progress bar (local engine only; Dask reports whole shards)."""
    if job.format == "parquet" or engine == "dask":
        _require(engine)
    store: _FolderStore | _SqliteStore
    if job.format == "sqlite":
        store = _SqliteStore(output, job.settings(), overwrite)
    else:
        run = {"engine": engine, "scheduler": scheduler, "workers": workers}
        store = _FolderStore(output, job.format, job.settings(), overwrite, run)
    try:
        shards = find_shards(inputs, input_format=job.input_format, files_per_shard=files_per_shard,
                             exclude=output, known=store.known())
        plan = store.plan(shards)
        yield {"event": "plan", "shards": len(shards), "todo": len(plan.todo), "skipped": len(plan.done),
               "output": output}
        records = errors = 0
        failed: list[tuple[str, str]] = []
        notes: list[str] = []
        todo = plan.todo if engine == "local" and workers <= 1 else largest_first(plan.todo)
        results = _engine_results(todo, job, store.out, engine, scheduler, workers, retries, client, on_articles)
        try:
            for event in results:
                if event.get("event") in ("cluster", "note"):
                    if event["event"] == "note":
                        notes.append(event["message"])
                    yield event
                    continue
                store.finish(event)
                if event["status"] == "failed":
                    failed.append((event["shard"], event["message"]))
                else:
                    records += event["records"]
                    errors += event["errors"]
                yield {"event": "shard", **event}
        finally:
            results.close()
        end = {"event": "end", "records": records, "errors": errors, "failed": failed, "ran": len(plan.todo),
               "skipped": len(plan.done), "notes": notes}
    finally:
        store.close()
    end["identities"] = resolve_output(output, job.format, job.command)
    yield end


def largest_first(todo: list) -> list:
    """Order (shard, part) pairs for workers running side by side: largest shards first, so the last to start are
    the shortest and the workers finish close together instead of one working on alone (equal sizes keep input
    order). Parts keep their numbers, so the output is the same in any order."""
    return sorted(todo, key=lambda item: -item[0].size)


def _require(engine: str) -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise missing_extra("--engine dask" if engine == "dask" else "--format parquet") from None
    if engine == "dask":
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise missing_extra("--engine dask") from None


def _engine_results(todo, job, out, engine, scheduler, workers, retries, client,
                    on_articles) -> Generator[dict, None, None]:
    if engine == "local":
        yield from run_local(todo, job, run_shard, out, workers, on_articles)
        return
    from newskit.dask import connect, run_dask  # the dask extra: only --engine dask runs import it

    if not todo:
        return
    own = client is None
    cluster = None
    if own and not scheduler and needs_model(job.tasks):
        check_available(job.model)  # before starting processes that would each fail to load it
    if own:
        client, cluster = connect(scheduler, workers or 2)
    try:
        yield {"event": "cluster", "dashboard": client.dashboard_link,
               "workers": len(client.scheduler_info().get("workers", {})), "scheduler": client.scheduler.address}
        yield from run_dask(todo, job, run_shard, out, client=client, retries=retries)
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()


def _checked(what: str, exc: OSError) -> OutputError:
    return OutputError(f"writing {what}: {exc.strerror or exc}")


class _FolderStore:
    """An output folder of parts with its _manifest.json, locked for the run."""

    def __init__(self, out: str, fmt: str, settings: dict, overwrite: bool, run: dict):
        self.out, self.fmt, self.fs = out, fmt, filesystem(out)
        if self.fs.exists(out) and not self.fs.isdir(out):
            raise ArchiveError(f"{out} is a file; --format {fmt} writes a folder")
        try:
            self.fs.makedirs(out, exist_ok=True)
        except OSError as exc:
            raise _checked(out, exc) from None
        self.lock = RunLock(out, folder=True)
        try:
            old = None if overwrite else manifest.load(out)
            if overwrite:
                parts.clear(out)
            elif old is None and [f for f in self.fs.ls(out) if not str(f).endswith(LOCK_NAME)]:
                raise ArchiveError(f"{out} is not empty and holds no {manifest.MANIFEST}; use an empty folder "
                                   "or --overwrite")
            manifest.check_settings((old or {}).get("settings"), settings, out)
            parts.remove_temps(out)
        except BaseException:
            self.lock.release()
            raise
        self.data = {"newskit": __version__, "settings": settings, "run": run,
                     "shards": (old or {}).get("shards", {})}

    def known(self) -> dict[str, dict]:
        return self.data["shards"]

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
        try:
            manifest.save(self.out, self.data)
        except OSError as exc:
            raise _checked(join(self.out, manifest.MANIFEST), exc) from None

    def close(self) -> None:
        try:
            parts.remove_temps(self.out)
        finally:
            self.lock.release()


class _SqliteStore:
    """One SQLite database, locked for the run: each shard's part is written by its worker as a spool file beside
    the database, then committed here in one transaction, a batch of rows at a time (memory bounded by a batch,
    not a shard), together with its line in `_newskit_shards`."""

    def __init__(self, path: str, settings: dict, overwrite: bool):
        if "://" in path:
            raise ArchiveError(f"{path}: --format sqlite writes a local file")
        self.sqlite, self.path = sqlite, path
        self.lock = RunLock(path, folder=False)
        try:
            self.con = sqlite.connect(path)
            try:
                if overwrite:
                    sqlite.clear(self.con)
                manifest.check_settings(sqlite.settings(self.con), settings, path)
                sqlite.save_settings(self.con, settings)
                self.out = sqlite.spool_folder(path)
                os.makedirs(self.out, exist_ok=True)
                parts.clear(self.out)
                parts.remove_temps(self.out)
            except BaseException:
                self.con.close()
                raise
        except OSError as exc:
            self.lock.release()
            raise _checked(path, exc) from None
        except sqlite.sqlite3.Error as exc:
            self.lock.release()
            raise sqlite.failed(path, exc) from None
        except BaseException:
            self.lock.release()
            raise
        self.entries: dict[str, dict] = {}

    def known(self) -> dict[str, dict]:
        return self.sqlite.entries(self.con)

    def plan(self, shards):
        plan = manifest.plan(shards, self.sqlite.entries(self.con), lambda e: e.get("status") == "done")
        self.entries = plan.entries
        return plan

    def finish(self, result: dict) -> None:
        if result["status"] != "done":
            return
        entry = self.entries[result["shard"]]
        spool = parts.final_path(self.out, "jsonl", entry["part"])
        try:
            result["records"], result["errors"], result["refused"] = self.sqlite.add_shard(
                self.con, result["shard"], entry["part"], entry["fingerprint"], entry["inputs"],
                parts.read_part(spool), where=self.path)
        finally:
            with _suppress_os():
                os.remove(spool)

    def close(self) -> None:
        try:
            self.con.close()
            with _suppress_os():
                parts.remove_temps(self.out)
                os.rmdir(self.out)
        finally:
            self.lock.release()


def _suppress_os():
    import contextlib

    return contextlib.suppress(OSError)
