"""Whether a verb is one of a set of lemmas without a lemmatizer (newskit.entities.verbs), and the product step's
test of an article talking of made things that reads it once per distinct word."""
from __future__ import annotations

import pytest

from newskit.entities import products
from newskit.entities.verbs import verb_form_in, verb_in


@pytest.mark.parametrize(("form", "pos", "tag", "lemma", "verbs", "expected"), [
    ("bought", "VERB", "VBD", "", frozenset({"buy"}), True),  # the irregular verbs' table
    ("unveiled", "VERB", "VBD", "", frozenset({"unveil"}), True),  # a regular ending taken off
    ("admitted", "VERB", "VBN", "", frozenset({"admit"}), True),  # and a doubled consonant
    ("ran", "VERB", "VBD", "run", frozenset({"run"}), True),  # the lemma the pipeline gives
    ("ships", "PROPN", "VBZ", "", frozenset({"ship"}), True),  # a verb's fine tag is enough
    ("plans", "NOUN", "NNS", "", frozenset({"plan"}), False),  # no verb
    ("sold", "VERB", "VBD", "", frozenset({"buy"}), False),
])
def test_verb_form_in(form, pos, tag, lemma, verbs, expected):
    assert verb_form_in(form, pos, tag, lemma, verbs) is expected
    assert verb_form_in(form, pos, tag, lemma, verbs) is expected  # asked again: the kept answer


def test_verb_in_reads_the_tokens_strings(nlp):
    doc = nlp("The carmaker unveiled two pickups, bought a rival and plans to ship them to dealers.")
    verbs = frozenset({"unveil", "buy", "ship", "plan"})
    found = [t.text for t in doc if verb_in(t, verbs)]
    assert found == [t.text for t in doc if verb_form_in(t.lower_, t.pos_, t.tag_, t.lemma_, verbs)]
    assert {"unveiled", "bought", "ship"} <= set(found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Harwell Motors said its new pickups would reach dealers in May.", True),  # a product noun
    ("Harwell Motors unveiled the Kestrel on Monday.", True),  # a verb of making a thing public
    ("Harwell Motors said on Monday that its chief executive would step down.", False),
])
def test_talking_of_made_things_is_read_per_word_as_per_token(nlp, text, expected):
    doc = nlp(text)
    per_token = any(t.lower_ in products._PRODUCT_NOUNS and t.pos_ == "NOUN" or verb_in(t, products._PRODUCT_VERBS)
                    for t in doc)
    assert products._talks_of_made_things(doc) is per_token is expected
