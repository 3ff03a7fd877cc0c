"""The MEANTIME and CoNLL readers and scorers, on small hand-written files and against the reference scorer."""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from newskit.evaluate.conll import read_conll, score_ner
from newskit.evaluate.meantime import read_meantime, score_entities

CONLL = """-DOCSTART- -X- -X- O

SOCCER NN B-NP O
- : O O
JAPAN NNP B-NP I-LOC
WIN NNP I-NP O
. . O O

Vladimir NNP B-NP I-PER
Putin NNP I-NP I-PER
visited VBD B-VP O
North NNP B-NP I-LOC
Korea NNP I-NP I-LOC
's POS B-NP O
capital NN I-NP O
( ( O O
KCNA NNP B-NP I-ORG
) ) O O
. . O O

-DOCSTART- -X- -X- O

Reuters NNP B-NP I-ORG
New NNP B-NP I-ORG
York NNP I-NP B-ORG
"""

MEANTIME = """<?xml version="1.0" ?><Document doc_id="1" doc_name="1_Test">
<token number="0" sentence="0" t_id="1">Putin</token><token number="1" sentence="0" t_id="2">visits</token>
<token number="2" sentence="1" t_id="3">Vladimir</token><token number="3" sentence="1" t_id="4">Putin</token>
<token number="4" sentence="1" t_id="5">met</token><token number="5" sentence="1" t_id="6">officials</token>
<token number="6" sentence="1" t_id="7">in</token><token number="7" sentence="1" t_id="8">Mobile</token>
<token number="8" sentence="1" t_id="9">,</token><token number="9" sentence="1" t_id="10">Alabama</token>
<token number="10" sentence="1" t_id="11">.</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NAM"><token_anchor t_id="3"/><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="3" syntactic_type="NAM"><token_anchor t_id="8"/><token_anchor t_id="9"/>
<token_anchor t_id="10"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="4" syntactic_type="NAM"><token_anchor t_id="10"/></ENTITY_MENTION>
<ENTITY m_id="10" ent_type="PER" TAG_DESCRIPTOR="Vladimir Putin"/>
<ENTITY m_id="11" ent_type="LOC" TAG_DESCRIPTOR="Mobile"/>
<ENTITY m_id="12" ent_type="LOC" TAG_DESCRIPTOR="Alabama"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><source m_id="2"/><target m_id="10"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="3"/><target m_id="11"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="4"/><target m_id="12"/></REFERS_TO>
</Relations>
</Document>
"""

SHARED_EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"


@pytest.fixture()
def conll_docs(tmp_path):
    path = tmp_path / "sample.conll"
    path.write_text(CONLL, encoding="utf-8")
    return read_conll(str(path))


@pytest.fixture()
def meantime_doc(tmp_path):
    path = tmp_path / "1_Test.xml"
    path.write_text(MEANTIME, encoding="utf-8")
    return read_meantime(str(path))


def test_read_conll(conll_docs):
    assert len(conll_docs) == 2
    d = conll_docs[0]
    assert d.text.startswith("SOCCER - JAPAN WIN.\nVladimir Putin visited North Korea's capital (KCNA).")
    assert [(g["text"], g["type"]) for g in d.gold] == [("JAPAN", "LOC"), ("Vladimir Putin", "PER"),
                                                       ("North Korea", "LOC"), ("KCNA", "ORG")]
    # IOB1: a B- tag splits two adjacent names of one type
    assert [g["text"] for g in conll_docs[1].gold] == ["Reuters New", "York"]
    assert all(d.text[g["start"]:g["end"]] == g["text"] for d in conll_docs for g in d.gold)


def test_score_ner_counts(conll_docs):
    d = conll_docs[0]
    gold = {g["text"]: g for g in d.gold}
    pred = {"entities": [
        {"type": "person", "name": "Vladimir Putin", "mentions": [gold["Vladimir Putin"]]},
        {"type": "place", "name": "North Korea", "mentions": [gold["North Korea"], gold["JAPAN"]]},
        {"type": "place", "name": "KCNA", "mentions": [gold["KCNA"]]},  # wrong type
        {"type": "event", "name": "visit", "mentions": [gold["KCNA"]]}]}  # not scored
    s = score_ner([(d, pred)])
    assert s["mention"] == pytest.approx((3 / 4, 3 / 4, 3 / 4))
    assert s["per_type"]["ORG"] == (0.0, 0.0, 0.0)


