"""Write docs/RECORD.md, the reference of newskit's output record, from its JSON Schema.

    python docs/make_record.py

The schema (src/newskit/data/record.schema.json, itself generated from newskit/record.py) is the one source: tests/cli/test_docs.py fails when
docs/RECORD.md differs from what this script writes, so the two cannot drift apart.
"""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "src" / "newskit" / "data" / "record.schema.json"
OUT = ROOT / "docs" / "RECORD.md"

INTRO = """# The newskit record

Every article newskit reads becomes one JSON record: `--json` writes one object (an array for several articles),
`--jsonl` one compact record per line. Each command fills its own keys: `parse` fills `article`; `entities` fills
`article`, `entities` and `dates`; `dates` fills `article` and `dates`; `quotes` fills `article`, `entities` and
`quotes`; `events` fills `article`, `entities`, `dates` and `events`; `analyze` fills them all.

This page is generated from the JSON Schema shipped in the package (`newskit/data/record.schema.json`) by
`python docs/make_record.py`; validate records against the schema to check them by machine.

## Offsets

Every span is `{"start", "end", "text"}` with Python string indices (code points) into the article text: the
decoded file (its byte-order mark dropped, nothing else changed), the JSONL `"text"`, or for HTML pages the
extracted text, which the record then carries as `"text"`. For every span, `text[start:end] == span["text"]`.
Lone UTF-16 surrogates (which JSON escapes can carry but UTF-8 cannot encode) are replaced by U+FFFD when the
input is read, one code point for one, so offsets are unchanged and the output is always valid UTF-8 JSON.

## What the entity types cover

- `person`: a named human being ("Angela Merkel", "Merkel"), never a firm named like one: a one-word name needs
  person evidence (a given name, a title, "he"/"she" after it or opening the next sentence, a full name in the
  article, an apposition or an age: "X, the team's striker", "X, 64", ", who ...", or a verb of saying that people
  use and bodies rarely: "Mulally told reporters", "X added"), and a name the article writes with a legal form ("Pirelli SpA") is a
  firm at every mention, as is a name of any length the article calls a body ("X, the Seattle lender", "X, which ...", "sold to
  X", "Adam Air") or a side ("X beat Y 2-1") without any person evidence.
- `organization`: firms, agencies, parties, courts, newspapers and broadcasters, clubs and teams (a side named by
  its town in a score line, a standings row or a list of fixtures, "Halifax 2 Wrexham 1", is the club; so is a city
  or US state that a story of games has win or lose with a score, "Colorado beat Detroit 3-1", that a fixture
  joins to another name, "Tottenham host Brighton", "Arsenal travel to Wolves", or writes as the
  first word of a team's name, "Cleveland" of "Cleveland Indians", except where it places a game, "In Seattle,
  ..."; a country or a home nation as a side is its national team, a place: "Scotland beat Norway 2-1"), and a
  building or street that stands for the government or institution seated there ("the Kremlin said", "Kremlin
  spokesperson ...", "the White House", "the Pentagon", "Downing Street"), unless every mention only places
  something there ("a fire in the Kremlin").
- `place`: countries, regions, cities, natural features, and a country's adjective that modifies a noun ("Turkish
  troops" is a mention of Turkey). A place name stays a place whatever it does in the sentence: "Washington warned
  Beijing", "Moscow said", "Qatar ordered five jets" are places, each keeping its map entry and one type in the
  article. So is a dateline's city and the venue after "at" in a fixture line of a schedule ("KANSAS CITY AT
  DETROIT"), as CoNLL-2003 marks it, even where the article's tables make that name a club.
- `product` and `index` (with `--all`): things a firm makes ("iPhone 4", "the Chevrolet Volt", "the Volt") and the
  numbers a market is read by ("the Dow Jones industrial average", "the S&P 500"). A carmaker's brand run as a unit
  of the firm, with dealers of its own ("its Hummer brand", "Saturn dealers"), is an organization, as MEANTIME and
  CoNLL-2003 annotate one; so is an exchange ("the New York Stock Exchange", "the NYSE"). A name the article uses
  as a made thing is a product with no product noun beside it ("sales of the Focus", "build the Volt", "the Volt's
  battery", "the Dreamliner is a long-range jet", "has been named the Worldliner", "the Boeing 787, or
  Dreamliner"); a maker's name stays the firm at every mention, also where it stands for its planes ("the Airbus
  landed"). "Wall Street" is a place, also where it stands for the market or the financial firms ("Wall Street
  fell"): a street, like the district it names, and not a seat of government.

Metonymy, the one policy: a city or country acting for its government is a place, as CoNLL-2003 annotates it (every
capital that says, warns or has in its English train and dev sets is LOC) and as MEANTIME mostly does (it types a
country as a buyer an organization now and then); a building or street standing for a government is an
organization, as MEANTIME types "the Pentagon" and unlike CoNLL-2003, which marks "the Kremlin" and "the White
House" LOC: it names the body that acts, not somewhere on the map (the list is `lexicon/seats_of_government.txt`).

## Failed inputs

An input that fails, at any stage, gets `{"id": ..., "error": {"code", "message"}}` in place of its record (plus
`"where": "FILE:LINE"` when it is one line of a JSONL file); the other inputs still run and the exit status is 1.
Codes: `not-found`, `unreadable`, `binary`, `undecodable`, `empty`, `too-large`, `no-articles`, `bad-jsonl`,
`no-text`, `bad-date`, `not-article`, `timeout` (over `--timeout-per-article`), `memory`, `worker-died` (the
article killed its worker process twice), `internal` (a bug: please report it with `--debug` output).

"""


