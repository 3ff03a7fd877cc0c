"""The one run loop behind the commands that analyze inputs: read → analyze → progress → failed inputs named →
exit status. `articles` prints the records, `report` writes pages, `--output` (cli/archive.py) hands the same
options to newskit.archive and uses the same exit rule."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

import click

from newskit.cli.options import pick_workers, report_error, shown, with_progress_if_asked
from newskit.errors import ExitStatus


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

    def records(self, tasks: tuple[str, ...]) -> Iterator[dict]:
        """Yield the record of every input in order, drawing the progress bar and printing incident notes."""
        from newskit.io.inputs import read_inputs
        from newskit.pipeline import analyze, needs_model

        sources = read_inputs(self.inputs, input_format=self.input_format, published=self.published,
                              max_bytes=self.max_bytes)
        records = analyze(sources, tasks, model=self.model, debug=self.debug, timeout=self.timeout or None,
                          notes=self.notes, workers=pick_workers(self.workers, self.inputs, needs_model(tasks)))
        shown_notes = 0
        for rec in with_progress_if_asked(records, self.inputs, self.input_format, self.progress):
            while shown_notes < len(self.notes):
                click.echo(f"newskit: {shown(self.notes[shown_notes])}", err=True)
                shown_notes += 1
            yield rec
        for note in self.notes[shown_notes:]:
            click.echo(f"newskit: {shown(note)}", err=True)

    def failure(self, rec: dict) -> None:
        """Count a failed input and print its one line."""
        self.failed += 1
        report_error(rec)

    def exit(self) -> None:
        sys.exit(exit_status(self.failed, self.notes))
