"""`newskit link` over many records: time and peak memory at two sizes, to show memory stays flat as records grow.

    python bench/link_scale.py [--articles 40] [--sizes 10000,100000] [--split dev]

Runs `newskit entities --jsonl` once over the first ARTICLES PolNeAR articles of ../shared/data, then writes
archives of SIZES records by repeating those records with changed ids (`copy-N/ID`), and times the whole command
`newskit link FILE` on each, wall and CPU time (and `cat FILE | newskit link -` on the largest, which spools
stdin to a temporary file for its second pass). Peak memory is the resident set of the process. The records
repeat, so the distinct names stay those of the ARTICLES articles: memory that stays flat from the small to the
large archive is memory that grows with names, not records. For scale, raw spaCy `nlp.pipe` over the same
articles is timed in the same run: link's CPU per record against the model's per article.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, polnear_corpus, run_measured

PY = sys.executable


def _records(corpus: Path) -> list[str]:
    out = subprocess.run([PY, "-m", "newskit", "entities", "--jsonl", str(corpus)], capture_output=True, text=True,
                         check=False, cwd=ROOT)
    if out.returncode not in (0, 1):
        raise SystemExit(out.stderr[-2000:])
    return [line for line in out.stdout.splitlines() if line.strip()]


def _archive(lines: list[str], size: int, folder: Path) -> Path:
    path = folder / f"records-{size}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for n in range(size):
            rec = json.loads(lines[n % len(lines)])
            rec["id"] = f"copy-{n // len(lines)}/{rec['id']}"
            fh.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
    return path


def _raw_spacy_seconds(corpus: Path) -> float:
    import spacy

    from newskit.nlp import model_name

    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    nlp = spacy.load(model_name(None))
    t0 = time.process_time()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--split", default="dev")
    args = ap.parse_args()
    corpus = polnear_corpus(args.split, args.articles)
    lines = _records(corpus)
    entities = sum(len(json.loads(x).get("entities") or []) for x in lines)
    keys = {e["key"] for x in lines for e in json.loads(x).get("entities") or []}
    print(f"{len(lines)} PolNeAR {args.split} articles: {entities} entities, {len(keys)} distinct keys")
    spacy_per_article = _raw_spacy_seconds(corpus) / len(lines)
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="newskit-link-") as tmp:  # the archives are gigabytes: never left behind
        _measure(lines, sizes, Path(tmp), spacy_per_article)
    print(f"raw spaCy nlp.pipe: {spacy_per_article * 1e3:.1f} ms CPU per article")


def _measure(lines: list[str], sizes: list[int], folder: Path, spacy_per_article: float) -> None:
    for size in sizes:
        path = _archive(lines, size, folder)
        cpu, (seconds, peak) = _cpu(lambda p=path: run_measured([PY, "-m", "newskit", "link", str(p)]))
        mb = path.stat().st_size / 1e6
        print(f"link {size:>7} records ({mb:.0f} MB): {seconds:6.1f} s wall, {cpu:6.1f} s CPU, "
              f"{size / cpu:7.0f} records per CPU second, peak RSS {peak / 1e6:5.0f} MB; CPU per record "
              f"{cpu / size * 1e3:.3f} ms = {cpu / size / spacy_per_article:.4f} x raw spaCy per article")
    path = folder / f"records-{sizes[-1]}.jsonl"
    cpu, (seconds, peak) = _cpu(lambda: run_measured(["sh", "-c", f"cat '{path}' | '{PY}' -m newskit link -"]))
    print(f"link - (stdin, {sizes[-1]} records): {seconds:6.1f} s wall, {cpu:6.1f} s CPU, peak RSS "
          f"{peak / 1e6:5.0f} MB (cat and link)")


def _cpu(run):
    """Return (CPU seconds of the child processes `run` waits for, its result): on a shared machine the CPU time
    is what the work costs, the wall time also holds the waits for other programs."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = run()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, result


if __name__ == "__main__":
    main()
