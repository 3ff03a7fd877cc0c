"""The output formats are one registry the command line reads."""
from __future__ import annotations

from click.testing import CliRunner

from newskit.cli import cli
from newskit.output.formats import ARCHIVES, FORMATS, STREAMS, VIEWS, implied_format, streams_for


def test_every_format_is_somewhere_and_the_kinds_are_as_documented():
    assert STREAMS == ("json", "jsonl", "geojson") and VIEWS == ("plain", "rich")
    assert ARCHIVES == ("jsonl", "parquet", "sqlite")
    assert all(f.stream or f.view or f.archive for f in FORMATS.values())


def test_an_output_path_implies_its_archive_format():
    assert implied_format("out.DB") == implied_format("x.sqlite3") == "sqlite"
    assert implied_format("out/") == implied_format("archive.parquet.d") == "jsonl"


def test_the_options_read_the_registry():
    help_text = CliRunner().invoke(cli, ["entities", "--help"]).output
    assert "--format [" + "|".join(ARCHIVES) + "]" in help_text
    for name in STREAMS:
        assert f"--{name} " in help_text
    assert "--json " not in CliRunner().invoke(cli, ["report", "--help"]).output  # report writes pages only


def test_a_stream_for_some_commands_is_offered_by_those_only():
    assert streams_for("entities") == ("json", "jsonl", "geojson") and streams_for("dates") == ("json", "jsonl")
    assert "--geojson" not in CliRunner().invoke(cli, ["dates", "--help"]).output  # dates have no places
