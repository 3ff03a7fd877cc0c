"""The compiled attribute ruler must leave every token exactly as spaCy's own AttributeRuler does."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler

from newskit.attribute_rules import CompiledAttributeRuler, compile_rules
from newskit.components import speed_up_attribute_ruler as speed_up
from newskit.nlp import DEFAULT_MODEL

COLUMNS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
MODEL_ONLY = ("tok2vec", "tagger", "parser")


@pytest.fixture(scope="module")
def spacy_ruler(nlp):
    """spaCy's AttributeRuler of the default model, read from the installed package's folder."""
    spec = importlib.util.find_spec(DEFAULT_MODEL)
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("the default model is not installed")
    folder = next(Path(next(iter(spec.submodule_search_locations))).glob(f"{DEFAULT_MODEL}-*"))
    return AttributeRuler(nlp.vocab).from_disk(folder / "attribute_ruler", exclude=["vocab"])


def _both(nlp, spacy_ruler, text):
    """Return the doc after spaCy's ruler and after the compiled one, from the same tagged and parsed doc."""
    with nlp.select_pipes(enable=[p for p in MODEL_ONLY if p in nlp.pipe_names]):
        doc = nlp(text)
    compiled = CompiledAttributeRuler(compile_rules(spacy_ruler))
    return spacy_ruler(doc.copy()), compiled(doc.copy())


def _same(a, b) -> bool:
    return numpy.array_equal(a.to_array(COLUMNS), b.to_array(COLUMNS)) and \
        [str(t.morph) for t in a] == [str(t.morph) for t in b]


def test_the_default_model_ruler_compiles_and_is_used(nlp, spacy_ruler):
    assert compile_rules(spacy_ruler) is not None
    assert isinstance(nlp.get_pipe("attribute_ruler"), CompiledAttributeRuler)


def test_same_attributes_as_spacy_on_the_patterns_that_need_care(nlp, spacy_ruler):
    # Regex rules (n't, nothin', y'), two-token rules (expletive "There is"), spaces, lemma rules (gets, got).
    text = ("There is nothin' y' can do, he said: we don't know.\n\n  She gets what she got.  "
            "Ain't it so? There were 2 of 'em, weren't there?\n")
    spacy_doc, compiled_doc = _both(nlp, spacy_ruler, text)
    assert _same(spacy_doc, compiled_doc)
    assert [t.pos_ for t in compiled_doc][:2] == ["PRON", "VERB"]  # the expletive rule fired
    assert {t.lemma_ for t in compiled_doc if t.text in ("gets", "got")} == {"get"}


WORDS = ["There", "is", "are", "was", "n't", "do", "nothin'", "y'", "gets", "got", "the", "Putin", "said", "I",
         "me", "'s", "'re", ".", ",", "\n", "  ", "!", "Seoul", "visit", "ai", "wo", "'ll", "to", "a"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=40))
def test_any_text_gets_the_same_attributes_as_spacy(nlp, spacy_ruler, words):
    spacy_doc, compiled_doc = _both(nlp, spacy_ruler, " ".join(words))
    assert _same(spacy_doc, compiled_doc)


def test_a_later_rule_overrides_an_earlier_one_and_index_picks_the_token(nlp):
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "new"}]], {"POS": "ADJ"})
    ruler.add([[{"LOWER": "new"}, {"LOWER": "york"}]], {"POS": "PROPN"}, index=-2)
    ruler.add([[{"TAG": {"IN": ["NNP", "NN"]}, "LOWER": {"NOT_IN": ["new"]}}]], {"LEMMA": "x"})
    doc = nlp.make_doc("new York and new things")
    doc[1].tag_ = "NNP"
    doc[4].tag_ = "NNS"
    expected = ruler(doc.copy())
    got = CompiledAttributeRuler(compile_rules(ruler))(doc.copy())
    assert [t.pos_ for t in got] == [t.pos_ for t in expected] == ["PROPN", "", "", "ADJ", ""]
    assert [t.lemma_ for t in got] == [t.lemma_ for t in expected]
    assert got[1].lemma_ == "x"


def test_a_pattern_it_cannot_compile_keeps_spacys_component(nlp):
    import spacy

    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    assert compile_rules(ruler) is None
    assert speed_up(blank) is False
    assert type(blank.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    ruler.clear()
    ruler.add([[{"LOWER": "very"}]], {"POS": "ADV"})
    assert speed_up(blank) is True
    assert [t.pos_ for t in blank("very very good")] == ["ADV", "ADV", ""]
