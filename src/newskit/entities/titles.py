"""Titles and roles of people, read from the dependency parse around a person mention.

"Russian President Vladimir Putin", "Kremlin spokesperson Dmitry Peskov" (pre-name modifiers), "Sergei Shoigu,
the Russian defense minister" (apposition after the name), "her Russian counterpart, Sergei Lavrov" (the name in
apposition to a role). Nationalities, places and organizations are dropped from the title: they say whose office
it is, and they are entities of their own.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from newskit import lexicon
from newskit.entities import names
from newskit.entities.named_events import EVENT_NOUNS

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Token

_MODIFIER_DEPS = {"compound", "amod", "nmod"}
# Nouns that say how one person stands to another, not what office they hold ("her Russian counterpart").
RELATIONAL = lexicon.words("names/relational_nouns")
_MODIFIERS = lexicon.words("names/title_modifiers")
_OWNER_LABELS = {"NORP", "GPE", "ORG", "LOC", "FAC", "PERSON"}


def _is_owner(tok: Token) -> bool:
    """Return True for a word that says whose title it is (Russian, Kremlin, Boeing) rather than what it is."""
    if tok.lower_ in _MODIFIERS:
        return False  # "Senate Minority Leader": which office, not whose
    if tok.ent_type_ in _OWNER_LABELS - {"PERSON"} and tok.ent_iob_ in ("B", "I") and tok.i + 1 < len(tok.doc) \
            and tok.doc[tok.i + 1].ent_iob_ == "I":
        return True  # "General Motors Chief Executive": a title word opening a longer name is part of that name
    if tok.ent_type_ in _OWNER_LABELS and not names.is_title_word(tok.text):
        return True
    return tok.text[:1].isupper() and not names.is_title_word(tok.text) and tok.pos_ in ("PROPN", "ADJ")


_HYPHENS = ("-", "\u2010")


def _clean(tokens: Iterable[Token]) -> str | None:
    toks = list(tokens)
    while toks and (_is_owner(toks[0]) or toks[0].pos_ in ("DET", "PRON", "NUM", "PUNCT")):
        toks.pop(0)
    while toks and (toks[-1].pos_ in ("PUNCT", "ADP", "DET") or _is_owner(toks[-1])):
        toks.pop()
    if not toks or len(toks) > 5:
        return None
    # a title names an office or a role: a common noun or a known title word, not a name
    if not any(t.pos_ == "NOUN" or names.is_title_word(t.text) for t in toks):
        return None
    if any(t.lower_ in RELATIONAL for t in toks if not names.is_title_word(t.text)):
        return None  # a relation to someone else, not an office
    if any(t.is_digit or "\n" in t.whitespace_ for t in toks[:-1]):
        return None
    text = "".join(t.text + (" " if t.whitespace_ else "") for t in toks[:-1]) + toks[-1].text
    return None if names.is_honorific(text) else text


def _role_phrase(head: Token) -> str | None:
    """Return the role a common-noun head names, with its modifiers and a short "of" phrase."""
    # a common noun ("the defense minister"), or an office written with capitals ("Chief Executive Officer of ...")
    common = head.pos_ == "NOUN" and head.text[:1].islower()
    if not (common or (head.pos_ in ("NOUN", "PROPN") and names.is_title_word(head.text))) \
            or head.lower_ in EVENT_NOUNS or head.lemma_.lower() in EVENT_NOUNS:
        return None  # "the state visit of ..., Vladimir Putin": a happening, not a role
    left = [t for t in head.subtree if t.i < head.i and t.dep_ in _MODIFIER_DEPS | {"det", "poss"}
            and t.head.i <= head.i and head.i - t.i <= 4]
    toks = [t for t in left if t.dep_ in _MODIFIER_DEPS] + [head]
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            sub = list(child.subtree)
            if len(sub) <= 4:
                toks += sub
            break
    return _clean(toks)


# Bounds that keep person_titles linear: words in a title before a name, and tokens between a name and its
# apposition ("Sergei Shoigu, the Russian defense minister": 1; "her Russian counterpart, Sergei Lavrov": 1).
_MAX_TITLE_WORDS = 8
_MAX_GAP = 16


def capitalized(tok: Token) -> bool:
    """Say whether a token is a word written with a capital first letter."""
    return tok.is_alpha and tok.text[:1].isupper()


def office_of(doc: Doc, s: int) -> tuple[int, int] | None:
    """Return the tokens (start, end) of an office when the words right before token s read "<office> of (the)":
    "Assistant Secretary" before "of the Air Force ...", "Civilian Deputy Undersecretary" likewise."""
    j = s - 1
    if j >= 0 and doc[j].lower_ == "the":
        j -= 1
    if j < 1 or doc[j].lower_ != "of" or not names.is_title_word(doc[j - 1].text) or not capitalized(doc[j - 1]):
        return None  # an office written before a name is capitalized ("co-editor of Debating The Donald" is not one)
    k = j - 1
    while k > 0 and j - k < 4 and (capitalized(doc[k - 1]) or names.is_title_word(doc[k - 1].text)) \
            and "\n" not in doc[k - 1].whitespace_ and not doc[k].is_sent_start:
        k -= 1
    return k, j


# Words between an office's "of" and its holder's name: the body and the part of it the office runs.
_MAX_BODY_WORDS = 8


def office_before(doc: Doc, start: int) -> tuple[int, int, bool] | None:
    """Return the office named before a body that runs up to token `start` (inclusive), as (first token, end token,
    whether a "for" lies between the body and `start`): "Assistant Secretary of the Air Force for Acquisition"
    before "Marvin Sambur". Only capitalized words and "for", "and", "&" lie between, within one sentence."""
    if not capitalized(doc[start]):
        return None
    j, portfolio = start, False
    while j >= 0 and start - j <= _MAX_BODY_WORDS:
        if j < start and ("\n" in doc[j].whitespace_ or doc[j + 1].is_sent_start
                          or not (capitalized(doc[j]) or doc[j].lower_ in ("for", "and", "&"))):
            return None
        if capitalized(doc[j]):
            found = office_of(doc, j)
            if found is not None:
                return found[0], found[1], portfolio
        portfolio = portfolio or (j < start and doc[j].lower_ == "for")
        j -= 1
    return None


def _office_of_body(doc: Doc, start: int) -> str | None:
    """Return the office of the person named from token `start` when the words before it read "<office> of <body>"."""
    found = office_before(doc, start - 1) if start > 0 else None
    return _clean(doc[found[0]:found[1]]) if found else None


def person_titles(doc: Doc, start: int, end: int) -> list[str]:
    """Return the titles the parse gives the person named by tokens [start, end)."""
    if end <= start:
        return []
    span = doc[start:end]
    root = span.root
    out = []
    office = _office_of_body(doc, start)
    if office:
        out.append(office)
    # pre-name modifiers: a contiguous run of words left of the name that attach inside the noun phrase
    run: list[Token] = []
    j = start - 1
    # A title is a few words; the bound keeps a mention's cost constant when a degenerate parse chains thousands
    # of names as modifiers of one another ("Mr. A. Mr. A. ..." took minutes).
    while j >= max(0, start - _MAX_TITLE_WORDS) and not doc[j + 1].is_sent_start:
        t = doc[j]
        if t.text in _HYPHENS and not t.whitespace_ and j > 0 and not doc[j - 1].whitespace_:
            run.append(t)  # "President-elect": the hyphen inside a title word
            j -= 1
            continue
        if "\n" in t.whitespace_ or t.is_punct or t.pos_ in ("DET", "PRON", "NUM", "ADP", "VERB", "AUX", "CCONJ"):
            break
        if t.dep_ not in _MODIFIER_DEPS or not (j < t.head.i < end):
            break
        run.append(t)
        j -= 1
    run.reverse()
    title = _clean(run) if run else None
    if title:
        out.append(title)
    # "Sergei Shoigu, the Russian defense minister"
    for child in root.rights:
        # an apposition is set off by a comma; without one the parse often hangs a plain object here
        if child.dep_ == "appos" and child.left_edge.i - end <= _MAX_GAP \
                and any(t.text == "," for t in doc[end:child.left_edge.i + 1]):
            title = _role_phrase(child)
            if title:
                out.append(title)
    # "her Russian counterpart, Sergei Lavrov"
    if root.dep_ == "appos" and start - _MAX_GAP <= root.head.i < start \
            and any(t.text == "," for t in doc[root.head.i:start]):
        title = _role_phrase(root.head)
        if title:
            out.append(title)
    return out
