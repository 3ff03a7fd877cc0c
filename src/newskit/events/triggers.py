"""Event triggers: the types of event, the verbs and nouns that announce each, and which token is a trigger."""
from __future__ import annotations

from newskit.quotes.cues import lemma

TYPES = ("visit", "meeting", "statement", "launch", "test", "military_exercise", "attack", "agreement",
         "arms_transfer", "election", "war", "other")

_VERBS = {
    "visit": "visit travel tour arrive",
    "meeting": "meet negotiate confer",
    "statement": "say announce claim state declare warn report express dismiss condemn deny confirm urge accuse "
                 "criticize praise vow pledge threaten insist",
    "launch": "launch",
    "test": "test",
    "attack": "attack strike bomb shell invade raid kill shoot bombard",
    "agreement": "agree sign ratify",
    "arms_transfer": "ship supply provide transfer sell deliver export",
    "election": "elect vote",
}
_NOUNS = {
    "visit": "visit trip tour voyage",
    "meeting": "meeting talk talks summit conference negotiation negotiations",
    "statement": "statement announcement speech",
    "launch": "launch liftoff",
    "test": "test",
    "military_exercise": "drill drills exercise exercises maneuver maneuvers wargame",
    "attack": "attack strike bombing invasion raid shooting assault airstrike offensive",
    "agreement": "agreement deal treaty pact accord ceasefire truce",
    "arms_transfer": "shipment shipments",
    "election": "election referendum primary caucus caucuses",
    "war": "war conflict fighting",
    "other": "protest provocation rally crash ceremony explosion earthquake flood",
}
VERB_TYPE = {w: t for t, ws in _VERBS.items() for w in ws.split()}
NOUN_TYPE = {w: t for t, ws in _NOUNS.items() for w in ws.split()}
_WEAPONS = set(["arms", "weapon", "weapons", "munition", "munitions", "missile", "missiles", "shell", "shells", "artillery", "ammunition", "rocket", "rockets", "drone", "drones", "tank", "tanks", "warhead", "warheads"])


def trigger_type(tok) -> str | None:
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
