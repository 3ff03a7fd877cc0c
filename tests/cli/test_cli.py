"""The command line: output modes, exit codes, one-line errors, streaming, and start-up without spaCy."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from newskit.cli import cli

from conftest import SEED


@pytest.fixture()
def runner():
    return CliRunner()


def test_parse_seed_json(runner):
    res = runner.invoke(cli, ["parse", str(SEED), "--json"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.output)
    assert rec["id"] == str(SEED)
    a = rec["article"]
    assert a["headline"] == "North Korea ready to welcome Putin’s state visit"
    assert a["authors"] == ["Kim Arin"] and a["published"] == "2024-01-22" and a["dateline"] == "SEOUL"
    assert set(rec) == {"id", "article"}


def test_plain_output_when_piped(runner):
    res = runner.invoke(cli, ["parse", str(SEED)])
    assert res.exit_code == 0
    assert "headline\tNorth Korea ready to welcome Putin’s state visit" in res.output
    assert "scroll to top" not in res.output


def test_batch_with_bad_inputs(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("A headline\n\nA body paragraph that says something about the news of the day.\n")
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Zürich’s “mayor” said the café would reopen on Monday after repairs.\n".encode("cp1252"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "pic.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    res = runner.invoke(cli, ["parse", str(tmp_path), str(tmp_path / "missing.txt"), "--jsonl"])
    assert res.exit_code == 1
    recs = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["id"].rsplit("/", 1)[-1] for r in recs] == ["empty.txt", "good.txt", "legacy.txt", "pic.txt",
                                                           "missing.txt"]
    assert [r.get("error", {}).get("code") for r in recs] == ["empty", None, None, "binary", "not-found"]
    assert "Zürich’s" in recs[2]["article"]["paragraphs"][0]["text"]


def test_error_is_one_line_without_traceback(runner, tmp_path):
    res = runner.invoke(cli, ["parse", str(tmp_path / "missing.txt")])
    assert res.exit_code == 1
    assert res.stderr.strip() == f"newskit: {tmp_path / 'missing.txt'}: no such file or directory [not-found]"
    assert "Traceback" not in res.output


def test_json_array_for_several_inputs(runner, tmp_path):
    for n in "ab":
        (tmp_path / f"{n}.txt").write_text(f"Headline {n}\n\nBody {n} of the article, long enough to be a body.\n")
    res = runner.invoke(cli, ["parse", str(tmp_path), "--json"])
    data = json.loads(res.output)
    assert isinstance(data, list) and len(data) == 2


def test_jsonl_stdin_meta_and_ids(runner):
    lines = "\n".join(json.dumps(x) for x in [{"id": "a", "text": "Title\n\nBody text.", "lang": "en"},
                                               {"text": "Another\n\nBody."}])
    res = runner.invoke(cli, ["parse", "--input-format", "jsonl", "--jsonl", "-"], input=lines)
    recs = [json.loads(x) for x in res.stdout.splitlines()]
    assert [(r["id"], r.get("meta")) for r in recs] == [("a", {"lang": "en"}), ("2", None)]


def test_usage_errors_exit_2(runner):
    assert runner.invoke(cli, ["parse", "--input-format", "pdf", str(SEED)]).exit_code == 2
    assert runner.invoke(cli, ["parse", "--json", "--jsonl", str(SEED)]).exit_code == 2
    assert runner.invoke(cli, ["parse", "--published", "yesterday", str(SEED)]).exit_code == 2


def test_published_option_and_jsonl_published_read_alike(runner, tmp_path):
    body = "Hello world.\n\nA body line here.\n"
    (tmp_path / "a.txt").write_text(body)
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": body, "published": "20240122T0930"}) + "\n")
    res = runner.invoke(cli, ["parse", "--jsonl", "--published", "20240122T0930", str(tmp_path / "a.txt"),
                              str(tmp_path / "b.jsonl")])
    assert res.exit_code == 0, res.output
    assert [json.loads(x)["article"]["published"] for x in res.stdout.splitlines()] == ["2024-01-22"] * 2


def test_every_command_has_help_and_is_documented(runner):
    readme = (SEED.parent.parent / "README.md").read_text(encoding="utf-8")
    for name, cmd in cli.commands.items():
        assert cmd.help, name
        assert runner.invoke(cli, [name, "--help"]).exit_code == 0
        assert f"newskit {name}" in readme, name


def _run(*args, **kw):
    return subprocess.run([sys.executable, "-m", "newskit", *args], capture_output=True, text=True, **kw)


def test_help_and_parse_do_not_import_spacy():
    code = (f"import sys, runpy; sys.argv=['newskit','parse',{str(SEED)!r}]; "
            "import newskit.cli as c\ntry:\n c.main()\nexcept SystemExit: pass\n"
            "print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY', file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "NO-SPACY" in proc.stderr


def test_help_does_not_build_the_record_model():
    # the record module declares a score of dataclasses: building them is a good part of --help's start-up
    code = ("import sys; sys.argv=['newskit','--help']\nimport newskit.cli as c\ntry:\n c.main()\n"
            "except SystemExit: pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('newskit')), file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stderr.strip().startswith("[") and "'newskit.record'" not in proc.stderr, proc.stderr


def test_closed_pipe_ends_quietly(tmp_path):
    for n in range(200):
        (tmp_path / f"{n:03d}.txt").write_text(f"Headline {n}\n\n" + "Body sentence of the article. " * 50)
    proc = subprocess.run(f"{sys.executable} -m newskit parse {tmp_path} --jsonl | head -n 1", shell=True,
                          capture_output=True, text=True)
    assert proc.returncode == 0
    assert len(proc.stdout.splitlines()) == 1
    assert proc.stderr == ""


def test_missing_model_with_workers_fails_fast(tmp_path):
    for n in "ab":
        (tmp_path / f"{n}.txt").write_text("Headline\n\nSome body text about Paris.\n")
    proc = subprocess.run([sys.executable, "-m", "newskit", "entities", str(tmp_path), "--model", "no_such_model",
                           "--workers", "2", "--jsonl"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "no_such_model" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


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


def test_missing_model_names_the_model_asked_for(tmp_path):
    (tmp_path / "a.txt").write_text("Headline\n\nSome body text about Paris.\n")
    res = CliRunner().invoke(cli, ["entities", str(tmp_path / "a.txt"), "--model", "bogus", "--jsonl"])
    assert res.exit_code == 1
    assert res.stderr.startswith("newskit: spaCy model 'bogus' is not installed")
    assert "requirements/model.txt" not in res.stderr and "Error:" not in res.stderr


def test_model_option_only_where_a_model_runs(runner):
    res = runner.invoke(cli, ["parse", "--model", "nonexistent", str(SEED)])
    assert res.exit_code == 2 and "No such option '--model'" in res.output
    helps = runner.invoke(cli, ["report", "--help"]).output
    for opt in ("--workers", "--max-bytes", "--progress", "--model", "--timeout-per-article"):
        assert opt in helps


def _dated_article(tmp_path):
    path = tmp_path / "dated.txt"
    path.write_text("Talks in Geneva\n\nThe envoys will meet again on March 3, 2024. They first met on January 5, "
                    "2024, and spoke by phone on February 1, 2024.\n")
    return path


@pytest.mark.parametrize("mode", [["--json"], ["--jsonl"], []])
def test_sort_value_orders_dates_in_every_mode(runner, tmp_path, mode):
    path = _dated_article(tmp_path)
    res = runner.invoke(cli, ["dates", str(path), "--sort", "value", *mode])
    assert res.exit_code == 0, res.output
    if mode:
        values = [d["value"] for d in json.loads(res.stdout.splitlines()[0] if mode == ["--jsonl"]
                                                 else res.stdout)["dates"]]
    else:
        values = [line.split("\t")[0] for line in res.stdout.splitlines()[1:]]
    assert values == sorted(values) and "2024-01-05" in values and values[0] != values[-1]


def test_timeline_orders_events_in_json(runner, tmp_path):
    path = tmp_path / "ev.txt"
    path.write_text("Visit\n\nThe president will visit Paris on May 9, 2024. The minister visited Rome on "
                    "January 5, 2024, officials said.\n")
    res = runner.invoke(cli, ["events", str(path), "--timeline", "--json", "--published", "2024-02-01"])
    assert res.exit_code == 0, res.output
    whens = [(e.get("when") or {}).get("value") or "~" for e in json.loads(res.stdout)["events"]]
    assert len(whens) >= 2 and whens == sorted(whens)


def test_full_disk_is_a_clear_error(tmp_path):
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "newskit", "parse", "--jsonl", str(SEED)], stdout=full,
                              stderr=subprocess.PIPE, text=True)
    assert proc.returncode == 1
    assert proc.stderr == "newskit: writing output: No space left on device\n"


def test_jsonl_of_hostile_lines_keeps_every_id_and_writes_valid_utf8(runner, tmp_path):
    good = {"text": "Officials in Paris said on Monday that the bridge would reopen."}
    lines = [json.dumps({"id": "good1", **good}),
             '{"id": "lone", "text": "A lone \\ud800 surrogate in Paris.", "tag": "\\udcff"}',
             '{"id": "deep", "text": "x", "m": ' + "[" * 100_000 + "]" * 100_000 + "}",
             '{"id": "nan", "text": "A text about Paris.", "score": NaN}',
             '{"id": "shallow", "text": "Nested metadata about Paris.", "m": ' + "[" * 80 + "]" * 80 + "}",
             json.dumps({"id": "good2", **good})]
    (tmp_path / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = runner.invoke(cli, ["entities", str(tmp_path / "mixed.jsonl"), "--jsonl"])
    assert res.exit_code == 1
    out = res.stdout_bytes.decode("utf-8")  # strict: fails on any surrogate written out
    recs = [json.loads(line) for line in out.splitlines()]
    # lines that are not JSON have no id to give: their line number stands in (CONTRACT)
    assert [r["id"] for r in recs] == ["good1", "lone", "3", "4", "shallow", "good2"]
    codes = {r["id"]: r.get("error", {}).get("code") for r in recs}
    assert codes == {"good1": None, "lone": None, "3": "bad-jsonl", "4": "bad-jsonl", "shallow": "bad-jsonl",
                     "good2": None}
    assert recs[1]["meta"] == {"tag": "\ufffd"}
    assert f"newskit: {tmp_path / 'mixed.jsonl'}:4: not valid JSON (NaN is not JSON) [bad-jsonl]" in res.stderr


def test_report_writes_through_no_planted_symlink(runner, tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    out = tmp_path / "reports"
    out.mkdir()
    (out / "a.html.tmp").symlink_to(target)  # the fixed temp name an older newskit wrote to
    article = tmp_path / "a.txt"
    article.write_text("Talks in Geneva\n\nThe envoys met in Geneva on Monday, officials said.\n")
    res = runner.invoke(cli, ["report", str(article), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert target.read_text() == "keep me"
    assert sorted(p.name for p in out.iterdir()) == ["a.html", "a.html.tmp", "index.html"]


def test_ctrl_c_during_report_keeps_the_pages_done_and_their_index(tmp_path):
    import signal
    import time

    corpus = tmp_path / "a.jsonl"
    text = SEED.read_text(encoding="utf-8")
    corpus.write_text("".join(json.dumps({"id": f"n{i}", "text": text}) + "\n" for i in range(200)), encoding="utf-8")
    out = tmp_path / "pages"
    proc = subprocess.Popen([sys.executable, "-m", "newskit", "report", str(corpus), "-o", str(out), "--workers", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_interruptible)
    deadline = time.monotonic() + 120
    while not (out.is_dir() and any(out.glob("n*.html"))) and time.monotonic() < deadline:
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "newskit: interrupted" in stderr and "Traceback" not in stderr
    pages = sorted(p.name for p in out.glob("n*.html"))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert pages and all(f'href="{name}"' in index for name in pages)
    assert not list(out.glob("*.tmp"))


def _interruptible() -> None:
    """Give the child the default SIGINT action: a shell script run in the background (as CI may run the tests)
    starts its children with SIGINT ignored, and Python then never raises KeyboardInterrupt."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_sort_value_puts_a_week_at_its_first_day(runner, tmp_path):
    path = tmp_path / "week.txt"
    path.write_text("Flood repairs\n\nRepairs began on January 14, 2024. The council met last week, and the river "
                    "burst its banks on January 19, 2024.\n")
    res = runner.invoke(cli, ["dates", str(path), "--sort", "value", "--json", "--published", "2024-01-24"])
    assert res.exit_code == 0, res.output
    values = [d["value"] for d in json.loads(res.stdout)["dates"]]
    assert values == ["2024-01-14", "2024-W03", "2024-01-19"]
