"""spaCy components, registered as factories so `nlp.add_pipe("newskit_...")` works in any pipeline (importing this
module registers them all, `newskit_ner` from `newskit.entities.tagger` included)."""
from __future__ import annotations

import os
from typing import cast

import numpy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from newskit.attribute_rules import CompiledAttributeRuler, compile_rules
from newskit.dates.extract import extract_dates
from newskit.entities.combine import combine
from newskit.entities.extract import extract_entities
from newskit.entities.tagger import make_ner  # noqa: F401  (registers the newskit_ner factory)


def _break_lines(doc: Doc) -> Doc:
    """Start a sentence at every line start, unless a single newline is followed by a lowercase word (wrapped text).

    Pasted articles put headlines, bylines, captions and paragraphs on their own lines; left to itself the parser
    glues them into one sentence and the entity recognizer then crosses lines ("Kim Arin\\n\\nThe Korea Herald")."""
    for i, tok in enumerate(doc[:-1]):
        if "\n" not in tok.text and "\n" not in tok.whitespace_:
            continue
        nxt = doc[i + 1]
        if tok.is_space and "\n" in tok.text:
            nxt_is_start = True
            if tok.text.count("\n") == 1 and nxt.text[:1].islower():
                nxt_is_start = False
        else:
            nxt_is_start = "\n" in tok.whitespace_ and not nxt.text[:1].islower()
        if nxt_is_start:
            nxt.is_sent_start = True
    _cap_sentences(doc)
    return doc


# Sentences longer than SOFT_SENT tokens end at the next capitalized word after a full stop, and at HARD_SENT
# tokens in any case. Prose never comes near (a long news sentence has 60 tokens); a text that never ends a
# sentence (thousands of nested quotations) would otherwise make every per-sentence step quadratic and copy one
# huge sentence into every event found in it.
SOFT_SENT = 128
HARD_SENT = 256


def _cap_sentences(doc: Doc) -> None:
    if len(doc) <= SOFT_SENT:
        return
    # Only stretches between the line starts set above can be too long: look at those tokens alone.
    marks = [0, *(int(i) for i in numpy.flatnonzero(doc.to_array("SENT_START") == 1)), len(doc)]
    for a, b in zip(marks, marks[1:]):
        if b - a <= SOFT_SENT:
            continue
        run = 0
        for i in range(a, b):
            tok = doc[i]
            if run >= HARD_SENT or (run >= SOFT_SENT and tok.text[:1].isupper()
                                    and doc[i - 1].text in (".", "?", "!")):
                tok.is_sent_start = True
                run = 0
            run += 1


@Language.factory("newskit_lines")
def make_lines(nlp: Language, name: str):
    """Return the line-aware sentence-boundary component (runs before the parser)."""
    return _break_lines


@Language.factory("newskit_entities")
def make_entities(nlp: Language, name: str):
    """Return a component that stores newskit's cleaned, grouped entities in `doc._.newskit_entities` (dicts)."""
    if not Doc.has_extension("newskit_entities"):
        Doc.set_extension("newskit_entities", default=None)

    def component(doc: Doc) -> Doc:
        doc._.newskit_entities = [e.to_dict() for e in extract_entities(doc)]
        return doc

    return component


@Language.factory("newskit_dates", default_config={"published": None})
def make_dates(nlp: Language, name: str, published: str | None):
    """Return a component that stores resolved TIMEX3 dates in `doc._.newskit_dates` (dicts).

    The anchor is `doc._.newskit_published` (ISO date) when set, else the `published` config value."""
    for ext in ("newskit_dates", "newskit_published"):
        if not Doc.has_extension(ext):
            Doc.set_extension(ext, default=None)

    def component(doc: Doc) -> Doc:
        anchor = doc._.newskit_published or published
        doc._.newskit_dates = [d.to_dict() for d in extract_dates(doc, anchor)]
        return doc

    return component


@Language.factory("newskit_ner_merge", default_config={"spans_key": "newskit_ner", "keep_base_names": []},
                  assigns=["doc.ents"], requires=["doc.spans"])
def make_ner_merge(nlp: Language, name: str, spans_key: str, keep_base_names: list[str]):
    """Return a component that sets doc.ents from the `newskit_ner` spans (people, places, organizations) and the
    base model's entities of every other type, one type per name across the doc (newskit.entities.combine)."""
    keep = frozenset(keep_base_names)

    def component(doc: Doc) -> Doc:
        if spans_key in doc.spans:
            doc.ents = combine(list(doc.spans[spans_key]), list(doc.ents), keep_base_names=keep)
        return doc

    return component


@Language.factory("newskit_attribute_ruler")
def make_attribute_ruler(nlp: Language, name: str):
    """Return an empty vectorized attribute ruler; `speed_up_attribute_ruler` fills it from spaCy's own."""
    return CompiledAttributeRuler()


def speed_up_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Replace the pipeline's enabled AttributeRuler by its compiled form when every pattern compiles; return
    whether it was replaced. Set NEWSKIT_SPACY_ATTRIBUTE_RULER=1 to keep spaCy's own component."""
    if os.environ.get("NEWSKIT_SPACY_ATTRIBUTE_RULER") == "1" or name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if type(ruler).__name__ != "AttributeRuler":
        return False
    rules = compile_rules(cast(AttributeRuler, ruler))
    if rules is None:
        return False
    compiled = cast(CompiledAttributeRuler, nlp.replace_pipe(name, "newskit_attribute_ruler"))
    compiled.load(rules)
    return True
