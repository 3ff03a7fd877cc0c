"""The flat tables are derived from the record model: every field reaches a column or says where it goes, a field
added to the model reaches its table with no edit, and rows read the model values."""
from __future__ import annotations

from dataclasses import dataclass, fields

import pytest

from newskit.archive import tables
from newskit.record import (
    Article,
    DateMention,
    Entity,
    ErrorInfo,
    ErrorRecord,
    Event,
    Geo,
    Quote,
    Record,
    Span,
    Speaker,
    When,
)


def test_every_model_field_reaches_a_table_or_says_where_it_goes():
    assert tables.uncovered() == []
    for table in tables.TABLES_OF.values():
        columns = {c.field for c in table.columns}
        for f in fields(table.of):
            assert f.name in columns or f.name in table.elsewhere, (table.name, f.name)


def test_a_field_missing_from_the_tables_is_reported(monkeypatch):
    monkeypatch.setattr(tables, "RECORD_FIELDS", {k: v for k, v in tables.RECORD_FIELDS.items() if k != "events"})
    assert tables.uncovered() == ["Record.events"]


def test_a_field_added_to_the_model_becomes_a_column_at_the_end():
    @dataclass(frozen=True, kw_only=True)
    class PlacedEntity(Entity):
        country: str | None = None
        codes: tuple[str, ...] = ()
        where: When | None = None

    base = tables.TABLES_OF["entities"]
    grown = tables.Table("entities", PlacedEntity, base.declared, base.elsewhere)
    cols = [(c.name, c.kind) for c in grown.columns]
    assert cols[:len(tables.COLUMNS["entities"])] == list(tables.COLUMNS["entities"])
    assert cols[len(tables.COLUMNS["entities"]):] == [("country", "str"), ("codes", "list"), ("where", "json")]
    e = PlacedEntity(id="E1", name="Lyon", type="place", label="GPE", mentions=(Span(0, 4, "Lyon"),),
                     country="FR", codes=("FRA",), where=When(0, 4, "then", "2024"))
    row = {c.name: c.get(e) for c in grown.columns}
    assert row["country"] == "FR" and row["codes"] == ["FRA"] and row["where"].startswith('{"value": "2024"')


def test_column_types_come_from_the_annotations():
    cols = dict(tables.COLUMNS["articles"])
    assert cols["published"] == "date" and cols["authors"] == "list" and cols["paragraphs"] == "int"
    assert dict(tables.COLUMNS["dates"])["anchored"] == "bool"
    assert dict(tables.COLUMNS["entities"])["salience"] == "float"
    assert dict(tables.COLUMNS["events"])["what"] == "list"  # the field the hand-written tables had left out


def _record() -> Record:
    text = "Ann Lee met Bo Chan in Lyon on Monday."
    ann, lyon = Span(0, 7, "Ann Lee"), Span(23, 27, "Lyon")
    return Record(
        "a.txt", text=text, article=Article(headline="Talks", authors=("Ann Lee",), published="2024-01-22",
                                            paragraphs=(Span(0, len(text), text),)),
        entities=(Entity(id="E1", name="Ann Lee", type="person", label="PERSON", salience=0.123456, mentions=(ann,)),
                  Entity(id="E2", name="Lyon", type="place", label="GPE", mentions=(lyon,),
                         geo=Geo(geonameid=2996944, name="Lyon", feature="city", country_code="FR", admin1="84",
                                 lat=45.75, lon=4.85, population=522969, confidence=0.876543))),
        dates=(DateMention(31, 37, "Monday", "DATE", "2024-01-22"),),
        quotes=(Quote(0, 5, "x met", True, "direct", cue=Span(8, 11, "met"),
                      speaker=Speaker(0, 7, "Ann Lee", name="Ann Lee", entity="E1")),),
        events=(Event("meeting", Span(8, 11, "met"), Span(0, len(text), text), "happened", who=("E1",),
                      where=("E2",), when=When(31, 37, "Monday", "2024-01-22")),),
        meta={"section": "local"})


def test_rows_read_the_model_values():
    out = tables.rows(_record())
    (article,) = out["articles"]
    assert article["id"] == "a.txt" and article["authors"] == ["Ann Lee"] and article["paragraphs"] == 1
    assert article["meta"] == '{"section": "local"}' and article["error_code"] is None
    assert out["entities"][0] == {"article_id": "a.txt", "entity_id": "E1", "name": "Ann Lee", "type": "person",
                                  "label": "PERSON", "aliases": [], "titles": [], "count": 1, "salience": 0.1235,
                                  "role": None, "geonameid": None, "geo_name": None, "geo_feature": None,
                                  "country_code": None, "admin1": None, "lat": None, "lon": None,
                                  "geo_population": None, "geo_confidence": None, "key": ""}
    lyon = out["entities"][1]
    assert (lyon["geonameid"], lyon["geo_feature"], lyon["country_code"], lyon["lat"], lyon["geo_confidence"]) == \
        (2996944, "city", "FR", 45.75, 0.8765)  # the geo flattened, rounded as the JSON shows it
    assert [(m["entity_id"], m["text"]) for m in out["mentions"]] == [("E1", "Ann Lee"), ("E2", "Lyon")]
    assert out["dates"][0]["date_index"] == 0 and out["dates"][0]["anchored"] is True
    q = out["quotes"][0]
    assert (q["cue"], q["speaker"], q["speaker_entity"], q["speaker_start"]) == ("met", "Ann Lee", "E1", 0)
    ev = out["events"][0]
    assert (ev["trigger"], ev["when"], ev["who"], ev["where"], ev["what"]) == ("met", "2024-01-22", ["E1"], ["E2"],
                                                                               [])
    assert all(set(r) == {c for c, _ in tables.COLUMNS[t]} for t, rs in out.items() for r in rs)


@pytest.mark.parametrize("text", [None, "given text"])
def test_error_records_and_the_text_argument(text):
    assert tables.rows(ErrorRecord("b.txt", ErrorInfo("empty", "empty article"))) == {
        "articles": [{"id": "b.txt", "error_code": "empty", "error_message": "empty article"}]}
    rec = Record("c.txt")
    assert tables.rows(rec, text)["articles"][0]["text"] == text
