"""Resolve each place entity of an article to one gazetteer entry, by the evidence an editor would use.

Strongest first:
1. an explicit qualifier: "Paris, Texas", "Alexandria, La.", "Paris" followed by ", Texas" — only entries inside the
   named state or country stay candidates;
2. the dateline ("ALEXANDRIA, La. —", "SEOUL"; when the field parser found none, a place opening the article in
   capitals or before a wire service or a dash: "WASHINGTON (AP)"): a city, the best known of its name in the
   countries the article names; its own entry, entries in its country and near its place gain;
3. the other places of the article: an entry inside a country or state the article names, or close to the places
   resolved without doubt, gains;
4. prominence: population, a country's capital, and the kind of entry (a bare name that is a country's is that
   country: "Georgia" is the country unless the article is in, or about, the US state; a bare name of a country's
   capital and one of its states is the capital unless the article says the state: "Washington").
The weights sit in WEIGHTS; they were tuned on one half of the project's geoparsing dev set and checked on the
other. The publisher's home is not used: a record's publisher is a name, and no table maps outlets to places.
A place left without a candidate ("Vostochny Spaceport") gets no geo.

A nationality adjective that modifies a noun ("Turkish troops") is already a mention of its country's place entity
(geo/adjectives.py states the rule). The other nationality words (type nationality, listed with `--all`) get the
geo of the one country they name ("Syrians" -> Syria; "Kurdish" and "Arab" name none) and keep their type.
"""
from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newskit.geo.candidates import Name, areas_named, inside, km, lookup, names_of
from newskit.geo.gazetteer import Gazetteer, Hit, Place, gazetteer, key
from newskit.record import Entity, Geo, Span


@dataclass(frozen=True)
class Weights:
    """Additive evidence for a candidate; the softmax of the sums is the confidence."""

    population: float = 1.0     # per power of ten of the population
    country: float = 4.0        # the entry is a country (a bare name that is a country's means the country)
    admin1: float = 2.5         # a state or province
    admin2: float = 0.0
    continent: float = 4.0
    region: float = 0.5
    capital: float = 1.0
    alternate: float = -4.0     # found only under an alternate name ("Mashhad" was once called Alexandria)
    in_country: float = 2.5     # inside a country the article names
    implied_country: float = 1.5  # inside the country of another place the article names
    in_admin1: float = 3.0      # inside a state or province the article names
    near: float = 2.5           # close to the places the article names (decays with NEAR_KM)
    dateline_self: float = 3.0  # the dateline's own entry, for a place named like the dateline
    dateline_near: float = 3.0
    near_km: float = 300.0
    area_of: float = 0.5        # the confidence of a place put at the area its qualifier names
    min_confidence: float = 0.5   # below it a place keeps no geo (a coin toss between namesakes)


WEIGHTS = Weights()
_LEAD_CHARS, _LEAD_LINES = 400, 3  # a dateline opens the article: its first lines only
# After a dateline's first name: a state or country (", Ky."), then a wire service in brackets or a dash.
_DATELINE_TAIL = re.compile(r"(?P<place>(?:,[ ][A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*)?)?)"
                            r"[ ]?(?P<mark>\([^()\n]{2,30}\)|[-–—]{1,2}(?=[ \n]))?")
_AREA_WORD = re.compile(r"[ ](?:state|province|prefecture)\b", re.I)  # "Washington state", "Buenos Aires province"
_FEATURE = {"country", "admin1", "admin2", "continent", "region"}


@dataclass
class _Context:
    """What the rest of the article says about where it is. Each area and point remembers which place (entity
    index) said it, so a place is never its own evidence ("New York" the state does not vouch for New York City);
    -1 stands for the dateline and for qualifiers."""

    countries: dict[str, set[int]] = field(default_factory=dict)  # named countries (and those of named states)
    admin1: dict[tuple[str, str], set[int]] = field(default_factory=dict)
    implied: dict[str, set[int]] = field(default_factory=dict)  # countries of the cities named
    points: list[tuple[float, float, int]] = field(default_factory=list)
    dateline: Place | None = None


