"""Golden files for the seed article, shared by the CLI and the library, and the JSON Schema on every record.

Regenerate after an intended change with: NEWSKIT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py"""
from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

import newskit
from newskit.cli import cli

from conftest import SEED

GOLDEN = Path(__file__).parent / "golden"
SCHEMA = json.loads((Path(newskit.__file__).parent / "data" / "record.schema.json").read_text(encoding="utf-8"))
COMMANDS = ["parse", "entities", "dates", "quotes", "events", "analyze"]


def validate(record: dict, text: str | None = None) -> None:
    """Check a record against the schema and, given the text, every span's offsets."""
    jsonschema.validate(record, SCHEMA)
    if text is None:
        return

    def walk(x):
        if isinstance(x, dict):
            if {"start", "end", "text"} <= set(x) and isinstance(x["start"], int):
                assert text[x["start"]:x["end"]] == x["text"], x
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(record)


@pytest.mark.parametrize("command", COMMANDS)
def test_seed_golden(command, monkeypatch):
    # A path relative to the checkout, so the record's id is the same on every machine.
    monkeypatch.chdir(SEED.parent.parent)
    res = CliRunner().invoke(cli, [command, str(SEED.relative_to(SEED.parent.parent)), "--json"])
    assert res.exit_code == 0, res.output
    got = json.loads(res.stdout)
    validate(got, SEED.read_text(encoding="utf-8"))
    path = GOLDEN / f"seed.{command}.json"
    if os.environ.get("NEWSKIT_UPDATE_GOLDEN"):
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert path.exists(), f"{path} missing: run with NEWSKIT_UPDATE_GOLDEN=1 and review the diff"
    assert got == json.loads(path.read_text(encoding="utf-8"))


def test_library_and_cli_agree(seed_text):
    rec = newskit.analyze_text(seed_text).to_dict()
    golden = json.loads((GOLDEN / "seed.analyze.json").read_text(encoding="utf-8"))
    golden["id"] = "-"
    assert rec == golden


def test_error_records_validate():
    validate({"id": "x", "error": {"code": "empty", "message": "empty article (no text)"}})
    with pytest.raises(jsonschema.ValidationError):
        validate({"id": "x", "article": {"headline": None}})
