"""newskit: turn a news article into trustworthy structure.

Python API (the command line is a thin layer over it)::

    import newskit
    record = newskit.analyze_text(text, published="2024-01-22")   # a Record: fields, entities, dates, quotes, events
    article = newskit.parse_article(text)                          # fields only, no model needed
    for rec in newskit.analyze(newskit.read_inputs(["a.jsonl"]), tasks=("parse", "entities")):
        ...

Records are the frozen dataclasses of `newskit.record` (`Record`, or `ErrorRecord` for an input that failed);
`record.to_dict()` gives the JSON the command line writes (shape: ``newskit/data/record.schema.json``). Pass your
own spaCy pipeline with `analyze(..., nlp=...)`; `prepare(nlp)` adds newskit's components to it, and the
extractors (`extract_entities`, `extract_dates`, `extract_quotes`, `extract_events`) run on any Doc it makes.
"""
from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newskit.article.builder import parse_article
    from newskit.components import prepare
    from newskit.dates.extract import extract_dates
    from newskit.entities.extract import extract_entities
    from newskit.events.extract import extract_events
    from newskit.io.inputs import Source, read_inputs, source_from_text
    from newskit.nlp import load
    from newskit.pipeline import TASKS, analyze, analyze_text
    from newskit.quotes.extract import extract_quotes
    from newskit.record import (
        AnyRecord,
        Article,
        DateMention,
        Entity,
        ErrorInfo,
        ErrorRecord,
        Event,
        Image,
        Quote,
        Record,
        Span,
        Speaker,
        When,
    )

# Where each public name lives. The API is imported on first use, so `newskit --help` and the CLI's start-up do
# not pay for the parser's patterns, the record model or spaCy until a command needs them.
_HOME = {
    "parse_article": "newskit.article.builder",
    "Source": "newskit.io.inputs", "read_inputs": "newskit.io.inputs", "source_from_text": "newskit.io.inputs",
    "TASKS": "newskit.pipeline", "analyze": "newskit.pipeline", "analyze_text": "newskit.pipeline",
    "load": "newskit.nlp", "prepare": "newskit.components",
    "extract_entities": "newskit.entities.extract", "extract_dates": "newskit.dates.extract",
    "extract_quotes": "newskit.quotes.extract", "extract_events": "newskit.events.extract",
    **dict.fromkeys(("AnyRecord", "Article", "DateMention", "Entity", "ErrorInfo", "ErrorRecord", "Event", "Image",
                     "Quote", "Record", "Span", "Speaker", "When"), "newskit.record"),
}
__all__ = ["__version__", "parse_article", "Source", "read_inputs", "source_from_text", "TASKS", "analyze",
           "analyze_text", "load", "prepare", "extract_entities", "extract_dates", "extract_quotes", "extract_events",
           "AnyRecord", "Article", "DateMention", "Entity", "ErrorInfo", "ErrorRecord", "Event", "Image", "Quote",
           "Record", "Span", "Speaker", "When"]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'newskit' has no attribute {name!r}")
    import importlib  # only when a public name is first used

    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