def _says(table: dict, k, j: int) -> bool:
    return bool(table.get(k, set()) - {j})


def resolve_places(entities: Sequence[Entity], text: str, article=None, *, gaz: Gazetteer | None = None,
                   weights: Weights = WEIGHTS) -> list[Entity]:
    """Return `entities` with `geo` set on every place that resolves to a gazetteer entry (and on every nationality
    word that names one country)."""
    idx = [i for i, e in enumerate(entities) if e.type == "place"]
    nationalities = [i for i, e in enumerate(entities) if e.type == "nationality"]
    if not idx and not nationalities:
        return list(entities)
    gaz = gaz or gazetteer()
    out = list(entities)
    for i in nationalities:
        country = gaz.country_of_demonym(entities[i].name)
        if country is not None:
            out[i] = dataclasses.replace(entities[i], geo=_geo(country, 1.0))
    items = _list_items(gaz, [m for i in idx for m in entities[i].mentions], text)
    names = [names_of(gaz, entities[i].name, [(m.text, "" if (m.start, m.end) in items else text[m.end:m.end + 40])
                                              for m in entities[i].mentions])
             for i in idx]
    cands = [_candidates(gaz, ns) for ns in names]
    largest = [max((h.place for h, _ in c), key=lambda p: p.population) if c else None for c in cands]
    cands = [_capital_over_region(c, entities[i].mentions, items, text, [p for k, p in enumerate(largest) if k != j])
             for j, (i, c) in enumerate(zip(idx, cands, strict=True))]
    # The dateline is read against the countries of the article's other places as they resolve on their own names
    # ("VICTORIA" over a Canadian story is British Columbia's capital); then each place by its own names and the
    # dateline, then again with the others' first choices as context.
    written = getattr(article, "dateline", None) or _leading_dateline(text, [entities[i] for i in idx])
    dateline = None
    if written:
        alone = _context([None] * len(idx), names, None)
        on_their_own = [_best(c, alone, weights, j) for j, c in enumerate(cands)]
        dateline = _dateline(gaz, written, _context(on_their_own, names, None),
                             _named_like(written, [entities[i] for i in idx]))
    ctx = _context([None] * len(idx), names, dateline)
    first = [_best(c, ctx, weights, j) for j, c in enumerate(cands)]
    ctx = _context(first, names, dateline)
    for j, i in enumerate(idx):
        best = _best(cands[j], ctx, weights, j)
        if best is not None:
            out[i] = dataclasses.replace(entities[i], geo=_geo(*best))
    return out


def _list_items(gaz: Gazetteer, mentions: Sequence[Span], text: str) -> set[tuple[int, int]]:
    """Return the (start, end) of the place mentions that follow another place's name and a comma, where that name
    is no country or state: items of a list ("Chicago, Los Angeles, Dubai and London"). The name after such an item
    is the next item, not the area the item lies in, so "Los Angeles, Dubai" is read as two places; "Springfield,
    Illinois, Dayton, Ohio" keeps its qualifiers, as a state ends the item before Dayton."""
    ends = {m.end: m.text for m in mentions}
    out = set()
    for m in mentions:
        comma = re.search(r",\s*$", text[max(0, m.start - 3):m.start])
        before = ends.get(m.start - len(comma.group(0))) if comma else None
        if before is not None and not areas_named(gaz, before):
            out.add((m.start, m.end))
    return out


def _candidates(gaz: Gazetteer, names: list[Name]) -> list[tuple[Hit, bool]]:
    """Return (hit, named) pairs, the entries of the first name that has any, narrowed by its qualifier. A place
    qualified by an area the gazetteer knows nothing inside of ("Holliday, Missouri": a village) is put at the area
    (named False: the entry is the area around the place): the writer said where it is, and the area's point is
    nearer than any namesake elsewhere. A name that is a country's or a state's own name is no unknown
    village: beside an area it is not in, the two are a list ("Belgium, France, Germany, Luxembourg"; "Michigan,
    Wisconsin"), and the name keeps its own entries. A city's name does not: "Paris, Missouri" and "Edmonton, Kentucky"
    are written so because a larger namesake exists."""
    fallback: list[tuple[Hit, bool]] = []
    for name in names:
        hits = lookup(gaz, name.head)
        if name.within:
            kept = [h for h in hits if any(inside(h.place, a) for a in name.within)]
            if kept:
                return [(h, True) for h in kept]
            if any(h.own_name and h.place.feature in ("country", "admin1") for h in hits):
                return [(h, True) for h in hits]
            fallback = fallback or [(Hit(a, True), False) for a in name.within if a.feature == "admin1"]
            continue
        if hits and not fallback:
            return [(h, True) for h in hits]
    return fallback


