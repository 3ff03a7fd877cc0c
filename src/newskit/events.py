"""Events: what the article reports happened or will happen — type, trigger, who, where, when and status.

Triggers are verbs and event nouns from a small lexicon per type, but everything else comes from the dependency
parse: participants are the trigger's (or its light verb's) subject, possessor, "by"/"with" phrases; places are
"in/to/at" phrases and compound modifiers naming a place entity; the date is the DateMention nearest in the tree;
the status is read off the clause's mood (modals, "will", "if", infinitives) and any reporting verb above it.

Types: visit, meeting, statement, launch, test, military_exercise, attack, agreement, arms_transfer, election,
war, other.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from .cues import lemma
from .record import Span
from .speakers import SpeakerResolver

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
_WEAPONS = set("arms weapon weapons munition munitions missile missiles shell shells artillery ammunition rocket "
               "rockets drone drones tank tanks warhead warheads".split())
_LIGHT = {"hold", "conduct", "stage", "carry", "launch", "make", "take", "have", "host", "begin", "start", "wage"}
_MODAL = {"will", "would", "shall", "may", "might", "could", "should", "can", "'ll", "wo", "must"}
_PLAN = {"plan", "intend", "expect", "prepare", "ready", "willing", "willingness", "want", "hope", "aim", "seek",
         "propose", "schedule", "invite", "invitation", "upcoming", "planned", "proposed", "potential", "possible",
         "welcome", "await", "anticipate", "consider"}
_REPORT = {"say", "claim", "report", "believe", "suspect", "allege", "announce", "accuse", "purport", "purported",
           "alleged", "reportedly", "tell", "state", "insist", "think"}


@dataclass(frozen=True)
class Event:
    """Something the article reports: `who`/`where` are entity ids, `when` a DateMention's value and span."""

    type: str
    trigger: Span
    sentence: Span
    status: str
    who: tuple[str, ...] = ()
    where: tuple[str, ...] = ()
    when: dict | None = None
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict:
        return {"type": self.type, "trigger": self.trigger.to_dict(), "sentence": self.sentence.to_dict(),
                "status": self.status, "who": list(self.who), "where": list(self.where), "when": self.when,
                "mentions": [m.to_dict() for m in self.mentions]}


def _trigger_type(tok) -> str | None:
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


def _ancestors(tok, limit=8):
    cur, out = tok, []
    while cur.head is not cur and len(out) < limit:
        cur = cur.head
        out.append(cur)
    return out


def _status(tok) -> str:
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
    chain = own + [a for a in _ancestors(tok) if a not in own]
    prev = None
    for t in chain:
        if prev is not None and prev.dep_ in ("ccomp", "xcomp", "csubj") and t.pos_ in ("VERB", "AUX", "ADJ") \
                and lemma(t) in _REPORT:
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


class _Builder:
    def __init__(self, doc, entities, dates):
        self.doc = doc
        self.text = doc.text
        self.resolver = SpeakerResolver(doc, entities)
        self.types = {e.id: (e.type or "").lower() for e in entities}
        self.dates = [d for d in (dates or []) if d.type in ("DATE", "TIME")]
        self.date_tok = {}
        for d in self.dates:
            sp = doc.char_span(d.start, d.end, alignment_mode="expand")
            if sp is not None:
                self.date_tok[id(d)] = sp.root

    # ------------------------------------------------------------------ arguments
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

    def _who_where(self, tok):
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

    # ------------------------------------------------------------------ when
    def _when(self, tok, triggers: set, planned: bool):
        sent = tok.sent
        best = None
        # Climb from the trigger, but not out of a subordinate clause: the date of "said on Sunday" is not the date
        # of "reporting the results of the recent trip", nor of what someone said will happen.
        up = [tok]
        for a in _ancestors(tok):
            last = up[-1]
            if last is not tok and last.dep_ in ("advcl", "relcl", "acl"):
                break
            if last.dep_ in ("ccomp", "xcomp") and lemma(a) in _REPORT and planned:
                break
            up.append(a)
        for d in self.dates:
            if not (sent.start_char <= d.start < sent.end_char):
                continue
            dt = self.date_tok.get(id(d))
            if dt is None:
                continue
            down = [dt] + _ancestors(dt)
            common = next((a for a in up if a in down), None)
            if common is None:
                continue
            # A date under another event's trigger (on the way down) belongs to that event.
            path_down = down[:down.index(common)]
            if any(t.i in triggers and t.i != tok.i for t in path_down):
                continue
            dist = up.index(common) + down.index(common)
            key = (dist, abs(dt.i - tok.i))
            if best is None or key < best[0]:
                best = (key, d)
        if best is None:
            return None
        d = best[1]
        return {"value": d.value, "start": d.start, "end": d.end, "text": d.text}

    # ------------------------------------------------------------------ main
    def build(self) -> list[Event]:
        doc, text = self.doc, self.text
        found = []
        for tok in doc:
            t = _trigger_type(tok)
            if t is not None:
                found.append((tok, t))
        triggers = {tok.i for tok, _ in found}
        events = []
        for tok, typ in found:
            who, where = self._who_where(tok)
            sent = tok.sent
            s, e = sent.start_char, sent.end_char
            while e > s and text[e - 1].isspace():
                e -= 1
            while s < e and text[s].isspace():
                s += 1
            trig = tok
            end = tok.idx + len(tok.text)
            if typ in ("other", "statement") and tok.pos_ == "NOUN" and not (who or where):
                continue  # "a protest of", "the announcement": a bare noun with nobody involved is not reportable
            status = _status(tok)
            events.append(Event(typ, Span(trig.idx, end, text[trig.idx:end]), Span(s, e, text[s:e]),
                                status, who, where, self._when(tok, triggers, status == "planned"),
                                (Span(trig.idx, end, text[trig.idx:end]),)))
        return _merge(events)


