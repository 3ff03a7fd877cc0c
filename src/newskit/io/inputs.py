"""Turn paths, directories, stdin and JSON Lines into article sources, lazily and one at a time.

A failed input is not an exception: it becomes a `Source` whose `error` is set, so a batch goes on."""
from __future__ import annotations

import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from newskit.dates.isodate import read_date
from newskit.errors import InputError
from newskit.record import Article

ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".jsonl"}
FORMATS = ("auto", "text", "html", "jsonl")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# JSONL values nested deeper than this are refused: metadata that deep is a mistake or an attack, and every
# consumer of the record (ours included) would recurse through it.
MAX_DEPTH = 64
_SURROGATE = re.compile("[\ud800-\udfff]")
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
# Magic numbers of formats people feed by mistake (images, archives, documents).
_MAGIC = ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
          (b"\x1f\x8b", "a gzip archive"), (b"PK\x03\x04", "a zip archive"), (b"%PDF", "a PDF document"),
          (b"BZh", "a bzip2 archive"), (b"\x7fELF", "an executable"), (b"RIFF", "a RIFF media file"),
          (b"\xfd7zXZ", "an xz archive"), (b"7z\xbc\xaf", "a 7z archive"))


@dataclass(frozen=True)
class Source:
    """One article to process: its id, decoded text, input format and carried metadata, or the error it gave."""

    id: str
    text: str | None = None
    format: str = "text"
    published: str | None = None
    meta: dict = field(default_factory=dict)
    error: InputError | None = None
    article: Article | None = None  # an Article already recovered (HTML pages), else parsed from `text`
    default_published: str | None = None  # --published: used only when neither the record nor the text has a date


def source_from_text(text: str, id: str = "-", published: str | None = None, format: str = "text") -> Source:
    """Wrap an in-memory article text as a Source (checked like any other input, lone surrogates replaced)."""
    text, id = clean_text(text), clean_text(id)
    try:
        _check_text(text)
    except InputError as exc:
        return Source(id, format=format, error=exc)
    return Source(id, text, format, published)


def clean_text(text: str) -> str:
    """Replace lone surrogates (which JSON escapes can carry, and UTF-8 cannot encode) with U+FFFD.

    One code point stands in for one, so every offset into the cleaned text is an offset into the original."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def clean_value(value, depth: int = 0):
    """Return a JSON value with lone surrogates replaced in every string; refuse nesting over MAX_DEPTH levels."""
    if depth > MAX_DEPTH:
        raise InputError("bad-jsonl", f"not accepted: nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_value(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {clean_text(k): clean_value(v, depth + 1) for k, v in value.items()}
    return value


def decode(data: bytes) -> str:
    """Decode an article file's bytes: BOMs honoured and dropped, UTF-8 first, else a detected legacy charset."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError("undecodable", f"invalid {enc} after its byte-order mark ({exc.reason})") from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError("binary", f"binary file ({what}), not article text")
    if b"\x00" in data[:8192]:
        raise InputError("binary", "binary file (contains NUL bytes), not article text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    # Legacy English news is overwhelmingly Windows-1252; the detector alone picks cp852/cp1250 for short texts
    # that decode cleanly as cp1252, so cp1252 wins whenever it reads without mess (as browsers default to it).
    western = from_bytes(data, cp_isolation=["cp1252"]).best()
    best = western if western is not None and western.chaos <= 0.1 else from_bytes(data).best()
    if best is None:
        raise InputError("undecodable", "cannot detect the text encoding (binary or unknown charset)")
    text = str(best)
    if _control_share(text) > 0.05:
        raise InputError("binary", "binary file (mostly control characters), not article text")
    return text


def _control_share(text: str) -> float:
    sample = text[:8192]
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v")
    return bad / max(len(sample), 1)


def _check_text(text: str) -> None:
    if not text.strip():
        raise InputError("empty", "empty article (no text)" if not text else "article has only whitespace")


def _check_published(value, where: str = "") -> str | None:
    if value in (None, ""):
        return None
    day = read_date(value)
    if day is None:
        raise InputError("bad-date", f"{where + ': ' if where else ''}published {value!r} is not a YYYY-MM-DD date")
    return day.isoformat()


def _format_for(path: str, input_format: str) -> str:
    if input_format != "auto":
        return input_format
    suffix = Path(path).suffix.lower()
    return "jsonl" if suffix == ".jsonl" else "html" if suffix in (".html", ".htm") else "sniff"


_HTML_START = re.compile(r"^\ufeff?\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html\b|<html\b)", re.I | re.S)


def looks_like_html(text: str) -> bool:
    """Tell whether a text is a saved web page: it opens with <!DOCTYPE html> or <html> (after comments)."""
    return bool(_HTML_START.match(text[:4096]))


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError("too-large", f"file is {size} bytes, over the --max-bytes limit of {max_bytes}")
        with path.open("rb") as fh:  # pipes and devices report size 0: read no more than the limit allows
            data = fh.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError("too-large", f"input is over the --max-bytes limit of {max_bytes}")
        return data
    except FileNotFoundError:
        raise InputError("not-found", "no such file or directory") from None
    except PermissionError:
        raise InputError("unreadable", "permission denied") from None
    except IsADirectoryError:
        raise InputError("unreadable", "is a directory") from None
    except OSError as exc:
        raise InputError("unreadable", exc.strerror or str(exc)) from None


def _article_files(folder: str) -> list[str]:
    # os.path keeps the folder as the user wrote it ("./dir/a.txt"); pathlib would drop the "./".
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.join(root, f) for f in sorted(files)
                  if not f.startswith(".") and Path(f).suffix.lower() in ARTICLE_SUFFIXES]
    return found


