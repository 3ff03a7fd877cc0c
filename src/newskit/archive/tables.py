"""Flat tables of records, joined by the article id: articles, entities, mentions, dates, quotes, events.

The schema is part of newskit's contract (documented in the README): columns are only added, never renamed or
retyped. Lists stay nested only where a table would be absurd (an article's authors, an entity's aliases, an
event's participant ids). Offsets are Python string indices into the article text (`articles.text`).

The columns are derived from the record model (`newskit.record`): each table names the class its rows come from,
the columns whose name or shape differ from a field's (ids, flattened spans), and the fields it leaves to other
tables or to the JSON record. Every other field of that class becomes a column of its own, typed from its
annotation, after the declared ones: a field added to the model reaches the tables with no edit here."""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from newskit.record import (
    ISO_DAY,
    Article,
    DateMention,
    Entity,
    ErrorRecord,
    Event,
    Geo,
    Info,
    Quote,
    Record,
    Span,
    plan,
)

# Column types: str, int, float, bool, date (YYYY-MM-DD), list (of str), json (text holding JSON).


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    get: Callable[[Any], Any]  # the row's source object → the cell
    field: str | None = None  # the model field it comes from (None: made by the table, as ids and indexes are)


@dataclass(frozen=True)
class Table:
    """One table: the model class its rows come from, its declared columns, and the fields it leaves out."""

    name: str
    of: type
    declared: tuple[Column, ...]
    elsewhere: dict[str, str]  # field → where it goes instead (another table, the JSON record)

    @cached_property
    def columns(self) -> tuple[Column, ...]:
        taken = {c.field for c in self.declared} | set(self.elsewhere)
        extra = tuple(_auto(self.of, name, info) for name, info in plan(self.of) if name not in taken)
        return self.declared + extra


def _kind(cls: type, name: str, info: Info) -> str:
    """Return the column type of a model field, from its annotation."""
    hint = typing.get_type_hints(cls)[name]
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    base = args[0] if typing.get_origin(hint) in (typing.Union, types.UnionType) and len(args) == 1 else hint
    if info.pattern == ISO_DAY:
        return "date"
    if base in (str, int, float, bool):
        return base.__name__
    if typing.get_origin(base) is typing.Literal:
        return "str"
    if typing.get_origin(base) is tuple and typing.get_args(base)[:1] == (str,):
        return "list"
    return "json"


def _auto(cls: type, name: str, info: Info) -> Column:
    kind = _kind(cls, name, info)

    def get(obj: Any) -> Any:
        value = getattr(obj, name)
        if value is None:
            return None
        if kind == "json":
            return json.dumps(_plain(value), ensure_ascii=False)
        if kind == "list":
            return list(value)
        return info.dump(value) if info.dump is not None else value

    return Column(name, kind, get, name)


