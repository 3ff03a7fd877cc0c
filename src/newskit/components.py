"""spaCy components, registered as factories so `nlp.add_pipe("newskit_...")` works in any pipeline (importing this
module registers them all, `newskit_ner` from `newskit.entities.tagger` included)."""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import cast

import numpy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Span
from thinc.api import Config

from newskit import lexicon
from newskit.article.builder import parse_article
from newskit.attribute_rules import CompiledAttributeRuler, compile_rules
from newskit.dates.extract import extract_dates
from newskit.doctext import doc_text, newline_tokens
from newskit.entities import evidence
from newskit.entities.combine import combine
from newskit.entities.extract import extract_entities
from newskit.entities.tagger import BiluoTagger, tap_tok2vec, tensor_base


def keep_abbreviations(tokenizer) -> None:
    """Make `tokenizer` keep titles and month names with their dot ("Sgt.", "Lt.", "Sept."), as it already keeps
    "Sen." and "Gov.": split into a word and a full stop, the parser ends a sentence there and cuts a quote or an
    event from its speaker ("... Sgt." / "Tom Baird said ...")."""
    from spacy.symbols import ORTH

    for word in lexicon.words("sentence_abbreviations"):
        for form in (word.capitalize() + ".", word.upper() + "."):
            if len(tokenizer(form)) > 1:
                tokenizer.add_special_case(form, [{ORTH: form}])


# A full stop after a name joined by an ampersand ends the sentence: "Apple and AT&T." spaCy's suffixes split a
# stop off after a lowercase letter, a digit or two capitals, so "AT&T." and "P&G." stayed one token, which no
# layer then reads as a name.
_AMPERSAND_STOP = r"(?<=&[A-Z])\.$"


def split_ampersand_stop(tokenizer) -> None:
    """Make `tokenizer` split the full stop off a name joined by an ampersand at a sentence's end ("AT&T.")."""
    suffixes = tokenizer.suffix_search.__self__
    if _AMPERSAND_STOP not in suffixes.pattern:
        tokenizer.suffix_search = re.compile(suffixes.pattern + "|" + _AMPERSAND_STOP, suffixes.flags).search


def _break_lines(doc: Doc) -> Doc:
    """Start a sentence at every line start, unless a single newline is followed by a lowercase word (wrapped text).

    Pasted articles put headlines, bylines, captions and paragraphs on their own lines; left to itself the parser
    glues them into one sentence and the entity recognizer then crosses lines ("Kim Arin\\n\\nThe Korea Herald")."""
    for i in newline_tokens(doc):
        if i == len(doc) - 1:
            break  # the last token: no next one to start a sentence
        tok = doc[i]
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
    """Return a component that stores newskit's cleaned, grouped entities in `doc._.newskit_entities` (dicts).

    They are the entities the command line finds for the same text: the pipeline gets newskit's line splitter,
    recognizer and merge when it lacks them (`prepare`), and the article's fields are read from the doc's text as
    `newskit entities` reads them (so a byline-only author keeps its `author` role)."""
    prepare(nlp)
    if not Doc.has_extension("newskit_entities"):
        Doc.set_extension("newskit_entities", default=None)

    def component(doc: Doc) -> Doc:
        article = parse_article(doc_text(doc))
        doc._.newskit_entities = [e.to_dict() for e in extract_entities(doc, article)]
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
    words: list[evidence.Dictionary] = []  # the lemmatizer's tables, read at the first doc (loaded by then)

    def vote(names: list[Span], base: list[Span]) -> list[Span]:
        if not words:
            words.append(evidence.dictionary(nlp))
        return evidence.vote(names, base, words[0])

    def component(doc: Doc) -> Doc:
        if spans_key in doc.spans:
            if not words:
                words.append(evidence.dictionary(nlp))
            doc.ents = combine(list(doc.spans[spans_key]), list(doc.ents), keep_base_names=keep, vote=vote,
                               words=words[0], doc=doc)  # the doc: neither layer may have found a name in it
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


# ------------------------------------------------------------------------------------------ assembling a pipeline
# newskit's own CoNLL-2003 recognizer (training/ner/train.py); newskit.nlp.CONLL_HASHES lists its files' sha256.
CONLL_NER = Path(__file__).with_name("data") / "conll_ner"


