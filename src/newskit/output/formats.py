"""The output formats, one registry: record streams on stdout (`--json`, `--jsonl`), the views for people (rich
tables on a terminal, plain lines when piped) and the archive formats `--output --format` writes.

The command-line options read this registry for their names and help; a new format is one entry here and its
writer (`newskit.output.render` for streams and views, `newskit.archive.parts` / `.sqlite` for archives)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    """One output format: its name, what it is for, and where it may be chosen."""

    name: str
    help: str
    stream: bool = False  # records to stdout, chosen by the flag of its name (--json, --jsonl)
    view: bool = False  # for people: rich on a terminal, plain when stdout is piped
    archive: bool = False  # files under --output, chosen by --format NAME
    suffixes: tuple[str, ...] = ()  # an --output path ending so implies this archive format
    commands: tuple[str, ...] = ()  # the commands that offer it (empty: every command that writes records)


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("json", "One JSON object (several inputs: a JSON array).", stream=True),
    Format("jsonl", "One compact JSON record per input per line, streamed.", stream=True, archive=True),
    Format("geojson", "The resolved places as one GeoJSON FeatureCollection (a Point per place per article).",
           stream=True, commands=("entities", "analyze")),
    Format("plain", "Tab-separated lines per record, when stdout is not a terminal.", view=True),
    Format("rich", "Tables and panels, when stdout is a terminal.", view=True),
    Format("parquet", "Parquet tables, one folder per table.", archive=True),
    Format("sqlite", "One SQLite database.", archive=True, suffixes=(".db", ".sqlite", ".sqlite3")),
)}
STREAMS = tuple(f.name for f in FORMATS.values() if f.stream)
VIEWS = tuple(f.name for f in FORMATS.values() if f.view)
ARCHIVES = tuple(f.name for f in FORMATS.values() if f.archive)
DEFAULT_ARCHIVE = "jsonl"


def streams_for(command: str | None) -> tuple[str, ...]:
    """Return the stream formats a command offers (None: those every command offers)."""
    return tuple(name for name in STREAMS if not FORMATS[name].commands or command in FORMATS[name].commands)


def implied_format(output: str) -> str:
    """Return the archive format an --output path implies: the format whose suffix it ends with, else jsonl."""
    lower = output.lower()
    return next((f.name for f in FORMATS.values() if f.archive and lower.endswith(f.suffixes or ("\0",))),
                DEFAULT_ARCHIVE)
