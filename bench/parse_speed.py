"""`newskit parse` throughput (articles/s) and `newskit --help` start-up beside `python -c pass`.

    python bench/parse_speed.py [--limit N]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import median_time, polnear_corpus, run_measured, words_in

PY = sys.executable


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    corpus = polnear_corpus("train", args.limit)
    n = sum(1 for _ in corpus.open(encoding="utf-8"))
    words = words_in(corpus)
    seconds, peak = run_measured([PY, "-m", "newskit", "parse", "--jsonl", str(corpus)])
    print(f"newskit parse: {n} articles in {seconds:.2f} s = {n / seconds:.0f} articles/s "
          f"({words / seconds:.0f} words/s, whole command incl. start-up), peak RSS {peak / 2**20:.0f} MB")
    help_s = median_time([PY, "-m", "newskit", "--help"])
    pass_s = median_time([PY, "-c", "pass"])
    print(f"start-up (median of 7): newskit --help {help_s * 1000:.0f} ms, python -c pass {pass_s * 1000:.0f} ms")


if __name__ == "__main__":
    main()
