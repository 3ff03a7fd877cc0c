"""Run sources through the parser, the spaCy model and the extractors, and yield one record dict per source.

The model is loaded once, with only the components the requested tasks need, and texts travel through
`nlp.pipe(..., as_tuples=True)` with their sources so ids and metadata stay attached."""
from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from newskit.article.builder import parse_article
from newskit.io.inputs import Source, source_from_text
from newskit.record import ErrorInfo, ErrorRecord, Record

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

    from spacy.language import Language
    from spacy.tokens import Doc

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
# Articles per nlp.pipe batch. Measured on 200 PolNeAR articles: 16 runs as fast as 64 at half the peak memory
# (524 MB vs 1,034 MB), since news articles are long enough to fill the model's matrices on their own.
BATCH_SIZE = 16
# Longer texts go through the model in paragraph-aligned pieces (spaCy refuses texts over nlp.max_length, and
# the parser's memory grows with the text), then are joined back into one Doc with the original offsets. Pieces
# share nlp.pipe batches with ordinary articles, so they are kept near an article's size: a batch of 100 kB
# pieces held 9 GB for a 3 MB article.
CHUNK_CHARS = 10_000


def split_text(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Cut `text` into pieces of at most about `size` characters at line (else space) boundaries, losing nothing."""
    pieces, start = [], 0
    while len(text) - start > size:
        cut = text.rfind("\n", start + size // 2, start + size)
        if cut < 0:
            cut = text.rfind(" ", start + size // 2, start + size)
        cut = cut + 1 if cut >= 0 else start + size
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def error_record(source_id: str, code: str, message: str) -> dict[str, Any]:
    """Return the record that stands in for an input that failed."""
    return ErrorRecord(source_id, ErrorInfo(code, message)).to_dict()


def build_record(source: Source, doc: Doc | None, tasks: Iterable[str]) -> dict[str, Any]:
    """Return the record of one source: its article fields and what the tasks extract from its spaCy doc.

    Besides the TASKS, `tasks` may hold "all_types" (list every entity type: nationalities, products, laws…) and
    "text" (carry the article text in the record, as HTML inputs always do)."""
    tasks = set(tasks)
    text = source.text or ""
    article = source.article if source.article is not None else parse_article(text)
    given = source.published or (None if article.published else source.default_published)
    if given and given != article.published:
        # The record's own date (or --published for an undated text) is the publication date.
        article = replace(article, published=given, sources={**article.sources, "published": "input"})
    entities = dates = quotes = events = None
    if tasks & {"entities", "quotes", "events"}:
        from newskit.entities.extract import extract_entities

        entities = extract_entities(doc, article, all_types="all_types" in tasks)
    if tasks & {"dates", "events"}:
        from newskit.dates.extract import extract_dates

        dates = extract_dates(doc, article.published)
    if "quotes" in tasks:
        from newskit.quotes.extract import extract_quotes

        quotes = tuple(extract_quotes(doc, entities))
    if "events" in tasks:
        from newskit.events.extract import extract_events

        events = tuple(extract_events(doc, entities, dates, published=article.published))
    return Record(source.id, text if source.format == "html" or "text" in tasks else None, article,
                  entities=tuple(entities) if entities is not None and "entities" in tasks else None,
                  dates=tuple(dates) if dates is not None and "dates" in tasks else None,
                  quotes=quotes, events=events, meta=source.meta or None).to_dict()


def _safe_build(source: Source, doc: Doc | None, tasks: Iterable[str], debug: bool) -> dict[str, Any]:
    if source.error is not None:
        return error_record(source.id, source.error.code, source.error.message)
    try:
        return build_record(source, doc, tasks)
    except Exception as exc:  # one bad article must not end a batch of thousands
        if debug:
            raise
        return error_record(source.id, "internal", f"{exc.__class__.__name__}: {exc}")


def html_to_text(source: Source) -> Source:
    """Turn an HTML source into its extracted article text, with the Article read from the page attached."""
    if source.error is not None or source.format != "html" or source.article is not None:
        return source
    from newskit.errors import InputError
    from newskit.html.page import article_from_html

    try:
        text, article = article_from_html(source.text or "")
    except InputError as exc:
        return Source(source.id, format="html", error=exc)
    # The record's own "published" and --published stay as given: build_record weighs them against the page's.
    return replace(source, text=text, article=article)


def needs_model(tasks: Iterable[str]) -> bool:
    """Tell whether the tasks need the spaCy model (everything but parse does)."""
    return bool(set(tasks) - {"parse"})


def _texts(source: Source) -> str:
    """Return the text to send through the model for a source."""
    # Failed sources still travel through nlp.pipe (as empty docs) so records come out in input order.
    return "" if source.error is not None else source.text or ""


def process_batch(sources: list[Source], tasks: Iterable[str], model: str | None = None,
                  debug: bool = False) -> list[dict[str, Any]]:
    """Return the records of a list of sources, running the model over them as one batch."""
    sources = [html_to_text(s) for s in sources]
    if not needs_model(tasks):
        return [_safe_build(s, None, tasks, debug) for s in sources]
    from newskit.nlp import components_for, load

    nlp = load(model, components_for(tasks))
    return list(_run_model(nlp, sources, tasks, debug))


def _chunks(sources: Iterable[Source]) -> Iterator[tuple[str, tuple[Source, int, int]]]:
    for s in sources:
        pieces = split_text(_texts(s))
        for i, piece in enumerate(pieces):
            yield piece, (s, i, len(pieces))


def _run_model(nlp: Language, sources: Iterable[Source], tasks: Iterable[str],
               debug: bool) -> Iterator[dict[str, Any]]:
    """Yield the records of `sources` in order, streaming them through `nlp.pipe` with their sources attached."""
    from spacy.tokens import Doc

    parts = []
    for doc, (source, i, n) in nlp.pipe(_chunks(sources), as_tuples=True, batch_size=BATCH_SIZE):
        if n == 1:
            yield _safe_build(source, doc, tasks, debug)
            continue
        parts.append(doc)
        if i == n - 1:
            whole = Doc.from_docs(parts, ensure_whitespace=False)
            parts = []
            yield _safe_build(source, whole, tasks, debug)


def _batches(sources: Iterable[Source], size: int) -> Iterator[list[Source]]:
    batch: list[Source] = []
    for s in sources:
        batch.append(s)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def analyze(sources: Iterable[Source], tasks: Iterable[str] = TASKS, *, model: str | None = None,
            workers: int = 1, debug: bool = False) -> Iterator[dict[str, Any]]:
    """Yield one record per source, in input order, streaming: sources are read only as records are needed."""
    tasks = tuple(tasks)
    if workers <= 1 or not needs_model(tasks):  # else each worker's process_batch reads its own pages
        sources = (html_to_text(s) for s in sources)
    if not needs_model(tasks):
        for s in sources:
            yield _safe_build(s, None, tasks, debug)
    elif workers <= 1:
        from newskit.nlp import components_for, load

        yield from _run_model(load(model, components_for(tasks)), sources, tasks, debug)
    else:
        yield from _analyze_parallel(sources, tasks, model, workers, debug)


def _worker_init(model: str | None, tasks: tuple[str, ...]) -> None:
    import signal

    # Ctrl-C is the parent's to handle: it stops the pool; workers must not print tracebacks of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from newskit.errors import ModelError
    from newskit.nlp import components_for, load

    # On a ModelError process_batch loads again and raises it to the parent; failing here would respawn workers
    # forever.
    with contextlib.suppress(ModelError):
        load(model, components_for(tasks))


def _analyze_parallel(sources: Iterable[Source], tasks: tuple[str, ...], model: str | None, workers: int,
                      debug: bool) -> Iterator[dict[str, Any]]:
    import multiprocessing

    from newskit.nlp import check_available

    check_available(model)

    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    pool = ctx.Pool(workers, initializer=_worker_init, initargs=(model, tasks))
    # A bounded window of in-flight batches keeps memory flat however long the archive is, and keeps order.
    window: deque[AsyncResult[list[dict[str, Any]]]] = deque()
    finished = False
    try:
        for batch in _batches(sources, BATCH_SIZE):
            window.append(pool.apply_async(process_batch, (batch, tasks, model, debug)))
            while window and (len(window) >= workers * 2 or window[0].ready()):
                yield from window.popleft().get()
        while window:
            yield from window.popleft().get()
        finished = True
    finally:
        # Stopped early (closed pipe, Ctrl-C, error): don't wait for batches nobody will read.
        if finished:
            pool.close()
        else:
            pool.terminate()
        pool.join()


def analyze_text(text: str, *, published: str | None = None, tasks: Iterable[str] = TASKS,
                 model: str | None = None) -> dict[str, Any]:
    """Return the whole record of one article text (fields, entities, dates, quotes, events) as a dict."""
    return next(analyze([source_from_text(text, published=published)], tasks, model=model))
