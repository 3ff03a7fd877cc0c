"""Which stretches of the article a report marks, as trees the templates draw: entity mentions by type, and
dates with their TIMEX3 value, nested where they nest (a date inside an event's name) and never crossing."""
from __future__ import annotations

from dataclasses import dataclass, field

from newskit.output.humanize import human_date
from newskit.output.theme import COLORS, LABELS
from newskit.record import DateMention, Entity, Record, Span

# A stretch to mark: (start, end, "ent" or "date", the entity or the date).
Marked = tuple[int, int, str, Entity | DateMention]


@dataclass
class Mark:
    """A marked stretch of text: an entity mention (`kind` "ent") or a date ("date"), with what its tag shows."""

    kind: str
    start: int
    end: int
    info: dict[str, str]
    children: list[Node] = field(default_factory=list)


Node = str | Mark


def spans(record: Record) -> list[Marked]:
    """Return the marks to draw: entity mentions without overlaps, then the dates that nest with them (a date
    crossing an entity mention is left unmarked in the text; the dates panel lists it)."""
    ents: list[Marked] = []
    for e in record.entities or ():
        for m in e.mentions:
            ents.append((m.start, m.end, "ent", e))
    ents.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[Marked] = []
    for s in ents:
        if s[1] > s[0] and not any(s[0] < k[1] and k[0] < s[1] for k in kept[-8:]):
            kept.append(s)
    dates: list[Marked] = []
    for d in record.dates or ():
        s = (d.start, d.end, "date", d)
        crosses = any(s[0] < k[1] and k[0] < s[1] and not (s[0] <= k[0] and k[1] <= s[1])
                      and not (k[0] <= s[0] and s[1] <= k[1]) for k in kept)
        clash = any(s[0] < k[1] and k[0] < s[1] for k in dates)
        if s[1] > s[0] and not crosses and not clash:
            dates.append(s)
    return kept + dates


class Marker:
    """Mark the record's spans in pieces of its text; remembers which entities got an anchor (their first mark),
    so panels can link to them."""

    def __init__(self, text: str, record: Record):
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

    def segment(self, span: Span | None, fallback: str) -> list[Node]:
        """Return a field's nodes: its laid-out span marked when the text agrees with it, else the plain value."""
        if span and self.text[span.start:span.end] == span.text:
            return self.mark(span.start, span.end)
        return [fallback]

    def _mark(self, span: Marked) -> Mark:
        start, end, _, data = span
        if isinstance(data, DateMention):
            value = data.value or ""
            reading = human_date(value)
            title = f"{value} ({(data.type or 'date').lower()})" + (f" · {reading}" if reading != value else "")
            if "X" in value:
                title += " · not fully resolved (no date to anchor it)"
            return Mark("date", start, end, {"value": value, "type": data.type or "", "title": title})
        etype = data.type if data.type in COLORS else "other"
        eid = data.id
        anchor = ""
        if eid and eid not in self.anchored:
            self.anchored.add(eid)
            anchor = f"m-{eid}"
        title = " · ".join(x for x in (data.name, data.type, ", ".join(data.titles)) if x)
        label = LABELS.get(data.type, (data.label or data.type).lower())
        return Mark("ent", start, end, {"etype": etype, "anchor": anchor, "entity": eid, "type": data.type,
                                        "label": label, "title": title})
