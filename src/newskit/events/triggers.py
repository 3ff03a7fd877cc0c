"""Event predicates: which tokens are events (verbs and event nouns), and the type a small lexicon gives them.

Any content verb can be an event; a noun is one when the lexicon names it or it is a nominalization ("approval",
"settlement"). Whether a candidate becomes an event is decided by its arguments (participants.py): an untyped
predicate needs a named person, organization or place among them.
"""
from __future__ import annotations

from newskit.quotes.cues import lemma

TYPES = ("visit", "meeting", "statement", "launch", "test", "military_exercise", "attack", "agreement",
         "arms_transfer", "election", "war", "acquisition", "sale", "lawsuit", "ruling", "appointment",
         "resignation", "death", "arrest", "protest", "disaster", "financial_result", "product_launch", "other")

_VERBS = {
    "visit": "visit travel tour arrive",
    "meeting": "meet negotiate confer",
    "statement": "say announce claim state declare warn report express dismiss condemn deny confirm urge accuse "
                 "criticize praise vow pledge threaten insist tell",
    "launch": "launch",
    "test": "test",
    "attack": "attack strike bomb shell invade raid kill shoot bombard",
    "agreement": "agree sign ratify settle",
    "arms_transfer": "ship supply provide transfer sell deliver export",
    "election": "elect vote",
    "acquisition": "acquire merge",
    "sale": "sell buy purchase order",
    "lawsuit": "sue",
    "ruling": "rule uphold overturn convict acquit sentence",
    "appointment": "appoint hire nominate",
    "resignation": "resign quit retire fire oust",
    "death": "die",
    "arrest": "arrest detain jail imprison indict",
    "protest": "protest demonstrate",
    "disaster": "crash explode collapse",
    "financial_result": "earn",
    "product_launch": "unveil introduce release debut",
}
_NOUNS = {
    "visit": "visit trip tour voyage flight",
    "meeting": "meeting talk talks summit conference negotiation negotiations",
    "statement": "statement announcement speech",
    "launch": "launch liftoff",
    "test": "test",
    "military_exercise": "drill drills exercise exercises maneuver maneuvers wargame",
    "attack": "attack strike bombing invasion raid shooting assault airstrike offensive",
    "agreement": "agreement deal treaty pact accord ceasefire truce settlement",
    "arms_transfer": "shipment shipments",
    "election": "election referendum primary caucus caucuses",
    "war": "war conflict fighting",
    "acquisition": "acquisition takeover merger buyout",
    "sale": "sale sales order orders purchase",
    "lawsuit": "lawsuit suit litigation",
    "ruling": "ruling verdict judgment judgement conviction",
    "appointment": "appointment nomination",
    "resignation": "resignation retirement departure",
    "death": "death funeral",
    "arrest": "arrest detention indictment",
    "protest": "protest protests rally demonstration",
    "disaster": "crash explosion earthquake flood hurricane accident disaster tsunami",
    "financial_result": "earnings profit loss revenue",
    "product_launch": "unveiling debut release",
    "other": "provocation ceremony",
}
_ARMS_VERBS = set(_VERBS["arms_transfer"].split())
VERB_TYPE = {w: t for t, ws in _VERBS.items() for w in ws.split()}
NOUN_TYPE = {w: t for t, ws in _NOUNS.items() for w in ws.split()}
_WEAPONS = {"arms", "weapon", "weapons", "munition", "munitions", "missile", "missiles", "shell", "shells",
            "artillery", "ammunition", "rocket", "rockets", "drone", "drones", "tank", "tanks", "warhead", "warheads"}
_SPACE = {"satellite", "rocket", "missile", "spacecraft", "probe", "shuttle", "capsule"}

# Verbs that say nothing happened by themselves: copulas, possession, seeming; an event noun they take is the event.
NOT_EVENTS = {"be", "have", "seem", "appear", "become", "remain", "get", "let", "do", "include", "mean", "base"}
# Light verbs: with an event noun as object, the noun names the event and the verb lends its subject.
LIGHT = {"hold", "conduct", "stage", "carry", "launch", "make", "take", "have", "host", "begin", "start", "wage",
         "give", "undertake", "perform"}
# Verbs that announce, begin, plan or end an event named by their object: an event of their own, whose subject is
# also the agent of that object ("Aeroflot negotiated the purchase", "Airbus announced job cuts").
SUPPORT = {"announce", "negotiate", "unveil", "complete", "finalize", "finalise", "plan", "continue", "resume",
           "postpone", "delay", "cancel", "halt", "suspend", "schedule", "seal", "pursue", "seek", "propose",
           "organize", "organise", "lead", "launch", "begin", "start", "end"}
