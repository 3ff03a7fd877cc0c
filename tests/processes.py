"""What Linux's /proc says of a test's child processes: the workers a command started, and whether one still runs."""
from __future__ import annotations


def children(pid: int) -> list[int]:
    """Return the ids of the processes `pid` started (none once it has ended)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def alive(pid: int) -> bool:
    """Say whether process `pid` still runs (a zombie has ended)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