# spaCy's tokenizer peels prefixes and suffixes off a whitespace-free chunk one at a time, copying the rest each
# time: quadratic in the chunk's length (10,000 quote marks take 9.5 s). Runs of punctuation longer than
# PUNCT_RUN and chunks longer than LONG_CHUNK never occur in prose, so they are cut into fixed-size tokens
# without asking the tokenizer; the Doc keeps the original text, so every offset is unchanged.
PUNCT_RUN = 32
LONG_CHUNK = 1000
_PATHOLOGICAL = re.compile(rf"(?<!\S)\S{{{LONG_CHUNK + 1},}}|(?<![^\w\s])[^\w\s]{{{PUNCT_RUN + 1},}}")


class GuardedTokenizer:
    """Wrap a spaCy tokenizer so that pathological runs are cut into tokens in linear time (see PUNCT_RUN)."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str):
        runs = [m.span() for m in _PATHOLOGICAL.finditer(text)]
        if not runs:
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for a, b in runs + [(len(text), len(text))]:
            if a > pos:
                for tok in self.tokenizer(text[pos:a]):
                    words.append(tok.text)
                    spaces.append(bool(tok.whitespace_))
            size = PUNCT_RUN if not text[a:a + 1].isalnum() and b - a <= LONG_CHUNK else LONG_CHUNK
            for k in range(a, b, size):
                words.append(text[k:min(k + size, b)])
                spaces.append(False)
            if b < len(text) and text[b] == " " and b > a:
                spaces[-1] = True  # the single space after the run is that token's trailing whitespace
                b += 1
            pos = b
        return Doc(self.tokenizer.vocab, words=words, spaces=spaces)

    def __getattr__(self, name):
        return getattr(self.tokenizer, name)


def prepare(nlp: Language, *, with_ner: bool = True) -> Language:
    """Make any spaCy pipeline newskit's (in place, and again is harmless): the guarded tokenizer, which keeps titles
    and month names with their dot (keep_abbreviations) and splits the full stop off "AT&T." (split_ampersand_stop),
    the compiled attribute ruler, the line splitter before the parser and, with `with_ner`, newskit's recognizer and
    its merge into doc.ents after `ner`. Returns `nlp`."""
    if not isinstance(nlp.tokenizer, GuardedTokenizer):
        keep_abbreviations(nlp.tokenizer)
        split_ampersand_stop(nlp.tokenizer)
        nlp.tokenizer = GuardedTokenizer(nlp.tokenizer)
    speed_up_attribute_ruler(nlp)
    if "newskit_lines" not in nlp.pipe_names:
        first = next((p for p in ("parser", "senter", "ner") if p in nlp.pipe_names), None)
        if first:
            nlp.add_pipe("newskit_lines", before=first)
        else:
            nlp.add_pipe("newskit_lines")
    if with_ner:
        add_conll_ner(nlp)
    return nlp


def add_conll_ner(nlp: Language, path: Path = CONLL_NER) -> bool:
    """Add newskit's recognizer and the merge of its names into doc.ents after the pipeline's own `ner`.

    Any English pipeline gets it when the recognizer has its own embeddings (the merge keeps the pipeline's
    non-name entity types); one built on a base pipeline's tok2vec output only goes behind that pipeline's
    `tok2vec`. A pipeline in another language is left alone. Returns whether it was added."""
    if nlp.lang != "en" or "newskit_ner" in nlp.pipe_names or not (path / "config.cfg").is_file():
        return False
    # Built from its own config and weights rather than spacy.load(path) + source=: the shipped folder's vocab and
    # tokenizer are the base pipeline's anyway, and reading them again costs more than the component's load.
    config = dict(Config().from_disk(path / "config.cfg")["components"]["newskit_ner"])
    base = tensor_base(config)
    if base is not None:
        name, source = base
        if f"{nlp.lang}_{nlp.meta.get('name')}" != name or source not in nlp.pipe_names:
            return False
        if source != "tok2vec" and not tap_tok2vec(nlp, source):
            return False
    config.pop("factory", None)
    pipe = cast(BiluoTagger, nlp.add_pipe("newskit_ner", config=config,
                                          after="ner" if "ner" in nlp.pipe_names else None))
    pipe.from_disk(path / "newskit_ner", exclude=["vocab"])
    nlp.add_pipe("newskit_ner_merge", after="newskit_ner")
    return True
