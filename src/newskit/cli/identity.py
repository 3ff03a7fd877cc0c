"""`newskit link`: resolve entity keys across a set of records."""
from __future__ import annotations

import sys

import click

from newskit.cli.app import cli
from newskit.cli.options import Failure
from newskit.errors import NewskitError


@cli.command("link")
@click.argument("records", metavar="RECORDS.jsonl|-", default="-")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def link_command(records, debug):
    """Rewrite every entity's `key` to its identity across all the records read (the output of any article
    command, --jsonl): "Obama" keyed as "Barack Obama", "GM" as "General Motors", one type per name.

    Reads the records twice (stdin is kept in a temporary file) and holds one line per distinct name in memory,
    never the records; records it need not change, error records among them, are written as they were read.
    """
    import io
    import os

    # loaded when the command runs: every other command and `--help` start without the name tables
    from newskit.identity import link_file
    from newskit.io.output import Output

    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8") if hasattr(sys.stdin, "buffer") else sys.stdin
    try:
        link_file(records, Output(), stdin=stdin)
    except BrokenPipeError:
        # Downstream closed the pipe (`| head -1`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except FileNotFoundError:
        raise Failure(f"{records}: no such file") from None
    except UnicodeDecodeError:
        raise Failure(f"{records}: not UTF-8 text") from None
    except (NewskitError, OSError) as exc:
        if debug:
            raise
        raise Failure(str(exc)) from None
