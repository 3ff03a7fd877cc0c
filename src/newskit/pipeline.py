"""Run sources through the parser, the spaCy model and the extractors, and yield one record per source.

The model is loaded once, with only the components the requested tasks need; `newskit.batch` turns a batch of
sources into records, in this process or in the worker processes of `newskit.workers`."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from newskit.batch import BATCH_SIZE, build_record, error_record, html_to_text, needs_model, run_model, safe_build
from newskit.io.inputs import Source, source_from_text
from newskit.nlp import components_for, load
from newskit.workers import run_supervised

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
            notes: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """Yield one record per source, in input order, streaming: sources are read only as records are needed.

    `timeout`: seconds one article may take (model and extraction together) before it becomes a `timeout` error
    record (None: no limit). `notes`: a list that receives one line per incident that cost no record but should
    be known (a worker process that died and whose articles were redone)."""
    tasks = tuple(tasks)
    if workers <= 1 or not needs_model(tasks):  # else each worker's process_batch reads its own pages
        sources = (html_to_text(s, debug) for s in sources)
    if not needs_model(tasks):
        for s in sources:
            yield safe_build(s, None, tasks, debug, timeout)
    elif workers <= 1:
        yield from run_model(load(model, components_for(tasks)), sources, tasks, debug, timeout)
    else:
        yield from run_supervised(sources, tasks, model=model, workers=workers, debug=debug, timeout=timeout,
                                  notes=notes if notes is not None else [])


def analyze_text(text: str, *, published: str | None = None, tasks: Iterable[str] = TASKS,
                 model: str | None = None) -> dict[str, Any]:
    """Return the whole record of one article text (fields, entities, dates, quotes, events) as a dict."""
    return next(analyze([source_from_text(text, published=published)], tasks, model=model))
