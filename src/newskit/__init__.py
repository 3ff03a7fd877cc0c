"""newskit: turn a news article into trustworthy structure.

Python API (the command line is a thin layer over it)::

    import newskit
    record = newskit.analyze_text(text, published="2024-01-22")          # everything, as a dict
    article = newskit.parse_article(text)                                 # fields only, no model needed
    for rec in newskit.analyze(newskit.read_inputs(["a.jsonl"]), tasks={"entities"}):
        ...

Every record has the shape documented in ``newskit/data/record.schema.json``.
"""
from __future__ import annotations

__version__ = "0.1.0"

from newskit.article.builder import parse_article
from newskit.io.inputs import Source, read_inputs, source_from_text
from newskit.pipeline import TASKS, analyze, analyze_text

__all__ = ["__version__", "parse_article", "Source", "read_inputs", "source_from_text", "TASKS", "analyze",
           "analyze_text"]
