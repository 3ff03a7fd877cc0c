"""Renderers: pure functions from a record (`newskit.record`) to text (JSON, plain lines) or to rich renderables.

The JSON writers are the one place a record becomes a dict (`to_dict()`); the views read the model itself."""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from newskit.dates import timex
from newskit.record import (
    ENTITY_KINDS,
    ENTITY_TYPES,
    AnyRecord,
    Article,
    DateMention,
    Entity,
    Event,
    Quote,
    Record,
    text_fields,
)

TYPE_ORDER = tuple(k.name for k in ENTITY_TYPES if k.core)


def _plural(etype: str) -> str:
    kind = ENTITY_KINDS.get(etype)
    return kind.plural if kind else etype.replace("_", " ") + "s"


def to_json(records: Sequence[AnyRecord]) -> str:
    """Return one JSON object for a single record, else a JSON array."""
    dicts = [r.to_dict() for r in records]
    data = dicts[0] if len(dicts) == 1 else dicts
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)


def to_jsonl(record: AnyRecord) -> str:
    """Return one compact JSON line (no trailing newline)."""
    return json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":"), allow_nan=False)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _one_line(s) -> str:
    # Plain output is for terminals and line tools: no control characters, no line breaks inside a field.
    return " ".join(_CONTROL.sub(" ", str(s)).split()) if s is not None else ""


# The article fields the views show, in order (authors and images have their own lines): its text fields.
ARTICLE_LINES = text_fields(Article)


def plain(record: Record, command: str) -> str:
    """Return the line-oriented text view of a record for one command (tab-separated where tabular)."""
    lines = []
    if command in ("parse", "analyze"):
        a = record.article
        for key in ARTICLE_LINES:
            if getattr(a, key):
                lines.append(f"{key}\t{_one_line(getattr(a, key))}")
        if a.authors:
            lines.append("authors\t" + "; ".join(a.authors))
        for img in a.images:
            lines.append("image\t" + "\t".join(_one_line(x or "") for x in (img.file, img.caption, img.credit)))
        lines += [f"paragraph\t{_one_line(p.text)}" for p in a.paragraphs]
    if command in ("entities", "analyze"):
        for e in sorted(record.entities or (), key=_entity_key):
            role = f"\t{e.role}" if e.role else ""
            lines.append(f"{e.type}\t{_one_line(e.name)}\t{e.count}{role}")
    if command in ("dates", "analyze"):
        lines += [f"{d.value}\t{d.type}\t{_one_line(d.text)}" for d in record.dates or ()]
    if command in ("quotes", "analyze"):
        for q in record.quotes or ():
            name = q.speaker.name if q.speaker else None
            cue = q.cue.text if q.cue else ""
            lines.append(f"{_one_line(name or '?')}\t{cue}\t{_one_line(q.text)}")
    if command in ("events", "analyze"):
        names = _names(record)
        for ev in record.events or ():
            when = ev.when.value if ev.when else ""
            who = ", ".join(names.get(i, i) for i in ev.who)
            where = ", ".join(names.get(i, i) for i in ev.where)
            lines.append(f"{when}\t{ev.type}\t{ev.status}\t{ev.trigger.text}\t{who}\t{where}")
    return "\n".join(lines)


def _names(record: Record) -> dict[str, str]:
    return {e.id: e.name for e in record.entities or ()}


def _entity_key(e: Entity) -> tuple[int, str, float, str]:
    t = e.type
    return (TYPE_ORDER.index(t) if t in TYPE_ORDER else len(TYPE_ORDER), t, -_salience(e), e.name)


def _salience(e: Entity) -> float:
    # The views order by the salience the JSON shows (rounded), so every output ranks entities alike.
    return round(e.salience, 4)