def _compatible(a: Event, b: Event) -> bool:
    if a.type != b.type or a.type == "statement":
        return False
    if a.trigger.text.lower() != b.trigger.text.lower() and not (a.type in ("visit", "meeting", "war")):
        return False
    if a.who and b.who and not set(a.who) & set(b.who):
        return False
    if a.when and b.when and a.when["value"] != b.when["value"]:
        return False
    if a.where and b.where and not set(a.where) & set(b.where):
        return False
    return bool(set(a.who) & set(b.who)) or not (a.who and b.who) and (a.where == b.where or not b.where)


def _merge(events: list[Event]) -> list[Event]:
    """Fold later mentions of the same happening (same type, no conflicting who/where/when) into the first."""
    out: list[Event] = []
    for ev in events:
        for k, prev in enumerate(out):
            if _compatible(prev, ev) and prev.status == ev.status:
                out[k] = Event(prev.type, prev.trigger, prev.sentence, prev.status,
                               tuple(dict.fromkeys(prev.who + ev.who)), tuple(dict.fromkeys(prev.where + ev.where)),
                               prev.when or ev.when, prev.mentions + ev.mentions)
                break
        else:
            out.append(ev)
    return out


def extract_events(doc, entities, dates) -> list[Event]:
    """Return the events `doc` reports, in text order, with participants, place, date and status."""
    return _Builder(doc, entities or [], dates or []).build()


# ---------------------------------------------------------------------- timeline
_SEASON = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}


def date_key(value: str | None) -> tuple | None:
    """Return a sortable (first day, last day) for a TIMEX3 value such as 2024-01-19, 2023-09, 2024-W03, or None."""
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    w = re.match(r"^(\d{4})-W(\d{2})", value)
    try:
        if w:
            first = _dt.date.fromisocalendar(int(w.group(1)), int(w.group(2)), 1)
            return first.toordinal(), first.toordinal() + 6
        q = re.match(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|AU|WI)$", value)
        if q:
            y, p = int(q.group(1)), q.group(2)
            month = {"Q": lambda n: 3 * n - 2, "H": lambda n: 6 * n - 5}.get(p[0], None)
            mo = month(int(p[1])) if month else _SEASON[p]
            first = _dt.date(y, mo, 1)
            return first.toordinal(), first.toordinal() + (182 if p[0] == "H" else 90)
        if m:
            y, mo, d = int(m.group(1)), m.group(2), m.group(3)
            if d:
                day = _dt.date(y, int(mo), int(d)).toordinal()
                return day, day
            if mo:
                first = _dt.date(y, int(mo), 1)
                return first.toordinal(), first.toordinal() + 30
            return _dt.date(y, 1, 1).toordinal(), _dt.date(y, 12, 31).toordinal()
    except ValueError:
        return None
    return None


def timeline(events, *, undated: bool = False) -> list:
    """Return the events ordered by resolved date (earliest first); undated ones follow in text order if asked."""
    dated, rest = [], []
    for i, ev in enumerate(events):
        when = ev.when if isinstance(ev, Event) else ev.get("when")
        key = date_key(when and when.get("value"))
        (dated if key else rest).append((key or (0, 0), i, ev))
    dated.sort(key=lambda x: (x[0], x[1]))
    return [ev for _, _, ev in dated] + ([ev for _, _, ev in rest] if undated else [])
