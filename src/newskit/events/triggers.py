"""Event predicates: which tokens are events (verbs and event nouns), and the type a small lexicon gives them.

Any content verb can be an event; a noun is one when the lexicon names it or it is a nominalization ("approval",
"settlement"). Whether a candidate becomes an event is decided by its arguments (participants.py): an untyped
predicate needs a named person, organization or place among them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, get_args

from newskit import lexicon
from newskit.quotes.cues import lemma
from newskit.record import EventType, literal_map

if TYPE_CHECKING:
    from spacy.tokens import Token

TYPES: tuple[EventType, ...] = get_args(EventType)

VERB_TYPE: dict[str, EventType] = literal_map(lexicon.table("event_triggers/verbs"), EventType)
NOUN_TYPE: dict[str, EventType] = literal_map(lexicon.table("event_triggers/nouns"), EventType)
_PHRASAL: dict[str, EventType] = literal_map(lexicon.table("event_triggers/phrasal"), EventType)
_PHRASAL_VERBS = {phrase.split()[0] for phrase in _PHRASAL}
_ARMS_VERBS = lexicon.words("event_triggers/arms_verbs")
_WEAPONS = lexicon.words("event_triggers/weapons")
_SPACE = lexicon.words("event_triggers/space_objects")
NOT_EVENTS = lexicon.words("event_triggers/not_event_verbs")
LIGHT = lexicon.words("event_light_verbs")
SUPPORT = lexicon.words("event_support_verbs")
_NOT_EVENT_NOUNS = lexicon.words("event_triggers/not_event_nouns")
_DEVERBAL = lexicon.words("event_triggers/deverbal_nouns")  # the -al and -ure nouns that are events
_SENSES = lexicon.table("event_triggers/sense_words")  # word -> the sense it signals (labour, military, ...)
_LABOUR = {w for w, k in _SENSES.items() if k == "labour"}
_WORKERS = {w for w, k in _SENSES.items() if k == "workers"}
_MILITARY = {w for w, k in _SENSES.items() if k == "military"}
_SPORT = {w for w, k in _SENSES.items() if k == "sport"}
_ELECTIONS = {w for w, k in _SENSES.items() if k == "election"}
_VOTERS = {w for w, k in _SENSES.items() if k == "voters"}
_PEOPLE = {w for w, k in _SENSES.items() if k == "people"}
_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ure", "al")


def _object_words(tok: Token) -> set[str]:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "prep", "dative", "nsubjpass")]
    return {lemma(x) for o in objs for x in o.subtree} | {x.lower_ for o in objs for x in o.subtree}


def _sentence_words(tok: Token) -> set[str]:
    return {t.lower_ for t in tok.sent} | {lemma(t) for t in tok.sent}


def _strike_sense(tok: Token) -> EventType:
    """A strike is a labour action, an attack or (in a match report) a goal: read it off its words around it."""
    mods = {lemma(c) for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if mods & _MILITARY:
        return "attack"  # "a missile strike", "air strikes"
    if mods & _LABOUR:
        return "protest"  # "a general strike", "a rail strike"
    near = _sentence_words(tok)
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "on" and lemma(tok.head.head) in (
            "go", "be", "remain", "stay"):
        return "protest"  # "went on strike"
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is not None and lemma(subj) in _LABOUR | _WORKERS or near & _LABOUR:
        return "protest"
    if near & _SPORT:
        return "other"  # "Okafor strikes in the 89th minute": a goal
    return "attack"


def _vote_sense(tok: Token) -> EventType:
    """Voters voting is an election; a senator or a board voting on a bill is a decision, typed other."""
    words = {lemma(x) for c in tok.children if c.dep_ in ("prep", "dobj") for x in c.subtree}
    if words & _ELECTIONS:
        return "election"
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is not None and (lemma(subj) in _VOTERS or subj.ent_type_ == "GPE"):
        return "election"
    return "other"


def _meet_sense(tok: Token) -> EventType:
    """Meeting someone is a meeting; meeting a deadline, a demand or a cross is not."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ in ("PROPN", "PRON") or obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") \
            or lemma(obj) in _PEOPLE or any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in obj.children):
        return "meeting"
    return "other"


def _typed_verb(tok: Token, lem: str) -> EventType | None:
    t = VERB_TYPE.get(lem)
    if lem == "strike":
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None and NOUN_TYPE.get(lemma(subj)) == "disaster":
            return "disaster"
        return _strike_sense(tok)
    if lem == "vote":
        return _vote_sense(tok)
    if lem == "meet":
        return _meet_sense(tok)
    if lem in _ARMS_VERBS and _object_words(tok) & _WEAPONS:
        return "arms_transfer"
    if t == "launch" and any(c.dep_ == "dobj" for c in tok.children):
        words = _object_words(tok)
        if words and not words & _SPACE:
            return "product_launch"  # "Apple launched the iTunes Music Store"
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is not None and NOUN_TYPE.get(lemma(subj)) == "disaster":
        return "disaster"  # "an earthquake struck Turkey", "a storm hit the coast"
    return t


def trigger_type(tok: Token) -> EventType | None:
    """Return the lexicon's event type for `tok`, or None when the lexicon does not name it."""
    lem = lemma(tok)
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ != "aux"):
        return _typed_verb(tok, lem)
    if tok.pos_ == "NOUN":
        if tok.dep_ == "compound":
            return None  # "drill site", "test ban": the noun modifies another noun
        t = NOUN_TYPE.get(tok.lower_) or NOUN_TYPE.get(lem)
        if lem in ("strike", "strikes"):
            return _strike_sense(tok)
        if t == "test" and tok.dep_ == "dobj" and lemma(tok.head) in ("pass", "fail", "stand"):
            return None
        if lem == "transfer" and any(x.lower_ in _WEAPONS or lemma(x) == "technology" for x in tok.subtree):
            return "arms_transfer"
        return t
    return None


def is_predicate(tok: Token) -> bool:
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
    if low.endswith(("al", "als", "ure", "ures")):
        return lemma(tok) in _DEVERBAL
    return lemma(tok).endswith(_SUFFIXES)


def predicate_lemma(tok: Token) -> str:
    """Return the predicate's lemma, with a verb's particle ("roll out", "step down")."""
    lem = lemma(tok)
    prt = next((c for c in tok.children if c.dep_ == "prt"), None) if tok.pos_ == "VERB" else None
    return f"{lem} {prt.lower_}" if prt is not None else lem


def phrasal_type(tok: Token) -> EventType | None:
    """Return the type of a phrasal verb the lexicon names ("stepped down": resignation), else None."""
    if tok.pos_ != "VERB" or lemma(tok) not in _PHRASAL_VERBS:
        return None
    # the particle, or the same word parsed as an adverb or preposition right after the verb ("stepped down from")
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt" or c.dep_ in ("advmod", "prep")
                and c.i == tok.i + 1), None)
    return _PHRASAL.get(f"{lemma(tok)} {prt}") if prt else None
