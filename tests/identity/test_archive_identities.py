"""Archive outputs resolve keys at the end of a run and keep one identities row per key, across runs."""
from __future__ import annotations

import json
import sqlite3

import pytest

from newskit.archive import Job
from newskit.archive.runner import run_archive
from newskit.pipeline import COMMAND_TASKS

from .test_link import ARTICLE_ONE, ARTICLE_TWO

THIRD = """Dealers report strong truck sales

Dealers in Ohio sold more pickups in May than a year earlier, a trade group said.
General Motors Corp. and Ford led the gains, and Barack Obama visited a dealership in Toledo.
"""


def _batch(folder, name, items):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t, "published": d}) + "\n" for i, t, d in items),
                    encoding="utf-8")
    return path


def _run(fmt, inputs, out):
    job = Job("entities", tuple(COMMAND_TASKS["entities"]), format=fmt)
    events = list(run_archive(job, [str(p) for p in inputs], str(out), workers=1))
    return events[-1]


def test_sqlite_runs_over_two_batches_keep_one_identity_per_key(nlp, tmp_path):
    db = tmp_path / "archive.db"
    one = _batch(tmp_path / "in1", "a", [("a1", ARTICLE_ONE, "2024-05-02")])
    end = _run("sqlite", [one], db)
    assert end["identities"]
    two = _batch(tmp_path / "in2", "b", [("b1", ARTICLE_TWO, "2024-05-09"), ("b2", THIRD, "2024-06-01")])
    _run("sqlite", [one, two], db)
    con = sqlite3.connect(db)
    keys = [k for (k,) in con.execute("SELECT key FROM identities")]
    assert len(keys) == len(set(keys))
    gm = con.execute("SELECT name, articles, first_published, last_published, keys FROM identities "
                     "WHERE key = 'organization:general motors'").fetchone()
    assert gm[1:4] == (3, "2024-05-02", "2024-06-01")
    assert "organization:gm" in json.loads(gm[4])
    assert con.execute("SELECT key FROM entities WHERE article_id = 'b1' AND name = 'GM'").fetchone() == \
        ("organization:general motors",)
    assert con.execute("SELECT articles FROM identities WHERE key = 'person:barack obama'").fetchone() == (3,)
    assert con.execute("SELECT count(*) FROM entities WHERE key IS NULL").fetchone() == (0,)


def test_jsonl_output_keeps_its_parts_and_lists_identities(nlp, tmp_path):
    src = _batch(tmp_path / "in", "a", [("a1", ARTICLE_ONE, "2024-05-02"), ("b1", ARTICLE_TWO, "2024-05-09")])
    _run("jsonl", [src], tmp_path / "out")
    rows = [json.loads(x) for x in (tmp_path / "out" / "identities.jsonl").read_text().splitlines()]
    by_key = {r["key"]: r for r in rows}
    assert by_key["person:barack obama"]["articles"] == 2
    assert set(by_key["person:barack obama"]["keys"]) == {"person:barack obama", "person:obama"}
    part = (tmp_path / "out" / "part-00000.jsonl").read_text()
    assert '"key":"person:obama"' in part  # the parts stay the --jsonl records


def test_parquet_entities_carry_the_archive_keys(nlp, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    src = _batch(tmp_path / "in", "a", [("a1", ARTICLE_ONE, "2024-05-02"), ("b1", ARTICLE_TWO, "2024-05-09")])
    _run("parquet", [src], tmp_path / "out")
    ents = pq.read_table(tmp_path / "out" / "entities" / "part-00000.parquet").to_pylist()
    assert {e["key"] for e in ents if e["name"] in ("GM", "General Motors Corp.")} == \
        {"organization:general motors"}
    ids = pq.read_table(tmp_path / "out" / "identities" / "identities.parquet").to_pylist()
    assert len({r["key"] for r in ids}) == len(ids)



def test_records_rebuilt_from_entity_rows_resolve_as_link_resolves_the_records():
    # archives rebuild each record from their entities table: the mention counts that weigh an article's type
    # evidence come back with it, or an archive and `newskit link` would give one name different types
    from newskit.archive.identities import _grouped
    from newskit.identity import NameTable

    rows = [("a", "E1", "Ostrava Steel", "organization", "[]", 9, None),
            ("b", "E1", "Ostrava Steel", "place", "[]", 1, None),
            ("c", "E1", "Ostrava Steel", "place", "[]", 1, None)]
    rebuilt, direct = NameTable(), NameTable()
    for record in _grouped(rows, {}.get):
        rebuilt.add(record)
    for article, eid, name, type_, _, count, _ in rows:
        span = {"start": 0, "end": len(name), "text": name}
        direct.add({"id": article, "entities": [{"id": eid, "name": name, "type": type_, "aliases": [],
                                                  "count": count, "mentions": [span] * count}]})
    assert rebuilt.resolve() == direct.resolve() == {"organization:ostrava steel": "organization:ostrava steel",
                                                     "place:ostrava steel": "organization:ostrava steel"}


def test_rows_rebuilt_by_an_archive_keep_a_father_and_son_apart_and_join_nicknames_as_link_does():
    # the people one article lists side by side must come back from the entity rows grouped by article, or an
    # archive would join the father to the son where `newskit link` keeps them apart
    from newskit.archive.identities import _grouped
    from newskit.identity import NameTable

    rows = [("a", "E1", "Walter Penrose", "person", "[]", 2, None),
            ("a", "E2", "Walter Penrose Jr.", "person", "[]", 1, None),
            ("b", "E1", "Walter J. Penrose", "person", "[]", 1, None),
            ("c", "E1", "Bill Ashgrove", "person", "[]", 1, None),
            ("d", "E1", "William T. Ashgrove", "person", "[]", 3, None)]
    rebuilt, direct = NameTable(), NameTable()
    for record in _grouped(rows, {}.get):
        rebuilt.add(record)
    for article in "abcd":
        direct.add({"id": article, "entities": [{"id": eid, "name": name, "type": type_, "aliases": []}
                                                 for a, eid, name, type_, *_ in rows if a == article]})
    final = rebuilt.resolve()
    assert final == direct.resolve()
    assert final["person:walter penrose"] == final["person:walter j penrose"] != final["person:walter penrose jr"]
    assert final["person:bill ashgrove"] == final["person:william t ashgrove"]
