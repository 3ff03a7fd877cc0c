"""`newskit report`: self-contained HTML pages for articles, and an index (the pages are newskit.io.reports')."""
from __future__ import annotations

import sys

import click

from newskit.cli.app import cli
from newskit.cli.options import check_inputs, common_options, one_line_errors
from newskit.cli.run import Run


@cli.command("report")
@click.option("-o", "--output", required=True, metavar="PATH",
              help="FILE.html, or a directory (no .html/.htm suffix, or ending in /) for one page per article.")
@common_options(formats=False, archive=False)
def report_command(inputs, output, input_format, published, model, workers, max_bytes, timeout, progress, debug):
    """Write self-contained HTML reports: the article with entities and dates marked, and side panels.

    -o FILE.html: one article → FILE.html is its report; several → FILE.html is an index page and each article
    is FILE-<name>.html beside it. -o DIR (no .html/.htm suffix, or ending in /): DIR/<name>.html per article and
    DIR/index.html. <name> is the input file's name without its suffix (JSONL: the line's id or number). Pages
    need no network; an input is never written over. Prints the path of the report (or index) written.
    """
    # The pipeline, the record model and the page writer load when the command runs, not with `newskit --help`.
    from newskit.io.reports import ReportSite
    from newskit.pipeline import COMMAND_TASKS
    from newskit.record import ErrorRecord

    inputs, published = check_inputs(inputs, published)
    run = Run(inputs, input_format, published, model, workers, max_bytes, debug, timeout, progress)
    with one_line_errors(debug):
        site = ReportSite(output, inputs)
        site.make_folder()
        try:
            # The "text" task makes every record carry the article text its offsets point into.
            for rec in run.records(COMMAND_TASKS["analyze"] + ("text",)):
                if isinstance(rec, ErrorRecord):
                    run.failure(rec)
                site.add(rec)
        except KeyboardInterrupt:
            # Keep what is done: the pages written so far get their index, then stop as shells expect.
            written = site.finish()
            if written is not None:
                click.echo(str(written))
            click.echo("newskit: interrupted", err=True)
            sys.exit(130)
        written = site.finish()
        if written is not None:
            click.echo(str(written))
    run.exit()