def test_read_meantime(meantime_doc):
    d = meantime_doc
    assert d.text == "Putin visits\nVladimir Putin met officials in Mobile, Alabama.\n"
    assert [e["name"] for e in d.entities] == ["Vladimir Putin", "Mobile", "Alabama"]
    assert d.entities[1]["mentions"][0]["text"] == "Mobile, Alabama"


def test_score_entities_split_and_merge(meantime_doc):
    d = meantime_doc
    m = {g["text"]: g for g in d.gold}
    pred = [{"type": "person", "mentions": [m["Putin"]]}, {"type": "person", "mentions": [m["Vladimir Putin"]]},
            {"type": "place", "mentions": [m["Alabama"]]}]
    s = score_entities([(d, pred)])
    assert s["list"][1] == 1.0
    # Mobile counts as found through the Alabama entity, which overlaps its "Mobile, Alabama" name mention
    assert s["split_rate"] == pytest.approx(1 / 3)
    assert s["merge_rate"] == pytest.approx(1 / 3)  # the Alabama entity overlaps Mobile and Alabama


def _random_prediction(doc, rng):
    ents = []
    for g in doc["gold"]:
        if rng.random() < 0.7:
            t = rng.choice(["person", "place", "organization", "event"])
            shift = rng.choice([0, 0, 1])
            ents.append({"type": t, "name": g["text"], "mentions": [
                {"start": g["start"] + shift, "end": g["end"], "text": doc["text"][g["start"] + shift:g["end"]]}]})
    if len(ents) > 2:
        ents[0]["mentions"] += ents.pop()["mentions"]
    return {"entities": ents}


def test_agrees_with_reference_scorer():
    if not (SHARED_EVAL / "score.py").exists():
        pytest.skip("shared/eval not available")
    sys.path.insert(0, str(SHARED_EVAL))
    try:
        import gold as ref_gold
        import score as ref_score
        docs = list(ref_gold.meantime_docs())[:12]
    finally:
        sys.path.remove(str(SHARED_EVAL))
    if not docs:
        pytest.skip("MEANTIME data not available")
    rng = random.Random(7)
    pairs = [(d, _random_prediction(d, rng)) for d in docs]
    ref = ref_score.entity_list_scores(pairs)
    ours = score_entities(pairs)
    assert ours["list"] == pytest.approx(ref["list"])
    assert ours["split_rate"] == pytest.approx(ref["split_rate"])
    assert ours["merge_rate"] == pytest.approx(ref["merge_rate"])
    ref_n, ours_n = ref_score.ner_scores(pairs), score_ner(pairs)
    assert ours_n["mention"] == pytest.approx(ref_n["mention"])
    assert ours_n["document"] == pytest.approx(ref_n["document"])
    for t in ("PER", "LOC", "ORG"):
        assert ours_n["per_type"][t] == pytest.approx(ref_n["per_type"][t])


def test_reader_matches_reference_reader():
    if not (SHARED_EVAL / "gold.py").exists():
        pytest.skip("shared/eval not available")
    sys.path.insert(0, str(SHARED_EVAL))
    try:
        import gold as ref_gold
    finally:
        sys.path.remove(str(SHARED_EVAL))
    paths = sorted((Path(ref_gold.ROOT) / "meantime").glob("corpus_*/*.xml"))[:5]
    if not paths:
        pytest.skip("MEANTIME data not available")
    for p in paths:
        ref, ours = ref_gold.meantime_doc(str(p)), read_meantime(str(p))
        assert ours.text == ref["text"]
        assert ours.published == ref["published"]
        assert [(e["type"], len(e["mentions"])) for e in ours.entities] == \
               [(e["type"], len(e["mentions"])) for e in ref["entities"]]
