"""Archive runs on a 2-worker Dask LocalCluster (processes): same records as local, killed workers, resume,
bad shards, and the newskit.dask API. One cluster serves the whole module."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

from newskit.archive import Job  # noqa: E402
from newskit.archive.runner import run_archive  # noqa: E402
from newskit.pipeline import COMMAND_TASKS  # noqa: E402

from .conftest import make_archive, read_parts  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                       silence_logs=40)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def _run(folder, out, client, command="entities", fmt="jsonl", stop_after=None):
    job = Job(command, COMMAND_TASKS[command], format=fmt)
    events = []
    gen = run_archive(job, [str(folder)], str(out), engine="dask", client=client)
    for event in gen:
        events.append(event)
        if stop_after is not None and sum(e["event"] == "shard" for e in events) == stop_after:
            gen.close()  # the client goes away with shards still queued or running
            break
    return events


def _wait_idle(client) -> None:
    """Wait until no worker runs a task (cancelled tasks still finish in their worker's thread)."""
    for _ in range(600):
        busy = client.run(lambda dask_worker: len(dask_worker.state.executing))
        if not any(busy.values()):
            return
        time.sleep(0.1)


def _local_lines(paths) -> list[str]:
    from click.testing import CliRunner

    from newskit.cli import cli

    res = CliRunner().invoke(cli, ["entities", "--jsonl", "--workers", "1", *map(str, paths)])
    return res.stdout.splitlines()


def test_jsonl_and_parquet_runs_hold_every_id_once_with_the_local_records(client, tmp_path):
    folder = tmp_path / "in"
    ids = make_archive(folder, shards=4, per_shard=2)
    events = _run(folder, tmp_path / "out", client)
    assert events[-1]["failed"] == [] and events[-1]["records"] == len(ids)
    assert events[1]["event"] == "cluster" and events[1]["workers"] == 2
    records = read_parts(tmp_path / "out")
    assert sorted(r["id"] for r in records) == sorted(ids)
    plain = sorted(folder.glob("*.jsonl"))  # uncompressed shards: the plain --jsonl run reads them too
    local = _local_lines(plain)
    mine = [line for p in sorted((tmp_path / "out").glob("part-*.jsonl")) for line in p.read_text().splitlines()
            if json.loads(line)["id"] in {json.loads(x)["id"] for x in local}]
    assert mine == local
    _run(folder, tmp_path / "pq", client, fmt="parquet")
    articles = pq.read_table(tmp_path / "pq" / "articles").column("id").to_pylist()
    assert sorted(articles) == sorted(ids)
    entity_ids = set(pq.read_table(tmp_path / "pq" / "entities").column("article_id").to_pylist())
    assert entity_ids <= set(ids) and len(entity_ids) == len(ids)


def test_a_worker_killed_mid_run_loses_no_article(client, tmp_path):
    folder = tmp_path / "in"
    ids = make_archive(folder, shards=8, per_shard=2)
    job = Job("entities", COMMAND_TASKS["entities"])
    killed = False
    events = []
    for event in run_archive(job, [str(folder)], str(tmp_path / "out"), engine="dask", client=client):
        events.append(event)
        if event["event"] == "shard" and not killed:
            pids = client.run(os.getpid)
            os.kill(next(iter(pids.values())), signal.SIGKILL)
            killed = True
    assert killed and events[-1]["failed"] == []
    # The run says so: a death that cost nothing is still not silent (the local pool does the same).
    assert any(e["event"] == "note" and "left the cluster" in e["message"] for e in events)
    records = read_parts(tmp_path / "out")
    assert sorted(r["id"] for r in records) == sorted(ids)  # every id exactly once
    client.wait_for_workers(2, timeout=120)


def test_an_interrupted_run_resumed_redoes_only_the_missing_shards(client, tmp_path):
    folder = tmp_path / "in"
    ids = make_archive(folder, shards=12, per_shard=2)
    out = tmp_path / "out"
    _run(folder, out, client, stop_after=2)
    _wait_idle(client)
    before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.glob("part-*.jsonl")}
    assert 2 <= len(before) < 12
    events = _run(folder, out, client)
    assert events[0]["todo"] == 12 - len(before) and events[0]["skipped"] == len(before)
    assert sum(e["event"] == "shard" for e in events) == 12 - len(before)  # what was recomputed
    assert {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.glob("part-*.jsonl")
            if p.name in before} == before
    assert sorted(r["id"] for r in read_parts(out)) == sorted(ids)
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["records"] == len(ids) and all(e["status"] == "done" for e in manifest["shards"].values())
    assert not [p for p in out.iterdir() if ".newskit-tmp-" in p.name]


