"""Throughput of `--engine dask` on a sharded archive against the local worker pool, and memory per worker.

    python bench/dask_scale.py [--limit N] [--shards 8] [--split train]

Writes the PolNeAR articles of ../shared/data as JSON Lines, split into SHARDS files, then times whole commands
(each starts its own processes and loads the model, as a user's run does):
`newskit entities --jsonl --workers 1|2` over the one-file corpus (the plain local pool), and
`newskit entities --output DIR --engine dask --workers 2` (a 2-worker LocalCluster) and `--engine local --workers 2`
over the shards. Peak memory is per process (the largest worker) and summed over the process tree. Checks that
the dask run wrote the same records as the local one, and how much of the CPUs other programs took during each run
(the ratios only mean something when that stays near 0%). Needs the `bench` and `dask` extras.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, polnear_corpus, words_in

PY = sys.executable


def split(corpus: Path, shards: int) -> Path:
    """Write the corpus's lines into `shards` JSONL files of near-equal size; return their folder."""
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    folder = corpus.parent / "shards"
    folder.mkdir()
    size = -(-len(lines) // shards)
    for i in range(shards):
        (folder / f"shard-{i:03d}.jsonl").write_text("".join(lines[i * size:(i + 1) * size]), encoding="utf-8")
    return folder


def _rss(proc) -> int:
    """Return a process's resident memory, 0 when it has just exited."""
    import psutil

    try:
        return proc.memory_info().rss
    except psutil.Error:
        return 0


def _busy() -> float:
    """Return the CPU seconds the whole machine has spent busy since boot (all cores)."""
    import psutil

    t = psutil.cpu_times()
    return sum(getattr(t, k, 0.0) for k in ("user", "nice", "system", "irq", "softirq", "steal"))


def _cpu(proc) -> float:
    """Return a process's CPU seconds so far, 0 when it has just exited."""
    import psutil

    try:
        t = proc.cpu_times()
        return t.user + t.system
    except psutil.Error:
        return 0.0


def measured(argv: list[str], stdout=subprocess.DEVNULL) -> dict:
    """Run a command; return wall seconds, the summed peak RSS of its tree, the largest single process's peak, and
    the share of the machine's cores that other programs kept busy meanwhile (the cores are shared)."""
    import psutil

    me = psutil.Process()  # this script's own polling is not another program
    t0, busy0, mine0 = time.perf_counter(), _busy(), _cpu(me)
    proc = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT)
    root = psutil.Process(proc.pid)
    tree_peak, per_pid, cpu = 0, {}, {}
    while proc.poll() is None:
        rss = {}
        with contextlib.suppress(psutil.Error):
            for p in [root] + root.children(recursive=True):
                rss[p.pid] = _rss(p)
                cpu[p.pid] = max(cpu.get(p.pid, 0.0), _cpu(p))
        tree_peak = max(tree_peak, sum(rss.values()))
        for pid, r in rss.items():
            per_pid[pid] = max(per_pid.get(pid, 0), r)
        time.sleep(0.1)
    seconds = time.perf_counter() - t0
    used = sum(cpu.values()) + _cpu(me) - mine0
    others = max(0.0, _busy() - busy0 - used) / (seconds * (psutil.cpu_count() or 1))
    err = proc.stderr.read().decode()
    if proc.returncode not in (0, 1):
        sys.stderr.write(err[-2000:])
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}")
    workers = [r for pid, r in per_pid.items() if pid != proc.pid]
    return {"seconds": seconds, "tree": tree_peak, "worker": max(workers, default=per_pid.get(proc.pid, 0)),
            "stderr": err, "others": others}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--split", default="train")
    args = ap.parse_args()
    corpus = polnear_corpus(args.split, args.limit)
    shards = split(corpus, args.shards)
    words = words_in(corpus)
    n = sum(1 for _ in corpus.open(encoding="utf-8"))
    print(f"corpus: {n} PolNeAR {args.split} articles, {words} words, in {args.shards} shards")
    out = Path(tempfile.mkdtemp(prefix="newskit-dask-bench-"))
    base = [PY, "-m", "newskit", "entities"]
    with (out / "local2.jsonl").open("wb") as fh:
        two = measured(base + ["--jsonl", "--workers", "2", str(corpus)], stdout=fh)
    one = measured(base + ["--jsonl", "--workers", "1", str(corpus)])
    dask = measured(base + ["--engine", "dask", "--workers", "2", "--no-progress", "--output", str(out / "dask"),
                            str(shards)])
    pool = measured(base + ["--engine", "local", "--workers", "2", "--no-progress", "--output", str(out / "pool"),
                            str(shards)])
    rows = [("local --jsonl --workers 1", one), ("local --jsonl --workers 2", two),
            ("--output --engine local --workers 2", pool), ("--output --engine dask --workers 2", dask)]
    for name, r in rows:
        print(f"{name:38} {words / r['seconds']:8.0f} words/s {r['seconds']:7.1f} s  "
              f"peak RSS per worker {r['worker'] / 2**20:5.0f} MB, whole tree {r['tree'] / 2**20:6.0f} MB, "
              f"other programs {r['others']:4.0%} of the CPUs")
    print(f"dask 2 workers / local pool 2 workers: {two['seconds'] / dask['seconds']:.2f}x (target >= 0.90x)")
    print(f"dask 2 workers / 1 worker:             {one['seconds'] / dask['seconds']:.2f}x (target >= 1.7x)")
    dashboard = [line for line in dask["stderr"].splitlines() if "dashboard" in line]
    print(f"dask run said: {dashboard[0] if dashboard else '(no dashboard line)'}")
    local = sorted((out / "local2.jsonl").read_text(encoding="utf-8").splitlines())
    mine = sorted(line for p in sorted((out / "dask").glob("part-*.jsonl"))
                  for line in p.read_text(encoding="utf-8").splitlines())
    same = local == mine
    print(f"dask records identical to local --jsonl: {same} ({len(mine)} records, "
          f"{len({json.loads(x)['id'] for x in mine})} distinct ids)")


if __name__ == "__main__":
    main()
