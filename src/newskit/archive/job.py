"""What an archive run asks for (the Job) and the unit of work every engine runs: one shard in, one part out."""
from __future__ import annotations

from dataclasses import dataclass

from newskit import __version__
from newskit.archive.errors import ShardError
from newskit.archive.parts import write_part
from newskit.archive.reading import read_shard
from newskit.archive.shards import Shard
from newskit.nlp import model_name
from newskit.pipeline import analyze
from newskit.workers import tick


@dataclass(frozen=True)
class Job:
    """An archive run's settings: the command, output format, model and how inputs are read."""

    command: str
    tasks: tuple[str, ...]
    format: str = "jsonl"
    model: str | None = None
    input_format: str = "auto"
    published: str | None = None
    text_column: str = "text"
    id_column: str | None = None
    max_bytes: int = 50 * 1024 * 1024
    debug: bool = False
    timeout: float | None = None  # seconds per article (--timeout-per-article); None: no limit

    @property
    def record_tasks(self) -> tuple[str, ...]:
        """Return the tasks records are built with: tables also keep the article text (for full-text search)."""
        return self.tasks if self.format == "jsonl" else tuple(self.tasks) + ("text",)

    def settings(self) -> dict:
        """Return what the output records depend on, as stored in the manifest and checked on resume."""
        name = model_name(self.model)
        return {"command": self.command, "tasks": list(self.tasks), "format": self.format, "model": name,
                "model_version": model_version(name), "newskit_version": __version__,
                "input_format": self.input_format, "published": self.published, "text_column": self.text_column,
                "id_column": self.id_column}


def model_version(name: str) -> str | None:
    """Return the version of an installed spaCy pipeline (package or folder) without loading it."""
    import json
    from importlib import metadata
    from pathlib import Path

    meta = Path(name) / "meta.json"
    if meta.is_file():
        return json.loads(meta.read_text(encoding="utf-8")).get("version")
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        try:
            return metadata.version(name.replace("_", "-"))
        except metadata.PackageNotFoundError:
            return None


def records_of(job: Job, shard: Shard):
    """Yield the records of a shard's articles, in order (raises ShardError when the shard is unreadable); each
    finished article is counted for the progress bar and as proof of life for the worker pool."""
    sources = read_shard(shard, input_format=job.input_format, published=job.published, max_bytes=job.max_bytes,
                         text_column=job.text_column, id_column=job.id_column)
    for rec in analyze(sources, job.record_tasks, model=job.model, workers=1, debug=job.debug, timeout=job.timeout):
        tick()
        yield rec


def run_shard(job: Job, shard: Shard, part: int, out: str) -> dict:
    """Write one shard's part into `out` (for SQLite, the spool part the run commits); return its counts, or its
    one-line failure for unreadable input.

    A ShardError (corrupt file, missing column) is returned, not raised: retrying cannot fix it. Anything else
    raises, so the engine retries the shard elsewhere."""
    try:
        n, failed = write_part(records_of(job, shard), out, job.format, job.command, part)
    except ShardError as exc:
        return {"shard": shard.name, "part": part, "status": "failed", "message": str(exc)}
    return {"shard": shard.name, "part": part, "status": "done", "records": n, "errors": failed}
