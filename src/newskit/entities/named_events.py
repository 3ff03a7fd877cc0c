"""Event mentions the article reports ("state visit", "summit", "war in Ukraine"), listed as entities of type event.

Only the mention is found here: who did what where and when is the events/ package's job. A mention is a common
noun from a list of reportable happenings, with its compound modifiers and an "in PLACE" phrase when one follows.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from newskit import lexicon
from newskit.doctext import doc_text
from newskit.entities.span import Layout, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Nouns that, in news, report a happening rather than a thing. Kept short on purpose: a noun that is an event only
# now and then ("order", "deal") would list noise.
EVENT_NOUNS = lexicon.words("event_nouns")
# Plural-only or plural-meaning forms keep their surface ("talks", "drills").
_MODIFIERS = {"compound"}


def _span_of(tok: Token) -> tuple[int, int]:
    """Return (first, last) token indices of the event phrase headed by `tok`."""
    first = tok.i
    for child in tok.lefts:
        if child.dep_ in _MODIFIERS and child.i == first - 1 and not child.is_punct:
            first = child.i
            for g in child.lefts:  # "North Korea trip": the compound's own compounds
                if g.dep_ == "compound" and g.i == first - 1:
                    first = g.i
    last = tok.i
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "in" and child.i == last + 1:
            objs = [g for g in child.children if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC")]
            if objs:
                last = max(t.i for t in objs[0].subtree)
        break
    return first, last


def _lemma(tok: Token) -> str:
    # the lemmatizer may be disabled for speed (the entities task does not need it): fall back to a plural strip
    if tok.lower_ in EVENT_NOUNS:
        return tok.lower_
    lemma: str = tok.lemma_.lower() if tok.lemma_ else tok.lower_
    if lemma not in EVENT_NOUNS and lemma.endswith("s") and lemma[:-1] in EVENT_NOUNS:
        lemma = lemma[:-1]
    return lemma


def event_mentions(doc: Doc, layout: Layout, taken: set[int]) -> list[Mention]:
    """Return event-noun mentions in body text that do not overlap the name mentions' tokens."""
    import numpy
    from spacy.symbols import NOUN

    out: list[Mention] = []
    for i in numpy.flatnonzero(doc.to_array("POS") == NOUN).tolist():  # skips building a Token for every word
        tok = doc[i]
        if _lemma(tok) not in EVENT_NOUNS or tok.i in taken:
            continue
        if layout.field_at(tok.idx) not in (None, "body", "dateline", "headline", "subheadline"):
            continue
        first, last = _span_of(tok)
        while first < tok.i and (first in taken or doc[first].ent_type_ in ("DATE", "ORDINAL", "CARDINAL")):
            first += 1
        if any(i in taken for i in range(tok.i + 1, last + 1)):
            last = tok.i
        a, b = doc[first].idx, doc[last].idx + len(doc[last].text)
        out.append(Mention(a, b, doc_text(doc)[a:b], "EVENT", first, last + 1, "event", layout.field_at(a)))
    return out


def event_key(m: Mention, doc: Doc) -> str:
    """Return the grouping key of an event mention: its lemmatized words, lowercase."""
    return " ".join(_lemma(t) for t in doc[m.tstart:m.tend])
