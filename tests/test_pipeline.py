"""Archives: faults in a batch, long articles, parallel workers and early exits keep every record and offset."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

import newskit
from faulty_pipe import FaultyPipe
from newskit.batch import split_text
from newskit.cli import cli
from newskit.io.inputs import source_from_text
from newskit.record import ErrorInfo, ErrorRecord, Record
from processes import children

from conftest import SEED


def test_split_text_partitions_exactly():
    text = ("Paragraph one is here.\n\n" * 50) + ("x" * 300) + " tail"
    pieces = split_text(text, size=100)
    assert "".join(pieces) == text
    assert all(len(p) <= 100 for p in pieces)


def test_long_article_is_chunked_with_valid_offsets(monkeypatch, seed_text):
    import newskit.batch as batch

    monkeypatch.setattr(batch, "CHUNK_CHARS", 700)
    big = (seed_text + "\n\n") * 3
    rec = newskit.analyze_text(big, tasks=("parse", "entities", "dates"))
    assert isinstance(rec, Record)
    spans = [m for e in rec.entities for m in e.mentions] + list(rec.dates)
    assert spans and all(big[s.start:s.end] == s.text for s in spans)
    putin = next(e for e in rec.entities if e.name == "Vladimir Putin")
    assert putin.count == 3 * 6


def test_entities_batch_with_faults(tmp_path):
    (tmp_path / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("Zürich’s “mayor” said on Monday the café would reopen.\n".encode("cp1252"))
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / "d.txt").write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(200)))
    res = CliRunner().invoke(cli, ["entities", str(tmp_path), "--jsonl", "--published", "2024-01-22"])
    assert res.exit_code == 1
    recs = [json.loads(x) for x in res.stdout.splitlines()]
    assert [r.get("error", {}).get("code") for r in recs] == [None, None, "empty", "binary"]
    assert any(e["name"] == "Zürich" for e in recs[1]["entities"])
    assert "Traceback" not in res.output


def test_two_workers_give_the_same_records(tmp_path):
    corpus = tmp_path / "a.jsonl"
    text = SEED.read_text(encoding="utf-8")
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(6):
            fh.write(json.dumps({"id": f"n{i}", "text": text[i * 50:]}, ensure_ascii=False) + "\n")
        fh.write("not json\n")
    outs = []
    for w in ("1", "2"):
        proc = subprocess.run([sys.executable, "-m", "newskit", "entities", "--jsonl", "--workers", w, str(corpus)],
                              capture_output=True, text=True)
        assert proc.returncode == 1
        assert proc.stderr == f"newskit: {corpus}:7: not valid JSON (JSONDecodeError) [bad-jsonl]\n"
        outs.append(proc.stdout)
    assert outs[0] == outs[1]
    assert [json.loads(x)["id"] for x in outs[0].splitlines()] == [f"n{i}" for i in range(6)] + ["7"]


def test_head_closes_pipe_quietly_with_workers(tmp_path):
    corpus = tmp_path / "a.jsonl"
    text = SEED.read_text(encoding="utf-8")
    corpus.write_text("".join(json.dumps({"text": text}) + "\n" for _ in range(40)), encoding="utf-8")
    proc = subprocess.run(f"{sys.executable} -m newskit entities --jsonl --workers 2 {corpus} | head -n 1",
                          shell=True, capture_output=True, text=True, timeout=120)
    assert len(proc.stdout.splitlines()) == 1 and proc.stderr == ""


def test_ctrl_c_keeps_whole_records(tmp_path):
    import signal

    corpus = tmp_path / "a.jsonl"
    text = SEED.read_text(encoding="utf-8")
    corpus.write_text("".join(json.dumps({"text": text}) + "\n" for _ in range(400)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "newskit", "entities", "--jsonl", "--workers", "2", str(corpus)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_interruptible)
    first = proc.stdout.readline()
    proc.send_signal(signal.SIGINT)
    # Read through the same buffered reader as the first line (communicate() would skip its buffer).
    rest, err = proc.stdout.read(), proc.stderr.read()
    proc.wait(timeout=60)
    lines = [first] + rest.splitlines()
    assert all(json.loads(x)["article"] for x in lines if x.strip())
    assert proc.returncode == 130 and "Traceback" not in err


def test_worker_killed_mid_run_loses_no_article(tmp_path):
    import signal
    import time

    corpus = tmp_path / "a.jsonl"
    text = SEED.read_text(encoding="utf-8")
    ids = [f"n{i}" for i in range(40)]
    corpus.write_text("".join(json.dumps({"id": i, "text": text[:1500]}) + "\n" for i in ids), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "newskit", "entities", "--jsonl", "--workers", "2", str(corpus)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_interruptible)
    first = proc.stdout.readline()  # the first batch is out: the workers hold the next ones
    workers = children(proc.pid)
    if not workers:
        proc.kill()
        pytest.skip("cannot list child processes here")
    for pid in workers:  # as the out-of-memory killer would
        os.kill(pid, signal.SIGKILL)
    started = time.monotonic()
    rest, err = proc.stdout.read(), proc.stderr.read()
    proc.wait(timeout=120)
    assert time.monotonic() - started < 100
    recs = [json.loads(x) for x in [first] + rest.splitlines()]
    assert [r["id"] for r in recs] == ids
    assert all("article" in r or r["error"]["code"] == "worker-died" for r in recs)
    assert proc.returncode == 1
    assert "worker process died (killed by SIGKILL)" in err and "Traceback" not in err


def _poisoned(real):
    def process_batch(sources, *args, **kw):
        if any("POISON" in (s.text or "") for s in sources):
            os.kill(os.getpid(), 9)  # a crash in native code, as a worker would die
        return real(sources, *args, **kw)
    return process_batch


def test_article_that_kills_its_worker_twice_is_an_error_record(monkeypatch):
    import newskit.workers as workers

    monkeypatch.setattr(workers, "process_batch", _poisoned(workers.process_batch))
    texts = [f"Article {i} about Paris." for i in range(20)]
    texts[7] = "POISON article."
    notes: list[str] = []
    sources = [source_from_text(t, id=f"a{i}") for i, t in enumerate(texts)]
    told: list[int] = []
    recs = list(workers.run_supervised(sources, ("parse", "dates"), model=None, workers=2, debug=False,
                                       timeout=None, notes=notes, on_done=told.append))
    assert [r.id for r in recs] == [f"a{i}" for i in range(20)]
    assert sum(told) == 20  # the progress count ends right, deaths and redone articles included
    assert isinstance(recs[7], ErrorRecord) and recs[7].error.code == "worker-died"
    assert all(isinstance(r, Record) for k, r in enumerate(recs) if k != 7)
    assert len(notes) == 1 and "redone one at a time" in notes[0]


def test_a_pool_tells_each_article_as_it_finishes_not_each_batch():
    told: list[int] = []
    sources = [source_from_text(f"Lyon, Monday. Meeting number {i} of the council ended early.", id=f"m{i}")
               for i in range(40)]
    recs = list(newskit.analyze(sources, ("parse", "dates"), workers=2, on_done=told.append))
    assert [r.id for r in recs] == [f"m{i}" for i in range(40)]
    # Batches hold up to 16 articles; a bar moved per batch would hear 16 at once.
    assert told == [1] * 40


def test_model_stage_failures_become_that_articles_record(nlp):
    from newskit.batch import run_model

    texts = ["Putin visited Paris on Monday.", "BOOM goes the model.", "Macron met Scholz in Berlin.",
             "A SLOW article.", "Talks in Rome ended."]
    sources = [source_from_text(t, id=f"s{i}") for i, t in enumerate(texts)]
    recs = list(run_model(FaultyPipe(nlp), sources, ("parse", "entities", "dates"), debug=False, timeout=1.0))
    assert [r.id for r in recs] == [f"s{i}" for i in range(5)]
    assert recs[1] == ErrorRecord("s1", ErrorInfo("internal", "RuntimeError: boom"))
    assert isinstance(recs[3], ErrorRecord) and recs[3].error.code == "timeout"
    assert {e.name for e in recs[2].entities} >= {"Macron", "Berlin"}


def test_runs_of_punctuation_are_cut_without_moving_offsets(nlp):
    text = "Officials in Paris said " + '"' * 5_000 + " and " + "(" * 40 + "Berlin) agreed. " + "x" * 3_000 + "."
    doc = nlp(text)
    assert doc.text == text and len(doc) < 300
    rec = newskit.analyze_text(text, tasks=("parse", "entities"))
    spans = [m for e in rec.entities for m in e.mentions]
    assert any(s.text == "Paris" for s in spans)
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_timeout_option_turns_a_runaway_article_into_a_record(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Officials in Paris met on Monday. " * 3_000)
    proc = subprocess.run([sys.executable, "-m", "newskit", "entities", "--jsonl", "--timeout-per-article", "0.5",
                           str(path)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["error"] == {"code": "timeout", "message": "over the --timeout-per-article limit"}
    assert proc.stderr == f"newskit: {path}: over the --timeout-per-article limit [timeout]\n"


def _interruptible() -> None:
    """Give the child the default SIGINT action: a shell script run in the background (as CI may run the tests)
    starts its children with SIGINT ignored, and Python then never raises KeyboardInterrupt."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_analyze_text_published_is_a_fallback_as_on_the_command_line():
    # Before: published= overrode the date the article gives itself, while --published only fills in for an
    # undated text. Now both mean the same.
    dated = "Library reopens\nMarch 3, 2021\n\nThe town library reopened on Monday after a long renovation.\n"
    undated = "Library reopens\n\nThe town library reopened on Monday after a long renovation.\n"
    own = newskit.analyze_text(dated, published="2024-06-01", tasks=("parse", "dates"))
    assert own.article.published == "2021-03-03"
    assert {d.text: d.value for d in own.dates}["Monday"] == "2021-03-01"
    given = newskit.analyze_text(undated, published="2024-06-01", tasks=("parse", "dates"))
    assert given.article.published == "2024-06-01" and given.article.sources["published"] == "input"
    res = CliRunner().invoke(cli, ["parse", "--jsonl", "--published", "2024-06-01", "-"], input=dated)
    assert json.loads(res.stdout)["article"]["published"] == own.article.published


def test_analyze_takes_your_own_pipeline(nlp):
    rec = newskit.analyze_text("Angela Merkel met Emmanuel Macron in Berlin on Monday.", nlp=nlp,
                               tasks=("parse", "entities"))
    assert {e.name for e in rec.entities} >= {"Angela Merkel", "Berlin"}
    with pytest.raises(ValueError, match="workers"):
        next(newskit.analyze([], nlp=nlp, workers=2))
