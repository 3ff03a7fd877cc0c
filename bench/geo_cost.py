"""What place resolution costs: gazetteer load time and memory, resolution time per article against `entities`.

    python bench/geo_cost.py [--data ../shared/data] [--limit N] [--repeat 3] [--against /path/to/other/checkout/src]

1. The gazetteer, loaded in a fresh process and asked a first name and then a hundred country, state and city
   names (what the first articles of a run ask): seconds and the resident memory it adds (the process's peak RSS
   after the lookups minus before them); with --against, the same in the other checkout.
2. On the geoparsing dev articles (TR-News layout, read with newskit's own reader), in the same run: raw spaCy
   `nlp.pipe` (the same model with the components `newskit entities` uses, spaCy's own pipeline) is the baseline;
   newskit's `nlp.pipe` plus `extract_entities` (which resolves places) is the entities time; `resolve_places`
   alone on the same entities (the index open, its name cache emptied before each pass, best of --repeat) is the
   resolution time. Printed as ratios
   to raw spaCy (times on a shared machine are noise; ratios in one run are not). Target: resolution <= 5% of
   entities.
3. With --against SRC (another checkout's src, e.g. the code before this change): paired runs of
   `python -m newskit --help` (median of 7, each side) and of `newskit entities --jsonl` over the articles (one run
   each side, alternated), so both sides see the same machine load.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import median_time, raw_pipeline

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
_NAMES = ("Toronto", "Ontario", "Canada", "Texas", "Paris", "London", "Georgia", "Aleppo", "Syria", "Kentucky",
          "Edmonton", "Alberta", "Moscow", "Russia", "Seoul", "Ukraine", "Japan", "Ankara", "Istanbul", "Berlin") * 5
_LOAD = """
import resource, time
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from newskit.geo.gazetteer import gazetteer
t0 = time.perf_counter()
g = gazetteer()
g.lookup("Springfield")
first = time.perf_counter() - t0
for name in {names!r}:
    g.lookup(name)
seconds = time.perf_counter() - t0
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(first, seconds, (after - before) / 1024, g.size)
"""


def gazetteer_cost(src: str) -> tuple[float, float, float, int]:
    """Return (seconds to the first answer, seconds to a hundred answers, MB added, entries) in a fresh process."""
    env = dict(os.environ, PYTHONPATH=src)
    out = subprocess.run([PY, "-c", _LOAD.format(names=_NAMES)], capture_output=True, text=True, env=env,
                         check=True)
    first, seconds, mb, size = out.stdout.split()
    return float(first), float(seconds), float(mb), int(size)


def paired(src: str, against: str, corpus: Path) -> None:
    ours, theirs = dict(os.environ, PYTHONPATH=src), dict(os.environ, PYTHONPATH=against)
    help_argv = [PY, "-m", "newskit", "--help"]
    a, b = median_time(help_argv, env=ours), median_time(help_argv, env=theirs)
    print(f"--help start-up: {a:.3f} s here, {b:.3f} s against ({a / b:.2f}x)")
    argv = [PY, "-m", "newskit", "entities", "--jsonl", "--workers", "1", str(corpus)]
    times: dict[str, list[float]] = {"here": [], "against": []}
    for side, env in (("here", ours), ("against", theirs), ("against", theirs), ("here", ours)):
        t0 = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
        times[side].append(time.perf_counter() - t0)
    a, b = min(times["here"]), min(times["against"])
    print(f"entities over the articles: {a:.1f} s here, {b:.1f} s against ({a / b:.2f}x, best of 2 each, "
          f"ABBA order)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.environ.get("NEWSKIT_GOLD", str(ROOT.parent / "shared" / "data")))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--against", help="another checkout's src folder, for paired start-up and throughput runs")
    args = ap.parse_args()
    src = str(ROOT / "src")
    sys.path.insert(0, src)
    from newskit.article import parse_article
    from newskit.entities import extract_entities
    from newskit.evaluate.geoparse import read_geo
    from newskit.geo import gazetteer, resolve_places
    from newskit.nlp import components_for, load

    loads = []
    for side, path in (("here", src), ("against", args.against)):
        if path:
            first, seconds, mb, size = gazetteer_cost(path)
            loads.append((side, seconds))
            print(f"gazetteer {side}: {size} entries, first answer after {1000 * first:.1f} ms, a hundred names "
                  f"after {1000 * seconds:.1f} ms, +{mb:.0f} MB resident")

    corpus_file = Path(args.data) / "geo" / "TR-News.xml"
    if not corpus_file.is_file():
        raise SystemExit(f"no geoparsing corpus at {corpus_file}; set NEWSKIT_GOLD")
    docs = read_geo(str(corpus_file))[: args.limit or None]
    texts = [d.text for d in docs]
    gaz = gazetteer()
    gaz.lookup("Paris")  # opened once, as in a run: its cost is the line above, not a per-article one
    raw = raw_pipeline("entities")
    list(raw.pipe(texts[:4]))
    t0 = time.perf_counter()
    list(raw.pipe(texts, batch_size=16))
    raw_s = time.perf_counter() - t0
    nlp = load(None, components_for(["entities"]))
    list(nlp.pipe(texts[:4]))
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=16))
    ents = [extract_entities(doc, parse_article(doc.text)) for doc in parsed]
    entities_s = time.perf_counter() - t0
    geo_s = float("inf")
    for _ in range(max(1, args.repeat)):
        if hasattr(gaz, "_hits"):  # each pass asks the index afresh, as a run does (extract_entities asked it)
            gaz._hits.cache_clear()
        t0 = time.perf_counter()
        for es, text in zip(ents, texts):
            resolve_places(es, text)
        geo_s = min(geo_s, time.perf_counter() - t0)
    n_places = sum(e.type == "place" for es in ents for e in es)
    ratio = geo_s / entities_s
    print(f"{len(docs)} articles, {n_places} places")
    print(f"raw spaCy nlp.pipe:                     {raw_s:.2f} s, {1000 * raw_s / len(docs):.1f} ms/article (1.00)")
    print(f"entities (nlp.pipe + extract_entities): {entities_s:.2f} s ({entities_s / raw_s:.2f} of raw spaCy)")
    print(f"resolve_places:                         {geo_s:.3f} s ({geo_s / raw_s:.3f} of raw spaCy)")
    print(f"resolution / entities: {100 * ratio:.1f}% ({'ok' if ratio <= 0.05 else 'over'} the 5% budget)")
    for side, seconds in loads:  # once per process: worth this many articles of raw spaCy
        print(f"gazetteer load {side}: {seconds / (raw_s / len(docs)):.2f} articles of raw spaCy")
    if args.against:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "articles.jsonl"
            corpus.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in docs),
                              encoding="utf-8")
            paired(src, args.against, corpus)
    return 0 if ratio <= 0.05 else 1


if __name__ == "__main__":
    raise SystemExit(main())
