"""Merge two entity layers: the CoNLL-trained recognizer decides people, places and organizations; the base model
keeps every other type (DATE, MONEY, NORP, EVENT, LAW...) where it does not collide with those names.

A maker's name with a model designation ("Airbus A380", "Boeing 737s") is one product, as both layers' training
annotations have it (CoNLL-2003 MISC, OntoNotes PRODUCT), not the maker as an organization.

Then one name, one type: every occurrence of the same name in the article takes the type the article's evidence
gives it (newskit.entities.evidence), so a name is not a person in one sentence and an organization in the next.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable

from spacy.tokens import Doc, Span, Token

from newskit.entities import cities, evidence, unfound
from newskit.entities.names import is_initial
from newskit.entities.products import retype as product_types
from newskit.geo.gazetteer import gazetteer

# Base-model labels for names: the CoNLL layer decides these.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
# What a CoNLL label becomes; a LOC takes the base model's finer place label (GPE/LOC/FAC) where both found a place.
FROM_CONLL = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Numbers and times: the base model's span wins over a colliding CoNLL name (dates are resolved from them).
NUMERIC = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
# Words after which a name the base model calls a place is that place, whatever club CoNLL-2003's sports pages
# taught the recognizer to see in it ("will visit Hamburg").
PLACE_WORDS = frozenset({"in", "to", "from", "visit", "visited", "visiting", "visits", "near", "at", "across",
                         "outside", "into", "toward", "towards"})
# Base labels whose span may widen a CoNLL name of the same type (see _widen).
WIDEN = frozenset({"PERSON", "ORG"})
# A model designation after a maker's name: "A380", "787", "737-800", "737s", "T-72", "A330-200", "DC-9".
_DESIGNATION = re.compile(r"[A-Z]{1,3}-?\d{1,4}(?:-\d{1,4})?[A-Za-z]{0,3}|\d{3,4}(?:-\d{1,4})?s?")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _placed(span: Span) -> bool:
    """Say whether the words before a name place it ("visit Hamburg", "in Hamburg"): then a city, not its club."""
    prev = span.doc[span.start - 1] if span.start else None
    return prev is not None and prev.lower_ in PLACE_WORDS


def _cover(n: int, spans: Iterable[Span]) -> bytearray:
    """Return a per-token mask of the tokens the spans cover (overlap tests by slicing, not span pairs)."""
    mask = bytearray(n)
    for s in spans:
        mask[s.start:s.end] = b"\x01" * (s.end - s.start)
    return mask


Vote = Callable[[list[Span], list[Span]], list[Span]]
NO_WORDS = evidence.Dictionary()  # no common words known: no name neither layer found is proposed


def combine(conll: list[Span], base: list[Span], *, keep_base_names: Collection[str] = (),
            vote: Vote = evidence.vote, words: evidence.Dictionary = NO_WORDS, doc: Doc | None = None) -> list[Span]:
    """Return the merged, non-overlapping entity spans of one doc, in text order.

    conll: spans labelled PER/LOC/ORG/MISC; base: the base model's OntoNotes spans. A base person, place or
    organization is kept where the CoNLL layer calls the very same span MISC (its catch-all: the base model's type
    is finer) and, for the labels in keep_base_names, also where the CoNLL layer found nothing at all. `vote`
    gives every mention of a name one type (newskit.entities.evidence.vote); a name neither layer found is proposed
    to it where its context calls it one and `words`, the pipeline's common words, do not hold it
    (newskit.entities.unfound); `doc`, the spans' doc, lets that run where neither layer found anything ("Analysts at
    Barclays doubted ...")."""
    doc = doc if doc is not None else (conll or base)[0].doc if conll or base else None
    if doc is None:
        return []
    n = len(doc)
    numeric = _cover(n, [b for b in base if b.label_ in NUMERIC])
    exact = {(b.start, b.end): b.label_ for b in base}
    names: list[Span] = []
    for s in conll:
        label = FROM_CONLL.get(s.label_)
        if label is None or any(numeric[s.start:s.end]):
            continue
        if label == "ORG" and exact.get((s.start, s.end)) == "GPE" and _placed(s):
            label = "GPE"
        if label == "GPE":
            label = next((b.label_ for b in base if b.label_ in PLACE_LABELS and b.start < s.end
                          and s.start < b.end), label)
        names.append(Span(s.doc, s.start, s.end, label=label))
    names = _particle_names(names, base)
    seen_by_base = _cover(n, base)
    other = _cover(n, [s for s in conll if s.label_ not in FROM_CONLL])
    names = [evidence.strip_cue(s) for s in _rejoin(_widen(names, base, other), base)
             if not _is_label(s, seen_by_base)]
    products = _products(conll, base, names)
    made = _cover(n, products)
    names = [s for s in names if not any(made[s.start:s.end])]
    base = [b for b in base if not any(made[b.start:b.end])]
    misc_spans = [s for s in conll if s.label_ not in FROM_CONLL]
    misc_exact = {(s.start, s.end) for s in misc_spans}
    misc = _cover(n, misc_spans)
    taken = _cover(n, names)
    kept = []
    for b in base:
        if any(taken[b.start:b.end]):
            if b.label_ not in NUMERIC:
                continue
        elif b.label_ in NAME_LABELS and (b.start, b.end) not in misc_exact \
                and (b.label_ not in keep_base_names or any(misc[b.start:b.end])):
            continue
        kept.append(b)
    kept = [b for b in kept if b.label_ not in NAME_LABELS or not evidence.part_of_a_time([b])
            and not ((b.start, b.end) in misc_exact and (_modifier(b) or _unknown_place(b)))]
    kept = [b for b in kept if not _title_of_a_name(b, names)]
    held = _cover(n, kept)
    names = [s for s in names if not any(held[s.start:s.end])]
    # names neither layer found, that the words around them call names (newskit.entities.unfound)
    taken = _cover(n, [*names, *kept, *products, *conll, *(b for b in base if b.label_ not in NAME_LABELS)])
    known = {evidence.key(s) for s in [*names, *kept, *products, *conll]}
    names = sorted(names + unfound.propose(doc, taken, base, known, words), key=lambda s: s.start)
    # products and market indices the models called firms (newskit.entities.products)
    return product_types(sorted(vote(names, base) + kept + products, key=lambda s: s.start), base, misc_spans)


