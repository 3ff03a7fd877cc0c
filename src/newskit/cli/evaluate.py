"""`newskit eval`: score newskit on the user's own gold files."""
from __future__ import annotations

import click

from newskit.cli.app import cli
from newskit.cli.options import Failure
from newskit.errors import NewskitError


@cli.command("eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["auto", "meantime", "crossdoc", "conll", "timeml", "geo"]),
              default="auto", show_default=True,
              help="Gold format (auto: .tml → timeml, .xml with toponyms → geo, other .xml → meantime, else "
                   "CoNLL-2003); crossdoc: MEANTIME XML with corpus-level instance ids, scored as one archive "
                   "(entity keys across articles).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--model", envvar="NEWSKIT_MODEL", metavar="NAME", help="spaCy pipeline to use.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
def eval_command(paths, fmt, as_json, model, workers):
    """Score newskit on your own gold files: MEANTIME XML (entities; --format crossdoc: identity across articles),
    CoNLL-2003 (NER), TimeML (dates), geoparsing XML in the TR-News layout (places on the map: acc@161 km)."""
    import json

    # The scorers and the model load when the command runs, not with `newskit --help`.
    from newskit.evaluate.runner import evaluate
    from newskit.output.render import scores_text

    try:
        scores = evaluate(list(paths), None if fmt == "auto" else fmt, model=model, workers=workers)
    except NewskitError as exc:
        raise Failure(str(exc)) from None
    except (OSError, ValueError, SyntaxError, UnicodeError) as exc:
        # SyntaxError: xml.etree's ParseError for broken MEANTIME/TimeML files.
        raise Failure(f"cannot use the gold files: {exc}") from None
    click.echo(json.dumps(scores, indent=2, allow_nan=False) if as_json else scores_text(scores))
