"""One type per name, decided from the evidence the article gives, not from how many mentions each guess got.

The recognizer's guess for a one-word name it has never seen is weak ("Chrysler" read as a surname), and counting
its guesses over the article only repeats it. Here every name (all mentions of the same words) gets the features
below, and a small multinomial logistic regression (weights in data/type_vote.json, trained by
training/types/train.py on CoNLL-2003 eng.train documents read by a recognizer that never saw them) chooses person,
organization or place:

  what the layers say   the share of its mentions the recognizer calls PER / ORG / LOC, and the base model
                        PERSON / ORG / a place (its span covering the mention);
  person evidence       a word of a longer person name in the article ("Sampras" of "Pete Sampras"), a title or
                        form of address right before it ("Mr.", "coach"), "he"/"she" as the next pronoun in its
                        sentence (or opening the next one where the name is its sentence's subject: "Toyoda
                        spoke. He said"), the subject of a verb of saying people use and bodies rarely
                        ("Mulally told reporters", "X added"), an apposition headed by a title or a person's noun
                        or an age ("X, the team's striker,"; "X, 64,"), ", who" after it, the last word of the
                        name written alone elsewhere and called a person by the recognizer ("Bernanke" of "Ben
                        Bernanke");
  organization evidence a firm's noun before it ("automaker Chrysler"), a legal form, "shares"/"stock"/"dealers"/
                        "chairman"/"sales"/"leader" after it (a plant's noun only without "the" or an owner before
                        it: "the Spring Hill plant" is a town's, and "GM's Bochum plant" places the name), "shares
                        of" before it, a possessive of what only a firm has ("X's savers", "X's chief executive"),
                        "it"/"its" as the next pronoun, an apposition headed by a body's noun ("X, the Seattle lender,";
                        "X, the Romanian plant"), what is acquired, taken over or merged or the buyer a sale goes
                        to ("sold to X"; "X was rescued when Y bought it"), ", which" after it, the subject of a
                        move by a percentage as a stock moves ("X rose 7 percent"; a poll moves a candidate by
                        points, and no poll is in the sentence), joined by "and" or a comma to a name both the
                        recognizer and the base model call an organization ("Fannie Mae and Freddie Mac"), a list a
                        plural firm's noun heads or sums up ("mining companies X and Y", "X and Y, the mortgage
                        giants,"), an apposition owned by a name the base model calls an organization and no
                        person's noun ("Lockheed Martin, Boeing's rival,");
  place evidence        a locative preposition before it ("in Edmonton"), ", <known place>" after it, the name
                        itself a country, US state or large city, a place's word ending it or after it ("Ellis
                        Park", "Charles de Gaulle airport");
  form                  one word or more, all capitals, at the start of a sentence;
  results               the share of its mentions that a score line or a standings row gives ("Pohang 3 Ulsan 2",
                        "Puchon 3 1 0 6 1 10"): there a name is a side that played, a club as a rule; and, apart,
                        a side in a result written as prose ("X beat Y 2-1"); a name in a cricket scorecard ("S. Law
                        c Tillekeratne b Dharmasena 13", "Muralitharan 10-0-41-2"), a scorer with the minute
                        ("Haim Hajaj (47th)") or a numbered player ("2 - Lilian Thuram") is a player, person evidence.

A building that stands for the government seated in it ("the Kremlin", "the White House", "Downing Street") is
an organization unless every mention only places something there ("a fire in the Kremlin"); a capital city or a
country acting for its government ("Washington warned") stays a place, as CoNLL-2003 annotates it (the policy and
the counts behind it: docs/RECORD.md, "What the entity types cover").

A name the article writes with a legal form, or that shares or a stake are of ("shares of Nvidia"), is a firm at
every mention whatever the layers read it as (a known place keeps its type).

A name whose apposition is a person's ("X, the head of the works council,") and that nothing else calls a firm's or
a place's is a person, whatever the layers read it as. A person needs person evidence: a one-word name with none of
it, that the base model does not call a person, is never typed a person (a firm or a city the recognizer has not
seen is the commonest one-word name in news). A name of any length with organization evidence (a firm's noun or
legal form, an apposition headed by a body's noun, an acquisition, ", which") or a side's (a score in prose) and no
person evidence is never a person, whatever both models read it as ("Washington Mutual, the Seattle lender"); with
organization evidence and no place evidence it is never a place either.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, cast

import numpy
from spacy.tokens import Span

from newskit import lexicon
from newskit.article.results import result_names
from newskit.doctext import newline_tokens
from newskit.entities import cities, names, places
from newskit.entities.titles import RELATIONAL  # "the son of X" says nothing of what X is
from newskit.entities.verbs import verb_in

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import Lemmatizer
    from spacy.tokens import Doc, Token

PACKAGE = Path(__file__).resolve().parent.parent
WEIGHTS = PACKAGE / "data" / "type_vote.json"
# sha256 of the vote's learned files (the weights and the given-name list), paths relative to the package;
# written by training/types/train.py, checked by newskit.nlp.verify_model(PACKAGE, HASHES).
HASHES = PACKAGE / "data" / "type_vote.sha256"
CLASSES = ("PERSON", "ORG", "GPE")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS = PLACE_LABELS | {"PERSON", "ORG"}
FEATURES = ("bias", "rec_per", "rec_org", "rec_loc", "base_per", "base_org", "base_loc", "base_none",
            "full_name", "given_name", "titled", "he_she", "org_cue", "it_its", "placed", "known_place", "one_word",
            "caps", "sent_start", "results", "org_appos", "person_appos", "bought", "score", "which",
            "org_word", "employer", "place_word", "surname", "scorecard", "who", "tells", "moves", "with_org")
_ORG_CUES = lexicon.words("org_cues")
_LEGAL = lexicon.words("corporate_suffixes")
_LOCATIVE = lexicon.words("locative_prepositions")
_PERSON_TITLES = lexicon.words("person_titles")
_SPEECH_VERBS = lexicon.words("speech_verbs")
_ORG_AFTER = frozenset({"shares", "stock", "stocks", "shareholders", "subsidiary", "spokesman", "spokeswoman",
                        "spokesperson", "executives", "chief", "ceo", "plant", "plants", "factory", "brand",
                        "dealers", "dealerships", "chairman", "chairwoman"})
# nouns after a name, written lowercase, that only a firm or a brand has ("Hummer sales", "Saturn models",
# "WaMu branches"); not "workers" or "fans", which a town and a club have too
_FIRM_AFTER = frozenset({"sales", "vehicles", "cars", "models", "stores", "branches", "bondholders", "creditors",
                         "outlets", "securities"})
_CLUB_ROLES = lexicon.words("club_roles")
# nouns after a name, written lowercase, for the members of a party or a movement ("Labour leader", "Likud
# lawmakers"); a state's or a country's own too ("Texas lawmakers"), so not after a known place
_PARTY_ROLES = frozenset({"leader", "leaders", "lawmaker", "lawmakers", "legislator", "legislators", "mp", "mps",
                          "activists", "candidate", "candidates"})
# heads of an apposition that say what a name is ("X, the Seattle lender"; "X, the team's striker")
_ORG_NOUNS = _ORG_CUES | lexicon.words("org_appositions")
_PERSON_NOUNS = lexicon.words("person_appositions") | _PERSON_TITLES
# a word after the first that makes a name an organization's ("Adam Air", "Burkhardt & Associates", "X Group")
_NAME_ORG_WORDS = lexicon.words("org_heads") | _LEGAL | {"associates", "partners", "bros"}
# the last word of a place's name, or the noun after it ("Ellis Park", "Charles de Gaulle airport", "River Ouse")
_PLACE_WORDS = lexicon.words("place_name_words") | lexicon.words("feature_last_words")
# last words of a works' name, a site on the map ("the Everett Factory"); after a name they place a firm's works
# ("the Boeing factory"), so they count only inside the name
_SITE_WORDS = frozenset({"factory"})
# what is done to a firm, not to a person: it is acquired, taken over, merged with, and a sale goes to it ("sold to
# X"); not "bought"/"sold"/"bid for" themselves, which clubs do with players
_BUY_VERBS = frozenset({"acquire", "nationalize", "nationalise", "merge"})
_BUY_NOUNS = frozenset({"acquisition", "takeover", "merger", "nationalisation", "nationalization", "buyout"})
_WIN_VERBS = frozenset({"beat", "defeat", "draw", "lose", "hold", "edge", "thrash", "rout", "trounce", "overcome",
                        "down", "upset", "crush", "stun", "play", "win", "tie"})
# a score in running text: "2-1", "3-0" (a dash or hyphen between two small numbers)
_SCORE = re.compile(r"\d{1,2}[-\u2013]\d{1,2}")
_SEATS = lexicon.words("seats_of_government")
_TIME_ZONES = lexicon.words("dates/time_zones")
_WEEKDAYS = frozenset(row[0] for row in lexicon.rows("dates/weekdays") if len(row) == 2)
_DAY_NAMES = frozenset(w.casefold() for w in lexicon.words("dates/named_day_words"))
_MOVES = lexicon.words("market_moves")
# a move of its price, as a stock moves ("X rose 7 percent", "X fell 3 cents", "X gained 1-1/2"); not by points,
# which polls move candidates by ("Smith gained 5 points")
_PRICE_UNITS = frozenset({"percent", "pct", "%", "cents", "cent", "pence", "yen"})
_POLL_WORDS = frozenset({"poll", "polls", "polling", "pollster", "survey", "surveys", "voters", "vote", "votes",
                         "support", "lead", "primary", "primaries", "caucus", "caucuses", "ballot", "approval",
                         "favorability", "rating", "ratings"})
_FRACTION = re.compile(r"(?:\d+-)?\d+/\d+")  # a price's move in fractions of a dollar ("rose 1-1/2")
_PRONOUNS = {"he": "he_she", "she": "he_she", "his": "he_she", "her": "he_she", "him": "he_she",
             "it": "it_its", "its": "it_its"}


def family(label: str) -> str:
    return "GPE" if label in PLACE_LABELS else label


def key(span: Span) -> str:
    """Return the words a name is compared by: casefolded, curly apostrophe straight, a possessive 's dropped."""
    keys = _doc_columns(span.doc)[3]  # a name's mentions are compared many times: each span's key is made once
    at = (span.start, span.end)
    found = keys.get(at)
    if found is None:
        text = span.text.replace("\u2019", "'")
        if text.endswith("'s"):
            text = text[:-2]
        found = keys[at] = " ".join(text.split()).casefold()
    return found


