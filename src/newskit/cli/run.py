"""The one run loop behind the commands that analyze inputs: read → analyze → progress → failed inputs named →
exit status. `articles` prints the records records() yields and `report` writes them as pages; `--output` runs
go through archive(), which hands the same options to newskit.archive and counts its failed inputs, failed shards
and incidents into the same run, ended by the same exit()."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import click

from newskit.cli.options import Failure, pick_workers, progress_bar_if_asked, report_error, shown
from newskit.errors import ExitStatus, NewskitError

if TYPE_CHECKING:
    from newskit.record import AnyRecord, ErrorRecord


def exit_status(failed: int, notes: list[str]) -> ExitStatus:
    """0 when every input went through; 1 when one failed, or an incident happened that cost no record (a worker
    process that died and whose articles were redone): the run did not go as it should."""
    return ExitStatus.SOME_FAILED if failed or notes else ExitStatus.OK


@dataclass
class Run:
    """One command's pass over its inputs; records() yields them, counting failures, and exit() ends the run."""

    inputs: tuple[str, ...]
    input_format: str = "auto"
    published: str | None = None
    model: str | None = None
    workers: int = 0
    max_bytes: int = 50 * 1024 * 1024
    debug: bool = False
    timeout: float | None = None
    progress: bool | None = None
    failed: int = 0
    notes: list[str] = field(default_factory=list)

    def records(self, tasks: tuple[str, ...]) -> Iterator[AnyRecord]:
        """Yield the record of every input in order, drawing the progress bar and printing incident notes."""
        # The readers and the pipeline load when a run starts, not with `newskit --help`.
        from newskit.io.inputs import read_inputs
        from newskit.pipeline import analyze, needs_model

        sources = read_inputs(self.inputs, input_format=self.input_format, published=self.published,
                              max_bytes=self.max_bytes)
        bar = progress_bar_if_asked(self.inputs, self.input_format, self.progress)
        records = analyze(sources, tasks, model=self.model, debug=self.debug, timeout=self.timeout or None,
                          notes=self.notes, workers=pick_workers(self.workers, self.inputs, needs_model(tasks)),
                          on_done=bar.done if bar is not None else None)
        shown_notes = 0
        for rec in bar.wrap(records) if bar is not None else records:
            while shown_notes < len(self.notes):
                click.echo(f"newskit: {shown(self.notes[shown_notes])}", err=True)
                shown_notes += 1
            yield rec
        for note in self.notes[shown_notes:]:
            click.echo(f"newskit: {shown(note)}", err=True)

    def archive(self, command: str, tasks: tuple[str, ...], output: str, *, output_format: str | None = None,
                engine: str = "local", scheduler: str | None = None, text_column: str = "text",
                id_column: str | None = None, overwrite: bool = False) -> None:
        """Run the command over the inputs into `output` (newskit.archive), showing its progress and events on
        stderr (cli/archive.py); failed inputs, failed shards and incidents are counted into this run."""
        # The archive machinery loads only for --output runs (start-up time of every other command).
        from newskit.archive import Job
        from newskit.archive.runner import default_format, run_archive
        from newskit.cli.archive import Events

        if "-" in self.inputs:
            raise click.UsageError("--output reads files, folders, globs or URLs, not stdin")
        job = Job(command, tuple(tasks), format=output_format or default_format(output), model=self.model,
                  input_format=self.input_format, published=self.published, text_column=text_column,
                  id_column=id_column, max_bytes=self.max_bytes, debug=self.debug, timeout=self.timeout or None)
        workers = self.workers or max(1, min(os.cpu_count() or 1, 4))
        shown_events = Events(self.progress)
        try:
            for event in run_archive(job, self.inputs, output, engine=engine, scheduler=scheduler, workers=workers,
                                     overwrite=overwrite, on_articles=shown_events.on_articles):
                shown_events.show(event)
                if event["event"] == "end":
                    self.failed += event["errors"] + len(event["failed"])
                    self.notes += event["notes"]
        except KeyboardInterrupt:
            shown_events.stop()
            click.echo("newskit: interrupted; complete parts are kept, run the same command to finish", err=True)
            sys.exit(130)
        except NewskitError as exc:
            if self.debug:
                raise
            raise Failure(str(exc)) from None
        except OSError as exc:
            if self.debug:
                raise
            raise Failure(f"writing {exc.filename or output}: {exc.strerror or exc}") from None
        finally:
            shown_events.stop()

    def failure(self, rec: ErrorRecord) -> None:
        """Count a failed input and print its one line."""
        self.failed += 1
        report_error(rec)

    def exit(self) -> None:
        sys.exit(exit_status(self.failed, self.notes))
