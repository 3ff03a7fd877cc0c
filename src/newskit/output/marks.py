"""Which stretches of the article a report marks, as trees the templates draw: entity mentions by type, and
dates with their TIMEX3 value, nested where they nest (a date inside an event's name) and never crossing."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newskit.output.humanize import human_date
from newskit.output.theme import COLORS, LABELS

# A span to mark: (start, end, "ent" or "date", the entity or date dict).
Span = tuple[int, int, str, dict[str, Any]]


@dataclass
class Mark:
    """A marked stretch of text: an entity mention (`kind` "ent") or a date ("date"), with what its tag shows."""

    kind: str
    start: int
    end: int
    info: dict[str, str]
    children: list[Node] = field(default_factory=list)


Node = str | Mark


def spans(record: dict[str, Any]) -> list[Span]:
    """Return the marks to draw: entity mentions without overlaps, then the dates that nest with them (a date
    crossing an entity mention is left unmarked in the text; the dates panel lists it)."""
    ents: list[Span] = []
    for e in record.get("entities") or []:
        for m in e.get("mentions") or []:
            ents.append((m["start"], m["end"], "ent", e))
    ents.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[Span] = []
    for s in ents:
        if s[1] > s[0] and not any(s[0] < k[1] and k[0] < s[1] for k in kept[-8:]):
            kept.append(s)
    dates: list[Span] = []
    for d in record.get("dates") or []:
        s = (d["start"], d["end"], "date", d)
        crosses = any(s[0] < k[1] and k[0] < s[1] and not (s[0] <= k[0] and k[1] <= s[1])
                      and not (k[0] <= s[0] and s[1] <= k[1]) for k in kept)
        clash = any(s[0] < k[1] and k[0] < s[1] for k in dates)
        if s[1] > s[0] and not crosses and not clash:
            dates.append(s)
    return kept + dates


class Marker:
    """Mark the record's spans in pieces of its text; remembers which entities got an anchor (their first mark),
    so panels can link to them."""

    def __init__(self, text: str, record: dict[str, Any]):
        self.text = text
        self.spans = spans(record)
        self.anchored: set[str] = set()

    def mark(self, a: int, b: int) -> list[Node]:
        """Return text[a:b] as nodes, with the spans lying wholly inside it marked."""
        text = self.text
        inside = sorted((s for s in self.spans if a <= s[0] and s[1] <= b),
                        key=lambda s: (s[0], -s[1], 0 if s[2] == "date" else 1))
        root: list[Node] = []
        stack: list[Mark] = []
        pos = a

        def add(node: Node) -> None:
            (stack[-1].children if stack else root).append(node)

        for span in inside:
            while stack and stack[-1].end <= span[0]:
                add(text[pos:stack[-1].end])  # the rest of the innermost open mark, then close it
                pos = stack.pop().end
            if stack and span[1] > stack[-1].end:
                continue  # crosses an open mark: cannot nest
            add(text[pos:span[0]])
            pos = span[0]
            node = self._mark(span)
            add(node)
            stack.append(node)
        while stack:
            add(text[pos:stack[-1].end])
            pos = stack.pop().end
        add(text[pos:b])
        return root

    def segment(self, span: dict[str, Any] | None, fallback: str) -> list[Node]:
        """Return a field's nodes: its laid-out span marked when the text agrees with it, else the plain value."""
        if span and self.text[span["start"]:span["end"]] == span.get("text", self.text[span["start"]:span["end"]]):
            return self.mark(span["start"], span["end"])
        return [fallback]

    def _mark(self, span: Span) -> Mark:
        start, end, kind, data = span
        if kind == "date":
            value = data.get("value") or ""
            reading = human_date(value)
            title = f"{value} ({(data.get('type') or 'date').lower()})" + (f" · {reading}" if reading != value else "")
            if "X" in value:
                title += " · not fully resolved (no date to anchor it)"
            return Mark("date", start, end, {"value": value, "type": data.get("type") or "", "title": title})
        etype = str(data.get("type")) if data.get("type") in COLORS else "other"
        eid = data.get("id", "")
        anchor = ""
        if eid and eid not in self.anchored:
            self.anchored.add(eid)
            anchor = f"m-{eid}"
        title = " · ".join(x for x in (data.get("name"), data.get("type"), ", ".join(data.get("titles") or [])) if x)
        label = LABELS.get(data.get("type") or "", (data.get("label") or data.get("type") or "").lower())
        return Mark("ent", start, end, {"etype": etype, "anchor": anchor, "entity": eid, "type": data.get("type") or "",
                                        "label": label, "title": title})
