"""Reported speech without quotation marks: candidate (cue, content, speaker) triples read off the parse, and the
small learned decision of which of them a reader counts as an attribution.

A candidate is a verb (or "according to") with what it reports: its clausal complement ("said [the plant will
close]"), a "to"-clause ("plans [to release its analysis]"), the clause it is attached to ("[No one was hurt],
the sheriff said"), its object ("cited [his endorsements]") or a prepositional object ("called for [a
moratorium]"). Whether it is an attribution rests on many cues at once (the verb, how the content hangs from it,
who the subject is, tense, negation, position), so a logistic regression trained on PolNeAR's train split weighs
them (training/attributions/train.py); its weights ship as JSON, pinned by sha256.
"""
from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Container
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, cast

from newskit.article.bylines import DATELINE
from newskit.quotes.attribution import is_cue, speaker_token
from newskit.quotes.cues import COGNITION_VERBS, NAMING_VERBS, SPEECH_VERBS, SPOKESPERSON_NOUNS, guess_base, lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MODEL_FILE = Path(__file__).resolve().parent.parent / "data" / "attribution_model.json"
# sha256 of the shipped weights: a changed file must come from training/attributions/train.py, with this pin.
MODEL_SHA256 = "54458adc369d87f4663f4cf9cb5db275745914b50ad9a710eb206fad737a2ff0"
_PREPS = {"for", "on", "about", "against", "with", "to", "over", "that"}
_SAID_OF = {"as", "to", "for", "of", "with", "into"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"}


@dataclass
class Candidate:
    """A possible attribution: the cue token, the content's first and last token, the speaker token, features and
    the content's own tokens."""

    cue: Token
    lo: int
    hi: int
    speaker: Token | None
    how: str
    features: list[str]
    content: frozenset[int] = frozenset()  # the content's own tokens between lo and hi (a cue in the middle is not)


def _trim(doc: Doc, toks: list[int], one: bool = False) -> tuple[int, int] | None:
    """Return the first and last token of the content, leaving out punctuation, "that" and a closing "and" at its
    ends; only the content's own tokens count, so the full stop after "…, according to X." is not its end.
    `one`: a single word may be the content (a name or pronoun: "endorsed Trump", "cited it")."""
    ordered = sorted(toks)
    lo, hi = 0, len(ordered) - 1

    def edge(t: Token) -> bool:
        return t.is_punct or t.is_space

    while lo < hi and (edge(doc[ordered[lo]]) or doc[ordered[lo]].lower_ == "that" and doc[ordered[lo]].dep_ == "mark"):
        lo += 1
    while hi > lo and (edge(doc[ordered[hi]]) or doc[ordered[hi]].dep_ == "cc"):
        hi -= 1
    if not ordered or ordered[hi] - ordered[lo] < 1 and not (
            one and doc[ordered[lo]].pos_ in ("PROPN", "PRON") and doc[ordered[lo]].is_alpha):
        return None
    a, b = _past_dateline(doc, ordered[lo], ordered[hi]), ordered[hi]
    while b > a and edge(doc[b]):  # a comma before the cue's own words, inside the span
        b -= 1
    return a, b


def _past_dateline(doc: Doc, a: int, b: int) -> int:
    """Return the content's first token after the story's dateline where the content opens the line with one
    ("DETROIT (Reuters) - Fiat will take a stake in Chrysler, the companies said": the content is Fiat's stake)."""
    if a and "\n" not in doc[a - 1].text:
        return a
    m = DATELINE.match(doc.text[doc[a].idx:doc[a].idx + 160])
    if m is None:
        return a
    end = doc[a].idx + m.end()
    while a < b and doc[a].idx < end:
        a += 1
    return a


def _subtree(tok: Token, without: Token | None = None) -> list[int]:
    skip = set(range(without.left_edge.i, without.right_edge.i + 1)) if without is not None else set()
    return [t.i for t in tok.subtree if t.i not in skip]


def _content(tok: Token) -> tuple[list[int], str] | None:
    """Return (token indices of what `tok` reports, how it hangs from it) or None."""
    if tok.lower_ == "according":
        clause = tok.head
        if clause is tok:
            return None
        return _subtree(clause, tok), "according"
    kids = list(tok.children)
    comp = next((c for c in kids if c.dep_ == "ccomp"), None)
    if comp is not None:
        return _subtree(comp), "ccomp" if comp.i > tok.i else "ccomp_before"
    xcomp = next((c for c in kids if c.dep_ == "xcomp" and c.i > tok.i), None)
    obj = next((c for c in kids if c.dep_ == "dobj" and c.i > tok.i), None)
    if xcomp is not None:
        start = obj if obj is not None and obj.i < xcomp.i else xcomp  # "urged Congress to act"
        return list(range(start.left_edge.i, xcomp.right_edge.i + 1)), "xcomp"
    agent = next((c for c in kids if c.dep_ == "agent"), None)
    subj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    if agent is not None and subj is not None and subj.i < tok.i:
        return _subtree(subj), "passive_subj"  # "[Trump] has been endorsed by Cruz": the agent says it of the subject
    if tok.dep_ in ("parataxis", "ccomp") and tok.head.pos_ in ("VERB", "AUX") and (
            tok.head.i < tok.i or tok.dep_ == "parataxis"):
        return _subtree(tok.head, tok), "head"  # "Y, X said." and "Y, X said, Y" (the cue inside)
    if obj is not None:
        # "likened RT to the BBC", "painted Romney as a rich man", "mocked him for hiding his returns": what is said
        # of the object goes with it
        said_of = next((c for c in kids if c.dep_ == "prep" and c.i > obj.right_edge.i and c.lower_ in _SAID_OF
                        and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
        if said_of is not None:
            return list(range(obj.left_edge.i, said_of.right_edge.i + 1)), "dobj_prep"
        return _subtree(obj), "dobj"
    prep = next((c for c in kids if c.dep_ == "prep" and c.i > tok.i and c.lower_ in _PREPS), None)
    if prep is not None:
        pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is not None:
            return _subtree(pobj), "prep_" + prep.lower_
    return None


def _subject_features(spk: Token | None, entity_type: str | None, known: Container[str] | None) -> list[str]:
    if spk is None:
        return ["subj=none"]
    low = spk.lower_
    out = []
    if spk.pos_ == "PRON" or low in _PRONOUNS:
        out.append("subj=pron_" + (low if low in _PRONOUNS else "other"))
    elif spk.pos_ == "PROPN":
        out.append("subj=propn")
    else:
        out.append("subj=noun")
        noun = base_form(spk, "subjlem=", known)
        out.append("subjlem=" + noun)
        if noun in SPOKESPERSON_NOUNS:
            out.append("subj=spokes")
    out.append("subjent=" + (entity_type or "none"))
    if spk.pos_ == "NOUN" and any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in spk.children):
        out.append("subj=named_appos")  # "my neighbour, Dr. Amélie Roux," : the noun is named beside it
    return out


def candidate(doc: Doc, tok: Token, inside: set[int], entity_type: Callable[[Token], str | None],
              known: Container[str] | None = None, quoted: Container[int] = frozenset()) -> Candidate | None:
    """Return the candidate attribution cued by `tok`, or None when `tok` reports nothing.

    `inside` holds the tokens of quoted statements (a content holding one is not a candidate), `quoted` those of
    every quotation, scare quotes too (a paraphrase may hold a few quoted words). `known` is the feature
    vocabulary base forms are matched against (default: the shipped model's)."""
    if lemma(tok) in ("ask", "question") and (tok.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in tok.children)):
        return None  # "Pruitt, asked whether he would resign": a question put to someone is not their statement
    found = _content(tok)
    if found is None:
        return None
    toks, how = found
    bounds = _trim(doc, toks, one=how in ("dobj", "passive_subj") or how.startswith("prep_"))
    if bounds is None:
        return None
    lo, hi = bounds
    span_toks = range(lo, hi + 1)
    if any(i in inside for i in span_toks):
        return None  # the quotation inside is a quote of its own, with its own cue and speaker
    # "Lenox was a juggernaut, Mr. Clarke said, until …": the cue's own words inside the span are not content
    avoid = set(span_toks) & set(toks)
    spk = speaker_token(tok, avoid)
    lem = "according to" if tok.lower_ == "according" else base_form(tok, "lem=", known)
    cls = "speech" if lem in SPEECH_VERBS else "cog" if lem in COGNITION_VERBS else "naming" if lem in \
        NAMING_VERBS else "according" if how == "according" else "other"
    n = hi - lo + 1
    f = ["bias", "lem=" + lem, "cls=" + cls, "how=" + how, f"cls_how={cls}_{how}", f"lem_how={lem}_{how}",
         "tag=" + tok.tag_, "dep=" + tok.dep_, "len=" + ("1" if n < 4 else "2" if n < 8 else "3" if n < 20 else "4"),
         "after" if tok.i > hi else "before" if tok.i < lo else "middle"]
    if n == 1:  # a lone name or pronoun as the content
        f += ["one_" + doc[lo].pos_, f"one_{doc[lo].pos_}_{lem}"]
    f += _subject_features(spk, entity_type(spk) if spk is not None else None, known)
    f += [f"cls_{x}" for x in f if x.startswith("subj=")]
    if any(c.dep_ == "neg" for c in tok.children):
        f.append("neg")
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children):
        f.append("modal")
    if any(c.dep_ == "auxpass" for c in tok.children):
        f.append("passive")
    if tok.i == tok.sent.start or doc[max(tok.sent.start, tok.i - 1)].is_punct:
        f.append("cue_first")
    if is_cue(tok, indirect=True):
        f.append("cue_listed")  # the hand-kept list of verbs of saying
    if any(c.dep_ in ("dative", "dobj") and c.i < lo and c.i > tok.i for c in tok.children):
        f.append("told")  # "told reporters that …", "kept telling me that …": someone is addressed
    if any(i in quoted for i in span_toks):
        f.append("quoted_words")  # a paraphrase holding a few of the speaker's words in quotation marks
    return Candidate(tok, lo, hi, spk, how, f, frozenset(avoid))