def _cover_label(span: Span, base: list[Span]) -> str | None:
    """Return the base model's label for the span: of a base name span covering it, else of one inside it."""
    for b in base:
        if b.start <= span.start and span.end <= b.end:
            return b.label_
    for b in base:
        if span.start <= b.start and b.end <= span.end:
            return b.label_
    return None


def _next_pronoun(span: Span) -> str | None:
    """Return the kind of the first pronoun after a name in its sentence ("he_she" or "it_its"); where there is none
    and the name is its sentence's subject, the subject pronoun that opens the next sentence ("Toyoda spoke to
    owners. He said ...": a subject is picked up by the next sentence's subject, as news writes it)."""
    doc = span.doc
    sents = doc.has_annotation("SENT_START")
    end = span.sent.end if sents else min(len(doc), span.end + 20)
    for tok in doc[span.end:min(end, span.end + 20)]:
        if tok.text in _OPENING_QUOTES:
            return None  # a pronoun inside a quotation is the quoted speaker's ("X adds, "Steve ... his")
        if tok.lower_ in _PRONOUNS and (tok.lower_ != "it" or tok.dep_ in ("nsubj", "nsubjpass")):
            return _PRONOUNS[tok.lower_]  # "it" as an object ("to speak about it") is rarely the name's
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "NOUN":
            return None  # "X said the company would post its first loss": the pronoun is the nearer subject's
    root = span.root
    if not sents or end >= len(doc) or end - span.end > 20 or root.dep_ not in ("nsubj", "nsubjpass") \
            or root.head.dep_ != "ROOT":
        return None
    opener = doc[end]
    if opener.lower_ in ("he", "she", "it") and opener.dep_ in ("nsubj", "nsubjpass"):
        return _PRONOUNS[opener.lower_]  # the next sentence opens on its subject pronoun
    return None


_OPENING_QUOTES = frozenset({'"', "\u201c", "``"})


def org_cue(span: Span) -> bool:
    """Say whether the words around a name call it a firm's ("automaker X", "X Inc.", "shares of X")."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start else None
    nxt = doc[span.end] if span.end < len(doc) else None
    if prev is not None and prev.lower_ in _ORG_CUES and (prev.is_lower or starts_unit(prev)):
        return True
    if nxt is not None and nxt.lower_ in _WORKS and (_site_of_works(span) or cities.is_known_place(span.text)):
        return False  # "the Spring Hill plant", "GM's Bochum plant": the town the plant stands in
    if nxt is not None and nxt.lower_ == "stock" and span.end + 1 < len(doc) \
            and doc[span.end + 1].lower_ in ("exchange", "market", "markets"):
        return False  # "the Reykjavik stock exchange": the town the market is in, no firm's stock
    if nxt is not None and (nxt.lower_.rstrip(".") in _LEGAL - {"company", "group"} or nxt.lower_ in _ORG_AFTER):
        return True
    if nxt is not None and nxt.text in _FIRM_AFTER and not (prev is not None and prev.like_num):
        return True  # "Hummer sales", not a unit's ("32 GB models")
    if nxt is not None and nxt.lower_ in _CLUB_ROLES and not places.is_nation(span.text):
        return True  # "Milan coach": the club ("England captain": its national team, the place)
    if nxt is not None and nxt.lower_ in _PARTY_ROLES and nxt.is_lower and not cities.is_known_place(span.text):
        return True  # "Labour leader Keir Starmer", "Likud lawmakers": the party ("Texas lawmakers": the state)
    return _held(span, ("shares",), ("of",)) or _possesses_a_firms(span)


# what only a firm has, after its possessive ("Landsbanki's British savers", "Nvidia's shares", "Glitnir's chief
# executive")
_FIRMS_OWN = frozenset({"shares", "stock", "shareholders", "savers", "depositors", "bondholders", "creditors",
                        "customers", "profit", "profits", "revenue", "revenues", "earnings", "ceo", "chairman",
                        "chairwoman", "subsidiary", "branches", "dealers"})


def _possesses_a_firms(span: Span) -> bool:
    """Say whether the name's possessive is of something only a firm has ("Landsbanki's British savers", "X's chief
    executive"), the noun after at most two words that qualify it; not a known place's ("Iceland's creditors")."""
    doc = span.doc
    i = span.end
    if i >= len(doc) or doc[i].lower_ not in ("'s", "\u2019s") or cities.is_known_place(span.text):
        return False
    for tok in doc[i + 1:i + 4]:
        if tok.lower_ in _FIRMS_OWN or tok.lower_ == "chief" and tok.i + 1 < len(doc) \
                and doc[tok.i + 1].lower_ == "executive":
            return True
        if tok.pos_ not in ("ADJ", "PROPN") and tok.dep_ != "compound":
            return False
    return False


_WORKS = frozenset({"plant", "plants", "factory", "factories", "works", "assembly"})
_OWNERS = frozenset({"the", "its", "their", "'s", "\u2019s"})


def _site_of_works(span: Span) -> bool:
    """Say whether a name stands between an owner or "the" and a plant's noun ("the Spring Hill plant", "GM's
    Lordstown plant", "its Bochum factory"): the town the works stand in, no firm ("a Ford plant", "Ford plants")."""
    doc = span.doc
    return span.start > 0 and doc[span.start - 1].lower_ in _OWNERS and span.end < len(doc) \
        and doc[span.end].lower_ in _WORKS


