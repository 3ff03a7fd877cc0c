"""Read and score the own-words wire stories under tests/entities/data: each story opens with "=== NAME" (A.. for
the half read while tuning, B.. for the check) and marks each name [TYPE name] as the CoNLL-2003 guidelines type
it. They are scored as CoNLL-2003 is: exact spans of people, places and organizations; MISC is not scored."""
from __future__ import annotations

import re
from pathlib import Path

from newskit.article.builder import parse_article
from newskit.entities.extract import extract_entities

TYPES = {"person": "PER", "place": "LOC", "organization": "ORG"}
_MARK = re.compile(r"\[(PER|LOC|ORG|MISC) ([^\]]+)\]")

Gold = set[tuple[int, int, str]]


def stories(path: Path, half: str) -> list[tuple[str, Gold]]:
    """Return each story of the half as (text, gold spans of PER/LOC/ORG names)."""
    out: list[tuple[str, Gold]] = []
    for block in path.read_text(encoding="utf-8").split("=== ")[1:]:
        name, _, body = block.partition("\n")
        if not name.startswith(half):
            continue
        text, gold, pos = "", set(), 0
        for m in _MARK.finditer(body):
            text += body[pos:m.start()]
            if m.group(1) != "MISC":
                gold.add((len(text), len(text) + len(m.group(2)), m.group(1)))
            text += m.group(2)
            pos = m.end()
        out.append((text + body[pos:], gold))
    return out


def predicted(nlp, text: str) -> Gold:
    """Return newskit's people, places and organizations in `text` as (start, end, CoNLL type)."""
    return {(m.start, m.end, TYPES[e.type]) for e in extract_entities(nlp(text), parse_article(text))
            if e.type in TYPES for m in e.mentions}


def f1(tp: int, npred: int, ngold: int) -> float:
    p, r = tp / max(npred, 1), tp / max(ngold, 1)
    return 2 * p * r / (p + r) if p + r else 0.0


def mention_f1(nlp, path: Path, half: str, kind: str | None = None) -> float:
    """Return the half's mention F1 over all three types, or over one (`kind`: PER, LOC or ORG)."""
    tp = npred = ngold = 0
    for text, gold in stories(path, half):
        pred = predicted(nlp, text)
        if kind is not None:
            pred, gold = {g for g in pred if g[2] == kind}, {g for g in gold if g[2] == kind}
        tp, npred, ngold = tp + len(pred & gold), npred + len(pred), ngold + len(gold)
    return f1(tp, npred, ngold)
