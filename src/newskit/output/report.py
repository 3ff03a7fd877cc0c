"""HTML reports: one self-contained page per article record, and an index page linking several.

Pure functions from records to HTML strings — no I/O. The pages carry their own CSS and no scripts, fonts,
images or links to anything outside themselves, so they open offline. The body is the article's paragraphs with
every entity mention marked by type (own markup in the manner of displaCy's entity renderer, so dates can nest
inside or around entities) and every date marked with its resolved TIMEX3 value in a title attribute; side panels
list people, places, organizations, a timeline of events, quotes and dates. Below 800px the panels stack under
the body.
"""
from __future__ import annotations

import datetime as _dt
import re
from html import escape
from string import Template

from newskit.events.extract import timeline

TYPES = ("person", "place", "organization", "event")
PANEL_TITLES = {"person": "People", "place": "Places", "organization": "Organizations", "event": "Named events"}
# Highlight colours per entity type: (background, label text). Body text (#1a1a1a) on each background and each
# label colour on its background are at least 4.5:1 (WCAG AA); tests/test_report.py checks the ratios.
COLORS = {
    "person": ("#ffe1b8", "#6b3300"),
    "place": ("#d3ecd9", "#1c5229"),
    "organization": ("#d9e3fb", "#1f3d87"),
    "event": ("#f4dbee", "#74195a"),
    "other": ("#e6e6e6", "#3d3d3d"),
}
LABELS = {"person": "person", "place": "place", "organization": "org", "event": "event"}
FG, MUTED, BG, PANEL_BG, LINK = "#1a1a1a", "#545454", "#ffffff", "#f6f5f1", "#0b4f8a"

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "MIN": "minute", "S": "second",
          "DE": "decade", "CE": "century", "Q": "quarter"}
_REFS = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
_PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}


# NUL and other control characters, and the bidirectional overrides and isolates that can make a file name or id
# display as another ("evil\u202eLMTH.exe"), are shown as U+FFFD, never written raw into a page.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def _e(s) -> str:
    return escape(_UNSAFE.sub("\ufffd", "" if s is None else str(s)), quote=True)


def human_date(value: str | None) -> str:
    """Return a reader's version of a TIMEX3 value (2024-01-21 → Sunday 21 January 2024), else the value."""
    if not value:
        return ""
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI|DT|\d{2}:\d{2})(?::\d{2})?", value)
    if m:
        day = human_date(m[1])
        return f"{day}, {_PARTS[m[2]]}" if m[2] in _PARTS else f"{day}, {m[2]}"
    try:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
        if m:
            d = _dt.date(int(m[1]), int(m[2]), int(m[3]))
            return f"{d.strftime('%A')} {d.day} {_MONTHS[d.month - 1]} {d.year}"
        m = re.fullmatch(r"(\d{4})-(\d{2})", value)
        if m and 1 <= int(m[2]) <= 12:
            return f"{_MONTHS[int(m[2]) - 1]} {m[1]}"
        m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
        if m:
            first = _dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            last = first + _dt.timedelta(days=6)
            return f"week {int(m[2])} of {m[1]} ({first.day} {_MONTHS[first.month - 1][:3]}–" \
                   f"{last.day} {_MONTHS[last.month - 1][:3]})"
        m = re.fullmatch(r"(\d{4})-(Q[1-4]|H[12])", value)
        if m:
            return f"{'quarter' if m[2][0] == 'Q' else 'half'} {m[2][1]} of {m[1]}"
        m = re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", value)
        if m:
            return f"{_SEASONS[m[2]]} {m[1]}"
        m = re.fullmatch(r"PT?(\d+(?:\.\d+)?)(MIN|DE|CE|[YMWDHSQ])", value)
        if m:
            unit = "minute" if value.startswith("PT") and m[2] == "M" else _UNITS[m[2]]
            n = m[1][:-2] if m[1].endswith(".0") else m[1]
            return f"{n} {unit}{'' if n == '1' else 's'}"
    except (ValueError, KeyError):
        return value
    return _REFS.get(value, value)


# ---------------------------------------------------------------------------------------------- body markup

