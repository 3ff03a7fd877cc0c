"""The identities table: one row per archive-wide key (its type, preferred name, aliases, article count, first and
last publication date, the article keys it joins), accumulated from records whose keys `link` has resolved.

`link_two_passes(read)` runs the name table over any source of records that can be read twice; the archive
outputs (newskit/archive/identities.py) feed it their parts. Nothing here reads or writes files.
"""
from __future__ import annotations

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
