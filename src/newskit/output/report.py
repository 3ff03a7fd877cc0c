"""HTML reports: one self-contained page per article record, and an index page linking several.

Pure functions from records to HTML strings — no I/O. The pages carry their own CSS (templates/report.css) and
no scripts, fonts, images or links to anything outside themselves, so they open offline. The body is the article's
paragraphs with every entity mention marked by type (own markup in the manner of displaCy's entity renderer, so
dates can nest inside or around entities) and every date marked with its resolved TIMEX3 value in a title
attribute; side panels list people, places, organizations, a timeline of events, quotes and dates. On a desktop
the panels scroll beside the body; below 800px they stack under it.

Markup lives in Jinja2 templates (templates/*.html.j2) with autoescaping on: what comes from the article is
escaped where it is written, never by hand. This module and newskit.output.marks / .panels only shape the data.
"""
from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from newskit.identity import NameTable
from newskit.identity.link import local_key
from newskit.output.geomap import map_panel
from newskit.output.humanize import human_date
from newskit.output.marks import Marker, Node
from newskit.output.panels import PANELS, dates_panel, entity_panel, events_panel, quotes_panel
from newskit.output.theme import (
    BG,
    COLORS,
    CSS_VARS,
    FG,
    LABELS,
    LINK,
    MUTED,
    PANEL_BG,
    PANEL_TITLES,
    TYPES,
    TYPES_ABOVE,
    TYPES_BELOW,
)
from newskit.record import AnyRecord, Article, Entity, ErrorInfo, ErrorRecord, Record, Span

__all__ = ["BG", "COLORS", "FG", "LINK", "MUTED", "PANEL_BG", "human_date", "page_name", "render_index",
           "render_report", "summary", "Summary"]



# NUL and other control characters, and the bidirectional overrides and isolates that can make a file name or id
# display as another ("evil\u202eLMTH.exe"), are shown as U+FFFD, never written raw into a page.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def _escape(value: object) -> object:
    """Escape what a template writes the way html.escape does (&quot; and &#x27;, as the reports always had);
    markup made by the templates themselves passes through."""
    from markupsafe import Markup

    if value is None:
        return ""
    if hasattr(value, "__html__"):
        return value
    return Markup(html.escape(_UNSAFE.sub("\ufffd", str(value)), quote=True))