# A JSONL stream is given up after this many blank lines in a row (a compressed file of nothing but newlines would
# otherwise keep a worker busy for minutes), and an over-long line is skipped to its end only this far.
MAX_BLANK_RUN = 100_000
MAX_SKIP = 256 * 1024 * 1024


def _bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | int]:
    """Yield each line of a binary stream, or for a line over `limit` bytes its length (an int): such a line is
    read past in 1 MB steps, never held whole, so a decompression bomb of one endless line stays small."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        del line
        while size <= limit + MAX_SKIP:
            chunk = stream.readline(1 << 20)
            size += len(chunk)
            if not chunk or chunk.endswith(b"\n"):
                break
        yield size


def _no_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def _jsonl_sources(stream: BinaryIO, where: str, published: str | None, max_bytes: int = DEFAULT_MAX_BYTES,
                   qualified_ids: bool = False) -> Iterator[Source]:
    """Yield a Source per non-blank line of a JSON Lines stream. An id-less line's id is its line number, or with
    `qualified_ids` WHERE:LINE (archive outputs, where lines of many files meet in one table)."""
    blank = 0
    for n, raw in enumerate(_bounded_lines(stream, max_bytes), 1):
        sid = f"{where}:{n}" if qualified_ids else str(n)
        if isinstance(raw, int):
            blank = 0
            exc = InputError("too-large", f"line is over the --max-bytes limit of {max_bytes}", f"{where}:{n}")
            yield Source(sid, error=exc)
            if raw > max_bytes + MAX_SKIP:
                yield Source(f"{sid}+", error=InputError("too-large", f"line {n} runs on for over "
                             f"{MAX_SKIP >> 20} MB; the rest of the file is not read", f"{where}:{n}"))
                return
            continue
        if not raw.strip(b"\xef\xbb\xbf \t\r\n"):
            blank += 1
            if blank > MAX_BLANK_RUN:
                yield Source(sid, error=InputError("bad-jsonl", f"over {MAX_BLANK_RUN:,} blank lines in a row; "
                                                   "the rest of the file is not read", f"{where}:{n}"))
                return
            continue
        blank = 0
        try:
            try:
                obj = json.loads(raw.decode("utf-8-sig"), parse_constant=_no_constant)
            except RecursionError:
                raise InputError("bad-jsonl", "not valid JSON (nested too deeply)") from None
            except (UnicodeDecodeError, ValueError) as exc:
                why = str(exc) if "is not JSON" in str(exc) else exc.__class__.__name__
                raise InputError("bad-jsonl", f"not valid JSON ({why})") from None
            if not isinstance(obj, dict):
                raise InputError("bad-jsonl", "not a JSON object")
        except InputError as exc:
            exc.where = f"{where}:{n}"
            yield Source(sid, error=exc)
            continue
        yield source_from_object(obj, sid, f"{where}:{n}", published, max_bytes)


def _object_id(value, default: str) -> str:
    if value is None:
        return default
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return clean_text(str(value))
    if isinstance(value, bytes):
        return clean_text(value.decode("utf-8", "replace"))
    try:
        return clean_text(json.dumps(clean_value(value), ensure_ascii=False, default=str))
    except (ValueError, InputError):
        return default


def source_from_object(obj: dict, default_id: str, where: str, published: str | None = None,
                       max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Return the Source of one JSONL-like object ({"text" or "html", "id"?, "published"?, other keys → meta}).

    Objects need not come from JSON: a Parquet row's values keep their types (a NaN stays a float in meta; bytes
    of a text column are decoded like a file, or refused as binary; timestamps and decimals become strings)."""
    sid = _object_id(obj.get("id"), default_id)
    try:
        obj = clean_value({k: _plain(k, v) for k, v in obj.items()})
        body = obj.get("text")
        fmt = "text"
        if body is None and isinstance(obj.get("html"), str):
            body, fmt = obj["html"], "html"
        if not isinstance(body, str):
            raise InputError("no-text", "has no \"text\" string")
        if len(body) > max_bytes // 4 and len(body.encode("utf-8", "surrogatepass")) > max_bytes:
            raise InputError("too-large", f"text is over the --max-bytes limit of {max_bytes}")
        _check_text(body)
        pub = _check_published(obj.get("published"))
        used = ("id", "published", "text" if fmt == "text" else "html")
        meta = {k: v for k, v in obj.items() if k not in used}
        return Source(sid, body, fmt, pub, meta, default_published=published)
    except InputError as exc:
        exc.where = where
        return Source(sid, error=exc)


