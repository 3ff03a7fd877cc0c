"""Archives beyond one machine: shard inputs, run them on this machine or a Dask cluster, write resumable outputs.

    from newskit.archive import Job
    from newskit.archive.runner import run_archive
    job = Job("entities", ("parse", "entities", "dates"), format="parquet")
    for event in run_archive(job, ["archive/*.jsonl.gz"], "out", engine="dask"):
        ...

Outputs: JSONL parts (the `--jsonl` records), flat Parquet tables joined by article id (schema in
`newskit.archive.tables.COLUMNS`), or one SQLite database with keys and full-text search. Nothing here imports
dask, fsspec or pyarrow until a run needs them. The runner is imported from its module, not re-exported here: it
reaches newskit.dask, which reads archive inputs and tables, so the package itself stays below both."""
from __future__ import annotations

from newskit.archive.errors import ArchiveError, ShardError
from newskit.archive.job import Job
from newskit.archive.shards import Shard, find_shards
from newskit.archive.tables import COLUMNS, COMMAND_TABLES, TABLES

__all__ = ["ArchiveError", "ShardError", "Job", "Shard", "find_shards", "COLUMNS", "COMMAND_TABLES", "TABLES"]
