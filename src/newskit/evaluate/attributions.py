"""Attribution gold in brat standoff (PolNeAR's layout) and the scores newskit's quotes are measured with.

A gold file pair is `NAME.txt` (the article) and `NAME.ann` or `NAME_<annotator>.ann` (brat: `T` lines give
`Source`, `Cue` and `Content` spans, possibly discontinuous as "a b;c d"; `E` lines tie them into one
attribution). PolNeAR keeps the texts in a folder named text and the annotations in a sibling folder named
attributions; both layouts are read.

Scores, over every attribution with a content: it is *quoted* when its content starts at (or right after) a
quotation mark, else *indirect*; *unquoted* when indirect with no quotation mark inside. It is found when one
newskit quote shares at least half of the shorter of the two spans with its content (the quote sharing most is its
match); its speaker is right when the match's speaker span, or a mention of the entity it resolves to, overlaps
the gold Source. Precision of indirect quotes: newskit's `indirect` quotes overlapping any gold content. Stdlib
only.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

QUOTE_MARKS = set("\u201c\u201d\u201e\u00ab\"\u2018\u2019'`")
INNER_MARKS = ("\u201c", "\u201d", '"', "''", "``", "\u2018")


@dataclass
class Attribution:
    """One gold attribution: its content pieces and, when annotated, source and cue pieces ((start, end) each)."""

    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class AttributionDoc:
    """One article of an attribution corpus: its text and gold attributions."""

    id: str
    text: str
    published: str | None = None
    gold: list[Attribution] = field(default_factory=list)


def _pieces(spec: str) -> list[tuple[int, int]]:
    nums = [int(x) for x in re.findall(r"\d+", spec)]
    if len(nums) < 2 or len(nums) % 2:
        raise ValueError(f"bad brat span {spec!r}")
    return sorted(zip(nums[0::2], nums[1::2]))


def read_brat(text_path: str, ann_path: str) -> AttributionDoc:
    """Read one brat article: its text and the attributions its `E` lines tie together (Source/Cue/Content)."""
    text = Path(text_path).read_text(encoding="utf-8")
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    gold = []
    for n, line in enumerate(Path(ann_path).read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, spec = parts[1].partition(" ")
            try:
                spans[parts[0]] = (kind, _pieces(spec))
            except ValueError:
                raise ValueError(f"line {n} is not a brat text-bound annotation") from None
        elif line.startswith("E") and len(parts) >= 2:
            roles: dict[str, list[tuple[int, int]]] = {"Source": [], "Cue": [], "Content": []}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                role = role.rstrip("0123456789")
                if role in roles and ref in spans:
                    roles[role] += spans[ref][1]
            if roles["Content"]:
                gold.append(Attribution(sorted(roles["Content"]), roles["Source"], roles["Cue"]))
    if any(e > len(text) for a in gold for s, e in a.content + a.source + a.cue):
        raise ValueError(f"{ann_path}: a span runs past the end of its text")
    return AttributionDoc(Path(text_path).stem, text, None, gold)


def _ann_for(text_path: Path) -> Path | None:
    """Return the annotation file of an article: beside it, or in a sibling attributions/ folder (first annotator)."""
    stem = text_path.stem
    for folder in (text_path.parent, text_path.parent.parent / "attributions"):
        if not folder.is_dir():
            continue
        exact = folder / f"{stem}.ann"
        if exact.is_file():
            return exact
        found = sorted(folder.glob(f"{stem}_*.ann"))
        if found:
            return found[0]
    return None


def read_brat_dir(path: str) -> list[AttributionDoc]:
    """Read every article of a brat corpus folder (NAME.txt beside NAME.ann, or PolNeAR's text/ + attributions/)."""
    texts = sorted(Path(path).rglob("*.txt")) if os.path.isdir(path) else [Path(path)]
    docs = []
    for t in texts:
        ann = _ann_for(t)
        if ann is not None:
            docs.append(read_brat(str(t), str(ann)))
    if not docs:
        raise ValueError(f"{path}: no article .txt with a brat .ann beside it (or in attributions/)")
    return docs


def _shared(a: tuple[int, int], pieces) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in pieces)


def _speaker_spans(quote: dict, entities: dict) -> list[tuple[int, int]]:
    sp = quote.get("speaker") or {}
    out = [(sp["start"], sp["end"])] if sp.get("start") is not None else []
    ent = entities.get(sp.get("entity"))
    if ent:
        out += [(m["start"], m["end"]) for m in ent.get("mentions", [])]
    return out


def _is_indirect(text: str, pieces) -> bool:
    s0, e0 = pieces[0]
    first = text[s0:e0].lstrip()[:1]
    before = text[s0 - 1:s0] if s0 else ""
    return not (first in QUOTE_MARKS and first or before in QUOTE_MARKS and before)


def score_attributions(pairs) -> dict:
    """Return found/precision/speaker shares of gold attributions for (AttributionDoc, record dict) pairs."""
    n = dict.fromkeys(("gold", "indirect", "unquoted", "found", "found_indirect", "found_unquoted", "sourced",
                       "sourced_indirect", "speaker", "speaker_indirect", "pred_indirect", "pred_indirect_ok"), 0)
    for doc, rec in pairs:
        quotes = rec.get("quotes") or []
        entities = {e.get("id"): e for e in rec.get("entities") or []}
        for q in quotes:
            if q.get("kind") == "indirect":
                n["pred_indirect"] += 1
                n["pred_indirect_ok"] += any(_shared((q["start"], q["end"]), g.content) for g in doc.gold)
        for g in doc.gold:
            indirect = _is_indirect(doc.text, g.content)
            unquoted = indirect and not any(m in doc.text[s:e] for s, e in g.content for m in INNER_MARKS)
            glen = sum(e - s for s, e in g.content)
            best, best_n = None, 0
            for q in quotes:
                k = _shared((q["start"], q["end"]), g.content)
                if k > best_n and k >= 0.5 * min(q["end"] - q["start"], glen):
                    best, best_n = q, k
            n["gold"] += 1
            n["indirect"] += indirect
            n["unquoted"] += unquoted
            if best is None:
                continue
            n["found"] += 1
            n["found_indirect"] += indirect
            n["found_unquoted"] += unquoted
            if not g.source:
                continue
            ok = any(_shared(s, g.source) for s in _speaker_spans(best, entities))
            n["sourced"] += 1
            n["speaker"] += ok
            n["sourced_indirect"] += indirect
            n["speaker_indirect"] += ok and indirect

    def share(a: str, b: str) -> float:
        return n[a] / n[b] if n[b] else 0.0

    return {"all_found": share("found", "gold"), "all_speaker": share("speaker", "sourced"),
            "indirect_found": share("found_indirect", "indirect"),
            "indirect_precision": share("pred_indirect_ok", "pred_indirect"),
            "indirect_speaker": share("speaker_indirect", "sourced_indirect"),
            "unquoted_found": share("found_unquoted", "unquoted"), "counts": n}
