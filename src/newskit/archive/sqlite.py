"""The tables in one SQLite database: keys, indexes on name/type/value, FTS5 over article text and quotes.

Runs add to it: a record whose article id is already there replaces that article's rows (never a duplicate id),
and each input shard is committed in one transaction together with its line in `_newskit_shards`, so a run that
is killed leaves whole shards only and the same command completes the rest."""
from __future__ import annotations

import json
import sqlite3

from newskit.archive.errors import ArchiveError
from newskit.archive.tables import COLUMNS, rows
from newskit.record import ErrorRecord

SQL_TYPES = {"str": "TEXT", "int": "INTEGER", "float": "REAL", "bool": "INTEGER", "date": "TEXT", "list": "TEXT",
             "json": "TEXT"}
KEYS = {
    "entities": "PRIMARY KEY (article_id, entity_id)",
    "dates": "PRIMARY KEY (article_id, date_index)",
    "quotes": "UNIQUE (article_id, quote_index)",
    "events": "PRIMARY KEY (article_id, event_index)",
}
INDEXES = (("entities", "name"), ("entities", "type"), ("mentions", "article_id, entity_id"), ("dates", "value"),
           ("events", "type"), ("quotes", "speaker"), ("articles", "published"))
# Full-text search: external-content FTS5 tables kept in step by triggers (datasette finds and uses them).
FTS = {"articles": ("headline", "text"), "quotes": ("text", "speaker")}


def _q(name: str) -> str:
    return '"' + name + '"'


def _ddl() -> list[str]:
    out = []
    for table, cols in COLUMNS.items():
        defs = []
        if table in ("articles", "quotes", "mentions"):
            defs.append("rowid INTEGER PRIMARY KEY")  # stable rowids for the FTS index
        for name, kind in cols:
            if table == "articles" and name == "id":
                defs.append('"id" TEXT NOT NULL UNIQUE')
            elif name == "article_id":
                defs.append('"article_id" TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE')
            else:
                defs.append(f"{_q(name)} {SQL_TYPES[kind]}")
        if table in KEYS:
            defs.append(KEYS[table])
        out.append(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(defs)})")
    for table, indexed in INDEXES:
        name = f"idx_{table}_{indexed.split(',')[0]}"
        columns = ", ".join(_q(c.strip()) for c in indexed.split(","))
        out.append(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})")
    for table, searched in FTS.items():
        names = ", ".join(searched)
        new = ", ".join(f"new.{c}" for c in searched)
        old = ", ".join(f"old.{c}" for c in searched)
        # content="table" spelled with double quotes: the form datasette looks for to offer a search box.
        out += [f'CREATE VIRTUAL TABLE IF NOT EXISTS {table}_fts USING fts5({names}, content="{table}", '
                f'content_rowid="rowid")',
                f"CREATE TRIGGER IF NOT EXISTS {table}_fts_ai AFTER INSERT ON {table} BEGIN "
                f"INSERT INTO {table}_fts(rowid, {names}) VALUES (new.rowid, {new}); END",
                f"CREATE TRIGGER IF NOT EXISTS {table}_fts_ad AFTER DELETE ON {table} BEGIN "
                f"INSERT INTO {table}_fts({table}_fts, rowid, {names}) VALUES ('delete', old.rowid, {old}); END"]
    out += ["CREATE TABLE IF NOT EXISTS _newskit_settings (key TEXT PRIMARY KEY, value TEXT)",
            "CREATE TABLE IF NOT EXISTS _newskit_shards (name TEXT PRIMARY KEY, part INTEGER, fingerprint TEXT, "
            "inputs TEXT, records INTEGER, errors INTEGER)"]
    return out


def connect(path: str) -> sqlite3.Connection:
    """Open (creating when needed) an archive database with foreign keys enforced."""
    if "://" in path:
        raise ArchiveError(f"{path}: --format sqlite writes a local file")
    try:
        con = sqlite3.connect(path)
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("PRAGMA journal_mode = WAL")
        with con:
            for stmt in _ddl():
                con.execute(stmt)
            _add_new_columns(con)
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"{path}: not a newskit SQLite database ({exc})") from None
    return con


def _add_new_columns(con) -> None:
    """Give a database written by an older newskit the columns added since (columns are only ever added)."""
    for table, cols in COLUMNS.items():
        have = {row[1] for row in con.execute(f"PRAGMA table_info({table})")}
        for name, kind in cols:
            if name not in have:
                con.execute(f"ALTER TABLE {table} ADD COLUMN {_q(name)} {SQL_TYPES[kind]}")


def settings(con) -> dict:
    """Return the settings stored by earlier runs ({} for a new database)."""
    return {k: json.loads(v) for k, v in con.execute("SELECT key, value FROM _newskit_settings")}


def entries(con) -> dict[str, dict]:
    """Return the shards committed so far: name → part, fingerprint, counts."""
    cur = con.execute("SELECT name, part, fingerprint, records, errors FROM _newskit_shards")
    return {n: {"part": p, "fingerprint": f, "records": r, "errors": e, "status": "done"} for n, p, f, r, e in cur}


def save_settings(con, values: dict) -> None:
    """Store the run's settings (the identity later runs are checked against)."""
    with con:
        con.executemany("INSERT OR REPLACE INTO _newskit_settings VALUES (?, ?)",
                        [(k, json.dumps(v)) for k, v in values.items()])


def _value(kind: str, v):
    if v is None:
        return None
    if kind == "list":
        return json.dumps(v, ensure_ascii=False)
    if kind == "bool":
        return int(v)
    return v


def add_shard(con, name: str, part: int, fingerprint: str, inputs, records) -> tuple[int, int]:
    """Insert one shard's records in one transaction (replacing articles already there); return (records, errors)."""
    n = failed = 0
    with con:
        for rec in records:
            n += 1
            failed += isinstance(rec, ErrorRecord)
            con.execute("DELETE FROM articles WHERE id = ?", (rec.id,))
            for table, table_rows in rows(rec).items():
                cols = COLUMNS[table]
                sql = f"INSERT INTO {table} ({', '.join(_q(c) for c, _ in cols)}) VALUES ({', '.join('?' * len(cols))})"
                con.executemany(sql, [tuple(_value(k, r.get(c)) for c, k in cols) for r in table_rows])
        con.execute("INSERT OR REPLACE INTO _newskit_shards VALUES (?, ?, ?, ?, ?, ?)",
                    (name, part, fingerprint, json.dumps(list(inputs)), n, failed))
    return n, failed


def clear(con) -> None:
    """Delete every article and shard (for --overwrite)."""
    with con:
        con.execute("DELETE FROM articles")
        con.execute("DELETE FROM _newskit_shards")
        con.execute("DELETE FROM _newskit_settings")
