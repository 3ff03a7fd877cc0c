"""`--output`: run an article command over an archive into files (JSONL parts, Parquet tables, SQLite), reporting
progress on stderr. The work is newskit.archive's; this module only checks options and prints its events."""
from __future__ import annotations

import os
import sys
from typing import Any

import click

from newskit.cli.options import Failure, shown
from newskit.errors import ExitStatus, NewskitError

REFUSED_SHOWN = 10  # duplicate ids named one by one per shard; the rest are counted


def run_to_output(command, tasks, inputs, *, output, output_format, engine, scheduler, text_column, id_column,
                  overwrite, input_format, published, model, workers, max_bytes, debug, progress,
                  timeout=None) -> None:
    """Run the archive job, print its progress on stderr, and exit with the contract's status code."""
    from newskit.archive import Job, default_format, run_archive

    if "-" in inputs:
        raise click.UsageError("--output reads files, folders, globs or URLs, not stdin")
    fmt = output_format or default_format(output)
    job = Job(command, tuple(tasks), format=fmt, model=model, input_format=input_format, published=published,
              text_column=text_column, id_column=id_column, max_bytes=max_bytes, debug=debug,
              timeout=timeout or None)
    workers = workers or max(1, min(os.cpu_count() or 1, 4))
    bar = _Progress(force=bool(progress)) if progress or (progress is None and sys.stderr.isatty()) else None
    say = bar.say if bar is not None else _say
    end = None
    try:
        for event in run_archive(job, inputs, output, engine=engine, scheduler=scheduler, workers=workers,
                                 overwrite=overwrite, on_articles=bar.articles if bar is not None else None):
            end = event if event["event"] == "end" else end
            _show(event, bar, say)
    except KeyboardInterrupt:
        if bar is not None:
            bar.stop()
        _say("interrupted; complete parts are kept, run the same command to finish")
        sys.exit(130)
    except NewskitError as exc:
        if debug:
            raise
        raise Failure(str(exc)) from None
    except OSError as exc:
        if debug:
            raise
        raise Failure(f"writing {exc.filename or output}: {exc.strerror or exc}") from None
    finally:
        if bar is not None:
            bar.stop()
    from newskit.cli.run import exit_status

    sys.exit(exit_status(end["errors"] + len(end["failed"]), end["notes"]) if end else ExitStatus.OK)


def _say(message: str) -> None:
    click.echo(f"newskit: {message}", err=True)


def _show(event: dict, bar, say) -> None:
    kind = event["event"]
    if kind == "plan":
        done = f", {event['skipped']} already complete" if event["skipped"] else ""
        say(f"{event['shards']} shards{done}, {event['todo']} to run → {shown(event['output'])}")
        if bar is not None:
            bar.start(event["todo"])
    elif kind == "cluster":
        say(f"dask scheduler {event['scheduler']} ({event['workers']} workers), dashboard {event['dashboard']}")
    elif kind == "note":
        say(shown(event["message"]))
    elif kind == "shard":
        name = shown(event["shard"])
        if event["status"] == "failed":
            say(f"shard {name} failed: {shown(event['message'])}")
        else:
            refused = event.get("refused") or []
            for article, holder in refused[:REFUSED_SHOWN]:
                say(f"{name}: id {shown(article)!r} is already in the database from {shown(holder)}; "
                    "this article was not stored [duplicate-id]")
            if len(refused) > REFUSED_SHOWN:
                say(f"{name}: {len(refused) - REFUSED_SHOWN} more duplicate ids not stored [duplicate-id]")
            if event["errors"]:
                say(f"{name}: {event['errors']} of {event['records']} inputs failed "
                    "(error records written in their place)")
        if bar is not None:
            bar.shard(event.get("records") or 0)
        elif event["status"] == "done":
            say(f"part-{event['part']:05d} done: {name} ({event['records']} records)")
    elif kind == "end":
        if bar is not None:
            bar.stop()
        failed = event["failed"]
        _say(f"{event['records']} records ({event['errors']} failed inputs) from {event['ran']} shards; "
             f"{event['skipped']} skipped as complete" + (f"; {len(failed)} shards failed: "
             + ", ".join(shown(name) for name, _ in failed) if failed else ""))


class _Progress:
    """A rich progress bar on stderr: shards done of the total, and articles done as they finish inside shards
    (local engine: per article; Dask: per shard). Lines printed meanwhile go above the bar, never onto it."""

    def __init__(self, force: bool):
        self.force, self.done, self.ticked = force, 0, False
        self.bar: Any = None  # a rich Progress, imported only when a run starts

    def start(self, total: int) -> None:
        from newskit.io.progress import rich_bar

        self.bar = rich_bar("newskit shards", "{task.fields[records]} articles", self.force)
        self.bar.start()
        self.task = self.bar.add_task("shards", total=total, records=0)

    def articles(self, n: int) -> None:
        if self.bar is not None:
            self.done += n
            self.ticked = True
            self.bar.update(self.task, records=f"{self.done:,}")

    def shard(self, records: int) -> None:
        if self.bar is not None:
            if not self.ticked:  # a Dask run: articles are known per shard
                self.done += records
            self.bar.update(self.task, advance=1, records=f"{self.done:,}")

    def say(self, message: str) -> None:
        if self.bar is not None:
            self.bar.console.print(f"newskit: {message}", markup=False, highlight=False, soft_wrap=True)
        else:
            _say(message)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
