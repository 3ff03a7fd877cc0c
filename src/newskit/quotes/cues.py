"""The attribution cue lexicon: verbs and phrases that introduce what someone said, wrote or thinks."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from newskit import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs of saying: their subject is the speaker and their clausal or direct object is the statement.
SPEECH_VERBS = lexicon.words("speech_verbs")
# Verbs of thinking and knowing: PolNeAR-style attributions of beliefs; used for indirect statements only.
COGNITION_VERBS = lexicon.words("cognition_verbs")
# Verbs that name or qualify something: a quotation as their complement is the subject's verdict in their own words.
NAMING_VERBS = lexicon.words("naming_verbs")
# Particles that complete phrasal cues ("point out", "go on", "chime in", "fire back").
PHRASAL = lexicon.table("phrasal_cues")
# Nouns that, as the head of a subject NP, denote someone who speaks for someone else.
SPOKESPERSON_NOUNS = lexicon.words("spokesperson_nouns")

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
PRONOUNS_GROUP = frozenset({"it", "they", "we"})


def is_cue_lemma(lemma: str, *, indirect: bool = False) -> bool:
    """Return True when `lemma` is a verb that can introduce a quotation (or, if `indirect`, a belief)."""
    lemma = lemma.lower()
    return lemma in SPEECH_VERBS or (indirect and lemma in COGNITION_VERBS)


# Irregular forms of cue verbs, for pipelines run without the lemmatizer: the quotes task does not load it
# (nlp.NEEDS). Turning it on was measured and rejected: it costs about 8% of the raw pipeline's CPU time on news
# text, and en_core_web_sm lemmatizes "hoped"/"hopes"/"hoping" as "hop", which lost 5 correct PolNeAR dev
# attributions (quotes-polnear precision 0.936 -> 0.935); this table and the suffix guesses below get them right.
_IRREGULAR = lexicon.table("irregular_verbs")
_KNOWN = SPEECH_VERBS | COGNITION_VERBS | NAMING_VERBS | set(PHRASAL)


def lemma(tok: Token) -> str:
    """Return the token's lemma, guessing a verb's base form when the pipeline has no lemmatizer."""
    # without the lemmatizer some inflected verbs come back as their own lemma ("called"): guess those too
    if tok.lemma_ and not (tok.lemma_ == tok.text and tok.tag_ in ("VBD", "VBN", "VBG", "VBZ")):
        return tok.lemma_.lower()
    w = tok.lower_
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    return guess_base(w, _KNOWN.__contains__) or w


_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ying", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
             ("ing", ""), ("ing", "e"), ("d", ""))


def guess_base(word: str, known: Callable[[str], bool]) -> str | None:
    """Return the base form of the inflected verb `word` that `known` accepts, guessed from its ending ("called" ->
    "call", "admitted" -> "admit"), or None: for pipelines run without the lemmatizer."""
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)] + repl
            if known(base):
                return base
            if len(base) > 3 and base[-1] == base[-2] and known(base[:-1]):
                return base[:-1]  # "admitted" -> "admit"
    return None
