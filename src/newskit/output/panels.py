"""What the report's side panels show, read off a record: entities by type, a timeline of events, quotes and
dates. Plain values for the templates (report.html.j2 draws them); nothing here writes markup."""
from __future__ import annotations

from typing import Any

from newskit.events.extract import timeline
from newskit.output.humanize import human_date
from newskit.output.theme import PANEL_TITLES, TYPES_ABOVE, TYPES_BELOW
from newskit.record import EVENT_KINDS, Entity, Event, Record

Data = dict[str, Any]  # what a template reads
# The panels in page order, with the jump link each gets on a phone: (panel id, label). The map follows the places.
PANELS = (*((f"panel-{t}", PANEL_TITLES[t]) for t in TYPES_ABOVE), ("panel-events", "Timeline"),
          ("panel-quotes", "Quotes"), *((f"panel-{t}", PANEL_TITLES[t]) for t in TYPES_BELOW), ("panel-dates", "Dates"))
if "panel-place" in dict(PANELS):
    _at = [pid for pid, _ in PANELS].index("panel-place") + 1
    PANELS = (*PANELS[:_at], ("panel-map", "Map"), *PANELS[_at:])


def _ref(ent: Entity | None, fallback: str, anchored: set[str]) -> dict[str, str]:
    """Return how to show an entity: its name, linked to its first mark in the text when it has one."""
    if ent is None:
        return {"name": fallback, "href": ""}
    href = f"#m-{ent.id}" if ent.id in anchored else ""
    return {"name": ent.name or fallback, "href": href}


def _salience(e: Entity) -> float:
    return round(e.salience, 4)  # as the JSON shows it, so ties rank as they always did


def entity_panel(etype: str, ents: list[Entity], anchored: set[str]) -> Data | None:
    """Return the panel listing one type of entity, most salient first, or None when there are none."""
    if not ents:
        return None
    items = []
    for e in sorted(ents, key=lambda e: (-_salience(e), -e.count, e.name)):
        items.append({"ref": _ref(e, e.name, anchored), "count": e.count, "titles": ", ".join(e.titles),
                      "role": e.role or "", "aliases": ", ".join(a for a in e.aliases if a != e.name)})
    return {"id": f"panel-{etype}", "etype": etype, "title": PANEL_TITLES[etype], "items": items}


def sentence(ev: Event, limit: int = 150) -> Data | None:
    """Return the event's sentence shortened around its trigger: the text before, the trigger and the text after,
    and whether an ellipsis leads or ends it."""
    s, t = ev.sentence, ev.trigger
    text = s.text or ""
    if not text:
        return None
    a, b = t.start - s.start, t.end - s.start
    if not (0 <= a < b <= len(text)):
        a = b = 0
    lo, hi = 0, len(text)
    if hi > limit and b:
        lo = max(0, a - limit // 2)
        hi = min(len(text), max(b, lo + limit))
        if lo:  # start and end on word boundaries
            lo = min(a, text.find(" ", lo) + 1 or lo)
        if hi < len(text):
            hi = max(b, text.rfind(" ", b, hi) if text.rfind(" ", b, hi) > 0 else hi)
    return {"pre": text[lo:a] if b else text[lo:hi], "trigger": text[a:b], "post": text[b:hi] if b else "",
            "cut_before": bool(lo), "cut_after": hi < len(text)}


def _event(ev: Event, names: dict[str, Entity], anchored: set[str]) -> Data:
    kind = EVENT_KINDS[ev.type].words if ev.type in EVENT_KINDS else ev.type
    if kind == "other" and ev.trigger.text:
        kind = ev.trigger.text
    return {"kind": kind, "who": [_ref(names.get(i), i, anchored) for i in ev.who],
            "where": [_ref(names.get(i), i, anchored) for i in ev.where],
            "status": ev.status, "sentence": sentence(ev)}


def _value(ev: Event) -> str:
    return ev.when.value if ev.when else ""


def events_panel(record: Record, anchored: set[str]) -> Data | None:
    """Return the timeline: dated events grouped by date in calendar order (timex.sort_key), then the undated."""
    events = record.events or ()
    if not events:
        return None
    names = {e.id: e for e in record.entities or ()}
    groups: list[Data] = []
    undated = []
    for ev in timeline(events, undated=True):
        value = _value(ev)
        if not value:
            undated.append(_event(ev, names, anchored))
            continue
        if not groups or groups[-1]["value"] != value:
            groups.append({"value": value, "human": human_date(value), "evs": []})
        groups[-1]["evs"].append(ev)
    for g in groups:
        said = {" ".join((e.when.text or "").split()) for e in g["evs"]} - {"", g["value"], g["human"]}
        g["said"] = "”, “".join(sorted(said))
        g["events"] = [_event(e, names, anchored) for e in g.pop("evs")]
    return {"n": len(events), "groups": groups, "undated": undated}


def quotes_panel(record: Record, anchored: set[str]) -> Data | None:
    """Return the quotes with their speakers, and the scare quotes apart."""
    quotes = record.quotes or ()
    if not quotes:
        return None
    names = {e.id: e for e in record.entities or ()}
    said = []
    for q in quotes:
        if q.kind == "scare":
            continue
        sp = q.speaker
        who = _ref(names.get(sp.entity or ""), sp.name or sp.text or "unknown speaker", anchored) if sp else None
        cls = "direct" if q.direct else "indirect"
        said.append({"cls": cls, "text": " ".join((q.text or "").split()), "who": who,
                     "cue": (q.cue.text if q.cue else "") or "", "kind": q.kind or cls})
    scare = [" ".join(q.text.split()) for q in quotes if q.kind == "scare"]
    return {"said": said, "scare": scare}


def dates_panel(record: Record) -> Data | None:
    """Return the dates table: each distinct (text, value, type) once, in text order, with how often it occurs."""
    dates = record.dates or ()
    if not dates:
        return None
    seen: dict[tuple[str, str, str], int] = {}
    for d in dates:
        key = (" ".join((d.text or "").split()), d.value or "", d.type or "")
        seen[key] = seen.get(key, 0) + 1
    rows = [{"text": t, "count": n, "value": v, "reads": human_date(v) if human_date(v) != v else ty.lower()}
            for (t, v, ty), n in seen.items()]
    return {"n": len(dates), "rows": rows}
