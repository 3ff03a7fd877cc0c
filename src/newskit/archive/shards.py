"""Split archive inputs into shards: the unit of work, of retry and of output (one output part per shard).

A JSONL file (plain, .gz, or .zst) or a Parquet file is one shard; loose article files (.txt, .html…) given
one by one or found in directories are grouped, in order, FILES_PER_SHARD to a shard. Resume is keyed on each
input: loose files already in a part of the output (`known`) keep that part, and only files no part holds are
grouped into new shards, so adding files to a folder never regroups, and never reruns, the old ones. Paths may be
globs and URLs (fsspec)."""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass

from newskit.archive.errors import ArchiveError
from newskit.archive.storage import GLOB_CHARS, LocalFS, filesystem, shown

# Loose article files per shard: enough to keep a worker busy for seconds, few enough to retry cheaply.
FILES_PER_SHARD = 64
JSONL_SUFFIXES = {".jsonl": None, ".jsonl.gz": "gzip", ".jsonl.zst": "zstd", ".ndjson": None,
                  ".ndjson.gz": "gzip", ".ndjson.zst": "zstd"}
ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")


@dataclass(frozen=True)
class Shard:
    """One unit of work: its name as reported, its kind (jsonl, parquet, files), paths and a fingerprint."""

    name: str
    kind: str
    paths: tuple[str, ...]
    fingerprint: str
    compression: str | None = None
    size: int = 0  # bytes of its files, as listed: engines start the largest shards first


def _suffix(path: str) -> str:
    low = path.lower()
    for suffix in sorted(JSONL_SUFFIXES, key=len, reverse=True):
        if low.endswith(suffix):
            return suffix
    for suffix in (".parquet", ".pq") + ARTICLE_SUFFIXES:
        if low.endswith(suffix):
            return suffix
    return ""


def _compression(path: str) -> str | None:
    low = path.lower()
    return "gzip" if low.endswith(".gz") else "zstd" if low.endswith(".zst") else None


def _kind(path: str, input_format: str) -> str:
    suffix = _suffix(path)
    if suffix in (".parquet", ".pq"):
        return "parquet"
    if input_format == "jsonl" or suffix in JSONL_SUFFIXES:
        return "jsonl"
    return "files"


def _fingerprint(fs, paths) -> tuple[str, int]:
    """Return a hash of the paths with their sizes and modification times (so a changed input is redone on
    resume), and their total size in bytes."""
    parts = []
    for p in paths:
        try:
            info = fs.info(p)
        except (OSError, FileNotFoundError):
            info = {}
        stamp = next((info[k] for k in ("mtime", "LastModified", "last_modified", "updated", "ETag") if k in info),
                     None)
        parts.append([p, info.get("size"), str(stamp)])
    size = sum(p[1] for p in parts if isinstance(p[1], int))
    return hashlib.sha1(json.dumps(parts).encode()).hexdigest()[:16], size


def _inside(path: str, folder: str | None) -> bool:
    if not folder:
        return False
    if "://" not in path:
        path, folder = os.path.abspath(path), os.path.abspath(folder)
    return path == folder or path.startswith(folder.rstrip("/" + os.sep) + ("/" if "://" in path else os.sep))


def _expand(item: str) -> list[tuple[object, str]]:
    """Return (filesystem, path) for every file an input names: itself, its glob matches, or a folder's files."""
    fs = filesystem(item)
    if any(c in item for c in GLOB_CHARS):
        found = fs.glob(item)
        if not found:
            raise ArchiveError(f"{item}: no input matches this pattern")
        out = []
        for f in found:
            out += [(fs, g) for g in fs.find(f)] if fs.isdir(f) else [(fs, f)]
        return out
    if fs.isdir(item):
        files = [f for f in fs.find(item) if _suffix(f)]
        if not files:
            raise ArchiveError(f"{item}: folder holds no articles, JSONL or Parquet files")
        return [(fs, f) for f in files]
    return [(fs, item)]  # a missing local file still becomes a shard: its record says "not-found"


def find_shards(inputs, *, input_format: str = "auto", files_per_shard: int = FILES_PER_SHARD,
                exclude: str | None = None, known: dict[str, dict] | None = None) -> list[Shard]:
    """Return the shards of `inputs` (paths, folders, globs, URLs) in input order, each named once.

    Files under `exclude` (the output of the run, when it sits inside an input folder) are left out. `known`: the
    shards of the existing output (name → {"inputs": [...], …}); a known shard of loose files is kept as it was,
    with those of its files still among the inputs (its fingerprint then tells whether it changed)."""
    shards: list[Shard] = []
    loose: list[tuple[object, str]] = []
    seen = set()
    for item in inputs:
        for fs, path in _expand(item):
            key = shown(fs, path)
            if key in seen or _inside(key, exclude):
                continue
            seen.add(key)
            kind = _kind(path, input_format)
            if kind == "files":
                loose.append((fs, key))
                continue
            fingerprint, size = _fingerprint(fs, [path])
            shards.append(Shard(key, kind, (key,), fingerprint, _compression(path), size))
    return shards + _group_loose(loose, known or {}, files_per_shard)


def _group_loose(loose: list[tuple[object, str]], known: dict[str, dict], per_shard: int) -> list[Shard]:
    """Return shards of loose files: the known groups first (same names, so same parts), then the files no known
    shard holds, grouped in input order."""
    where = {path: fs for fs, path in loose}
    shards: list[Shard] = []
    taken: set[str] = set()

    def shard(name: str, paths: list[str]) -> Shard:
        fs = where[paths[0]]
        fingerprint, size = _fingerprint(fs, [_local(fs, p) for p in paths])
        return Shard(name, "files", tuple(paths), fingerprint, size=size)

    for name, entry in known.items():
        members = [p for p in entry.get("inputs") or () if p in where and p not in taken]
        same_fs = [p for p in members if type(where[p]) is type(where[members[0]])] if members else []
        if same_fs:
            taken.update(same_fs)
            shards.append(shard(name, same_fs))
    rest = [(fs, p) for fs, p in loose if p not in taken]
    group: list[str] = []
    for k, (fs, path) in enumerate(rest):
        if group and (len(group) >= per_shard or type(where[group[0]]) is not type(fs)):
            shards.append(_new(shard, group, known))
            group = []
        group.append(path)
        if k == len(rest) - 1:
            shards.append(_new(shard, group, known))
    return shards


def _new(shard, paths: list[str], known: dict) -> Shard:
    name = paths[0] if len(paths) == 1 else f"{paths[0]} (+{len(paths) - 1} files)"
    while name in known:  # a name an older grouping used for other files: keep both parts apart
        name += " (new)"
    return shard(name, paths)


def _local(fs, path: str) -> str:
    """Return the path an fsspec filesystem takes for a path as shown (URLs keep working; local paths are as is)."""
    return path if isinstance(fs, LocalFS) else fs._strip_protocol(path)
