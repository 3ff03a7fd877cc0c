"""`newskit link`: keys resolved across articles, streamed in two passes, error records passed through."""
from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from newskit.cli import cli
from newskit.identity import NameTable, link_lines

ARTICLE_ONE = """Carmaker trims its truck line

DETROIT - General Motors Corp. said on Monday it would stop building two pickup models at its Ohio plant.
Barack Obama praised the union's agreement with the company during a visit to Toledo.
"""
ARTICLE_TWO = """Union vote set at truck plant

Workers at GM and Ford will vote next week on new contracts, union officials said.
The automaker GM said the deal was fair. Obama is expected to speak about it.
"""


def _entity(eid, name, type_, *aliases):
    return {"id": eid, "name": name, "type": type_, "aliases": list(aliases), "mentions": []}


def _linked(records):
    lines = [json.dumps(r) for r in records]
    out = io.StringIO()
    link_lines(lines, lines, out)
    return [json.loads(x) for x in out.getvalue().splitlines()]


def _keys(record):
    return {e["name"]: e["key"] for e in record["entities"]}


def test_two_articles_end_with_one_key_per_company_and_person(nlp):
    from newskit.pipeline import analyze_text

    records = [analyze_text(t, tasks=("entities",)).to_dict() for t in (ARTICLE_ONE, ARTICLE_TWO)]
    for i, r in enumerate(records):
        r["id"] = f"a{i}"
    one, two = (_keys(r) for r in _linked(records))
    gm = {k for n, k in (one | two).items() if n in ("General Motors Corp.", "GM")}
    obama = {k for n, k in (one | two).items() if n in ("Barack Obama", "Obama")}
    assert "GM" in two and "Obama" in two  # each article names them its own way
    assert gm == {"organization:general motors"}
    assert obama == {"person:barack obama"}


def test_a_short_name_fitting_two_people_stays_apart():
    records = [{"id": "1", "entities": [_entity("E1", "Ruth Kessler", "person")]},
               {"id": "2", "entities": [_entity("E1", "Daniel Kessler", "person")]},
               {"id": "3", "entities": [_entity("E1", "Kessler", "person")]}]
    keys = [_keys(r) for r in _linked(records)]
    assert keys[2] == {"Kessler": "person:kessler"}


def test_aliases_acronyms_and_types_are_resolved_across_articles():
    records = [{"id": "1", "entities": [_entity("E1", "Tarn Valley Water Authority", "organization", "TVWA"),
                                        _entity("E2", "Marchetti Freight", "organization", "Marchetti")]},
               {"id": "2", "entities": [_entity("E1", "TVWA", "organization"),
                                        _entity("E2", "Marchetti", "organization")]},
               {"id": "3", "entities": [_entity("E1", "Marchetti Freight", "place")]},
               {"id": "4", "entities": [_entity("E1", "Marchetti Freight", "organization")]}]
    keys = [_keys(r) for r in _linked(records)]
    assert keys[1] == {"TVWA": "organization:tarn valley water authority",
                       "Marchetti": "organization:marchetti freight"}
    assert keys[2] == {"Marchetti Freight": "organization:marchetti freight"}  # the type most articles give


def test_a_person_and_a_thing_of_one_name_share_a_type_only_on_clear_evidence():
    def run(person_articles, org_articles):
        records = [{"id": f"p{i}", "entities": [_entity("E1", "Dunmore", "person")]} for i in range(person_articles)]
        records += [{"id": f"o{i}", "entities": [_entity("E1", "Dunmore", "organization")]}
                    for i in range(org_articles)]
        return {e["key"] for r in _linked(records) for e in r["entities"]}

    assert run(1, 3) == {"organization:dunmore"}
    assert run(2, 3) == {"person:dunmore", "organization:dunmore"}


def test_error_records_and_unchanged_records_stream_through_as_read():
    error = '{"id": "bad.txt", "error": {"code": "empty", "message": "no text"}}'
    plain = json.dumps({"id": "p", "entities": [dict(_entity("E1", "Lisbon", "place"), key="place:lisbon")]})
    lines = [error, plain]
    out = io.StringIO()
    link_lines(lines, lines, out)
    assert out.getvalue().splitlines() == [error, plain]


def test_memory_holds_names_not_articles():
    table = NameTable()
    for i in range(500):
        table.add({"id": str(i), "entities": [_entity("E1", "Ines Varga", "person"), _entity("E2", "Varga", "person")]})
    assert len(table.seen) == 2 and table.seen["person:ines varga"].articles == 500


def test_cli_reads_stdin_twice_and_refuses_a_bad_line(tmp_path):
    records = [{"id": "1", "entities": [_entity("E1", "Ines Varga", "person")]},
               {"id": "2", "entities": [_entity("E1", "Varga", "person")]}]
    text = "".join(json.dumps(r) + "\n" for r in records)
    res = CliRunner().invoke(cli, ["link", "-"], input=text)
    assert res.exit_code == 0, res.output
    assert [e["key"] for line in res.stdout.splitlines() for e in json.loads(line)["entities"]] == \
        ["person:ines varga", "person:ines varga"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(text + "{oops\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["link", str(bad)])
    assert res.exit_code == 1 and res.stdout == ""
    assert f"newskit: {bad}:3: not a JSON record" in res.stderr


@pytest.mark.parametrize("name", ["missing.jsonl"])
def test_cli_missing_file(tmp_path, name):
    res = CliRunner().invoke(cli, ["link", str(tmp_path / name)])
    assert res.exit_code == 1 and "no such file" in res.stderr


def test_a_name_used_as_a_persons_alias_outvotes_a_stray_place_of_that_name():
    # the model typed the bare surname a place twice; five articles call the person by it as an alias only
    records = [{"id": f"p{i}", "entities": [_entity("E1", "Maren Kestrel", "person", "Kestrel")]} for i in range(5)]
    records += [{"id": f"x{i}", "entities": [_entity("E1", "Kestrel", "place")]} for i in range(2)]
    keys = {e["key"] for r in _linked(records) for e in r["entities"]}
    assert keys == {"person:maren kestrel"}


def test_a_given_and_family_name_joins_the_one_full_name_with_a_middle_initial():
    records = [{"id": "1", "entities": [_entity("E1", "Ruth A. Kessler", "person")]},
               {"id": "2", "entities": [_entity("E1", "Ruth Kessler", "person")]},
               {"id": "3", "entities": [_entity("E1", "Ruth Kessler", "person")]},
               # words the model glued in front of the name are not a second Ruth Kessler
               {"id": "4", "entities": [_entity("E1", "Watch Ruth Kessler", "person")]}]
    keys = [_keys(r) for r in _linked(records)]
    assert keys[0]["Ruth A. Kessler"] == keys[1]["Ruth Kessler"] == keys[2]["Ruth Kessler"]
    assert keys[3] == {"Watch Ruth Kessler": "person:watch ruth kessler"}
