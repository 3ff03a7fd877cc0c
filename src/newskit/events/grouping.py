"""Group the mentions of one happening into one event: same type and status, participants and time that agree.

Two mentions are one happening when they share an actor (or a place, where one of them names no actor) and no
participant or date tells them apart; a mention that names nobody ("following the meeting") joins the nearest
earlier event of its type, and a mention naming nobody takes in one of its sentence that does ("an earthquake
struck Turkey"). The predicate word alone never groups: Choe's trip to Moscow and Shoigu's trip to
Pyongyang stay two events, and "state visit" and "trip" are one when both are Putin's planned visit. A country and
a city in it are one place for this ("a visit to North Korea", "the visit to Pyongyang"): `regions` maps a place
entity's id to ("in" or "is", ISO3 code of its country).
"""
from __future__ import annotations

from dataclasses import replace

from newskit.record import Event

_NEARBY = 600  # characters back that a participant-less mention ("the meeting") may look for its event


def _dated(ev: Event) -> str | None:
    w = ev.when
    return w.value if w is not None and w.source != "published" else None


def _disjoint(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return bool(a and b and not set(a) & set(b))


def _same_places(a: tuple[str, ...], b: tuple[str, ...], regions: dict[str, tuple[str, str]]) -> tuple[str, ...]:
    """Return the places of `a` with any city of `b` inside one of them (or the reverse) counted as shared."""
    shared = set(a) & set(b)
    for x in a:
        for y in b:
            rx, ry = regions.get(x), regions.get(y)
            if rx and ry and rx[1] == ry[1] and "is" in (rx[0], ry[0]):
                shared.add(x)
    return tuple(shared)


def same_happening(a: Event, b: Event, regions: dict[str, tuple[str, str]] | None = None) -> bool:
    """Return True when events `a` and `b` are mentions of one happening."""
    if a.type != b.type or a.status != b.status or a.type == "statement":
        return False
    if a.type == "other" and a.predicate != b.predicate:
        return False
    if _dated(a) and _dated(b) and _dated(a) != _dated(b):
        return False
    places = _same_places(a.where, b.where, regions or {})
    if _disjoint(a.who, b.who) or (a.where and b.where and not places) or _disjoint(a.whom, b.whom):
        return False
    if not (b.who or b.whom or b.where):
        return 0 <= b.trigger.start - a.trigger.start <= _NEARBY
    if not (a.who or a.whom or a.where):
        return a.sentence == b.sentence
    actors = set(a.who + a.whom) & set(b.who + b.whom)
    return bool(actors) or bool(places) and not (a.who and b.who)


def _fold(prev: Event, ev: Event) -> Event:
    def union(x: tuple[str, ...], y: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(x + y))
    when = prev.when if _dated(prev) or not ev.when else ev.when
    return replace(prev, who=union(prev.who, ev.who), whom=union(prev.whom, ev.whom), what=union(prev.what, ev.what),
                   where=union(prev.where, ev.where), when=when, reported_by=prev.reported_by or ev.reported_by,
                   mentions=prev.mentions + ev.mentions)


def merge(events: list[Event], regions: dict[str, tuple[str, str]] | None = None) -> list[Event]:
    """Fold later mentions of the same happening into the first, keeping text order."""
    out: list[Event] = []
    # Only events of one type can be one happening, and statements never are: comparing within the type keeps
    # this linear when one text holds thousands of statements (nested quotations).
    by_type: dict[str, list[int]] = {}
    for ev in events:
        same = by_type.setdefault(ev.type, []) if ev.type != "statement" else []
        for k in reversed(same):
            if same_happening(out[k], ev, regions):
                out[k] = _fold(out[k], ev)
                break
        else:
            if ev.type != "statement":
                same.append(len(out))
            out.append(ev)
    return out