def _spans(record: dict) -> list[tuple]:
    """Return the marks to draw as (start, end, kind, data): entity mentions without overlaps, then the dates that
    nest with them (a date crossing an entity mention is left unmarked in the text; the dates panel lists it)."""
    ents = []
    for e in record.get("entities") or []:
        for m in e.get("mentions") or []:
            ents.append((m["start"], m["end"], "ent", e))
    ents.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple] = []
    for s in ents:
        if s[1] > s[0] and not any(s[0] < k[1] and k[0] < s[1] for k in kept[-8:]):
            kept.append(s)
    dates = []
    for d in record.get("dates") or []:
        s = (d["start"], d["end"], "date", d)
        crosses = any(s[0] < k[1] and k[0] < s[1] and not (s[0] <= k[0] and k[1] <= s[1])
                      and not (k[0] <= s[0] and s[1] <= k[1]) for k in kept)
        clash = any(s[0] < k[1] and k[0] < s[1] for k in dates)
        if s[1] > s[0] and not crosses and not clash:
            dates.append(s)
    return kept + dates


def _open(span, state: dict) -> tuple[str, str]:
    start, end, kind, data = span
    if kind == "date":
        value = data.get("value") or ""
        reading = human_date(value)
        title = f"{value} ({(data.get('type') or 'date').lower()})" + (f" · {reading}" if reading != value else "")
        if "X" in value:
            title += " · not fully resolved (no date to anchor it)"
        return (f'<span class="timex" data-value="{_e(value)}" data-type="{_e(data.get("type"))}" '
                f'data-start="{start}" data-end="{end}" title="{_e(title)}">', "</span>")
    etype = data.get("type") if data.get("type") in COLORS else "other"
    eid = data.get("id", "")
    anchor = ""
    if eid and eid not in state["anchored"]:
        state["anchored"].add(eid)
        anchor = f' id="m-{_e(eid)}"'
    title = " · ".join(x for x in (data.get("name"), data.get("type"), ", ".join(data.get("titles") or [])) if x)
    label = LABELS.get(data.get("type"), (data.get("label") or data.get("type") or "").lower())
    return (f'<mark class="ent ent-{etype}"{anchor} data-entity="{_e(eid)}" data-type="{_e(data.get("type"))}" '
            f'data-label="{_e(label)}" data-start="{start}" data-end="{end}" title="{_e(title)}">', "</mark>")


def _marked(text: str, a: int, b: int, spans: list[tuple], state: dict) -> str:
    """Return text[a:b] as escaped HTML with the spans lying wholly inside it wrapped in their marks."""
    inside = sorted((s for s in spans if a <= s[0] and s[1] <= b),
                    key=lambda s: (s[0], -s[1], 0 if s[2] == "date" else 1))
    out, pos, stack = [], a, []
    for span in inside:
        while stack and stack[-1][0] <= span[0]:
            end, close = stack.pop()
            out.append(_e(text[pos:end]) + close)
            pos = end
        if stack and span[1] > stack[-1][0]:
            continue  # crosses an open mark: cannot nest
        out.append(_e(text[pos:span[0]]))
        pos = span[0]
        opening, close = _open(span, state)
        out.append(opening)
        stack.append((span[1], close))
    while stack:
        end, close = stack.pop()
        out.append(_e(text[pos:end]) + close)
        pos = end
    out.append(_e(text[pos:b]))
    return "".join(out)


def _rebuild_text(record: dict) -> str:
    """Return the article text, or a stand-in with every laid-out line at its offsets when the text is unknown."""
    if record.get("text"):
        return record["text"]
    a = record.get("article") or {}
    pieces = list(a.get("layout") or []) + list(a.get("paragraphs") or [])
    if not pieces:
        return ""
    buf = [" "] * max(p["end"] for p in pieces)
    for p in pieces:
        buf[p["start"]:p["end"]] = p["text"]
    return "".join(buf)


def _segment(text: str, span: dict | None, fallback, spans, state) -> str:
    """Return a field's HTML: its laid-out span with marks when the text agrees with it, else the plain value."""
    if span and text[span["start"]:span["end"]] == span.get("text", text[span["start"]:span["end"]]):
        return _marked(text, span["start"], span["end"], spans, state)
    return _e(fallback)


# ---------------------------------------------------------------------------------------------------- panels

def _names(record: dict) -> dict:
    return {e["id"]: e for e in record.get("entities") or [] if "id" in e}


