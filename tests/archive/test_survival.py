"""Archive runs that survive: ids that cannot collide in SQLite, worker deaths, per-article deadlines, orphaned
workers, full disks and second writers, compression bombs, edited manifests, resume keyed on each input."""
from __future__ import annotations

import errno
import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from faulty_pipe import FaultyPipe
from newskit.cli import cli
from newskit.record import ErrorRecord, Record
from processes import alive, children

from .conftest import article_texts, make_archive, read_parts, write_jsonl

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def _ids(db: Path) -> list[str]:
    return [r[0] for r in sqlite3.connect(db).execute("SELECT id FROM articles ORDER BY rowid")]


def test_two_id_less_batches_into_one_database_keep_every_article(tmp_path):
    texts = article_texts(5)
    day1 = write_jsonl(tmp_path / "day1.jsonl", [{"text": t} for t in texts[:3]])
    day2 = write_jsonl(tmp_path / "day2.jsonl", [{"text": t} for t in texts[3:]])
    db = tmp_path / "desk.db"
    assert _cli("parse", "--output", db, "--workers", "1", day1).exit_code == 0
    assert _cli("parse", "--output", db, "--workers", "1", day2).exit_code == 0
    # The default id of a line in an archive output is its file and line: line 1 of day 2 is not line 1 of day 1.
    assert _ids(db) == [f"{day1}:{n}" for n in (1, 2, 3)] + [f"{day2}:{n}" for n in (1, 2)]
    # A shard whose input changed is redone: the rows of the article it lost go with it.
    write_jsonl(day1, [{"text": t} for t in texts[:2]])
    assert _cli("parse", "--output", db, "--workers", "1", day1, day2).exit_code == 0
    assert _ids(db)[-2:] == [f"{day1}:1", f"{day1}:2"] and f"{day1}:3" not in _ids(db)
    assert len(_ids(db)) == 4


def test_one_id_twice_in_a_shard_is_refused_not_replaced(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{"id": "same", "text": "Paris, Monday. The first story."},
                                             {"id": "same", "text": "Paris, Monday. The second story."}])
    db = tmp_path / "desk.db"
    res = _cli("parse", "--output", db, "--workers", "1", src)
    assert res.exit_code == 1
    assert f"newskit: {src}: id 'same' is already in the database from {src}; this article was not stored" \
           in res.stderr
    text = sqlite3.connect(db).execute("SELECT text FROM articles WHERE id = 'same'").fetchone()[0]
    assert text == "Paris, Monday. The first story."


def _killing_read_shard(real, marker: Path):
    def read_shard(shard, **kw):
        if "victim" in shard.name and not marker.exists():
            marker.write_text("killed once")
            os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
        return real(shard, **kw)
    return read_shard


def test_a_worker_killed_in_a_local_output_run_is_replaced_and_every_id_lands_once(tmp_path, monkeypatch):
    import newskit.archive.job as job_module
    from newskit.archive import Job
    from newskit.archive.runner import run_archive

    folder = tmp_path / "in"
    ids = make_archive(folder, shards=3, per_shard=2)
    write_jsonl(folder / "victim.jsonl", [{"id": "v-1", "text": "Paris, Monday. The talks ended."}])
    monkeypatch.setattr(job_module, "read_shard", _killing_read_shard(job_module.read_shard, tmp_path / "marker"))
    events = list(run_archive(Job("parse", ("parse",)), [str(folder)], str(tmp_path / "out"), workers=2))
    notes = [e["message"] for e in events if e["event"] == "note"]
    assert len(notes) == 1 and "killed by SIGKILL" in notes[0] and "victim.jsonl" in notes[0]
    end = events[-1]
    assert end["failed"] == [] and end["records"] == len(ids) + 1
    got = [r["id"] for r in read_parts(tmp_path / "out")]
    assert sorted(got) == sorted(ids + ["v-1"])  # every id once


def _slow_parse(real):
    def parse_article(text):
        if "RUNAWAY" in text:  # a pathological article: pure Python work that never ends on its own
            end = time.monotonic() + 20
            while time.monotonic() < end:
                pass
        return real(text)
    return parse_article


