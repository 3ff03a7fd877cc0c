"""Flat tables of records, joined by the article id: articles, entities, mentions, dates, quotes, events.

The schema is part of newskit's contract (documented in the README): columns are only added, never renamed or
retyped. Lists stay nested only where a table would be absurd (an article's authors, an entity's aliases, an
event's participant ids). Offsets are Python string indices into the article text (`articles.text`)."""
from __future__ import annotations

import json

# An entity's geo, flattened: column -> its key in the record's `geo` object.
GEO_KEYS = {"geonameid": "geonameid", "geo_name": "name", "geo_feature": "feature", "country_code": "country_code",
            "admin1": "admin1", "lat": "lat", "lon": "lon", "geo_population": "population",
            "geo_confidence": "confidence"}
GEO_COLUMNS = (("geonameid", "int"), ("geo_name", "str"), ("geo_feature", "str"), ("country_code", "str"),
               ("admin1", "str"), ("lat", "float"), ("lon", "float"), ("geo_population", "int"),
               ("geo_confidence", "float"))
# (column, type) per table. Types: str, int, float, bool, date (YYYY-MM-DD), list (of str), json (text holding JSON).
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (("id", "str"), ("headline", "str"), ("subheadline", "str"), ("authors", "list"),
                 ("publisher", "str"), ("published", "date"), ("updated", "date"), ("dateline", "str"),
                 ("paragraphs", "int"), ("text", "str"), ("meta", "json"), ("error_code", "str"),
                 ("error_message", "str")),
    "entities": (("article_id", "str"), ("entity_id", "str"), ("name", "str"), ("type", "str"), ("label", "str"),
                 ("aliases", "list"), ("titles", "list"), ("count", "int"), ("salience", "float"),
                 ("role", "str"), *GEO_COLUMNS),
    "mentions": (("article_id", "str"), ("entity_id", "str"), ("start", "int"), ("end", "int"), ("text", "str")),
    "dates": (("article_id", "str"), ("date_index", "int"), ("start", "int"), ("end", "int"), ("text", "str"),
              ("type", "str"), ("value", "str"), ("anchored", "bool")),
    "quotes": (("article_id", "str"), ("quote_index", "int"), ("start", "int"), ("end", "int"), ("text", "str"),
               ("kind", "str"), ("direct", "bool"), ("cue", "str"), ("speaker", "str"), ("speaker_entity", "str"),
               ("speaker_start", "int"), ("speaker_end", "int")),
    "events": (("article_id", "str"), ("event_index", "int"), ("type", "str"), ("predicate", "str"),
               ("status", "str"), ("trigger", "str"), ("trigger_start", "int"), ("trigger_end", "int"),
               ("sentence_start", "int"), ("sentence_end", "int"), ("who", "list"), ("whom", "list"),
               ("where", "list"), ("when", "str"), ("reported_by", "str")),
}
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


def _span(item: dict | None, key: str):
    return (item or {}).get(key)


def rows(record: dict, text: str | None = None) -> dict[str, list[dict]]:
    """Return the rows a record adds to each table (`text`: the article text when the record does not carry it)."""
    rid = record["id"]
    if "error" in record:
        return {"articles": [{"id": rid, "error_code": record["error"]["code"],
                              "error_message": record["error"]["message"]}]}
    a = record.get("article") or {}
    out: dict[str, list[dict]] = {t: [] for t in TABLES}
    out["articles"].append({
        "id": rid, "headline": a.get("headline"), "subheadline": a.get("subheadline"), "authors": a.get("authors"),
        "publisher": a.get("publisher"), "published": a.get("published"), "updated": a.get("updated"),
        "dateline": a.get("dateline"), "paragraphs": len(a.get("paragraphs") or []),
        "text": record.get("text", text),
        "meta": json.dumps(record["meta"], ensure_ascii=False) if record.get("meta") else None})
    for e in record.get("entities") or []:
        out["entities"].append({"article_id": rid, "entity_id": e["id"], "name": e["name"], "type": e["type"],
                                "label": e.get("label"), "aliases": e.get("aliases"), "titles": e.get("titles"),
                                "count": e.get("count"), "salience": e.get("salience"), "role": e.get("role"),
                                **{c: (e.get("geo") or {}).get(k) for c, k in GEO_KEYS.items()}})
        out["mentions"] += [{"article_id": rid, "entity_id": e["id"], "start": m["start"], "end": m["end"],
                             "text": m["text"]} for m in e.get("mentions") or []]
    for i, d in enumerate(record.get("dates") or []):
        out["dates"].append({"article_id": rid, "date_index": i, "start": d["start"], "end": d["end"],
                             "text": d["text"], "type": d["type"], "value": d["value"],
                             "anchored": d.get("anchored", True)})
    for i, q in enumerate(record.get("quotes") or []):
        sp = q.get("speaker") or {}
        out["quotes"].append({"article_id": rid, "quote_index": i, "start": q["start"], "end": q["end"],
                              "text": q["text"], "kind": q.get("kind"), "direct": q.get("direct"),
                              "cue": _span(q.get("cue"), "text"), "speaker": sp.get("name"),
                              "speaker_entity": sp.get("entity"), "speaker_start": sp.get("start"),
                              "speaker_end": sp.get("end")})
    for i, ev in enumerate(record.get("events") or []):
        trig, sent, when = ev.get("trigger") or {}, ev.get("sentence") or {}, ev.get("when") or {}
        out["events"].append({"article_id": rid, "event_index": i, "type": ev["type"],
                              "predicate": ev.get("predicate"), "status": ev.get("status"),
                              "trigger": trig.get("text"), "trigger_start": trig.get("start"),
                              "trigger_end": trig.get("end"), "sentence_start": sent.get("start"),
                              "sentence_end": sent.get("end"), "who": ev.get("who"), "whom": ev.get("whom"),
                              "where": ev.get("where"), "when": when.get("value"),
                              "reported_by": ev.get("reported_by")})
    return out


def arrow_schema(table: str):
    """Return the pyarrow schema of a table (pyarrow imported only here)."""
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "date": pa.date32(), "list": pa.list_(pa.string()), "json": pa.string()}
    return pa.schema([pa.field(name, types[kind]) for name, kind in COLUMNS[table]])


def arrow_table(table: str, batch: list[dict]):
    """Return a pyarrow Table of rows in the table's schema (missing keys are nulls; dates parsed from ISO)."""
    import datetime as dt

    import pyarrow as pa

    columns = {}
    for name, kind in COLUMNS[table]:
        values = [r.get(name) for r in batch]
        if kind == "date":
            values = [dt.date.fromisoformat(v) if v else None for v in values]
        columns[name] = values
    return pa.Table.from_pydict(columns, schema=arrow_schema(table))