def _entity_ref(ent: dict | None, fallback: str, state: dict) -> str:
    if ent is None:
        return _e(fallback)
    name = _e(ent.get("name") or fallback)
    if ent.get("id") in state["anchored"]:
        return f'<a href="#m-{_e(ent["id"])}">{name}</a>'
    return name


def _entity_panel(etype: str, ents: list[dict], state: dict) -> str:
    if not ents:
        return ""
    items = []
    for e in sorted(ents, key=lambda e: (-e.get("salience", 0), -e.get("count", 0), e.get("name", ""))):
        extra = []
        if e.get("titles"):
            extra.append(f'<span class="titles">{_e(", ".join(e["titles"]))}</span>')
        if e.get("role"):
            extra.append(f'<span class="role">{_e(e["role"])}</span>')
        aliases = [a for a in e.get("aliases") or [] if a != e.get("name")]
        if aliases:
            extra.append(f'<span class="aliases">also {_e(", ".join(aliases))}</span>')
        count = e.get("count", len(e.get("mentions") or []))
        items.append(f'<li><span class="swatch sw-{etype}" aria-hidden="true"></span>'
                     f'<span class="who">{_entity_ref(e, e.get("name", ""), state)}</span>'
                     f'<span class="count" title="mentions">{count}×</span>'
                     + (f'<span class="extra">{" · ".join(extra)}</span>' if extra else "") + "</li>")
    return (f'<section class="panel" id="panel-{etype}"><h2>{PANEL_TITLES[etype]} <span class="n">{len(ents)}</span>'
            f'</h2><ul class="entities">{"".join(items)}</ul></section>')


def _sentence(ev: dict, limit: int = 150) -> str:
    """Return the event's sentence, shortened around the trigger, with the trigger in bold."""
    s, t = ev.get("sentence") or {}, ev.get("trigger") or {}
    text = s.get("text") or ""
    if not text:
        return ""
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
    pre, trig, post = text[lo:a] if b else text[lo:hi], text[a:b], text[b:hi] if b else ""
    return ("…" if lo else "") + _e(pre) + (f"<b>{_e(trig)}</b>" if trig else "") + \
        _e(post) + ("…" if hi < len(text) else "")


def _event_item(ev: dict, names: dict, state: dict) -> str:
    who = ", ".join(_entity_ref(names.get(i), i, state) for i in ev.get("who") or [])
    where = ", ".join(_entity_ref(names.get(i), i, state) for i in ev.get("where") or [])
    kind = (ev.get("type") or "event").replace("_", " ")
    if kind == "other" and (ev.get("trigger") or {}).get("text"):
        kind = ev["trigger"]["text"]
    head = f'<span class="etype">{_e(kind)}</span>'
    if who:
        head += f' <span class="who">{who}</span>'
    if where:
        head += f' <span class="where">in {where}</span>'
    status = ev.get("status")
    if status:
        head += f' <span class="status st-{_e(status)}">{_e(status)}</span>'
    sentence = _sentence(ev)
    return f'<li class="event"><div class="ehead">{head}</div>' + \
        (f'<div class="sentence">{sentence}</div>' if sentence else "") + "</li>"


def _events_panel(record: dict, state: dict) -> str:
    events = record.get("events") or []
    if not events:
        return ""
    names = _names(record)
    ordered = timeline(events, undated=True)
    dated = [e for e in ordered if (e.get("when") or {}).get("value")]
    undated = [e for e in ordered if not (e.get("when") or {}).get("value")]
    groups: list[tuple[str, list[dict]]] = []
    for ev in dated:
        value = ev["when"]["value"]
        if groups and groups[-1][0] == value:
            groups[-1][1].append(ev)
        else:
            groups.append((value, [ev]))
    parts = [f'<section class="panel" id="panel-events"><h2>Timeline <span class="n">{len(events)}</span></h2>']
    if groups:
        parts.append('<ol class="timeline">')
        for value, evs in groups:
            said = sorted({" ".join((e["when"].get("text") or "").split()) for e in evs}
                          - {"", value, human_date(value)})
            parts.append(f'<li class="tl-date"><div class="when"><span class="date">{_e(human_date(value))}</span> '
                         f'<code>{_e(value)}</code>'
                         + (f' <span class="said">“{_e("”, “".join(said))}”</span>' if said else "")
                         + '</div><ul class="events">'
                         + "".join(_event_item(e, names, state) for e in evs) + "</ul></li>")
        parts.append("</ol>")
    else:
        parts.append('<p class="none">No event has a date.</p>')
    if undated:
        parts.append(f'<details><summary>{len(undated)} undated event{"s" if len(undated) != 1 else ""}</summary>'
                     f'<ul class="events">{"".join(_event_item(e, names, state) for e in undated)}</ul></details>')
    parts.append("</section>")
    return "".join(parts)