@pytest.mark.parametrize("workers", ["1", "2"])
def test_timeout_per_article_holds_in_an_output_run_and_spares_the_neighbours(tmp_path, monkeypatch, workers):
    import newskit.batch as batch

    monkeypatch.setattr(batch, "parse_article", _slow_parse(batch.parse_article))
    src = write_jsonl(tmp_path / "a.jsonl", [
        {"id": "before", "text": "Paris, Monday. The talks ended without a deal."},
        {"id": "slow", "text": "RUNAWAY article about Berlin."},
        {"id": "after", "text": "Rome, Tuesday. The mayor resigned."}])
    write_jsonl(tmp_path / "b.jsonl", [{"id": "other", "text": "Madrid, Friday. The strike went on."}])
    out = tmp_path / "out"
    res = _cli("dates", "--output", out, "--workers", workers, "--timeout-per-article", "2", src,
               tmp_path / "b.jsonl")
    # A `timeout` record is the proof the deadline cut it: left alone, the runaway parse ends with a record.
    assert res.exit_code == 1
    recs = {r["id"]: r for r in read_parts(out)}
    assert recs["slow"]["error"]["code"] == "timeout"
    assert all("article" in recs[i] for i in ("before", "after", "other"))


def test_a_short_article_batched_with_a_runaway_one_keeps_its_budget(nlp):
    from newskit.batch import run_model
    from newskit.io.inputs import source_from_text

    sources = [source_from_text("Macron met Scholz in Berlin on Monday.", id="short"),
               source_from_text("A SLOW article.", id="slow")]
    # Budgets of a few seconds, so a short article keeps its record on a loaded machine too.
    slow = FaultyPipe(nlp, slow_seconds=30, busy=True)
    recs = list(run_model(slow, sources, ("parse", "entities", "dates"), debug=False, timeout=3.0))
    # The failed batch's six seconds are charged to no one; each article is then timed on its own.
    assert isinstance(recs[1], ErrorRecord) and recs[1].error.code == "timeout"
    assert isinstance(recs[0], Record) and {e.name for e in recs[0].entities or ()} >= {"Macron", "Berlin"}


def test_the_deadline_works_outside_the_main_thread():
    import threading

    from newskit.deadline import deadline
    from newskit.errors import ArticleTimeout

    got = []

    def work():
        try:
            with deadline(0.2):
                while True:
                    pass
        except ArticleTimeout:
            got.append("timeout")

    t = threading.Thread(target=work)
    t.start()
    t.join(10)
    assert got == ["timeout"]


