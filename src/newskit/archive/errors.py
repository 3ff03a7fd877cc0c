"""Errors of archive runs: one line each, turned into messages and exit codes by the command line only."""
from __future__ import annotations

from newskit.errors import NewskitError


class ArchiveError(NewskitError):
    """The archive run cannot start or go on (bad output folder, settings that do not match, missing extra)."""

    code = "archive"


class ShardError(NewskitError):
    """One input shard cannot be read at all (corrupt compression, missing Parquet column); the others go on."""

    code = "bad-shard"


def missing_extra(what: str) -> ArchiveError:
    """Return the error for an optional dependency that is not installed, naming the extra that brings it."""
    return ArchiveError(f"{what} needs the dask extra: pip install \"newskit[dask]\"")
