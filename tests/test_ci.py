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
