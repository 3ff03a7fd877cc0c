"""TimeML (.tml) gold files and the TempEval-3 style date scores newskit is measured with.

`read_timeml(path)` returns the article text with its TIMEX3 spans and creation date; `score_dates(pairs)` gives
strict / relaxed / value / type precision, recall and F1. A predicted date matches a gold TIMEX3 when their spans
overlap (an exact span is preferred); each prediction matches at most one gold span. Stdlib only.
"""
from __future__ import annotations

import glob
import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from .metrics import prf


@dataclass
class TimemlDoc:
    """One TimeML article: body text, gold TIMEX3 spans (dicts with start, end, text, type, value), creation date."""

    id: str
    text: str
    published: str | None = None
    title: str | None = None
    gold: list[dict] = field(default_factory=list)


def read_timeml(path: str) -> TimemlDoc:
    """Read a TimeML file: the TEXT element's characters, its TIMEX3 spans and the document creation date."""
    root = ET.parse(path).getroot()
    created = next((t.get("value") for t in root.iter("TIMEX3")
                    if t.get("functionInDocument") == "CREATION_TIME"), None)
    body = root.find("TEXT")
    pieces: list[str] = []
    gold: list[dict] = []
    length = 0

    def visit(el):
        nonlocal length
        if el.text:
            pieces.append(el.text)
            length += len(el.text)
        for child in el:
            start = length
            visit(child)
            if child.tag == "TIMEX3":
                gold.append({"start": start, "end": length, "type": child.get("type"), "value": child.get("value")})
            if child.tail:
                pieces.append(child.tail)
                length += len(child.tail)

    if body is None:
        raise ValueError("not a TimeML document (no <TEXT> element)")
    visit(body)
    text = "".join(pieces)
    for g in gold:
        g["text"] = text[g["start"]:g["end"]]
    title = root.find("TITLE")
    return TimemlDoc(id=os.path.basename(path).rsplit(".", 1)[0], text=text,
                     published=created[:10] if created else None,
                     title=(title.text or "").strip() if title is not None else None, gold=gold)


def read_timeml_dir(folder: str, pattern: str = "**/*.tml") -> list[TimemlDoc]:
    """Read every TimeML file under `folder`, sorted by path."""
    return [read_timeml(p) for p in sorted(glob.glob(os.path.join(folder, pattern), recursive=True))]


def _prf(tp: int, npred: int, ngold: int) -> dict:
    return dict(zip(("precision", "recall", "f1"), prf(tp, npred, ngold)))


def _match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """Pair each gold span with one unused overlapping prediction, preferring an exact span."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        best = None
        for i, p in enumerate(pred):
            if i in used or not (p["start"] < g["end"] and g["start"] < p["end"]):
                continue
            if best is None or (p["start"], p["end"]) == (g["start"], g["end"]):
                best = i
        if best is not None:
            used.add(best)
            pairs.append((g, pred[best]))
    return pairs


def score_dates(pairs) -> dict:
    """Score (gold spans, predicted dates) pairs: strict, relaxed, value and type P/R/F1, plus counts."""
    strict = relaxed = value = typ = npred = ngold = 0
    for gold, pred in pairs:
        gold = list(gold)
        pred = [p.to_dict() if hasattr(p, "to_dict") else p for p in pred]
        npred += len(pred)
        ngold += len(gold)
        for g, p in _match(gold, pred):
            relaxed += 1
            strict += (p["start"], p["end"]) == (g["start"], g["end"])
            value += str(p.get("value")) == str(g.get("value"))
            typ += str(p.get("type", "")).upper() == str(g.get("type"))
    return {"strict": _prf(strict, npred, ngold), "relaxed": _prf(relaxed, npred, ngold),
            "value": _prf(value, npred, ngold), "type": _prf(typ, npred, ngold),
            "counts": {"pred": npred, "gold": ngold}}
