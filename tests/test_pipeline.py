"""Archives: faults in a batch, long articles, parallel workers and early exits keep every record and offset."""
from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

import newskit
from newskit.cli import cli
from newskit.pipeline import split_text

from conftest import SEED


def test_split_text_partitions_exactly():
    text = ("Paragraph one is here.\n\n" * 50) + ("x" * 300) + " tail"
    pieces = split_text(text, size=100)
    assert "".join(pieces) == text
    assert all(len(p) <= 100 for p in pieces)


def test_long_article_is_chunked_with_valid_offsets(monkeypatch, seed_text):
    import newskit.pipeline as pipeline

    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 700)
    big = (seed_text + "\n\n") * 3
    rec = newskit.analyze_text(big, tasks=("parse", "entities", "dates"))
    assert "error" not in rec
    spans = [m for e in rec["entities"] for m in e["mentions"]] + rec["dates"]
    assert spans and all(big[s["start"]:s["end"]] == s["text"] for s in spans)
    putin = next(e for e in rec["entities"] if e["name"] == "Vladimir Putin")
    assert putin["count"] == 3 * 6


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
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = proc.stdout.readline()
    proc.send_signal(signal.SIGINT)
    # Read through the same buffered reader as the first line (communicate() would skip its buffer).
    rest, err = proc.stdout.read(), proc.stderr.read()
    proc.wait(timeout=60)
    lines = [first] + rest.splitlines()
    assert all(json.loads(x)["article"] for x in lines if x.strip())
    assert proc.returncode == 130 and "Traceback" not in err