def test_workers_do_not_outlive_a_parent_killed_with_sigkill(tmp_path):
    folder = tmp_path / "in"
    make_archive(folder, shards=4, per_shard=20)
    proc = subprocess.Popen([sys.executable, "-m", "newskit", "dates", "--output", str(tmp_path / "out"),
                             "--workers", "2", "--no-progress", str(folder)], stderr=subprocess.PIPE,
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        workers = children(proc.pid)
        time.sleep(0.1)
    if len(workers) < 2:
        proc.kill()
        pytest.skip("cannot list child processes here")
    proc.kill()
    proc.wait(10)
    end = time.monotonic() + 5
    while time.monotonic() < end and any(alive(p) for p in workers):
        time.sleep(0.1)
    assert not any(alive(p) for p in workers)


class _FullDisk:
    """A file whose writes fail as on a full disk once `room` bytes are written."""

    def __init__(self, fh, room: int):
        self.fh, self.room = fh, room

    def write(self, data):
        self.room -= len(data)
        if self.room < 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self.fh.write(data)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.fh.close()

    def close(self):
        self.fh.close()


def test_a_full_disk_ends_an_output_run_in_one_line_and_a_rerun_completes(tmp_path, monkeypatch):
    from newskit.archive.storage import TEMP_MARK, LocalFS

    folder = tmp_path / "in"
    ids = make_archive(folder, shards=2)
    out = tmp_path / "out"
    real_open = LocalFS.open

    def open_(self, path, mode="rb"):
        fh = real_open(self, path, mode)
        return _FullDisk(fh, 100) if "w" in mode and "part-" in path and TEMP_MARK in path else fh

    monkeypatch.setattr(LocalFS, "open", open_)
    res = _cli("parse", "--output", out, "--workers", "1", folder)
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert lines[-1].startswith("newskit: writing ") and lines[-1].endswith(": No space left on device")
    assert all(line.startswith("newskit: ") for line in lines) and "Traceback" not in res.stderr
    assert not list(out.glob("part-*")) and not [p for p in out.iterdir() if TEMP_MARK in p.name]
    monkeypatch.undo()
    assert _cli("parse", "--output", out, "--workers", "1", folder).exit_code == 0
    assert sorted(r["id"] for r in read_parts(out)) == sorted(ids)


def test_a_full_database_ends_in_one_line_and_a_rerun_completes(tmp_path, monkeypatch):
    import newskit.archive.sqlite as sq

    folder = tmp_path / "in"
    ids = make_archive(folder, shards=2, per_shard=3)
    db = tmp_path / "desk.db"
    real = sq.connect

    def full(path, busy_seconds=None):  # SQLite's own "database or disk is full", as on a full disk
        con = real(path, busy_seconds)
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        con.execute(f"PRAGMA max_page_count = {pages + 1}")
        return con

    monkeypatch.setattr(sq, "connect", full)
    res = _cli("parse", "--output", db, "--workers", "1", folder)
    assert res.exit_code == 1 and "Traceback" not in res.stderr
    assert res.stderr.strip().splitlines()[-1] == f"newskit: writing {db}: database or disk is full"
    monkeypatch.undo()
    assert _cli("parse", "--output", db, "--workers", "1", folder).exit_code == 0
    assert sorted(_ids(db)) == sorted(ids)


def test_two_writers_on_one_database_or_folder_end_in_one_line(tmp_path, monkeypatch):
    import newskit.archive.sqlite as sq
    from newskit.archive.lock import RunLock

    folder = tmp_path / "in"
    make_archive(folder, shards=1)
    db = tmp_path / "desk.db"
    held = RunLock(str(db), folder=False)  # another newskit run holds the database
    try:
        res = _cli("parse", "--output", db, "--workers", "1", folder)
    finally:
        held.release()
    assert res.exit_code == 1
    assert res.stderr == (f"newskit: {db} is in use by another newskit run (pid {os.getpid()} on "
                          f"{os.uname().nodename} since {res.stderr.split(' since ')[1].split(')')[0]}); "
                          "wait for it to end, or write to another output\n")
    out = tmp_path / "out"
    out.mkdir()
    held = RunLock(str(out), folder=True)
    try:
        res = _cli("parse", "--output", out, "--workers", "1", folder)
    finally:
        held.release()
    assert res.exit_code == 1 and len(res.stderr.splitlines()) == 1 and "in use by another newskit run" in res.stderr
    # A lock left by a run that died is no lock: the next run takes it over.
    assert _cli("parse", "--output", out, "--workers", "1", folder).exit_code == 0
    # Another program in a write transaction: waited for, then one line.
    monkeypatch.setattr(sq, "BUSY_SECONDS", 0.2)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        res = _cli("parse", "--output", db, "--workers", "1", folder)
    finally:
        other.execute("ROLLBACK")
    assert res.exit_code == 1 and res.stderr == f"newskit: writing {db}: database is locked\n"


def _peak_mb(fn) -> float:
    import tracemalloc

    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".jsonl.zst"])
def test_a_compression_bomb_stays_small_and_names_its_shard(tmp_path, suffix):
    from newskit.archive.reading import read_shard
    from newskit.archive.shards import find_shards

    line = b'{"id": "bomb", "text": "' + b"A" * (60 * 2**20) + b'"}\n'
    data = line + b"\n" * 300_000 + b'{"id": "late", "text": "Never read."}\n'
    if suffix == ".jsonl.gz":
        packed = gzip.compress(data, 9)
    else:
        zstandard = pytest.importorskip("zstandard")
        packed = zstandard.ZstdCompressor(level=19).compress(data)
    path = tmp_path / f"bomb{suffix}"
    path.write_bytes(packed)
    assert len(packed) < 100_000
    [shard] = find_shards([str(path)])
    got: list = []
    peak = _peak_mb(lambda: got.extend(read_shard(shard)))
    assert peak < 200
    assert [(s.error.code, s.error.where) for s in got] == [("too-large", f"{path}:1"), ("bad-jsonl", f"{path}:100002")]
    assert "blank lines in a row" in got[1].error.message