def _capital_over_region(cands: list[tuple[Hit, bool]], mentions: Sequence[Span], items: set[tuple[int, int]],
                         text: str, others: Sequence[Place | None]) -> list[tuple[Hit, bool]]:
    """Drop a first-level region from the candidates of a bare name that is also its country's capital ("Washington":
    the capital, not the state), unless the article says the region: a mention followed by an area word
    ("Washington state"), written after another place and a comma ("Seattle, Washington"), or another place of the
    article in the region (`others`: each place's most populous entry; "Washington voters in Seattle"). A writer
    names the region so because the bare name is the capital; the region's larger population does not outweigh it."""
    regions = {h.place.country_code for h, named in cands if named and h.own_name and h.place.feature == "admin1"
               and not any(o is not None and o.feature == "city" and inside(o, h.place) for o in others)}
    capitals = {h.place.country_code for h, named in cands if named and h.own_name and h.place.capital
                and h.place.feature == "city"} & regions
    if not capitals or any(((m.start, m.end) in items or _AREA_WORD.match(text, m.end)) for m in mentions):
        return cands
    # the capital of a country is the largest of its cities of that name (the index flags every namesake of a
    # capital in the country: "Washington", Indiana, too); the others of the country give way with the region
    largest = {cc: max((h.place for h, _ in cands if h.place.country_code == cc and h.place.capital
                        and h.place.feature == "city"), key=lambda p: p.population) for cc in capitals}
    return [c for c in cands if c[0].place.country_code not in capitals
            or c[0].place == largest[c[0].place.country_code]]


def _named_like(dateline: str | None, places: Sequence[Entity]) -> int:
    """Return the index of the place named like the dateline's first name (it is no evidence for itself), else -1."""
    head = key((dateline or "").split(",")[0])
    return next((j for j, e in enumerate(places) if head and head in {key(e.name), *(key(m.text) for m in e.mentions)}),
                -1)


def _dateline(gaz: Gazetteer, dateline: str, ctx: _Context, j: int) -> Place | None:
    """Return the place of the dateline. A dateline names a city ("WASHINGTON" is the capital, not the state), so
    cities are preferred among its candidates; and a city that stands alone in a dateline is one every reader knows
    (wire style names the state of any other), so the most prominent namesake is taken however many there are."""
    if not dateline:
        return None
    names = names_of(gaz, dateline.title() if dateline.isupper() else dateline, [])
    cands = _candidates(gaz, names)
    cands = [c for c in cands if c[0].place.feature == "city"] or cands
    # Of the article's other places only their countries count: a dateline city is the well-known one of its
    # country, not the village next to the story.
    countries = _Context(countries=ctx.countries, implied=ctx.implied)
    best = _best(cands, countries, dataclasses.replace(WEIGHTS, min_confidence=0.0), j)
    return best[0] if best else None


def _leading_dateline(text: str, places: Sequence[Entity]) -> str | None:
    """Return the dateline an article opens with when the field parser took none: a place that starts one of the
    first lines and is written in capitals ("WASHINGTON Barack Obama pardoned…") or followed by a wire service's name
    or a dash ("Washington (CNN)", "COLUMBIA, Ky. (WBKO) -"). Where an article was filed is a city."""
    for e in places:
        for m in e.mentions:
            before = text[:m.start]
            at_line_start = not before.strip(" \t") or before.endswith("\n")
            if m.start > _LEAD_CHARS or not at_line_start or len(before.split("\n")) > _LEAD_LINES:
                continue
            after = _DATELINE_TAIL.match(text, m.end)
            rest = text[m.end:m.end + 80].split("\n")[0]
            capitals = m.text.isupper() and len(m.text) >= 3 and not rest.isupper()  # not a headline in capitals
            if after and (after.group("mark") or capitals):
                return text[m.start:after.end("place")]
    return None