def _quote_item(q: dict, names: dict, state: dict) -> str:
    sp = q.get("speaker") or {}
    who = _entity_ref(names.get(sp.get("entity")), sp.get("name") or sp.get("text") or "unknown speaker", state) \
        if sp else '<span class="unknown">unknown speaker</span>'
    cue = (q.get("cue") or {}).get("text")
    text = " ".join((q.get("text") or "").split())
    cls = "direct" if q.get("direct") else "indirect"
    return (f'<li class="quote {cls}"><blockquote>{_e(text)}</blockquote>'
            f'<div class="speaker">— {who}' + (f' <span class="cue">({_e(cue)})</span>' if cue else "")
            + f' <span class="kind">{_e(q.get("kind") or cls)}</span></div></li>')


def _quotes_panel(record: dict, state: dict) -> str:
    quotes = record.get("quotes") or []
    if not quotes:
        return ""
    names = _names(record)
    said = [q for q in quotes if q.get("kind") != "scare"]
    scare = [q for q in quotes if q.get("kind") == "scare"]
    parts = [f'<section class="panel" id="panel-quotes"><h2>Quotes <span class="n">{len(said)}</span></h2>']
    if said:
        parts.append(f'<ul class="quotes">{"".join(_quote_item(q, names, state) for q in said)}</ul>')
    if scare:
        words = "".join(f"<li>{_e(' '.join(q.get('text', '').split()))}</li>" for q in scare)
        parts.append(f'<details><summary>{len(scare)} scare quote{"s" if len(scare) != 1 else ""} '
                     f'(words set off, not statements)</summary><ul class="scare">{words}</ul></details>')
    parts.append("</section>")
    return "".join(parts)


def _dates_panel(record: dict) -> str:
    dates = record.get("dates") or []
    if not dates:
        return ""
    seen: dict[tuple, int] = {}
    for d in dates:
        key = (" ".join((d.get("text") or "").split()), d.get("value") or "", d.get("type") or "")
        seen[key] = seen.get(key, 0) + 1
    rows = "".join(f'<tr><td>{_e(t)}{f" <span class=count>{n}×</span>" if n > 1 else ""}</td>'
                   f'<td><code>{_e(v)}</code></td><td>{_e(human_date(v) if human_date(v) != v else ty.lower())}</td>'
                   f'</tr>' for (t, v, ty), n in seen.items())
    return (f'<section class="panel" id="panel-dates"><h2>Dates <span class="n">{len(dates)}</span></h2>'
            f'<table class="dates"><thead><tr><th scope="col">in the text</th><th scope="col">TIMEX3</th>'
            f'<th scope="col">reads as</th></tr></thead><tbody>{rows}</tbody></table></section>')


# -------------------------------------------------------------------------------------------------- the page

