"""Time expressions resolved to TimeML TIMEX3 values against the article's own date.

`extract_dates` is imported on first use: the article parser reads the month table in `dates.words` and must not
pay for compiling every date rule (`newskit parse` and `--help` start-up).
"""
from __future__ import annotations

from typing import Any

__all__ = ["extract_dates"]


def __getattr__(name: str) -> Any:
    if name == "extract_dates":
        from newskit.dates.extract import extract_dates  # on first use: see the module docstring

        return extract_dates
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
