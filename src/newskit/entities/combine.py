"""Merge two entity layers: the CoNLL-trained recognizer decides people, places and organizations; the base model
keeps every other type (DATE, MONEY, NORP, EVENT, LAW...) where it does not collide with those names.

Then one name, one type: every occurrence of the same name in the article takes the type most of its
occurrences got, so a name is not a person in one sentence and an organization in the next.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

# Base-model labels for names: the CoNLL layer decides these.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
# What a CoNLL label becomes; a LOC takes the base model's finer place label when both found the same span.
FROM_CONLL = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Numbers and times: the base model's span wins over a colliding CoNLL name (dates are resolved from them).
NUMERIC = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def combine(conll: list[Span], base: list[Span], *, keep_base_names: bool = False) -> list[Span]:
    """Return the merged, non-overlapping entity spans of one doc, in text order.

    conll: spans labelled PER/LOC/ORG/MISC; base: the base model's OntoNotes spans. keep_base_names: also keep a
    base person/place/organization the CoNLL layer left untouched (more recall, less precision)."""
    numeric = [b for b in base if b.label_ in NUMERIC]
    same = {(b.start, b.end): b.label_ for b in base}
    names: list[Span] = []
    for s in conll:
        label = FROM_CONLL.get(s.label_)
        if label is None or any(_overlaps(s, n) for n in numeric):
            continue
        if label == "GPE" and same.get((s.start, s.end)) in PLACE_LABELS:
            label = same[(s.start, s.end)]
        names.append(Span(s.doc, s.start, s.end, label=label))
    misc = [s for s in conll if s.label_ not in FROM_CONLL]
    kept = []
    for b in base:
        if any(_overlaps(b, n) for n in names):
            if b.label_ not in NUMERIC:
                continue
        elif b.label_ in NAME_LABELS and (not keep_base_names or any(_overlaps(b, m) for m in misc)):
            continue
        kept.append(b)
    names = [n for n in names if not any(_overlaps(n, k) for k in kept)]
    return sorted(vote(names) + kept, key=lambda s: s.start)


def _key(span: Span) -> str:
    text = span.text.replace("\u2019", "'")
    if text.endswith("'s"):
        text = text[:-2]
    return " ".join(text.split()).casefold()


def vote(names: list[Span]) -> list[Span]:
    """Give every occurrence of a name the label most of its occurrences have (ties keep their own labels)."""
    votes: dict[str, Counter] = {}
    for n in names:
        votes.setdefault(_key(n), Counter())[n.label_] += 1
    out = []
    for n in names:
        ranked = votes[_key(n)].most_common(2)
        winner = ranked[0][0]
        if winner != n.label_ and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            out.append(Span(n.doc, n.start, n.end, label=winner))
        else:
            out.append(n)
    return out
