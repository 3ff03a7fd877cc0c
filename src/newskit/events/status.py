"""Event status: whether the article says an event happened, is planned, is only reported, did not happen, or might.

Read off the predicate's own clause (negation, modals, "will", "if", plan words, "to"-clauses of nouns) and then the
verbs above it: a reporting verb ("KCNA said Putin will visit") makes its subject the event's reporter, and an event
nothing else marks is then "reported". Above a relative or adverbial clause the mood belongs to another event.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from newskit import lexicon
from newskit.quotes.cues import lemma
from newskit.record import EventStatus

if TYPE_CHECKING:
    from spacy.tokens import Token

_MODALS = lexicon.table("event_status/modals")  # modal -> future, would or possible
_FUTURE = {m for m, kind in _MODALS.items() if kind == "future"}
_WOULD = {m for m, kind in _MODALS.items() if kind == "would"}
_POSSIBLE = {m for m, kind in _MODALS.items() if kind == "possible"}
_PLAN = lexicon.words("event_status/plan_words")
REPORT = lexicon.words("event_status/report_words")
_HEARSAY = lexicon.words("event_status/hearsay_words")
_PROSPECTIVE = lexicon.words("event_status/prospective_verbs")
_CONDITION = {"if", "unless", "whether"}  # subordinators of a condition (grammar, not vocabulary)


def ancestors(tok: Token, limit: int = 8) -> list[Token]:
    """Return the heads above `tok`, nearest first, at most `limit` of them."""
    cur = tok
    out: list[Token] = []
    while cur.head is not cur and len(out) < limit:
        cur = cur.head
        out.append(cur)
    return out


def _negated(tok: Token) -> bool:
    holders = [tok]
    if tok.pos_ == "NOUN":
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return True  # "no deal was reached"
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
            holders.append(tok.head)  # "did not hold talks"
    return any(c.dep_ == "neg" or c.dep_ == "advmod" and c.lower_ == "never" for h in holders for c in h.children)


def _noun_status(tok: Token) -> EventStatus | None:
    for t in tok.subtree:
        if t.dep_ == "relcl" and t.tag_ == "VBD" and t.i > tok.i:
            return "happened"  # "Kim's visit ..., which took place in September"
    if tok.dep_ == "dobj" and lemma(tok.head) in _PROSPECTIVE:
        return "planned"  # "Aeroflot negotiated the purchase", "Airbus announced job cuts": not done yet
    amods = {lemma(c) for c in tok.children if c.dep_ in ("amod", "compound")}
    if amods & {"purported", "alleged", "claimed", "reported"}:
        return "reported"
    if amods & _PLAN:
        return "planned"
    return None


def reporter_of(verb: Token) -> Token | None:
    """Return the subject token of a reporting verb ("KCNA said"), or None."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "agent")), None)
    if subj is not None and subj.dep_ == "agent":
        subj = next((c for c in subj.children if c.dep_ == "pobj"), None)
    return subj


def event_status(tok: Token) -> tuple[EventStatus, Token | None]:
    """Return the status of the event `tok` names and the token of whoever reports it (or None).

    The status is "negated", "hypothetical", "planned", "reported" or "happened"."""
    own_mood: EventStatus | None = None
    if tok.pos_ == "NOUN":
        own_mood = _noun_status(tok)
    mood: EventStatus | None = "negated" if _negated(tok) else own_mood
    own = [tok] + ([tok.head] if tok.pos_ == "NOUN" and tok.head.pos_ in ("VERB", "AUX") else [])
    chain = own + [a for a in ancestors(tok) if a not in own]
    prev: Token | None = None
    reporter: Token | None = None
    hearsay = False
    for t in chain:
        if prev is not None and prev.dep_ in ("ccomp", "xcomp", "csubj", "parataxis") \
                and t.pos_ in ("VERB", "AUX", "ADJ") and lemma(t) in REPORT:
            reporter, hearsay = reporter_of(t), lemma(t) in _HEARSAY
            break  # "North Korea claimed it conducted a test", "is believed to have provided"
        if prev is not None and prev.dep_ in ("ccomp", "advcl", "relcl", "acl", "pcomp") and not _to_clause(prev):
            break  # above a clause boundary the mood belongs to someone else
        prev = t
        if mood is not None or t.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
            continue
        mood = _clause_mood(t, tok)
    if mood is None and (reporter is not None or hearsay):
        mood = "reported"
    return mood or "happened", reporter


def _to_clause(t: Token) -> bool:
    """A "to"-infinitive of purpose or plan shares the mood of what it hangs from."""
    return t.dep_ in ("advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


def _clause_mood(t: Token, tok: Token) -> EventStatus | None:
    kids = list(t.children)
    auxes = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ == "mark" and c.lower_ in _CONDITION for c in kids):
        return "hypothetical"
    if auxes & _FUTURE:
        return "planned"
    if auxes & _WOULD and lemma(t) != "like":  # "would like to thank" is politeness, not a plan
        # "would" looks ahead from a past moment ("said it would buy") unless a condition is stated with it.
        conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITION for m in c.children)
                          for c in kids)
        return "hypothetical" if conditional else "planned"
    if "going" in auxes or t.dep_ == "xcomp" and lemma(t.head) == "go" and t.head.tag_ == "VBG":
        return "planned"
    if auxes & _POSSIBLE:
        return "hypothetical"
    if t.dep_ in ("xcomp", "acl") and lemma(t.head) in _PLAN or t is not tok and lemma(t) in _PLAN:
        return "planned"
    if t.dep_ == "acl" and "to" in auxes and t.head.pos_ == "NOUN":
        return "planned"  # "a contract to supply tankers", "a plan to assemble the planes"
    if t.dep_ == "xcomp" and lemma(t.head) == "be" and t.head.tag_ in ("VBZ", "VBP") and "to" in auxes:
        return "planned"  # "Boeing is to deliver the first jet"
    return None
