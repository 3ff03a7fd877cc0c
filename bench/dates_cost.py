"""Measure what date extraction adds to the spaCy pipeline's time on the TimeML articles (target: at most 5%).

    python bench/dates_cost.py [--data ../shared/data] [--limit N] [--repeat 3]

Both numbers come from the same run on the same texts: `nlp.pipe` with the components `newskit dates` loads, then
`extract_dates` on every resulting Doc (best of --repeat passes, so a busy shared machine inflates neither side).
"""
from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from newskit.dates.extract import extract_dates
from newskit.evaluate.timeml import read_timeml_dir
from newskit.nlp import components_for, load

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.environ.get("NEWSKIT_GOLD", str(ROOT.parent / "shared" / "data")))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    docs = read_timeml_dir(os.path.join(args.data, "timeml"))
    if args.limit:
        docs = docs[:args.limit]
    if not docs:
        raise SystemExit(f"no TimeML files under {args.data}/timeml")
    nlp = load(None, components_for(["dates"]))
    texts = [d.text for d in docs]
    list(nlp.pipe(texts[:4]))  # warm up: first calls allocate

    t0 = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=16))
    spacy_s = time.perf_counter() - t0

    dates_s = float("inf")
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        n = sum(len(extract_dates(doc, d.published)) for doc, d in zip(parsed, docs))
        dates_s = min(dates_s, time.perf_counter() - t0)

    ratio = dates_s / spacy_s
    words = sum(len(t.split()) for t in texts)
    print(f"{len(docs)} articles, {words} words, {n} dates")
    print(f"spaCy pipeline (nlp.pipe): {spacy_s:.2f} s")
    print(f"extract_dates:             {dates_s:.3f} s")
    print(f"ratio: {100 * ratio:.1f}% ({'ok' if ratio <= 0.05 else 'over'} the 5% budget)")
    return 0 if ratio <= 0.05 else 1


if __name__ == "__main__":
    raise SystemExit(main())
