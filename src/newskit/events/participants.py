"""Event participants: who acts, whom or what it is done to, and where, as entity ids read off the dependency parse.

`who` is the agent: the subject of an active verb (or the subject it shares through "to"-clauses and "and"), the
"by" phrase of a passive, a noun's possessor or "by"/"between"/"from" phrase. `whom` is the patient: the object, the
subject of a passive, the indirect object, a noun's "of" phrase when the agent is named. `what` holds the same
roles for entities that are neither people, organizations nor places (named events). `where` is a place in an
"in/to/at" phrase, a visited or attacked place, or a place compound ("the Pyongyang summit").
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newskit import lexicon
from newskit.doctext import doc_text
from newskit.events.triggers import LIGHT, SUPPORT, VERB_TYPE
from newskit.quotes.attribution import is_cue, speaker_token
from newskit.quotes.cues import SPOKESPERSON_NOUNS, lemma
from newskit.quotes.marks import find_quote_marks
from newskit.quotes.speakers import SpeakerResolver
from newskit.record import ENTITY_TYPES, Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_ACTORS = {k.name for k in ENTITY_TYPES if k.can_act}
_PLACE_PREPS = {"in", "to", "at", "into", "near", "inside", "on", "outside", "across", "throughout"}
_MOTION = {"visit", "attack"}
_MOTION_VERBS = lexicon.words("event_motion_verbs")
_HOLDERS = LIGHT | SUPPORT | {"for"}
_MANNER = {"in", "through", "via", "during"}
_ORG_NOUNS = lexicon.words("event_org_nouns")  # "the company", "the airline": the organization named last
_RESOLVABLE = {"he", "she", "it", "they", "him", "them", "we"}
# Pronouns whose referent the text often leaves open ("it stands", "we don't know"): alone they make no event.
_VAGUE = {"it", "its", "we", "our", "us"}
_RELATIVE = {"which", "who", "that", "whom"}
_POSSESSIVES = {"its": "it", "their": "they", "his": "he", "her": "she"}


@dataclass(frozen=True)
class Roles:
    """The entity ids taking part in one event, by role."""

    who: tuple[str, ...] = ()
    whom: tuple[str, ...] = ()
    what: tuple[str, ...] = ()
    where: tuple[str, ...] = ()
    speaker: bool = False  # the agent is "I" or "we": whoever says the sentence
    speaker_alone: bool = False  # the agent is "I": the speaker themself (a quoted "we" is a group)
    by_name: bool = False  # some participant is named in the clause itself, not only a pronoun ("it", "they")

    @property
    def named(self) -> bool:
        """Whether a person, organization or place takes part."""
        return bool(self.who or self.whom or self.where)


def _clause_verb(tok: Token) -> Token:
    """Return the verb whose clause holds `tok` (itself when it is a verb)."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ != "aux" or cur.head is cur:
            return cur
        cur = cur.head
    return cur


