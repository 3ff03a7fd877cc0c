"""Attribution: which word cues a quotation ("said", "according to", a colon) and who its speaker is.

The speaker is read off the dependency parse: the cue's subject, the object of "according to", the agent of a
passive, or a controlling verb's subject; a noun beside the cue is the fallback for broken parses.
"""
from __future__ import annotations

from collections.abc import Container
from typing import TYPE_CHECKING

from newskit.quotes.cues import PHRASAL, is_cue_lemma, lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_SUBJ = ("nsubj", "nsubjpass", "csubj")
# Only these pronouns can follow their verb as its speaker ("…,” said he); "telling me" names the listener.
_SUBJECT_PRONOUNS = {"he", "she", "they"}
# First-person words never name who a quote is from: the object forms are listeners, and "I"/"we" is the author.
FIRST_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
_NP_MODS = {"compound", "amod", "det", "poss", "nummod", "nmod", "quantmod", "case", "punct", "prep", "pobj",
            "flat", "advmod"}


def cue_chars(doc: Doc, tok: Token) -> tuple[int, int]:
    """Return the characters of a cue: the verb, its particle ("point out") or "according to"."""
    start, end = tok.idx, tok.idx + len(tok.text)
    if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        end = doc[tok.i + 1].idx + 2
    part = PHRASAL.get(lemma(tok))
    for c in tok.children:
        if c.dep_ == "prt" and (part is None or c.lower_ == part) and c.i == tok.i + 1:
            end = c.idx + len(c.text)
    return start, end


def is_cue(tok: Token, indirect: bool = False) -> bool:
    """Return True when `tok` is a verb of saying (or "according to") that can attribute a quotation."""
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        return True
    if tok.pos_ not in ("VERB", "AUX") and not (tok.tag_.startswith("VB")):
        return False
    if lemma(tok) in ("go", "chime", "weigh") and not any(c.dep_ == "prt" for c in tok.children):
        return False
    return is_cue_lemma(lemma(tok), indirect=indirect)


def speaker_token(tok: Token, avoid: Container[int] = frozenset()) -> Token | None:
    """Return the token naming who utters cue `tok`: its subject, "according to X", or a controlling verb's subject."""
    doc = tok.doc
    if tok.lower_ == "according":
        to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            # a broken parse: the first noun after "to" heads who it is according to
            pobj = next((t for t in doc[to.i + 1:min(len(doc), to.i + 8)] if t.pos_ in ("NOUN", "PROPN", "PRON")
                         and t.i not in avoid), None)
            while pobj is not None and pobj.dep_ == "compound" and pobj.head.i > pobj.i:
                pobj = pobj.head
        return pobj
    if tok.text in (":", "-", "\u2014", "\u2013"):
        return _colon_speaker(tok, avoid)
    seen = 0
    cur = tok
    while cur is not None and seen < 3:
        subj = next((c for c in cur.children if c.dep_ in _SUBJ and c.i not in avoid), None)
        if subj is not None:
            return subj
        agent = next((c for c in cur.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        # "said Caddell" is sometimes parsed as an object of the verb.
        obj = next((c for c in cur.children if c.dep_ in ("dobj", "attr", "npadvmod") and c.i == cur.i + 1
                    and (c.pos_ == "PROPN" or c.lower_ in _SUBJECT_PRONOUNS) and c.i not in avoid), None)
        if obj is not None and cur is tok:
            return obj
        if cur.dep_ in ("xcomp", "advcl", "conj", "acl") and cur.head is not cur and cur.head.i not in avoid:
            cur = cur.head  # "he went on to say", "he added, saying", "X said and added"
            seen += 1
            continue
        if cur.dep_ == "pcomp" and cur.head.head is not cur.head and cur.head.head.i not in avoid:
            cur = cur.head.head  # "he began by saying"
            seen += 1
            continue
        break
    found = _adjacent_noun(tok, avoid)
    if found is None and tok.tag_ in ("VBG", "VBN"):
        # A participle hanging off the wrong word ("X shared the news last week, writing …"): the clause's subject.
        root = tok.sent.root
        found = next((c for c in root.children if c.dep_ in _SUBJ and c.i not in avoid), None)
    return found


def _colon_speaker(colon: Token, avoid: Container[int]) -> Token | None:
    """Return who speaks after "Name:" or "X told reporters:" — the noun before the colon, else the clause subject."""
    doc = colon.doc
    k = colon.i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0 or k in avoid:
        return None
    prev = doc[k]
    if prev.pos_ in ("PROPN", "PRON") or (prev.pos_ == "NOUN" and not any(
            t.pos_ in ("VERB", "AUX") for t in doc[prev.sent.start:prev.i])):
        return prev
    verb = prev if prev.pos_ in ("VERB", "AUX") else prev.head
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in _SUBJ and c.i not in avoid), None)
        if subj is not None:
            return subj
        if verb.head is verb:
            break
        verb = verb.head
    return None


def _adjacent_noun(tok: Token, avoid: Container[int]) -> Token | None:
    """Fallback for broken parses: the name or pronoun right before or right after the cue."""
    doc = tok.doc
    k = tok.i - 1
    while k >= 0 and k not in avoid and doc[k].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "PRON", "PUNCT") \
            and doc[k].text not in (",", ".", ":", ";") and tok.i - k <= 6:
        if doc[k].pos_ in ("PROPN", "PRON", "NOUN") and (k + 1 == tok.i or doc[k + 1].pos_ not in ("PROPN",
                                                                                                  "NOUN")):
            return doc[k]
        k -= 1
    k = tok.i + 1
    while k < len(doc) and k not in avoid and doc[k].pos_ in ("PROPN", "DET", "NOUN", "PRON") and k - tok.i <= 5:
        if k + 1 >= len(doc) or doc[k + 1].pos_ not in ("PROPN", "NOUN"):
            return doc[k] if doc[k].pos_ in ("PROPN", "PRON", "NOUN") else None
        k += 1
    return None


def np_span(doc: Doc, head: Token, avoid: set[int]) -> Span:
    """Return the noun phrase headed by `head` (pre-modifiers and the head, not clauses), outside `avoid`."""
    left = head.i
    for c in head.children:
        if c.i < head.i and c.dep_ in _NP_MODS | {"compound"} and not (set(range(c.left_edge.i, c.i + 1)) & avoid):
            left = min(left, c.left_edge.i)
    right = head.i
    for c in head.children:
        if c.i > head.i and c.dep_ in ("compound", "flat") and c.i not in avoid:
            right = max(right, c.i)
        elif c.left_edge.i == head.i + 1 and c.dep_ in ("appos", "npadvmod", "attr") and c.pos_ == "PROPN" \
                and c.right_edge.i not in avoid:
            right = max(right, c.i)  # "the state official Korea Central News Agency" (no comma)
    while left < head.i and doc[left].is_punct:
        left += 1
    return doc[left:right + 1]