def _type(prop: dict) -> str:
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1]
    if "enum" in prop:
        return " \\| ".join(f"`{v}`" for v in prop["enum"])
    if "oneOf" in prop or "allOf" in prop:
        parts = [_type(p) for p in prop.get("oneOf", prop.get("allOf"))]
        return " or ".join(dict.fromkeys(parts))
    kind = prop.get("type", "object")
    if isinstance(kind, list):
        return " or ".join(kind)
    if kind == "array":
        return f"array of {_type(prop.get('items', {}))}"
    return kind


def _fields(node: dict) -> tuple[dict, set]:
    """Return the properties and required names of an object definition, merging allOf parts."""
    props, required = {}, set()
    for part in node.get("allOf", [node]):
        if "$ref" in part:
            props["start, end, text"] = {"type": "span", "description": "the span itself (see span)"}
            continue
        props.update(part.get("properties", {}))
        required |= set(part.get("required", []))
    return props, required


def _table(name: str, node: dict) -> list[str]:
    props, required = _fields(node)
    lines = [f"## {name}", ""]
    if node.get("description"):
        lines += [node["description"], ""]
    lines += ["| field | type | always there | meaning |", "|---|---|---|---|"]
    for key, prop in props.items():
        desc = prop.get("description", "")
        if "pattern" in prop:
            desc = (desc + "; " if desc else "") + f"matches `{prop['pattern']}`"
        lines.append(f"| `{key}` | {_type(prop)} | {'yes' if key in required else ''} | {desc} |")
    return lines + [""]


def render(schema: dict) -> str:
    """Return the Markdown reference of the record described by `schema`."""
    defs = schema["$defs"]
    order = [n for n in ("record", "error_record", "error_info", "span", "article", "entity", "date_mention", "quote",
                         "event") if n in defs]
    out = [INTRO.rstrip("\n"), ""]
    for name in order + sorted(set(defs) - set(order)):
        out += _table(name, defs[name])
    return "\n".join(out).rstrip("\n") + "\n"


def main() -> None:
    OUT.write_text(render(json.loads(SCHEMA.read_text(encoding="utf-8"))), encoding="utf-8")
    print(OUT)


if __name__ == "__main__":
    main()