def _traded(span: Span) -> bool:
    """Say whether the name is what shares are of ("shares of Nvidia", "stock in Foxconn")."""
    return _held(span, ("shares", "stock", "stake", "shareholders"), ("of", "in"))


def _held(span: Span, holdings: tuple[str, ...], links: tuple[str, ...]) -> bool:
    """Say whether the two words before the name are one of `holdings` and one of `links` ("shares of")."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].lower_ in links and doc[span.start - 2].lower_ in holdings


def _placed(span: Span) -> bool:
    """Say whether a locative preposition comes right before a name, or before its "the" ("at the White House"), or
    ", <known place>" after it."""
    doc = span.doc
    before = span.start - (span.start >= 2 and doc[span.start - 1].lower_ == "the")
    prev = doc[before - 1] if before else None
    if prev is not None and prev.lower_ in _LOCATIVE or _site_of_works(span) and prev is not None \
            and prev.lower_ != "the":
        return True  # "GM's Lordstown plant", "its Bochum factory" place the works ("the Ford plant" may not)
    after = doc[span.end:span.end + 3]
    return len(after) >= 2 and after[0].text == "," and after[1].text[:1].isupper() \
        and cities.is_known_place(after[1].text)


def apposition(span: Span) -> Token | None:
    """Return the head noun of an apposition set off by a comma beside a name: "X, the Seattle lender," (lender),
    "the carmaker, X," (carmaker); None without one."""
    doc = span.doc
    root = span.root
    if span.end < len(doc) and doc[span.end].text == ",":
        for c in root.rights:
            if c.dep_ == "appos" and c.i > span.end and c.pos_ == "NOUN":
                return c
    if root.dep_ == "appos" and root.head.i < span.start and doc[span.start - 1].text == "," \
            and root.head.pos_ == "NOUN":
        return root.head
    return _apposition_written(doc, span.end)


_NOUN_PHRASE = frozenset({"ADJ", "NOUN", "PROPN", "NUM", "ADV"})


def _apposition_written(doc: Doc, i: int) -> Token | None:
    """Return the head noun of ", the/a ... NOUN" closing a sentence or set off by a second comma right after token
    `i` ("of Fortis, the Belgian-Dutch banking group."), where the parse did not attach it to the name; None
    without one. Only a noun phrase's words between: no verb, conjunction or pronoun."""
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("the", "a", "an"):
        return None
    head = None
    for t in doc[i + 2:i + 10]:
        if t.text in (",", ".", ";") or t.is_sent_start:
            return head if head is not None and head.i == t.i - 1 else None
        if t.pos_ not in _NOUN_PHRASE and t.text not in ("-", "'s", "\u2019s"):
            return None
        head = t if t.pos_ == "NOUN" else head
    return None


def _appos_says(span: Span, nouns: frozenset[str], person: bool = False) -> bool:
    """Say whether an apposition beside the name is headed by one of `nouns` (or, for people, by a title or office
    word: "X, the company's chief executive")."""
    head = apposition(span)
    if head is None:
        return False
    return head.lower_ in nouns or head.lower_.rstrip("s") in nouns or person and names.is_title_word(head.text)


def _list_says(span: Span, nouns: frozenset[str]) -> bool:
    """Say whether the name opens a list of names that a plural noun of `nouns` heads or sums up ("mining companies
    X and Y", "X and Y, the mortgage giants,"), said of the list's last name."""
    root = span.root
    last = root
    while True:
        nxt = next((c for c in last.children if c.dep_ == "conj" and c.pos_ == "PROPN"), None)
        if nxt is None:
            break
        last = nxt
    first = root
    while first.dep_ == "conj" and first.head.pos_ == "PROPN" and first.head.i < first.i:
        first = first.head
    if last is root and first is root:
        return False
    doc = span.doc
    start = first.left_edge.i
    before = doc[start - 1] if start else None
    if before is not None and before.tag_ == "NNS" and _singular(before.lower_) in nouns:
        return True  # "mining companies Rio Tinto and BHP Billiton"
    head = apposition(doc[last.i:last.i + 1]) if last is not root else None
    return head is not None and head.tag_ == "NNS" and _singular(head.lower_) in nouns


def _counterpart_of_org(span: Span, base: list[Span]) -> bool:
    """Say whether an apposition calls the name the counterpart of an organization ("Lockheed Martin, Boeing's
    rival,"): its head owned by a name the base model calls an organization and neither a title nor a person's
    noun ("X, Boeing's chief executive" is a person)."""
    head = apposition(span)
    if head is None or head.lower_ in _PERSON_NOUNS or head.lower_.rstrip("s") in _PERSON_NOUNS \
            or names.is_title_word(head.text):
        return False
    return any(c.dep_ == "poss" and any(b.label_ == "ORG" and b.start <= c.i < b.end for b in base)
               for c in head.children)


def _singular(word: str) -> str:
    return word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word


def _aged(span: Span) -> bool:
    """Say whether an age follows the name between commas or in brackets ("Smith, 45, said"; "Smith (45)")."""
    doc = span.doc
    i = span.end
    if i + 2 >= len(doc) or doc[i].text not in (",", "(") or not doc[i + 1].text.isdigit():
        return False
    return 12 <= int(doc[i + 1].text) <= 110 and doc[i + 2].text in (",", ")")


def _bought(span: Span) -> bool:
    """Say whether the name is what is acquired, taken over or merged ("acquired X", "the takeover of X", "merged
    with X") or the buyer a sale goes to ("X was sold to Y", "sold its branches to Y")."""
    root = span.root
    head = root.head
    if root.dep_ in ("dobj", "nsubjpass") and (verb_in(head, _BUY_VERBS) or _takes_over(head)):
        return True
    if root.dep_ in ("nsubj", "nsubjpass") and _bought_back(span):
        return True
    if root.dep_ != "pobj" or head.i >= span.start:
        return False
    link, owner = head.lower_, head.head
    if link == "of":
        return owner.lower_ in _BUY_NOUNS and owner.pos_ == "NOUN"
    if link == "to":
        return verb_in(owner, frozenset({"sell"}))  # the buyer: a firm or a club, whatever was sold
    return link == "with" and verb_in(owner, _BUY_VERBS)


def _bought_back(span: Span) -> bool:
    """Say whether "it" later in the name's sentence, with no common noun between to stand for, is what another name
    buys ("Bear Stearns was rescued when JPMorgan Chase bought it"; "Smith saw the house when Jones bought it" is
    the house's)."""
    doc = span.doc
    for tok in doc[span.end:span.sent.end]:
        if tok.pos_ == "NOUN" or tok.lower_ in ("he", "she", "him", "her", "they", "them"):
            return False
        if tok.lower_ == "it" and tok.dep_ == "dobj":
            verb = tok.head
            return (verb_in(verb, _BUY_VERBS | {"buy"}) or _takes_over(verb)) \
                and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" and not span.start <= c.i < span.end
                        for c in verb.children)
    return False


def _takes_over(verb: Token) -> bool:
    """Say whether a verb is "take over" ("the state took over Glitnir", "Landsbanki was taken over")."""
    return verb_in(verb, frozenset({"take"})) and any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children)


def _scored(span: Span) -> bool:
    """Say whether the name is a side in a result written as prose: the subject or object of a verb of winning or
    losing in a clause that gives a score ("Aston Villa beat Chelsea 2-1", "held by Lyon to a 1-1 draw")."""
    root = span.root
    verb = root.head
    if root.dep_ == "pobj":
        if verb.lower_ not in ("to", "by", "with", "against", "over"):
            return False  # "beat Chelsea 2-1 at Villa Park": the ground is no side
        verb = verb.head  # "lost to X", "held by X"
    if root.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") or not verb_in(verb, _WIN_VERBS):
        return False
    # the verb's own clause: not a clause joined to it ("..., while Everton were held 1-1 by Fulham")
    clause = [t for c in verb.children if c.dep_ not in _OTHER_CLAUSES for t in c.subtree]
    scores = sum(bool(_SCORE.fullmatch(t.text)) or t.like_num and t.i + 2 < len(t.doc)
                 and t.nbor(1).text in ("-", "\u2013") and t.nbor(2).like_num for t in clause)
    return scores == 1  # one score: a match; a tennis player wins by sets ("6-3 6-4")


