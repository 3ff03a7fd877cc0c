"""Labels corrected before grouping: the model's person/organization/place confusions that the article itself
settles ("Mr. Trump" is a person, "Lockheed" of "Lockheed Martin" a firm, "AirTran" of "AirTran Airways" too).

Each rule relabels every mention of one name together, so the grouping that follows sees one type per name; one
rule only parts them, where one name stands for a firm and a member of its family ("Ford", "Mr. Ford").
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from newskit import lexicon
from newskit.entities import cities, names, places
from newskit.record import ENTITY_KINDS, LABEL_TYPES

if TYPE_CHECKING:
    from newskit.entities.span import Mention

_LOCATIVE = lexicon.words("locative_prepositions")
_PERSON_TITLES = lexicon.words("person_titles")
_INSTITUTIONS = lexicon.words("institution_heads")
_CLUB_ROLES = lexicon.words("club_roles")
_CORPORATE = lexicon.words("corporate_suffixes")
# Entity types whose mentions may be grouped together; the other labels keep their own.
FAMILY = {label: kind for label, kind in LABEL_TYPES.items() if ENTITY_KINDS[kind].core}


def majority_label(labels: list[str]) -> str:
    """Return the label most mentions carry; person beats the rest on a tie (names are the model's strength)."""
    c = Counter(labels)
    order = {"PERSON": 0, "GPE": 1, "ORG": 2, "LOC": 3, "FAC": 4}
    return min(c, key=lambda lab: (-c[lab], order.get(lab, 9)))


def relabel(mentions: list[Mention], keys: list[str], family: list[str], text: str,
            short_people: Callable[[], dict[int, list[int]]]) -> dict[int, list[int]]:
    """Correct the labels of `mentions` (and `family`, their grouping family) in place; return the short person
    names that `short_people` finds once the person labels are settled (the later rules must not touch them)."""
    given = [m.label for m in mentions]
    _addressed_people(mentions, keys, family, text)
    _firm_of_the_family_name(mentions, keys, family, text, given)
    _names_before_a_title(mentions, keys, family, text)
    _firms_named_like_people(mentions, keys, family)
    short = short_people()
    _reconcile(mentions, keys, family, short)
    _firms_shortened_to_first_word(mentions, keys, family, text, short)
    return short


_ADDRESS = re.compile(r"(\w+)\.?\s+$")
_TITLE_GAP = re.compile(r"\s+((?:[\w.-]+\s+){1,3})$")


def _names_before_a_title(mentions: list[Mention], keys: list[str], family: list[str], text: str) -> None:
    """Type the name that qualifies a title before a person's name ("Texas Governor Rick Perry", "Ryanair CEO
    Michael O'Leary"): it says where or for whom the person works, so it is a place when it is a country, large
    city or US state, else an organization; before a club's role ("Milan coach Fabio Capello", "Surrey captain") it
    is the club, unless it is a country (its national team, which CoNLL-2003 annotates as the place). Not a
    person's own name ("Clinton spokesman Brian Fallon"): a full name, or the family name of one in the article,
    stays a person. Every mention of the retyped name follows."""
    family_names = {names.name_tokens(m.text)[-1] for i, m in enumerate(mentions)
                    if family[i] == "person" and len(names.name_tokens(m.text)) >= 2}
    surnames = {i for i, m in enumerate(mentions) if family[i] == "person" and " " not in keys[i]
                and names.name_tokens(m.text)[-1:] and names.name_tokens(m.text)[-1] in family_names}
    retype: dict[str, str] = {}
    for i in range(len(mentions) - 1):
        m, p = mentions[i], mentions[i + 1]
        if family[i + 1] != "person" or len(names.name_tokens(p.text)) < 2 or m.source not in ("ner", "match"):
            continue
        gap = _TITLE_GAP.fullmatch(text[m.end:p.start])
        if i in surnames or not gap or not all(names.is_title_word(w) or w.lower().strip(".") in _PERSON_TITLES
                                            for w in gap.group(1).split()):
            continue
        if all(w.lower() in _CLUB_ROLES for w in gap.group(1).split()) and not places.is_nation(m.text):
            retype[keys[i]] = "CLUB"  # "Milan coach Fabio Capello": the club (a country's is its national team)
        elif family[i] in ("person", "organization") and cities.is_known_place(m.text):
            retype[keys[i]] = "GPE"  # not "Russian President ...": a nationality word is no mistyped place
        elif family[i] == "person" and " " not in keys[i]:
            retype[keys[i]] = "ORG"
    for i, m in enumerate(mentions):
        label = retype.get(keys[i])
        if label == "CLUB" and i not in surnames and m.source in ("ner", "match") and family[i] in ("person", "place"):
            m.label = "ORG"
            family[i] = "organization"
        elif label and label != "CLUB" and i not in surnames and m.source in ("ner", "match") \
                and family[i] in ("person", "organization") and (family[i] == "person" or label == "GPE"):
            m.label = label
            family[i] = "place" if label == "GPE" else "organization"


def _addressed_people(mentions: list[Mention], keys: list[str], family: list[str], text: str) -> None:
    """Give the person label to a one-word name the text anywhere calls "Mr. X", "Mrs. X" or "Sir X": the small
    model often tags a bare surname ("Trump") as an organization, but no firm or place is addressed so."""
    addressed = set()
    for i, m in enumerate(mentions):
        if len(keys[i].split()) == 1:
            before = _ADDRESS.search(text[max(0, m.start - 12):m.start])
            # "Miss Lee", not "will miss England": a form of address is written capitalized
            if before and names.is_honorific(before.group(1)) and before.group(1)[:1].isupper():
                addressed.add(keys[i])
    for i, m in enumerate(mentions):
        if keys[i] in addressed and family[i] not in ("person", "event") and m.source in ("ner", "match"):
            m.label = "PERSON"
            family[i] = "person"


def firm_first_words(keys: list[str], family: list[str]) -> set[str]:
    """Return the first words of the names of firms the story writes with a legal form ("ford" of "Ford Motor
    Co."): a bare word among them that the model reads as a firm is the firm, even beside a person of that name."""
    return {k.split(" ", 1)[0] for i, k in enumerate(keys) if family[i] == "organization" and " " in k
            and k.rsplit(" ", 1)[-1].strip(".,") in _CORPORATE}


def _firm_of_the_family_name(mentions: list[Mention], keys: list[str], family: list[str], text: str,
                             given: list[str]) -> None:
    """Give back the organization label the model gave (`given`) a bare word that opens the name of a firm the story
    writes with a legal form ("Ford" beside "Ford Motor Co.") wherever the text does not address it as a person
    ("Mr. Ford" elsewhere made every "Ford" a person): in a story of the firm and of a member of its family
    ("William Clay Ford Jr."), the bare name is the firm where the model read a firm and no "Mr." stands before it.
    The one rule that labels the mentions of one name apart: here one name stands for two of the story's entities."""
    firms = firm_first_words(keys, family)
    for i, m in enumerate(mentions):
        if family[i] == "person" and given[i] == "ORG" and keys[i] in firms and m.source in ("ner", "match"):
            before = _ADDRESS.search(text[max(0, m.start - 12):m.start])
            if not (before and names.is_honorific(before.group(1)) and before.group(1)[:1].isupper()):
                m.label = "ORG"
                family[i] = "organization"


def _firms_named_like_people(mentions: list[Mention], keys: list[str], family: list[str]) -> None:
    """Give a two-or-more-word "person" whose first word the model calls an organization on its own the
    organization label ("Lockheed" ... "Lockheed Martin", "Morgan" ... "Morgan Stanley"): people are shortened to
    their family name, the last word, while firms are shortened to their first word."""
    firms = {k for i, k in enumerate(keys) if mentions[i].label == "ORG" and len(k.split()) == 1
             and mentions[i].source in ("ner", "match")}
    if not firms:
        return
    lasts = {names.name_tokens(mentions[i].text)[-1] for i in range(len(mentions))
             if family[i] == "person" and len(names.name_tokens(mentions[i].text)) == 1}
    for i, m in enumerate(mentions):
        words = keys[i].split()
        if family[i] != "person" or len(words) < 2 or m.source not in ("ner", "match") or words[0] not in firms:
            continue
        toks = names.name_tokens(m.text)
        if toks and toks[-1] in lasts:
            continue  # the story also calls this person by the family name alone
        m.label = "ORG"
        family[i] = "organization"


def _firms_shortened_to_first_word(mentions: list[Mention], keys: list[str], family: list[str], text: str,
                                   short: dict[int, list[int]]) -> None:
    """Give a one-word name the model calls a place the organization label when it is the first word of exactly
    one two-word firm name in the article ("AirTran" ... "AirTran Airways"): firms are shortened to their first
    word, and the grouping then joins the two. Not for a country, large city or US state, which firms are
    named after ("Texas" of "Texas Instruments"), nor for a name the text puts where only a place fits."""
    firsts: dict[str, set[str]] = {}
    for i, k in enumerate(keys):
        if family[i] == "organization" and " " in k:
            firsts.setdefault(k.split(" ", 1)[0], set()).add(k)
    # the firm is named by two words and is no public body ("House Intelligence Committee" is not the House)
    firsts = {w: ks for w, ks in firsts.items()
              if all(len(k.split()) == 2 and k.split()[-1] not in _INSTITUTIONS for k in ks)}
    cands: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        k = keys[i]
        if family[i] == "place" and i not in short and " " not in k and m.source in ("ner", "match") \
                and len(firsts.get(k, ())) == 1:
            cands.setdefault(k, []).append(i)
    for idx in cands.values():
        if cities.is_known_place(mentions[idx[0]].text) or any(_placed(text, mentions[i]) for i in idx):
            continue
        for i in idx:
            mentions[i].label = "ORG"
            family[i] = "organization"


_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_PLACE_AFTER = re.compile(r",\s+([A-Z][\w.]*(?: [A-Z][\w.]*)?)")


def _placed(text: str, m: Mention) -> bool:
    """Say whether the text puts mention `m` where only a place fits: "near X", "X, Georgia"."""
    before = _WORD_BEFORE.search(text[max(0, m.start - 15):m.start])
    if before and before.group(1).lower() in _LOCATIVE:
        return True
    after = _PLACE_AFTER.match(text[m.end:m.end + 40])
    return bool(after and cities.is_known_place(after.group(1)))


def _reconcile(mentions: list[Mention], keys: list[str], family: list[str], short: dict[int, list[int]]) -> None:
    """Give a one-word name the model calls a person here and a firm or place there the non-person label,
    unless it is the short form of a full person name in the text: news introduces people by full name first,
    so a lone word that never gets one ("Ryanair") is rarely a person."""
    labels: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        if len(k.split()) == 1 and family[i] != "event":
            labels.setdefault(k, []).append(i)
    for idx in labels.values():
        if any(i in short for i in idx):
            continue
        things = [mentions[i].label for i in idx if family[i] not in ("person", "event")]
        if not things or len(things) == len(idx):
            continue
        label = majority_label(things)
        for i in idx:
            if family[i] == "person" and mentions[i].source in ("ner", "match"):
                mentions[i].label = label
                family[i] = FAMILY.get(label, label)
