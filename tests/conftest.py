"""Shared fixtures: the spaCy pipeline is loaded once per test session."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_e88cf532e1811814.txt"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp():
    """The default newskit pipeline (all components), loaded once."""
    from newskit.nlp import load

    return load()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_doc(nlp, seed_text):
    return nlp(seed_text)


def shared_data(sub: str) -> Path:
    """Return a folder of ../shared/data, skipping the test when it is absent."""
    path = SHARED_DATA / sub
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


def reference_scorer(*modules: str) -> tuple[ModuleType, ...]:
    """Import modules of the project's reference scorers (../shared/eval: gold, score, geo), skipping the test
    when they are absent."""
    folder = SHARED_DATA.parent / "eval"
    if not all((folder / f"{m}.py").exists() for m in modules):
        pytest.skip(f"the reference scorer is not available in {folder}")
    sys.path.insert(0, str(folder))
    try:
        return tuple(importlib.import_module(m) for m in modules)
    finally:
        sys.path.remove(str(folder))
