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

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newskit.article.builder import parse_article
    from newskit.io.inputs import Source, read_inputs, source_from_text
    from newskit.pipeline import TASKS, analyze, analyze_text

__all__ = ["__version__", "parse_article", "Source", "read_inputs", "source_from_text", "TASKS", "analyze",
           "analyze_text"]

# The API is imported on first use, so `newskit --help` and the CLI's start-up do not pay for the parser's
# patterns and the record model until a command needs them.
_HOME = {"parse_article": "newskit.article.builder", "Source": "newskit.io.inputs", "read_inputs": "newskit.io.inputs",
         "source_from_text": "newskit.io.inputs", "TASKS": "newskit.pipeline", "analyze": "newskit.pipeline",
         "analyze_text": "newskit.pipeline"}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'newskit' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
