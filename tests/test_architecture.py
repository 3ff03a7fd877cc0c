"""The docs and module docstrings name only modules that exist, and ARCHITECTURE.md's file counts hold."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "newskit"
FILES = {p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*") if p.is_file() or p.is_dir()}
# A module or package named in prose: `nlp.py`, `dates/extract.py`, `entities/`.
NAMED = re.compile(r"(?<![\w.])((?:[a-z_]+/)*[a-z_]+\.py|(?:[a-z_]+/)+)(?![\w/.])")
OUTSIDE = ("tests/", "bench/", "docs/", "training/", "requirements/", "seeds/")


def _exists(name: str) -> bool:
    name = name.removeprefix("src/").removeprefix("newskit/").rstrip("/")
    if name.startswith(OUTSIDE):
        return (ROOT / name).exists()
    return any(f == name or f.endswith("/" + name) for f in FILES)


def _missing(text: str) -> list[str]:
    found = [m.group(1) for chunk in re.findall(r"`([^`]+)`", text) for m in NAMED.finditer(chunk)]
    return sorted({n for n in found if not _exists(n)})


def test_the_finder_reports_a_module_that_does_not_exist():
    assert _missing("see `entities/aliases.py` and `nlp.py`, `output/`") == ["entities/aliases.py"]


def test_architecture_names_only_modules_that_exist():
    assert _missing((ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_module_docstrings_name_only_modules_that_exist(path):
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    # Docstrings name modules bare (mentions.py) or by path (newskit/dates/extract.py); quote marks are optional.
    names = [m.group(1) for m in NAMED.finditer(doc)]
    assert not [n for n in names if not _exists(n)]


# What ARCHITECTURE.md's "Where to add…" promises, tried on a copy of the package: an entity type is one edit of
# record.py, and a record field goes anywhere in its dataclass with no other edit, up to JSON, schema and tables.
_TRY_EDITS = r'''
import dataclasses, io, json
from rich.console import Console
from newskit.archive import tables
from newskit.output import render, report
from newskit.record import Article, Entity, Record, Span
from newskit.schema import record_schema

text = "Vostok 1 flew with Yuri Gagarin aboard.\n\nThe Vostok 1 capsule landed."
spans = (Span(0, 8, "Vostok 1"), Span(45, 53, "Vostok 1"))
rec = Record("t.txt", article=Article(kicker="Space", paragraphs=(Span(0, 39, text[:39]), Span(41, 69, text[41:]))),
             entities=(Entity(id="E1", name="Vostok 1", type="vehicle", label="VEHICLE", salience=1.0,
                              mentions=spans),), dates=(), quotes=(), events=())
console = Console(file=io.StringIO(), width=100)
console.print(render.rich_view(rec, "entities", text=text))
row = {c.name: c.get(rec.article) for c in tables.TABLES_OF["articles"].columns}
from newskit.article.builder import parse_article
from newskit.html.page import article_from_html
parsed = parse_article("Capsule lands safely\n\nBy Ana Ruiz\n\nThe capsule landed in the steppe on Tuesday.")
_, page = article_from_html("<html><body><article><h1>Capsule lands</h1>" + "".join(
    f"<p>On orbit {i} the crew checked the {w} and reported it working, the agency said.</p>"
    for i, w in enumerate(["radio", "heater", "hatch", "parachute", "camera", "pump"])) + "</article></body></html>")
print(json.dumps({
    "plain": render.plain(rec, "entities"),
    "rich": console.file.getvalue(),
    "report": report.render_report(rec, text),
    "json": json.loads(render.to_jsonl(rec))["article"].get("kicker"),
    "schema": "kicker" in json.dumps(record_schema()) and "vehicle" in json.dumps(record_schema()),
    "table": row.get("kicker"),
    "uncovered": tables.uncovered(),
    "parsed": [parsed.headline, parsed.kicker, list(parsed.authors)],
    "page": [page.kicker, len(page.paragraphs)],
}))
'''


def test_an_entity_type_and_a_record_field_are_one_edit_of_record_py(tmp_path):
    import json
    import shutil
    import subprocess
    import sys

    copy = tmp_path / "newskit"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("conll_ner", "__pycache__"))
    record = copy / "record.py"
    src = record.read_text(encoding="utf-8")
    edits = [('"language"]', '"language", "vehicle"]'),  # the type's name in the Literal
             ('    EntityKind("language", ("LANGUAGE",), "languages"),\n',  # and its registry entry
              '    EntityKind("language", ("LANGUAGE",), "languages"),\n'
              '    EntityKind("vehicle", ("VEHICLE",), "vehicles", core=True, colors=("#eee", "#333"),'
              ' short="vehicle", panel="Vehicles"),\n'),
             ('    subheadline: Annotated[str | None, Info("the dek / standfirst")] = None\n',  # a field mid-class
              '    subheadline: Annotated[str | None, Info("the dek / standfirst")] = None\n'
              '    kicker: Annotated[str | None, Info("the label above the headline")] = None\n')]
    for old, new in edits:
        assert src.count(old) == 1, old
        src = src.replace(old, new)
    record.write_text(src, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _TRY_EDITS], capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(tmp_path), "PATH": "", "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout)
    assert "vehicle\tVostok 1\t2" in out["plain"].splitlines()
    assert "vehicles" in out["rich"].lower() and "Vostok 1" in out["rich"]
    assert "Vehicles" in out["report"] and 'class="ent ent-vehicle"' in out["report"]
    assert out["json"] == "Space" and out["schema"] and out["table"] == "Space" and out["uncovered"] == []
    # the text and HTML readers build their Article by keyword, so the new field just keeps its default
    assert out["parsed"] == ["Capsule lands safely", None, ["Ana Ruiz"]] and out["page"] == [None, 6]
