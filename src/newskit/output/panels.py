"""What the report's side panels show, read off a record: entities by type, a timeline of events, quotes and
dates. Plain values for the templates (report.html.j2 draws them); nothing here writes markup."""
from __future__ import annotations

from typing import Any

from newskit.events.extract import timeline
from newskit.output.humanize import human_date
from newskit.output.theme import PANEL_TITLES

Record = dict[str, Any]
# The panels in page order, with the jump link each gets on a phone: (panel id, label).
PANELS = (("panel-person", "People"), ("panel-place", "Places"), ("panel-map", "Map"),
          ("panel-organization", "Organizations"), ("panel-events", "Timeline"), ("panel-quotes", "Quotes"),
          ("panel-event", "Named events"),
          ("panel-dates", "Dates"))


def _ref(ent: Record | None, fallback: str, anchored: set[str]) -> dict[str, str]:
    """Return how to show an entity: its name, linked to its first mark in the text when it has one."""
    if ent is None:
        return {"name": fallback, "href": ""}
    href = f"#m-{ent['id']}" if ent.get("id") in anchored else ""
    return {"name": ent.get("name") or fallback, "href": href}


def entity_panel(etype: str, ents: list[Record], anchored: set[str]) -> Record | None:
    """Return the panel listing one type of entity, most salient first, or None when there are none."""
    if not ents:
        return None
    items = []
    for e in sorted(ents, key=lambda e: (-e.get("salience", 0), -e.get("count", 0), e.get("name", ""))):
        items.append({"ref": _ref(e, e.get("name", ""), anchored),
                      "count": e.get("count", len(e.get("mentions") or [])),
                      "titles": ", ".join(e.get("titles") or []), "role": e.get("role") or "",
                      "aliases": ", ".join(a for a in e.get("aliases") or [] if a != e.get("name"))})
    return {"id": f"panel-{etype}", "etype": etype, "title": PANEL_TITLES[etype], "items": items}


def sentence(ev: Record, limit: int = 150) -> Record | None:
    """Return the event's sentence shortened around its trigger: the text before, the trigger and the text after,
    and whether an ellipsis leads or ends it."""
    s, t = ev.get("sentence") or {}, ev.get("trigger") or {}
    text = s.get("text") or ""
    if not text:
        return None
    a, b = t.get("start", 0) - s.get("start", 0), t.get("end", 0) - s.get("start", 0)
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


def _event(ev: Record, names: dict[str, Record], anchored: set[str]) -> Record:
    kind = (ev.get("type") or "event").replace("_", " ")
    if kind == "other" and (ev.get("trigger") or {}).get("text"):
        kind = ev["trigger"]["text"]
    return {"kind": kind, "who": [_ref(names.get(i), i, anchored) for i in ev.get("who") or []],
            "where": [_ref(names.get(i), i, anchored) for i in ev.get("where") or []],
            "status": ev.get("status") or "", "sentence": sentence(ev)}


def _value(ev: Record) -> str:
    return str((ev.get("when") or {}).get("value") or "")


def events_panel(record: Record, anchored: set[str]) -> Record | None:
    """Return the timeline: dated events grouped by date in calendar order (timex.sort_key), then the undated."""
    events = record.get("events") or []
    if not events:
        return None
    names = {e["id"]: e for e in record.get("entities") or [] if "id" in e}
    groups: list[Record] = []
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
        said = {" ".join((e["when"].get("text") or "").split()) for e in g["evs"]} - {"", g["value"], g["human"]}
        g["said"] = "”, “".join(sorted(said))
        g["events"] = [_event(e, names, anchored) for e in g.pop("evs")]
    return {"n": len(events), "groups": groups, "undated": undated}


def quotes_panel(record: Record, anchored: set[str]) -> Record | None:
    """Return the quotes with their speakers, and the scare quotes apart."""
    quotes = record.get("quotes") or []
    if not quotes:
        return None
    names = {e["id"]: e for e in record.get("entities") or [] if "id" in e}
    said = []
    for q in quotes:
        if q.get("kind") == "scare":
            continue
        sp = q.get("speaker") or {}
        who = _ref(names.get(sp.get("entity") or ""), sp.get("name") or sp.get("text") or "unknown speaker",
                   anchored) if sp else None
        cls = "direct" if q.get("direct") else "indirect"
        said.append({"cls": cls, "text": " ".join((q.get("text") or "").split()), "who": who,
                     "cue": (q.get("cue") or {}).get("text") or "", "kind": q.get("kind") or cls})
    scare = [" ".join(q.get("text", "").split()) for q in quotes if q.get("kind") == "scare"]
    return {"said": said, "scare": scare}


def dates_panel(record: Record) -> Record | None:
    """Return the dates table: each distinct (text, value, type) once, in text order, with how often it occurs."""
    dates = record.get("dates") or []
    if not dates:
        return None
    seen: dict[tuple[str, str, str], int] = {}
    for d in dates:
        key = (" ".join((d.get("text") or "").split()), d.get("value") or "", d.get("type") or "")
        seen[key] = seen.get(key, 0) + 1
    rows = [{"text": t, "count": n, "value": v, "reads": human_date(v) if human_date(v) != v else ty.lower()}
            for (t, v, ty), n in seen.items()]
    return {"n": len(dates), "rows": rows}
