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
