"""The `_manifest.json` of an output folder: what was asked (settings), which input shard went to which part,
and each part's counts. Resuming reads it to skip complete parts; other settings refuse to mix into it."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from newskit.archive.errors import ArchiveError
from newskit.archive.shards import Shard
from newskit.archive.storage import filesystem, join, write_atomic

MANIFEST = "_manifest.json"
# The settings that decide what a record holds: a run that differs in one of them must not mix into the output.
IDENTITY = ("command", "format", "model", "model_version", "newskit_version")


@dataclass
class Plan:
    """Which shards to run (with their part numbers) and which are already complete."""

    entries: dict[str, dict]
    todo: list[tuple[Shard, int]] = field(default_factory=list)
    done: list[str] = field(default_factory=list)


def load(out: str) -> dict | None:
    """Return the manifest of an output folder, or None when there is none."""
    fs = filesystem(out)
    path = join(out, MANIFEST)
    if not fs.exists(path):
        return None
    try:
        with fs.open(path, "rb") as fh:
            data = json.loads(fh.read())
    except (ValueError, RecursionError):
        raise ArchiveError(f"{path} is not valid JSON; remove it or use --overwrite") from None
    if not _valid(data):
        raise ArchiveError(f"{path} is not a newskit manifest (edited or damaged); remove it or use --overwrite")
    return data


def _valid(data) -> bool:
    """Tell whether a manifest has the shape runs rely on: settings, and shards with a part number each."""
    if not isinstance(data, dict) or not isinstance(data.get("settings", {}), dict):
        return False
    shards = data.get("shards", {})
    return isinstance(shards, dict) and all(
        isinstance(e, dict) and isinstance(e.get("part"), int) and not isinstance(e.get("part"), bool)
        and isinstance(e.get("inputs", []), list) for e in shards.values())


def save(out: str, manifest: dict) -> None:
    """Write the manifest under a temporary name and rename it into place."""
    data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    write_atomic(filesystem(out), join(out, MANIFEST), data)


def check_settings(old: dict | None, settings: dict, where: str) -> None:
    """Raise ArchiveError when existing output was made with other settings that change what records hold."""
    if not old:
        return
    diff = [k for k in IDENTITY if old.get(k) != settings.get(k)]
    if diff:
        shown = ", ".join(f"{k} {old.get(k)!r} (now {settings.get(k)!r})" for k in diff)
        raise ArchiveError(f"{where} holds output of another run: {shown}; use --overwrite to replace it")


def plan(shards: list[Shard], entries: dict[str, dict], is_complete) -> Plan:
    """Return the plan of a run: shards whose part is complete for the same input are skipped, others redone.

    `entries` (shard name → {"part", "fingerprint", …}) comes from the existing output; a shard seen before keeps
    its part number, a new one gets the next free number. `is_complete(entry)` tells whether its part exists."""
    entries = {k: dict(v) for k, v in entries.items()}
    next_part = max((e["part"] for e in entries.values()), default=-1) + 1
    result = Plan(entries)
    for shard in shards:
        entry = entries.get(shard.name)
        if entry and entry.get("fingerprint") == shard.fingerprint and is_complete(entry):
            result.done.append(shard.name)
            continue
        if entry is None:
            entry = entries[shard.name] = {"part": next_part}
            next_part += 1
        entry.update({"fingerprint": shard.fingerprint, "inputs": list(shard.paths), "status": "pending",
                      "records": None, "errors": None})
        entry.pop("message", None)
        result.todo.append((shard, entry["part"]))
    return result
