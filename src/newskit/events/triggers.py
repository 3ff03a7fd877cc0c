"""Event triggers: the types of event, the verbs and nouns that announce each, and which token is a trigger."""
from __future__ import annotations

from typing import get_args

from newskit import lexicon
from newskit.quotes.cues import lemma
from newskit.record import EventType, literal_map

TYPES: tuple[EventType, ...] = get_args(EventType)

VERB_TYPE: dict[str, EventType] = literal_map(lexicon.table("event_triggers/verbs"), EventType)
NOUN_TYPE: dict[str, EventType] = literal_map(lexicon.table("event_triggers/nouns"), EventType)
_WEAPONS = lexicon.words("event_triggers/weapons")


def trigger_type(tok) -> EventType | None:
    """Return the event type `tok` triggers, or None when it is not a trigger."""
    lem = lemma(tok)
    if tok.pos_ in ("VERB",) or (tok.pos_ == "AUX" and tok.dep_ != "aux"):
        t = VERB_TYPE.get(lem)
        if t == "arms_transfer":
            objs = [c for c in tok.children if c.dep_ in ("dobj", "prep", "dative")]
            words = {lemma(x) for o in objs for x in o.subtree} | {x.lower_ for o in objs for x in o.subtree}
            return t if words & _WEAPONS else None
        if t == "statement" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return None  # "saying", "expressed" with no one saying it: not an event of its own
        return t
    if tok.pos_ == "NOUN":
        t = NOUN_TYPE.get(tok.lower_) or NOUN_TYPE.get(lem)
        if tok.dep_ == "compound":
            return None  # "drill site", "test ban": the noun modifies another noun
        if t == "test" and tok.dep_ == "dobj" and lemma(tok.head) in ("pass", "fail", "stand"):
            return None
        if lemma(tok) == "transfer" and any(x.lower_ in _WEAPONS or lemma(x) == "technology" for x in tok.subtree):
            return "arms_transfer"
        return t
    return None
