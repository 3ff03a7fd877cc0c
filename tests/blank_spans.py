"""Spans on a blank English tokenizer, for tests of the span-level entity steps (no model needed)."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

NLP = spacy.blank("en")


def make_doc(text: str) -> Doc:
    return NLP.make_doc(text)


def span(doc: Doc, text: str, label: str, nth: int = 0) -> Span:
    """The nth occurrence (from 0) of `text` in the doc as a span with `label`."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    return doc.char_span(start, start + len(text), label=label)


def labels(spans) -> list[tuple[str, str]]:
    return [(s.text, s.label_) for s in spans]