def test_bad_shards_are_named_and_the_others_finish(client, tmp_path):
    import gzip

    import pyarrow as pa

    folder = tmp_path / "in"
    ids = make_archive(folder, shards=2)
    good = (folder / "shard-000.jsonl").read_bytes()
    (folder / "broken.jsonl.gz").write_bytes(gzip.compress(good)[:-40])  # cut off: the stream ends early
    pa_table = pa.table({"body": ["Text without the expected column name."], "url": ["u-1"]})
    pq.write_table(pa_table, folder / "no-text.parquet")
    pq.write_table(pa.table({"text": ["Berlin, Monday. The talks in Berlin ended without a deal."],
                             "url": ["u-2"]}), folder / "ok.parquet")
    (folder / "mixed.jsonl").write_text('{"id": "ok-1", "text": "Paris, Monday. The talks ended."}\nnot json\n')
    address = client.scheduler.address
    proc = subprocess.run([sys.executable, "-m", "newskit", "entities", "--engine", "dask", "--scheduler", address,
                           "--output", str(tmp_path / "out"), "--no-progress", str(folder)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert proc.returncode == 1
    err = proc.stderr
    assert f"newskit: shard {folder / 'broken.jsonl.gz'} failed: cannot decompress gzip" in err
    assert (f"newskit: shard {folder / 'no-text.parquet'} failed: no column 'text' (columns: body, url); "
            "choose one with --text-column") in err
    assert f"newskit: {folder / 'mixed.jsonl'}: 1 of 2 inputs failed" in err
    assert f"dask scheduler {address} (2 workers)" in err and "Traceback" not in err
    records = read_parts(tmp_path / "out")
    # An id-less Parquet row is keyed by its file and row, so rows of two files never share an id in a table.
    assert sorted(r["id"] for r in records if "error" not in r) == sorted(ids + ["ok-1", f"{folder / 'ok.parquet'}:1"])
    assert [r["error"]["code"] for r in records if "error" in r] == ["bad-jsonl"]
    # The same command again retries only the two failed shards; the Parquet one with the right column works.
    proc = subprocess.run([sys.executable, "-m", "newskit", "entities", "--engine", "dask", "--scheduler", address,
                           "--output", str(tmp_path / "out"), "--text-column", "body", "--id-column", "url",
                           "--no-progress", str(folder / "no-text.parquet")],
                          capture_output=True, text=True, cwd=ROOT, timeout=600,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert proc.returncode == 0, proc.stderr
    assert "u-1" in {r["id"] for r in read_parts(tmp_path / "out")}


def test_analyze_bag_and_frame(client, tmp_path):
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    import newskit.dask as nd

    bodies = ["Berlin, Monday. Angela Merkel met Emmanuel Macron in Berlin.", "Tokyo, Friday. Toyota said sales rose."]
    texts = [{"id": f"b{i}", "text": t} for i, t in enumerate(bodies)]
    bag = db.from_sequence(texts + ["London, Sunday. The mayor of London spoke."], npartitions=2)
    records = nd.analyze_bag(bag, tasks="entities").compute()
    assert [r.id for r in records] == ["b0", "b1", "p1:1"]  # a text without id: partition:position
    assert "Angela Merkel" in {e.name for e in records[0].entities}
    frame = dd.from_pandas(pd.DataFrame({"body": [t["text"] for t in texts], "url": ["u0", "u1"]}), npartitions=2)
    people = nd.analyze_frame(frame, text_column="body", id_column="url", tasks="entities", table="entities")
    got = people.compute()
    assert set(got["article_id"]) == {"u0", "u1"} and "Angela Merkel" in set(got["name"])
    plain = nd.analyze_frame(frame, text_column="body", id_column="url", tasks="entities").compute()
    assert json.loads(plain["record"].iloc[0])["id"] == "u0"
