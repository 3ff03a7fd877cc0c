"""The record model: generic to_dict (field order, omitted empties, nested values) and the JSON Schema generated
from it, which must match the committed data/record.schema.json."""
from __future__ import annotations

import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Annotated

import jsonschema
import pytest

import newskit
from newskit import schema
from newskit.record import (
    Article,
    DateMention,
    Entity,
    ErrorInfo,
    ErrorRecord,
    Event,
    Image,
    Info,
    LayoutLine,
    Quote,
    Record,
    Span,
    Speaker,
    When,
    is_none,
)

SCHEMA_FILE = Path(newskit.__file__).parent / "data" / "record.schema.json"


def test_committed_schema_is_the_generated_one():
    committed = SCHEMA_FILE.read_text(encoding="utf-8")
    assert committed == schema.render(), \
        "record.schema.json is stale: python3 -m newskit.schema > src/newskit/data/record.schema.json"


def test_keys_follow_field_order_with_leading_names():
    assert list(Speaker(4, 9, "Peskov", name="Dmitry Peskov", entity="E3").to_dict()) == \
        ["name", "entity", "start", "end", "text"]
    assert list(LayoutLine(0, 5, "Title", field="headline").to_dict()) == ["field", "start", "end", "text"]
    assert list(When(0, 6, "Friday", value="2024-01-19").to_dict()) == ["value", "start", "end", "text", "source"]


def test_empty_optional_fields_are_left_out():
    assert "anchored" not in DateMention(0, 4, "2024", "DATE", "2024").to_dict()
    assert DateMention(0, 9, "September", "DATE", "XXXX-09", anchored=False).to_dict()["anchored"] is False
    one = Quote(0, 3, "Hi.", True, "direct", parts=(Span(0, 3, "Hi."),))
    assert "parts" not in one.to_dict()
    two = Quote(0, 9, "Hi. Bye.", True, "direct", parts=(Span(0, 3, "Hi."), Span(5, 9, "Bye.")))
    assert two.to_dict()["parts"] == [{"start": 0, "end": 3, "text": "Hi."}, {"start": 5, "end": 9, "text": "Bye."}]
    assert ErrorRecord("x", ErrorInfo("empty", "empty article")).to_dict() == \
        {"id": "x", "error": {"code": "empty", "message": "empty article"}}
    assert list(Record("a.txt").to_dict()) == ["id", "article"]


def test_entity_count_follows_mentions_and_salience_is_rounded():
    ent = Entity(id="E1", name="Ann Lee", type="person", label="PERSON", salience=0.123456,
                 mentions=(Span(0, 7, "Ann Lee"), Span(20, 23, "Lee")))
    d = ent.to_dict()
    assert d["count"] == 2 and d["salience"] == 0.1235 and "role" not in d
    assert list(d) == ["id", "name", "type", "label", "key", "aliases", "titles", "count", "salience", "mentions"]
    assert Entity(id="E2", name="Kim", type="person", label="PERSON", mentions=(), role="author").to_dict()["role"] \
        == "author"


def test_schema_rejects_what_the_model_cannot_produce():
    sp = Span(0, 5, "visit")
    good = Record("a", events=(Event("visit", sp, sp, "planned", when=When(0, 5, "visit", value="2024")),)).to_dict()
    full = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.validate(good, full)
    for bad in ({**good, "extra": 1},
                {**good, "events": [{**good["events"][0], "status": "rumoured"}]},
                {**good, "events": [{**good["events"][0], "when": {"value": "2024"}}]},
                {**good, "entities": None}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, full)


def test_a_new_field_is_one_declaration():
    @dataclass(frozen=True)
    class Tagged(Span):
        """A span with a tag."""

        tag: Annotated[str, Info("what it is")] = ""
        note: Annotated[str | None, Info(omit=is_none)] = None

    assert Tagged(0, 1, "x", "t").to_dict() == {"start": 0, "end": 1, "text": "x", "tag": "t"}
    d = schema.record_schema((Tagged,))["$defs"]["tagged"]
    assert d["required"] == ["start", "end", "text", "tag"]
    assert d["properties"]["tag"] == {"type": "string", "description": "what it is"}
    assert d["properties"]["note"] == {"type": "string"}


def test_each_vocabulary_literal_is_checked_against_its_registry():
    from typing import Literal

    from newskit.record import DATE_KINDS, ENTITY_KINDS, EVENT_KINDS, _check_registry

    assert set(ENTITY_KINDS) >= {"person", "place", "organization", "event"}
    assert "military_exercise" in EVENT_KINDS and EVENT_KINDS["military_exercise"].words == "military exercise"
    assert set(DATE_KINDS) == {"DATE", "TIME", "DURATION", "SET"}
    with pytest.raises(TypeError, match="registry"):
        _check_registry(Literal["person", "robot"], ("person",))


def test_the_label_map_and_the_readers_names_come_from_the_entity_registry():
    from newskit.output import theme
    from newskit.output.render import _plural
    from newskit.record import ENTITY_TYPES, LABEL_TYPES

    assert LABEL_TYPES["GPE"] == LABEL_TYPES["FAC"] == "place" and LABEL_TYPES["NORP"] == "nationality"
    assert all(k.panel and k.colors for k in ENTITY_TYPES if k.core)  # every default type is drawn in the report
    assert theme.TYPES == ("person", "place", "organization", "event")
    assert theme.PANEL_TITLES["event"] == "Named events" and theme.LABELS["organization"] == "org"
    assert _plural("work_of_art") == "works of art" and _plural("person") == "people"


def test_article_and_image_are_built_by_keyword():
    # a field may then go anywhere in the class without shifting what the text and HTML readers pass
    assert all(f.kw_only for cls in (Article, Image) for f in fields(cls))
    with pytest.raises(TypeError):
        Article("A headline")
