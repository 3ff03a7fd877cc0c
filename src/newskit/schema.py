"""Generate the record's JSON Schema from the record model (newskit.record), so the two cannot drift apart.

    python3 -m newskit.schema > src/newskit/data/record.schema.json

Every record class becomes one definition: an object with its fields as properties, every field required unless
`to_dict` may leave it out, and no other keys. Types map as JSON would see them: `X | None` → X or null, tuples →
arrays, `Literal` → enum, `dict` → object; `Info` adds the description, pattern and bounds.
"""
from __future__ import annotations

import dataclasses
import json
import re
import sys
import types
import typing
from typing import Any, Literal, Union

from newskit.record import ErrorRecord, Record, Value, is_none, plan

SCHEMA_ID = "https://newskit.invalid/record.schema.json"
DESCRIPTION = ("One record per input article, as written by every newskit command (--json / --jsonl). Offsets are "
               "Python string indices (code points) into the article text; for every span text[start:end] == "
               "span.text.")
_PRIMITIVES: dict[type, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}


def def_name(cls: type) -> str:
    """Return the schema definition name of a record class (DateMention → date_mention)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


def _describe(cls: type) -> str:
    doc = (cls.__doc__ or "").strip().split("\n\n")[0]
    return " ".join(doc.split())


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        name = def_name(cls)
        if name not in self.defs:
            self.defs[name] = {}  # reserve the slot first: definitions come out in the order they are met
            self.defs[name] = self.definition(cls)
        return {"$ref": f"#/$defs/{name}"}

    def definition(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        props: dict[str, Any] = {}
        required = []
        for name, info in plan(cls):
            tp = hints[name]
            if info.omit is is_none:  # left out rather than written as null
                tp = _without_none(tp)
            prop = self.type_schema(tp)
            if info.doc:
                prop["description"] = info.doc
            for key in ("pattern", "minimum", "maximum"):
                value = getattr(info, key)
                if value is not None:
                    prop[key] = int(value) if isinstance(value, float) and value.is_integer() else value
            props[name] = prop
            if info.omit is None:
                required.append(name)
        return {"description": _describe(cls), "type": "object", "required": required, "properties": props,
                "additionalProperties": False}

    def type_schema(self, tp: Any) -> dict[str, Any]:
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin in (Union, types.UnionType):
            inner = [a for a in args if a is not type(None)]
            if len(inner) != 1:
                raise TypeError(f"unsupported union {tp}")
            return _nullable(self.type_schema(inner[0]))
        if origin is Literal:
            return {"enum": list(args)}
        if origin in (tuple, list):
            return {"type": "array", "items": self.type_schema(args[0])}
        if origin is dict or tp is dict:
            return {"type": "object"}
        if isinstance(tp, type) and dataclasses.is_dataclass(tp) and issubclass(tp, Value):
            return self.ref(tp)
        if tp in _PRIMITIVES:
            return {"type": _PRIMITIVES[tp]}
        raise TypeError(f"no JSON Schema for {tp!r}")


def _without_none(tp: Any) -> Any:
    if typing.get_origin(tp) in (Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return inner[0] if len(inner) == 1 else tp
    return tp


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "enum" in schema:
        return {"enum": [*schema["enum"], None]}
    if isinstance(schema.get("type"), str) and "$ref" not in schema:
        return {**schema, "type": [schema["type"], "null"]}
    return {"oneOf": [{"type": "null"}, schema]}


def record_schema(roots: tuple[type, ...] = (Record, ErrorRecord)) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a newskit record: a Record or, for a failed input, an ErrorRecord
    (`roots` names other classes to describe instead)."""
    b = _Builder()
    one_of = [b.ref(cls) for cls in roots]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, "title": "newskit record",
            "description": DESCRIPTION, "oneOf": one_of, "$defs": b.defs}


def render() -> str:
    """Return the schema as the text of data/record.schema.json."""
    return json.dumps(record_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