_CSS = """
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:${BG};color:${FG};font:1.0625rem/1.65 Georgia,"Iowan Old Style","DejaVu Serif",serif}
a{color:${LINK};text-underline-offset:.15em}
a:focus-visible,summary:focus-visible{outline:3px solid ${LINK};outline-offset:2px}
.sans,nav,.kicker,.meta,.figure,.legend,aside,footer,.index-list .facts,.note{font-family:system-ui,-apple-system,
 "Segoe UI",Roboto,"Helvetica Neue","Liberation Sans","DejaVu Sans",Arial,sans-serif}
.page{max-width:78rem;margin:0 auto;padding:1.5rem clamp(1rem,4vw,2.5rem) 3rem}
nav{font-size:.9375rem;margin-bottom:1rem}
header.masthead{border-bottom:1px solid #d6d3cc;padding-bottom:1.25rem;margin-bottom:1.5rem;max-width:52rem}
.kicker{font-size:.8125rem;color:${MUTED};letter-spacing:.02em;margin:0 0 .5rem;overflow-wrap:anywhere}
h1{font-size:clamp(1.75rem,1.2rem + 2.4vw,2.625rem);line-height:1.15;margin:0 0 .6rem;font-weight:700;
 letter-spacing:-.01em}
.dek{font-size:clamp(1.125rem,1rem + .5vw,1.3125rem);line-height:1.45;color:#333;margin:0 0 1rem}
.meta{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:0;font-size:.9375rem;color:${MUTED}}
.meta div{display:flex;flex-wrap:wrap;gap:0 .35rem}
.meta dt{font-weight:600;color:#404040}
.meta dd{margin:0;color:${FG}}
.figure{margin:1rem 0 0;padding:.75rem 1rem;background:${PANEL_BG};border-left:4px solid #c9c4b8;font-size:.9375rem}
.figure .file{display:block;color:${MUTED};font-size:.8125rem;overflow-wrap:anywhere}
.figure .credit{color:${MUTED}}
.columns{display:grid;grid-template-columns:minmax(0,1fr) minmax(18rem,24rem);gap:2.5rem;align-items:start}
main{max-width:42rem}
main p{margin:0 0 1.1em}
.legend{display:flex;flex-wrap:wrap;gap:.4rem .9rem;align-items:center;font-size:.8125rem;color:${MUTED};
 margin:0 0 1.25rem;padding:0;list-style:none}
.legend li{display:flex;align-items:center;gap:.35rem}
mark.ent{color:${FG};padding:.08em .3em;border-radius:.3em;line-height:1;-webkit-box-decoration-break:clone;
 box-decoration-break:clone}
mark.ent::after{content:attr(data-label);font:600 .625rem/1 system-ui,"DejaVu Sans",sans-serif;
 text-transform:uppercase;letter-spacing:.04em;margin-left:.35em;vertical-align:.12em}
${ENT_CSS}
h1 mark.ent,.dek mark.ent{padding:0 .05em;border-radius:0;background:linear-gradient(transparent 58%,var(--hl) 58%)}
h1 mark.ent::after,.dek mark.ent::after,.legend mark.ent::after{content:none}
mark.ent:target{outline:3px solid ${LINK};outline-offset:1px}
.timex{border-bottom:2px dotted #7a5c00;cursor:help}
.timex:hover{background:#fff1b8}
.legend .timex{cursor:default}
.note{font-size:.875rem;color:${MUTED}}
aside{font-size:.9375rem;line-height:1.5}
.panel{background:${PANEL_BG};border-radius:.5rem;padding:1rem 1.1rem;margin:0 0 1rem}
.panel h2{font-size:1rem;margin:0 0 .6rem;letter-spacing:.01em;display:flex;align-items:baseline;gap:.5rem}
.panel h2 .n{font-weight:400;font-size:.8125rem;color:${MUTED}}
.panel ul,.panel ol{list-style:none;margin:0;padding:0}
ul.entities li{display:grid;grid-template-columns:auto 1fr auto;column-gap:.5rem;align-items:baseline;
 padding:.3rem 0;border-top:1px solid #e4e1d9}
ul.entities li:first-child{border-top:0}
.swatch{width:.7rem;height:.7rem;border-radius:.2rem;display:inline-block;align-self:center}
ul.entities .who{font-weight:600}
ul.entities .count,.dates .count{color:${MUTED};font-size:.8125rem;font-variant-numeric:tabular-nums}
ul.entities .extra{grid-column:2/4;color:${MUTED};font-size:.875rem}
ul.entities .titles{color:#333}
ol.timeline{border-left:2px solid #c9c4b8;margin-left:.3rem}
.tl-date{position:relative;padding:0 0 .9rem 1rem}
.tl-date::before{content:"";position:absolute;left:-.42rem;top:.45rem;width:.7rem;height:.7rem;border-radius:50%;
 background:${BG};border:2px solid #6b6558}
.when{font-weight:600}
.when code{font-weight:400}
.when .said{font-weight:400;color:${MUTED};font-size:.875rem}
code{font:.8125rem/1.3 ui-monospace,"DejaVu Sans Mono",monospace;white-space:nowrap;background:#ebe8e0;padding:.05em .3em;
 border-radius:.25em;color:#2b2b2b}
ul.events li.event{margin:.35rem 0 0}
.etype{font-weight:600;text-transform:capitalize}
.status{font-size:.75rem;border:1px solid currentColor;border-radius:1em;padding:0 .45em;white-space:nowrap;
 color:${MUTED}}
.st-planned{color:#1f3d87}.st-happened{color:#1c5229}.st-reported{color:#6b3300}
.sentence{color:#3a3a3a;font-size:.875rem}
details{margin-top:.6rem}
summary{cursor:pointer;color:${LINK}}
ul.quotes li{margin:0 0 .9rem}
blockquote{margin:0;padding-left:.75rem;border-left:3px solid #c9c4b8;font-family:Georgia,"DejaVu Serif",serif}
.quote.indirect blockquote{font-style:italic}
.speaker{margin-top:.2rem;font-weight:600}
.speaker .cue{font-weight:400;color:${MUTED}}
.kind{font-weight:400;font-size:.75rem;color:${MUTED};text-transform:uppercase;letter-spacing:.04em}
ul.scare li{margin:.2rem 0}
table.dates{width:100%;border-collapse:collapse;font-size:.875rem}
table.dates th{text-align:left;font-weight:600;color:#404040;border-bottom:1px solid #d6d3cc;padding:.2rem .4rem .2rem 0}
table.dates td{border-top:1px solid #e4e1d9;padding:.25rem .4rem .25rem 0;vertical-align:top}
footer{margin-top:2rem;font-size:.8125rem;color:${MUTED}}
.index-list{list-style:none;margin:0;padding:0;max-width:52rem}
.index-list>li{padding:1rem 0;border-top:1px solid #d6d3cc}
.index-list>li:first-child{border-top:0;padding-top:0}
.index-list h2{font-size:1.3125rem;line-height:1.3;margin:0 0 .3rem}
.index-list .dek{font-size:1rem;margin:0 0 .4rem}
.index-list .facts{font-size:.875rem;color:${MUTED};margin:0}
.index-list .error{color:#9b1c1c;font-family:system-ui,"DejaVu Sans",sans-serif;font-size:.9375rem}
nav.jump{display:none;font-size:.875rem;color:${MUTED};margin:0 0 .75rem}
@media (max-width:800px){
 .columns{grid-template-columns:minmax(0,1fr);gap:1rem}
 nav.jump{display:block}
 main{max-width:none}
 body{font-size:1.0625rem}
}
@media print{.columns{display:block}.panel{break-inside:avoid}}
"""


