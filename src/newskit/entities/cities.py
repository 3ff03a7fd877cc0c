"""Cities the model mistypes as organizations ("officials in Lyon"), and geographic features ("River Ouse").

The small model often labels a city named without a country an organization. A city gazetteer alone cannot
decide, because sports news calls clubs by their city ("Lyon beat Monaco"), so a name is retyped a place only when
it is a large city in the gazetteer (GeoNames, population >= 100,000) and the article also uses it where only a place
fits: after a locative preposition, or as "City, Country". Every mention of that name then follows, one name one
type across the article. The gazetteer's index is asked only when such a candidate appears.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from newskit import lexicon
from newskit.entities import names, places
from newskit.geo.gazetteer import LARGE_CITY, gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newskit.entities.span import Mention

MIN_POPULATION = LARGE_CITY  # the index holds the names of the cities this large
# Prepositions after which a bare proper name is a location ("officials in Lyon", "a town near Lyon").
_LOCATIVE = lexicon.words("locative_prepositions")
# Words that name a natural feature: a name led by one ("River Ouse", "Mount Kenya") or ended by one ("Ouse
# River", "Niagara Falls") is a location, whatever the model said.
FEATURE_FIRST = lexicon.words("feature_first_words")
FEATURE_LAST = lexicon.words("feature_last_words")


@lru_cache(maxsize=1)
def _large_cities() -> dict[str, str]:
    """Map the casefolded name of every city of at least MIN_POPULATION people to the ISO3 code of the country of
    the most populous city of that name ("" when the country is unknown), from the gazetteer's index file."""
    return gazetteer().known("large_city")


def city_country(name: str) -> str | None:
    """Return the ISO3 code of the country a large city named `name` lies in (the most populous such city)."""
    return _large_cities().get(" ".join(name.split()).casefold()) or None


def is_large_city(name: str) -> bool:
    """Return True when `name` is the name of a city of at least MIN_POPULATION people."""
    return " ".join(name.split()).casefold() in _large_cities()


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    return frozenset(gazetteer().known("us_state"))


def is_known_place(name: str) -> bool:
    """Return True when `name` is a country, a large city, a US state or the abbreviation of a US state or a
    Canadian province ("Ky.", "Calif.", "B.C."): a name a firm may be named after ("Texas Instruments", "Dallas
    Cowboys"), so its bare form is the place, not the firm."""
    key = " ".join(name.split()).casefold()
    return bool(places.country_code(name)) or key in _large_cities() or key in _us_states() \
        or is_region_abbreviation(name)


_ABBREVIATION = re.compile(r"[A-Z][a-z]{1,4}\.|(?:[A-Z]\.){2,3}")
_NORTH_AMERICA = frozenset({"US", "CA"})
_NOT_REGIONS = lexicon.words("corporate_suffixes") | FEATURE_FIRST | lexicon.words("person_titles")
# the news agencies' dotted abbreviations of US states ("Mich.", "Calif."), lowercase
_STATE_ABBREVIATIONS = frozenset(lexicon.table("us_state_abbreviations"))


def is_region_abbreviation(name: str) -> bool:
    """Return True when `name` is the dotted abbreviation of a US state or a Canadian province whose letters the
    gazetteer indexes ("Ky.", "Calif.", "Alta.", "B.C.", "N.Y."). Only the written form with its full stop counts:
    a bare postal code ("IN", "ME", "Co") is as often a word; nor a legal form, a feature word or a title of the
    same letters ("Co.", "Mt.", "Col.")."""
    name = name.strip()
    if not _ABBREVIATION.fullmatch(name) or name.casefold().rstrip(".") in _NOT_REGIONS \
            or names.is_title_word(name):
        return False
    if name.endswith(".") and name.casefold() in _STATE_ABBREVIATIONS:
        return True  # "Mich.", "Mass.", "Conn.": the gazetteer gives Michoacan or nothing for these
    return any(hit.place.feature == "admin1" and hit.place.country_code in _NORTH_AMERICA
               for hit in gazetteer().lookup(name))


def is_feature(words: list[str]) -> bool:
    """Return True when a name of two or more `words` is a river, lake, mountain or like natural feature."""
    if len(words) < 2 or not all(w[:1].isupper() for w in words if w.isalpha() and len(w) > 3):
        return False
    return words[0].lower() in FEATURE_FIRST or words[-1].lower() in FEATURE_LAST


def _placed(doc: Doc, m: Mention) -> bool:
    """Return True when mention `m` stands where only a place fits: "in Lyon", "Lyon, France"."""
    before = doc[m.tstart - 1] if m.tstart > 0 else None
    if before is not None and before.lower_ in _LOCATIVE:
        return True
    after = doc[m.tend:m.tend + 3]
    return len(after) >= 2 and after[0].text == "," and bool(places.country_code(after[1].text))


def _after_a_town(doc: Doc, m: Mention) -> bool:
    """Return True when mention `m` follows "in Town, " or "near Two Words, " (the region of "in Mobile, Alabama")."""
    i = m.tstart - 1
    if i < 2 or doc[i].text != ",":
        return False
    for size in (1, 2):
        town = doc[i - size:i]
        if town.start < 1 or not all(t.text[:1].isupper() for t in town):
            return False
        if doc[town.start - 1].lower_ in _LOCATIVE:
            return True
    return False


def retype_regions(doc: Doc, mentions: list[Mention]) -> None:
    """Relabel as GPE every mention of a country or US state the model called a person, when one of them follows
    "in Town, ": the model misses the small town of "in Mobile, Alabama" and takes the state for a person."""
    found = {m.text for m in mentions if m.label == "PERSON" and m.source in ("ner", "match") and m.tend - m.tstart == 1
             and _after_a_town(doc, m) and is_known_place(m.text)}
    for m in mentions:
        if m.text in found and m.label == "PERSON" and m.source in ("ner", "match"):
            m.label = "GPE"


def retype_cities(doc: Doc, mentions: list[Mention]) -> None:
    """Relabel as GPE every mention of a large city the model called an organization, when the article also
    places the name (see module docstring); and the regions of retype_regions."""
    retype_regions(doc, mentions)
    cands: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.label == "ORG" and m.source in ("ner", "match") and m.text[:1].isupper():
            cands.setdefault(" ".join(m.text.split()).casefold(), []).append(m)
    if not cands:
        return
    placed = {k for k, ms in cands.items() if any(_placed(doc, m) for m in ms)}
    for key in placed:
        if is_large_city(key):
            for m in mentions:
                if " ".join(m.text.split()).casefold() == key and m.label == "ORG" and m.source in ("ner", "match"):
                    m.label = "GPE"
