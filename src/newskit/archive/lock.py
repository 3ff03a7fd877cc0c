"""The run lock of an output folder or database: one newskit run writes to it at a time.

A lock file beside the output (inside the folder; `.NAME.newskit-lock` beside a database) is held with an
exclusive advisory lock (flock) for the whole run. The kernel releases it when the run ends, however it ends, so a
lock left by a killed run is taken over by the next run without asking; a live run's lock refuses the second run
with one line naming the holder. Outputs on remote filesystems (URLs) are not locked: runs there must not overlap."""
from __future__ import annotations

import contextlib
import os
import socket
import time

from newskit.archive.errors import ArchiveError
from newskit.archive.storage import is_url

LOCK_NAME = ".newskit.lock"


def lock_path(output: str, folder: bool) -> str:
    """Return the lock file of an output folder (inside it) or of a database file (a hidden file beside it)."""
    if folder:
        return os.path.join(output, LOCK_NAME)
    head, name = os.path.split(output)
    return os.path.join(head, f".{name}.newskit-lock")


class RunLock:
    """An exclusive lock on an output for the life of a run (release() or process exit ends it)."""

    def __init__(self, output: str, folder: bool):
        self.fd: int | None = None
        if is_url(output):
            return
        try:
            import fcntl
        except ImportError:  # no advisory locks here (Windows): runs must not overlap
            return
        path = lock_path(output, folder)
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise ArchiveError(f"cannot lock {output}: {exc.strerror or exc}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.read(fd, 200).decode("utf-8", "replace").strip() or "another process"
            os.close(fd)
            raise ArchiveError(f"{output} is in use by another newskit run ({holder}); wait for it to end, or "
                               "write to another output") from None
        with contextlib.suppress(OSError):  # who holds it, for the message of a run refused meanwhile
            os.ftruncate(fd, 0)
            os.write(fd, f"pid {os.getpid()} on {socket.gethostname()} since "
                         f"{time.strftime('%Y-%m-%d %H:%M:%S')}".encode())
        self.fd = fd

    def release(self) -> None:
        # The file stays: removing it could let a third run lock a new file while a second waits on the old one.
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
