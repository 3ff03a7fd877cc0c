"""Nationality adjectives that name a country: "Turkish troops" and "the Syrian border" are mentions of places.

The rule: a country's adjective that modifies a noun ("Turkish troops", "the Syrian border", "a Russian jet",
"Turkish and Russian officials") says which country the thing belongs to, as "Turkey's troops" would: it refers to
the country, so it is a mention of that country's place entity (the one the article names as "Turkey", else a new
place entity named for the country). Geoparsing gold annotates these words as toponyms of their country, and a
reader mapping an article wants them there. A nationality word is not a place when it names people ("Syrians
fled", "the French voted": a noun, not a modifier), a language ("a reply in Turkish"), or a group that has no one
country ("Kurdish", "Arab": no entry in the demonyms table); and a country adjective inside a longer name is
that name's ("British Columbia", "American Airlines": the recognizer makes those a place or an organization, never
a nationality word).

Only the recognizer's nationality mentions (type nationality) are read, so what counts as a nationality word is
the recognizer's call; which of them are places is this rule's. One more case: the base model sometimes calls a
city a nationality ("the conflict in Aleppo"); a "nationality word" that is no demonym but the own name of a
country, a first-level region or a city of LARGE_CITY people is that place, every mention of it.
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from newskit.geo.gazetteer import LARGE_CITY, Gazetteer, Place, gazetteer
from newskit.record import Entity, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
_NOUNS = frozenset({"NOUN", "PROPN"})


def _modifies_a_noun(tok: Token) -> bool:
    """Say whether the adjective's last word modifies a noun after it ("Turkish troops"; "Turkish and Russian
    jets" through the coordination)."""
    seen = 0
    while tok.dep_ == "conj" and seen < 4:  # "Turkish and Russian jets": Russian hangs from Turkish
        tok, seen = tok.head, seen + 1
    head = tok.head
    return tok.dep_ in _MODIFIER_DEPS and head.i > tok.i and head.pos_ in _NOUNS and tok.tag_ != "NNPS" \
        and not tok.text.endswith("s")


def _place_uses(doc: Doc, ent: Entity) -> tuple[list[Span], list[Span]]:
    """Return (mentions used as the country, the other mentions) of a nationality entity."""
    used, other = [], []
    for m in ent.mentions:
        span = doc.char_span(m.start, m.end)
        if span is not None and len(span) and _modifies_a_noun(span[-1]):
            used.append(m)
        else:
            other.append(m)
    return used, other


def _is_a_place(gaz: Gazetteer, name: str) -> bool:
    """Say whether `name` is the own name of a country, a first-level region or a large city."""
    return any(h.own_name and (h.place.feature in ("country", "admin1") or h.place.population >= LARGE_CITY)
               for h in gaz.lookup(name))


def _names_country(ent: Entity, country: Place) -> bool:
    gaz = gazetteer()
    return ent.type == "place" and any(h.place.geonameid == country.geonameid for h in gaz.lookup(ent.name))


def adjective_places(doc: Doc, entities: list[Entity], nationalities: list[Entity], *, keep_rest: bool = False
                     ) -> list[Entity]:
    """Return `entities` with every nationality adjective used as its country (see the module docstring) added to
    that country's place entity (a new one when the article names none). With `keep_rest`, the nationality
    entities are in `entities` too: each loses the mentions that became places, and goes when none is left."""
    if not nationalities:
        return entities
    gaz = gazetteer()
    out = list(entities)
    for nat in nationalities:
        country: Place | None = gaz.country_of_demonym(nat.name)
        if country is None:
            if _is_a_place(gaz, nat.name):  # "in Aleppo" read as a nationality word
                place = dataclasses.replace(nat, type="place", label="GPE")
                if keep_rest:
                    out[next(k for k, e in enumerate(out) if e is nat)] = place
                else:
                    out.append(place)
            continue
        used, rest = _place_uses(doc, nat)
        if not used:
            continue
        if keep_rest:
            i = next(k for k, e in enumerate(out) if e is nat)
            if rest:
                out[i] = dataclasses.replace(nat, mentions=tuple(rest))
            else:
                del out[i]
        j = next((k for k, e in enumerate(out) if _names_country(e, country)), None)
        if j is None:
            out.append(Entity(id="", name=country.name, type="place", label="GPE", mentions=tuple(used)))
        else:
            joined = tuple(sorted((*out[j].mentions, *used), key=lambda s: s.start))
            out[j] = dataclasses.replace(out[j], mentions=joined)
    return out
