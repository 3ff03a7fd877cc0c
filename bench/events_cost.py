"""Measure what event extraction adds to `newskit analyze` (target: at most 10% of its time), on PolNeAR articles.

    python bench/events_cost.py [--split dev] [--limit N] [--repeat 3]

One pass over the model: the texts go through `nlp.pipe` once with the components `analyze` loads, and every step
of `analyze` then runs on the same Docs: article fields, entities, dates, quotes, events (each the least of --repeat
passes). Times are this process's CPU seconds, so the other work of a shared machine inflates no side. The ratio is
events' time over the whole of analyze.
"""
from __future__ import annotations

import argparse
import json
import time

from common import polnear_corpus

from newskit.article.builder import parse_article
from newskit.dates.extract import extract_dates
from newskit.entities.extract import extract_entities
from newskit.events.extract import extract_events
from newskit.nlp import components_for, load
from newskit.pipeline import BATCH_SIZE, COMMAND_TASKS
from newskit.quotes.extract import extract_quotes

BUDGET = 0.10


def best(fn, repeat: int) -> tuple[float, list]:
    """Return the least CPU time of `fn()` over `repeat` runs, and its last result."""
    fastest, out = float("inf"), None
    for _ in range(max(1, repeat)):
        t0 = time.process_time()
        out = fn()
        fastest = min(fastest, time.process_time() - t0)
    return fastest, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with polnear_corpus(args.split, args.limit).open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    nlp = load(None, components_for(COMMAND_TASKS["analyze"]))
    list(nlp.pipe(texts[:4]))  # warm up: first calls allocate

    t0 = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=BATCH_SIZE))
    steps = {"spaCy pipeline": time.process_time() - t0}
    steps["article fields"], articles = best(lambda: [parse_article(t) for t in texts], args.repeat)
    pairs = list(zip(docs, articles, strict=True))
    steps["entities"], ents = best(lambda: [extract_entities(d, a) for d, a in pairs], args.repeat)
    steps["dates"], dates = best(lambda: [extract_dates(d, a.published) for d, a in pairs], args.repeat)
    steps["quotes"], _ = best(lambda: [extract_quotes(d, e) for (d, _a), e in zip(pairs, ents, strict=True)],
                              args.repeat)
    rows = list(zip(pairs, ents, dates, strict=True))
    steps["events"], events = best(lambda: [extract_events(d, e, ds, published=a.published, article=a)
                                            for (d, a), e, ds in rows], args.repeat)
    total = sum(steps.values())
    ratio = steps["events"] / total
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words} words, {sum(len(e) for e in events)} events")
    for name, s in steps.items():
        print(f"{name + ':':<17} {s:7.2f} s  {100 * s / total:5.1f}%")
    print(f"events share of analyze: {100 * ratio:.1f}% ({'ok' if ratio <= BUDGET else 'over'} the 10% budget)")
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