def _context(first: Sequence[tuple[Place, float] | None], names: list[list[Name]], dateline: Place | None
             ) -> _Context:
    ctx = _Context(dateline=dateline)
    for j, pick in enumerate(first):
        for name in names[j]:
            for area in name.within:
                _note_area(ctx, area, -1)
        if pick is None:
            continue
        place, _ = pick
        _note_area(ctx, place, j)
        if place.feature in ("city", "admin2"):
            ctx.points.append((place.lat, place.lon, j))
            ctx.implied.setdefault(place.country_code, set()).add(j)
    if dateline is not None:
        _note_area(ctx, dateline, -1)
        ctx.implied.setdefault(dateline.country_code, set()).add(-1)
    return ctx


def _note_area(ctx: _Context, place: Place, j: int) -> None:
    if place.feature == "country":
        ctx.countries.setdefault(place.country_code, set()).add(j)
    elif place.feature == "admin1" and place.admin1:
        ctx.admin1.setdefault((place.country_code, place.admin1), set()).add(j)
        ctx.countries.setdefault(place.country_code, set()).add(j)


def _score(hit: Hit, ctx: _Context, w: Weights, j: int) -> float:
    p = hit.place
    s = w.population * math.log10(p.population + 1) + getattr(w, p.feature, 0.0)
    s += w.capital * p.capital + (0.0 if hit.own_name else w.alternate)
    if p.feature not in ("country", "continent", "region"):
        if _says(ctx.countries, p.country_code, j):
            s += w.in_country
        elif _says(ctx.implied, p.country_code, j):
            s += w.implied_country
    if p.feature not in ("admin1", "country", "continent", "region") and _says(ctx.admin1, (p.country_code, p.admin1),
                                                                               j):
        s += w.in_admin1
    others = [km(p.lat, p.lon, lat, lon) for lat, lon, k in ctx.points if k != j]
    if others and p.feature in ("city", "admin2"):
        s += w.near * math.exp(-min(others) / w.near_km)
    d = ctx.dateline
    if d is not None:
        if d.geonameid == p.geonameid:
            s += w.dateline_self
        elif p.feature in ("city", "admin2") and d.feature in ("city", "admin2"):
            s += w.dateline_near * math.exp(-km(p.lat, p.lon, d.lat, d.lon) / w.near_km)
    return s


def _best(cands: list[tuple[Hit, bool]], ctx: _Context, w: Weights, j: int) -> tuple[Place, float] | None:
    """Return the best candidate and its confidence, or None when there is none or its share of the evidence is
    under w.min_confidence."""
    if not cands:
        return None
    scored = sorted(((_score(h, ctx, w, j), h.place, named) for h, named in cands), key=lambda x: -x[0])
    top = scored[0][0]
    share = 1.0 / (sum(math.exp(s - top) for s, _, _ in scored))
    if share < w.min_confidence:
        return None
    return scored[0][1], share * (1.0 if scored[0][2] else w.area_of)


def _geo(place: Place, confidence: float) -> Geo:
    return Geo(geonameid=place.geonameid, name=place.name, feature=place.feature,  # type: ignore[arg-type]
               country_code=place.country_code or None, admin1=place.admin1 or None, lat=place.lat, lon=place.lon,
               population=place.population or None, confidence=confidence)


def resolve_name(name: str, *, gaz: Gazetteer | None = None) -> Geo | None:
    """Return the most likely gazetteer entry for a place name on its own (no article around it)."""
    gaz = gaz or gazetteer()
    best = _best(_candidates(gaz, names_of(gaz, name, [])), _Context(), WEIGHTS, -1)
    return _geo(*best) if best else None


__all__ = ["WEIGHTS", "Weights", "areas_named", "resolve_name", "resolve_places"]
