"""The recognizer's token features built on a base pipeline's tok2vec output (doc.tensor), and where it may run."""
from __future__ import annotations

import numpy
import spacy
from spacy.tokens import Doc
from spacy.training import Example
from thinc.api import Config

from newskit.components import add_conll_ner
from newskit.entities.tagger import doc_tensor, tensor_base, tensor_tok2vec


def _doc(nlp, text: str, tensor: numpy.ndarray | None = None) -> Doc:
    doc = nlp.make_doc(text)
    if tensor is not None:
        doc.tensor = tensor
    return doc


def test_the_tensor_layer_reads_what_tok2vec_left_and_zeros_where_it_left_nothing():
    nlp = spacy.blank("en")
    with_tensor = _doc(nlp, "Rivermoor Mills cut jobs", numpy.arange(12, dtype="float32").reshape(4, 3))
    without = _doc(nlp, "Nothing ran here")
    layer = doc_tensor(3)
    out, backprop = layer.begin_update([with_tensor, without])
    assert numpy.array_equal(out[0], with_tensor.tensor)
    assert out[1].shape == (3, 3) and not out[1].any()
    assert backprop(out) == []  # the tok2vec that wrote the tensor is frozen: no gradient goes back
    assert not doc_tensor(5).predict([with_tensor])[0].any()  # another width: not this base's numbers


def test_the_tensor_comes_first_and_the_label_embedding_and_mixing_are_optional():
    nlp = spacy.blank("en")
    docs = [_doc(nlp, "Ostrava beat Plzen again", numpy.ones((4, 6), dtype="float32"))]
    plain = tensor_tok2vec("en_test", 6, 4, 0, 0)
    plain.initialize(X=docs)
    out = plain.predict(docs)[0]
    assert plain.get_dim("nO") == 10 and out.shape == (4, 10)
    assert numpy.array_equal(out[:, :6], docs[0].tensor)
    mixed = tensor_tok2vec("en_test", 6, 4, 8, 1)
    mixed.initialize(X=docs)
    assert mixed.get_dim("nO") == 8 and mixed.predict(docs)[0].shape == (4, 8)


def test_the_base_is_found_however_deep_the_layer_sits():
    config = {"model": {"@architectures": "spacy.Tagger.v2",
                        "tok2vec": {"@architectures": "newskit.TensorTok2Vec.v1", "base": "en_core_web_sm_x"}}}
    assert tensor_base(config) == ("en_core_web_sm_x", "tok2vec")
    config["model"]["tok2vec"]["source"] = "ner"
    assert tensor_base(config) == ("en_core_web_sm_x", "ner")
    assert tensor_base({"model": {"tok2vec": {"@architectures": "spacy.Tok2Vec.v2"}}}) is None


TENSOR_MODEL = """
[model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = false

[model.tok2vec]
@architectures = "newskit.TensorTok2Vec.v1"
base = "en_tiny_base"
tensor_width = 96
ent_width = 8
width = 16
depth = 1
"""


def _tiny_base():
    nlp = spacy.blank("en")
    nlp.meta["name"] = "tiny_base"
    nlp.add_pipe("tok2vec")  # spaCy's default tok2vec: 96 wide, as the recognizer's layer expects
    return nlp


def test_a_recognizer_on_a_base_tensor_joins_only_that_base(tmp_path):
    trained = _tiny_base()
    trained.add_pipe("newskit_ner", config={"model": Config().from_str(TENSOR_MODEL)["model"]})
    text = "Maria Lund joined Holmvik Bank in Oslo."
    ref = trained.make_doc(text)
    ref.set_ents([ref.char_span(0, 10, "PER"), ref.char_span(18, 30, "ORG"), ref.char_span(34, 38, "LOC")])
    trained.initialize(lambda: [Example(trained.make_doc(text), ref)])
    trained.remove_pipe("tok2vec")
    trained.to_disk(tmp_path / "conll_ner")

    host = _tiny_base()
    host.initialize()
    assert add_conll_ner(host, tmp_path / "conll_ner") is True
    doc = host(text)
    assert doc.tensor.shape == (len(doc), 96)
    assert {s.label_ for s in doc.spans["newskit_ner"]} <= {"PER", "ORG", "LOC"}
    assert add_conll_ner(spacy.blank("en"), tmp_path / "conll_ner") is False  # no tok2vec to listen to
    other = _tiny_base()
    other.meta["name"] = "other_base"
    assert add_conll_ner(other, tmp_path / "conll_ner") is False  # a tok2vec, but not the one it learned from



def test_the_tapped_base_ner_leaves_its_own_vectors_and_the_recognizer_drops_them(nlp):
    from newskit.entities.tagger import BASE_VECTORS, tap_tok2vec

    text = "Astrid Holm sold Kettleby Foods to a Danish group on Monday."
    assert tap_tok2vec(nlp) and tap_tok2vec(nlp)  # again is harmless
    ner = nlp.get_pipe("ner")
    doc = ner(nlp.make_doc(text))
    vectors = doc.user_data[BASE_VECTORS]
    assert vectors.shape == (len(doc), ner.model.get_ref("tok2vec").get_dim("nO"))
    assert numpy.allclose(vectors, ner.model.get_ref("tok2vec").predict([nlp.make_doc(text)]))
    assert BASE_VECTORS not in nlp(text).user_data  # read by newskit_ner, not kept with the doc
    assert tap_tok2vec(spacy.blank("en")) is False  # no ner to tap
