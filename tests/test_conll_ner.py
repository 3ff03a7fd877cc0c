"""newskit's shipped CoNLL-2003 recognizer: its files match their hashes, and it joins any English pipeline."""
from __future__ import annotations

import spacy

from newskit.components import CONLL_NER, add_conll_ner
from newskit.nlp import CONLL_HASHES, verify_model


def _listed() -> set[str]:
    lines = CONLL_HASHES.read_text(encoding="utf-8").splitlines()
    return {ln.split(None, 1)[1].strip() for ln in lines if ln.strip() and not ln.startswith("#")}


def test_shipped_files_match_their_hashes_and_nothing_else_is_shipped():
    assert verify_model(CONLL_NER, CONLL_HASHES) == []
    files = {p.relative_to(CONLL_NER).as_posix() for p in CONLL_NER.rglob("*") if p.is_file()}
    assert files == _listed()
    assert {"config.cfg", "newskit_ner/model", "vocab/strings.json"} <= files
    assert sum(p.stat().st_size for p in CONLL_NER.rglob("*") if p.is_file()) <= 25 * 2**20
    assert not any(p.suffix in (".pkl", ".pickle") for p in CONLL_NER.rglob("*"))


def test_a_changed_file_is_reported(tmp_path):
    import shutil

    copy = tmp_path / "conll_ner"
    shutil.copytree(CONLL_NER, copy)
    (copy / "newskit_ner" / "cfg").write_text("{}")
    assert verify_model(copy, CONLL_HASHES) == ["newskit_ner/cfg"]


def test_default_pipeline_runs_it_after_the_base_ner(nlp):
    names = nlp.pipe_names
    assert names.index("ner") < names.index("newskit_ner") < names.index("newskit_ner_merge")
    doc = nlp("Northrop Grumman and EADS lost to Boeing, Pentagon officials said on Friday in Washington.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert {("Northrop Grumman", "ORG"), ("Boeing", "ORG"), ("Washington", "GPE")} <= ents
    assert ("Friday", "DATE") in ents  # a base-model type the CoNLL layer does not know survives the merge
    assert {s.label_ for s in doc.spans["newskit_ner"]} <= {"PER", "LOC", "ORG", "MISC"}


def test_another_english_pipeline_gets_it_and_other_languages_do_not():
    en = spacy.blank("en")
    assert add_conll_ner(en) is True
    assert en.pipe_names == ["newskit_ner", "newskit_ner_merge"]
    doc = en("Peter Blackburn flew from Brussels to Berlin for the European Commission.")
    assert {e.label_ for e in doc.ents} <= {"PERSON", "GPE", "LOC", "FAC", "ORG"}
    assert add_conll_ner(en) is False  # never twice
    assert add_conll_ner(spacy.blank("de")) is False
