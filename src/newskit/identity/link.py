"""Resolve entity keys across an archive: one identity per person, organization or place, whatever the article.

Two passes over the records. Pass 1 (`NameTable.add`) keeps, per distinct key, the articles that use it, the
evidence they give for its type, the aliases written for it (with their article counts) and the few longer names
it stands beside: memory grows with the distinct names of the archive,
never with its articles. `NameTable.resolve` then joins keys on evidence that admits one answer only:

1. one type per name, by the evidence summed over the archive: each article that types the name weighs 1 +
   log2(its mentions there), and one that gives it as an alias of a longer name adds that name's evidence per
   article. Things of one name share the type with more evidence; a person and a thing only when one side has
   twice the other's ("Chrysler" an organization in nine articles, a person in one), or, for a name of two words
   or more that opens with no known given name, as much ("Lockheed Martin" a company in one article, a person
   in another), or a name some article writes with a legal form ("Chrysler LLC") or a person's written as an
   acronym ("BofA"), as much for the firm; the full names of the one person of a family name vote for it where
   no article writes it as a firm's or a place's (a place the gazetteer resolves to a country, region or large
   city, or to a lesser namesake in a story naming its region: not "since Wagoner left" resolved to a town in
   Oklahoma) and some article writes it for him (typed a person, or beside
   his full name: not "Young" in a headline beside an archive's "Grant Young"), and it is the person on as much
   evidence when two articles or more name him in full ("Bernanke" typed an organization beside "Ben S.
   Bernanke"), else on twice; a name some article writes with a legal form stays that firm's ("Paulson & Co.",
   however many articles call a "Paulson" a person);
2. spacing and aliases: names of a thing that differ in their spaces only ("Wal-Mart", "Walmart"); a key that is
   exactly one other key's alias somewhere in the archive ("GM", an alias of "General Motors Corp." in the
   article that spells it out) is that key, when the alias is words or initials of that name or the archive
   gives it as an alias in a quarter of its own articles or more (one article's grouping that glued "State
   Department" to "Department of Homeland Security" does not join them everywhere);
3. acronyms: a capitals name ("EADS", "S&P", "BofA") whose letters are the initials of exactly one longer name,
   as keyed or as written with its legal form ("AIG", "American International Group"), unless the archive uses
   the acronym four times as often as that name ("ISIS" is not a think tank named once);
4. people: a full name and the other full names of its family name that it fits, by a nickname of the given name
   or initials, middle names and a suffix added ("Rick Wagoner", "G. Richard Wagoner Jr."; "Hank Paulson",
   "Henry Paulson" and "Henry M. Paulson Jr." all three; not "George W." and "George H. W. Bush"), and no name
   that fits two full names that do not fit each other ("George Bush" beside both); then a family or given name
   that fits exactly one full name of the archive ("Obama" -> "Barack Obama"; a given name only when some article
   writes it beside that full name or as its alias), a given and family name the one full name that adds a middle
   name ("Donald J. Trump"). The full names are joined first, so one person written two ways is one candidate.
   Two full names of one family that an article lists as two people (a father beside his son "Jr.") are never
   joined;
5. clippings: a one-word organization name that one other name of the archive is with a legal form glued on
   ("Citi", "Citigroup"), or that articles give beside, or as the alias of, exactly one longer
   name it clips ("Fed" beside "Federal Reserve", "Citi" beside "Citigroup", "WaMu" for "Washington Mutual";
   `grouping.clipping_of`), or beside a body and its branch (the "Federal Reserve", not the "Federal Reserve
   Bank of New York"); never a word beside its derivation ("Congress", "Congressional"); a name blended from a
   longer name's first letters ("WaMu", "FedEx") joins the one organization it clips though no article writes
   the two together;
6. a firm's short name: the leading words of one firm's name that the archive writes with a legal form
   ("Goldman", "Goldman Sachs Group Inc.") or ends with a word of a firm's trade (`lexicon/firm_heads.txt`:
   "Cerberus Capital Management", unless an article names the two as two bodies; not a trade word right after
   the name that names its arm, "Barclays Capital"), or its first word written as a
   possessive ("Moody's", "Moody's Investors Service"), when they open no other body's name and no article types
   them a place, and the archive does not use them four times as often as the firm's name;
7. one body named two conventional ways: its head word first, last or left out ("Department of the Treasury",
   "Treasury Department", "Treasury"), "Federal Reserve System" or "Board" for the "Federal Reserve", a nickname
   of the short table `lexicon/body_nicknames.tsv` ("the Big Board", the "NYSE": no text spells it out);
8. a country in front of a name of its own: "US Federal Reserve" is the "Federal Reserve", "U.S. Army" the "Army"
   (unless the archive names another country's "Army" too); a lone family name typed a firm or a place, no
   common word, in stories that share a body with the stories naming the archive's one person of that family
   name in full ("Gettelfinger" beside the UAW: `_lone_family_names`), is that person;
9. places: names the gazetteer resolves to one entry ("NY", "New York"), each by a name of its own, for three
   quarters of their resolved entities at least. A name the archive resolves to two entries or more is that many
   places: the entities resolved to the entry most of them agree on keep its key, the others get one of their
   entry's ("place:georgia (us-ga)" beside the country's "place:georgia"; the record must carry the geo). A
   name of a country and of another country's region that a story's record resolves to the one it names no place
   inside, while it names places inside the other ("TBILISI, Georgia" resolved to the US state), is read as the
   other (`_in_story`).

An organization's short name ("Ford" for "Ford Motor Co.") also joins through step 2, from any article that
names it both ways; leading words of a name that is no firm's are not evidence enough ("Boeing" is not "Boeing
Air Force"). A joined identity keeps the key of its name of several words over a surname, acronym or clipping of
it ("person:barack obama" however many articles say "Obama"), else of the name most articles use
("organization:apple", not "organization:apple computer").

A name that fits two candidates stays apart: a wrong merge costs an analyst more than a split. Pass 2
(`NameTable.rewrite`, streamed by identity/stream.py) rewrites each entity's `key`.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from newskit import lexicon
from newskit.entities import names, places
from newskit.entities.grouping import acronym_of, clipping_of, initials, of_acronym, parent_name
from newskit.entities.keys import LEGAL_FORMS, entity_key, fold, normalize, split_key
from newskit.geo.gazetteer import LARGE_CITY
from newskit.nlp import model_name

# Types that share one namespace for "one type per name" (a person is never an organization's short name).
_THINGS = {"organization", "place", "product", "index", "nationality", "work_of_art", "law", "language"}
_ACRONYM = re.compile(r"[a-z]{2,7}")
_LETTERS_AND = re.compile(r"[a-z]{1,2}(?: and [a-z]{1,2})+")  # "S&P" keyed "s and p"
_MAX_NEAR = 8
_MAX_FAMILY = 50
_ORG = "organization:"
_PERSON = "person:"
_PLACE = "place:"
# "Department of (the) Treasury": a body's head word before its field, which "Treasury Department" puts after it
_HEADS = ("department", "ministry", "bureau", "office")
_HEAD_OF = re.compile(rf"({'|'.join(_HEADS)}) of (?:the )?([a-z][a-z ]*)")
# a government body's head words that an article may leave out ("the Treasury" for the "Treasury Department")
_DEPARTMENTS = ("department", "ministry")
# the field that ends a body's name, after the word before it: "commerce" of "Chamber of Commerce"
_OF_FIELD = re.compile(r"(\w+) of (?:the )?([a-z]+)$")
_BODY_NICKNAMES = lexicon.table("body_nicknames")
_GROUP_OF = re.compile(r"group of (\w+)")  # "Group of Seven", "Group of 20": the "G7", the "G-20"
_NUMBERS = {w: str(n) for n, w in enumerate(("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                             "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                                             "sixteen", "seventeen", "eighteen", "nineteen", "twenty"))}
_UMLAUTS = re.compile("[äöüÄÖÜ]")
_DOUBLE_NAME = re.compile(r"[A-Z][a-z]+-[A-Z][a-z]+")  # "Strauss-Kahn": a family name of two words
_SPELT = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
_INNER_CAPITAL = re.compile(r"[A-Z][a-z]+[A-Z]\w*")  # "WaMu", "FedEx": maybe a blend of a longer name's words
_POSSESSIVE_FIRST = re.compile(r"[A-Z][^\s']*['\u2019]s \S")  # "Moody's Investors Service"
_GLUED = sorted(lexicon.words("corporate_suffixes"))  # legal forms a firm's name may have glued on ("Citigroup")
_FIRM_HEADS = lexicon.words("firm_heads")  # "Cerberus Capital Management": a firm's name, legal form or not
# trade words that, put right after a firm's name, name its arm: "Barclays Capital", "Chrysler Financial", "Nomura
# Securities" are not "Barclays", "Chrysler", "Nomura" (but "Cerberus Capital Management" is "Cerberus")
_ARMS = frozenset({"capital", "securities", "financial", "investments"})
_GEO_SHARE = 0.75  # the share of a place name's resolved entities that must agree on one gazetteer entry


@dataclass(slots=True)
class _Seen:
    """What the archive says of one key (all `link` keeps per distinct key: its size bounds link's memory)."""

    articles: int = 0
    weight: int = 0  # the type evidence of its articles, in thousandths: each 1 + log2(its mentions there)
    aliases: Counter = field(default_factory=Counter)  # normalized alias -> the articles giving it
    caps: bool = False  # written in capitals somewhere (an acronym)
    legal: bool = False  # an organization written with a legal form somewhere ("Goldman Sachs Group Inc."): a firm
    owned: bool = False  # an organization written opening with a possessive ("Moody's Investors Service")
    # acronyms of the names as written that the key's name no longer gives ("AIG" of "American International Group",
    # keyed "american international"); None when there are none, as for most keys
    written: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class _Entry:
    """What a record's geo says of a gazetteer entry that a place name resolved to."""

    label: str  # what tells it from its namesakes in a key ("us-ga" for Georgia the state, "ge" for the country)
    # no country, first-level region or large city: a resolution to a lesser namesake ("Paris", Texas) is too often
    # the resolver's slip to part a name's entities by
    lesser: bool
    region: bool  # a first-level region

    @classmethod
    def of(cls, geo: dict) -> _Entry:
        return cls(_entry_label(geo), not _prominent(geo), geo.get("feature") == "admin1")


class NameTable:
    """Pass 1 of `link`: the distinct keys of an archive, their names and how many articles use each."""

    def __init__(self) -> None:
        self.seen: dict[str, _Seen] = {}
        # a person's full name -> the other full names of one family name that an article lists as other people
        # ("Donald Trump" beside "Donald Trump Jr."): kept apart across the archive too; only names that share a
        # family name in some article are held, at most _MAX_NEAR each
        self.apart: dict[str, set[str]] = {}
        # a one-word organization key -> the longer organization keys an article gives it beside, or as an alias
        # of, as a clipping of their name ("fed" beside or for "federal reserve"); at most _MAX_NEAR each: more is
        # ambiguous anyway
        self.clipped: dict[str, set[str]] = {}
        # a place's key -> the gazetteer entries its entities resolved to under a name of the entry's own
        self.geo: dict[str, Counter[int]] = {}
        self.entries: dict[int, _Entry] = {}  # a gazetteer entry of those -> what the records say of it
        # one-word names that some article writes as a person's short name: typed a person, or beside a full person
        # name of that family name in one article ("Bernanke" beside "Ben S. Bernanke", whatever its type there)
        self.alone: set[str] = set()
        # one-word person names that some article gives beside a full name they open ("Hillary" beside "Hillary
        # Clinton"): only these join a full name by the given name across articles
        self.given: set[str] = set()
        # one-word organization names that some article gives beside a body's name they end ("Commerce" beside
        # "Chamber of Commerce"): maybe a piece of that name, so no department's short name
        self.fragments: set[str] = set()
        # organization names that some article gives beside a longer organization name they open, as another body
        # ("Boeing" beside "Boeing Capital"): no short name of that body by its name's trade word alone
        self.openers: set[str] = set()
        # places resolved to a lesser namesake in an article that names its region ("Wakefield, Massachusetts"):
        # places indeed, not a family name the model took for one ("since Wagoner left", a town in Oklahoma)
        self.sited: set[str] = set()
        # a full person name, or a one-word organization or place name -> organizations named in its articles (at
        # most _MAX_NEAR): a story that types a family name a thing and one that names the person in full tell the
        # same news where they name one body; an acronym listed beside the body whose name it fits is another body
        self.company: dict[str, set[str]] = {}
        # one-word organization keys written with an inner capital ("WaMu"), each with that written form: maybe the
        # first letters of a longer name's words run together
        self.blends: dict[str, str] = {}
        # keys of names written with an umlaut ("Steinbrück"), each with the key of the name spelt as English news
        # spells it out ("Steinbrueck"); folding alone gives "steinbruck"
        self.umlauts: dict[str, str] = {}
        # two-word organization or place keys written as one hyphenated name ("Strauss-Kahn"): maybe a family name
        self.hyphened: set[str] = set()
        self.reread = False  # some record's story places a name of a country and a region otherwise (`_in_story`)
        self._final: dict[str, str] | None = None
        self._split: dict[tuple[str, int], str] = {}  # (a place's key, an entry) -> the key of the place so resolved

    def add(self, record: dict) -> None:
        """Record the entities of one article (error records and records without entities add nothing)."""
        here: set[str] = set()
        said: set[tuple[str, str]] = set()  # (key, alias) this article gave already: an alias counts once an article
        orgs: dict[str, str] = {}  # the organizations' key names, each with its name as written, for the clippings
        towns: list[tuple[str, tuple[str, str]]] = []  # places resolved to a lesser entry, each with its region
        regions: set[tuple[str, str]] = set()  # the first-level regions the article names (country, region codes)
        for e in self._placed(record.get("entities") or []):
            key = local_key(e)
            s = self.seen.get(key)
            if s is None:
                s = self.seen[key] = _Seen()
            if key not in here:
                here.add(key)
                s.articles += 1
                if key.startswith(_ORG):
                    orgs[key[len(_ORG):]] = written = str(e.get("name") or "")
                    if " " not in key and _INNER_CAPITAL.fullmatch(written):
                        self.blends.setdefault(key, written)
            s.weight += _evidence(e)
            if key.startswith(_ORG):
                self._add_firm(s, key, e)
            aliases = e.get("aliases")
            if aliases:
                type_ = split_key(key)[0]
                for a in aliases:
                    a = normalize(a, type_)
                    if (key, a) not in said:
                        said.add((key, a))
                        s.aliases[a] += 1
                s.caps = s.caps or any(str(a).isupper() or of_acronym(str(a)) for a in aliases)
            name = str(e.get("name") or "")
            s.caps = s.caps or name.isupper() or of_acronym(name.strip(". ")) is not None
            if "-" in name or not name.isascii():
                self._note_spelling(key, name)
            if key.startswith(_PLACE):
                self._add_place(key, e, towns, regions)
        for short, longer in _clippings(orgs):
            self._clip(short, longer)
        self.sited.update(key for key, region in towns if region in regions)
        self._note_company(here)
        self._note_apart(here)
        self._note_alone(here)
        for name in orgs:
            words = name.split()
            self.openers.update(" ".join(words[:n]) for n in range(1, min(len(words), _MAX_NEAR))
                                if " ".join(words[:n]) in orgs)
            m = _OF_FIELD.search(name)
            if m and m.group(1) not in _HEADS and m.group(2) in orgs:
                self.fragments.add(m.group(2))
        self._final = None

    def _placed(self, entities: list[dict]) -> list[dict]:
        """Return a record's entities as their story places them (`_in_story`), noting whether it changed one."""
        placed = _in_story(entities)
        self.reread = self.reread or placed is not entities
        return placed

    def _note_spelling(self, key: str, name: str) -> None:
        """Note the key of a name written with an umlaut as English news spells it out ("Steinbrueck"), and a
        thing's key written as one hyphenated name ("Strauss-Kahn")."""
        if _DOUBLE_NAME.fullmatch(name) and key.startswith((_ORG, _PLACE)):
            self.hyphened.add(key)
        if name.isascii() or not _UMLAUTS.search(name) or key in self.umlauts:
            return
        type_, keyed = split_key(key)
        spelt = normalize(_UMLAUTS.sub(lambda m: _SPELT[m.group()], name), type_)
        if spelt != keyed:
            self.umlauts[key] = f"{type_}:{spelt}"

    def _add_place(self, key: str, entity: dict, towns: list, regions: set) -> None:
        """Note the gazetteer entry a place entity resolved to under a name of the entry's own, if any; and on
        `towns` a resolution to a lesser namesake with its region, on `regions` a first-level region's codes."""
        gid = _entry_of(entity)
        if gid is None:
            return
        self.geo.setdefault(key, Counter())[gid] += 1
        if gid not in self.entries:
            self.entries[gid] = _Entry.of(entity["geo"])
        geo = entity["geo"]
        region = (str(geo.get("country_code") or ""), str(geo.get("admin1") or ""))
        if self.entries[gid].region:
            regions.add(region)
        elif self.entries[gid].lesser:
            towns.append((key, region))

    def _note_company(self, here: set[str]) -> None:
        """Note the organizations of an article beside its full person names and its one-word thing names."""
        bodies = sorted(k for k in here if k.startswith(_ORG))[:_MAX_NEAR]
        if not bodies:
            return
        for key in here:
            # a type's name has no space: "person:barack obama" is a full name, "organization:uaw" one word
            if (" " in key) if key.startswith(_PERSON) else \
                    ((" " not in key or key in self.hyphened) and key.startswith((_ORG, _PLACE))):
                near = self.company.get(key)
                if near is None:
                    near = self.company[key] = set()
                elif len(near) >= _MAX_NEAR:
                    continue
                for b in bodies:
                    if len(near) >= _MAX_NEAR:
                        break
                    if b != key:
                        near.add(b)

    def _note_apart(self, here: set[str]) -> None:
        """Hold apart the full person names of one family name that an article lists as two people: a father
        beside his son "Jr.", not one person written two ways ("Timothy Geithner", "Tim Geithner")."""
        for group in _families(sorted(here)):
            for name in sorted(group):
                for other in sorted(group):
                    if other != name and not names.one_person_in_story(name, other):
                        apart = self.apart.setdefault(name, set())
                        if len(apart) < _MAX_NEAR:
                            apart.add(other)

    def _note_alone(self, here: set[str]) -> None:
        """Note the one-word names of an article that stand for a person: typed a person, or the family name of a
        person the article names in full."""
        people = [key[len(_PERSON):] for key in here if key.startswith(_PERSON)]
        families = _by_family(people)
        givens = {names.name_tokens(n)[0] for n in people if len(names.name_tokens(n)) >= 2}
        for key in here:
            word = split_key(key)[1]
            if " " not in word and (key.startswith(_PERSON) or word in families):
                self.alone.add(word)
            if " " not in word and key.startswith(_PERSON) and word in givens:
                self.given.add(word)

    def _add_firm(self, s: _Seen, key: str, entity: dict) -> None:
        """Note what an organization's written names say: a legal form, the acronyms of the whole written name, an
        alias that clips the name ("Fed" of "Federal Reserve")."""
        name = key[len(_ORG):]
        _note_written(s, name, entity)
        for a in entity.get("aliases") or ():
            short = normalize(a, "organization")
            if " " not in short and short != name and clipping_of(str(a), str(entity.get("name") or "")):
                self._clip(_ORG + short, key)

    def _clip(self, short: str, longer: str) -> None:
        near = self.clipped.setdefault(short, set())
        if len(near) < _MAX_NEAR:
            near.add(longer)

    def resolve(self) -> dict[str, str]:
        """Return every key's archive-wide key (itself when nothing joins it to another)."""
        if self._final is None:
            resolver = _Resolver(self.seen, self.apart, self.geo, self.clipped, self.alone, self.given,
                                 self.fragments, self.entries, self.openers, self.sited, self.company, self.blends,
                                 self.umlauts, self.hyphened)
            self._final = resolver.run()
            self._split = resolver.split
        return self._final

    def key_of(self, entity: dict) -> str:
        """Return the archive-wide key of one entity: its key's, or, for a place whose name the archive resolves to
        two gazetteer entries, the key of the entry it resolved to ("Georgia" the country and the US state)."""
        final = self.resolve()
        key = local_key(entity)
        if self._split and key.startswith(_PLACE):
            gid = _entry_of(entity)
            if gid is not None and (key, gid) in self._split:
                return self._split[key, gid]
        return final.get(key, key)

    def keys_of(self, entities: list[dict]) -> list[str]:
        """Return the archive-wide keys of one record's entities, a place read as its story places it
        (`_in_story`)."""
        return [self.key_of(e) for e in (_in_story(entities) if self.reread else entities)]

    def rewrite(self, record: dict) -> bool:
        """Set the archive-wide key of every entity of `record` in place; return True when one changed."""
        changed = False
        entities = record.get("entities") or []
        for e, new in zip(entities, self.keys_of(entities), strict=True):
            if e.get("key") != new:
                e["key"] = new
                changed = True
        return changed


def local_key(entity: dict) -> str:
    """Return an entity's key as its article gives it (computed from its name when the record has none)."""
    return entity.get("key") or entity_key(entity.get("name") or "", entity.get("type") or "",
                                           entity.get("aliases") or ())


def _in_story(entities: list[dict]) -> list[dict]:
    """Return a record's entities, a place its story places otherwise re-read: a name of a country and of a
    first-level region of another ("Georgia") that the record resolves to the one inside which its story names no
    place, where the story names places inside the other ("Tbilisi", not "Atlanta": the resolver weighs the story's
    US places and took the state) is a copy with the other entry's geo."""
    named = [i for i, e in enumerate(entities) if (g := e.get("geo")) and isinstance(g, dict)
             and g.get("feature") in ("country", "admin1") and len(_countries_and_regions(str(e.get("name")))) > 1]
    if not named:
        return entities  # most records: no name of a country and a region
    out = list(entities)
    geos = [g if isinstance(g := e.get("geo"), dict) else None for e in entities]
    for i in named:
        e = entities[i]
        entries = _countries_and_regions(str(e.get("name") or ""))
        now = next((x for x in entries if x[0] == e["geo"].get("geonameid")), None)
        if now is None or _inside(now, geos, i):
            continue
        others = [x for x in entries if x is not now and _inside(x, geos, i)]
        if len(others) == 1:
            gid, feature, country, region, population = others[0]
            out[i] = dict(e, geo={"geonameid": gid, "feature": feature, "country_code": country,
                                  "admin1": region or None, "population": population})
    return out


def _inside(entry: tuple[int, str, str, str, int], geos: list[dict | None], skip: int) -> bool:
    """Return True when a story's places (`geos`, but the one at `skip`) name one inside the country or region
    `entry`."""
    gid, feature, country, region, _ = entry
    return any(g is not None and n != skip and g.get("geonameid") != gid and g.get("country_code") == country
               and g.get("feature") != "country" and (feature == "country" or g.get("admin1") == region)
               for n, g in enumerate(geos))


@lru_cache(maxsize=4096)
def _countries_and_regions(name: str) -> tuple[tuple[int, str, str, str, int], ...]:
    """Return the countries and first-level regions that `name` is a name of their own: (GeoNames id, feature,
    country code, region code, population)."""
    from newskit.geo.gazetteer import gazetteer  # only records with resolved places open the index

    return tuple((h.place.geonameid, h.place.feature, h.place.country_code, h.place.admin1, h.place.population)
                 for h in gazetteer().lookup(name) if h.own_name and h.place.feature in ("country", "admin1"))


def _entry_of(entity: dict) -> int | None:
    """Return the gazetteer entry a place entity resolved to under a name of the entry's own (not a place it falls
    back to: "London Heathrow" resolved to London), else None."""
    geo = entity.get("geo")
    gid = geo.get("geonameid") if isinstance(geo, dict) else None
    return gid if isinstance(gid, int) and _names_entry(str(entity.get("name") or ""), gid) else None


def _prominent(geo: dict) -> bool:
    """Return True for a country, a first-level region or a large city (a record's geo)."""
    population = geo.get("population")
    return geo.get("feature") in ("country", "admin1") or (isinstance(population, int) and population >= LARGE_CITY)


def _entry_label(geo: dict) -> str:
    """Return what tells a gazetteer entry from its namesakes, from a record's geo: its country's code, and its
    state's or province's unless it is a country ("ge" for Georgia the country, "us-ga" for the state)."""
    country = str(geo.get("country_code") or "").lower()
    admin1 = str(geo.get("admin1") or "").lower() if geo.get("feature") != "country" else ""
    return "-".join(p for p in (country, admin1) if p) or str(geo.get("geonameid"))


def _note_written(s: _Seen, name: str, entity: dict) -> None:
    """Note on `s` what the written forms of an organization (`name`: its key's name) say that its key does not: a
    legal form ("Inc.", "Group") and the acronyms only the whole name with its legal form gives ("AIG")."""
    written = [x for x in (str(entity.get("name") or ""), *(str(a) for a in entity.get("aliases") or ()))
               if _legal_form(fold(x).split())]
    s.legal = s.legal or bool(written)
    s.owned = s.owned or bool(_POSSESSIVE_FIRST.match(str(entity.get("name") or "")))
    extra = {a for x in written if not acronym_of(x) for a in initials(x)} - initials(name.title())
    if extra and len(s.written or ()) < _MAX_NEAR:
        s.written = (s.written or frozenset()) | extra


def _legal_form(words: list[str]) -> bool:
    """Return True when a name's words (folded) end in a legal form ("goldman sachs group inc")."""
    return len(words) > 1 and (words[-1] in LEGAL_FORMS or " ".join(words[-2:]) in LEGAL_FORMS)


def _evidence(entity: dict) -> int:
    """Return how much one entity's article says for its type, in thousandths: more mentions, more cues behind the
    type the article gave it, with diminishing returns (1 mention 1, 4 mentions 3, 16 mentions 5). Whole numbers,
    so that sums do not depend on the order of the records."""
    mentions = entity.get("count")
    if not isinstance(mentions, int):
        mentions = len(entity.get("mentions") or ())
    return _WEIGHTS[mentions] if 0 <= mentions < len(_WEIGHTS) else round(1000 * (1 + math.log2(mentions)))


_WEIGHTS = tuple(round(1000 * (1 + math.log2(max(n, 1)))) for n in range(64))


def _families(keys: Iterable[str]) -> Iterator[set[str]]:
    """Yield the sets of two or more full person names (keys' names) of one article that share a family name."""
    by_family = _by_family(key[len(_PERSON):] for key in keys if key.startswith(_PERSON))
    yield from (g for g in by_family.values() if len(g) > 1)


def _by_family(people: Iterable[str]) -> dict[str, set[str]]:
    """Return the full person names among `people` (names of two words or more) by their family name."""
    out: dict[str, set[str]] = {}
    for name in people:
        toks = names.name_tokens(name)
        if len(toks) >= 2:
            out.setdefault(toks[-1], set()).add(name)
    return out


def _clippings(orgs: dict[str, str]) -> Iterator[tuple[str, str]]:
    """Yield (short, long) organization keys of one article (`orgs`: the names of its organization keys, each with
    a name as written) where the one-word short name is a clipping of the long name ("fed" and "Federal Reserve",
    "citi" and "Citigroup"; `grouping.clipping_of`), unless it opens a longer name of the article ("ford" of "ford
    motor")."""
    heads = {n.split(" ", 1)[0] for n in orgs if " " in n}
    shorts = sorted(n for n in orgs if " " not in n and len(n) >= 3 and n not in heads)
    if not shorts:
        return
    for long in sorted(orgs):
        for short in shorts:
            if clipping_of(orgs[short], orgs[long]):
                yield _ORG + short, _ORG + long


class _Resolver:
    def __init__(self, seen: dict[str, _Seen], apart: dict[str, set[str]], geo: dict[str, Counter[int]],
                 clipped: dict[str, set[str]], alone: set[str], given: set[str], fragments: set[str],
                 entries: dict[int, _Entry], openers: set[str], sited: set[str], company: dict[str, set[str]],
                 blends: dict[str, str], umlauts: dict[str, str], hyphened: set[str]):
        self.seen = seen
        self.clipped = clipped
        self.apart = apart
        self.alone = alone
        self.given = given
        self.fragments = fragments
        self.geo = geo
        self.entries = entries
        self.openers = openers
        self.sited = sited
        self.company = company
        self.blends = blends
        self.umlauts = umlauts
        self.hyphened = hyphened
        self.parent: dict[str, str] = {}
        self.split: dict[tuple[str, int], str] = {}  # (place key, entry) -> its own key, for names of two places
        self.main: dict[str, int] = {}  # a place key split by its entries -> the entry of those keeping the key

    def run(self) -> dict[str, str]:
        typed = self._one_type_per_name()
        present: dict[str, int] = {}  # the keys after step 1, each with its articles
        for key, new in typed.items():
            present[new] = present.get(new, 0) + self.seen[key].articles
        self.weight = present
        self.seen_articles = dict(present)  # the articles of each key after step 1 (`weight` grows with joins)
        self.caps = {new for key, new in typed.items() if self.seen[key].caps}
        self.legal = {new for key, new in typed.items() if self.seen[key].legal}
        self.owned = {new for key, new in typed.items() if self.seen[key].owned}
        self.written: dict[str, frozenset[str]] = {}
        for key, new in typed.items():
            w = self.seen[key].written
            if w:
                self.written[new] = self.written.get(new, frozenset()) | w
        self.parent = {k: k for k in present}
        self._split_places(typed)
        by_name: dict[tuple[str, str], str] = {split_key(k)[::-1]: k for k in present}
        self._spacing(by_name, typed)
        self._aliases(typed, by_name)
        self._acronyms(by_name)
        self._person_variants(by_name)
        self._people(by_name)
        self._clippings(typed)
        self._blends(typed, by_name)
        self._glued_forms(by_name)
        self._firm_short_names(by_name)
        self._named_otherwise(by_name)
        self._country_prefix(by_name)
        self._lone_family_names(by_name, typed)
        self._one_place(typed)
        self.split = {pair: self._find(sub) for pair, sub in self.split.items()}
        return {key: self._find(new) for key, new in typed.items()}

    # ------------------------------------------------------- union: the full name leads, else the heaviest key
    def _find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def _join(self, a: str, b: str, *, into: bool = False) -> None:
        """Join the identities of keys `a` and `b`. The key with more articles leads (the longer one when as many),
        except that with `into` (`a` is a surname, acronym or clipping of the name `b`) one word never leads a name
        of several: "person:barack obama" however many articles say "Obama"."""
        a, b = self._find(a), self._find(b)
        if a == b:
            return
        wa, wb = self.weight[a], self.weight[b]
        if into and (" " in split_key(a)[1]) != (" " in split_key(b)[1]):
            lead, other = (a, b) if " " in split_key(a)[1] else (b, a)
        else:
            lead, other = (b, a) if (wb, len(b), a) > (wa, len(a), b) else (a, b)
        self.parent[other] = lead
        self.weight[lead] = wa + wb

    def _join_all(self, keys: list[str]) -> None:
        """Join the identities of all `keys` into one."""
        for other in keys[1:]:
            self._join(keys[0], other)

    def _target(self, cands: Iterable[str]) -> str | None:
        roots = {self._find(c) for c in cands}
        return roots.pop() if len(roots) == 1 else None

    # ---------------------------------------------------------------- the steps
    def _one_type_per_name(self) -> dict[str, str]:
        by_name: dict[str, Counter[str]] = {}
        for key, s in self.seen.items():
            type_, name = split_key(key)
            by_name.setdefault(name, Counter())[type_] += s.weight
        for key, s in self.seen.items():
            # a name an article gives as an alias of a longer name votes for that name's type too: "Trump" is
            # mostly keyed as "Donald Trump", so its articles as a key of its own undercount the person against
            # the model's stray place or organization "Trump" (the longer name's evidence per article, times the
            # articles giving the alias: not all the articles of the longer name)
            type_, name = split_key(key)
            for alias, articles in s.aliases.items():
                if alias in by_name and alias != name:
                    by_name[alias][type_] += articles * s.weight // max(s.articles, 1)
        family = self._family_votes(by_name)
        out = {}
        for key in self.seen:
            type_, name = split_key(key)
            pool = dict(by_name[name])
            votes, people_articles = family.get(name, (0, 0))
            if votes and not (self._legal(_ORG + name) or self._caps(_ORG + name) or self._a_place(name)
                              or "nationality:" + name in self.seen):
                # the family name of the one person of the archive: his full names vote for it where no article
                # writes it as a firm's (a legal form, capitals) or a place's ("Bernanke" beside "Ben S. Bernanke";
                # "Ford Motor Co." keeps "Ford" a firm, "Madison, Wisconsin" is no "Joe Madison")
                pool["person"] = pool.get("person", 0) + votes
            else:
                people_articles = 0
            best = max(sorted(pool), key=lambda t: pool[t])
            # things of one name share a type by the larger evidence; a person and a thing only when one side has
            # twice the evidence of the other ("Chrysler" once typed a person). A name of two words or more that
            # does not open with a known given name is a person on weaker grounds: the thing needs as much evidence
            # only ("Lockheed Martin", an organization in one article, a person in another), and so is a name some
            # article writes with a legal form ("Chrysler LLC": "Chrysler" typed a person elsewhere is the firm) or
            # a person's name written as an acronym ("BofA"), and
            # the family name of one person whom two articles or more name in full ("Paulson asked Congress")
            if (best in _THINGS) != (type_ in _THINGS):
                unnamed = type_ == "person" and len(name.split()) >= 2 and name.split()[0] not in _given_names()
                firm = type_ == "person" and best == "organization" and (self._legal(_ORG + name)
                                                                         or self.seen[key].caps)
                surname = best == "person" and people_articles >= 2
                if pool[best] < (1 if unnamed or firm or surname else 2) * pool[type_]:
                    best = type_
                elif type_ == "organization" and self.seen[key].legal:
                    best = type_  # "Paulson & Co." is a firm, however often the archive's "Paulson" is a person
            elif type_ == best == "organization" and people_articles >= 2 and pool["person"] >= pool[type_]:
                best = "person"  # as much evidence each way: the one person named in full is the surer reading
            out[key] = f"{best}:{name}" if best != type_ else key
        return out

    def _a_place(self, name: str) -> bool:
        """Return True when some article types `name` a place the gazetteer resolves to a country, region or large
        city ("Madison, Wisconsin"), or to a lesser namesake in a story that names its region ("Wakefield,
        Massachusetts"): not a lone "Wagoner" the model took for a place and the gazetteer for a town of 9,000 in
        Oklahoma, nor a name it does not know as a place."""
        key = _PLACE + name
        return key in self.sited or any(not self.entries[g].lesser for g in self.geo.get(key, ()))

    def _legal(self, key: str) -> bool:
        s = self.seen.get(key)
        return s is not None and s.legal

    def _caps(self, key: str) -> bool:
        s = self.seen.get(key)
        return s is not None and s.caps

    def _family_votes(self, by_name: dict[str, Counter[str]]) -> dict[str, tuple[int, int]]:
        """Return, for each one-word name that is the family name of one person of the archive (full names that
        all fit each other: "Ben S. Bernanke", "Ben Bernanke"; not "Adam Green", "Benjamin Green"), the evidence of
        the articles that give the full name but not the family name alone, and the articles of the full names. A
        full name opens with a given name or an initial ("App Store" the model took for a person does not vote).
        Only a name that some article writes for a person alone votes so: typed a person, given as a person's alias,
        or beside a full name of that family in one article."""
        fulls: dict[str, list[str]] = {}
        for key in self.seen:
            type_, name = split_key(key)
            toks = names.name_tokens(name) if type_ == "person" else ()
            if len(toks) >= 2 and toks[-1] in by_name and (len(toks[0]) == 1 or _given(toks[0])):
                fulls.setdefault(toks[-1], []).append(name)
        out = {}
        for word, people in fulls.items():
            if len(people) > _MAX_NEAR or any(not names.same_person(a, b) for a in people for b in people if a < b):
                continue
            seen = [self.seen[_PERSON + p] for p in people]
            if word not in self.alone and not any(s.aliases.get(word) for s in seen):
                continue  # no article writes the word for a person: "Young" in a headline is not "Grant Young"
            out[word] = (sum((s.articles - s.aliases.get(word, 0)) * s.weight // max(s.articles, 1) for s in seen),
                         sum(s.articles for s in seen))
        return out

    def _spacing(self, by_name: dict[tuple[str, str], str], typed: dict[str, str]) -> None:
        """Names of a thing that differ in their spaces only are one ("RealClearPolitics", "Real Clear Politics";
        "Wal-Mart", "Walmart"; "J.P. Morgan", "JPMorgan"); people's names are left to step 4. A name written with an
        umlaut is the name spelt with its vowel and "e" ("Steinbrück", "Steinbrueck"), a person's too."""
        spelt: dict[tuple[str, str], list[str]] = {}
        for (name, type_), key in sorted(by_name.items()):
            if type_ != "person":
                spelt.setdefault((name.replace(" ", ""), type_), []).append(key)
        for keys in spelt.values():
            self._join_all(keys)
        for key, other in sorted(self.umlauts.items()):
            # "Peer Steinbrück" and "Peer Steinbrueck": an umlaut and the vowel and "e" English news writes for it
            key, other = typed.get(key, key), typed.get(other, other)
            if split_key(key)[0] == split_key(other)[0] and key in self.parent and other in self.parent:
                self._join(key, other)

    def _aliases(self, typed: dict[str, str], by_name: dict[tuple[str, str], str]) -> None:
        holders: dict[str, set[str]] = {}  # an existing key -> the keys whose entities list it as an alias
        for key, s in self.seen.items():
            new = typed[key]
            type_ = split_key(new)[0]
            for alias, articles in sorted(s.aliases.items()):
                other = by_name.get((alias, type_))
                if other is None or other == new or (type_ == "person" and len(alias.split()) == 1):
                    continue
                # an alias that is part of the name or its initials ("Ford" of "Ford Motor", "GM"), or one the
                # archive gives as often as a quarter of the name's own articles; not a name of its own that one
                # article's grouping glued to another ("State Department" to "Department of Homeland Security")
                if _part_of(alias, split_key(new)[1]) or 4 * articles >= self.seen_articles.get(other, 0):
                    holders.setdefault(other, set()).add(new)
        for other in sorted(holders):
            held = sorted(holders[other])
            if len({self._find(h) for h in held}) > 1 and split_key(other)[0] == "organization" \
                    and all(_compatible(split_key(a)[1], split_key(b)[1]) for a in held for b in held if a < b):
                # "EADS" for "European Aeronautic Defence and Space" and "... Defense ...": one name spelt two ways,
                # or cut short by one article
                self._join_all(held)
            target = self._target(held)
            if target is not None:
                # a surname or an acronym gives way to the full name; "Apple" keeps its key against "Apple
                # Computer" when more articles use it
                self._join(other, target, into=split_key(other)[0] == "person" or other in self.caps)

    def _acronyms(self, by_name: dict[tuple[str, str], str]) -> None:
        longs: dict[tuple[str, str], set[str]] = {}
        for (name, type_), key in by_name.items():
            if type_ in ("organization", "place") and " " in name:
                for a in initials(name.title()) | self.written.get(key, frozenset()):
                    longs.setdefault((a.lower(), type_), set()).add(key)
        for (name, type_), key in sorted(by_name.items()):
            letters = name.replace(" and ", "") if _LETTERS_AND.fullmatch(name) else name  # "S&P", "AT&T"
            if type_ not in ("organization", "place") or not _ACRONYM.fullmatch(letters):
                continue
            if key not in self.caps or (type_ == "place" and self._entry(key) is not None):
                continue  # "Pa." the gazetteer resolves to Pennsylvania is not "Park Avenue"
            cands = longs.get((letters, type_), set()) - {key}
            # an acronym its article lists beside the name it fits as another body (the organizations named in its
            # articles, `company`), and no article gives as that name's alias, is another body's: "Chevrolet,
            # Cadillac, Buick and GMC" beside "General Motors", its brand
            beside = self.company.get(key, ())
            if any(c in beside and name not in self.seen[c].aliases for c in cands if c in self.seen):
                continue
            target = self._target(cands) if cands else None
            # an acronym the archive uses far more often than the one long name it fits is another body's: "ISIS"
            # of a think tank named once ("Institute for Science and International Security")
            if target is not None and 4 * self.weight[target] >= self.seen_articles[key]:
                self._join(key, target, into=True)

    def _kept_apart(self, name: str, target: str) -> bool:
        """Return True when an article lists a person of the identity `target` beside the person `name` as another
        person (a father beside his son of the same name)."""
        return any(self.parent.get(_PERSON + o) is not None and self._find(_PERSON + o) == target
                   for o in self.apart.get(name, ()))

    def _person_variants(self, by_name: dict[tuple[str, str], str]) -> None:
        """Full names of one person written two ways in different articles ("Rick Wagoner", "G. Richard Wagoner
        Jr."): the one full name of the same family name that the name fits (`names.same_person`), unless a name fits
        two full names that do not fit each other (the link is not transitive). A family name that
        more than _MAX_FAMILY full names share is too common for a given name to tell its people apart."""
        families = _by_family(name for name, type_ in by_name if type_ == "person")
        for family in sorted(families):
            members = sorted(families[family])
            if not 2 <= len(members) <= _MAX_FAMILY:
                continue
            fits, torn = names.fits_and_torn(members, names.same_person)
            # a name that fits two names an article lists as two people ("Walter J. Penrose" beside a father and his
            # son "Jr.") is torn between them too
            torn |= {a for a in members if any(c in self.apart.get(b, ()) for b in fits[a] for c in fits[a])}
            for name in members:
                if name in torn:
                    continue
                # the names a name fits that fit no two names apart fit each other: one person written three ways
                # ("Henry Paulson", "Henry M. Paulson Jr.", "Hank Paulson") is joined whole
                for other in fits[name]:
                    target = self._find(_PERSON + other)
                    if other not in torn and not self._kept_apart(name, target):
                        self._join(_PERSON + name, target)

    def _people(self, by_name: dict[tuple[str, str], str]) -> None:
        full: dict[str, list[str]] = {}
        for (name, type_), key in by_name.items():
            if type_ == "person" and len(name.split()) >= 2:
                for w in set(names.name_tokens(name)):
                    full.setdefault(w, []).append(key)
        people = sorted((name, key) for (name, type_), key in by_name.items() if type_ == "person")
        # full names first, so that "Ruth Kessler" has joined "Ruth A. Kessler" before "Kessler" asks which one
        # full name it is: one person written two ways is one candidate, not two
        for name, key in sorted(people, key=lambda p: (len(names.name_tokens(p[0])) < 2, p)):
            toks = names.name_tokens(name)
            if not toks:
                continue
            cands = [f for f in full.get(toks[-1], ()) if f != key and names.is_short_form(name, split_key(f)[1])]
            if len(toks) == 1 and name not in self.given and any(
                    names.name_tokens(split_key(f)[1])[-1] != toks[0] and not self._alias_of(name, f) for f in cands):
                # a given name alone joins a full name it opens only where some article writes the two together
                # ("Hillary" beside "Hillary Clinton"), or gives it as his alias: "Grant", a pitcher's son in one
                # story, is not the "Grant Young" of others
                continue
            if len(toks) >= 2:
                # "Donald Trump" is "Donald J. Trump" (same given name, a middle name added), not "Rip Donald
                # Trump" (words glued in front, mostly a title or a stray word the model took in); and not
                # "George H. W. Bush" for "George W. Bush" (a middle name of its own: `names.same_person`)
                same = [f for f in cands if names.name_tokens(split_key(f)[1])[:1] == toks[:1]]
                cands = [f for f in same if names.same_person(name, split_key(f)[1])] if same else cands
            target = self._target(cands) if cands else None
            if target is not None and not self._kept_apart(name, target):
                self._join(key, target, into=True)

    def _alias_of(self, name: str, key: str) -> bool:
        """Return True when some article gives `name` as an alias of the key `key`."""
        s = self.seen.get(key)
        return s is not None and s.aliases.get(name, 0) > 0

    def _clippings(self, typed: dict[str, str]) -> None:
        """A one-word organization name that is a clipping of a longer name an article gives beside it or as its
        alias ("Fed" beside or for "Federal Reserve") is that name when the archive's articles give it one such
        name only, or names whose words all open with one of them (the "Federal Reserve", not the "Federal Reserve
        Bank of New York")."""
        for short in sorted(self.clipped):
            longs = self.clipped[short]
            new = typed.get(short)
            if new is None or not new.startswith(_ORG) or new in self.caps or len(longs) >= _MAX_NEAR:
                continue  # a name beside too many longer names to keep them all is ambiguous
            cands = {typed.get(k, k) for k in longs}
            if all(c.startswith(_ORG) for c in cands):
                target = self._target(cands)
                parent = parent_name([c[len(_ORG):] for c in cands]) if target is None else None
                if parent is not None:  # "Fed" beside "Federal Reserve" and "Federal Reserve Bank of New York"
                    target = self._find(_ORG + parent)
                if target is not None:
                    self._join(new, target, into=True)

    def _blends(self, typed: dict[str, str], by_name: dict[tuple[str, str], str]) -> None:
        """A one-word organization name written as the first letters of a longer name's words run together ("WaMu"
        of "Washington Mutual", "FedEx" of "Federal Express"; `grouping.clipping_of`) is the one organization of the
        archive it so clips, or the one whose words open all the others it clips, though no story writes the two
        together."""
        if not self.blends:
            return
        by_start: dict[str, list[str]] = {}  # the first two letters of an organization's name -> its names
        for name, type_ in by_name:
            if type_ == "organization" and " " in name:
                by_start.setdefault(name[:2], []).append(name)
        for key, written in sorted(self.blends.items()):
            new = typed[key]
            if not new.startswith(_ORG) or new in self.caps:
                continue
            cands = {by_name[name, "organization"] for name in by_start.get(written[:2].lower(), ())
                     if clipping_of(written, name.title())}
            target = self._target(cands) if cands else None
            parent = parent_name([c[len(_ORG):] for c in cands]) if cands and target is None else None
            if parent is not None:  # "WaMu" of "Washington Mutual" and "Washington Mutual Bank": the first
                target = self._find(_ORG + parent)
            if target is not None:
                self._join(new, target, into=True)

    def _glued_forms(self, by_name: dict[tuple[str, str], str]) -> None:
        """A one-word organization name that one other name of the archive is with a legal form glued to it ("Citi",
        "Citigroup") is that name, though no article writes the two together: the glued form is the firm's own
        name, the short one its clipping (`grouping.clipping_of`). Not an acronym ("ABC" is not "ABCGroup")."""
        for (name, type_), key in sorted(by_name.items()):
            if type_ != "organization" or " " in name or len(name) < 3 or key in self.caps:
                continue
            cands = {k for suffix in _GLUED if (k := by_name.get((name + suffix, type_))) is not None}
            target = self._target(cands) if cands else None
            if target is not None:
                self._join(key, target, into=True)

    def _firm_short_names(self, by_name: dict[tuple[str, str], str]) -> None:
        """An organization's name that is the leading words of one firm's name only, a name the archive writes with
        a legal form ("Goldman" of "Goldman Sachs Group Inc.", "Lehman" of "Lehman Brothers Holdings Inc."), is that
        firm, where no article spells both out; so is the one word of a firm's name written with it as a possessive
        ("Moody's" of "Moody's Investors Service"). Not a name that opens the names of other bodies too ("American":
        "American Airlines", "American International Group"), nor one an article types a place or nationality,
        nor a name written with a legal form itself ("Boeing Co." is no short name of "Boeing Capital Corp."), nor
        one the archive uses four times as often as the firm's (a parent's name is not its subsidiary's), nor an
        acronym or a name joined to a longer one already ("GM", "General Motors" is not "GM Daewoo Auto Co."):
        leading words of a name that is no firm's are not evidence enough ("Boeing" is not "Boeing Air Force")."""
        starts: dict[str, set[str]] = {}
        for (name, type_), key in by_name.items():
            words = name.split()
            if type_ == "organization" and 1 < len(words) <= _MAX_NEAR:
                for n in range(1, len(words)):
                    starts.setdefault(" ".join(words[:n]), set()).add(key)
        for (name, type_), key in sorted(by_name.items()):
            if type_ != "organization" or key in self.legal or key in self.caps or name not in starts \
                    or _PLACE + name in self.seen or "nationality:" + name in self.seen \
                    or " " in split_key(self._find(key))[1]:
                continue  # an acronym is the acronym steps' ("GM" is not "GM Daewoo"); a name joined already stays
            longer = starts[name] - {key}
            target = self._target(longer)
            firm = any(k in self.legal or (name not in self.openers and _trade_name(name, split_key(k)[1]))
                       for k in longer) \
                or (" " not in name and any(k in self.owned for k in longer))
            if target is not None and firm and 4 * self.weight[target] >= self.weight[self._find(key)]:
                self._join(key, target, into=True)

    def _named_otherwise(self, by_name: dict[tuple[str, str], str]) -> None:
        """One body under two conventional names: "Department of the Treasury" and "Treasury Department" (a body's
        head word before or after its field), "Treasury Department" and the "Treasury" (a department's or ministry's
        head word left out, when an article names the body so), "Federal Reserve System" or "Board" and "Federal
        Reserve", the "Group of Seven" or "of 20" and the "G7", "G-20", "the Big Board" and
        "New York Stock Exchange" or its acronym "NYSE" (a nickname of the short table
        `lexicon/body_nicknames.tsv`: no text spells such a nickname out). A bare field that some article gives
        beside another body's name it ends ("Commerce" beside "Chamber of Commerce") may be a piece of that name: it
        joins no department."""
        fields = self.fragments
        for (name, type_), key in sorted(by_name.items()):
            if type_ != "organization":
                continue
            of = _HEAD_OF.fullmatch(name)
            other = f"{of.group(2)} {of.group(1)}" if of else _BODY_NICKNAMES.get(name)
            whole = name.rsplit(" ", 1)
            group = _GROUP_OF.fullmatch(name)
            if other is None and group and (n := _NUMBERS.get(group.group(1), group.group(1))).isdigit():
                other = next((g for g in (f"g{n}", f"g {n}") if (g, type_) in by_name), None)  # the "G7", the "G-7"
            elif other is None and len(whole) == 2 and whole[1] in ("system", "board") and " " in whole[0]:
                other = whole[0]  # the "Federal Reserve System", the "Federal Reserve Board": the Fed
            elif other is None and len(whole) == 2 and whole[1] in _DEPARTMENTS and (whole[0], type_) in by_name \
                    and whole[0] not in fields:
                other = whole[0]  # the "Treasury Department" is the "Treasury" another article names
            target = by_name.get((other, type_)) if other else None
            if target is None and of and of.group(1) in _DEPARTMENTS and of.group(2) not in fields:
                target = by_name.get((of.group(2), type_))  # the "Department of the Treasury", the "Treasury"
            if target is None and other and name in _BODY_NICKNAMES:
                # "the Big Board" in an archive that writes the "NYSE" but never "New York Stock Exchange"
                target = self._target(k for a in initials(other.title())
                                      if (k := by_name.get((a.lower(), type_))) is not None and k in self.caps)
            if target is not None:
                self._join(key, target, into=True)

    def _country_prefix(self, by_name: dict[tuple[str, str], str]) -> None:
        """"U.S. Army", "US Federal Reserve" are the "Army", the "Federal Reserve" of the archive, unless the archive
        names another country's too ("UK Army"): then the bare name could be either."""
        others: set[str] = set()  # names that follow another country's name in an organization's name
        for name, type_ in by_name:
            words = name.split()
            if type_ == "organization" and len(words) >= 2 and words[0] != "us":
                others.update(" ".join(words[n:]) for n in (1, 2) if len(words) > n
                              and _country(" ".join(words[:n])))
        for (name, type_), key in sorted(by_name.items()):
            words = name.split()
            if type_ == "organization" and len(words) >= 2 and words[0] == "us" and " ".join(words[1:]) not in others:
                rest = by_name.get((" ".join(words[1:]), type_))
                if rest is not None:
                    self._join(key, rest, into=True)

    def _lone_family_names(self, by_name: dict[tuple[str, str], str], typed: dict[str, str]) -> None:
        """A one-word organization or place name, or a hyphenated one ("Strauss-Kahn"), that is no common word
        ("Gettelfinger", "Geithner": not "Green")
        and the family name of the one person of the archive (his full names all fit each other), in stories that
        name a body a story naming him in full names too (by the identities joined so far: "UAW" beside "United
        Auto Workers"), is that person, where no story writes it as a firm's (a legal form, capitals, the first word
        of an organization's name) or as a place the gazetteer knows in its region, and the stories typing it so
        have at most twice his articles: the model's type of a surname with no first name in its story is a guess
        the archive can correct. "Menendez" in a story that shares no body with the senator's stories may be
        another Menendez, and stays apart."""
        families = _by_family(name for name, type_ in by_name if type_ == "person")
        # the first words of the archive's organization names: "Porsche" of "Porsche Automobil Holding" is a firm's
        firms: dict[str, set[str]] = {}
        for name, type_ in by_name:
            if type_ == "organization" and " " in name:
                firms.setdefault(name.split(" ", 1)[0], set()).add(name)
        lone = [(name, key) for (name, type_), key in sorted(by_name.items())
                if type_ in ("organization", "place") and (" " not in name or key in self.hyphened)
                and name.rsplit(" ", 1)[-1] in families and not firms.get(name.split(" ", 1)[0], set()) - {name}
                and self._find(key) == key and key not in self.caps and key not in self.legal
                and not self._a_place(name)]
        uncommon, nouns = _uncommon({w for name, _ in lone for w in name.split()}) if lone else (set(), set())
        for name, key in lone:
            words = name.split()
            if not all(w in uncommon for w in words):
                continue
            # his full names: those that end with the name and give more ("Dominique Strauss-Kahn")
            people = sorted(p for p in families[words[-1]] if len(toks := names.name_tokens(p)) > len(words)
                            and list(toks[-len(words):]) == words)
            if not people or len(people) > _MAX_NEAR \
                    or any(not names.same_person(a, b) for a in people for b in people if a < b):
                continue
            if set(words) & nouns and sum(self.seen[_PERSON + p].articles for p in people) < 2:
                continue  # a noun ("Hall" of "Hall of Famer") is his where two stories at least name him in full
            target = self._target(_PERSON + p for p in people)
            if target is None or 2 * self.weight[target] < self.weight[key]:
                continue
            near = {self._find(typed[b]) for t in (_ORG, _PLACE) for b in self.company.get(t + name, ())}
            if near & {self._find(typed[b]) for p in people for b in self.company.get(_PERSON + p, ())}:
                self._join(key, target, into=True)

    def _split_places(self, typed: dict[str, str]) -> None:
        """A place name whose entities the archive resolves to two gazetteer entries or more (countries, first-level
        regions or large cities: a lesser namesake is too often the resolver's slip; a region and the city of its
        name inside it are one) names that many places ("Georgia" the country and the US state, "Washington" the
        capital and the state): its entities resolved to the entry most of them agree on keep the name's key (with
        those not resolved or resolved to a lesser namesake), the others get a key of their entry's own, the name and
        what tells the entry apart ("place:georgia (us-ga)"), and join what names that entry in step 9. Keys are one
        archive's: a name resolved to one entry only keeps its plain key."""
        for key in sorted(self.geo):
            new = typed.get(key, key)
            entries = Counter({g: n for g, n in self.geo[key].items() if not self.entries[g].lesser})
            within: dict[int, int] = {}  # a region -> the city of its name inside it: one place ("Jerusalem")
            for region in sorted(g for g in entries if self.entries[g].region):
                city = next((g for g in sorted(entries) if not self.entries[g].region
                             and self.entries[g].label == self.entries[region].label), None)
                if city is not None:
                    entries[city] += entries.pop(region)
                    within[region] = city
            if len(entries) < 2 or not new.startswith(_PLACE):
                continue
            main = max(sorted(entries), key=lambda g: entries[g])
            self.main[key] = main
            labels = Counter(self.entries[g].label for g in entries)
            for gid in sorted(entries):
                if gid == main:
                    continue
                label = self.entries[gid].label
                sub = f"{new} ({label if labels[label] == 1 else f'{label}-{gid}'})"
                self.split[key, gid] = sub
                if sub not in self.parent:
                    self.parent[sub], self.weight[sub], self.seen_articles[sub] = sub, 0, 0
                self.weight[sub] += entries[gid]
                self.seen_articles[sub] += entries[gid]
            for region, city in within.items():
                if (key, city) in self.split:
                    self.split[key, region] = self.split[key, city]

    def _entry(self, key: str) -> int | None:
        """Return the gazetteer entry that three quarters of the resolved entities of the place `key` agree on (for
        a name split by its entries, the entry of those that keep its key)."""
        if key in self.main:
            return self.main[key]
        entries = self.geo.get(key)
        if not entries:
            return None
        gid, n = max(sorted(entries.items()), key=lambda kv: kv[1])
        return gid if n >= _GEO_SHARE * sum(entries.values()) else None

    def _one_place(self, typed: dict[str, str]) -> None:
        """Place names that the gazetteer resolves to one entry, each by a name of that entry, are one place: "NY"
        and "New York", "Saigon" and "Ho Chi Minh City", "Calif." and "California". A name counts for the entry
        that three quarters of its resolved entities agree on, each part of a name split by its entries
        (`_split_places`) for its own entry: "Washington" resolved now to the state, now to the capital, joins
        "Washington State" where it is the state."""
        places: dict[int, list[str]] = {}
        for key in sorted(self.geo):
            new, gid = typed.get(key, key), self._entry(key)
            if new.startswith(_PLACE) and gid is not None:
                places.setdefault(gid, []).append(new)
        for (_, gid), sub in sorted(self.split.items()):
            places.setdefault(gid, []).append(sub)
        for keys in places.values():
            self._join_all(keys)


@lru_cache(maxsize=8192)
def _names_entry(name: str, geonameid: int) -> bool:
    """Return True when `name` is a name of the gazetteer entry `geonameid` (not a place it falls back to: "London
    Heathrow" resolved to London)."""
    from newskit.geo.gazetteer import gazetteer  # only records with resolved places open the index

    return any(h.place.geonameid == geonameid for h in gazetteer().lookup(name))


def _uncommon(words: set[str]) -> tuple[set[str], set[str]]:
    """Return those of `words` (one-word names, key form) that are no verb, adjective or adverb of English, nor the
    plural of one ("Gettelfinger", "Wagoner"; not "Green", "Show", "Young", "Banks"), and those of them that are
    nouns ("Wagoner", "Hall"), by the pipeline's lemmatizer tables (WordNet's words: the type vote's dictionary),
    read for the call from the pipeline's files without loading spaCy; none where the pipeline has no such tables.
    A noun is no bar: many family names are one ("Wagoner", "Baker")."""
    asked = {w for w in words if w.isalpha()}
    index = _lemma_index() if asked else None
    if not index:
        return set(), set()
    forms = asked | {w[:-1] for w in asked if w.endswith("s")}
    # the tables' parts of speech are keyed by hashes: the nouns are the longest list (WordNet's nouns outnumber its
    # verbs, adjectives and adverbs together several times over)
    nouns = max(index.values(), key=len)
    common = {w for listed in index.values() if listed is not nouns for w in listed if w in forms}
    uncommon = {w for w in asked if w not in common and not (w.endswith("s") and w[:-1] in common)}
    return uncommon, {w for w in nouns if w in uncommon}


def _lemma_index() -> dict | None:
    """Return the lemmatizer's index of words by part of speech from the pipeline's files, or None."""
    import importlib.util

    import srsly  # type: ignore[import-untyped]  # spaCy's serializer, installed with it

    name = model_name(None)
    root: Path | None = Path(name) if Path(name).exists() else None
    if root is None:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        folders = list(spec.submodule_search_locations or ()) if spec is not None else []
        root = Path(folders[0]) if folders else None
    tables = "lemmatizer/lookups/lookups.bin"
    files = sorted(root.glob(tables)) + sorted(root.glob("*/" + tables)) if root is not None else []
    if not files:
        return None
    index = srsly.read_msgpack(files[0]).get("lemma_index")
    return index if isinstance(index, dict) else None


@lru_cache(maxsize=4096)
def _country(words: str) -> bool:
    return places.country_code(words) is not None


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """The given names in the form keys are written in (diacritics dropped: "jose" of "José")."""
    return frozenset(fold(w) for w in names.given_names())


def _given(word: str) -> bool:
    """Return True for a given name (key form): a known one, or the short form that opens one the nicknames table
    gives it for ("ben" of "benjamin"; not "app", which it lists for "absalom")."""
    return word in _given_names() or any(n.startswith(word) for n in names.nicknames().get(word, ()))


def _trade_name(short: str, name: str) -> bool:
    """Return True when the organization `name` ends in a word of a firm's trade that makes `short`, its leading
    words, that firm's short name: "Cerberus Capital Management", "Lehman Brothers"; not a trade word right after
    them that names an arm of the firm `short` names ("Barclays Capital")."""
    last = name.rsplit(" ", 1)[-1]
    return last in _FIRM_HEADS and not (last in _ARMS and name == f"{short} {last}")


def _part_of(alias: str, name: str) -> bool:
    """Return True when the normalized `alias` is words of `name` or its initials ("ford" of "ford motor", "gm" of
    "general motors")."""
    return set(alias.split()) <= set(name.split()) or alias.upper() in initials(name.title())


def _same_word(x: str, y: str) -> bool:
    """Return True for one word spelt two ways ("defence" / "defense", "organisation" / "organization")."""
    return x == y or (min(len(x), len(y)) >= 5 and (x + y).isalpha() and x[:3] == y[:3]
                      and SequenceMatcher(None, x, y).ratio() >= 0.8)


def _compatible(a: str, b: str) -> bool:
    """Return True when one name is the other, or the start of it, up to spelling: two words at least agree."""
    wa, wb = a.split(), b.split()
    n = min(len(wa), len(wb))
    return n >= 2 and all(_same_word(x, y) for x, y in zip(wa[:n], wb[:n], strict=True))


__all__ = ["NameTable", "local_key"]
