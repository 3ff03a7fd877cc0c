"""`newskit link` as a stream: two passes over JSON Lines records, in memory only what the name table holds.

Pass 1 reads each record's entities into the name table; pass 2 reads the records again and writes them with the
archive's keys. A line whose keys stay as they are is written exactly as read (error records always), and one
whose keys change has only its `"key":"..."` values replaced, so a record is never re-encoded: the article text,
the bulk of a line, is neither decoded nor written anew. Records in newskit's own layout (compact, `id` first)
have only their entities array decoded; any other JSON object is decoded whole. stdin is spooled to a temporary
file for the second pass.
"""
from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO

from newskit.errors import InputError
from newskit.identity.link import NameTable, local_key

_ENTITIES = ',"entities":['
_DECODER = json.JSONDecoder()


def link_file(path: str, out, *, stdin: IO[str] | None = None) -> NameTable:
    """Write the records of the JSON Lines file `path` ("-": `stdin`) to `out` (anything with `write(str)`) with
    keys resolved over all of them; return the name table."""
    if path != "-":
        with open(path, encoding="utf-8") as first, open(path, encoding="utf-8") as second:
            return link_lines(first, second, out, path)
    src = stdin if stdin is not None else sys.stdin
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        def tee() -> Iterator[str]:
            for line in src:
                spool.write(line)
                yield line

        table = NameTable()
        for _, entities, _ in _read(tee(), "stdin"):
            table.add({"entities": entities})
        spool.seek(0)
        return link_lines((), spool, out, "stdin", table)


def link_lines(first: Iterable[str], second: Iterable[str], out, where: str = "input",
               table: NameTable | None = None) -> NameTable:
    """Write the JSON lines of `second` to `out` with keys resolved over the records of `first` (the same lines,
    read twice; `first` is skipped when `table` already holds them). Blank lines are dropped; a line that is not a
    JSON object raises InputError naming `where` and the line number."""
    if table is None:
        table = NameTable()
        for _, entities, _ in _read(first, where):
            table.add({"entities": entities})
    table.resolve()
    for line, entities, record in _read(second, where):
        line = line.rstrip("\r\n")
        news: dict[str, set[str]] = {}
        stale: set[str] = set()
        for e, new in zip(entities, table.keys_of(entities), strict=True):
            old = local_key(e)
            news.setdefault(old, set()).add(new)
            if new != e.get("key"):
                stale.add(old)
        if stale:
            # one key that becomes two in this record (a name of two places, each resolved) is no plain replace
            changes = {old: next(iter(news[old])) if len(news[old]) == 1 else None for old in stale}
            patched = _patched(line, entities, changes)
            if patched is None:
                record = record if record is not None else json.loads(line)
                table.rewrite(record)
                patched = compact(record)
            line = patched
        out.write(line + "\n")
    return table


def compact(obj: dict) -> str:
    """Return a JSON object as one compact line, as `--jsonl` writes records."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _patched(line: str, entities: list[dict], changes: dict[str, str | None]) -> str | None:
    """Return `line` with each changed key's `"key":"..."` replaced, or None when the line does not hold them
    exactly once per entity carrying them (another layout, or an entity without a key) or a key changes two ways
    (None)."""
    for old, new in changes.items():
        if new is None:
            return None
        carrying = sum(1 for e in entities if e.get("key") == old)
        needle = '"key":' + json.dumps(old, ensure_ascii=False)
        if not carrying or line.count(needle) != carrying or sum(1 for e in entities if local_key(e) == old) != \
                carrying:
            return None
        line = line.replace(needle, '"key":' + json.dumps(new, ensure_ascii=False))
    return line


def _read(lines: Iterable[str], where: str) -> Iterator[tuple[str, list[dict], dict | None]]:
    """Yield (line, its entities, the whole record when it was decoded) for every non-blank line."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        at = line.find(_ENTITIES) if line.startswith('{"id":') else -1
        if at > 0 and line.find('"meta":', 0, at) < 0:
            try:
                entities, _ = _DECODER.raw_decode(line, at + len(_ENTITIES) - 1)
            except json.JSONDecodeError:
                entities = None
            if isinstance(entities, list) and all(isinstance(e, dict) for e in entities):
                yield line, entities, None
                continue
        record = _parse(line, where, n)
        ents = record.get("entities") if "error" not in record else None
        yield line, [e for e in ents if isinstance(e, dict)] if isinstance(ents, list) else [], record


def _parse(line: str, where: str, n: int) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError("bad-record", f"{where}:{n}: not a JSON record ({exc.msg})", f"{where}:{n}") from None
    if not isinstance(record, dict):
        raise InputError("bad-record", f"{where}:{n}: not a JSON object", f"{where}:{n}")
    return record
