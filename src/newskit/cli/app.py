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
    """Entry point of the `newskit` console script."""
    try:
        cli(standalone_mode=True)
    except BrokenPipeError:
        sys.exit(ExitStatus.OK)
