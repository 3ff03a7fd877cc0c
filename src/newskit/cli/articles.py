"""The article commands: parse, entities, dates, quotes, events, analyze."""
from __future__ import annotations

import os
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

import click

from newskit.cli.app import cli
from newskit.cli.options import (
    check_archive_options,
    check_inputs,
    common_options,
    one_line_errors,
    pick_workers,
    report_error,
    with_progress_if_asked,
)
from newskit.errors import ExitStatus

if TYPE_CHECKING:
    from typing_extensions import TypeIs

    from newskit.record import AnyRecord, ErrorRecord


def run(command: str, inputs, *, input_format, as_json, as_jsonl, published, model=None, workers, max_bytes,
        debug, timeout=None, progress=None, view_options=None, as_geojson=False, **archive) -> None:
    """Run one article command end to end and exit with the contract's status code."""
    from newskit.io.inputs import read_inputs
    from newskit.io.output import Output
    from newskit.pipeline import COMMAND_TASKS, analyze, needs_model

    view_options = dict(view_options or {})
    streams = {"json": as_json, "jsonl": as_jsonl, "geojson": as_geojson}
    if sum(map(bool, streams.values())) > 1:
        raise click.UsageError(" and ".join(f"--{name}" for name, on in streams.items() if on) + " are exclusive")
    check_archive_options(archive, any(streams.values()))
    inputs, published = check_inputs(inputs, published)
    tasks = COMMAND_TASKS[command] + (("all_types",) if view_options.pop("all_types", False) else ())
    if archive.get("output"):
        from newskit.cli.archive import run_to_output

        run_to_output(command, tasks, inputs, input_format=input_format, published=published, model=model,
                      workers=workers, max_bytes=max_bytes, debug=debug, progress=progress, **archive)
    if not any(streams.values()) and sys.stdout.isatty():
        tasks += ("text",)  # the human views quote the sentence around each date
    notes: list[str] = []
    with one_line_errors(debug):
        try:
            out = Output()
            sources = read_inputs(inputs, input_format=input_format, published=published, max_bytes=max_bytes)
            records = analyze(sources, tasks, model=model, debug=debug, timeout=timeout or None, notes=notes,
                              workers=pick_workers(workers, inputs, needs_model(tasks)))
            records = with_progress_if_asked(records, inputs, input_format, progress)
            records = (_ordered(rec, view_options) for rec in _noting(records, notes))
            stream = next((name for name, on in streams.items() if on), None)
            failed = _emit(records, out, command, stream, view_options)
        except BrokenPipeError:
            # Downstream closed the pipe (`| head -1`): stop quietly, as Unix tools do.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(ExitStatus.OK)
    # A worker that died cost no record (its articles were redone) but the run did not go as it should.
    sys.exit(ExitStatus.SOME_FAILED if failed or notes else ExitStatus.OK)


def _noting(records, notes: list[str]):
    """Pass records through, printing each incident note (a worker that died) as it is reported."""
    shown = 0
    for rec in records:
        while shown < len(notes):
            click.echo(f"newskit: {notes[shown]}", err=True)
            shown += 1
        yield rec
    for note in notes[shown:]:
        click.echo(f"newskit: {note}", err=True)



def _failed(rec: AnyRecord) -> TypeIs[ErrorRecord]:
    from newskit.record import ErrorRecord  # here, not at the top: `newskit --help` need not build the record model

    return isinstance(rec, ErrorRecord)

def _ordered(rec: AnyRecord, view_options: dict) -> AnyRecord:
    """Apply --sort value / --timeline to the record itself, so every output mode shows the same order."""
    from newskit.dates.timex import sort_key  # the one calendar order: a week by its first day

    if _failed(rec):
        return rec
    if view_options.get("sort") == "value" and rec.dates:
        rec = replace(rec, dates=tuple(sorted(rec.dates, key=lambda d: sort_key(d.value))))
    if view_options.get("timeline") and rec.events:
        rec = replace(rec, events=tuple(sorted(rec.events, key=lambda e: sort_key(e.when.value if e.when else None))))
    return rec


def _serialize(rec: AnyRecord, render_one) -> tuple[AnyRecord, bytes]:
    """Return the record and its UTF-8 JSON, or an error record in its place when it cannot be written as JSON."""
    from newskit.pipeline import error_record

    try:
        return rec, render_one(rec).encode("utf-8")
    except (ValueError, TypeError, RecursionError) as exc:  # NaN, a lone surrogate, an object JSON cannot hold
        rec = error_record(rec.id, "internal", f"record cannot be written as JSON "
                                                             f"({exc.__class__.__name__})")
        return rec, render_one(rec).encode("utf-8")


def _emit(records, out, command, stream: str | None, view_options) -> int:
    """Write the records in the stream format chosen (json, jsonl, geojson), else as the view for people."""
    from newskit.output import render

    failed = 0
    if stream == "jsonl":
        for rec in records:
            rec, line = _serialize(rec, render.to_jsonl)
            if _failed(rec):
                failed += 1
                report_error(rec)
            out.write(line + b"\n")
        return failed
    if stream in ("json", "geojson"):
        collected = [_serialize(rec, render.to_jsonl)[0] for rec in records]
        for rec in collected:
            if _failed(rec):
                failed += 1
                report_error(rec)
        if stream == "geojson":
            from newskit.output.geojson import to_geojson

            out.write(to_geojson(collected) + "\n")
        else:
            out.write(render.to_json(collected) + "\n")
        return failed
    console = None
    if sys.stdout.isatty():
        from rich.console import Console

        console = Console()
    first = True
    for rec in records:
        if _failed(rec):
            failed += 1
            report_error(rec)
            continue
        if console is not None:
            console.print(render.rich_view(rec, command, text=rec.text, **view_options))
        else:
            out.write(("" if first else "\n") + f"# {rec.id}\n" + render.plain(rec, command) + "\n")
        first = False
    return failed


def _command(name: str, help_text: str, extra=()):
    def callback(inputs, **kw):
        view = {k: kw.pop(k) for k in list(kw) if k in ("sort", "timeline", "all_types")}
        run(name, inputs, view_options=view, **kw)

    callback.__doc__ = help_text
    cmd = common_options(callback, model=name != "parse", command=name)
    for opt in extra:
        cmd = opt(cmd)
    return cli.command(name, help=help_text)(cmd)


_command("parse", "Recover an article's fields: headline, dek, byline, publisher, date, dateline, images, body.")
_command("entities", "List the people, places, organizations and events, grouped, with titles (and dates).",
         [click.option("--all", "all_types", is_flag=True,
                       help="Also list nationalities, products, works, laws and other spaCy types.")])
_command("dates", "Resolve every time expression to a TIMEX3 value against the article's date.",
         [click.option("--sort", type=click.Choice(["position", "value"]), default="position",
                       help="Order of the dates in every output: document position, or value (a timeline).")])
_command("quotes", "Find who said what: direct and indirect quotes with cue and speaker.")
_command("events", "List what happened or will happen: type, who, where, when, status.",
         [click.option("--timeline", is_flag=True, help="Order the events by resolved date, in every output.")])
_command("analyze", "Everything at once: article, entities, dates, quotes and events in one pass.")


