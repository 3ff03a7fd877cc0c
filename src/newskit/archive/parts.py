"""Write one shard's records as an output part, complete or absent: temporary names first, renamed at the end.

jsonl: PATH/part-NNNNN.jsonl holds exactly the `--jsonl` lines. parquet: PATH/TABLE/part-NNNNN.parquet for each
table the command fills; the articles file is renamed last, so its presence means the part is complete."""
from __future__ import annotations

import dataclasses
import json
import math
import re
from collections.abc import Iterable, Iterator

from newskit.archive.manifest import MANIFEST
from newskit.archive.storage import TEMP_MARK, filesystem, join, temp_name
from newskit.archive.tables import COMMAND_TABLES, arrow_schema, arrow_table, rows
from newskit.errors import OutputError
from newskit.output.render import to_jsonl as render
from newskit.record import AnyRecord, ErrorRecord, Record

_PART = re.compile(r"part-\d{5,}\.(?:jsonl|parquet)$")

# Records buffered before a Parquet row group is written: bounds a worker's memory on huge shards.
ROW_GROUP_RECORDS = 500


def part_name(part: int) -> str:
    """Return the file stem of output part number `part`."""
    return f"part-{part:05d}"


def final_path(out: str, fmt: str, part: int) -> str:
    """Return the file whose presence marks part `part` as complete (sqlite: the spool part, in JSONL)."""
    if fmt == "parquet":
        return join(out, "articles", part_name(part) + ".parquet")
    return join(out, part_name(part) + ".jsonl")


def to_jsonl(record: AnyRecord) -> str:
    """Return a record as one compact JSON line, the same bytes `newskit --jsonl` writes (a NaN or infinity in
    `meta`, as a Parquet float column may hold, is written as null: JSON has no such numbers)."""
    try:
        return render(record)
    except ValueError:
        return render(finite(record))


def finite(record: AnyRecord) -> AnyRecord:
    """Return a record whose `meta` has every non-finite float (NaN, ±inf) replaced by None, for outputs written
    as JSON (`meta` is the only part of a record that holds the input's own numbers)."""
    if isinstance(record, Record) and record.meta:
        return dataclasses.replace(record, meta=_finite(record.meta))
    return record


def _finite(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def _failed(what: str, exc: OSError) -> OutputError:
    return OutputError(f"writing {what}: {exc.strerror or exc}")


def write_part(records: Iterable[AnyRecord], out: str, fmt: str, command: str, part: int) -> tuple[int, int]:
    """Write `records` as part `part` of the output folder; return (records, errors). Nothing is left half
    written: a failed write (a full disk) removes the temporary file and raises OutputError, which ends the run.

    sqlite: the part is a spool the run commits to the database, one line per record holding its table rows
    (`spooled`), so the worker does the conversion and the run's memory is bounded by a batch of rows."""
    if fmt == "parquet":
        try:
            return _write_parquet(records, out, command, part)
        except OSError as exc:
            raise _failed(join(out, "*", part_name(part) + ".parquet"), exc) from None
    fs = filesystem(out)
    path = final_path(out, fmt, part)
    tmp = temp_name(path)
    n = failed = 0
    try:
        with fs.open(tmp, "wb") as fh:
            for rec in records:
                n += 1
                failed += isinstance(rec, ErrorRecord)
                line = to_jsonl(rec) if fmt != "sqlite" else spool_line(rec)
                fh.write((line + "\n").encode("utf-8"))
        fs.mv(tmp, path)
    except OSError as exc:
        raise _failed(path, exc) from None
    finally:
        if fs.exists(tmp):
            fs.rm(tmp)
    return n, failed


def _write_parquet(records, out, command, part) -> tuple[int, int]:
    import pyarrow.parquet as pq

    fs = filesystem(out)
    tables = COMMAND_TABLES[command]
    finals = {t: join(out, t, part_name(part) + ".parquet") for t in tables}
    temps = {t: temp_name(p) for t, p in finals.items()}
    writers, handles = {}, []
    n = failed = 0
    try:
        for t in tables:
            fs.makedirs(join(out, t), exist_ok=True)
            handles.append(fs.open(temps[t], "wb"))
            writers[t] = pq.ParquetWriter(handles[-1], arrow_schema(t), compression="zstd")
        buffered: dict[str, list[dict]] = {t: [] for t in tables}
        for rec in records:
            n += 1
            failed += isinstance(rec, ErrorRecord)
            for t, table_rows in rows(finite(rec)).items():
                if t in buffered:
                    buffered[t] += table_rows
            if n % ROW_GROUP_RECORDS == 0:
                _flush(writers, buffered)
        _flush(writers, buffered)
        for w in writers.values():
            w.close()  # a table that got no rows is still written, with its schema and zero rows
        for fh in handles:
            fh.close()
        for t in sorted(tables, key=lambda t: t == "articles"):  # articles last: it marks the part complete
            fs.mv(temps[t], finals[t])
    finally:
        for fh in handles:
            fh.close()
        for tmp in temps.values():
            if fs.exists(tmp):
                fs.rm(tmp)
    return n, failed


def _flush(writers, buffered) -> None:
    for t, batch in buffered.items():
        if batch:
            writers[t].write_table(arrow_table(t, batch))
        buffered[t] = []


def count_part(out: str, fmt: str, part: int) -> tuple[int, int]:
    """Return (records, errors) of a complete part, read back (for parts finished by an interrupted run)."""
    fs = filesystem(out)
    path = final_path(out, fmt, part)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        with fs.open(path, "rb") as fh:
            codes = pq.read_table(fh, columns=["error_code"]).column("error_code")
        return len(codes), len(codes) - codes.null_count
    n = failed = 0
    with fs.open(path, "rb") as fh:
        for line in fh:
            n += 1
            failed += "error" in json.loads(line)
    return n, failed


def spool_line(record: AnyRecord) -> str:
    """Return the spool line of a record for an SQLite run: its id, whether it is an error, its table rows."""
    return json.dumps({"id": record.id, "error": isinstance(record, ErrorRecord), "rows": rows(finite(record))},
                      ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def read_part(path: str) -> Iterator[dict]:
    """Yield the lines of a JSONL part (records, or an SQLite spool's), one line at a time."""
    with filesystem(path).open(path, "rb") as fh:
        for line in fh:
            yield json.loads(line)


def clear(out: str) -> None:
    """Delete every part and the manifest of an output folder (--overwrite), found by name: a manifest that was
    edited or damaged cannot make parts survive, nor files other than parts go."""
    fs = filesystem(out)
    for folder in [out] + [join(out, t) for t in COMMAND_TABLES["analyze"]]:
        if fs.isdir(folder):
            for f in fs.ls(folder):
                f = f if isinstance(f, str) else f["name"]
                if _PART.fullmatch(f.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]):
                    fs.rm(f)
    if fs.exists(join(out, MANIFEST)):
        fs.rm(join(out, MANIFEST))


def remove_temps(out: str) -> None:
    """Delete temporary files left by runs that were killed (every writer of this folder has stopped)."""
    fs = filesystem(out)
    folders = [out] + [join(out, t) for t in COMMAND_TABLES["analyze"]]
    for folder in folders:
        if fs.isdir(folder):
            for f in fs.ls(folder):
                f = f if isinstance(f, str) else f["name"]
                if TEMP_MARK in f.rsplit("/", 1)[-1]:
                    fs.rm(f)