_OTHER_CLAUSES = frozenset({"conj", "advcl", "ccomp", "parataxis", "relcl", "xcomp", "cc"})


def _employs(span: Span) -> bool:
    """Say whether the name is what an office or a job is of or at ("chairman of Genentech", "a spokesman for X",
    "an analyst at X"): an organization or a place, no person."""
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("of", "for", "at") or prep.i >= span.start:
        return False
    office = prep.head
    singular = office.lower_[:-1] if office.tag_ == "NNS" and office.lower_.endswith("s") else office.lower_
    return office.pos_ == "NOUN" and singular not in RELATIONAL \
        and (names.is_title_word(office.text) or singular in _PERSON_NOUNS)  # "analysts at X" too


def _which(span: Span) -> bool:
    """Say whether a relative clause on "which" follows the name ("Nissan, which had held talks"): a thing's, never
    a person's ("who")."""
    return _relative(span, "which")


def _who(span: Span) -> bool:
    """Say whether a relative clause on "who" follows the name ("Wagoner, who has run the company since 2000"): a
    person's, as news writes it of a firm only by mistake."""
    return _relative(span, "who")


# verbs of saying whose one-word subject is a person far more often than a body ("Mulally told reporters"): on
# CoNLL-2003 eng.train a one-word name right before "told" is a person 45 times in 49, before "added" 11 in 13 and
# before "explained", "conceded" or "joked" 7 in 7, where before "said" it is one 248 times in 363 (firms and
# capitals say, announce and report as often; "vowed" and "shrugged" there are a country's and a firm's)
_PERSON_SPEECH = frozenset({"tell", "add", "explain", "concede", "joke"})


def _tells(span: Span) -> bool:
    """Say whether the name is the subject of a verb of saying that people use and bodies rarely ("X told
    reporters", "X added", "X conceded"); not where the verb has a direct object and so is no saying ("Ford added
    1,000 jobs"), save "tell"'s listener."""
    root = span.root
    verb = root.head
    if root.dep_ != "nsubj":
        # the parse may hang a sentence-opening name elsewhere ("Mulally told reporters": an adverb): the verb right
        # after it, with no subject of its own
        doc = span.doc
        verb = doc[span.end] if span.end < len(doc) else root
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return False
    if not verb_in(verb, _PERSON_SPEECH):
        return False
    return verb_in(verb, frozenset({"tell"})) or not any(c.dep_ == "dobj" for c in verb.children)


def _relative(span: Span, pronoun: str) -> bool:
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ == pronoun


def office_of_place(span: Span) -> bool:
    """Say whether a known place comes right before an office word and a name ("Ontario Premier Dalton McGuinty",
    "Michigan Governor Jennifer Granholm"): the place the office is of."""
    doc = span.doc
    return span.end + 1 < len(doc) and names.is_title_word(doc[span.end].text) and doc[span.end].text[:1].isupper() \
        and doc[span.end + 1].text[:1].isupper() and cities.is_known_place(span.text)


def _titled(span: Span) -> bool:
    prev = span.doc[span.start - 1] if span.start else None
    if prev is None or not prev.text[:1].isalpha() or names.is_honorific(prev.text) and prev.is_lower:
        return False  # "will miss England": a form of address is written capitalized
    return names.is_title_word(prev.text) or prev.lower_.strip(".") in _PERSON_TITLES


def says_a_name(span: Span) -> bool:
    """Say whether the words around a proper noun neither model took for a name call it one: a firm's cue ("shares
    of X", "X dealers", "X chairman"), ", which" or ", who", what is acquired or employs, a known place before an
    office and a name ("Ontario Premier Dalton McGuinty"), an apposition headed by a body's or a person's noun, an
    age, a title before it, or being the one who says something ("X said", "X told reporters")."""
    root = span.root
    return org_cue(span) or _traded(span) or _bought(span) or _which(span) or _who(span) or _employs(span) \
        or office_of_place(span) \
        or _titled(span) \
        or _appos_says(span, _ORG_NOUNS) or _appos_says(span, _PERSON_NOUNS, person=True) or _aged(span) \
        or root.dep_ == "nsubj" and verb_in(root.head, _SPEECH_VERBS) or _tells(span)


def org_tokens(names_: list[Span], base: list[Span]) -> frozenset[int]:
    """Return the indexes of the tokens of the names both the recognizer and the base model call an organization
    (one layer's guess alone lists "Atletico" with "Ronaldo, Messi", or "Foua" with "Kfraya")."""
    rec = {i for s in names_ if s.label_ == "ORG" for i in range(s.start, s.end)}
    return frozenset(i for s in base if s.label_ == "ORG" for i in range(s.start, s.end) if i in rec)


def _moves_by_percent(span: Span) -> bool:
    """Say whether the name moves as a stock does: the subject of "rose", "fell", "jumped"... by a percentage, cents
    or a fraction ("JPMorgan Chase rose 7 percent and Wells Fargo jumped 11 percent", "X fell 1-1/2")."""
    root = span.root
    if root.dep_ != "nsubj" or not verb_in(root.head, _MOVES):
        return False
    doc = span.doc
    if any(c.dep_ == "det" for c in root.children) or span.start and doc[span.start - 1].lower_ in ("the", "a"):
        return False  # "the Nikkei fell 2 percent", "the compact Sparrow gained 9 percent": a firm takes no "the"
    if any(t.lower_ in _POLL_WORDS for t in span.sent):
        return False  # "Clinton rose 3 percent in the poll": a poll moves candidates by percent too
    verb = root.head.i
    after = doc[verb + 1:min(len(doc), verb + 6)]
    return any(t.lower_ in _PRICE_UNITS and t.i > verb + 1 and doc[t.i - 1].like_num
               or t.lower_ == "per" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "cent"
               or _FRACTION.fullmatch(t.text) is not None for t in after)


def _coordinated_with(span: Span, orgs: frozenset[int]) -> bool:
    """Say whether the name is joined by "and" or a comma to another name both layers call an organization ("Fannie
    Mae and Freddie Mac", "Charles Schwab and Fidelity"): a list of names holds names of one kind as a rule."""
    root = span.root
    others = [root.head] if root.dep_ == "conj" else []
    others += [c for c in root.children if c.dep_ == "conj"]
    return any(o.i in orgs and not span.start <= o.i < span.end and o.pos_ == "PROPN" for o in others)


def lone_people(names_: list[Span]) -> frozenset[str]:
    """Return the one-word names the recognizer calls persons in an article (before the vote): a family name
    written alone ("Bernanke" of "Ben Bernanke")."""
    return frozenset(key(s) for s in names_ if len(s) == 1 and family(s.label_) == "PERSON")