def is_cue_candidate(tok: Token) -> bool:
    """Return True when `tok` can cue a reported statement: a verb that is not an auxiliary, or "according to"."""
    if tok.lower_ == "according":
        return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"
    return (tok.pos_ == "VERB" or tok.tag_.startswith("VB") and tok.pos_ != "AUX") and tok.dep_ not in (
        "aux", "auxpass", "amod") and tok.is_alpha


class _Model(TypedDict):
    """The shipped weights file's fields read here (it holds the training data and seed too)."""

    weights: dict[str, float]
    threshold: float


@cache
def _model() -> _Model:
    raw = MODEL_FILE.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != MODEL_SHA256:
        raise RuntimeError(f"{MODEL_FILE.name}: sha256 {digest} is not the pinned one; retrain or restore the file")
    return cast("_Model", json.loads(raw))


def base_form(tok: Token, prefix: str, known: Container[str] | None = None) -> str:
    """Return the lemma of `tok` as the model knows it: the lemmatizer's when the pipeline has one, else the
    base form the model's vocabulary holds ("shows" -> "show"), so that runs with and without a lemmatizer agree."""
    lem = lemma(tok)
    known = _model()["weights"] if known is None else known
    if tok.lemma_ and tok.lemma_ != tok.text or prefix + lem in known:
        return lem
    vocabulary = known
    base = guess_base(tok.lower_, lambda b: prefix + b in vocabulary)
    return lem if base is None else base


def probability(features: list[str]) -> float:
    """Return the model's probability that a candidate with these features is an attribution."""
    weights = _model()["weights"]
    z = sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def threshold() -> float:
    """Return the probability above which a candidate is kept (chosen on the training split)."""
    return float(_model()["threshold"])
