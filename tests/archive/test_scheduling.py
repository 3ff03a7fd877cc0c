"""How shards are handed to workers: largest first, and the settings of the LocalCluster newskit starts."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newskit.archive.runner import largest_first
from newskit.archive.shards import find_shards

from .conftest import write_jsonl

ROOT = Path(__file__).resolve().parents[2]


def test_shards_know_their_size_and_parallel_runs_start_the_largest(tmp_path):
    for name, n in (("a.jsonl", 1), ("b.jsonl", 3), ("c.jsonl", 1), ("d.jsonl", 2)):
        write_jsonl(tmp_path / name, [{"id": f"{name}-{i}", "text": "Paris, Monday. The talks ended."}
                                      for i in range(n)])
    shards = find_shards([str(tmp_path)])
    assert [s.size for s in shards] == [(tmp_path / s.name).stat().st_size for s in shards]
    todo = [(s, part) for part, s in enumerate(shards)]
    order = [Path(s.name).name for s, _ in largest_first(todo)]
    assert order == ["b.jsonl", "d.jsonl", "a.jsonl", "c.jsonl"]  # equal sizes keep their input order
    assert [part for _, part in largest_first(todo)] == [1, 3, 0, 2]  # parts keep their numbers


def test_a_file_shard_sums_its_files(tmp_path):
    (tmp_path / "one.txt").write_text("Paris, Monday. The talks ended.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Berlin, Tuesday. The talks resumed after a long night.", encoding="utf-8")
    [shard] = find_shards([str(tmp_path)])
    assert shard.size == sum(p.stat().st_size for p in tmp_path.glob("*.txt"))


SCRIPT = """
import json, os
import dask
from newskit.dask import connect
client, cluster = connect(None, 1)
try:
    [worker] = client.run(lambda: (os.environ.get("MALLOC_TRIM_THRESHOLD_"),
                                   dask.config.get("distributed.worker.profile.enabled"))).values()
    saturation = client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.WORKER_SATURATION)
    print(json.dumps({"trim": worker[0], "profile": worker[1], "saturation": saturation}))
finally:
    client.close()
    cluster.close()
"""


def test_the_local_cluster_workers_run_like_plain_processes():
    pytest.importorskip("distributed")
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_TRIM_THRESHOLD_"}  # an earlier cluster may set it
    env["PYTHONPATH"] = str(ROOT / "src")
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    # Dask's default MALLOC_TRIM_THRESHOLD_ cost 15-20% CPU per shard; its profiler and 1.1 saturation, the rest
    assert got == {"trim": None, "profile": False, "saturation": 1.0}