def features(group: list[Span], base: list[Span], person_words: set[str],
             lone: frozenset[str] = frozenset(), orgs: frozenset[int] = frozenset()) -> list[float]:
    """Return the feature vector (FEATURES order) of one name: all its mention spans in the doc. `lone`: the
    article's one-word person names (lone_people), for the family-name cue; `orgs`: the tokens of the names the
    recognizer and the base model both call an organization (org_tokens), for the coordination cue."""
    n = len(group)
    rec = [family(s.label_) for s in group]
    bl = [_cover_label(s, base) for s in group]
    first = group[0]
    words = key(first).split()
    pron = [_next_pronoun(s) for s in group]
    lines = [_short_line(s) for s in group]  # read once for the results and the scorecard cues
    f = {
        "bias": 1.0,
        "rec_per": rec.count("PERSON") / n, "rec_org": rec.count("ORG") / n, "rec_loc": rec.count("GPE") / n,
        "base_per": sum(b == "PERSON" for b in bl) / n, "base_org": sum(b == "ORG" for b in bl) / n,
        "base_loc": sum(b in PLACE_LABELS for b in bl) / n, "base_none": sum(b is None for b in bl) / n,
        "full_name": float(len(words) == 1 and words[0] in person_words),
        "given_name": float(len(words) >= 2 and words[0] in names.given_names()),
        "titled": float(any(_titled(s) for s in group)),
        "he_she": float("he_she" in pron), "it_its": float("it_its" in pron),
        "org_cue": float(any(org_cue(s) for s in group)),
        "placed": float(any(_placed(s) for s in group)),
        "known_place": float(cities.is_known_place(first.text)),
        "one_word": float(len(words) == 1),
        "caps": float(first.text.isupper() and len(first.text) > 1),
        "sent_start": sum(s.start == 0 or s.doc[s.start].is_sent_start is True for s in group) / n,
        "results": sum(in_results_line(s, line) for s, line in zip(group, lines)) / n,
        "org_appos": float(any(_appos_says(s, _ORG_NOUNS) or _list_says(s, _ORG_NOUNS) or _counterpart_of_org(s, base)
                               for s in group)),
        "person_appos": float(any(_appos_says(s, _PERSON_NOUNS, person=True) or _aged(s) for s in group)),
        "bought": float(any(_bought(s) for s in group)),
        "score": float(any(_scored(s) for s in group)),
        "which": float(any(_which(s) for s in group)),
        "org_word": float(_firm_word(words)),
        "employer": float(any(_employs(s) for s in group)),
        "place_word": float(len(words) >= 2 and words[-1] in _PLACE_WORDS | _SITE_WORDS
                            or any(s.end < len(s.doc) and s.doc[s.end].lower_ in _PLACE_WORDS for s in group)),
        "surname": float(len(words) >= 2 and words[-1] in lone),
        "scorecard": float(any(in_scorecard(s, line) for s, line in zip(group, lines))),
        "who": float(any(_who(s) for s in group)),
        "tells": float(any(_tells(s) for s in group)),
        "moves": float(any(_moves_by_percent(s) for s in group)),
        "with_org": float(any(_coordinated_with(s, orgs) for s in group)),
    }
    return [f[name] for name in FEATURES]



# the legal forms that end only a firm's name ("Group", "Holdings" also end a band's or a party's)
_FIRM_FORMS = _LEGAL - {"company", "group", "corporation", "holdings", "limited"}


def firm_names(doc: Doc) -> frozenset[str]:
    """Return the casefolded names the article gives with a legal form, and each shorter run of their first words
    ("Pirelli SpA": "pirelli"; "Jones Medical Industries Inc": "jones", "jones medical", ...): a name written so
    anywhere in the article is a firm's."""
    out: set[str] = set()
    strings = doc.vocab.strings
    forms = [strings.add(f) for f in _FIRM_FORMS] + [strings.add(f + ".") for f in _FIRM_FORMS]
    # the legal-form words found in the doc's word column, not by visiting every token of every article
    for i in numpy.flatnonzero(numpy.isin(doc.to_array("LOWER"), forms)).tolist():
        tok = doc[i]
        if i == 0 or not tok.text[:1].isupper():
            continue
        first = i
        while first > 0 and i - first < 4 and doc[first - 1].text[:1].isupper() and doc[first - 1].is_alpha \
                and doc[first - 1].whitespace_ == " ":
            first -= 1
        words = [t.lower_ for t in doc[first:i]]
        out.update(" ".join(words[:k]) for k in range(1, len(words) + 1))
    return frozenset(out)


def _written_as_firm(group: list[Span], firms: frozenset[str]) -> bool:
    """Say whether a name is a firm's by its legal form: it ends in one ("Daniels Pharmaceuticals Inc") or the
    article writes it with one (firm_names)."""
    words = key(group[0]).split()
    return bool(words) and (" ".join(words) in firms or words[-1].rstrip(".") in _FIRM_FORMS)


def _short_line(span: Span) -> tuple[str, int] | None:
    """Return the line a name stands on and the line's first character, None for a line too long for a table."""
    # the line read off the tokens: the vote runs on the pieces of a long article, whose text must not be cached
    doc = span.doc
    breaks = _line_ends(doc)
    i, j = span.start, span.end
    while i > 0 and span.end - i < _LINE_TOKENS and i - 1 not in breaks:
        i -= 1
    if i > 0 and i - 1 not in breaks:
        return None  # a line this long is prose, no results line (most names: the line's end is not read)
    while j < len(doc) and j - i < _LINE_TOKENS and j - 1 not in breaks:
        j += 1
    if j < len(doc) and j - 1 not in breaks:
        return None
    return doc[i:j].text_with_ws, doc[i].idx


def in_results_line(span: Span, found: tuple[str, int] | None | bool = False) -> bool:
    """Say whether a name is one a score line or a standings row gives ("Pohang 3 Ulsan 2", "Puchon 3 1 0 6 1 10"):
    a side that played, most often a club or a national team. `found`: its _short_line, when already read."""
    if found is False:
        found = _short_line(span)
    if not isinstance(found, tuple):
        return False
    line, at = found
    s, e = span.start_char - at, span.end_char - at
    return any(x <= s and e <= y for x, y in result_names(line))


# a cricket scorecard: a batting line ("S. Law c Tillekeratne b Dharmasena 13", "R. Ponting not out 46"), a bowling
# analysis ("Muralitharan 10-0-41-2") and "Did not bat:"; every name there is a player's
_DISMISSAL = re.compile(r"(?:^|\s)(?:c|b|lbw|st)\s+[A-Z]|\b(?:run out|not out|retired hurt)(?:\s*\([^()]*\))?\s+\d")
_ANALYSIS = re.compile(r"\s*\d{1,2}(?:\.\d)?-\d{1,2}-\d{1,3}-\d{1,2}\b")
_CARD_LIST = re.compile(r"^\s*(?:Bowling|Did not bat|Fall of wickets)\s*:", re.I)
# a football report's scorers and line-ups: the minute after a name ("Haim Hajaj (47th)"), a shirt or seeding number
# before it ("France - 1 - Bernard Lama; 2 - Lilian Thuram", "4 - Peter Nicol (Scotland) beat ...")
_MINUTE = re.compile(r"\s*\(\d{1,3}(?:st|nd|rd|th)\b")


def in_scorecard(span: Span, found: tuple[str, int] | None | bool = False) -> bool:
    """Say whether a name is a player's in a match report's tables: a cricket scorecard (a batting line, before a
    bowling analysis, the list of those who did not bat), a scorer with the minute, a numbered player. `found`: its
    _short_line, when already read."""
    doc = span.doc
    j = span.end
    while j < len(doc) and j < span.end + 2 and doc[j].is_space:
        j += 1
    if j < len(doc) and (doc[j].text[:1].isdigit() or doc[j].text == "("):
        after = span[-1].whitespace_ + "".join(t.text_with_ws for t in doc[span.end:span.end + 8])
        if _ANALYSIS.match(after) or _MINUTE.match(after):
            return True
    i = span.start
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].like_num \
            and (i == 2 or _breaks_after(doc[i - 3]) or doc[i - 3].text in (";", ",", "(", "-")):
        return True
    if found is False:
        found = _short_line(span)
    if not isinstance(found, tuple):
        return False
    line = found[0].strip()
    return bool(_CARD_LIST.match(line)) or len(line.split()) <= 12 and bool(_DISMISSAL.search(line)) \
        and bool(re.search(r"\d+$", line))


_LINE_TOKENS = 40  # longer than any score line or standings row


def _breaks_after(tok: Token) -> bool:
    return "\n" in tok.whitespace_ or "\n" in tok.text


# The last doc read and what is read of it once: the vote and the product step look at one doc at a time, many
# names each. One tuple, replaced whole, so threads reading different docs never mix two docs' entries.
# Read of it: the tokens a line ends after, the ORTH column, the keys of its spans by (start, end).
_LAST_DOC: tuple[Doc | None, frozenset[int], numpy.ndarray | None, dict[tuple[int, int], str]] = \
    (None, frozenset(), None, {})


