"""Events: what the article reports happened or will happen — type, trigger, who, where, when and status.

Triggers are verbs and event nouns from a small lexicon per type, but everything else comes from the dependency
parse: participants are the trigger's (or its light verb's) subject, possessor, "by"/"with" phrases; places are
"in/to/at" phrases and compound modifiers naming a place entity; the date is the DateMention nearest in the tree;
the status is read off the clause's mood (modals, "will", "if", infinitives) and any reporting verb above it.

Types: visit, meeting, statement, launch, test, military_exercise, attack, agreement, arms_transfer, election,
war, other.
"""
from __future__ import annotations

from typing import Any

from newskit.dates import timex
from newskit.events.participants import Participants
from newskit.events.status import REPORT, ancestors, event_status
from newskit.events.triggers import TYPES, trigger_type  # noqa: F401 (TYPES stays importable from here, as before)
from newskit.quotes.cues import lemma
from newskit.record import Event, Span, When


class _Builder:
    def __init__(self, doc, entities, dates):
        self.doc = doc
        self.text = doc.text
        self.participants = Participants(doc, entities)
        self.dates = [d for d in (dates or []) if d.type in ("DATE", "TIME")]
        self.date_tok = {}
        for d in self.dates:
            sp = doc.char_span(d.start, d.end, alignment_mode="expand")
            if sp is not None:
                self.date_tok[id(d)] = sp.root

    # ------------------------------------------------------------------ when
    def _when(self, tok, triggers: set, planned: bool):
        sent = tok.sent
        best = None
        # Climb from the trigger, but not out of a subordinate clause: the date of "said on Sunday" is not the date
        # of "reporting the results of the recent trip", nor of what someone said will happen.
        up = [tok]
        for a in ancestors(tok):
            last = up[-1]
            if last is not tok and last.dep_ in ("advcl", "relcl", "acl"):
                break
            if last.dep_ in ("ccomp", "xcomp") and lemma(a) in REPORT and planned:
                break
            up.append(a)
        for d in self.dates:
            if not (sent.start_char <= d.start < sent.end_char):
                continue
            dt = self.date_tok.get(id(d))
            if dt is None:
                continue
            down = [dt] + ancestors(dt)
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
        return When(d.start, d.end, d.text, value=d.value)

    # ------------------------------------------------------------------ main
    def build(self) -> list[Event]:
        doc, text = self.doc, self.text
        found = []
        for tok in doc:
            t = trigger_type(tok)
            if t is not None:
                found.append((tok, t))
        triggers = {tok.i for tok, _ in found}
        events = []
        for tok, typ in found:
            who, where = self.participants.who_where(tok)
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
            status = event_status(tok)
            events.append(Event(typ, Span(trig.idx, end, text[trig.idx:end]), Span(s, e, text[s:e]),
                                status, who, where, self._when(tok, triggers, status == "planned"),
                                (Span(trig.idx, end, text[trig.idx:end]),)))
        return _merge(events)


def _compatible(a: Event, b: Event) -> bool:
    if a.type != b.type or a.type == "statement":
        return False
    if a.trigger.text.lower() != b.trigger.text.lower() and a.type not in ("visit", "meeting", "war"):
        return False
    if a.who and b.who and not set(a.who) & set(b.who):
        return False
    if a.when and b.when and a.when.value != b.when.value:
        return False
    if a.where and b.where and not set(a.where) & set(b.where):
        return False
    return bool(set(a.who) & set(b.who)) or not (a.who and b.who) and (a.where == b.where or not b.where)


def _merge(events: list[Event]) -> list[Event]:
    """Fold later mentions of the same happening (same type, no conflicting who/where/when) into the first."""
    out: list[Event] = []
    by_type: dict[str, list[int]] = {}  # only events of one type can merge: compare within the type, in order
    for ev in events:
        same = by_type.setdefault(ev.type, []) if ev.type != "statement" else []
        for k in same:
            prev = out[k]
            if _compatible(prev, ev) and prev.status == ev.status:
                out[k] = Event(prev.type, prev.trigger, prev.sentence, prev.status,
                               tuple(dict.fromkeys(prev.who + ev.who)), tuple(dict.fromkeys(prev.where + ev.where)),
                               prev.when or ev.when, prev.mentions + ev.mentions)
                break
        else:
            if ev.type != "statement":
                same.append(len(out))
            out.append(ev)
    return out


def extract_events(doc, entities, dates) -> list[Event]:
    """Return the events `doc` reports, in text order, with participants, place, date and status."""
    return _Builder(doc, entities or [], dates or []).build()


# ---------------------------------------------------------------------- timeline


def timeline(events, *, undated: bool = False) -> list:
    """Return the events (Event values or record dicts) ordered by date, earliest first (timex.sort_key: by the
    period's first day, then its length); undated ones follow in text order when asked for."""
    dated: list[tuple[tuple[int, int, int, str], int, Any]] = []
    rest: list[tuple[tuple[int, int, int, str], int, Any]] = []
    for i, ev in enumerate(events):
        when = ev.when if isinstance(ev, Event) else ev.get("when")
        value = when.value if isinstance(when, When) else (when or {}).get("value")
        (dated if timex.period(value) else rest).append((timex.sort_key(value), i, ev))
    dated.sort(key=lambda x: (x[0], x[1]))
    return [ev for _, _, ev in dated] + ([ev for _, _, ev in rest] if undated else [])
