"""The README's test command is what CI runs: the same steps, in the same order."""
from __future__ import annotations

import re

from conftest import ROOT


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"this is what `\.ci/run` runs\):\n\n```\n(.+?)\n```", readme, re.S)
    assert block, "README lost its test command"
    documented = [step.strip() for step in block.group(1).split(" && ")]
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    steps = [line.replace(" --quiet", "") for line in script
             if line and not line.startswith(("#", "set ", "cd ", "command -v "))]
    assert steps == documented
    assert steps[-3:] == ["ruff check src tests bench", "mypy", "python3 -m pytest"]


def test_readme_and_docs_stand_alone_in_a_clone():
    # A clone has no ../shared: the docs may not send a reader to its contract for the record (the README did), and
    # every repo path they name must exist (it named tests/test_model.py, which is tests/test_nlp.py).
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = doc.read_text(encoding="utf-8")
        assert "../shared/CONTRACT" not in text, f"{doc.name} documents the record outside the repository"
        named = re.findall(r"`((?:src|tests|bench|docs|requirements|seeds)/[\w./-]*[\w/])`", text)
        missing = [p for p in named if not (ROOT / p).exists()]
        assert not missing, f"{doc.name} names files that do not exist: {missing}"


def test_readme_commands_work_from_a_clone_without_project_paths():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "../shared" not in readme  # the README stands alone: "the project's gold data"
    assert '"newskit[' not in readme and 'pip install ".[dask]"' in readme  # newskit is not on PyPI: the clone
    assert "python3 -m venv" in readme
    assert "chromium" in readme.lower() and "skipped" in readme  # report tests skip without it: said so
    assert "import duckdb; duckdb.sql(" in readme  # pip's duckdb is the module, not the duckdb CLI
