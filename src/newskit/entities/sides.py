"""Clubs and teams named by their town: in a story of games, a place name the story gives as a side that played is
the club, an organization, as CoNLL-2003 marks it, at every mention that does not place something there.

A name is a side where a score line, a standings row or a list of fixtures gives it ("CHICAGO 110 Atlanta 98",
"Detroit 16 4 .800 2 1/2", "Oxford v Hull"): any place name but a nation's. A city or a US state is one too where a
result in prose has it win or lose ("Colorado beat Detroit 3-1", "held by Chicago to a 2-2 draw"), where a fixture
in prose has it host, visit or face another name ("Tottenham host Brighton", "Arsenal travel to Wolves") and, in a story
that has such a result, where it opens a team's name the story writes ("Cleveland" of "Cleveland Indians"). Its
mentions after "in" or "at" ("In Seattle, ...", "at Chicago") are where a game was played: they stay a place, like
the dateline. A national side named by its country stays a place too ("Italy beat England 2-1"), as CoNLL-2003
marks it; so does a name the story gives no side's evidence for ("officials in Boston").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newskit import lexicon
from newskit.article.results import fixture_names, result_names
from newskit.entities import cities, places
from newskit.entities.verbs import verb_in
from newskit.geo.gazetteer import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newskit.entities.span import Mention

# where a game is played: "in Seattle", "at Chicago", "from Denver"
_VENUE = lexicon.words("locative_prepositions") | {"at", "from"}
_WIN_VERBS = lexicon.words("result_verbs")
_SCORE = re.compile(r"(?<![\w.-])\d{1,3} ?- ?\d{1,3}(?![\w.-])")
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def results_side(text: str, m: Mention, fixtures: bool = False) -> bool:
    """Say whether mention `m` is a name a score line or a standings row gives (see newskit.article.results), or
    with `fixtures` also a list of fixtures."""
    a = text.rfind("\n", 0, m.start) + 1
    b = text.find("\n", m.start)
    line = text[a:b if b >= 0 else len(text)]
    at = (m.start - a, m.end - a)
    return at in result_names(line) or fixtures and at in fixture_names(line)


def _prose_side(doc: Doc, m: Mention, scored: bool = True) -> bool:
    """Say whether mention `m` is the subject or object of a verb of winning or losing in a sentence that gives a
    score ("Colorado beat Detroit 3-1", "lost 2-1 to Chicago"); without `scored`, with or without a score ("lost to
    Getafe", in a story that gives a game elsewhere)."""
    root = doc[m.tstart:m.tend].root
    verb: Token = root.head
    if root.dep_ == "pobj" and verb.lower_ in ("to", "by", "over", "against", "with"):
        verb = verb.head
    elif root.dep_ not in ("nsubj", "nsubjpass", "dobj", "npadvmod"):  # (the parser reads "beat Houston 4-2" so)
        return False
    return verb_in(verb, _WIN_VERBS) and (not scored or bool(_SCORE.search(verb.sent.text)))


# verbs of a fixture, one side hosting or visiting the other ("Tottenham host Brighton", "Chelsea visit Burnley",
# "Liverpool face Fulham", "Arsenal travel to Wolves"), as written between the two names (the parser often reads
# "host" or "travel" there as a noun)
_FIXTURE_VERBS = frozenset({"host", "hosts", "visit", "visits", "face", "faces", "entertain", "entertains", "play",
                            "plays", "meet", "meets", "travel", "travels"})


def _fixture_sides(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Return the mentions a verb of a fixture joins, one right before the verb and the other right after it
    ("Tottenham host Brighton on Sunday", "Arsenal travel to Wolves"): two towns do not host or visit each other,
    two sides do. Only place and organization mentions."""
    names = [m for m in mentions if m.label in _PLACE_LABELS or m.label == "ORG"]
    starts = {m.tstart: m for m in names}
    out = []
    for m in names:
        i = m.tend
        if i >= len(doc) or doc[i].lower_ not in _FIXTURE_VERBS or not doc[i].is_lower:
            continue
        j = i + 1
        if doc[i].lower_.startswith("travel"):
            if j >= len(doc) or doc[j].lower_ != "to":
                continue
            j += 1
        other = starts.get(j)
        if other is not None and not (other.tend < len(doc) and doc[other.tend].lower_ in ("'s", "\u2019s")):
            out += [m, other]  # not "Paris hosts Berlin's envoy"
    return out


def _nation(name: str) -> bool:
    """Say whether a name is a country or one of the home nations of the United Kingdom (England, Wales), whose
    side is its national team."""
    return bool(places.country_code(name)) or any(hit.place.feature == "admin1" and hit.place.country_code == "GB"
                                                  for hit in gazetteer().lookup(name))


def _city_or_state(name: str) -> bool:
    """Say whether a name is a city or a US state, the places clubs and teams are named after, and no nation."""
    return cities.is_known_place(name) and not cities.is_region_abbreviation(name) and not _nation(name)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def retype_sides(doc: Doc, text: str, mentions: list[Mention]) -> None:
    """Relabel ORG every mention of a place name the story gives as a side that played (see the module docstring);
    its mentions that place a game ("in Seattle") become the game's venue, a place; a nation's side, a place."""
    placed = {_key(m.text) for m in mentions if m.label in _PLACE_LABELS and m.source in ("ner", "match")}
    tabled = [m for m in mentions if m.source in ("ner", "match", "side") and results_side(text, m, fixtures=True)]
    played = tabled + [m for m in mentions if m.source in ("ner", "match", "side") and _prose_side(doc, m)]
    played += [m for m in _fixture_sides(doc, mentions) if m.source in ("ner", "match", "side")]
    if not played:
        return  # no game in this story
    # in a story of games, a side that wins or loses in prose needs no score of its own ("Atletico lost to Getafe")
    played += [m for m in mentions if m.source in ("ner", "match", "side") and _prose_side(doc, m, scored=False)]
    nations = {_key(m.text) for m in played if _nation(m.text)}
    # a side in prose, or the first word of a team's name, when it is a city or a state
    teams = [_key(m.text) for m in mentions if m.label == "ORG" and len(m.text.split()) >= 2]
    sides = {_key(m.text) for m in played} & placed
    sides |= {k for k in placed if any(t.startswith(k + " ") and len(t.split()) - len(k.split()) <= 2 for t in teams)}
    sides = {k for k in sides if _city_or_state(k)}
    # any side of a table or a list of fixtures but a nation's ("Rochdale 2 Exeter 1")
    sides |= {_key(m.text) for m in tabled if _key(m.text) in placed and not _nation(m.text)}
    places_end = {m.tend for m in mentions if m.label in _PLACE_LABELS or m.source == "dateline"}
    for m in mentions:
        if _key(m.text) in nations and m.label == "ORG" and m.source in ("ner", "match"):
            m.label, m.source = "GPE", "side"  # "Scotland beat Norway 2-1": the national side, a place
        if _key(m.text) not in sides or m.source not in ("ner", "match"):
            continue
        before = doc[m.tstart - 1] if m.tstart > 0 else None
        if before is not None and (before.lower_ in _VENUE or before.text == "," and m.tstart - 1 in places_end):
            m.label, m.source = "GPE", "venue"  # "In Seattle, ...", "ARLINGTON, Texas"
        else:
            m.label, m.source = "ORG", "side"  # the later relabelling rules leave a side as it is
