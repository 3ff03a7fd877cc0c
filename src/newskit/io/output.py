"""Checked output: every write to stdout or a file either lands whole or raises OutputError.

A buffered text stream can drop a short write (a full disk) and report nothing until interpreter exit, if then;
writing the encoded bytes straight to the file descriptor, in a loop until all are written, sees every error."""
from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from pathlib import Path

from newskit.errors import OutputError


class Output:
    """Write text to a stream (default stdout), checking every write: a full disk or closed file raises OutputError."""

    def __init__(self, stream=None):
        self.stream = stream if stream is not None else sys.stdout
        try:
            self.stream.flush()  # anything already buffered goes first
            self.fd = self.stream.fileno()
        except (AttributeError, ValueError, io.UnsupportedOperation):
            self.fd = None  # an in-memory stream (tests): it has no disk to fill
        except OSError as exc:
            raise _failed(exc) from None

    def write(self, data: str | bytes) -> None:
        """Write all of `data` (str is written as UTF-8) or raise OutputError; BrokenPipeError passes through."""
        try:
            if self.fd is None:
                self.stream.write(data if isinstance(data, str) else data.decode("utf-8"))
                self.stream.flush()
                return
            view = memoryview(data.encode("utf-8") if isinstance(data, str) else data)
            while view:
                view = view[os.write(self.fd, view):]
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _failed(exc) from None


def _failed(exc: OSError) -> OutputError:
    return OutputError(f"writing output: {exc.strerror or exc}")


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write a file whole or not at all: into a fresh temporary file beside it, then renamed over it.

    The temporary name is random and created with O_EXCL (tempfile.mkstemp), so a file or symlink planted in the
    folder is never written through; on any failure the temporary file is removed and OutputError raised."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
