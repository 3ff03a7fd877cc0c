"""Regressions found by reviewing the CLI against the contract as a demanding user would."""
from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys

from click.testing import CliRunner

from newskit.cli import cli
from newskit.inputs import read_inputs
from newskit.render import plain

from conftest import SEED


def test_missing_model_with_workers_fails_fast(tmp_path):
    for n in "ab":
        (tmp_path / f"{n}.txt").write_text("Headline\n\nSome body text about Paris.\n")
    proc = subprocess.run([sys.executable, "-m", "newskit", "entities", str(tmp_path), "--model", "no_such_model",
                           "--workers", "2", "--jsonl"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "no_such_model" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_rich_view_prints_brackets_as_written(tmp_path):
    from rich.console import Console

    from newskit.render import rich_view

    rec = {"id": "x", "article": {"headline": "Putin [/b] visits [sic]", "paragraphs": [], "authors": []}}
    console = Console(record=True, width=100)
    console.print(rich_view(rec, "parse"))
    assert "Putin [/b] visits [sic]" in console.export_text()


def test_failed_inputs_reported_on_stderr_in_json_modes(tmp_path):
    runner = CliRunner()
    for flag in ("--json", "--jsonl"):
        res = runner.invoke(cli, ["parse", str(tmp_path / "missing.txt"), flag])
        assert res.exit_code == 1
        assert res.stderr.strip().endswith("no such file or directory [not-found]")


def test_json_with_no_records_is_an_empty_array(tmp_path):
    (tmp_path / "e.jsonl").write_text("\n\n")
    res = CliRunner().invoke(cli, ["parse", str(tmp_path / "e.jsonl"), "--json"])
    assert res.exit_code == 0 and json.loads(res.stdout) == []


def test_max_bytes_applies_to_jsonl_lines_and_pipes(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": "x" * 500}) + "\n" + json.dumps({"text": "short"}) + "\n")
    srcs = list(read_inputs([str(p)], max_bytes=100))
    assert [s.error.code if s.error else None for s in srcs] == ["too-large", None]
    (src,) = read_inputs(["/dev/zero"], max_bytes=1000)
    assert src.error.code == "too-large"


def test_published_must_be_a_real_iso_day(tmp_path):
    p = tmp_path / "a.jsonl"
    rows = [{"text": "a", "published": "2024-01-22garbage"}, {"text": "b", "published": 20240122},
            {"text": "c", "published": "2024-01-22T09:30:00Z"}]
    p.write_text("".join(json.dumps(r) + "\n" for r in rows))
    srcs = list(read_inputs([str(p)]))
    assert [s.error.code if s.error else s.published for s in srcs] == ["bad-date", "bad-date", "2024-01-22"]


def test_binary_jsonl_is_one_error(tmp_path):
    p = tmp_path / "g.jsonl"
    p.write_bytes(gzip.compress(b"hello\n" * 1000))
    assert [s.error.code for s in read_inputs([str(p)])] == ["binary"]
    p.write_bytes(b"\xff\xfe" + '{"text": "x"}\n'.encode("utf-16-le"))
    assert [s.error.code for s in read_inputs([str(p)])] == ["undecodable"]


def test_stdin_jsonl_with_bom_and_blank_lines_is_sniffed():
    data = b"\xef\xbb\xbf\n" + json.dumps({"text": "Body", "id": "k"}).encode() + b"\n"
    (src,) = read_inputs(["-"], stdin=io.BufferedReader(io.BytesIO(data)))
    assert (src.id, src.text) == ("k", "Body")


def test_jsonl_html_kept_in_meta_when_text_is_used_and_ids_are_strings(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": "T", "html": "<p>x</p>", "id": {"a": 1}}) + "\n" +
                 json.dumps({"text": "U", "id": 7}) + "\n" + json.dumps({"text": "V", "id": True}) + "\n")
    a, b, c = read_inputs([str(p)])
    assert a.meta == {"html": "<p>x</p>"} and a.id == '{"a": 1}'
    assert b.id == "7" and c.id == "true"


def test_directory_ids_keep_the_path_as_given(tmp_path, monkeypatch):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("A text")
    monkeypatch.chdir(tmp_path)
    assert [s.id for s in read_inputs(["./d"])] == [os.path.join("./d", "a.txt")]


def test_plain_output_has_no_control_characters():
    rec = {"id": "x", "article": {"headline": "Bad\x1b[31m head\x07line", "paragraphs": [], "authors": []},
           "entities": [{"id": "E1", "type": "person", "name": "A\x1bB", "count": 1}]}
    out = plain(rec, "analyze")
    assert "\x1b" not in out and "\x07" not in out


def test_eval_several_paths_scores_them_together(tmp_path):
    from conftest import shared_data

    folder = shared_data("timeml/TimeBank")
    files = sorted(folder.glob("*.tml"))[:2]
    runner = CliRunner()
    apart = json.loads(runner.invoke(cli, ["eval", *map(str, files), "--json"]).output)
    for f in files:
        (tmp_path / f.name).write_bytes(f.read_bytes())
    together = json.loads(runner.invoke(cli, ["eval", str(tmp_path), "--json"]).output)
    assert apart == together


def test_eval_rejects_files_that_are_not_gold(tmp_path):
    (tmp_path / "bad.tml").write_text("<TimeML><TEXT>broken")
    runner = CliRunner()
    res = runner.invoke(cli, ["eval", str(tmp_path / "bad.tml")])
    assert res.exit_code == 1 and "Traceback" not in res.output and "cannot use the gold files" in res.output
    res = runner.invoke(cli, ["eval", str(SEED)])
    assert res.exit_code == 1 and "is not CoNLL-2003" in res.output