# Nominalizations that name things, not happenings.
_NOT_EVENT_NOUNS = {"government", "department", "nation", "station", "position", "population", "information",
                    "organization", "organisation", "administration", "management", "equipment", "section",
                    "option", "question", "edition", "condition", "generation", "institution", "corporation",
                    "foundation", "association", "commission", "division", "version", "television", "pension",
                    "dimension", "parliament", "apartment", "document", "instrument", "environment", "moment",
                    "segment", "entertainment", "location", "nationality", "federation", "confederation",
                    "ministry", "agency", "audience", "science", "evidence", "experience", "intelligence",
                    "residence", "sentence", "conference", "importance", "performance", "presence", "alliance",
                    "application", "production", "function", "portion", "relation", "relations", "tradition",
                    "attention", "reputation", "competition", "insurance", "finance", "difference", "element",
                    "addition", "iteration", "resolution", "defence", "defense", "percent"}
_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ure", "al")
_DEVERBAL_AL = {"approval", "proposal", "refusal", "removal", "arrival", "denial", "trial", "renewal", "withdrawal",
                "dismissal", "survival", "disposal", "rehearsal", "reversal", "betrayal", "burial", "recital"}
_DEVERBAL_URE = {"departure", "closure", "failure", "seizure", "disclosure", "exposure", "expenditure"}


def _object_words(tok) -> set:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "prep", "dative", "nsubjpass")]
    return {lemma(x) for o in objs for x in o.subtree} | {x.lower_ for o in objs for x in o.subtree}


def _typed_verb(tok, lem: str) -> str | None:
    t = VERB_TYPE.get(lem)
    if lem in _ARMS_VERBS and _object_words(tok) & _WEAPONS:
        return "arms_transfer"
    if t == "arms_transfer":
        return "sale" if lem in ("deliver", "export") else None
    if t == "launch" and any(c.dep_ == "dobj" for c in tok.children):
        words = _object_words(tok)
        if words and not words & _SPACE:
            return "product_launch"  # "Apple launched the iTunes Music Store"
    return t


def trigger_type(tok) -> str | None:
    """Return the lexicon's event type for `tok`, or None when the lexicon does not name it."""
    lem = lemma(tok)
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ != "aux"):
        return _typed_verb(tok, lem)
    if tok.pos_ == "NOUN":
        if tok.dep_ == "compound":
            return None  # "drill site", "test ban": the noun modifies another noun
        t = NOUN_TYPE.get(tok.lower_) or NOUN_TYPE.get(lem)
        if t == "test" and tok.dep_ == "dobj" and lemma(tok.head) in ("pass", "fail", "stand"):
            return None
        if lem == "transfer" and any(x.lower_ in _WEAPONS or lemma(x) == "technology" for x in tok.subtree):
            return "arms_transfer"
        return t
    return None


def is_predicate(tok) -> bool:
    """Return True when `tok` can name an event: a content verb, or an event noun or nominalization."""
    if not tok.is_alpha or len(tok.text) < 2:
        return False
    if tok.pos_ == "VERB":
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ == "agent" for c in tok.children):
            return False  # "music branded with an apple", "the jet built to AirTran": a description of a thing
        return tok.dep_ not in ("amod", "compound", "aux", "auxpass") and lemma(tok) not in NOT_EVENTS
    if tok.pos_ != "NOUN" or tok.dep_ == "compound" or not tok.is_lower and not tok.is_sent_start:
        return False
    low = tok.lower_
    if low in NOUN_TYPE or lemma(tok) in NOUN_TYPE:
        return True
    if low in _NOT_EVENT_NOUNS or lemma(tok) in _NOT_EVENT_NOUNS or len(low) < 6:
        return False
    if low.endswith(("al", "als")):
        return lemma(tok) in _DEVERBAL_AL
    if low.endswith(("ure", "ures")):
        return lemma(tok) in _DEVERBAL_URE
    return lemma(tok).endswith(_SUFFIXES)


_PHRASAL = {("step", "down"): "resignation", ("take", "over"): "acquisition", ("roll", "out"): "product_launch",
            ("sign", "up"): "agreement", ("shut", "down"): "other", ("break", "out"): "war"}

_PHRASAL_VERBS = {verb for verb, _ in _PHRASAL}


def predicate_lemma(tok) -> str:
    """Return the predicate's lemma, with a verb's particle ("roll out", "step down")."""
    lem = lemma(tok)
    prt = next((c for c in tok.children if c.dep_ == "prt"), None) if tok.pos_ == "VERB" else None
    return f"{lem} {prt.lower_}" if prt is not None else lem


def phrasal_type(tok) -> str | None:
    """Return the type of a phrasal verb the lexicon names ("stepped down": resignation), else None."""
    if tok.pos_ != "VERB" or lemma(tok) not in _PHRASAL_VERBS:
        return None
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    return _PHRASAL.get((lemma(tok), prt)) if prt else None