def sentence_of(text: str, start: int, end: int, limit: int = 200) -> str:
    """Return the sentence around a span (within its line), shortened at word boundaries to about `limit` chars."""
    line_a = text.rfind("\n", 0, start) + 1
    line_b = text.find("\n", end)
    line_b = len(text) if line_b < 0 else line_b
    stops = [text.rfind(p, line_a, start) for p in (". ", "? ", "! ")]
    a = max([line_a] + [x + 2 for x in stops if x >= 0])
    ends = [x for x in (text.find(p, end, line_b) for p in (". ", "? ", "! ")) if x >= 0]
    b = min(ends) + 1 if ends else line_b
    out = " ".join(text[a:b].split())
    if len(out) > limit:
        words, keep = out.split(), list[str]()
        for w in words:
            if sum(len(k) + 1 for k in keep) + len(w) > limit:
                break
            keep.append(w)
        out = " ".join(keep) + " …"
    return out


def rich_view(record: Record, command: str, *, text: str | None = None, sort: str = "position",
              timeline: bool = False) -> Any:
    """Return a rich renderable (Group) showing a record for people."""
    from rich.console import Group, RenderableType  # rich loads when a view is drawn, not for JSON output
    from rich.text import Text

    parts: list[RenderableType] = []
    title = Text(record.id, style="dim")
    if command in ("parse", "analyze"):
        parts += _article_view(record.article, title)
    if command in ("entities", "analyze"):
        parts += _entity_tables(record.entities or ())
    if command in ("dates", "analyze") and record.dates:
        dates = record.dates
        if sort == "value":
            dates = tuple(sorted(dates, key=lambda d: timex.sort_key(d.value)))
        parts.append(_dates_table(dates, text))
    if command in ("quotes", "analyze") and record.quotes:
        parts.append(_quotes_table(record.quotes))
    if command in ("events", "analyze") and record.events:
        parts.append(EventsView(record, timeline=timeline))
    if command != "parse" and command != "analyze":
        parts.insert(0, title)
    return Group(*parts)


def _row(table: Any, *cells: Any) -> None:
    from rich.text import Text

    # Article text is data, not rich markup: "[sic]" must print as written.
    table.add_row(*(Text(c) if isinstance(c, str) else c for c in cells))


def _article_view(a: Article, title: Any) -> list[Any]:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold cyan", justify="right")
    grid.add_column()
    for key in ARTICLE_LINES[:2]:
        if getattr(a, key):
            _row(grid, key, str(getattr(a, key)))
    if a.authors:
        _row(grid, "authors", "; ".join(a.authors))
    for key in ARTICLE_LINES[2:]:
        if getattr(a, key):
            _row(grid, key, str(getattr(a, key)))
    for img in a.images:
        _row(grid, "image", " · ".join(x for x in (img.file, img.caption, img.credit and f"credit: {img.credit}") if x))
    parts: list[Any] = [Panel(grid, title=title, title_align="left")]
    body = "\n\n".join(p.text for p in a.paragraphs)
    if body:
        parts.append(Text(body))
    if a.boilerplate:
        parts.append(Text(f"({len(a.boilerplate)} line(s) of page furniture left out)", style="dim"))
    return parts


def _entity_tables(entities: tuple[Entity, ...]) -> list[Any]:
    from rich.table import Table
    from rich.text import Text

    by_type: dict[str, list[Entity]] = {}
    for e in entities:
        by_type.setdefault(e.type, []).append(e)
    tables = []
    for t in sorted(by_type, key=lambda t: TYPE_ORDER.index(t) if t in TYPE_ORDER else 99):
        table = Table(title=_plural(t), title_justify="left", expand=False)
        table.add_column("name", style="bold")
        table.add_column("titles")
        table.add_column("aliases", style="dim")
        table.add_column("count", justify="right")
        table.add_column("salience", justify="right")
        for e in sorted(by_type[t], key=lambda e: -_salience(e)):
            name = Text(e.name)
            if e.role:
                name.append(f" ({e.role})", style="dim")
            _row(table, name, ", ".join(e.titles), ", ".join(e.aliases), str(e.count), f"{_salience(e):.2f}")
        tables.append(table)
    return tables


