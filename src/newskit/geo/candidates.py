"""Candidate gazetteer entries for a place's names, and the qualifiers that narrow them ("Paris, Texas").

A place entity is looked up by its canonical name, then by each distinct mention text. A name "X, Y" whose Y is a
country or a first-level region (or a US state's AP abbreviation: "Alexandria, La.") is one place, X, qualified by
Y; so is a mention followed in the text by ", Y". Country variants ("U.S.", "DPRK") are alternate names in the
gazetteer.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from newskit import lexicon
from newskit.geo.gazetteer import LARGE_CITY, Gazetteer, Hit, Place, key

_STATES = {key(k): tuple(v.split(":")) for k, v in lexicon.table("geo/state_abbreviations").items()}
# Words that place a region inside a named area ("Far North Queensland", "northern Alberta"): a name not found as
# written is looked up without them, among areas only.
_DIRECTIONS = re.compile(r"^(?:(?:far|north|south|east|west|central|northern|southern|eastern|western|"
                         r"north[- ]?(?:east|west)(?:ern)?|south[- ]?(?:east|west)(?:ern)?|upper|lower|greater)\s+)+",
                         re.I)
_SUFFIXES = lexicon.words("geo/area_suffixes")
_FACILITY = lexicon.words("geo/facility_words") | lexicon.words("feature_last_words")
# A first-level region holds a place whose admin1 code is unknown when the place lies this close to its point.
REGION_KM = 450.0
_POSSESSIVE = re.compile(r"^(.+?)['\u2019]s\s+(.+)$")
_QUALIFIER_AFTER = re.compile(r"\s*,\s*((?:[A-Z][\w.'\u2019-]*\s?){1,4})")


@dataclass(frozen=True)
class Name:
    """One way an entity is named: the head looked up, and the areas a qualifier says it lies in."""

    head: str
    within: tuple[Place, ...] = ()


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def inside(place: Place, area: Place) -> bool:
    """Return True when `place` lies in `area` (a country or a first-level region), or is that area."""
    if place.geonameid == area.geonameid:
        return True
    if area.feature == "country":
        return place.country_code == area.country_code and place.feature != "country"
    if area.feature == "admin1" and place.feature not in ("country", "admin1", "continent", "region"):
        if place.country_code != area.country_code:
            return False
        if place.admin1 and area.admin1:
            return place.admin1 == area.admin1
        return km(place.lat, place.lon, area.lat, area.lon) <= REGION_KM
    return False


def areas_named(gaz: Gazetteer, name: str) -> list[Place]:
    """Return the countries and first-level regions `name` can denote ("Texas", "Tex.", "TX", "Turkey", "U.S.")."""
    k = key(name)
    out = [h.place for h in gaz.lookup(name) if h.place.feature in ("country", "admin1")]
    code = _STATES.get(k) or (("US", name.strip()) if re.fullmatch(r"[A-Z]{2}", name.strip()) else None)
    if code and code in gaz.admin1:
        out.append(gaz.admin1[code])
    return list({p.geonameid: p for p in out}.values())


def names_of(gaz: Gazetteer, entity_name: str, mentions: list[tuple[str, str]]) -> list[Name]:
    """Return the names to look an entity up by: its canonical name, then each mention text, each split into head
    and qualifier. `mentions` holds (mention text, the text that follows it)."""
    out: list[Name] = []
    seen = set()
    for text, after in [(entity_name, "")] + mentions:
        for name in _split(gaz, text, after):
            sig = (key(name.head), tuple(p.geonameid for p in name.within))
            if sig not in seen and name.head.strip():
                seen.add(sig)
                out.append(name)
    # qualified names first: the writer said where
    return sorted(out, key=lambda n: not n.within)


def _split(gaz: Gazetteer, text: str, after: str) -> list[Name]:
    owner = _POSSESSIVE.match(text)
    if owner:  # "Russia's Far East": the region of that name inside Russia
        within = areas_named(gaz, owner.group(1))
        if within:
            return [Name(owner.group(2), tuple(within))]
    if "," in text:
        head, _, rest = text.partition(",")
        within = areas_named(gaz, rest.strip())
        if within:
            return [Name(head.strip(), tuple(within))]
        return [Name(text), Name(head.strip())]
    m = _QUALIFIER_AFTER.match(after)
    if m:
        for cut in range(len(m.group(1).split()), 0, -1):
            within = areas_named(gaz, " ".join(m.group(1).split()[:cut]))
            if within:
                return [Name(text, tuple(within))]
    return [Name(text)]


def lookup(gaz: Gazetteer, name: str) -> list[Hit]:
    """Return the entries `name` can denote: as written, then without a trailing area word ("Quebec province") or
    a leading direction ("northern Alberta"), then as a state's abbreviation ("Sask."), then as a nationality word
    ("Turkish": Turkey), then by the place a longer name is built on ("Montreal East")."""
    hits = gaz.lookup(name)
    if not hits:
        words = name.split()
        if len(words) > 1 and words[-1].casefold() in _SUFFIXES:
            hits = [h for h in gaz.lookup(" ".join(words[:-1])) if h.place.feature != "city"]
        elif _DIRECTIONS.match(name) and _DIRECTIONS.sub("", name):
            hits = [h for h in gaz.lookup(_DIRECTIONS.sub("", name)) if h.place.feature != "city"]
    if not hits:  # a state's abbreviation standing alone, as the qualifier cut from "Melville, Sask." does
        code = _STATES.get(key(name))
        hits = [Hit(gaz.admin1[code], True)] if code in gaz.admin1 else []
    if not hits:  # a nationality word the recognizer took for a place ("Turkish" troops): the country it names
        country = gaz.country_of_demonym(name)
        hits = [Hit(country, True)] if country is not None else []
    return hits or _inside_a_longer_name(gaz, name)


def _inside_a_longer_name(gaz: Gazetteer, name: str) -> list[Hit]:
    """Return the country, state or large city a name no entry has is built on, at its start or its end ("Montreal
    East", "Nazi Germany", "New York-based"), the longest first; none for a facility's or a feature's name
    ("Victoria Park", "Peace River Valley"), whose point is not the place's."""
    words = key(name).split()
    if not 2 <= len(words) <= 4 or words[-1] in _FACILITY:
        return []
    for size in range(len(words) - 1, 0, -1):
        for part in (words[:size], words[-size:]):
            hits = [h for h in gaz.lookup(" ".join(part)) if h.own_name and (
                h.place.feature in ("country", "admin1") or h.place.population >= LARGE_CITY)]
            if hits:
                return hits
    return []
