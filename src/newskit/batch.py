"""Turn a batch of sources into records (`Record` values, or `ErrorRecord` for an input that failed): the article
fields, one pass of the spaCy model, the extractors.

Every failure of one article, at any stage, becomes its error record: a batch the model fails on is redone one
article at a time, and `deadline` bounds what one article may take. `newskit.pipeline.analyze` runs these
batches in this process, or `newskit.workers` in worker processes."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from newskit.article.builder import parse_article
from newskit.deadline import deadline
from newskit.doctext import remember_text
from newskit.errors import ArticleTimeout, InputError
from newskit.io.inputs import Source
from newskit.nlp import components_for, load
from newskit.record import AnyRecord, ErrorInfo, ErrorRecord, Record

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Articles per nlp.pipe batch. Measured on 200 PolNeAR articles: 16 runs as fast as 64 at half the peak memory
# (524 MB vs 1,034 MB), since news articles are long enough to fill the model's matrices on their own.
BATCH_SIZE = 16
# Longer texts go through the model in paragraph-aligned pieces (spaCy refuses texts over nlp.max_length, and
# the parser's memory grows with the text), then are joined back into one Doc with the original offsets. Pieces
# share nlp.pipe batches with ordinary articles, so they are kept near an article's size: a batch of 100 kB
# pieces held 9 GB for a 3 MB article.
CHUNK_CHARS = 10_000


def split_text(text: str, size: int | None = None) -> list[str]:
    """Cut `text` into pieces of at most about `size` (default CHUNK_CHARS) characters at line (else space)
    boundaries, losing nothing."""
    size = size or CHUNK_CHARS
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


def error_record(source_id: str, code: str, message: str, where: str | None = None) -> ErrorRecord:
    """Return the record that stands in for an input that failed (`where`: "file.jsonl:7" for one line)."""
    return ErrorRecord(source_id, ErrorInfo(code, message, where))


def failure(source_id: str, exc: BaseException) -> ErrorRecord:
    """Return the error record of an article whose processing raised `exc` at some stage."""
    if isinstance(exc, ArticleTimeout):
        return error_record(source_id, "timeout", "over the --timeout-per-article limit")
    if isinstance(exc, MemoryError):
        return error_record(source_id, "memory", "out of memory while processing this article")
    return error_record(source_id, "internal", f"{exc.__class__.__name__}: {exc}")


def _parsed(doc: Doc | None) -> Doc:
    """Return the Doc an extraction task reads: the model stage gives one whenever a task asks for it."""
    if doc is None:
        raise ValueError("an extraction task needs the article's spaCy doc")
    return doc


def build_record(source: Source, doc: Doc | None, tasks: Iterable[str]) -> Record:
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
    if doc is not None:
        remember_text(doc, text)  # the extractors read the text; the Doc would rebuild it from its tokens
    # The extractors (and spaCy with them) are imported when a task needs them: `parse` starts without them.
    if tasks & {"entities", "quotes", "events"}:
        from newskit.entities.extract import extract_entities  # lazy: start-up time (see above)

        entities = extract_entities(_parsed(doc), article, all_types="all_types" in tasks)
    if tasks & {"dates", "events"}:
        from newskit.dates.extract import extract_dates  # lazy: start-up time (see above)

        dates = extract_dates(_parsed(doc), article.published, article)
    if "quotes" in tasks:
        from newskit.quotes.extract import extract_quotes  # lazy: start-up time (see above)

        assert entities is not None  # set above: the quotes task finds entities
        quotes = tuple(extract_quotes(_parsed(doc), entities))
    if "events" in tasks:
        from newskit.events.extract import extract_events  # lazy: start-up time (see above)

        events = tuple(extract_events(_parsed(doc), entities, dates, published=article.published, article=article))
    return Record(source.id, text if source.format == "html" or "text" in tasks else None, article,
                  entities=tuple(entities) if entities is not None and "entities" in tasks else None,
                  dates=tuple(dates) if dates is not None and "dates" in tasks else None,
                  quotes=quotes, events=events, meta=source.meta or None)


def safe_build(source: Source, doc: Doc | BaseException | None, tasks: Iterable[str], debug: bool,
               timeout: float | None = None) -> AnyRecord:
    if source.error is not None:
        return error_record(source.id, source.error.code, source.error.message, getattr(source.error, "where", None))
    if isinstance(doc, BaseException):  # the model stage failed on this article
        return failure(source.id, doc)
    try:
        with deadline(timeout):
            return build_record(source, doc, tasks)
    except (Exception, ArticleTimeout) as exc:  # one bad article must not end a batch of thousands
        if debug and not isinstance(exc, ArticleTimeout):
            raise
        return failure(source.id, exc)


def html_to_text(source: Source, debug: bool = False) -> Source:
    """Turn an HTML source into its extracted article text, with the Article read from the page attached."""
    if source.error is not None or source.format != "html" or source.article is not None:
        return source
    from newskit.html.page import article_from_html  # trafilatura and lxml load only for HTML inputs

    try:
        text, article = article_from_html(source.text or "")
    except InputError as exc:
        return Source(source.id, format="html", error=exc)
    except Exception as exc:  # a page that breaks the HTML stack is that page's failure, not the run's
        if debug:
            raise
        return Source(source.id, format="html", error=InputError("internal", f"{exc.__class__.__name__}: {exc}"))
    # The record's own "published" and --published stay as given: build_record weighs them against the page's.
    return replace(source, text=text, article=article)


def needs_model(tasks: Iterable[str]) -> bool:
    """Tell whether the tasks need the spaCy model (everything but parse does)."""
    return bool(set(tasks) - {"parse"})


def process_batch(sources: list[Source], tasks: Iterable[str], model: str | None = None, debug: bool = False,
                  timeout: float | None = None, *, on_record: Callable[[], None] | None = None) -> list[AnyRecord]:
    """Return the records of a list of sources, running the model over them as one batch. `on_record()`: called
    as each record is done (a worker pool's per-article progress)."""
    sources = [html_to_text(s, debug) for s in sources]
    records: Iterable[AnyRecord]
    if not needs_model(tasks):
        records = (safe_build(s, None, tasks, debug, timeout) for s in sources)
    else:
        records = run_model(load(model, components_for(tasks)), sources, tasks, debug, timeout)
    done = []
    for rec in records:
        done.append(rec)
        if on_record is not None:
            on_record()
    return done


def _groups(sources: Iterable[Source]) -> Iterator[list[tuple[Source, list[str]]]]:
    """Yield sources with their model pieces, grouped until a group holds about one nlp.pipe batch of pieces."""
    group: list[tuple[Source, list[str]]] = []
    pieces = 0
    for s in sources:
        # Failed sources get no model pass; they keep their place in the group so records stay in input order.
        texts = [] if s.error is not None else split_text(s.text or "")
        group.append((s, texts))
        pieces += len(texts)
        if pieces >= BATCH_SIZE:
            yield group
            group, pieces = [], 0
    if group:
        yield group


def _docs(nlp: Language, group: list[tuple[Source, list[str]]]) -> list[Doc | None]:
    """Return one Doc per source of the group (None for failed sources), long texts joined from their pieces."""
    from spacy.tokens import Doc

    flat: list[tuple[str, int]] = [(piece, k) for k, (_, texts) in enumerate(group) for piece in texts]
    parts: list[list[Doc]] = [[] for _ in group]
    for doc, k in nlp.pipe(flat, as_tuples=True, batch_size=BATCH_SIZE):
        parts[k].append(doc)
    return [None if not p else p[0] if len(p) == 1 else Doc.from_docs(p, ensure_whitespace=False) for p in parts]


def _model_stage(nlp: Language, group: list[tuple[Source, list[str]]], debug: bool,
                 timeout: float | None) -> list[tuple[Doc | BaseException | None, float]]:
    """Return a Doc per source, or the exception the model raised on it, with the seconds charged to it.

    A batch that fails is redone one article at a time, so only the article at fault loses its record; each then
    is charged its own time, never the failed batch's (a short article batched with a runaway one keeps its
    budget). A batch that succeeds shares its time among its articles."""
    budget = timeout * max(1, len(group)) if timeout else None
    started = time.monotonic()
    try:
        with deadline(budget):
            docs = list(_docs(nlp, group))
        share = (time.monotonic() - started) / max(1, sum(1 for _, texts in group if texts))
        return [(doc, share if doc is not None else 0.0) for doc in docs]
    except (Exception, ArticleTimeout) as exc:
        if debug and not isinstance(exc, ArticleTimeout):
            raise
        if len(group) == 1:
            return [(exc, time.monotonic() - started)]
    return [_one_doc(nlp, item, timeout) for item in group]


def _one_doc(nlp: Language, item: tuple[Source, list[str]],
             timeout: float | None) -> tuple[Doc | BaseException | None, float]:
    started = time.monotonic()
    try:
        with deadline(timeout):
            doc: Doc | BaseException | None = _docs(nlp, [item])[0]
    except (Exception, ArticleTimeout) as exc:
        doc = exc
    return doc, time.monotonic() - started


def run_model(nlp: Language, sources: Iterable[Source], tasks: Iterable[str], debug: bool,
              timeout: float | None = None) -> Iterator[AnyRecord]:
    """Yield the records of `sources` in order, a batch of model pieces at a time, each source's ids attached."""
    for group in _groups(sources):
        # The budget is per article, all stages together: what the model took for it is spent.
        for (source, _), (doc, spent) in zip(group, _model_stage(nlp, group, debug, timeout), strict=True):
            left = max(timeout - spent, 0.001) if timeout else None
            yield safe_build(source, doc, tasks, debug, left)


