"""One place per mention: a place span that holds several names separated by commas is cut into one mention each.

The model reads "Long Beach, California" or "Toronto, Vancouver" as one place. Both are two places a reader can put
on a map: a town and the state it lies in, or two cities of a list. Kept whole, the state is swallowed by the town
(it never becomes an entity of its own, and an archive's "California" misses every such article) and the two
cities of a list get one point. So the span is cut at each comma into mentions whose offsets are the names' own
(`text[start:end]` stays each name). The qualifier still qualifies: place resolution reads the ", California"
that follows "Long Beach" in the text (geo/candidates.py), so the town is looked for inside the state.

A part is a name when it starts with a capital letter and holds letters and no digit ("Sask.", "D.C." are names);
a span with any other part ("Pier 39, San Francisco", "Long Beach, and") is left whole.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from newskit.doctext import doc_text
from newskit.entities.span import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _is_name(doc: Doc, s: int, e: int) -> bool:
    words = [t.text for t in doc[s:e]]
    return bool(words) and words[0][:1].isupper() and all(not any(ch.isdigit() for ch in w) for w in words) \
        and any(ch.isalpha() for w in words for ch in w)


def split_places(doc: Doc, found: list[Mention]) -> list[Mention]:
    """Return `found` with each place mention that lists names separated by commas cut into one mention per name."""
    out: list[Mention] = []
    text = doc_text(doc)
    for m in found:
        if m.label not in PLACE_LABELS or "," not in m.text:
            out.append(m)
            continue
        bounds, s = [], m.tstart
        for i in range(m.tstart, m.tend):
            if doc[i].text == ",":
                bounds.append((s, i))
                s = i + 1
        bounds.append((s, m.tend))
        if len(bounds) < 2 or not all(_is_name(doc, a, b) for a, b in bounds):
            out.append(m)
            continue
        for a, b in bounds:
            start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
            out.append(Mention(start, end, text[start:end], m.label, a, b, m.source, m.field, list(m.titles)))
    return out
