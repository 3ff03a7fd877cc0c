#!/usr/bin/env python3
"""PolNeAR quote scores of newskit's Python API beside the naive baseline (quote-mark regex + nearest PERSON).

    python bench/quotes_quality.py [--split dev|train] [--limit N]

Reads ../shared/data/polnear and the reference metric from ../shared/eval/score.py (not copied here).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"

_NAIVE = re.compile(r"[\u201c\"]([^\u201c\u201d\"]{3,}?)[\u201d\"]")


def naive_quotes(doc) -> list[dict]:
    """The thirty-line approach: every text between quotation marks, speaker = nearest PERSON entity."""
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    out = []
    for m in _NAIVE.finditer(doc.text):
        near = min(people, key=lambda e: min(abs(e.start_char - m.end()), abs(e.end_char - m.start())),
                   default=None)
        spk = {"start": near.start_char, "end": near.end_char, "text": near.text} if near else None
        out.append({"start": m.start(), "end": m.end(), "text": m.group(), "speaker": spk})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    if not (EVAL / "score.py").exists():
        print(f"{EVAL} not available", file=sys.stderr)
        return 2
    sys.path.insert(0, str(EVAL))
    import gold
    import score

    from newskit.entities.extract import extract_entities
    from newskit.nlp import components_for, load
    from newskit.quotes.extract import extract_quotes

    docs = list(gold.polnear_docs(args.split, args.limit or None))
    nlp = load(None, components_for(["quotes"]))
    ours, naive = [], []
    t0 = time.perf_counter()
    for d, doc in zip(docs, nlp.pipe((d["text"] for d in docs), batch_size=16)):
        entities = extract_entities(doc)
        ours.append((d, {"quotes": [q.to_dict() for q in extract_quotes(doc, entities)],
                         "entities": [e.to_dict() for e in entities]}))
        naive.append((d, {"quotes": naive_quotes(doc)}))
    seconds = time.perf_counter() - t0
    print(f"PolNeAR {args.split}: {len(docs)} articles, {seconds:.1f} s")
    for name, pairs in (("newskit", ours), ("naive", naive)):
        s = score.quote_scores(pairs)
        print(f"{name:8} found={s['found']:.3f} precision={s['precision']:.3f} "
              f"speaker_accuracy={s['speaker_accuracy']:.3f} {s['counts']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
