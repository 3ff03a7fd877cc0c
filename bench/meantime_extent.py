"""How much of MEANTIME's split and merge rate is its choice of extent: the scores as counted, and with every gold
name mention narrowed to the name it is about.

MEANTIME writes a name mention at its widest ("Moscone Center in San Francisco, California", "Singapore's Changi
International Airport", "Airbus parent EADS"). newskit lists the town and the state, the airport and the country,
as entities of their own (as CoNLL-2003 and the geoparsing gold annotate them), so one wide gold mention overlaps
two predicted entities: a split of the gold entity and a merge of the predicted one, though no name was grouped
wrongly. Narrowed, a gold mention keeps only its head name: lower-case words before it dropped, what follows a
possessive ("X's Y" -> Y) or "parent (company)" taken, then cut at the first ", ", " (", " in ", " near ",
" which "; a person's mention keeps its last run of capitalized words ("JSA Research defence analyst Paul Nesbit"
-> "Paul Nesbit"). A gold entity whose every name mention is a coordination ("Boeing and Lockheed Martin") names a
group and is left out of the narrowed count. A split or merge that disappears when narrowed is an extent case;
those left are grouping errors.

    python bench/meantime_extent.py [--data ../shared/data] [--list]
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from newskit.entities.extract import extract_entities
from newskit.evaluate.meantime import TYPE_MAP, read_meantime_dir
from newskit.nlp import components_for, load

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
_LEADING_LOWER = re.compile(r"(?:[a-z]\w*\s+)+")
_OWNER = re.compile(r"['\u2019]s? | parent (?:company )?")
_QUALIFIER = re.compile(r", | \(| in | near | which ")
_NAME_RUN = re.compile(r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*")


def head(text: str, start: int, kind: str) -> tuple[int, int]:
    """Return the (start, end) offsets of the head name of one gold name mention."""
    if kind == "PER":
        runs = list(_NAME_RUN.finditer(text))
        if runs:
            return start + runs[-1].start(), start + runs[-1].end()
    a, b = 0, len(text)
    lead = _LEADING_LOWER.match(text)
    if lead:
        a = lead.end()
    owners = list(_OWNER.finditer(text, a))
    if owners:
        a = owners[-1].end()
    cut = _QUALIFIER.search(text, a)
    if cut:
        b = cut.start()
    return start + a, start + b


def _overlaps(spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> bool:
    return any(a < d and c < b for a, b in spans for c, d in others)


def score(docs, preds, narrow: bool) -> tuple[dict, list[str]]:
    """Return recall, split and merge rates (and the cases) with gold mentions as written or narrowed."""
    found = split = correct = merged = n_gold = 0
    cases = []
    for doc, ents in zip(docs, preds):
        pred = [(TYPE_MAP.get(e.type), [(m.start, m.end) for m in e.mentions], e.name) for e in ents]
        pred = [p for p in pred if p[0]]
        gold = []
        for g in doc.entities:
            names = [m for m in g["mentions"] if m.get("syntactic_type") == "NAM"]
            if narrow and names and all(" and " in m["text"] for m in names):
                continue
            spans = [head(m["text"], m["start"], g["type"]) if narrow else (m["start"], m["end"]) for m in names]
            gold.append((g["type"], spans, sorted({m["text"] for m in names})))
        n_gold += len(gold)
        for kind, spans, texts in gold:
            hits = [p[2] for p in pred if p[0] == kind and _overlaps(p[1], spans)]
            found += bool(hits)
            if len(hits) > 1:
                split += 1
                cases.append(f"split {doc.id}: {texts} -> {hits}")
        for kind, spans, name in pred:
            hits = [g[2] for g in gold if g[0] == kind and _overlaps(spans, g[1])]
            correct += bool(hits)
            if len(hits) > 1:
                merged += 1
                cases.append(f"merge {doc.id}: {name} -> {hits}")
    return {"recall": found / max(n_gold, 1), "split": split / max(found, 1), "merge": merged / max(correct, 1),
            "splits": split, "found": found, "merges": merged, "correct": correct}, cases


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.environ.get("NEWSKIT_GOLD", str(DEFAULT_DATA)))
    ap.add_argument("--list", action="store_true", help="list the split and merge cases left after narrowing")
    args = ap.parse_args()
    docs = read_meantime_dir(os.path.join(args.data, "meantime"))
    if not docs:
        print(f"no MEANTIME files under {args.data}/meantime", file=sys.stderr)
        return 1
    nlp = load(components=components_for(["entities"]))
    preds = [extract_entities(d) for d in nlp.pipe([doc.text for doc in docs], batch_size=16)]
    for label, narrow in (("as written", False), ("narrowed", True)):
        s, cases = score(docs, preds, narrow)
        print(f"{label:10s} recall {s['recall']:.3f}  split {s['split']:.3f} ({s['splits']}/{s['found']})  "
              f"merge {s['merge']:.3f} ({s['merges']}/{s['correct']})")
        if narrow and args.list:
            print("\n".join(cases) or "no split or merge left")
    return 0


if __name__ == "__main__":
    sys.exit(main())
