"""The recognizer's training text: the held-out selection split and the silver labels taken from the base model."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

TRAINING = Path(__file__).resolve().parent.parent / "training" / "ner"


def _module(name: str):
    spec = importlib.util.spec_from_file_location(f"training_ner_{name}", TRAINING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def silver():
    return _module("silver")


@pytest.fixture(scope="module")
def train():
    return _module("train")


def _doc(tagged: str) -> Doc:
    """A doc from `word/TAG/ENT` triples (ENT an IOB entity tag or O), as the base pipeline would leave it."""
    words, tags, ents = [], [], []
    for item in tagged.split():
        word, tag, ent = item.rsplit("/", 2)
        words.append(word)
        tags.append(tag)
        ents.append(ent)
    return Doc(Vocab(), words=words, tags=tags, ents=ents)


def _labelled(silver, doc: Doc) -> tuple[list[tuple[str, str]], list[str]]:
    result = silver.label(doc)
    return ([(doc[a:b].text, kind) for a, b, kind in result.spans], [doc[a:b].text for a, b in result.missing])


def test_held_out_selection_documents_are_seeded_disjoint_and_a_tenth(train):
    docs = list(range(200))
    kept, held = train.split_select(docs, seed=3)
    assert len(held) == 20 and sorted(kept + held) == docs and not set(kept) & set(held)
    assert train.split_select(docs, seed=3) == (kept, held)
    assert train.split_select(docs, seed=4)[1] != held


def test_sure_names_map_to_conll_types_and_numbers_stay_outside(silver):
    doc = _doc("Marta/NNP/B-PERSON Ilves/NNP/I-PERSON joined/VBD/O Kelvara/NNP/B-ORG in/IN/O Tallinn/NNP/B-GPE "
               "on/IN/O Monday/NNP/B-DATE ./././O")
    spans, missing = _labelled(silver, doc)
    assert spans == [("Marta Ilves", "PER"), ("Kelvara", "ORG"), ("Tallinn", "LOC")]
    assert missing == []  # "Monday" is a base-model date: no name, so it is taught as outside
    assert silver.label(doc).sure == 1.0


def test_a_name_whose_types_disagree_and_what_the_base_model_skipped_are_left_unannotated(silver):
    doc = _doc("Dovren/NNP/B-ORG said/VBD/O Dovren/NNP/B-GPE would/MD/O sue/VB/O ./././O "
               "Farmers/NNS/O met/VBD/O Quill/NNP/O and/CC/O Lena/NNP/B-PERSON Ostrava/NNP/I-PERSON ./././O "
               "Ostrava/NNP/B-GPE smiled/VBD/O ;/:/O Danish/JJ/B-NORP fans/NNS/O cheered/VBD/O ./././O")
    spans, missing = _labelled(silver, doc)
    assert spans == [("Lena Ostrava", "PER")]
    # two types at one vote each; an unlabelled proper noun; a surname called a place; a nationality (MISC or not?)
    assert missing == ["Dovren", "Dovren", "Quill", "Ostrava", "Danish"]
    assert "Farmers" not in missing  # a capitalized common noun is taught as no name
    assert silver.label(doc).sure == pytest.approx(1 / 5)


def test_the_majority_type_of_a_name_is_kept_and_its_stray_mention_left_out(silver):
    doc = _doc(" ".join(["Ravensk/NNP/B-GPE grew/VBD/O ./././O"] * 3 + ["Ravensk/NNP/B-PERSON grew/VBD/O ./././O"]))
    spans, missing = _labelled(silver, doc)
    assert spans == [("Ravensk", "LOC")] * 3 and missing == ["Ravensk"]


def test_the_feature_variants_listen_to_the_frozen_base_tok2vec_and_own_keeps_the_config(train, tmp_path):
    from thinc.api import Config

    own = Config().from_disk(train.variant_config("own", tmp_path / "own.cfg"), interpolate=False)
    assert own == Config().from_disk(train.HERE / "config.cfg", interpolate=False)
    for features in ("tensor", "both"):
        config = Config().from_disk(train.variant_config(features, tmp_path / f"{features}.cfg"), interpolate=False)
        assert config["nlp"]["pipeline"][:2] == ["tok2vec", "ner"]
        assert config["components"]["tok2vec"] == {"source": train.BASE_MODEL}
        assert {"tok2vec", "ner"} <= set(config["training"]["frozen_components"])
        assert {"tok2vec", "ner"} <= set(config["training"]["annotating_components"])  # doc.tensor set in training
        layer = config["components"]["newskit_ner"]["model"]["tok2vec"]
        assert layer["@architectures"] == "newskit.TensorTok2Vec.v1" and layer["base"] == train.BASE_MODEL
        assert ("own" in layer) == (features == "both")
    for features in ("ner", "ner-both"):
        config = Config().from_disk(train.variant_config(features, tmp_path / f"{features}.cfg"), interpolate=False)
        assert "tok2vec" not in config["nlp"]["pipeline"]  # the base ner's own vectors: no other base component
        assert config["nlp"]["after_pipeline_creation"]["@callbacks"] == "newskit.tap_ner.v1"
        layer = config["components"]["newskit_ner"]["model"]["tok2vec"]
        assert layer["source"] == "ner" and ("own" in layer) == (features == "ner-both")
