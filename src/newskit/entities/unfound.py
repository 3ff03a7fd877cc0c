"""Names the merged layer would lose: a person, place or organization only the base model found (the merge keeps
the recognizer's names), or a run of proper nouns neither model found ("GM said", "Citigroup shares fell"), is
proposed as a name where the words around one of its mentions call it one (evidence.says_a_name). It carries no
layer's label: the type vote decides what it is from the article's evidence alone, the way it decides every other
name (newskit.entities.evidence). Runs of dictionary words ("Family", "Eyewitnesses" opening a sentence), titles,
months and weekdays are never proposed."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy
from spacy.tokens import Span

from newskit import lexicon
from newskit.entities import evidence, names

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# The label a proposed name carries into the vote: no layer's (its layer features are all zero).
LABEL = "NAME"
_PROPER = ("NNP", "NNPS")
_COMMON = ("NN", "NNS")
_TITLES = lexicon.words("person_titles")  # "Const." (a constable) is no name of its own
_ROMAN = re.compile(r"[IVXLC]+")
_LONGEST = 4  # a longer run of capitalized words is a headline or a title, not one name
# a month or a weekday is a date's word ("March", "Tuesday"), whatever the tagger reads it as; a title a person's
_DATE_WORDS = ("dates/months", "dates/weekdays")
_NOT_NAMES = frozenset(row[0].rstrip(".") for name in _DATE_WORDS for row in lexicon.rows(name)) | _TITLES
_GLUE = lexicon.words("name_function_words")
# an acronym the base model calls an organization ("GM", "UAW", "AIG"): proposed without a cue, as a person is
# never written so
_ACRONYM = re.compile(r"[A-Z]{2,5}")


def propose(doc: Doc, taken: bytearray, base: list[Span], known: set[str], words: evidence.Dictionary) -> list[Span]:
    """Return the names of `doc` no span covers (`taken`: a per-token mask of every span the recognizer, a rule or
    the base model's other types placed) whose name is not one of `known` (names found elsewhere: their other
    mentions are added later), and that some mention's context calls a name: the base model's people, places and
    organizations the recognizer left out (an acronym it calls an organization with no cue needed: "that GM would
    repay"), and runs of proper nouns neither model found. A run of dictionary words
    (`words`: "Family", "Controversial", "State" opening a headline) is none; without a dictionary nothing is
    proposed."""
    if not words.words:
        return []
    runs: dict[str, list[Span]] = {}
    acronyms: set[str] = set()
    mask = bytearray(taken)
    for b in base:
        start = b.start + (len(b) > 1 and b[0].lower_ == "the")
        if b.label_ in evidence.NAME_LABELS and not any(mask[b.start:b.end]) and _word_run(doc[start:b.end], words):
            runs.setdefault(evidence.key(doc[start:b.end]), []).append(Span(doc, start, b.end, label=LABEL))
            mask[b.start:b.end] = b"\x01" * len(b)
            if b.label_ == "ORG" and _ACRONYM.fullmatch(b.text):
                acronyms.add(evidence.key(b))
    for start, end in _runs(doc, mask):
        # a run is cut before an office word: "Ontario Premier" before "Dalton McGuinty" proposes "Ontario"
        end = next((i for i in range(start + 1, end) if names.is_title_word(doc[i].text)), end)
        span = Span(doc, start, end, label=LABEL)
        if _word_run(span, words) or evidence.office_of_place(span):  # "Ontario" is a lake in the dictionary too
            runs.setdefault(evidence.key(span), []).append(span)
    out: list[Span] = []
    for name, spans in runs.items():
        if name not in known and (name in acronyms or any(evidence.says_a_name(s) for s in spans)):
            out.extend(spans)
    return out


def _runs(doc: Doc, taken: bytearray) -> list[tuple[int, int]]:
    """Return the maximal runs of capitalized proper-noun tokens that no span covers; a capitalized word the tagger
    reads as a common noun inside a sentence counts as one ("the Russian lender Sberbank": an unseen name)."""
    strings = doc.vocab.strings
    tags = doc.to_array("TAG")
    proper = numpy.isin(tags, [strings.add(t) for t in _PROPER])
    for i in numpy.flatnonzero(numpy.isin(tags, [strings.add(t) for t in _COMMON])).tolist():
        tok = doc[i]
        proper[i] = tok.text[:1].isupper() and not tok.text.isupper() and not evidence.starts_unit(tok) \
            and doc[i - 1].is_alpha  # after a word: not after a quotation's opening marks, wherever it starts
    out: list[tuple[int, int]] = []
    start = end = -1
    for i in numpy.flatnonzero(proper).tolist() + [len(doc) + 1]:
        ok = i < len(doc) and not taken[i] and doc[i].text[:1].isupper()
        if start >= 0 and (not ok or i != end):
            out.append((start, end))
            start = -1
        if ok:
            if start < 0:
                start = i
            end = i + 1
    return [(a, b) for a, b in out if b - a <= _LONGEST]


def _word_run(span: Span, words: evidence.Dictionary) -> bool:
    """Say whether a run reads as a name: capitalized words, none of them an office or a form of address
    ("President", "Mr.", "Const."), a month or a weekday, not all of them dictionary words, and not one letter."""
    if len(span.text) < 2 or not (_name_token(span[0]) and _name_token(span[-1])) \
            or any(not _name_token(t) and t.text not in _GLUE for t in span):
        return False  # "Bank of America": a lowercase function word inside a name, never opening or ending it
    if any(names.is_title_word(t.text) or t.lower_.rstrip(".") in _NOT_NAMES for t in span):
        return False
    return not all(_common(t, words) for t in span if t.text not in _GLUE)


def _common(tok: Token, words: evidence.Dictionary) -> bool:
    """Say whether a word is a dictionary word ("Family", "Eyewitnesses") or a Roman numeral; an acronym is not
    ("GM" is no gram here)."""
    if tok.text.isupper() and len(tok.text) > 1:
        return bool(_ROMAN.fullmatch(tok.text))
    low = tok.lower_
    return any(w in words.words for w in (low, low[:-1] if low.endswith("s") else low,
                                          low[:-2] if low.endswith("es") else low))


def _name_token(tok: Token) -> bool:
    """Say whether a token may be a word of a name: capitalized letters, or with "&" or dots ("AT&T", "U.S.")."""
    return tok.text[:1].isupper() and (tok.is_alpha or all(c.isalpha() or c in "&." for c in tok.text))
