"""Entity quality and speed: newskit's entities beside raw spaCy doc.ents on the same documents.

Scores MEANTIME entity lists (recall, split and merge rates) and, when a CoNLL-2003 file is there, mention F1;
then times `nlp.pipe` alone against `nlp.pipe` plus `extract_entities`, in words per second.

    python bench/entities_quality.py [--data ../shared/data] [--conll PATH]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from newskit.entities.extract import extract_entities
from newskit.evaluate.conll import read_conll, score_ner
from newskit.evaluate.meantime import read_meantime_dir, score_entities
from newskit.nlp import components_for, load

RAW_TYPES = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organization"}
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def raw_entities(doc) -> list[dict]:
    """Group doc.ents by exact text and type: what a user gets from spaCy alone."""
    groups: dict[tuple, list] = {}
    for e in doc.ents:
        t = RAW_TYPES.get(e.label_)
        if t:
            groups.setdefault((t, e.text), []).append({"start": e.start_char, "end": e.end_char, "text": e.text})
    return [{"type": t, "name": n, "mentions": ms} for (t, n), ms in groups.items()]


def ours(doc) -> list[dict]:
    return [e.to_dict() for e in extract_entities(doc)]


def fmt(t) -> str:
    return "P {:.3f} R {:.3f} F {:.3f}".format(*t)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.environ.get("NEWSKIT_GOLD", str(DEFAULT_DATA)))
    ap.add_argument("--conll", default=None, help="a CoNLL-2003 file (default: DATA/conll2003_en/eng.testb)")
    args = ap.parse_args()
    nlp = load(components=components_for(["entities"]))
    docs = read_meantime_dir(os.path.join(args.data, "meantime"))
    if not docs:
        print(f"no MEANTIME files under {args.data}/meantime", file=sys.stderr)
        return 1
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)

    t0 = time.perf_counter()
    sdocs = list(nlp.pipe(texts, batch_size=16))
    t_nlp = time.perf_counter() - t0
    t0 = time.perf_counter()
    pred = [ours(d) for d in sdocs]
    t_ent = time.perf_counter() - t0
    raw = [raw_entities(d) for d in sdocs]

    print(f"MEANTIME: {len(docs)} articles, {words} words")
    for name, recs in (("raw spaCy", raw), ("newskit", pred)):
        s = score_entities(list(zip(docs, recs)))
        print(f"  {name:10} list {fmt(s['list'])}  recall={s['list'][1]:.3f} split_rate={s['split_rate']:.3f} "
              f"merge_rate={s['merge_rate']:.3f}")
        n = score_ner([({"gold": d.gold}, r) for d, r in zip(docs, recs)])
        print(f"  {'':10} name mentions {fmt(n['mention'])} (MEANTIME marks only some names: precision is low)")

    conll = args.conll or os.path.join(args.data, "conll2003_en", "eng.testb")
    if os.path.exists(conll):
        cdocs = read_conll(conll)
        csd = list(nlp.pipe([d.text for d in cdocs], batch_size=16))
        for name, fn in (("raw spaCy", raw_entities), ("newskit", ours)):
            n = score_ner([(d, fn(s)) for d, s in zip(cdocs, csd)])
            per = " ".join(f"{t} {v[2]:.3f}" for t, v in n["per_type"].items())
            print(f"CoNLL-2003 {name:10} mention {fmt(n['mention'])} ({per})")
    else:
        print(f"CoNLL-2003: {conll} not found, skipped")

    print(f"throughput: nlp.pipe {words / t_nlp:,.0f} words/s; nlp.pipe + entities {words / (t_nlp + t_ent):,.0f} "
          f"words/s (ratio {t_nlp / (t_nlp + t_ent):.2f}; entities alone {words / max(t_ent, 1e-9):,.0f} words/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