def _css() -> str:
    ent = "\n".join(f"mark.ent-{t}{{background:{bg};--hl:{bg}}}\nmark.ent-{t}::after{{color:{fg}}}\n"
                    f".sw-{t}{{background:{fg}}}" for t, (bg, fg) in COLORS.items())
    return Template(_CSS).substitute(BG=BG, FG=FG, MUTED=MUTED, PANEL_BG=PANEL_BG, LINK=LINK, ENT_CSS=ent)


def _page(title: str, body: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"generator\" content=\"newskit report\">\n"
            f"<title>{_e(title)}</title>\n<style>{_css()}</style>\n</head>\n<body>\n<div class=\"page\">\n"
            f"{body}\n</div>\n</body>\n</html>\n")


def _layout_span(article: dict, field: str) -> dict | None:
    return next((ln for ln in article.get("layout") or [] if ln.get("field") == field), None)


def _legend(record: dict) -> str:
    present = {e.get("type") for e in record.get("entities") or []}
    items = [f'<li><mark class="ent ent-{t}" data-label="{LABELS[t]}">{_e(PANEL_TITLES[t].lower())}</mark></li>'
             for t in TYPES if t in present]
    if record.get("dates"):
        items.append('<li><span class="timex" title="">date</span> hover for its value</li>')
    return f'<ul class="legend" aria-label="Key">{"".join(items)}</ul>' if items else ""


