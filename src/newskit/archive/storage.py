"""Where shards are read from and written to: local paths through os, URLs (s3://, gs://, hdfs://…) through fsspec.

Local paths keep the spelling the user gave ("./dir/a.txt"), as `newskit.read_inputs` does, so archive records
carry the same ids as a plain `--jsonl` run. fsspec is needed only for URLs."""
from __future__ import annotations

import contextlib
import glob as _glob
import os
import uuid

from newskit.archive.errors import ArchiveError, missing_extra

GLOB_CHARS = "*?["


def is_url(path: str) -> bool:
    """Tell whether `path` names a remote filesystem (anything with a protocol other than file://)."""
    return "://" in path and not path.startswith("file://")


class LocalFS:
    """The few filesystem operations the archive needs, on local paths, with fsspec's method names."""

    protocol = "file"

    def glob(self, pattern: str) -> list[str]:
        return sorted(_glob.glob(pattern, recursive=True))

    def isdir(self, path: str) -> bool:
        return os.path.isdir(path)

    def exists(self, path: str) -> bool:
        return os.path.exists(path)

    def find(self, folder: str) -> list[str]:
        found = []
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += [os.path.join(root, f) for f in sorted(files) if not f.startswith(".")]
        return found

    def info(self, path: str) -> dict:
        st = os.stat(path)
        return {"size": st.st_size, "mtime": st.st_mtime_ns}

    def open(self, path: str, mode: str = "rb"):
        return open(path, mode)

    def makedirs(self, path: str, exist_ok: bool = True) -> None:
        os.makedirs(path, exist_ok=exist_ok)

    def mv(self, src: str, dst: str) -> None:
        os.replace(src, dst)

    def rm(self, path: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.remove(path)

    def ls(self, folder: str) -> list[str]:
        try:
            return sorted(os.path.join(folder, f) for f in os.listdir(folder))
        except FileNotFoundError:
            return []


def filesystem(path: str):
    """Return the filesystem object for `path`: LocalFS for local paths, an fsspec filesystem for URLs."""
    if not is_url(path):
        return LocalFS()
    try:
        import fsspec
    except ImportError:
        raise missing_extra(f"{path}: reading URLs") from None
    try:
        fs, _ = fsspec.core.url_to_fs(path)
    except (ImportError, ValueError) as exc:
        raise ArchiveError(f"{path}: no filesystem for this URL ({exc})") from None
    return fs


def shown(fs, path: str) -> str:
    """Return `path` as records and messages show it: a full URL for remote files, as given for local ones."""
    if isinstance(fs, LocalFS):
        return path
    return fs.unstrip_protocol(path)


def join(root: str, *parts: str) -> str:
    """Join path parts with "/" for URLs and os.sep for local paths."""
    return "/".join([root.rstrip("/"), *parts]) if is_url(root) else os.path.join(root, *parts)


def write_atomic(fs, path: str, data: bytes) -> None:
    """Write `data` to `path` through a temporary name in the same folder, then rename it into place."""
    tmp = temp_name(path)
    with fs.open(tmp, "wb") as fh:
        fh.write(data)
    fs.mv(tmp, path)


TEMP_MARK = ".newskit-tmp-"


def temp_name(path: str) -> str:
    """Return a hidden temporary name beside `path` that no glob like 'part-*.parquet' matches."""
    head, _, name = path.rpartition("/" if is_url(path) else os.sep)
    return f"{head}{'/' if is_url(path) else os.sep}.{name}{TEMP_MARK}{uuid.uuid4().hex[:12]}" if head else \
        f".{name}{TEMP_MARK}{uuid.uuid4().hex[:12]}"