def _dates_table(dates: tuple[DateMention, ...], text: str | None) -> Any:
    from rich.table import Table

    table = Table(title="dates", title_justify="left")
    for col in ("text", "value", "type", "sentence"):
        table.add_column(col, style="bold" if col == "text" else None)
    for d in dates:
        _row(table, d.text, d.value, d.type, sentence_of(text, d.start, d.end) if text else "")
    return table


def _quotes_table(quotes: tuple[Quote, ...]) -> Any:
    from rich.table import Table
    from rich.text import Text

    table = Table(title="quotes", title_justify="left")
    for col in ("speaker", "cue", "quote"):
        table.add_column(col)
    for q in quotes:
        quote = Text(" ".join(q.text.split()))
        if q.kind in ("indirect", "scare"):
            # A scare quote ("a “claim”") or a paraphrase must not read as someone's own words.
            quote.append(f" ({q.kind})", style="dim")
        _row(table, (q.speaker.name if q.speaker else None) or "?", q.cue.text if q.cue else "", quote)
    return table


_STATUS_STYLE = {"happened": "green", "planned": "cyan", "reported": "yellow", "negated": "red",
                 "hypothetical": "magenta"}
SENTENCE_MIN_WIDTH = 100  # below this the view keeps one line per event and leaves the sentence out


def event_summary(ev: Event, names: dict[str, str]) -> str:
    """Return "who trigger whom @ where (per reporter)" for an event: a readable one-line gist."""
    def ids(values: tuple[str, ...]) -> str:
        return ", ".join(names.get(i, i) for i in values)
    trigger, whom = ev.trigger.text, ids(ev.whom) or ids(ev.what)
    if trigger and whom.lower().startswith(trigger.lower() + " "):
        trigger = ""  # a participant named from the trigger on ("Acquire Brightline Sensors"): say it once
    out = " ".join(x for x in (ids(ev.who), trigger, ids(ev.whom), ids(ev.what)) if x)
    if ev.where:
        out += f" @ {ids(ev.where)}"
    if ev.reported_by:
        out += f" (per {names.get(ev.reported_by, ev.reported_by)})"
    return _one_line(out)


class EventsView:
    """The events of one record for a terminal: one line each (date, type, status, gist), and below
    SENTENCE_MIN_WIDTH columns nothing more; wider, a dim second line with the sentence, cut to fit, written only
    when it is not the sentence just shown."""

    def __init__(self, record: Record, *, timeline: bool = False):
        events = list(record.events or ())
        from newskit.events.timeline import timeline as order_timeline  # loads the events extractor: only here

        self.events: list[Event] = order_timeline(events, undated=True) if timeline else events
        self.names = _names(record)

    def __rich_console__(self, console, options):
        from rich.text import Text

        width = options.max_width
        # A time value ("2013-03-22T10:35") is shown whole: cut to 13 it lost the time itself. The longest types
        # ("military_exe…") are cut at 13 to leave the gist room at 80 columns.
        when_w = min(16, max([len(e.when.value if e.when else "") for e in self.events] + [4]))
        type_w = min(13, max(len(e.type) for e in self.events))
        lead = when_w + type_w + 12 + 4
        yield Text(f"events ({len(self.events)})", style="bold")
        head = Text(f" {'when':<{when_w}} {'type':<{type_w}} {'status':<12} what", style="dim")
        head.truncate(width, overflow="ellipsis")
        yield head
        shown = None
        for ev in self.events:
            when = ev.when.value if ev.when else ""
            status = ev.status
            line = Text(" ")  # a margin under the heading
            line.append(f"{_cut(when, when_w):<{when_w}} ")
            line.append(f"{_cut(ev.type, type_w):<{type_w}} ", style="bold")
            line.append(f"{status:<12} ", style=_STATUS_STYLE.get(status, ""))
            line.append(event_summary(ev, self.names))
            line.truncate(width, overflow="ellipsis")
            yield line
            sentence = _one_line(ev.sentence.text)
            if width >= SENTENCE_MIN_WIDTH and sentence and sentence != shown:
                shown = sentence
                second = Text(" " * lead + sentence, style="dim")
                second.truncate(width, overflow="ellipsis")
                yield second