def _doc_columns(doc: Doc) -> tuple[Doc | None, frozenset[int], numpy.ndarray | None, dict[tuple[int, int], str]]:
    global _LAST_DOC
    last = _LAST_DOC
    if last[0] is not doc:
        orth = doc.to_array("ORTH")
        last = _LAST_DOC = (doc, frozenset(newline_tokens(doc, orth)), orth, {})
    return last


def _line_ends(doc: Doc) -> frozenset[int]:
    """Return the indices of the tokens a line ends after (_breaks_after), read once per doc."""
    return _doc_columns(doc)[1]


def strip_cue(span: Span) -> Span:
    """Return a name without the capitalized firm noun that opens its sentence ("Carmaker Renault" is Renault,
    an organization): a noun for what the firm does ("carmaker", "retailer", "publisher"). Other spans unchanged,
    also where the noun names a kind of body, often a word of the name itself ("Network Rail", "Channel 4")."""
    if len(span) >= 2 and span[0].lower_ in _ORG_CUES and span[0].lower_.endswith(("er", "or")) \
            and span[0].text[:1].isupper() and span[1].text[:1].isupper():
        return Span(span.doc, span.start + 1, span.end, label="ORG")
    return span


def person_words(spans: list[Span], words: Dictionary | None = None) -> set[str]:
    """Return the casefolded words of the person names of two or more words among `spans` (their name words: see
    name_words)."""
    out: set[str] = set()
    for s in spans:
        if s.label_ == "PERSON" and len(s) >= 2 and s[-1].lower_.rstrip(".") not in _LEGAL:
            out.update(name_words(s, words))  # "Pirelli SpA" read as a person gives no person words
    return out


def article_person_words(names_: list[Span], base: list[Span], words: Dictionary | None = None) -> set[str]:
    """Return the words of the article's person names of two or more words (person_words) that the two models do
    not contest: a name the recognizer calls a person and the base model an organization ("Lockheed Martin") lends
    its words no person evidence."""
    people = [s for s in names_ if s.label_ != "PERSON" or (_cover_label(s, base) != "ORG" and not _firm_or_side(s)
                                                           and _named_like_a_person(s, base))]
    return person_words(people + [b for b in base if b.label_ in NAME_LABELS and not _firm_or_side(b)], words)


def _named_like_a_person(span: Span, base: list[Span]) -> bool:
    """Say whether a name the recognizer calls a person reads as one beyond its guess: the base model calls it a
    person too, or it opens with a given name or an initial ("I. Healy"); "Uber Eats", the recognizer's person
    alone, lends "Uber" nothing."""
    first = next((t for t in span if t.text[:1].isupper() and not _is_title(t)), None)
    if _cover_label(span, base) == "PERSON" or first is None:
        return True
    return first.lower_ in names.given_names() or names.is_initial(first.text)


def _firm_word(words: list[str]) -> bool:
    """Say whether a name's words after the first make it an organization's ("Adam Air", "Burkhardt & Associates")."""
    return "&" in words or any(_org_word(w) for w in words[1:])


def _org_word(word: str) -> bool:
    """Say whether a name's word (its key's) is a firm's or a body's word or a legal form ("air", "co.")."""
    return word.rstrip(".") in _NAME_ORG_WORDS


def _firm_or_side(span: Span) -> bool:
    """Say whether the words around a name or in it call it a firm's or a side's (see may_be_person): then it lends
    no person evidence ("Harrowby Transit, the town's bus operator" says nothing of "Harrowby")."""
    return _firm_word(key(span).split()) or org_cue(span) or _appos_says(span, _ORG_NOUNS) or _bought(span) \
        or _which(span) or _scored(span)


def name_words(span: Span, words: Dictionary | None = None) -> set[str]:
    """Return the casefolded words of a person span that belong to the name: the capitalized words after the last
    title or office word inside it ("Denis Coderre" of "Montreal Mayor Denis Coderre"). None when two words are
    left and one is a title ("Montreal Mayor"), or the first is a common word the article capitalizes only where
    it opens a sentence ("Overall Edmonton"), unless that first word is a given name ("John Major", "Rose Smith").
    """
    words = words or Dictionary()
    toks = [t for t in span if t.text[:1].isupper()]
    last = max((i for i, t in enumerate(toks[:-1]) if _is_title(t)), default=-1)
    toks = toks[last + 1:]
    if len(toks) == 2 and toks[0].lower_ not in names.given_names():
        first = toks[0]
        if any(_is_title(t) for t in toks) or _only_opening(first) and _in_dictionary(first, words):
            return set()
    return {t.lower_ for t in toks}


def same_word(tok: Token) -> list[int]:
    """Return the indexes of every token of the doc written as `tok` is, found in the doc's word column rather than
    by visiting each token for each name."""
    doc = tok.doc
    same: list[int] = numpy.flatnonzero(_doc_columns(doc)[2] == doc.vocab.strings[tok.text]).tolist()
    return same


def _only_opening(tok: Token) -> bool:
    """Say whether a word is capitalized only where it opens a sentence or line, everywhere in the article."""
    return all(starts_unit(tok.doc[i]) for i in same_word(tok))


def _is_title(tok: Token) -> bool:
    return names.is_title_word(tok.text) or tok.lower_.strip(".") in _PERSON_TITLES


def groups(names_: list[Span]) -> dict[str, list[Span]]:
    out: dict[str, list[Span]] = {}
    for s in names_:
        out.setdefault(key(s), []).append(s)
    return out


@lru_cache(maxsize=1)
def weights() -> list[list[float]] | None:
    """Return the trained weights (one row per class in CLASSES, one column per feature), None if not shipped."""
    if not WEIGHTS.is_file():
        return None
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES or tuple(data["classes"]) != CLASSES:
        return None
    table: list[list[float]] = data["weights"]
    return table


def scores(x: list[float], w: list[list[float]]) -> list[float]:
    """Return the class probabilities (softmax of w . x)."""
    z = [sum(wi * xi for wi, xi in zip(row, x)) for row in w]
    top = max(z)
    e = [math.exp(v - top) for v in z]
    total = sum(e)
    return [v / total for v in e]


def _person_evidence(x: list[float]) -> bool:
    f = dict(zip(FEATURES, x))
    return bool(f["full_name"] or f["titled"] or f["he_she"] or f["person_appos"] or f["scorecard"] or f["who"]
                or f["tells"])


def _org_evidence(x: list[float]) -> bool:
    """Say whether the article's words call the name an organization's: a firm's noun or legal form beside it, an
    apposition headed by a body's noun ("X, the Seattle lender"), what is acquired or the buyer a sale goes to
    ("sold to X"), a firm's word in the name itself ("Adam Air"), a move of its price ("X rose 7 percent"; a
    poll moves a candidate by points, or in a sentence that names the poll)."""
    f = dict(zip(FEATURES, x))
    return bool(f["org_cue"] or f["org_appos"] or f["bought"] or f["org_word"] or f["moves"])


def _place_evidence(x: list[float]) -> bool:
    """Say whether the name is a known place, placed by a locative preposition, or ends in a place's word."""
    f = dict(zip(FEATURES, x))
    return bool(f["known_place"] or f["placed"] or f["place_word"])


def may_be_place(x: list[float]) -> bool:
    """Say whether a name may be typed a place: more than one word, or the base model's place label on some
    mention or no label of its at all (the recognizer alone found it; a name neither found needs more), or place
    evidence (a known place, a locative preposition before it, ", Country" after it); never with organization
    evidence and no place evidence ("Northern Rock, the mortgage lender"), nor a name the base model calls a person
    whose last word the article gives alone as a person's ("Ben Bernanke" ... "Bernanke said"), without place
    evidence."""
    f = dict(zip(FEATURES, x))
    if _org_evidence(x) and not _place_evidence(x):
        return False  # "Northern Rock, the mortgage lender": an organization's cue and no place's
    if f["surname"] and f["base_per"] > 0 and not _place_evidence(x):
        return False  # "The Fed's Ben Bernanke ... Bernanke said": a person's family name written alone
    found = f["rec_per"] + f["rec_org"] + f["rec_loc"] > 0  # a layer labelled it (entities/unfound.py's do not)
    return not f["one_word"] or f["base_loc"] > 0 or f["base_none"] == 1 and found \
        or bool(f["known_place"] or f["placed"])


