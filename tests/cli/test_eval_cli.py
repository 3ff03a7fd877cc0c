"""`newskit eval` prints the same numbers as the reference scorer on the same documents."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from newskit.cli import cli

from conftest import SEED, reference_scorer, shared_data


def test_eval_timeml_agrees_with_reference_scorer(tmp_path):
    folder = shared_data("timeml/TimeBank")
    files = sorted(folder.glob("*.tml"))[:4]
    for f in files:
        shutil.copy(f, tmp_path / f.name)
    res = CliRunner().invoke(cli, ["eval", str(tmp_path), "--json"])
    assert res.exit_code == 0, res.output
    ours = json.loads(res.output)["timeml"]["dates"]

    gold, score = reference_scorer("gold", "score")
    import newskit

    docs = [gold.timeml_doc(str(f)) for f in files]
    pairs = [(d, newskit.analyze_text(d["text"], published=d["published"], tasks=("parse", "dates")).to_dict())
             for d in docs]
    ref = score.timex_scores(pairs)
    for k in ("strict", "relaxed", "value", "type"):
        assert abs(ours[k]["f1"] - ref[k][2]) < 1e-9, k


def test_eval_rejects_missing_path():
    res = CliRunner().invoke(cli, ["eval", "/nonexistent/gold"])
    assert res.exit_code == 2


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


CONLL_SAMPLE = """-DOCSTART- -X- -X- O

Boeing NNP B-NP I-ORG
chief NN I-NP O
Jim NNP I-NP I-PER
McNerney NNP I-NP I-PER
flew VBD B-VP O
to TO B-PP O
Paris NNP B-NP I-LOC
for IN B-PP O
the DT B-NP O
Paris NNP I-NP I-MISC
Air NNP I-NP I-MISC
Show NNP I-NP I-MISC
. . O O
"""


def test_eval_conll_gives_per_type_scores_and_a_confusion_table(tmp_path):
    gold = tmp_path / "sample.conll"
    gold.write_text(CONLL_SAMPLE, encoding="utf-8")
    res = CliRunner().invoke(cli, ["eval", str(gold), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)["conll"]
    assert set(out["ner"]["per_type"]) == {"PER", "LOC", "ORG"}
    table = out["confusion"]["table"]
    assert out["confusion"]["rows"] == ["PER", "LOC", "ORG", "MISC", "-"]
    assert sum(table["PER"].values()) == 1 and sum(table["LOC"].values()) == 1 and sum(table["MISC"].values()) == 1
    plain = CliRunner().invoke(cli, ["eval", str(gold)])
    assert plain.exit_code == 0, plain.output
    lines = plain.output.splitlines()
    head = next(i for i, ln in enumerate(lines) if "gold \\ predicted" in ln)
    assert lines[head].split()[3:] == ["PER", "LOC", "ORG", "OTHER", "-", "partial"]
    assert [ln.split()[0] for ln in lines[head + 1:head + 6]] == ["PER", "LOC", "ORG", "MISC", "-"]


def test_eval_meantime_gives_per_type_scores_and_a_confusion_table(tmp_path):
    folder = shared_data("meantime")
    first = sorted(folder.rglob("*.xml"))[0]
    shutil.copy(first, tmp_path / first.name)
    res = CliRunner().invoke(cli, ["eval", str(tmp_path), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)["meantime"]
    assert set(out["per_type"]) == {"PER", "LOC", "ORG"}
    n_gold = sum(sum(row.values()) for kind, row in out["confusion"]["table"].items() if kind != "-")
    from newskit.evaluate.meantime import read_meantime

    assert n_gold == len(read_meantime(str(first)).gold)


def test_eval_errors_name_the_file_and_count_in_words(tmp_path):
    bad = tmp_path / "ap.txt"
    bad.write_text("Just an article, not CoNLL.\n")
    res = CliRunner().invoke(cli, ["eval", str(bad)])
    assert res.exit_code == 1
    assert res.stderr.startswith(f"newskit: cannot use the gold files: {bad}: line 1 is not CoNLL-2003")
    notext = tmp_path / "empty.tml"
    notext.write_text("<TimeML><TITLE>No body</TITLE></TimeML>")
    res = CliRunner().invoke(cli, ["eval", str(notext)])
    assert res.exit_code == 1 and f"{notext}: not a TimeML document" in res.stderr
    conll = tmp_path / "one.conll"
    conll.write_text("-DOCSTART- -X- -X- O\n\nPutin NNP B-NP B-PER\nvisited VBD B-VP O\nParis NNP B-NP B-LOC\n")
    res = CliRunner().invoke(cli, ["eval", str(conll)])
    assert res.exit_code == 0, res.output
    assert "conll: 1 document\n" in res.stdout


def test_eval_on_timeml_nested_thousands_deep_is_one_line(tmp_path):
    path = tmp_path / "deep.tml"
    path.write_text('<?xml version="1.0"?><TimeML><TEXT>' + "<s>" * 5000
                    + 'We met on <TIMEX3 tid="t1" type="DATE" value="2024-01-02">Tuesday</TIMEX3>.'
                    + "</s>" * 5000 + "</TEXT></TimeML>")
    res = CliRunner().invoke(cli, ["eval", str(path)])
    assert res.exit_code == 1
    assert res.stderr == "newskit: cannot use the gold files: elements nested too deeply to read\n"