def _cut(s: str, n: int) -> str:
    return s if len(s) <= n else s[:n - 1] + "…"


def _prf(v) -> str:
    if isinstance(v, dict):
        v = (v.get("p", v.get("precision")), v.get("r", v.get("recall")), v.get("f", v.get("f1")))
    return "P {:.3f} R {:.3f} F {:.3f}".format(*v)


def scores_text(scores: dict) -> str:
    """Return evaluation scores as aligned plain lines, in the reference scorer's terms."""
    lines = []
    for kind, s in scores.items():
        lines.append(f"{kind}: {s['documents']} document{'' if s['documents'] == 1 else 's'}")
        if "dates" in s:
            d = s["dates"]
            for k in ("strict", "relaxed", "value", "type"):
                lines.append(f"  {k:8} {_prf(d[k])}")
        if "entities" in s:
            e = s["entities"]
            lines.append(f"  list     {_prf(e['list'])}")
            lines.append(f"  recall={e['list'][1]:.3f} split_rate={e['split_rate']:.3f} "
                         f"merge_rate={e['merge_rate']:.3f}")
        if "per_type" in s:
            lines.append("  name mentions by type (MEANTIME leaves some names unannotated: P is a lower bound)")
            for t, v in s["per_type"].items():
                lines.append(f"    {t:5}  {_prf(v)}")
        if "ner" in s:
            n = s["ner"]
            lines.append(f"  mention  {_prf(n['mention'])}")
            for t, v in n["per_type"].items():
                lines.append(f"    {t:5}  {_prf(v)}")
            lines.append(f"  document {_prf(n['document'])}")
        if "geo" in s:
            lines.extend("  " + line for line in geo_lines(s["geo"]))
        if "attributions" in s:
            a = s["attributions"]
            lines.append(f"  all_found={a['all_found']:.3f} all_speaker={a['all_speaker']:.3f}")
            lines.append(f"  indirect_found={a['indirect_found']:.3f} indirect_precision={a['indirect_precision']:.3f} "
                         f"indirect_speaker={a['indirect_speaker']:.3f} unquoted_found={a['unquoted_found']:.3f}")
        if "confusion" in s:
            lines.extend("  " + line for line in confusion_lines(s["confusion"]))
        for how, c in (s.get("identity") or {}).items():
            lines.append(f"  {how:8} bcubed {_prf(c['bcubed'])} split_rate={c['split_rate']:.3f} "
                         f"split_rate_multi={c['split_rate_multi']:.3f} merge_rate={c['merge_rate']:.3f}")
    return "\n".join(lines)


def geo_lines(g: dict) -> list[str]:
    """Return geoparsing scores as plain lines (km figures and AUC over the resolved toponyms)."""
    def num(v, digits=3):
        return "n/a" if v is None else f"{v:.{digits}f}"

    return [f"toponyms {g['gold']} with coordinates ({g['skipped']} without, left out)",
            f"found={num(g['found'])} resolved={num(g['resolved'])} acc161={num(g['acc161'])} "
            f"acc161_resolved={num(g['acc161_resolved'])}",
            f"mean_km={num(g['mean_km'], 0)} median_km={num(g['median_km'], 0)} auc={num(g['auc'])} "
            f"auc_all={num(g['auc_all'])} id_match={num(g['id_match'])}"]


def confusion_lines(conf: dict) -> list[str]:
    """Return a gold type x predicted type table as aligned lines ("-": no span there; partial: overlap only)."""
    cols = conf["columns"]
    width = max(6, *(len(str(n)) + 1 for row in conf["table"].values() for n in row.values()))
    lines = ["gold \\ predicted".ljust(17) + "".join(f"{c:>{width}}" for c in cols) + f"{'partial':>9}"]
    for row in conf["rows"]:
        cells = "".join(f"{conf['table'][row][c]:>{width}}" for c in cols)
        part = conf["partial"].get(row)
        lines.append(f"{row:17}" + cells + (f"{part:>9}" if part is not None else ""))
    return lines