def _plain(key: str, value):
    """Return a value as the record can hold it: bytes of the text decoded (or refused), other bytes as UTF-8
    text, values JSON has no type for (timestamps, decimals) as strings."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        if key in ("text", "html"):
            return decode(data)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("binary", f"column {key!r} holds binary data, not UTF-8 text") from None
    if isinstance(value, dict):
        return {str(k): _plain(key, v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(key, v) for v in value]
    return str(value)


def _file_sources(path: Path, shown: str, fmt: str, published: str | None, max_bytes: int,
                  qualified_ids: bool = False) -> Iterator[Source]:
    if fmt == "jsonl":
        try:
            fh = path.open("rb")
        except OSError as exc:
            yield Source(shown, error=InputError("not-found" if isinstance(exc, FileNotFoundError)
                                                 else "unreadable", exc.strerror or str(exc)))
            return
        with fh:
            try:
                check_jsonl_head(fh.peek(64)[:64])
            except InputError as exc:
                yield Source(shown, format=fmt, error=exc)
                return
            yield from _jsonl_sources(fh, shown, published, max_bytes, qualified_ids)
        return
    try:
        text = decode(_read_bytes(path, max_bytes))
        if fmt == "sniff":  # auto mode, no telling suffix: a page saved as "story" or "page.txt" is still HTML
            fmt = "html" if looks_like_html(text) else "text"
        _check_text(text)
    except InputError as exc:
        yield Source(shown, format="text" if fmt == "sniff" else fmt, error=exc)
        return
    yield Source(shown, text, fmt, default_published=published)


def check_jsonl_head(head: bytes) -> None:
    """Refuse a JSON Lines file as a whole only when it is plainly something else: UTF-16/32 text, an image, an
    archive, a document. Anything else is read line by line: a bad line (a bare `42`, NUL bytes) is that line's
    error record and the good lines still run."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        raise InputError("undecodable", "JSON Lines must be UTF-8 (this file is UTF-16 or UTF-32)")
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise InputError("binary", f"binary file ({what}), not JSON Lines")


def _stdin_sources(stream: BinaryIO, fmt: str, published: str | None, max_bytes: int) -> Iterator[Source]:
    if fmt == "auto":
        head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
        fmt = "jsonl" if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") else "sniff"
    if fmt == "jsonl":
        yield from _jsonl_sources(stream, "stdin", published, max_bytes)
        return
    data = stream.read(max_bytes + 1)
    try:
        if len(data) > max_bytes:
            raise InputError("too-large", f"input is over the --max-bytes limit of {max_bytes}")
        text = decode(data)
        if fmt == "sniff":  # `cat page.html | newskit parse`
            fmt = "html" if looks_like_html(text) else "text"
        _check_text(text)
    except InputError as exc:
        yield Source("-", format="text" if fmt == "sniff" else fmt, error=exc)
        return
    yield Source("-", text, fmt, default_published=published)


def read_jsonl_stream(stream: BinaryIO, where: str, *, published: str | None = None,
                      max_bytes: int = DEFAULT_MAX_BYTES, qualified_ids: bool = False) -> Iterator[Source]:
    """Yield the Sources of a JSON Lines byte stream (a decompressed or remote file) named `where` in messages."""
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream) if isinstance(stream, io.RawIOBase) else stream
    check_jsonl_head(stream.peek(64)[:64] if hasattr(stream, "peek") else b"")
    yield from _jsonl_sources(stream, where, published, max_bytes, qualified_ids)


def read_inputs(inputs: Iterable[str], *, input_format: str = "auto", published: str | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None,
                qualified_ids: bool = False) -> Iterator[Source]:
    """Yield one Source per article in `inputs` (files, directories, "-"), in order, reading each only when asked.

    `qualified_ids`: an id-less JSONL line gets the id PATH:LINE instead of its line number (archive outputs)."""
    if published is not None:
        published = _check_published(published, "--published")
    for item in inputs:
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            if not hasattr(stream, "peek"):
                stream = io.BufferedReader(stream) if isinstance(stream, io.RawIOBase) else stream
            yield from _stdin_sources(stream, input_format, published, max_bytes)
            continue
        path = Path(item)
        if path.is_dir():
            files = _article_files(item)
            if not files:
                yield Source(item, error=InputError("no-articles", "directory holds no article files "
                                                    f"({', '.join(sorted(ARTICLE_SUFFIXES))})"))
            for f in files:
                yield from _file_sources(Path(f), f, _format_for(f, input_format), published, max_bytes,
                                         qualified_ids)
            continue
        yield from _file_sources(path, item, _format_for(item, input_format), published, max_bytes, qualified_ids)
