"""The `newskit` click group and the console-script entry point."""
from __future__ import annotations

import sys

import click

from newskit.errors import ExitStatus


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newskit")
def cli():
    """Turn news articles into structure: fields, entities, dates, quotes and events.

    INPUT is a file, a directory (its article files, recursively) or - for stdin; with no INPUT, stdin is read
    when it is not a terminal. Output is a readable view on a terminal, plain lines when piped, or --json/--jsonl.
    """


def main() -> None:
    """Entry point of the `newskit` console script. Whatever the command (help and --version included), output that
    cannot be written (a full disk) ends in one line and exit 1; a reader that closed the pipe, quietly."""
    code: int | str | None = ExitStatus.OK
    try:
        cli(standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(ExitStatus.OK)
    except OSError as exc:
        _output_failed(exc)
    try:
        sys.stdout.flush()  # now, not at interpreter exit, where a failure would print a traceback
    except BrokenPipeError:
        _silence_stdout()
    except OSError as exc:
        _output_failed(exc)
    sys.exit(code)


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _output_failed(exc: OSError) -> None:
    _silence_stdout()
    click.echo(f"newskit: writing output: {exc.strerror or exc}", err=True)
    sys.exit(ExitStatus.SOME_FAILED)
