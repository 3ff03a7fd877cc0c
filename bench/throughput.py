"""Throughput of newskit against raw spaCy on the same machine, in the same run (ratios, not absolute times).

    python bench/throughput.py [--limit N] [--split train] [--clock wall|cpu]

Builds a JSON Lines corpus from the PolNeAR articles in ../shared/data, then times whole commands:
raw spaCy nlp.pipe with the components `newskit entities` uses, `newskit entities --jsonl` with 1 and 2 workers
(and with 1 worker, spaCy's own AttributeRuler and thinc's own matrix product, NEWSKIT_SPACY_ATTRIBUTE_RULER=1
NEWSKIT_THINC_BLIS=1, to show newskit's overhead alone),
`newskit parse --jsonl`, `newskit entities --output DIR --workers 2` over the same articles as 4 shards (the
archive path), and `newskit --help` start-up next to `python -c pass`. Needs the `bench` extra (psutil).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CLOCK, ROOT, median_time, polnear_corpus, run_measured, words_in

PY = sys.executable


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    ap.add_argument("--split", default="train")
    ap.add_argument("--clock", choices=["wall", "cpu"], default="wall",
                    help="what a command's time counts: wall seconds, or CPU seconds of its process tree (for a "
                         "machine shared with other work; the 2-worker lines then show overhead, not speed-up)")
    args = ap.parse_args()
    CLOCK["name"] = args.clock
    corpus = polnear_corpus(args.split, args.limit)
    words = words_in(corpus)
    n_articles = sum(1 for _ in corpus.open(encoding="utf-8"))
    print(f"corpus: {n_articles} PolNeAR {args.split} articles, {words} words")

    raw_s, raw_mem = run_measured([PY, str(ROOT / "bench" / "raw_spacy.py"), str(corpus), "--task", "entities"])
    one_s, one_mem = run_measured([PY, "-m", "newskit", "entities", "--jsonl", "--workers", "1", str(corpus)])
    # The same with spaCy's own AttributeRuler instead of newskit's compiled one, and thinc's own matrix product
    # (blis) instead of numpy's: the model computed as raw spaCy computes it, so newskit's overhead alone.
    own_s, _ = run_measured(["env", "NEWSKIT_SPACY_ATTRIBUTE_RULER=1", "NEWSKIT_THINC_BLIS=1", PY, "-m", "newskit",
                             "entities", "--jsonl", "--workers", "1", str(corpus)])
    two_s, two_mem = run_measured([PY, "-m", "newskit", "entities", "--jsonl", "--workers", "2", str(corpus)])
    parse_s, _ = run_measured([PY, "-m", "newskit", "parse", "--jsonl", str(corpus)])
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    # The archive path: the same articles as 4 JSONL shards, written as parts by 2 workers of the local pool.
    shards = corpus.with_name("shards")
    shards.mkdir()
    for i in range(4):
        (shards / f"shard-{i}.jsonl").write_text("".join(lines[i::4]), encoding="utf-8")
    arch_s, arch_mem = run_measured([PY, "-m", "newskit", "entities", "--output", str(corpus.with_name("out")),
                                     "--workers", "2", "--no-progress", str(shards)])
    tenth = corpus.with_name("tenth.jsonl")
    tenth.write_text("".join(lines[:max(1, len(lines) // 10)]), encoding="utf-8")
    _, tenth_mem = run_measured([PY, "-m", "newskit", "entities", "--jsonl", "--workers", "1", str(tenth)])
    rows = [("raw spaCy nlp.pipe (same model, components, batch)", raw_s, raw_mem),
            ("newskit entities --workers 1", one_s, one_mem),
            ("  the same, spaCy's own attribute ruler and blis", own_s, None),
            ("newskit entities --workers 2", two_s, two_mem),
            ("newskit entities --output DIR --workers 2 (4 shards)", arch_s, arch_mem)]
    for name, s, mem in rows:
        rss = "     —" if mem is None else f"{mem / 2**20:6.0f}"  # memory not taken for the comparison row
        print(f"{name:52} {words / s:8.0f} words/s  {s:6.1f} s  peak RSS {rss} MB")
    print(f"entities / raw spaCy (1 worker):   {raw_s / one_s:.2f}x "
          f"({raw_s / own_s:.2f}x with spaCy's own attribute ruler and matrix product)")
    print(f"entities 2 workers / 1 worker:     {one_s / two_s:.2f}x")
    print(f"--output 2 workers / raw spaCy:    {raw_s / arch_s:.2f}x (--jsonl 2 workers: {raw_s / two_s:.2f}x)")
    print(f"memory as the archive grows 10x:   {tenth_mem / 2**20:.0f} MB -> {one_mem / 2**20:.0f} MB peak RSS")
    print(f"newskit parse: {n_articles / parse_s:.0f} articles/s ({words / parse_s:.0f} words/s, whole command)")
    help_s = median_time([PY, "-m", "newskit", "--help"])
    pass_s = median_time([PY, "-c", "pass"])
    print(f"start-up: newskit --help {help_s * 1000:.0f} ms, python -c pass {pass_s * 1000:.0f} ms "
          f"(newskit adds {(help_s - pass_s) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