def _plain(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def _field(name: str, column: str | None = None, kind: str | None = None, of: type | None = None,
           pick: Callable[[Any], Any] | None = None) -> Column:
    """A column holding one field of the row's object (`pick` shapes it: a span's text, a count)."""
    cls = of
    info = dict(plan(cls))[name] if cls is not None else Info()
    kind = kind or (_kind(cls, name, info) if cls is not None else "str")
    shape = pick or (lambda v: info.dump(v) if info.dump is not None and v is not None else
                     list(v) if kind == "list" and v is not None else v)
    return Column(column or name, kind, lambda obj: shape(getattr(obj, name)), name)


def _span_part(name: str, part: str, column: str, kind: str) -> Column:
    """A column holding one part (text, start, end, value, name, entity) of a span-like field, None without one."""
    return Column(column, kind, lambda obj: getattr(getattr(obj, name), part, None), None)


def _fields(cls: type, *names: str) -> tuple[Column, ...]:
    return tuple(_field(n, of=cls) for n in names)


def _geo_columns() -> tuple[Column, ...]:
    """An entity's geo, flattened: one column per field of `Geo`, prefixed where the bare name would be ambiguous
    beside the entity's own columns (name, population, confidence)."""
    bare = {"geonameid", "country_code", "admin1", "lat", "lon"}
    plans = dict(plan(Geo))

    def column(name: str) -> Column:
        info = plans[name]
        dump = info.dump

        def get(e: Any) -> Any:
            value = getattr(e.geo, name, None)
            return dump(value) if dump is not None and value is not None else value

        return Column(name if name in bare else f"geo_{name}", _kind(Geo, name, info), get, None)

    return tuple(column(name) for name, _ in plan(Geo))


_KEY = Column("article_id", "str", lambda obj: None)  # filled from the record by `rows`


def _index(name: str) -> Column:
    return Column(name, "int", lambda obj: None)  # filled with the row's position by `rows`


TABLES_OF: dict[str, Table] = {t.name: t for t in (
    Table("articles", Article, (
        Column("id", "str", lambda a: None),
        *_fields(Article, "headline", "subheadline", "authors", "publisher", "published", "updated", "dateline"),
        _field("paragraphs", kind="int", of=Article, pick=len),
        Column("text", "str", lambda a: None),
        Column("meta", "json", lambda a: None),
        Column("error_code", "str", lambda a: None),
        Column("error_message", "str", lambda a: None),
    ), {"images": "the JSON record", "boilerplate": "the JSON record", "layout": "the JSON record",
        "sources": "the JSON record"}),
    Table("entities", Entity, (
        _KEY, _field("id", "entity_id", of=Entity),
        *_fields(Entity, "name", "type", "label", "aliases", "titles", "count", "salience", "role"),
        *_geo_columns(),
    ), {"mentions": "the mentions table", "geo": "the geo columns"}),
    Table("mentions", Span, (_KEY, Column("entity_id", "str", lambda m: None), *_fields(Span, "start", "end", "text")),
          {}),
    Table("dates", DateMention, (
        _KEY, _index("date_index"), *_fields(DateMention, "start", "end", "text", "type", "value", "anchored"),
    ), {}),
    Table("quotes", Quote, (
        _KEY, _index("quote_index"), *_fields(Quote, "start", "end", "text", "kind", "direct"),
        _span_part("cue", "text", "cue", "str"), _span_part("speaker", "name", "speaker", "str"),
        _span_part("speaker", "entity", "speaker_entity", "str"),
        _span_part("speaker", "start", "speaker_start", "int"),
        _span_part("speaker", "end", "speaker_end", "int"),
    ), {"cue": "the cue column (its text)", "speaker": "the speaker columns", "parts": "the JSON record"}),
    Table("events", Event, (
        _KEY, _index("event_index"), *_fields(Event, "type", "predicate", "status"),
        _span_part("trigger", "text", "trigger", "str"), _span_part("trigger", "start", "trigger_start", "int"),
        _span_part("trigger", "end", "trigger_end", "int"), _span_part("sentence", "start", "sentence_start", "int"),
        _span_part("sentence", "end", "sentence_end", "int"), *_fields(Event, "who", "whom", "where"),
        _span_part("when", "value", "when", "str"), *_fields(Event, "reported_by"),
    ), {"trigger": "the trigger columns", "sentence": "the sentence columns", "when": "the when column (its value)",
        "mentions": "the JSON record"}),
)}
# The record's own fields that are tables (or columns of the articles table) rather than columns.
RECORD_FIELDS = {"id": "articles.id", "text": "articles.text", "meta": "articles.meta", "article": "articles",
                 "entities": "entities and mentions", "dates": "dates", "quotes": "quotes", "events": "events"}

# (column, type) per table.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    name: tuple((c.name, c.kind) for c in t.columns) for name, t in TABLES_OF.items()}
TABLES = tuple(COLUMNS)
# Which tables each command fills (a table the command does not fill is not written).
COMMAND_TABLES = {
    "parse": ("articles",),
    "entities": ("articles", "entities", "mentions", "dates"),
    "dates": ("articles", "dates"),
    "quotes": ("articles", "entities", "mentions", "quotes"),
    "events": ("articles", "entities", "mentions", "dates", "events"),
    "analyze": TABLES,
}


def _row(table: str, obj: Any, **given: Any) -> dict[str, Any]:
    out = {c.name: c.get(obj) for c in TABLES_OF[table].columns}
    out.update(given)
    return out


def rows(record: Record | ErrorRecord, text: str | None = None) -> dict[str, list[dict]]:
    """Return the rows a record adds to each table (`text`: the article text when the record does not carry it)."""
    rid = record.id
    if isinstance(record, ErrorRecord):
        return {"articles": [{"id": rid, "error_code": record.error.code, "error_message": record.error.message}]}
    out: dict[str, list[dict]] = {t: [] for t in TABLES}
    out["articles"].append(_row("articles", record.article, id=rid,
                                text=record.text if record.text is not None else text,
                                meta=json.dumps(record.meta, ensure_ascii=False) if record.meta else None,
                                error_code=None, error_message=None))
    for e in record.entities or ():
        out["entities"].append(_row("entities", e, article_id=rid))
        out["mentions"] += [_row("mentions", m, article_id=rid, entity_id=e.id) for m in e.mentions]
    for i, d in enumerate(record.dates or ()):
        out["dates"].append(_row("dates", d, article_id=rid, date_index=i))
    for i, q in enumerate(record.quotes or ()):
        out["quotes"].append(_row("quotes", q, article_id=rid, quote_index=i))
    for i, ev in enumerate(record.events or ()):
        out["events"].append(_row("events", ev, article_id=rid, event_index=i))
    return out


def uncovered() -> list[str]:
    """Return the model fields that reach no table and are not said to go elsewhere ("Entity.geo"): a test keeps
    this empty, so a field added to the model is never silently dropped from the tables."""
    missing = []
    for table in TABLES_OF.values():
        named = {c.field for c in table.columns} | set(table.elsewhere)
        missing += [f"{table.of.__name__}.{f.name}" for f in dataclasses.fields(table.of) if f.name not in named]
    missing += [f"Record.{f.name}" for f in dataclasses.fields(Record) if f.name not in RECORD_FIELDS]
    return missing


def arrow_schema(table: str):
    """Return the pyarrow schema of a table (pyarrow imported only here)."""
    import pyarrow as pa  # optional extra (newskit[parquet]): only Parquet output needs it

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "date": pa.date32(), "list": pa.list_(pa.string()), "json": pa.string()}
    return pa.schema([pa.field(name, types[kind]) for name, kind in COLUMNS[table]])


def arrow_table(table: str, batch: list[dict]):
    """Return a pyarrow Table of rows in the table's schema (missing keys are nulls; dates parsed from ISO)."""
    import datetime as dt

    import pyarrow as pa  # optional extra, as above

    columns = {}
    for name, kind in COLUMNS[table]:
        values = [r.get(name) for r in batch]
        if kind == "date":
            values = [dt.date.fromisoformat(v) if v else None for v in values]
        columns[name] = values
    return pa.Table.from_pydict(columns, schema=arrow_schema(table))
