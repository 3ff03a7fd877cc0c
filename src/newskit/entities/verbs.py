"""Whether a verb is one of a set of lemmas, where the pipeline may run without a lemmatizer (the entities task
does): the lemma spaCy gives, else the form itself, the irregular verbs' table ("won" is "win") or the regular
endings taken off ("acquired", "edged"). No spaCy import, so the modules `newskit parse` loads may use it."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from newskit import lexicon
from newskit.quotes.cues import guess_base

if TYPE_CHECKING:
    from spacy.tokens import Token

_IRREGULAR = lexicon.table("irregular_verbs")


def verb_in(tok: Token, verbs: frozenset[str]) -> bool:
    """Say whether a verb's lemma is one of `verbs`, guessing the lemma from its form where the pipeline runs
    without a lemmatizer (the entities task does: "bought", "acquired")."""
    pos, tag = tok.pos_, tok.tag_
    if pos not in ("VERB", "AUX") and not tag.startswith("VB"):
        return False
    return verb_form_in(tok.lower_, pos, tag, tok.lemma_, verbs)


@lru_cache(maxsize=65536)
def verb_form_in(lower: str, pos: str, tag: str, lemma: str, verbs: frozenset[str]) -> bool:
    """verb_in for a token given by its strings: lowercase form, coarse and fine tag, lemma ("" for none). Kept per
    word and verb set: the type vote and the product step ask about the same verbs of an article again and again."""
    if pos not in ("VERB", "AUX") and not tag.startswith("VB"):
        return False
    if (lemma and lemma.lower() in verbs) or lower in verbs or _IRREGULAR.get(lower) in verbs:
        return True
    return guess_base(lower, verbs.__contains__) is not None
