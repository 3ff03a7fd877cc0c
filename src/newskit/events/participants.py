"""Event participants and places: who takes part in an event and where, as entity ids, from the dependency parse.

Participants are the trigger's (or its light verb's) subject, possessor and "by"/"with" phrases; places are
"in/to/at" phrases, objects of visits and attacks, and compound modifiers naming a place entity.
"""
from __future__ import annotations

from newskit import lexicon
from newskit.events.triggers import VERB_TYPE
from newskit.quotes.cues import lemma
from newskit.quotes.speakers import SpeakerResolver

_LIGHT = lexicon.words("event_light_verbs")


def _clause_verb(tok):
    """Return the verb whose clause holds `tok` (itself when it is a verb)."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ != "aux":
            return cur
        if cur.head is cur:
            return cur
        cur = cur.head
    return cur


class Participants:
    """Find the participants and places of event triggers in one Doc, resolved against its entities."""

    def __init__(self, doc, entities):
        self.doc = doc
        self.resolver = SpeakerResolver(doc, entities)
        self.types = {e.id: (e.type or "").lower() for e in entities}

    def _entity(self, tok) -> str | None:
        if tok.pos_ == "PRON" or tok.lower_ in ("its", "their", "his", "her"):
            pron = {"its": "it", "their": "they", "his": "he", "her": "she"}.get(tok.lower_, tok.lower_)
            return self.resolver.pronoun(pron, tok.idx)
        eid = self.resolver.overlapping(tok.idx, tok.idx + len(tok.text))
        if eid is None and tok.pos_ == "PROPN":
            eid = self.resolver.by_name(tok.text)
        if eid is None and tok.pos_ == "NOUN":
            # "the state official Korea Central News Agency": the name is an apposition of the common noun.
            app = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if app is not None:
                eid = self.resolver.overlapping(app.idx, app.idx + len(app.text))
        return eid

    def _with_conj(self, tok):
        out = [tok]
        for c in tok.children:
            if c.dep_ == "conj":
                out += self._with_conj(c)
        return out

    def _subject(self, verb):
        for _ in range(4):
            subjs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjs:
                before = [c for c in subjs if c.i < verb.i]
                return before[-1] if before else subjs[0]  # the subject nearest the verb
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
            if verb.dep_ == "acl" and verb.i > 0 and self.doc[verb.i - 1].pos_ in ("PROPN", "PRON"):
                return self.doc[verb.i - 1]  # "a protest of South Korea conducting drills"
            if verb.dep_ in ("xcomp", "conj", "advcl", "acl") and verb.head is not verb:
                head = verb.head
                poss = next((c for c in head.children if c.dep_ == "poss"), None)
                if head.pos_ == "NOUN" and poss is not None:
                    return poss  # "his willingness to visit"
                verb = head
                continue
            return None
        return None

    def who_where(self, tok):
        """Return the entity ids of who takes part in the event `tok` triggers and of where it happens."""
        who, where = [], []
        holders = [tok]
        verb = None
        if tok.pos_ == "NOUN":
            if tok.dep_ in ("dobj", "nsubjpass", "pobj") and lemma(tok.head) in _LIGHT | {"for"}:
                verb = tok.head if tok.head.pos_ in ("VERB", "AUX") else _clause_verb(tok.head)
            for c in tok.children:
                if c.dep_ == "poss":
                    who += self._with_conj(c)
                elif c.dep_ == "compound" and c.pos_ == "PROPN":
                    (where if self._is_place(c) else who).append(c)
        else:
            verb = tok
        if verb is not None:
            holders.append(verb)
            subj = self._subject(verb)
            if subj is not None:
                who += self._with_conj(subj)
            if verb is not tok and lemma(verb) == "host":
                who += [c for c in verb.children if c.dep_ == "dobj"]
        for h in holders:
            for c in h.children:
                if c.dep_ == "prep":
                    objs = [o for p in [c] for o in p.children if o.dep_ == "pobj"]
                    objs = [x for o in objs for x in self._with_conj(o)]
                    if c.lower_ in ("by", "with", "between", "of") and h is tok and tok.pos_ == "NOUN" \
                            or c.lower_ == "with":
                        who += objs
                    elif c.lower_ in ("in", "to", "at", "into", "near", "inside", "on"):
                        where += [o for o in objs if self._is_place(o)]
                elif c.dep_ == "dobj" and h is tok and VERB_TYPE.get(lemma(tok)) in ("visit", "attack"):
                    where += [o for o in self._with_conj(c) if self._is_place(o)]
                    who += [o for o in self._with_conj(c) if not self._is_place(o)]
                elif c.dep_ == "dobj" and h is tok and VERB_TYPE.get(lemma(tok)) in ("meeting", "arms_transfer"):
                    who += [o for o in self._with_conj(c) if o.pos_ in ("PROPN", "PRON")]
                elif c.dep_ == "dative" and h is tok:
                    who += self._with_conj(c)
                elif c.dep_ == "advmod" and c.lower_ == "there":
                    place = self._last_place(c)
                    if place:
                        where.append(place)
        ids_who, ids_where = [], []
        for t in who:
            eid = t if isinstance(t, str) else self._entity(t)
            if eid and eid not in ids_who and self.types.get(eid) in ("person", "organization", "place"):
                ids_who.append(eid)
        for t in where:
            eid = t if isinstance(t, str) else self._entity(t)
            if eid and eid not in ids_where and self.types.get(eid) == "place":
                ids_where.append(eid)
        return tuple(ids_who), tuple(ids_where)

    def _is_place(self, tok) -> bool:
        eid = self._entity(tok) if tok.pos_ != "PRON" else None
        return bool(eid) and self.types.get(eid) == "place" or tok.ent_type_ in ("GPE", "LOC", "FAC")

    def _last_place(self, tok) -> str | None:
        """Resolve "there" to the last place named before it in the sentence or the one before."""
        start = tok.sent.start_char - 400
        best = None
        for s, _e, eid in self.resolver.mentions:
            if start <= s < tok.idx and self.types.get(eid) == "place":
                best = eid
        return best

