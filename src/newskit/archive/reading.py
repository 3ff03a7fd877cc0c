"""Turn one shard into article sources through newskit's own reader, so records match a plain `--jsonl` run.

Local JSONL files and article files go straight to `newskit.read_inputs`; compressed or remote JSONL is streamed
through the same line reader (bounded lines, named by the shard's path); Parquet rows become sources directly (the
text column as "text", the id column as "id", the other columns carried into "meta", values keeping their types),
so every check and error code is the reader's. An id-less line or row gets the id PATH:LINE (PATH:ROW), so lines
of different files never share an id in a table."""
from __future__ import annotations

import io
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import replace

from newskit.archive.errors import ShardError
from newskit.archive.shards import Shard
from newskit.archive.storage import filesystem, is_url
from newskit.errors import InputError
from newskit.io.inputs import (
    DEFAULT_MAX_BYTES,
    Source,
    decode,
    read_inputs,
    read_jsonl_stream,
    source_from_object,
    source_from_text,
)

PARQUET_BATCH = 512


def read_shard(shard: Shard, *, input_format: str = "auto", published: str | None = None,
               max_bytes: int = 50 * 1024 * 1024, text_column: str = "text",
               id_column: str | None = None) -> Iterator[Source]:
    """Yield the sources of one shard in order; raise ShardError when the shard cannot be read at all."""
    if shard.kind == "parquet":
        yield from _parquet_sources(shard, published, max_bytes, text_column, id_column, input_format)
    elif shard.kind == "jsonl":
        yield from _jsonl_sources(shard, published, max_bytes)
    else:
        yield from _file_sources(shard, input_format, published, max_bytes)


def _open_stream(shard: Shard):
    path = shard.paths[0]
    fs = filesystem(path)
    raw = fs.open(path, "rb")
    if shard.compression == "gzip":
        import gzip

        return gzip.GzipFile(fileobj=raw, mode="rb")
    if shard.compression == "zstd":
        try:
            import zstandard
        except ImportError:
            raw.close()
            raise ShardError("reading .zst needs the zstandard package (pip install zstandard)") from None
        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw, closefd=True))
    return raw


def _jsonl_sources(shard: Shard, published, max_bytes) -> Iterator[Source]:
    path = shard.paths[0]
    if not is_url(path) and shard.compression is None:
        yield from read_inputs([path], input_format="jsonl", published=published, max_bytes=max_bytes,
                               qualified_ids=True)
        return
    try:
        stream = _open_stream(shard)
    except FileNotFoundError:
        yield Source(path, error=InputError("not-found", "no such file or directory"))
        return
    with stream:
        try:
            yield from read_jsonl_stream(stream, path, published=published, max_bytes=max_bytes,
                                         qualified_ids=True)
        except InputError as exc:  # the file as a whole is not JSON Lines (an image, UTF-16)
            yield Source(path, error=exc)
        except (OSError, EOFError, zlib.error) as exc:  # BadGzipFile is an OSError; a cut-off file an EOFError
            raise ShardError(f"cannot decompress {shard.compression} ({exc or 'file ends early'})") from exc
        except Exception as exc:
            if exc.__class__.__name__ == "ZstdError":
                raise ShardError(f"cannot decompress zstd ({exc})") from exc
            raise


def _file_sources(shard: Shard, input_format, published, max_bytes) -> Iterator[Source]:
    local = [p for p in shard.paths if not is_url(p)]
    if local:
        yield from read_inputs(local, input_format=input_format, published=published, max_bytes=max_bytes)
    for path in shard.paths:
        if not is_url(path):
            continue
        fmt = input_format if input_format != "auto" else "html" if path.lower().endswith((".html", ".htm")) \
            else "text"
        fs = filesystem(path)
        try:
            size = fs.info(path).get("size") or 0
            if size > max_bytes:
                raise InputError("too-large", f"file is {size} bytes, over the --max-bytes limit of {max_bytes}")
            with fs.open(path, "rb") as fh:
                text = decode(fh.read(max_bytes + 1))
        except FileNotFoundError:
            yield Source(path, format=fmt, error=InputError("not-found", "no such file or directory"))
            continue
        except InputError as exc:
            yield Source(path, format=fmt, error=exc)
            continue
        yield replace(source_from_text(text, id=path, format=fmt), default_published=published)


def _parquet_sources(shard, published, max_bytes, text_column, id_column, input_format) -> Iterator[Source]:
    import pyarrow.parquet as pq

    path = shard.paths[0]
    fs = filesystem(path)
    with fs.open(path, "rb") as fh:
        try:
            pf = pq.ParquetFile(fh)
        except Exception as exc:  # pyarrow raises ArrowInvalid (a ValueError) or OSError for a non-Parquet file
            raise ShardError(f"not a readable Parquet file ({exc})") from exc
        names = pf.schema_arrow.names
        for col, flag in ((text_column, "--text-column"), (id_column, "--id-column")):
            if col is not None and col not in names:
                raise ShardError(f"no column {col!r} (columns: {', '.join(names)}); choose one with {flag}")
        key = "html" if input_format == "html" or text_column == "html" else "text"
        renames = {text_column: key, **({id_column: "id"} if id_column else {})}
        rows = (row for batch in pf.iter_batches(batch_size=PARQUET_BATCH) for row in batch.to_pylist())
        yield from read_objects((_renamed_row(row, renames) for row in rows), path, published=published,
                                max_bytes=max_bytes)


def _renamed_row(row: dict, renames: dict) -> dict:
    # A column already named like a renamed one ("text" beside --text-column body) would clash: it is dropped.
    return {renames.get(k, k): v for k, v in row.items() if k in renames or k not in renames.values()}


def read_objects(objects: Iterable[dict], where: str, *, published: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Source]:
    """Yield the sources of JSONL-like dicts ({"text" or "html", "id"?, "published"?, …}) through newskit's reader
    (no JSON round trip: values keep their types). An id-less object gets the id WHERE:N; messages name WHERE:N."""
    for n, obj in enumerate(objects, 1):
        yield source_from_object(obj, f"{where}:{n}", f"{where}:{n}", published, max_bytes)
