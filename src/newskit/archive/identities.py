"""The identities of an archive output: keys resolved over every part at the end of a run, and one table of them.

`resolve_output(out, fmt, command)` runs `link`'s resolution over an output folder or database that a run has
just completed (local or Dask alike: it reads the parts back, on the client):
- jsonl: PATH/identities.jsonl (the parts stay exactly the `--jsonl` records, with the keys of their article;
  an identity's `keys` lists the article keys it joins);
- parquet: the `key` column of PATH/entities/part-*.parquet rewritten to the archive's keys (each part through a
  temporary name), and PATH/identities/identities.parquet;
- sqlite: `entities.key` updated and the `identities` table rebuilt in one transaction, so a later run over new
  files updates identities without ever holding a key twice.
Article keys are computed again from each entity's name, type and aliases (they are what the key is made of), so
a run over new files re-resolves the whole archive from the same evidence as a first run would. pyarrow is
imported only inside the Parquet functions (an optional extra).
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

from newskit.archive import sqlite as archive_sqlite
from newskit.archive.storage import filesystem, join, temp_name, write_atomic
from newskit.archive.tables import COMMAND_TABLES
from newskit.identity.link import NameTable, local_key
from newskit.identity.stream import compact
from newskit.identity.table import IDENTITY_COLUMNS, Identities, link_two_passes

_SQL_TYPES = {"str": "TEXT", "int": "INTEGER", "date": "TEXT", "list": "TEXT"}


def resolve_output(out: str, fmt: str, command: str) -> int | None:
    """Resolve the keys of a finished archive output and write its identities; return how many (None when the
    command writes no entities)."""
    if "entities" not in COMMAND_TABLES.get(command, ()):
        return None
    if fmt == "sqlite":
        return resolve_sqlite(out)
    if fmt == "parquet":
        return resolve_parquet(out)
    return _resolve_jsonl(out)


def _resolve_jsonl(out: str) -> int:
    fs = filesystem(out)
    parts = fs.glob(join(out, "part-*.jsonl"))

    def read() -> Iterator[dict]:
        for path in parts:
            with fs.open(path, "rb") as fh:
                for line in fh:
                    if line.strip():
                        yield json.loads(line)

    identities = link_two_passes(read)
    rows = list(identities.rows())
    write_atomic(fs, join(out, "identities.jsonl"), "".join(compact(r) + "\n" for r in rows).encode("utf-8"))
    return len(rows)


def _grouped(rows, published) -> Iterator[dict]:
    """Yield one record per article from entity rows ordered by article (article keys recomputed from name, type
    and aliases; the mention count kept, as `link` weighs an article's type evidence by it; the stored key kept
    aside as `_stored`)."""
    record: dict | None = None
    for article_id, entity_id, name, type_, aliases, count, stored in rows:
        if record is None or record["id"] != article_id:
            if record is not None:
                yield record
            record = {"id": article_id, "article": {"published": published(article_id)}, "entities": []}
        if isinstance(aliases, str):
            aliases = json.loads(aliases)
        record["entities"].append({"id": entity_id, "name": name, "type": type_, "aliases": aliases or [],
                                   "count": count, "_stored": stored})
    if record is not None:
        yield record


def resolve_sqlite(path: str) -> int:
    """Resolve the keys of every article of the database and rebuild its identities table (one transaction)."""
    con = archive_sqlite.connect(path)
    cols = ", ".join(f'"{c}" {_SQL_TYPES[k]}' + (" PRIMARY KEY" if c == "key" else "") for c, k in IDENTITY_COLUMNS)
    reader = sqlite3.connect(path)  # WAL: reads the committed state while `con` writes
    try:
        with con:
            con.execute(f"CREATE TABLE IF NOT EXISTS identities ({cols})")
            con.execute("CREATE INDEX IF NOT EXISTS idx_entities_key ON entities (key)")
        dates = dict(reader.execute("SELECT id, published FROM articles WHERE published IS NOT NULL"))

        def read() -> Iterator[dict]:
            cur = reader.execute("SELECT article_id, entity_id, name, type, aliases, count, key FROM entities "
                                 "ORDER BY article_id, entity_id")
            return _grouped(cur, dates.get)

        def update(record: dict) -> None:
            changed = [(e["key"], record["id"], e["id"]) for e in record["entities"] if e["key"] != e["_stored"]]
            if changed:
                con.executemany("UPDATE entities SET key = ? WHERE article_id = ? AND entity_id = ?", changed)

        with con:
            identities = link_two_passes(read, update)
            con.execute("DELETE FROM identities")
            names = [c for c, _ in IDENTITY_COLUMNS]
            con.executemany(f"INSERT INTO identities ({', '.join(chr(34) + n + chr(34) for n in names)}) "
                            f"VALUES ({', '.join('?' * len(names))})",
                            ([json.dumps(r[n], ensure_ascii=False) if k == "list" else r[n]
                              for n, k in IDENTITY_COLUMNS] for r in identities.rows()))
            count = con.execute("SELECT count(*) FROM identities").fetchone()[0]
    finally:
        reader.close()
        con.close()
    return count


def resolve_parquet(out: str) -> int:
    """Rewrite the `key` column of every entities part to the archive's keys and write the identities table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    fs = filesystem(out)
    parts = fs.glob(join(out, "entities", "part-*.parquet"))

    def read_part(path: str) -> Iterator[dict]:
        t = _read(fs, path)
        cols = [t.column(c).to_pylist() for c in ("article_id", "entity_id", "name", "type", "aliases", "count",
                                                  "key")]
        yield from _grouped(zip(*cols, strict=True), _published(fs, path.replace(join("entities", ""),
                                                                                 join("articles", ""))).get)

    table = NameTable()
    for path in parts:
        for record in read_part(path):
            table.add(record)
    table.resolve()
    identities = Identities()
    for path in parts:  # the second pass part by part: one part's keys are held at a time
        keys: dict[tuple[str, str], str] = {}
        for record in read_part(path):
            local = {e["id"]: local_key(e) for e in record["entities"]}
            table.rewrite(record)
            identities.add(record, local)
            keys.update(((record["id"], e["id"]), e["key"]) for e in record["entities"])
        t = _read(fs, path)
        new = [keys.get(pair) for pair in zip(t.column("article_id").to_pylist(), t.column("entity_id").to_pylist(),
                                              strict=True)]
        _write(fs, path, t.set_column(t.schema.get_field_index("key"), "key", pa.array(new, pa.string())), pq,
               temp_name)
    rows = list(identities.rows())
    fs.makedirs(join(out, "identities"), exist_ok=True)
    _write(fs, join(out, "identities", "identities.parquet"), _arrow(rows), pq, temp_name)
    return len(rows)


def _read(fs, path: str):
    import pyarrow.parquet as pq

    with fs.open(path, "rb") as fh:
        return pq.read_table(fh)


def _published(fs, articles: str) -> dict:
    if not fs.exists(articles):
        return {}
    t = _read(fs, articles)
    return {i: (d.isoformat() if d else None) for i, d in zip(t.column("id").to_pylist(),
                                                             t.column("published").to_pylist(), strict=True)}


def _write(fs, path: str, table, pq, temp_name) -> None:
    """Write a Parquet file under a temporary name, then rename it into place."""
    tmp = temp_name(path)
    with fs.open(tmp, "wb") as fh:
        pq.write_table(table, fh, compression="zstd")
    fs.mv(tmp, path)


def _arrow(rows: list[dict]):
    import datetime as dt

    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "date": pa.date32(), "list": pa.list_(pa.string())}
    schema = pa.schema([pa.field(c, types[k]) for c, k in IDENTITY_COLUMNS])
    data = {}
    for c, k in IDENTITY_COLUMNS:
        values = [r[c] for r in rows]
        data[c] = [dt.date.fromisoformat(v) if v else None for v in values] if k == "date" else values
    return pa.Table.from_pydict(data, schema=schema)
