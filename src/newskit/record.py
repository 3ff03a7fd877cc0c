"""The result model: frozen dataclasses with `to_dict()`, one JSON shape (data/record.schema.json).

Every span carries `start`/`end` as Python string indices into the article text, and `text == full[start:end]`.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A piece of the article text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Image:
    """An image the article shows: its file name (when given), caption and credit, each with its span."""

    file: str | None = None
    caption: str | None = None
    credit: str | None = None
    spans: tuple[Span, ...] = ()

    def to_dict(self) -> dict:
        return {"file": self.file, "caption": self.caption, "credit": self.credit,
                "spans": [s.to_dict() for s in self.spans]}


@dataclass(frozen=True)
class LayoutLine:
    """One non-blank line of the input and the field it was assigned to."""

    field: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"field": self.field, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Article:
    """The fields recovered from an article's text.

    `layout` assigns every non-blank input line to exactly one field (headline, subheadline, byline, publisher,
    date, updated, dateline, image, caption, credit, body, boilerplate), so nothing of the input is lost."""

    headline: str | None = None
    subheadline: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    published: str | None = None
    updated: str | None = None
    dateline: str | None = None
    images: tuple[Image, ...] = ()
    paragraphs: tuple[Span, ...] = ()
    boilerplate: tuple[Span, ...] = ()
    layout: tuple[LayoutLine, ...] = ()
    sources: dict = field(default_factory=dict)

    def spans_of(self, *fields: str) -> list[LayoutLine]:
        """Return the layout lines assigned to any of `fields`."""
        return [ln for ln in self.layout if ln.field in fields]

    def to_dict(self) -> dict:
        return {"headline": self.headline, "subheadline": self.subheadline, "authors": list(self.authors),
                "publisher": self.publisher, "published": self.published, "updated": self.updated,
                "dateline": self.dateline, "images": [i.to_dict() for i in self.images],
                "paragraphs": [p.to_dict() for p in self.paragraphs],
                "boilerplate": [b.to_dict() for b in self.boilerplate],
                "layout": [ln.to_dict() for ln in self.layout], "sources": dict(self.sources)}


@dataclass(frozen=True)
class Entity:
    """A person, place, organization or event, with every mention of it in the article.

    `role` is "author" for people who only appear in the byline, "credit" for names only in photo credits, else None. `salience` is in [0, 1]."""

    id: str
    name: str
    type: str
    label: str
    mentions: tuple[Span, ...]
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    role: str | None = None
    salience: float = 0.0

    @property
    def count(self) -> int:
        return len(self.mentions)

    def to_dict(self) -> dict:
        d = {"id": self.id, "name": self.name, "type": self.type, "label": self.label,
             "aliases": list(self.aliases), "titles": list(self.titles), "count": self.count,
             "salience": round(self.salience, 4), "mentions": [m.to_dict() for m in self.mentions]}
        if self.role:
            d["role"] = self.role
        return d


@dataclass(frozen=True)
class DateMention:
    """A temporal expression and its TimeML TIMEX3 value, resolved against the anchor date.

    `anchored` is False when the value could not use a publication date (left underspecified, e.g. XXXX-09)."""

    start: int
    end: int
    text: str
    type: str
    value: str
    anchored: bool = True

    def to_dict(self) -> dict:
        d = {"start": self.start, "end": self.end, "text": self.text, "type": self.type, "value": self.value}
        if not self.anchored:
            d["anchored"] = False
        return d
