"""The README and docs/ stand alone: the record is documented in the repo, in step with its schema."""

from __future__ import annotations

import importlib.util
import json

from conftest import ROOT


def _make_record():
    spec = importlib.util.spec_from_file_location("make_record", ROOT / "docs" / "make_record.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_record_doc_is_generated_from_the_schema():
    mod = _make_record()
    schema = json.loads(mod.SCHEMA.read_text(encoding="utf-8"))
    doc = (ROOT / "docs" / "RECORD.md").read_text(encoding="utf-8")
    assert doc == mod.render(schema), "docs/RECORD.md is stale: run python docs/make_record.py"
    for name, node in schema["$defs"].items():
        for part in node.get("allOf", [node]):
            for key in part.get("properties", {}):
                assert f"| `{key}` |" in doc, f"{name}.{key} undocumented"


def test_readme_sends_users_nowhere_outside_the_repo():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    users, _, development = readme.partition("\n## Development")
    assert "../shared" not in users and "CONTRACT.md" not in readme
    assert "docs/RECORD.md" in users
    for doc in (ROOT / "docs").glob("*.md"):
        assert "../shared" not in doc.read_text(encoding="utf-8"), doc
