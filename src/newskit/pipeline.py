"""Run sources through the parser, the spaCy model and the extractors, and yield one record per source (a
`Record`, or an `ErrorRecord` for an input that failed; `to_dict()` gives its JSON shape).

The model is loaded once, with only the components the requested tasks need; `newskit.batch` turns a batch of
sources into records, in this process or in the worker processes of `newskit.workers`."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from newskit.batch import BATCH_SIZE, build_record, error_record, html_to_text, needs_model, run_model, safe_build
from newskit.io.inputs import Source, source_from_text
from newskit.nlp import components_for, load
from newskit.record import AnyRecord
from newskit.workers import run_supervised

if TYPE_CHECKING:
    from spacy.language import Language

# Names other modules take from here (the public face of running articles).
__all__ = ["BATCH_SIZE", "COMMAND_TASKS", "TASKS", "analyze", "analyze_text", "build_record", "error_record",
           "needs_model"]

TASKS = ("parse", "entities", "dates", "quotes", "events")
# What each command fills (CONTRACT: parse → article; entities → article, entities, dates).
COMMAND_TASKS = {
    "parse": ("parse",),
    "entities": ("parse", "entities", "dates"),
    "dates": ("parse", "dates"),
    "quotes": ("parse", "entities", "quotes"),
    "events": ("parse", "entities", "dates", "events"),
    "analyze": TASKS,
}


def analyze(sources: Iterable[Source], tasks: Iterable[str] = TASKS, *, model: str | None = None,
            workers: int = 1, debug: bool = False, timeout: float | None = None,
            notes: list[str] | None = None, nlp: Language | None = None,
            on_done: Callable[[int], None] | None = None) -> Iterator[AnyRecord]:
    """Yield one record per source, in input order, streaming: sources are read only as records are needed.

    `nlp`: your own spaCy pipeline instead of loading `model` (newskit's components are added to it when missing,
    see `newskit.components.prepare`); it runs in this process, so it cannot go with `workers` > 1.

    `timeout`: seconds one article may take (model and extraction together) before it becomes a `timeout` error
    record (None: no limit). `notes`: a list that receives one line per incident that cost no record but should
    be known (a worker process that died and whose articles were redone). `on_done(n)`: told as n more articles
    finish inside worker processes (workers > 1), in any order, before their records come out in input order
    (a progress bar); n is negative when a worker died and the articles it had finished are redone."""
    tasks = tuple(tasks)
    if nlp is not None and workers > 1:
        raise ValueError("a pipeline object runs in this process: give `model` (a name or path) to use workers")
    if workers <= 1 or not needs_model(tasks):  # else each worker's process_batch reads its own pages
        sources = (html_to_text(s, debug) for s in sources)
    if not needs_model(tasks):
        for s in sources:
            yield safe_build(s, None, tasks, debug, timeout)
    elif workers <= 1:
        if nlp is not None:
            from newskit.components import prepare  # the caller holds a pipeline: spaCy is loaded already

            pipeline = prepare(nlp)
        else:
            pipeline = load(model, components_for(tasks))
        yield from run_model(pipeline, sources, tasks, debug, timeout)
    else:
        yield from run_supervised(sources, tasks, model=model, workers=workers, debug=debug, timeout=timeout,
                                  notes=notes if notes is not None else [], on_done=on_done)


def analyze_text(text: str, *, published: str | None = None, tasks: Iterable[str] = TASKS,
                 model: str | None = None, nlp: Language | None = None) -> AnyRecord:
    """Return the record of one article text (fields, entities, dates, quotes, events): a `Record`, or an
    `ErrorRecord` when the text cannot be analysed (empty, binary).

    `published` (YYYY-MM-DD) means what the command line's `--published` means: the publication date for a text
    that gives none of its own (a date line, a dateline, a date opening the story); a text's own date wins."""
    source = replace(source_from_text(text), default_published=published)
    return next(analyze([source], tasks, model=model, nlp=nlp))