def may_be_person(x: list[float]) -> bool:
    """Say whether a name may be typed a person: more than one word, or person evidence, or both models calling
    every mention a person (one model's guess is no evidence: the recognizer takes an unseen one-word company for
    a surname); never with organization evidence, ", which" or a score in prose ("X beat Y 2-1") and no person
    evidence, nor a given name opening it; never a name a firm's or a place's word ends ("Adam Air", "Grace Road"),
    or both models call an organization, or both a place, at every mention, without person evidence."""
    f = dict(zip(FEATURES, x))
    both_org = f["rec_org"] == 1 and f["base_org"] == 1
    both_place = f["rec_loc"] == 1 and f["base_loc"] == 1
    if (f["org_word"] or f["place_word"] or both_org or both_place) and not _person_evidence(x):
        return False  # "Adam Air", "Grace Road", "Charles de Gaulle airport": the name's own words, whatever name
        # opens it; nor a name both models call an organization or a place at every mention ("Brandt Onyx",
        # "Roland Garros, which ...") on a given name alone
    if (_org_evidence(x) or f["which"] or f["score"] or f["employer"]) \
            and not (_person_evidence(x) or f["given_name"]):
        # "Washington Mutual, the Seattle lender", "Aston Villa beat Chelsea 2-1": a firm's or a side's cue and none
        # of a person's (a side in a prose result without one was a person 4 times in 118 on CoNLL-2003 train+testa)
        return False
    return not f["one_word"] or _person_evidence(x) or (f["rec_per"] == 1 and f["base_per"] == 1)


_PROPER = frozenset({"NNP", "NNPS"})


def starts_unit(tok: Token) -> bool:
    """Say whether a token opens a sentence or a line (where any word is capitalized)."""
    doc = tok.doc
    return tok.i == 0 or tok.is_sent_start is True or "\n" in doc[tok.i - 1].whitespace_ \
        or "\n" in doc[tok.i - 1].text or doc[tok.i - 1].text in ('"', "\u201c", "``", "'", "\u2018", ":", "-", "(")


def _common_word(group: list[Span], base: list[Span], words: Dictionary) -> bool:
    """Say whether a one-word name is a common word capitalized only because it opens a sentence or line
    ("Commuters faced delays", "Here is", "Posted 5:12 PM"): a dictionary word the tagger reads there as a plural
    noun, verb, adverb, adjective or function word (a singular noun only when the base model saw no name in it:
    "Interpol issued" is tagged a noun too), and the article never writes it capitalized inside a sentence."""
    if len(group[0]) != 1 or group[0].text.isupper():
        return False
    toks = [s[0] for s in group]
    for s, t in zip(group, toks):
        if not starts_unit(t) or not _in_dictionary(t, words):
            return False
        if t.tag_ in _PROPER or not t.tag_ or (t.tag_ == "NN" and _cover_label(s, base) is not None):
            return False
    return _only_opening(toks[0])


def part_of_a_time(group: list[Span]) -> bool:
    """Say whether a name is a clock's time zone ("10:30 GMT") or, at every mention, the first word of a named day
    ("Easter Sunday", "Black Friday"): part of a date, no person, place or organization."""
    doc = group[0].doc
    if key(group[0]).upper() in _TIME_ZONES and group[0].text.isupper() \
            and all(s.start and _after_a_clock(doc[s.start - 1]) for s in group):
        return True
    return key(group[0]) in _DAY_NAMES and all(s.end < len(doc) and doc[s.end].lower_ in _WEEKDAYS for s in group)


def _bare_office(group: list[Span], x: list[float]) -> bool:
    """Say whether a one-word name is an office word alone that neither model calls a person ("Fed Chair Jerome
    Powell", "the first Emperor of Brazil"): the office of a person named beside it, or of none, never a body."""
    f = dict(zip(FEATURES, x))
    first = group[0]
    return len(first) == 1 and not first.text.isupper() and _is_title(first[0]) \
        and not (f["rec_per"] or f["base_per"])


def _after_a_clock(tok: Token) -> bool:
    """Say whether a token ends a clock time ("10:30", "1430", "p.m."): "CT" after one is a time zone, not a state."""
    return any(c.isdigit() for c in tok.text) or tok.lower_.replace(".", "") in ("am", "pm")


def _both_say_so(group: list[Span], base: list[Span], x: list[float]) -> bool:
    """Say whether the recognizer and the base model give a sentence-initial common word the same type and the
    article has evidence for that type ("Labour promised ... if it wins": a party)."""
    f = dict(zip(FEATURES, x))
    labels = {family(s.label_) for s in group}
    labels |= {family(b) if b else "" for b in (_cover_label(s, base) for s in group)}
    if len(labels) != 1:
        return False
    label = labels.pop()
    if label == "PERSON":
        return _person_evidence(x)
    if label == "ORG":
        return bool(f["org_cue"] or f["it_its"])
    return bool(f["placed"] or f["known_place"])


def _in_dictionary(tok: Token, words: Dictionary) -> bool:
    """Say whether a token is a dictionary word: a closed-class word, or one of the lemmatizer's common words."""
    if tok.tag_ in _CLOSED:
        return True
    low = tok.lower_
    common = words.words
    return low in common or low.rstrip("s") in common or bool(tok.lemma_ and tok.lemma_.lower() in common)


_CLOSED = frozenset({"RB", "RBR", "RBS", "DT", "IN", "PRP", "PRP$", "UH", "WRB", "WP", "WDT", "MD", "CC", "EX", "PDT",
                     "TO", "VB", "VBD", "VBN", "VBP", "VBZ", "VBG"})


@dataclass(frozen=True)
class Dictionary:
    """The common words of a pipeline's lemmatizer tables (WordNet's lists): its nouns, and all its nouns, verbs,
    adjectives and adverbs. Empty for a pipeline without those tables: then only closed-class tags mark a common
    word."""
    nouns: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()


def dictionary(nlp: Language) -> Dictionary:
    """Return the common words of `nlp`'s lemmatizer (enabled or not), or an empty Dictionary without one."""
    try:
        index = cast("Lemmatizer", nlp.get_pipe("lemmatizer")).lookups.get_table("lemma_index")
    except (KeyError, AttributeError):
        return Dictionary()
    nouns = frozenset(index.get("noun", ()))
    return Dictionary(nouns, nouns.union(*(index.get(pos, ()) for pos in ("verb", "adj", "adv"))))


def _plural_noun(group: list[Span], words: Dictionary) -> bool:
    """Say whether a one-word name is the plural of a common noun ("Commuters", "Councillors", "Farmers")."""
    first = group[0]
    if len(first) != 1 or first.text.isupper() or not first.text.endswith("s") or len(first.text) < 4:
        return False
    if any(s[0].tag_ == "NNS" for s in group):
        return True
    return first.text[:-1].lower() in words.nouns


def decide(x: list[float], w: list[list[float]], person: bool = True) -> str:
    """Return the class (PERSON, ORG or GPE) the weights give the features: a one-word person only with person
    evidence, a one-word place only with place evidence; a person where both models call every mention one and the
    article gives person evidence and none of an organization. `person`: False where the article rules a person
    out (see _firms_short_form)."""
    f = dict(zip(FEATURES, x))
    if not person:
        p = scores(x, w)
        p[0] = 0.0
        if not may_be_place(x):
            p[2] = 0.0
        return CLASSES[max(range(len(CLASSES)), key=lambda i: p[i])]
    if f["rec_per"] == 1 and f["base_per"] == 1 and _person_evidence(x) and not _org_evidence(x):
        return "PERSON"  # "Jackson, the union's lawyer": both models and the article's words say so, whatever
        # place bears the name
    if f["person_appos"] and not (_org_evidence(x) or _place_evidence(x)):
        return "PERSON"  # "Franz, the head of the works council,": a person's apposition, and nothing says firm or
        # place (102 persons of 105 such names on CoNLL-2003 eng.train, the other 3 places)
    p = scores(x, w)
    if not may_be_person(x):
        p[0] = 0.0
    if not may_be_place(x):
        p[2] = 0.0
    return CLASSES[max(range(len(CLASSES)), key=lambda i: p[i])]


