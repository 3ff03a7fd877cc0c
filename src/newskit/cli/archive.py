"""`--output`: how a run over an archive into files (JSONL parts, Parquet tables, SQLite) shows its progress on
stderr. The work is newskit.archive's and the run loop is newskit.cli.run's; this module only prints events."""
from __future__ import annotations

import sys
from typing import Any

import click

from newskit.cli.options import shown

REFUSED_SHOWN = 10  # duplicate ids named one by one per shard; the rest are counted


class Events:
    """What an `--output` run shows on stderr as its events come: a progress bar on a terminal (or when asked),
    else one line per finished part; notes, failed shards and refused ids; the summary."""

    def __init__(self, progress: bool | None):
        self.bar = _Progress(force=bool(progress)) if progress or (progress is None and sys.stderr.isatty()) \
            else None
        self.say = self.bar.say if self.bar is not None else _say

    @property
    def on_articles(self):
        """Who is told as articles finish inside shards (the bar), or None."""
        return self.bar.articles if self.bar is not None else None

    def show(self, event: dict) -> None:
        _show(event, self.bar, self.say)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


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
        from newskit.io.progress import rich_bar  # rich's progress bar loads only when one is shown

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