def test_an_edited_manifest_is_one_line_and_overwrite_replaces_it(tmp_path):
    folder = tmp_path / "in"
    ids = make_archive(folder, shards=1)
    out = tmp_path / "out"
    assert _cli("parse", "--output", out, "--workers", "1", folder).exit_code == 0
    (out / "_manifest.json").write_text(json.dumps({"settings": {}, "shards": {"x": {"part": "zero"}}}))
    res = _cli("parse", "--output", out, "--workers", "1", folder)
    assert res.exit_code == 1 and res.stderr.startswith("newskit: ") and len(res.stderr.splitlines()) == 1
    assert "not a newskit manifest" in res.stderr
    res = _cli("parse", "--output", out, "--workers", "1", "--overwrite", folder)
    assert res.exit_code == 0, res.stderr
    assert sorted(r["id"] for r in read_parts(out)) == sorted(ids)


def test_adding_files_to_a_desk_runs_only_the_new_ones(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    texts = article_texts(4)
    for i in (1, 2, 3):
        (folder / f"story-{i}.txt").write_text(texts[i], encoding="utf-8")
    out = tmp_path / "out"
    assert _cli("parse", "--output", out, "--workers", "1", folder).exit_code == 0
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("part-*.jsonl")}
    (folder / "story-0.txt").write_text(texts[0], encoding="utf-8")  # sorts first: regrouping would move all
    res = _cli("parse", "--output", out, "--workers", "1", folder)
    assert res.exit_code == 0
    assert "2 shards, 1 already complete, 1 to run" in res.stderr
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("part-*.jsonl") if p.name in before} == before
    assert sorted(r["id"] for r in read_parts(out)) == sorted(str(folder / f"story-{i}.txt") for i in range(4))


def test_articles_are_counted_as_they_finish_inside_shards(tmp_path):
    from newskit.archive import Job
    from newskit.archive.runner import run_archive

    folder = tmp_path / "in"
    ids = make_archive(folder, shards=2, per_shard=3)
    ticks: list[int] = []
    list(run_archive(Job("parse", ("parse",)), [str(folder)], str(tmp_path / "out"), on_articles=ticks.append))
    assert ticks == [1] * len(ids)


def test_a_refused_sqlite_output_speaks_as_newskit(tmp_path):
    folder = tmp_path / "in"
    make_archive(folder, shards=1)
    db = tmp_path / "desk.db"
    assert _cli("parse", "--output", db, "--workers", "1", folder).exit_code == 0
    res = _cli("dates", "--output", db, "--workers", "1", folder)
    assert res.exit_code == 1
    assert res.stderr.startswith(f"newskit: {db} holds output of another run: command 'parse' (now 'dates')")


def test_parquet_rows_keep_their_types_nan_and_binary_text(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    from newskit.archive.reading import read_shard
    from newskit.archive.shards import find_shards

    path = tmp_path / "rows.parquet"
    pq.write_table(pa.table({
        "body": pa.array([b"Paris, Monday. The talks ended.", b"\x89PNG\r\n\x1a\n\x00\x00binary",
                          b"Rome, Tuesday. The mayor resigned."], pa.binary()),
        "url": ["u-1", "u-2", None],
        "score": [float("nan"), 1.5, float("inf")]}), path)
    [shard] = find_shards([str(path)])
    got = list(read_shard(shard, text_column="body", id_column="url"))
    assert got[0].id == "u-1" and got[0].text == "Paris, Monday. The talks ended."
    assert isinstance(got[0].meta["score"], float) and got[0].meta["score"] != got[0].meta["score"]  # NaN
    assert got[1].id == "u-2" and got[1].error.code == "binary"
    assert got[2].id == f"{path}:3" and got[2].error is None
    out = tmp_path / "out"
    res = _cli("parse", "--output", out, "--workers", "1", "--text-column", "body", "--id-column", "url", path)
    assert res.exit_code == 1  # the binary row
    recs = {r["id"]: r for r in read_parts(out)}
    assert recs["u-1"]["meta"] == {"score": None}  # JSON has no NaN: written as null
    assert "article" in recs[f"{path}:3"] and recs[f"{path}:3"]["meta"] == {"score": None}  # inf: null too
