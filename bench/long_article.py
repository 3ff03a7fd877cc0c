"""A single very long article (default 3 MB) through `newskit entities`: no error, every offset valid, time and memory.

    python bench/long_article.py [--mb 3]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, run_measured


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=3.0)
    args = ap.parse_args()
    seed = (ROOT / "seeds" / "000_e88cf532e1811814.txt").read_text(encoding="utf-8")
    text = ""
    while len(text.encode("utf-8")) < args.mb * 2**20:
        text += seed + "\n\n"
    path = Path(tempfile.mkdtemp(prefix="newskit-long-")) / "long.txt"
    path.write_text(text, encoding="utf-8")
    out = path.with_suffix(".json")
    with out.open("w") as fh:
        seconds, peak = run_measured([sys.executable, "-m", "newskit", "entities", "--json", str(path)], stdout=fh)
    rec = json.loads(out.read_text(encoding="utf-8"))
    spans = [m for e in rec.get("entities", []) for m in e["mentions"]] + rec.get("dates", [])
    bad = sum(text[s["start"]:s["end"]] != s["text"] for s in spans)
    words = len(text.split())
    print(f"{len(text.encode()) / 2**20:.1f} MB, {words} words: {seconds:.1f} s ({words / seconds:.0f} words/s), "
          f"peak RSS {peak / 2**20:.0f} MB, error={rec.get('error')}, {len(spans)} spans, {bad} bad offsets")


if __name__ == "__main__":
    main()
