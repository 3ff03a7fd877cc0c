"""`--output`: run an article command over an archive into files (JSONL parts, Parquet tables, SQLite), reporting
progress on stderr. The work is newskit.archive's; this module only checks options and prints its events."""
from __future__ import annotations

import os
import sys
from typing import Any

import click

from newskit.errors import ExitStatus, NewskitError


def run_to_output(command, tasks, inputs, *, output, output_format, engine, scheduler, text_column, id_column,
                  overwrite, input_format, published, model, workers, max_bytes, debug, progress) -> None:
    """Run the archive job, print its progress on stderr, and exit with the contract's status code."""
    from newskit.archive import ArchiveError, Job, default_format, run_archive

    if "-" in inputs:
        raise click.UsageError("--output reads files, folders, globs or URLs, not stdin")
    fmt = output_format or default_format(output)
    job = Job(command, tuple(tasks), format=fmt, model=model, input_format=input_format, published=published,
              text_column=text_column, id_column=id_column, max_bytes=max_bytes, debug=debug)
    workers = workers or max(1, min(os.cpu_count() or 1, 4))
    bar = _Progress(force=bool(progress)) if progress or (progress is None and sys.stderr.isatty()) else None
    end = None
    try:
        for event in run_archive(job, inputs, output, engine=engine, scheduler=scheduler, workers=workers,
                                 overwrite=overwrite):
            end = event if event["event"] == "end" else end
            _show(event, bar)
    except KeyboardInterrupt:
        click.echo("newskit: interrupted; complete parts are kept, run the same command to finish", err=True)
        sys.exit(130)
    except (ArchiveError, NewskitError) as exc:
        if debug:
            raise
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        if debug:
            raise
        raise click.ClickException(f"cannot write {exc.filename or output}: {exc.strerror or exc}") from None
    finally:
        if bar is not None:
            bar.stop()
    sys.exit(ExitStatus.SOME_FAILED if end and (end["errors"] or end["failed"]) else ExitStatus.OK)


def _show(event: dict, bar) -> None:
    kind = event["event"]
    if kind == "plan":
        done = f", {event['skipped']} already complete" if event["skipped"] else ""
        click.echo(f"newskit: {event['shards']} shards{done}, {event['todo']} to run → {event['output']}", err=True)
        if bar is not None:
            bar.start(event["todo"])
    elif kind == "cluster":
        click.echo(f"newskit: dask scheduler {event['scheduler']} ({event['workers']} workers), "
                   f"dashboard {event['dashboard']}", err=True)
    elif kind == "shard":
        if event["status"] == "failed":
            click.echo(f"newskit: shard {event['shard']} failed: {event['message']}", err=True)
        elif event["errors"]:
            click.echo(f"newskit: {event['shard']}: {event['errors']} of {event['records']} inputs failed "
                       "(error records written in their place)", err=True)
        if bar is not None:
            bar.advance(event.get("records") or 0)
        elif event["status"] == "done":
            click.echo(f"newskit: part-{event['part']:05d} done: {event['shard']} ({event['records']} records)",
                       err=True)
    elif kind == "end":
        if bar is not None:
            bar.stop()
        failed = event["failed"]
        click.echo(f"newskit: {event['records']} records ({event['errors']} failed inputs) from {event['ran']} "
                   f"shards; {event['skipped']} skipped as complete" + (f"; {len(failed)} shards failed: "
                   + ", ".join(name for name, _ in failed) if failed else ""), err=True)


class _Progress:
    """A rich progress bar over shards on stderr."""

    def __init__(self, force: bool):
        self.force, self.records = force, 0
        self.bar: Any = None  # a rich Progress, imported only when a run starts

    def start(self, total: int) -> None:
        from newskit.io.progress import rich_bar

        self.bar = rich_bar("newskit shards", "{task.fields[records]} records", self.force)
        self.bar.start()
        self.task = self.bar.add_task("shards", total=total, records=0)

    def advance(self, records: int) -> None:
        if self.bar is not None:
            self.records += records
            self.bar.update(self.task, advance=1, records=self.records)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