def _with_conj(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out += _with_conj(c)
    return out


def _quoted_tokens(doc: Doc) -> set[int]:
    """Return the indices of the tokens inside quotation marks."""
    out: set[int] = set()
    for q in find_quote_marks(doc_text(doc)):
        for s, e in q.parts:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
    return out


class Participants:
    """Find the participants and places of event predicates in one Doc, resolved against its entities."""

    def __init__(self, doc: Doc, entities: Sequence[Entity]) -> None:
        self.doc = doc
        self.resolver = SpeakerResolver(doc, entities)
        self.types = {e.id: (e.type or "").lower() for e in entities}
        self._has_title = {e.id for e in entities if e.titles}
        self._cache: dict[int, str | None] = {}
        self.quoted = _quoted_tokens(doc)
        self._titled: dict[str, list[str]] = {}  # a title word ("president", "spokesperson") -> entity ids
        for e in entities:
            if self.types.get(e.id) == "person":
                for word in {w.lower() for t in e.titles for w in t.split()}:
                    self._titled.setdefault(word, []).append(e.id)

    def entity(self, tok: Token) -> str | None:
        """Return the entity id `tok` names or refers to (a pronoun, a possessive, a noun with a named apposition)."""
        if tok.i not in self._cache:
            self._cache[tok.i] = self._resolve(tok)
        return self._cache[tok.i]

    def _resolve(self, tok: Token) -> str | None:
        if tok.pos_ == "PRON" or tok.lower_ in _POSSESSIVES:
            if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
                return self.entity(tok.head.head)  # "Qatar Airways, which chose ...": the noun the clause describes
            pron = _POSSESSIVES.get(tok.lower_, tok.lower_)
            if pron == "we" and tok.i in self.quoted and self._bystander_speaks(tok):
                return None  # "“We have not seen water this high,” a farmer said": not the organization named last
            # Third persons, and "we" (in business news mostly the quoted company); "I" and "you" stay unknown.
            return self.resolver.pronoun(pron, tok.idx) if pron in _RESOLVABLE else None
        eid = self.resolver.overlapping(tok.idx, tok.idx + len(tok.text))
        if eid is None and tok.pos_ == "PROPN":
            eid = self.resolver.by_name(tok.text)
        if eid is None and tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            eid = self._titled_person(tok) or self._last_org(tok)
        if eid is None and tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass"):
            # "The mayor of Springfield, Tom Hall, resigned": the name set off by commas is the subject
            named = [c for c in tok.subtree if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > tok.i
                     and self.doc[c.left_edge.i - 1].text == ","
                     and self.types.get(self.resolver.overlapping(c.idx, c.idx + len(c.text)) or "") == "person"]
            if named:
                eid = self.resolver.overlapping(named[-1].idx, named[-1].idx + len(named[-1].text))
        if eid is None and tok.pos_ == "NOUN":
            # "the state agency Korea Central News Agency", "Ryanair CEO, Michael O'Leary"; as a subject, also
            # "Apple's board" and "the Boeing team": the group acts for the named organization.
            deps = ("appos", "poss", "compound") if tok.dep_ in ("nsubj", "nsubjpass") else ("appos",)
            for dep in deps:
                kid = next((c for c in tok.children if c.dep_ == dep and c.pos_ == "PROPN"), None)
                if kid is not None:
                    eid = self.resolver.overlapping(kid.idx, kid.idx + len(kid.text))
                    if eid is not None:
                        break
        return eid

    def _bystander_speaks(self, tok: Token) -> bool:
        """Whether the quotation holding `tok` is said by someone who speaks for no organization: an unnamed
        bystander ("a farmer said") or a named person with no title or office."""
        for t in tok.sent:
            if t.i in self.quoted or not is_cue(t):
                continue
            spk = speaker_token(t, self.quoted)
            if spk is None:
                continue
            if spk.pos_ == "PROPN":
                # a named person with no title or office anywhere in the article speaks for no organization
                eid = self.resolver.overlapping(spk.idx, spk.idx + len(spk.text))
                return eid is not None and self.types.get(eid) == "person" and eid not in self._has_title
            return spk.pos_ == "NOUN" and lemma(spk) not in SPOKESPERSON_NOUNS | _ORG_NOUNS \
                and not any(c.pos_ == "PROPN" for c in spk.children)
        return False

    def _subject(self, verb: Token) -> tuple[Token | None, bool, bool]:
        """Return (subject token, inherited, passive) of `verb`, climbing to the verb it shares a subject with."""
        own = True
        for _ in range(5):
            subjs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
            if subjs:
                before = [c for c in subjs if c.i < verb.i]
                s = before[-1] if before else subjs[0]  # the subject nearest the verb
                return s, not own, s.dep_ == "nsubjpass" and own
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None), not own, False
            if verb.dep_ == "acl" and verb.i > 0 and self.doc[verb.i - 1].pos_ in ("PROPN", "PRON"):
                return self.doc[verb.i - 1], False, False  # "a protest of South Korea conducting drills"
            if verb.dep_ not in ("xcomp", "conj", "advcl", "acl") or verb.head is verb:
                return None, True, False
            head = verb.head
            if verb.dep_ == "xcomp":
                obj = next((c for c in head.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "PRON")), None)
                if obj is not None:
                    return obj, True, False  # "selected Northrop Grumman to build the aircraft"
            if head.pos_ == "NOUN":
                owner = next((c for c in head.children if c.dep_ == "poss"
                              or c.dep_ == "compound" and c.pos_ == "PROPN"), None)
                if owner is not None:
                    return owner, True, False  # "his willingness to visit", "the Northrop plan to assemble"
                if verb.dep_ == "acl":
                    # "won a contract to supply": whoever holds the contract, the subject of the verb it hangs from
                    up = head.head.head if head.dep_ == "pobj" else head.head
                    if head.dep_ not in ("dobj", "pobj", "attr") or up.pos_ not in ("VERB", "AUX"):
                        return None, True, False
                    head = up
            verb, own = head, False
        return None, True, False

    # Complexity kept: one case per dependency relation of a participant.
    def roles(self, tok: Token, typ: str) -> Roles:  # noqa: C901, PLR0912
        """Return the entity ids taking part in the event `tok` names, by role."""
        # tokens, or the entity id of a place already resolved ("there")
        who: list[Token | str] = []
        whom: list[Token | str] = []
        where: list[Token | str] = []
        verb: Token | None = None
        speaker, alone = False, False
        is_noun = tok.pos_ == "NOUN"
        if is_noun:
            if tok.dep_ in ("dobj", "nsubjpass", "pobj") and lemma(tok.head) in _HOLDERS:
                verb = tok.head if tok.head.pos_ in ("VERB", "AUX") else _clause_verb(tok.head)
            elif tok.dep_ == "pobj" and tok.head.lower_ in _MANNER and tok.head.head.pos_ == "VERB":
                verb = tok.head.head  # "said in a statement", "challenged the award in a formal protest"
            for c in tok.children:
                if c.dep_ == "poss":
                    who += _with_conj(c)
                elif c.dep_ == "compound" and c.pos_ == "PROPN":
                    (where if self._is_place(c) else who).append(c)
        else:
            verb = tok
        holders = [tok] if verb is None else [tok, verb]
        if verb is not None:
            subj, inherited, passive = self._subject(verb)
            if subj is not None:
                (whom if passive and verb is tok else who).extend(_with_conj(subj))
                speaker = subj.lower_ in ("i", "we") and not (passive and verb is tok)
                alone = speaker and subj.lower_ == "i"
            if verb is not tok and lemma(verb) == "host":
                who += [c for c in verb.children if c.dep_ == "dobj"]
        moving = VERB_TYPE.get(lemma(tok)) in _MOTION or lemma(tok) in _MOTION_VERBS
        for h in holders:
            own = h is tok
            for c in h.children:
                if c.dep_ == "prep" or c.dep_ == "agent" and own:
                    objs = [x for o in c.children if o.dep_ == "pobj" for x in _with_conj(o)]
                    p = c.lower_
                    if c.dep_ == "agent" or p in ("with", "between") or own and is_noun and p in ("by", "from"):
                        who += objs
                    elif own and is_noun and p == "of":
                        (whom if who else who).extend(objs)
                    elif p in _PLACE_PREPS:
                        where += [o for o in objs if self._is_place(o)]
                        if own and p == "to":
                            whom += [o for o in objs if not self._is_place(o)]
                    elif own and p in ("against", "for", "over"):
                        whom += objs
                elif c.dep_ == "advmod" and c.lower_ == "there":
                    place = self._last_place(c)
                    if place:
                        where.append(place)
                elif not own:
                    continue
                elif c.dep_ == "dobj" and not is_noun:
                    objs = _with_conj(c)
                    if moving:
                        where += [o for o in objs if self._is_place(o)]
                        whom += [o for o in objs if not self._is_place(o)]
                    else:
                        whom += objs
                elif c.dep_ == "dative":
                    whom += _with_conj(c)
        return replace(self._ids(who, whom, where), speaker=speaker, speaker_alone=alone)

    def _ids(self, who: list[Token | str], whom: list[Token | str], where: list[Token | str]) -> Roles:
        out: dict[str, list[str]] = {"who": [], "whom": [], "what": [], "where": []}
        seen: set[tuple[str, str]] = set()
        by_name = False
        for role, toks in (("where", where), ("who", who), ("whom", whom)):
            for t in toks:
                eid = t if isinstance(t, str) else self.entity(t)
                kind = self.types.get(eid) if eid is not None else None
                if role == "where":
                    slot = "where" if kind == "place" else None
                elif kind in _ACTORS:
                    slot = role
                else:
                    slot = "what" if role == "whom" and kind else None  # a named event, a product...
                if slot is None or eid is None or (slot, eid) in seen:
                    continue
                seen.add((slot, eid))
                out[slot].append(eid)
                by_name = by_name or slot != "what" and (isinstance(t, str) or t.lower_ not in _VAGUE)
        out["whom"] = [e for e in out["whom"] if e not in out["who"]]
        return Roles(tuple(out["who"]), tuple(out["whom"]), tuple(out["what"]), tuple(out["where"]), by_name=by_name)

    def _is_place(self, tok: Token) -> bool:
        eid = self.entity(tok) if tok.pos_ != "PRON" else None
        if eid:
            return self.types.get(eid) == "place"
        return tok.ent_type_ in ("GPE", "LOC", "FAC")

    def _titled_person(self, tok: Token) -> str | None:
        """Resolve "the president" to the person with that title named last before it."""
        ids = set(self._titled.get(lemma(tok), ()))
        if not ids:
            return None
        best = None
        for s, _e, eid in self.resolver.mentions:
            if s >= tok.idx:
                break
            if eid in ids:
                best = eid
        return best

    def _last_org(self, tok: Token) -> str | None:
        """Resolve "the company" to an organization named earlier in its sentence, else the last one named as a
        subject, else the last one named."""
        if lemma(tok) not in _ORG_NOUNS:
            return None
        last = subject = None
        for s, e, eid in self.resolver.mentions:
            if s >= tok.idx:
                break
            if self.types.get(eid) != "organization":
                continue
            if s >= tok.sent.start_char:
                return eid
            last = eid
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
                subject = eid
        return subject or last

    def _adjective(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end)
        return span is not None and len(span) > 0 and span[-1].pos_ == "ADJ"

    def _last_place(self, tok: Token) -> str | None:
        """Resolve "there" to the last place named before it in the sentence or the one before (a country's
        adjective, "her Russian counterpart", names no place one can be in)."""
        start = tok.sent.start_char - 400
        best = None
        for s, e, eid in self.resolver.mentions:
            if start <= s < tok.idx and self.types.get(eid) == "place" and not self._adjective(s, e):
                best = eid
        return best
