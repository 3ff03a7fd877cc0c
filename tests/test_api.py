"""The public API (`import newskit`): the README's example runs, and every public name resolves."""
from __future__ import annotations

import re

import pytest

import newskit

from conftest import ROOT


def test_every_public_name_resolves_and_is_listed():
    for name in newskit.__all__:
        assert getattr(newskit, name) is not None, name
    assert set(newskit._HOME) | {"__version__"} == set(newskit.__all__)
    with pytest.raises(AttributeError):
        _ = newskit.no_such_thing


def test_the_readme_python_example_runs(nlp, capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python API"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    scope: dict = {}
    exec(compile(code, "README.md", "exec"), scope)
    record = scope["record"]
    assert isinstance(record, newskit.Record) and record.article.headline == "Harbour bridge reopens"
    assert any("Girard" in name for name in scope["people"])
    assert ("Monday", "2024-03-04") in [(d.text, d.value) for d in record.dates]
    printed = capsys.readouterr().out
    assert "person " in printed and "Girard" in printed and "bridge " in printed