def vote(names_: list[Span], base: list[Span], words: Dictionary = Dictionary()) -> list[Span]:
    """Give every mention of a name one label: the class the evidence decides (a place keeps the finer place label
    its mention had, GPE/LOC/FAC). Without shipped weights, the majority label (ties keep their own). `words`, the
    pipeline's common words, marks a capitalized common word opening a sentence ("Commuters", "Posted")."""
    w = weights()
    out: list[Span] = []
    base = [b for b in base if b.label_ in NAME_LABELS]
    pwords = article_person_words(names_, base, words)
    firms = firm_names(names_[0].doc) if names_ else frozenset()
    lone = lone_people(names_)
    orgs = org_tokens(names_, base)
    firms_short = _firms_short_forms(names_, base)
    terms = _spelled_out_terms(names_[0].doc, words) if names_ else bytearray()
    for group in groups(names_).values():
        if terms and all(all(terms[s.start:s.end]) for s in group):
            continue  # "Maintenance, Repair and Overhaul (MRO)": a term of common nouns and its short form
        x = features(group, base, pwords, lone, orgs)
        if _common_word(group, base, words) and not _both_say_so(group, base, x) or part_of_a_time(group) \
                or _bare_office(group, x):
            continue
        if key(group[0]) in _SEATS and not all(_placed(s) for s in group):
            winner: str | None = "ORG"  # "the Kremlin said": the government seated there (see seats_of_government)
        elif _written_as_firm(group, firms) and not (x[FEATURES.index("titled")] or x[FEATURES.index("he_she")]):
            winner = "ORG"  # "Pirelli" where the article also writes "Pirelli SpA": a firm, whatever it sounds like
        elif all(_site_of_works(s) for s in group) and not _person_evidence(x):
            winner = "GPE"  # "the Spring Hill plant", "GM's Lordstown plant": named only as where works stand, a town
            # ("the Ford plant" in a story that names Ford nowhere else is the rare loss)
        elif any(_traded(s) for s in group) and not x[FEATURES.index("known_place")]:
            winner = "ORG"  # "shares of Nvidia": only a firm has shares, whatever both models read the name as
        else:
            person = not (firms_short(group) and not _person_evidence(x))
            winner = _majority(group) if w is None else decide(x, w, person)
        if _plural_noun(group, words) and not _person_evidence(x) \
                and (winner == "PERSON" or x[FEATURES.index("base_none")] == 1 and family(group[0].label_) == "PERSON"):
            continue  # "Commuters", "Councillors": a plural common noun is never a person, nor a body for the
            # recognizer's person guess alone ("Councillors in Harrowby voted" where a gate ruled the person out)
        if winner is None:
            out.extend(group)
            continue
        if winner not in CLASSES:
            continue  # a name no layer labelled (entities/unfound.py) has only the vote to type it
        for s in group:
            label = winner
            if winner == "GPE" and s.label_ in PLACE_LABELS:
                label = s.label_
            elif winner == "GPE":
                label = next((b.label_ for b in base if b.label_ in PLACE_LABELS and b.start < s.end
                              and s.start < b.end), "GPE")
            out.append(s if label == s.label_ else Span(s.doc, s.start, s.end, label=label))
    return sorted(out, key=lambda s: s.start)


def _spelled_out_terms(doc: Doc, words: Dictionary) -> bytearray:
    """Return a mask of the tokens of the terms the article spells out in capitals before their short form in
    parentheses, where the term is a list of common nouns joined by "and" ("Maintenance, Repair and Overhaul
    (MRO)", "Research and Development (R&D)"): an activity's name, no body's ("Federal Aviation Administration
    (FAA)" has no "and"; "Securities and Exchange Commission (SEC)" ends in a body's word). Empty without the
    pipeline's common words."""
    mask = bytearray(len(doc))
    if not words.nouns:
        return mask
    # the opening brackets found in the doc's word column, not by visiting every token of every article
    for i in numpy.flatnonzero(_doc_columns(doc)[2] == doc.vocab.strings["("]).tolist():
        if i + 2 >= len(doc) or doc[i + 2].text != ")" or not doc[i + 1].text.isupper():
            continue
        j, caps, joined = i, [], False
        while j > 0 and (doc[j - 1].text[:1].isupper() and doc[j - 1].is_alpha
                         or doc[j - 1].lower_ in ("and", "&", ",", "of")):
            j -= 1
            if doc[j].text[:1].isupper():
                caps.append(doc[j])
            joined = joined or doc[j].lower_ in ("and", "&")
        caps.reverse()
        initials = "".join(t.text[0] for t in caps)
        if joined and len(caps) >= 2 and initials == doc[i + 1].text.replace("&", "") \
                and all(t.lower_ in words.nouns and t.lower_ not in _NAME_ORG_WORDS for t in caps):
            mask[j:i + 3] = b"\x01" * (i + 3 - j)
    return mask


def _firm_openers(names_: list[Span]) -> frozenset[str]:
    """Return the first words of the article's names of two or more words that end in a firm's word or legal form
    ("douglas" of "Douglas Aircraft", "ford" of "Ford Motor Co.")."""
    out = set()
    for s in names_:
        words = key(s).split()
        if len(words) >= 2 and _org_word(words[-1]):
            out.add(words[0])
    return frozenset(out)


def _firms_short_forms(names_: list[Span], base: list[Span]) -> Callable[[list[Span]], bool]:
    """Return the test _firms_short_form with the article's names read once."""
    # one-word names no layer calls a person ("Lockheed"; "Deng" of "Deng Xiaoping" is one), written alone: not the
    # base model's piece of a longer name ("Petra" + "Langrova" for "Petra Langrova")
    inside = {i for s in names_ if len(s) >= 2 for i in range(s.start, s.end)}
    shorts = frozenset(key(s) for s in [*names_, *base] if len(s) == 1 and family(s.label_) != "PERSON"
                       and s.start not in inside)
    openers = _firm_openers(names_)
    people: dict[str, set[str]] = {}  # the words of the article's person names of two or more words, to the names
    for s in [*names_, *base]:
        if s.label_ == "PERSON" and len(s) >= 2:
            for word in key(s).split():
                people.setdefault(word, set()).add(key(s))
    return lambda group: _firms_short_form(group, shorts, openers, people)


def _firms_short_form(group: list[Span], shorts: frozenset[str], openers: frozenset[str],
                      people: dict[str, set[str]]) -> bool:
    """Say whether the article shortens the name, or names it short, as it does a firm, not a person: a firm is
    shortened to its first word ("Lockheed Martin" ... "Lockheed"), a person to the last ("Pete Sampras" ...
    "Sampras"); and a one-word name that opens a firm's name of the article ("Douglas" beside "Douglas Aircraft")
    is that firm. Not a given name opening a longer name ("Serena Williams" ... "Serena"). `shorts`: the article's
    one-word names that no layer calls a person (both layers'; "Deng" of "Deng Xiaoping" is one); `openers`:
    _firm_openers; `people`: the words of the article's person names, to those names (a first word that opens
    another person's name is a given name: "Nancy" of "Nancy Davis Reagan" beside "Nancy Reagan")."""
    words = key(group[0]).split()
    if len(words) == 1:
        return words[0] in openers  # a given name too ("Douglas"): a person's name of the article is evidence
    return len(words) >= 2 and words[0] not in names.given_names() and words[0] in shorts \
        and words[-1] not in shorts and not people.get(words[0], set()) - {key(group[0])}


def _majority(group: list[Span]) -> str | None:
    counts: dict[str, int] = {}
    for s in group:
        counts[family(s.label_)] = counts.get(family(s.label_), 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]