def render_report(record: dict, text: str | None, *, index_href: str | None = None) -> str:
    """Return one self-contained HTML page for an analysed article record.

    `text` is the article text the record's offsets point into (the record's own "text" for HTML inputs is used
    when `text` is None; failing both, the text is rebuilt from the laid-out lines). `index_href`, when given,
    adds a link back to an index page.
    """
    if text is None:
        text = _rebuild_text(record)
    a = record.get("article") or {}
    spans = _spans(record)
    state: dict = {"anchored": set()}
    headline_text = a.get("headline") or record.get("id") or "Untitled article"

    head = []
    if index_href:
        head.append(f'<nav><a href="{_e(index_href)}">← All articles</a></nav>')
    head.append('<header class="masthead">')
    head.append(f'<p class="kicker">{_e(record.get("id", ""))}</p>')
    h1 = _segment(text, _layout_span(a, "headline"), headline_text, spans, state) if a.get("headline") \
        else _e(headline_text)
    head.append(f"<h1>{h1}</h1>")
    if a.get("subheadline"):
        head.append(f'<p class="dek">{_segment(text, _layout_span(a, "subheadline"), a["subheadline"], spans, state)}'
                    "</p>")
    meta = []
    if a.get("authors"):
        meta.append(("By", _e(", ".join(a["authors"]))))
    if a.get("publisher"):
        meta.append(("Publisher", _segment(text, _layout_span(a, "publisher"), a["publisher"], spans, state)))
    if a.get("published"):
        line = _layout_span(a, "date")
        said = _segment(text, line, "", spans, state) if line else ""
        meta.append(("Published", (said or _e(human_date(a["published"]))) + f' <code>{_e(a["published"])}</code>'))
    if a.get("updated"):
        meta.append(("Updated", f'{_e(human_date(a["updated"]))} <code>{_e(a["updated"])}</code>'))
    if a.get("dateline"):
        line = _layout_span(a, "dateline")
        if line and text[line["start"]:line["start"] + len(a["dateline"])] == a["dateline"]:
            line = {"start": line["start"], "end": line["start"] + len(a["dateline"])}
        else:
            line = None
        meta.append(("Dateline", _segment(text, line, a["dateline"], spans, state)))
    if meta:
        head.append('<dl class="meta">' + "".join(f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in meta)
                    + "</dl>")
    for img in a.get("images") or []:
        by_text = {s.get("text"): s for s in img.get("spans") or []}
        parts = []
        if img.get("caption"):
            parts.append(f'<span class="caption">{_segment(text, by_text.get(img["caption"]), img["caption"], spans, state)}'
                         "</span>")
        if img.get("credit"):
            parts.append(f'<span class="credit">Credit: '
                         f'{_segment(text, by_text.get(img["credit"]), img["credit"], spans, state)}</span>')
        if img.get("file"):
            parts.append(f'<span class="file">Image file: {_e(img["file"])}</span>')
        head.append(f'<div class="figure" role="group" aria-label="Image">{" ".join(parts)}</div>')
    head.append("</header>")

    body = [_legend(record)]
    paragraphs = a.get("paragraphs") or []
    for p in paragraphs:
        if text[p["start"]:p["end"]] == p["text"]:
            body.append(f"<p>{_marked(text, p['start'], p['end'], spans, state)}</p>")
        else:
            body.append(f"<p>{_e(p['text'])}</p>")
    if not paragraphs:
        body.append('<p class="note">No body paragraphs were found in this article.</p>')
    if a.get("boilerplate"):
        n = len(a["boilerplate"])
        body.append(f'<p class="note">{n} line{"s" if n != 1 else ""} of page furniture left out.</p>')

    by_type: dict[str, list] = {}
    for e in record.get("entities") or []:
        by_type.setdefault(e.get("type"), []).append(e)
    panels = [_entity_panel(t, by_type.get(t, []), state) for t in ("person", "place", "organization")]
    panels.append(_events_panel(record, state))
    panels.append(_quotes_panel(record, state))
    panels.append(_entity_panel("event", by_type.get("event", []), state))
    panels.append(_dates_panel(record))

    jumps = [f'<a href="#{pid}">{label}</a>' for pid, label in (
        ("panel-person", "People"), ("panel-place", "Places"), ("panel-organization", "Organizations"),
        ("panel-events", "Timeline"), ("panel-quotes", "Quotes"), ("panel-event", "Named events"),
        ("panel-dates", "Dates")) if any(f'id="{pid}"' in p for p in panels)]
    if jumps:
        body.insert(0, f'<nav class="jump" aria-label="Panels">Jump to: {" · ".join(jumps)}</nav>')
    html_body = ("\n".join(head) + '\n<div class="columns">\n<main>\n' + "\n".join(body) + "\n</main>\n"
                 '<aside aria-label="What the article mentions">\n' + "\n".join(p for p in panels if p)
                 + "\n</aside>\n</div>\n<footer>Made by newskit report from the article text alone; "
                 "highlights and dates are machine readings and may be wrong.</footer>")
    title = headline_text + (f" — {a['publisher']}" if a.get("publisher") else "")
    return _page(title, html_body)


