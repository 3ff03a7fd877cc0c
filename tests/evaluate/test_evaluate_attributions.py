"""Attribution gold in brat standoff: reading it, scoring quotes against it, and agreeing with the reference scorer."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from newskit.cli import cli
from newskit.evaluate.attributions import read_brat, read_brat_dir, score_attributions

from conftest import SHARED_DATA, reference_scorer, shared_data

TEXT = ("Nobody was hurt, the sheriff said. \u201cWe were lucky,\u201d Deputy Ann Cole said.\n"
        "The road reopens Monday, according to the county.\n")


def _write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "crash.txt").write_text(TEXT, encoding="utf-8")
    ann = ["T1\tContent 0 15\tNobody was hurt", "T2\tSource 17 28\tthe sheriff", "T3\tCue 29 33\tsaid",
           "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2",
           "T4\tContent 35 50\t\u201cWe were lucky,", "T5\tSource 52 67\tDeputy Ann Cole", "T6\tCue 68 72\tsaid",
           "E2\tAttribution:T6 Content:T4 Cue:T6 Source:T5",
           "T7\tContent 74 98\tThe road reopens Monday,", "T8\tCue 99 111\taccording to",
           "T9\tSource 112 122\tthe county", "E3\tAttribution:T8 Content:T7 Cue:T8 Source:T9"]
    (folder / "crash_a1.ann").write_text("\n".join(ann) + "\n", encoding="utf-8")


def test_read_brat(tmp_path):
    _write(tmp_path)
    doc = read_brat(str(tmp_path / "crash.txt"), str(tmp_path / "crash_a1.ann"))
    assert len(doc.gold) == 3
    assert [TEXT[s:e] for s, e in doc.gold[0].content] == ["Nobody was hurt"]
    assert [TEXT[s:e] for s, e in doc.gold[2].source] == ["the county"]
    assert [d.id for d in read_brat_dir(str(tmp_path))] == ["crash"]


def test_bad_brat_is_an_error(tmp_path):
    (tmp_path / "x.txt").write_text("short", encoding="utf-8")
    (tmp_path / "x.ann").write_text("T1\tContent 0 99\tshort\nE1\tAttribution:T1 Content:T1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="past the end"):
        read_brat_dir(str(tmp_path))


def test_scores(tmp_path):
    _write(tmp_path)
    (doc,) = read_brat_dir(str(tmp_path))
    record = {"entities": [{"id": "E1", "mentions": [{"start": 112, "end": 122}]}], "quotes": [
        {"kind": "indirect", "start": 0, "end": 15, "speaker": {"start": 17, "end": 28}},
        {"kind": "direct", "start": 35, "end": 51, "speaker": {"start": 0, "end": 6}},
        {"kind": "indirect", "start": 74, "end": 97, "speaker": {"start": 60, "end": 64, "entity": "E1"}},
        {"kind": "indirect", "start": 123, "end": 125, "speaker": None}]}
    s = score_attributions([(doc, record)])
    assert s["all_found"] == 1.0
    assert s["indirect_found"] == 1.0
    assert s["all_speaker"] == pytest.approx(2 / 3)  # the direct quote's speaker is wrong
    assert s["indirect_speaker"] == 1.0  # the county, through its entity's mention
    assert s["indirect_precision"] == pytest.approx(2 / 3)


def test_agrees_with_reference_scorer():
    shared_data("polnear")
    ref_gold, ref_score = reference_scorer("gold", "score")
    ref_docs = list(ref_gold.polnear_docs("dev", 6))
    ours = {d.id: d for d in read_brat_dir(str(SHARED_DATA / "polnear" / "dev" / "text"))[:6]}
    rng = random.Random(3)
    pairs_ref, pairs_ours = [], []
    for d in ref_docs:
        quotes = []
        for r in d["gold"]:
            c = r.get("Content")
            if c and rng.random() < 0.7:
                s = c["start"] + rng.choice([0, 5, 40])
                src = r.get("Source") or c
                quotes.append({"kind": rng.choice(["indirect", "direct"]), "start": s, "end": c["end"],
                               "speaker": {"start": src["start"], "end": src["end"] - rng.choice([0, 0, 1])}})
        rec = {"quotes": quotes, "entities": []}
        pairs_ref.append((d, rec))
        pairs_ours.append((ours[d["id"]], rec))
    ref = ref_score.attribution_scores(pairs_ref)
    got = score_attributions(pairs_ours)
    for k in ("all_found", "all_speaker", "indirect_found", "indirect_precision", "indirect_speaker",
              "unquoted_found"):
        assert got[k] == pytest.approx(ref[k]), k


def test_eval_cli_scores_brat(tmp_path):
    _write(tmp_path / "gold")
    res = CliRunner().invoke(cli, ["eval", str(tmp_path / "gold"), "--json"])
    assert res.exit_code == 0, res.output
    scores = json.loads(res.output)["brat"]
    assert scores["documents"] == 1
    assert scores["attributions"]["all_found"] >= 2 / 3
    res = CliRunner().invoke(cli, ["eval", str(tmp_path / "gold")])
    assert "all_found=" in res.output
