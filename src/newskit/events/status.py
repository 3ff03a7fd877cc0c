"""Event status: whether the article says an event happened, is planned, or only that someone reported it.

Read off the trigger's clause: modals, "will", "if", plan words and infinitives make it planned; a reporting verb
above it ("claimed it conducted a test") makes it reported.
"""
from __future__ import annotations

from newskit import lexicon
from newskit.quotes.cues import lemma
from newskit.record import EventStatus

_MODAL = lexicon.words("event_status/modals")
_PLAN = lexicon.words("event_status/plan_words")
REPORT = lexicon.words("event_status/report_words")


def ancestors(tok, limit=8):
    """Return the heads above `tok`, nearest first, at most `limit` of them."""
    cur, out = tok, []
    while cur.head is not cur and len(out) < limit:
        cur = cur.head
        out.append(cur)
    return out


def event_status(tok) -> EventStatus:
    """Return "planned", "reported" or "happened" from the mood of the trigger's clause and what governs it."""
    own = [tok] + ([tok.head] if tok.pos_ == "NOUN" and tok.head.pos_ in ("VERB", "AUX") else [])
    # A noun's own predication wins: "Kim's visit …, which took place in September".
    if tok.pos_ == "NOUN":
        for t in tok.subtree:
            if t.dep_ == "relcl" and t.tag_ == "VBD" and t.i > tok.i:
                return "happened"
        if any(c.dep_ == "amod" and lemma(c) in ("purported", "alleged", "claimed") for c in tok.children):
            return "reported"
        if any(c.dep_ == "amod" and lemma(c) in _PLAN for c in tok.children):
            return "planned"
    chain = own + [a for a in ancestors(tok) if a not in own]
    prev = None
    for t in chain:
        if prev is not None and prev.dep_ in ("ccomp", "xcomp", "csubj") and t.pos_ in ("VERB", "AUX", "ADJ") \
                and lemma(t) in REPORT:
            return "reported"  # "North Korea claimed it conducted a test", "is believed to have provided"
        if prev is not None and prev.dep_ in ("ccomp", "advcl", "relcl", "acl") and prev is not tok:
            break  # above a clause boundary the mood belongs to someone else
        prev = t
        if t.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
            continue
        kids = list(t.children)
        if any(c.dep_ == "aux" and c.lower_ in _MODAL for c in kids):
            return "planned"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in kids):
            return "planned"
        if t.dep_ == "xcomp" and lemma(t.head) in _PLAN or t is not tok and lemma(t) in _PLAN:
            return "planned"
    return "happened"
