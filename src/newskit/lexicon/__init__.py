"""newskit's word lists, read from the data files beside this module.

A list file (`NAME.txt`) holds one word or phrase per line; a table (`NAME.tsv`) holds a key, a tab and a value per
line. In both, `#` starts a comment and blank lines are skipped. Files are read once, on first use.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files


@cache
def _lines(filename: str) -> tuple[str, ...]:
    text = files(__name__).joinpath(filename).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


def entries(name: str) -> tuple[str, ...]:
    """Return the words of list `name` in file order (for lists whose order matters)."""
    return _lines(name + ".txt")


@cache
def words(name: str) -> frozenset[str]:
    """Return the words of list `name` as a set."""
    return frozenset(entries(name))


@cache
def table(name: str) -> dict[str, str]:
    """Return table `name` as a dict from each key to its value (keys in file order)."""
    out = {}
    for line in _lines(name + ".tsv"):
        key, value = (part.strip() for part in line.split("\t", 1))
        out[key] = value
    return out


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Return table `name` as rows of tab-separated columns, for tables with more than one value per key."""
    return tuple(tuple(part.strip() for part in line.split("\t")) for line in _lines(name + ".tsv"))


def norm(text: str | None) -> str:
    """Return the key a word or name is compared by: casefolded, curly apostrophes straight, whitespace runs one
    space ("" for None)."""
    return " ".join((text or "").replace("\u2019", "'").split()).casefold()


def alternation(items: Iterable[str], space: str = " ") -> str:
    """Return a regex alternation matching any of `items` literally, longest first so no prefix shadows a word;
    the spaces inside a phrase match `space` (e.g. r"\\s+")."""
    return "|".join(re.escape(w).replace(r"\ ", space) for w in sorted(set(items), key=lambda w: (-len(w), w)))
