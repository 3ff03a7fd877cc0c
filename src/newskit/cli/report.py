"""`newskit report`: self-contained HTML pages for articles, and an index."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from newskit.cli.app import cli
from newskit.cli.options import (
    Failure,
    check_inputs,
    common_options,
    one_line_errors,
    pick_workers,
    report_error,
    with_progress_if_asked,
)
from newskit.errors import ExitStatus


def _make_folder(folder: Path) -> None:
    """Create the output folder as `mkdir` would: its last level only, never a missing parent."""
    try:
        folder.mkdir(exist_ok=True)
    except FileNotFoundError:
        raise Failure(f"cannot create {folder}: {folder.parent} does not exist") from None
    except FileExistsError:
        raise Failure(f"cannot create {folder}: a file of that name is in the way") from None
    except OSError as exc:
        raise Failure(f"cannot create {folder}: {exc.strerror or exc}") from None


@cli.command("report")
@click.option("-o", "--output", required=True, metavar="PATH",
              help="FILE.html, or a directory (no .html/.htm suffix, or ending in /) for one page per article.")
@common_options(formats=False, archive=False)
def report_command(inputs, output, input_format, published, model, workers, max_bytes, timeout, progress, debug):
    """Write self-contained HTML reports: the article with entities and dates marked, and side panels.

    -o FILE.html: one article → FILE.html is its report; several → FILE.html is an index page and each article
    is FILE-<name>.html beside it. -o DIR (no .html/.htm suffix, or ending in /): DIR/<name>.html per article and
    DIR/index.html. <name> is the input file's name without its suffix (JSONL: the line's id or number). Pages
    need no network. Prints the path of the report (or index) written.
    """
    from newskit.io.inputs import read_inputs
    from newskit.io.output import write_atomic
    from newskit.output import report
    from newskit.pipeline import COMMAND_TASKS, analyze
    from newskit.record import ErrorRecord  # these load when the command runs, not with `newskit --help`

    inputs, published = check_inputs(inputs, published)
    out = Path(output)
    as_dir = out.is_dir() or output.endswith(("/", os.sep)) or out.suffix.lower() not in (".html", ".htm")
    folder = out if as_dir else out.parent
    prefix = "" if as_dir else out.stem + "-"

    items, taken, failed = [], {"index.html"}, 0
    held = None  # -o FILE.html: the first article waits until we know whether an index is needed
    notes: list[str] = []

    def page(rec, text) -> None:
        name = report.page_name(rec.id, taken, prefix)
        write_atomic(folder / name, report.render_report(rec, text, index_href="index.html" if as_dir else out.name))
        items.append((name, rec.id, report.summary(rec)))

    def finish() -> None:
        if held is not None:
            write_atomic(out, report.render_report(*held))
            click.echo(str(out))
        elif as_dir and items or len(items) > 1:
            index = folder / "index.html" if as_dir else out
            write_atomic(index, report.render_index(items))
            click.echo(str(index))

    _make_folder(folder)
    with one_line_errors(debug):
        try:
            sources = read_inputs(inputs, input_format=input_format, published=published, max_bytes=max_bytes)
            # The "text" task makes every record carry the article text its offsets point into.
            records = analyze(sources, COMMAND_TASKS["analyze"] + ("text",), model=model, debug=debug,
                              timeout=timeout or None, notes=notes, workers=pick_workers(workers, inputs, True))
            records = with_progress_if_asked(records, inputs, input_format, progress)
            try:
                for rec in records:
                    if held is not None:
                        page(*held)
                        held = None
                    if isinstance(rec, ErrorRecord):
                        failed += 1
                        report_error(rec)
                        items.append(("", rec.id, report.summary(rec)))
                    elif not as_dir and not items:
                        held = (rec, rec.text)
                    else:
                        page(rec, rec.text)
            except KeyboardInterrupt:
                # Keep what is done: the pages written so far get their index, then stop as shells expect.
                finish()
                click.echo("newskit: interrupted", err=True)
                sys.exit(130)
            for note in notes:
                click.echo(f"newskit: {note}", err=True)
            finish()
        except OSError as exc:
            if debug:
                raise
            raise Failure(f"cannot write {exc.filename or output}: {exc.strerror or exc}") from None
    sys.exit(ExitStatus.SOME_FAILED if failed or notes else ExitStatus.OK)