@lru_cache(maxsize=1)
def _env() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined
    from markupsafe import Markup

    env = Environment(loader=PackageLoader("newskit.output", "templates"), autoescape=True, finalize=_escape,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    css = resources.files("newskit.output").joinpath("templates/report.css").read_text(encoding="utf-8")
    env.globals.update(css=Markup(css), css_vars=CSS_VARS, colors=COLORS)  # our own stylesheet, not data
    return env


def _render(template: str, **context: Any) -> str:
    return str(_env().get_template(template).render(**context))


def _rebuild_text(record: Record) -> str:
    """Return the article text, or a stand-in with every laid-out line at its offsets when the text is unknown."""
    if record.text:
        return record.text
    a = record.article
    pieces = [*a.layout, *a.paragraphs]
    if not pieces:
        return ""
    buf = [" "] * max(p.end for p in pieces)
    for p in pieces:
        buf[p.start:p.end] = p.text
    return "".join(buf)


def _layout_span(article: Article, field: str) -> Span | None:
    return next((ln for ln in article.layout if ln.field == field), None)


_DATE_LABEL = re.compile(r"\s*(?:first\s+)?(?:published|posted|date)\b\s*(?:on\b|:)?\s*", re.I)


def _meta(a: Article, text: str, marker: Marker) -> list[tuple[str, list[Node], str]]:
    """Return the byline, publisher, dates and dateline as (label, marked text, TIMEX3 value shown beside it)."""
    meta: list[tuple[str, list[Node], str]] = []
    if a.authors:
        meta.append(("By", [", ".join(a.authors)], ""))
    if a.publisher:
        meta.append(("Publisher", marker.segment(_layout_span(a, "publisher"), a.publisher), ""))
    if a.published:
        line = _layout_span(a, "date")
        if line:  # "Published 12 November 2023" under the label "Published": show the date once
            lead = _DATE_LABEL.match(text, line.start, line.end)
            if lead and lead.end() < line.end:
                line = Span(lead.end(), line.end, text[lead.end():line.end])
        said = [n for n in marker.segment(line, "") if n != ""] if line else []
        meta.append(("Published", said or [human_date(a.published)], a.published))
    if a.updated:
        meta.append(("Updated", [human_date(a.updated)], a.updated))
    if a.dateline:
        line = _layout_span(a, "dateline")
        if line and text[line.start:line.start + len(a.dateline)] == a.dateline:
            line = Span(line.start, line.start + len(a.dateline), a.dateline)
        else:
            line = None
        meta.append(("Dateline", marker.segment(line, a.dateline), ""))
    return meta


def _figures(a: Article, marker: Marker) -> list[dict[str, Any]]:
    figures = []
    for img in a.images:
        by_text = {s.text: s for s in img.spans}
        figures.append({
            "caption": marker.segment(by_text.get(img.caption), img.caption) if img.caption else None,
            "credit": marker.segment(by_text.get(img.credit), img.credit) if img.credit else None,
            "file": img.file or ""})
    return figures


def render_report(record: Record, text: str | None, *, index_href: str | None = None) -> str:
    """Return one self-contained HTML page for an analysed article record.

    `text` is the article text the record's offsets point into (the record's own "text" for HTML inputs is used
    when `text` is None; failing both, the text is rebuilt from the laid-out lines). `index_href`, when given,
    adds a link back to an index page.
    """
    if text is None:
        text = _rebuild_text(record)
    a = record.article
    marker = Marker(text, record)
    headline = a.headline or record.id or "Untitled article"
    # Marks are made in reading order, so each entity's anchor is its first mark on the page.
    h1 = marker.segment(_layout_span(a, "headline"), headline) if a.headline else [headline]
    dek = marker.segment(_layout_span(a, "subheadline"), a.subheadline) if a.subheadline else None
    meta = _meta(a, text, marker)
    figures = _figures(a, marker)
    paragraphs = [marker.mark(p.start, p.end) if text[p.start:p.end] == p.text else [p.text] for p in a.paragraphs]

    by_type: dict[str, list[Entity]] = {}
    for e in record.entities or ():
        by_type.setdefault(e.type, []).append(e)
    anchored = marker.anchored
    panels = {
        **{t: entity_panel(t, by_type.get(t, []), anchored) for t in TYPES},
        "events": events_panel(record, anchored), "quotes": quotes_panel(record, anchored),
        "dates": dates_panel(record), "map": map_panel(record, anchored)}
    present = {f"panel-{k}" for k, v in panels.items() if v}
    legend = [(t, LABELS[t], PANEL_TITLES[t].lower()) for t in TYPES if t in by_type]
    n_furniture = len(a.boilerplate)
    title = headline + (f" — {a.publisher}" if a.publisher else "")
    return _render("report.html.j2", title=title, index_href=index_href, kicker=record.id, h1=h1,
                   dek=dek, meta=meta, figures=figures, legend=legend, has_dates=bool(record.dates),
                   paragraphs=paragraphs, n_furniture=n_furniture, panels=panels, types_above=TYPES_ABOVE,
                   types_below=TYPES_BELOW,
                   jumps=[(pid, label) for pid, label in PANELS if pid in present])


# ------------------------------------------------------------------------------------------------- the index


@dataclass(frozen=True)
class Summary:
    """What the index page shows of one article (kept instead of the record, so memory stays flat while
    thousands of pages are written): its row's words, or the error of an input that failed."""

    title: str = ""
    dek: str = ""
    facts: str = ""
    counts: str = ""
    people: str = ""
    error: ErrorInfo | None = None
    # (key, name, type, aliases) of each person, organization and place, for the archive's top names
    named: tuple[tuple[str, str, str, tuple[str, ...]], ...] = ()


def summary(record: AnyRecord) -> Summary:
    """Return the part of a record the index page shows."""
    if isinstance(record, ErrorRecord):
        return Summary(error=record.error)
    a = record.article
    facts = [x for x in (a.publisher, ", ".join(a.authors), human_date(a.published) if a.published else None) if x]
    ents = record.entities or ()
    counts = []
    for t in TYPES_ABOVE:
        n = sum(1 for e in ents if e.type == t)
        if n:
            counts.append(_plural(n, t, PANEL_TITLES[t].lower()))
    counts.append(_plural(len(record.events or ()), "event"))
    counts.append(_plural(sum(1 for q in record.quotes or () if q.kind != "scare"), "quote"))
    people = [e.name for e in sorted((e for e in ents if e.type == "person" and e.name),
                                     key=lambda e: (-round(e.salience, 4), -e.count))[:4]]
    named = tuple((e.key, e.name, e.type, e.aliases) for e in ents if e.type in ("person", "organization", "place"))
    return Summary(a.headline or "", a.subheadline or "", " · ".join(facts), " · ".join(counts), ", ".join(people),
                   named=named)


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _index_row(href: str, label: str, s: Summary) -> dict[str, Any]:
    if s.error is not None:
        return {"label": label, "error": s.error.to_dict()}
    return {"label": label, "href": href, "title": s.title or label or "Untitled article", "dek": s.dek,
            "facts": s.facts, "counts": s.counts, "people": s.people}


def render_index(items: list[tuple[str, str, Summary]]) -> str:
    """Return an HTML index page linking article reports.

    `items` are (href, label, record) in input order: href is the article page's address relative to the index
    ("" for an input that failed), label names the input (its id), and the record's `summary` — a failed input
    shows its message instead of a link.
    """
    rows = [_index_row(href, label, rec) for href, label, rec in items]
    ok = sum(1 for r in rows if "error" not in r)
    return _render("index.html.j2", title=f"newskit report — {_plural(ok, 'article')}", articles=_plural(ok, "article"),
                   failed=_plural(len(rows) - ok, "input") if len(rows) > ok else "", rows=rows,
                   archive=archive_top(items, rows))


# How many people, organizations and places the index lists, and how many articles it links for each.
TOP_PER_TYPE = 10
LINKS_PER_NAME = 8


def archive_top(items: list[tuple[str, str, Summary]], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the people, organizations and places named across the articles, keys resolved as `newskit link`
    does, most articles first: one column per type, each name with its article count and the articles' links."""
    def entities(s: Summary) -> list[dict[str, Any]]:
        return [{"key": k, "name": n, "type": t, "aliases": list(a)} for k, n, t, a in s.named]

    table = NameTable()
    for _, _, s in items:
        table.add({"entities": entities(s)})
    final = table.resolve()
    named: dict[str, dict[str, Any]] = {}
    for (href, _, s), row in zip(items, rows, strict=True):
        if s.error is not None:
            continue
        ents = [(final.get(local_key(e), local_key(e)), e["name"]) for e in entities(s)]
        for key in dict.fromkeys(k for k, _ in ents):
            named.setdefault(key, {"names": Counter(), "links": []})["links"].append((href, row["title"]))
        for key, name in ents:
            named[key]["names"][name] += 1
    columns = []
    for type_ in ("person", "organization", "place"):
        top = sorted((k for k in named if k.startswith(type_ + ":")), key=lambda k: (-len(named[k]["links"]), k))
        entries = [{"name": named[k]["names"].most_common(1)[0][0],
                    "articles": _plural(len(named[k]["links"]), "article"),
                    "links": named[k]["links"][:LINKS_PER_NAME],
                    "more": max(0, len(named[k]["links"]) - LINKS_PER_NAME)} for k in top[:TOP_PER_TYPE]]
        if entries:
            columns.append({"title": PANEL_TITLES[type_], "entries": entries})
    return columns


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
