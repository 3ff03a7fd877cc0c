"""Helpers shared by the benchmarks: corpora from ../shared/data, timing whole commands, peak memory of a tree."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("NEWSKIT_GOLD", ROOT.parent / "shared" / "data"))
# What run_measured counts: "wall" seconds, or "cpu" seconds of the command's whole process tree (user + system,
# workers included), for a machine shared with other work, where wall time measures the neighbours.
CLOCK = {"name": "wall"}


def polnear_corpus(split: str = "train", limit: int = 0) -> Path:
    """Write the PolNeAR articles of `split` as JSON Lines in a temp file and return its path."""
    files = sorted((DATA / "polnear" / split / "text").glob("*.txt"))
    if not files:
        raise SystemExit(f"no PolNeAR articles under {DATA}; set NEWSKIT_GOLD")
    if limit:
        files = files[:limit]
    out = Path(tempfile.mkdtemp(prefix="newskit-bench-")) / f"polnear-{split}.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for f in files:
            fh.write(json.dumps({"id": f.stem, "text": f.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")
    return out


def words_in(jsonl: Path) -> int:
    """Return the whitespace word count of a JSONL corpus's texts."""
    with jsonl.open(encoding="utf-8") as fh:
        return sum(len(json.loads(line)["text"].split()) for line in fh)


def run_measured(argv: list[str], stdout=subprocess.DEVNULL) -> tuple[float, int]:
    """Run a command; return (seconds on CLOCK, peak RSS in bytes summed over its process tree)."""
    import resource

    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE)
    ps = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            procs = [ps] + ps.children(recursive=True)
            peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    seconds = time.perf_counter() - t0
    if CLOCK["name"] == "cpu":  # every process of the tree that was waited for: the command and its workers
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        seconds = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.read().decode()[-2000:])
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}")
    return seconds, peak


def median_time(argv: list[str], runs: int = 7, env: dict[str, str] | None = None) -> float:
    """Return the median wall time of a short command over several runs (in `env`, else this environment)."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def raw_pipeline(task: str = "entities"):
    """The yardstick: the base spaCy model with only the components newskit runs for `task`, and nothing of
    newskit's own (no recognizer, rules or merge)."""
    import spacy

    from newskit.nlp import NEEDS, model_name

    nlp = spacy.load(model_name())
    for pipe in list(nlp.pipe_names):
        if pipe not in NEEDS[task]:
            nlp.disable_pipe(pipe)
    return nlp
