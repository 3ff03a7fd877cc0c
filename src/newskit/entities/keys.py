"""Archive-wide entity keys computed from one article alone: the type plus a normalized name.

The same thing named the same way in two articles gets the same key, whatever the article around it:
"General Motors Corp." and "General Motors Corporation" are `organization:general motors`, "U.S." and "the United
States" are `place:united states`, "Société Générale" is `organization:societe generale`. Only what the name itself
says is used (and, for an acronym, the long form the same article spells out), so a key never depends on what else
is in the archive; `newskit link` then joins keys across articles (newskit.identity).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from newskit import lexicon
from newskit.entities import names, places
from newskit.entities.grouping import acronym_of, clipping_of, initials, of_acronym

# Words a company name may end in that say what kind of body it is, not which: "Inc.", "Corp.", "NV", "Company".
LEGAL_FORMS = lexicon.words("corporate_suffixes") | {"n v", "s a", "co ltd", "incorporated", "ag", "cos", "ab", "asa",
                                                     "oyj", "kk", "pty", "pte", "bhd", "kgaa", "sarl", "srl", "sas"}
# Spellings of the United States inside longer names ("U.S. Army", "US Federal Reserve", "United States Senate").
_US = re.compile(r"\b(?:united states of america|united states|usa|us|u s a|u s)\b")
_PUNCT = re.compile(r"[^\w\s]+")
_QUOTED = re.compile(r" [\"\u201c'][A-Z][a-z]+[\"\u201d'] ")
# Types whose names are compared without person-name rules.
THING_TYPES = ("organization", "place", "event", "nationality", "product", "index", "work_of_art", "law",
               "language")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Return `text` with diacritics removed, case folded, dots of abbreviations and other punctuation dropped and
    whitespace collapsed: "Société Générale" -> "societe generale", "U.S." -> "us", "AT&T" -> "at and t"."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.replace("\u2019", "'").replace("\u2018", "'").casefold()
    t = re.sub(r"'s\b", "", t)
    t = re.sub(r"(?<=\b\w)\.(?=\w\.)|(?<=\b\w)\.", "", t)  # U.S. -> US, N.V. -> NV, but "St. Louis" keeps a word
    t = t.replace("&", " and ")
    t = _PUNCT.sub(" ", t)
    return " ".join(t.split())


@lru_cache(maxsize=65536)
def normalize(name: str, type_: str) -> str:
    """Return the normalized name a key is made of (no type): legal forms, a leading "the", person titles and
    honorifics dropped; a country named by any of its names is its short name."""
    if type_ in ("place", "organization", "nationality"):
        code = places.country_code(name)
        if code and type_ != "nationality":
            return fold(places.country_name(code) or name)
    if type_ == "person" and of_acronym(name.strip(". ")):
        return (of_acronym(name.strip(". ")) or "").lower()  # "BofA" the model took for a person: no name of one
    if type_ == "person":
        name = _QUOTED.sub(" ", name)  # 'Frederick "Fritz" Henderson' is keyed as Frederick Henderson
        words = names.clean_name(name).split()
        words = words[names.leading_titles(words):]
        return fold(" ".join(words)) or fold(name)
    if type_ == "place" and ", " in name:
        return normalize(name.split(", ")[0], type_)  # "San Jose, California": the region only says where it is
    if type_ == "organization" and name.endswith(" union") and name[:1].isupper():
        name = name[:-len(" union")]  # "the United Auto Workers union": the model took in the word that says what it is
    t = fold(name)
    t = re.sub(r"^the ", "", t)
    if type_ == "organization" and of_acronym(name.strip(". ")):
        return (of_acronym(name.strip(". ")) or "").lower()  # "BofA", "BoA" one key: its letters, as "BOA" has
    if type_ == "organization":
        t = _US.sub("us", t)
        words = t.split()
        while len(words) > 1 and (words[-1] in LEGAL_FORMS or " ".join(words[-2:]) in LEGAL_FORMS):
            words = words[:-2] if " ".join(words[-2:]) in LEGAL_FORMS and len(words) > 2 else words[:-1]
            if words and words[-1] == "and":  # "Procter & Gamble Co" keeps its "and"; "Smith & Co" loses it
                words.pop()
        t = " ".join(words)
    return t or fold(name)


def entity_key(name: str, type_: str, aliases: Iterable[str] = ()) -> str:
    """Return the archive-wide key of an entity: `TYPE:normalized name`.

    An entity named by an acronym whose long form the article also gives ("EADS" with the alias "European
    Aeronautic Defence and Space Company") is keyed by the long form, so an article that never uses the acronym
    gets the same key; so is an organization named by a clipping of a longer alias ("Fed", "Federal Reserve")."""
    if type_ != "person" and acronym_of(name):
        letters = acronym_of(name) or ""
        longer = sorted((a for a in aliases if not acronym_of(a) and letters in initials(a)), key=len)
        if longer:
            name = longer[-1]
    elif type_ == "organization" and " " not in name.strip():
        # a clipping the article uses most ("Fed", with "Federal Reserve" once) is keyed by the name it clips
        longer = sorted((a for a in aliases if clipping_of(name.strip(), a)), key=len)
        if longer:
            name = longer[0]
    return f"{type_}:{normalize(name, type_)}"


def split_key(key: str) -> tuple[str, str]:
    """Return (type, normalized name) of a key."""
    type_, _, rest = key.partition(":")
    return type_, rest