def _unknown_place(span: Span) -> bool:
    """Say whether the base model reads a place (GPE) in a name that is no place of the gazetteer ("The Bundesliga
    breaks for the winter", "Chechens"): where the recognizer calls it MISC, it is a league, a people or an event. A
    firm the base model reads over the recognizer's MISC stays ("Airbus", "Boeing"), and so does a place the
    gazetteer has ("Marion County") or a natural feature (LOC)."""
    return span.label_ == "GPE" and not cities.is_known_place(span.text) and not gazetteer().lookup(span.text)


def _title_of_a_name(span: Span, names: list[Span]) -> bool:
    """Say whether the base model's work title is a word of a longer name the article gives ("Penske" after a closing
    quotation mark, where "Roger Penske" came before): the name again, no title."""
    if span.label_ != "WORK_OF_ART" or len(span) != 1:
        return False
    return any(len(s) >= 2 and any(t.lower_ == span[0].lower_ for t in s) for s in names)


def _modifier(span: Span) -> bool:
    """Say whether a name only qualifies the common noun after it ("Airbus jets", "Dow Jones industrial average",
    "Hutu rebels", "PGA Tour victories"): where the recognizer calls such a name MISC, it names a kind of thing, a
    people or an event, not the person, place or organization the base model reads in it."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.is_alpha and nxt.is_lower and nxt.tag_ in ("NN", "NNS", "JJ") and span.root.head.i >= span.end \
        and span.root.dep_ in ("compound", "amod", "nmod")


def _designation(tok: Token) -> bool:
    """Say whether a token is a model designation ("A380", "787", "737-800", "737s", "F-16"), not a year, and no
    table row goes on after it ("Lotte 5 3 1": a score)."""
    doc = tok.doc
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return bool(_DESIGNATION.fullmatch(tok.text)) and not _YEAR.fullmatch(tok.text) \
        and not (after is not None and after.like_num)


def _products(conll: list[Span], base: list[Span], names: list[Span]) -> list[Span]:
    """Return the products a maker's name and a model designation make together: "Airbus A380", "Boeing 737s",
    "iPhone 4". CoNLL-2003 annotates them as one MISC name (the maker is no organization there), and OntoNotes as a
    PRODUCT: so where the recognizer calls the maker MISC and a designation ends or follows it, or where the base
    model's PRODUCT span is a capitalized name followed by a designation, the whole is one product. A designation
    alone that the base model calls a PRODUCT ("the A380") is one too."""
    out: list[Span] = []
    if not conll and not base:
        return out
    doc = (conll or base)[0].doc
    n = len(doc)
    for b in base:
        if b.label_ == "PRODUCT" and _designation(b[-1]) and b[0].text[:1].isalpha() \
                and (len(b) == 1 or any(c.isupper() for c in b[0].text)):
            out.append(Span(doc, b.start, b.end, label="PRODUCT"))
    for s in conll:
        if s.label_ in FROM_CONLL or not s[0].text[:1].isupper():
            continue
        end = s.end
        if end < n and _designation(doc[end]) and doc[end - 1].text[:1].isupper():
            end += 1
        elif not (len(s) >= 2 and _designation(s[-1])):
            continue
        out.append(Span(doc, s.start, end, label="PRODUCT"))
    out.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[Span] = []
    for p in out:
        if kept and p.start < kept[-1].end:
            if p.end > kept[-1].end:
                kept[-1] = Span(doc, kept[-1].start, p.end, label="PRODUCT")
            continue
        kept.append(p)
    return kept


def _is_label(span: Span, base_cover: bytearray) -> bool:
    """Say whether a name only the CoNLL layer saw is a one-word capitals label before a colon ("PHOTO: Unsplash")."""
    doc = span.doc
    return len(span) == 1 and span.text.isupper() and len(span.text) > 1 and span.end < len(doc) \
        and doc[span.end].text == ":" and not any(base_cover[span.start:span.end])


def _name_word(tok: Token) -> bool:
    """Say whether a token can extend a name: a capitalized word, or a hyphen or word glued to its neighbours."""
    doc = tok.doc
    glued = tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_
    return (tok.is_alpha and (tok.text[:1].isupper() or glued)) or (tok.text == "-" and not tok.whitespace_)


def _widen(names: list[Span], base: list[Span], misc: bytearray | None = None) -> list[Span]:
    """Take the base model's longer span for a person, organization or place it found whole where the CoNLL layer kept
    only part of it ("General Electric" read as "Electric", "Moscone West Convention Center" as its last three words).

    "Choe Sun-hui’s": the CoNLL layer reads "Choe" as a person and "Sun" as something else; the base model has the
    whole name. Only when that one person is the only CoNLL name inside the base span and the words it adds are name
    words: capitalized or hyphen-joined (the base model's spans also run into "the", scores, line breaks and "'s");
    an organization around a person only when none of them is a name of its own to the CoNLL layer (`misc`:
    "American" of "American Dennis Mitchell")."""
    out = list(names)
    for b in base:
        place = b.label_ in PLACE_LABELS
        if b.label_ not in WIDEN and not place:
            continue
        start = b.start + (place and len(b) > 1 and b[0].lower_ == "the")  # "the Moscone West Convention Center"
        inside = [s for s in out if s.start < b.end and b.start < s.end]
        if len(inside) != 1 or (inside[0].start, inside[0].end) == (start, b.end) \
                or not (start <= inside[0].start and inside[0].end <= b.end):
            continue
        # a company named after a person or a rank ("General Electric") is still the company; a place's words the
        # CoNLL layer left out ("Chiang Mai International" + "Airport") are still that place
        if inside[0].label_ != b.label_ and not (b.label_ == "ORG" and inside[0].label_ == "PERSON") \
                and not (place and inside[0].label_ in PLACE_LABELS):
            continue
        extra = [t for t in b[start - b.start:] if not inside[0].start <= t.i < inside[0].end]
        # a firm named after a person takes no word the CoNLL layer reads as a name of its own ("American")
        foreign = inside[0].label_ != b.label_ and misc is not None and any(misc[t.i] for t in extra)
        if all(_name_word(t) for t in extra) and not foreign:
            out = [s for s in out if s is not inside[0]] + [Span(b.doc, start, b.end, label=b.label_)]
    return sorted(out, key=lambda s: s.start)


def _rejoin(names: list[Span], base: list[Span]) -> list[Span]:
    """Make one name of CoNLL pieces that abut and share a label where the base model read them as one name:
    "People" + "'s" + "Republic of" + "China" is "People's Republic of China". Only when the pieces cover the base
    span exactly (a leading "the" aside), so two names side by side stay two."""
    starts = {s.start: s for s in names}
    out = list(names)
    for b in base:
        if b.label_ not in NAME_LABELS or len(b) < 3:
            continue
        i = b.start + (b[0].lower_ == "the")
        pieces = []
        while i in starts and i < b.end:
            pieces.append(starts[i])
            i = starts[i].end
        if len(pieces) < 2 or i != b.end or pieces[0].text[:1].islower():
            continue  # "state" + "Department of Revenue": a name does not start with a lowercase word
        if len({p.label_ for p in pieces}) == 1:
            label = pieces[0].label_
        elif _middle_initial(b, pieces):
            label = "PERSON"
        else:
            continue
        out = [s for s in out if all(s is not p for p in pieces)]
        out.append(Span(b.doc, pieces[0].start, b.end, label=label))
    return sorted(out, key=lambda s: s.start)


def _particle_names(names: list[Span], base: list[Span]) -> list[Span]:
    """Make one person of a person's name ending in a family name's particle and its apostrophe ("Michael O'", as
    either layer reads it) and the one-word name right after it ("Leary"): the text put a space after the apostrophe
    ("Michael O' Leary"), and the recognizer took the rest of the family name for a place."""
    out = list(names)
    for p in [s for s in names if s.label_ == "PERSON"] + [b for b in base if b.label_ == "PERSON"]:
        doc = p.doc
        end = p.end + (p.end < len(doc) and doc[p.end].text in ("'", "\u2019"))  # "O" + "'" as two tokens
        if len(p) < 2 or p[-1].text.rstrip("'\u2019") not in ("O", "D") or end >= len(doc) \
                or doc[end - 1].text[-1:] not in ("'", "\u2019") or not doc[end - 1].whitespace_:
            continue
        after = next((s for s in out if s.start == end and len(s) == 1), None)
        if after is not None:
            out = [s for s in out if s is not after and not (s.start < end and p.start < s.end)]
            out.append(Span(doc, p.start, after.end, label="PERSON"))
    return sorted(out, key=lambda s: s.start)


def _middle_initial(base: Span, pieces: list[Span]) -> bool:
    """Say whether pieces the recognizer typed apart are one person's name written with a middle initial, as the
    base model reads it: "Ben" + "S. Bernanke", "Gerald" + "R. Ford" (a person's piece opening with the initial)."""
    return base.label_ == "PERSON" and any(p.label_ == "PERSON" and is_initial(p[0].text)
                                           for p in pieces[1:])