# ------------------------------------------------------------------------------------------------- the index

def summary(record: dict) -> dict:
    """Return the part of a record the index page shows (keeps memory flat while thousands of pages are written)."""
    if "error" in record:
        return {"id": record.get("id"), "error": record["error"]}
    a = record.get("article") or {}
    ents = [{"name": e.get("name"), "type": e.get("type"), "count": e.get("count", 0),
             "salience": e.get("salience", 0)} for e in record.get("entities") or []]
    return {"id": record.get("id"),
            "article": {k: a.get(k) for k in ("headline", "subheadline", "authors", "publisher", "published")},
            "entities": ents, "events": [{}] * len(record.get("events") or []),
            "quotes": [{"kind": q.get("kind")} for q in record.get("quotes") or []]}


def render_index(items: list[tuple[str, str, dict]]) -> str:
    """Return an HTML index page linking article reports.

    `items` are (href, label, record) in input order: href is the article page's address relative to the index
    ("" for an input that failed), label names the input (its id), record is the record or its `summary` — an
    error record shows its message instead of a link.
    """
    ok = sum(1 for _, _, r in items if "error" not in r)
    rows = []
    for href, label, rec in items:
        if "error" in rec:
            err = rec["error"]
            rows.append(f'<li><p class="kicker">{_e(label)}</p><p class="error">Failed: {_e(err.get("message"))} '
                        f'[{_e(err.get("code"))}]</p></li>')
            continue
        a = rec.get("article") or {}
        title = a.get("headline") or label or "Untitled article"
        facts = [x for x in (a.get("publisher"), ", ".join(a.get("authors") or []),
                             human_date(a["published"]) if a.get("published") else None) if x]
        ents = rec.get("entities") or []
        counts = []
        for t in ("person", "place", "organization"):
            n = sum(1 for e in ents if e.get("type") == t)
            if n:
                counts.append(f"{n} {PANEL_TITLES[t].lower() if n != 1 else t}")
        n_ev = len(rec.get("events") or [])
        n_q = sum(1 for q in rec.get("quotes") or [] if q.get("kind") != "scare")
        counts += [f"{n_ev} event{'s' if n_ev != 1 else ''}", f"{n_q} quote{'s' if n_q != 1 else ''}"]
        people = [e["name"] for e in sorted((e for e in ents if e.get("type") == "person" and e.get("name")),
                                            key=lambda e: (-e.get("salience", 0), -e.get("count", 0)))[:4]]
        link = f'<a href="{_e(href)}">{_e(title)}</a>' if href else _e(title)
        rows.append(f'<li><p class="kicker">{_e(label)}</p><h2>{link}</h2>'
                    + (f'<p class="dek">{_e(a["subheadline"])}</p>' if a.get("subheadline") else "")
                    + f'<p class="facts">{_e(" · ".join(facts))}</p>'
                    + f'<p class="facts">{_e(" · ".join(counts))}'
                    + (f' — {_e(", ".join(people))}' if people else "") + "</p></li>")
    failed = len(items) - ok
    body = (f'<header class="masthead"><p class="kicker">newskit report</p><h1>{ok} article{"s" if ok != 1 else ""}'
            f'</h1>' + (f'<p class="dek">{failed} input{"s" if failed != 1 else ""} could not be read.</p>'
                        if failed else "")
            + f'</header>\n<ul class="index-list">{"".join(rows)}</ul>')
    return _page(f"newskit report — {ok} article{'s' if ok != 1 else ''}", body)


def page_name(source_id: str, taken: set[str], prefix: str = "") -> str:
    """Return a safe, unused file name (`<prefix><stem>.html`) for an article page, and reserve it in `taken`."""
    stem = str(source_id).replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    stem = re.sub(r"\.(txt|text|md|html?)$", "", stem, flags=re.I)
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.")[:80] or "article"
    if stem.lower() == "index" and not prefix:
        stem = "article-index"
    name, n = f"{prefix}{stem}.html", 1
    while name.lower() in taken:
        n += 1
        name = f"{prefix}{stem}-{n}.html"
    taken.add(name.lower())
    return name
