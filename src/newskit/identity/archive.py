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
a run over new files re-resolves the whole archive from the same evidence as a first run would.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from newskit.entities.keys import split_key
from newskit.identity.link import NameTable, local_key

# (column, type) of the identities table, in the types of newskit.archive.tables.COLUMNS.
IDENTITY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("key", "str"), ("type", "str"), ("name", "str"), ("aliases", "list"), ("articles", "int"),
    ("first_published", "date"), ("last_published", "date"), ("keys", "list"))
# Aliases listed per identity at most (the commonest first): a name written a thousand ways is still one row.
MAX_ALIASES = 50


@dataclass
class _Identity:
    articles: int = 0
    first: str | None = None
    last: str | None = None
    names: Counter = field(default_factory=Counter)
    keys: set[str] = field(default_factory=set)


class Identities:
    """Rows of the identities table, accumulated one (already linked) record at a time."""

    def __init__(self) -> None:
        self.seen: dict[str, _Identity] = {}

    def add(self, record: dict, local: dict[str, str] | None = None) -> None:
        """Count a record whose entity keys are the archive's (`local`: entity id -> its article key)."""
        published = (record.get("article") or {}).get("published")
        here: set[str] = set()
        for e in record.get("entities") or ():
            key = e.get("key") or local_key(e)
            ident = self.seen.get(key)
            if ident is None:
                ident = self.seen[key] = _Identity()
            if key not in here:
                here.add(key)
                ident.articles += 1
                if published:
                    ident.first = min(ident.first or published, published)
                    ident.last = max(ident.last or published, published)
            ident.names[e.get("name") or ""] += 2  # the canonical name outweighs an alias written as often
            for a in e.get("aliases") or ():
                ident.names[a] += 1
            ident.keys.add((local or {}).get(e.get("id"), key))

    def rows(self) -> Iterator[dict]:
        """Yield one row per identity, most articles first (then by key)."""
        for key in sorted(self.seen, key=lambda k: (-self.seen[k].articles, k)):
            ident = self.seen[key]
            ranked = sorted(ident.names, key=lambda n: (-ident.names[n], -len(n), n))
            yield {"key": key, "type": split_key(key)[0], "name": ranked[0], "aliases": ranked[1:MAX_ALIASES + 1],
                   "articles": ident.articles, "first_published": ident.first, "last_published": ident.last,
                   "keys": sorted(ident.keys)}


def link_two_passes(read, each=None) -> Identities:
    """Resolve keys over the records `read()` yields (called twice) and return their identities; `each(record)`
    sees every record of the second pass with its keys resolved."""
    table = NameTable()
    for record in read():
        table.add(record)
    table.resolve()
    identities = Identities()
    for record in read():
        local = {e.get("id"): local_key(e) for e in record.get("entities") or ()}
        table.rewrite(record)
        identities.add(record, local)
        if each is not None:
            each(record)
    return identities


def resolve_output(out: str, fmt: str, command: str) -> int | None:
    """Resolve the keys of a finished archive output and write its identities; return how many (None when the
    command writes no entities)."""
    from newskit.archive.tables import COMMAND_TABLES

    if "entities" not in COMMAND_TABLES.get(command, ()):
        return None
    from newskit.identity import stores

    if fmt == "sqlite":
        return stores.resolve_sqlite(out)
    if fmt == "parquet":
        return stores.resolve_parquet(out)
    return _resolve_jsonl(out)


def _resolve_jsonl(out: str) -> int:
    from newskit.archive.storage import filesystem, join, write_atomic
    from newskit.identity.stream import compact

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
