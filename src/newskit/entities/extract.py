"""People, places, organizations and events an article mentions, cleaned, grouped, named and ranked.

Pipeline: cleaned model mentions and rule mentions (mentions.py) -> grouped (grouping.py) -> every further
occurrence of a found name added -> regrouped -> titles from the parse (titles.py) -> event mentions
(named_events.py) -> one Entity per group, ranked by salience.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from newskit import lexicon
from newskit.dates.rules.named_days import holiday_spans
from newskit.dates.words import MONTH, WEEKDAY
from newskit.doctext import doc_text
from newskit.entities import cities, names, place_spans, places, sides
from newskit.entities import grouping as aliases
from newskit.entities.keys import entity_key
from newskit.entities.mentions import add_matches, collect, join_legal_forms
from newskit.entities.named_events import event_key, event_mentions
from newskit.entities.span import Layout, Mention
from newskit.entities.titles import person_titles
from newskit.geo import resolve_places
from newskit.geo.adjectives import adjective_places
from newskit.record import ENTITY_TYPES, LABEL_TYPES, Entity, EntityRole, EntityType, Span, literal_map

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newskit.record import Article

TYPES: dict[str, EntityType] = literal_map(LABEL_TYPES, EntityType)
CORE_TYPES = {k.name for k in ENTITY_TYPES if k.core}
_CAPS_LINE = re.compile(r"^[^a-z\n]*[A-Z]{2,}[^a-z\n]*$", re.M)


def extract_entities(doc: Doc, article: Article | None = None, *, all_types: bool = False) -> list[Entity]:
    """Return the entities of `doc`, most salient first, with ids E1, E2... in that order."""
    authors = set(article.authors) if article is not None else set()
    text = doc_text(doc)
    layout = Layout(article)  # which field each line of the article is: made once for the three readers below
    found = collect(doc, article, layout)
    cities.retype_cities(doc, found)
    sides.retype_sides(doc, text, found)
    found = _outside_holidays(text, _outside_page_controls(text, _drop_caps_noise(text, found)))
    found = join_legal_forms(text, place_spans.split_places(doc, found), doc)
    clusters = aliases.group(found, text, authors)
    forms = _forms(found, clusters)
    orgs = {m.text for m in found if m.label == "ORG" and m.source in ("ner", "match") and " " in m.text}
    for acr, label in aliases.acronym_forms(orgs, text).items():
        forms.setdefault(acr, label)
    found = add_matches(doc, found, forms, article, layout)
    clusters = _datelines_apart(aliases.group(found, text, authors), found, text)
    out, nationalities = [], []
    for cl in clusters:
        ent = _entity([found[i] for i in cl], doc, authors)
        if ent is not None and ent.type == "nationality":
            nationalities.append(ent)  # "Turkish troops": the adjective names Turkey (geo/adjectives.py)
        if ent is not None and (all_types or ent.type in CORE_TYPES):
            out.append(ent)
    out = adjective_places(doc, out, nationalities, keep_rest=all_types)
    taken = {t for m in found for t in range(m.tstart, m.tend)}
    events: dict[str, list[Mention]] = {}
    for m in event_mentions(doc, layout, taken):
        events.setdefault(event_key(m, doc), []).append(m)
    for ms in events.values():
        ent = _entity(ms, doc, authors)
        if ent is not None:
            out.append(ent)
    return resolve_places(_rank(out, text, article), text, article)


def _datelines_apart(clusters: list[list[int]], found: list[Mention], text: str) -> list[list[int]]:
    """Keep the dateline's place out of a group that its other mentions make a team or a firm ("NEW YORK 1996-08-30"
    over a table where "New York" is the club): a dateline says where the story was filed, always a place; so does
    the venue of a fixture ("KANSAS CITY AT DETROIT" over standings where Detroit is the club)."""
    out = []
    for cl in clusters:
        dated = [i for i in cl if found[i].source in ("dateline", "venue")]
        rest = [found[i].label for i in cl if i not in dated]
        # the mentions that decide: all of them, or without the venues (a schedule names each venue many times)
        # and the dateline over a table of the sides ("NEW YORK 1996-12-10" over "NEW YORK 14 6 .700 1")
        deciding = rest if any(found[i].source == "venue" for i in dated) \
            or any(sides.results_side(text, found[i]) for i in cl if i not in dated) else [found[i].label for i in cl]
        if dated and rest and TYPES.get(aliases.majority_label(deciding)) != "place":
            out.append(dated)
            cl = [i for i in cl if i not in dated]
        out.append(cl)
    return out


def _caps_ranges(text: str) -> list[tuple[int, int]]:
    """Return the lines written all in capitals with at least two words (wire headlines, sports tables)."""
    return [(m.start(), m.end()) for m in _CAPS_LINE.finditer(text) if len(m.group(0).split()) >= 2]


_CONTROLS = lexicon.words("page_controls")
_STAMP_WORDS = frozenset({"updated", "posted", "published", "modified"})
_SMALL_WORDS = frozenset({"to", "in", "of", "the", "a", "on", "for", "and", "or", "up", "out", "now", "here"})
# What follows a page's time stamp word: a date or a time ("Updated Dec. 20, 2016", "Updated: 24 minutes ago").
_STAMPED = re.compile(rf"[ \t]*(?:on|at)?:?[ \t]*(?:\d|{MONTH}[ \t]+\d|{WEEKDAY}"
                      r"|(?:an?|one|\d+)[ \t]+(?:hours?|minutes?|days?)[ \t]+ago)", re.IGNORECASE)


def _outside_page_controls(text: str, found: list[Mention]) -> list[Mention]:
    """Drop the one-word mentions a web page's controls and time stamps make: a line of control words and small
    words only ("Expand", "Scroll to Continue", "Unmute"), or a stamp word before a date or time ("Last Updated: 24
    minutes ago", "/ Updated Dec. 20, 2016, 1:00 PM UTC"), where a capitalized word reads like a name."""
    out = []
    for m in found:
        word = m.text.casefold()
        if " " in m.text.strip() or word not in _CONTROLS:
            out.append(m)
            continue
        lo = text.rfind("\n", 0, m.start) + 1
        hi = text.find("\n", m.end)
        line = text[lo:hi if hi >= 0 else len(text)]
        alone = all(w in _CONTROLS or w in _SMALL_WORDS for w in re.findall(r"[a-z]+", line.casefold()))
        stamp = word in _STAMP_WORDS and _STAMPED.match(text, m.end) is not None
        if not (alone or stamp):
            out.append(m)
    return out


def _outside_holidays(text: str, found: list[Mention]) -> list[Mention]:
    """Drop the mentions inside a holiday's name ("Martin Luther" and "Day" of "markets were closed for Martin
    Luther King Day", "Canada" of "Canada Day"): the holiday is a date, and the dates layer gives it its day."""
    spans = holiday_spans(text)
    if not spans:
        return found
    return [m for m in found if not any(a <= m.start and m.end <= b for a, b in spans)]


def _drop_caps_noise(text: str, found: list[Mention]) -> list[Mention]:
    """Drop model mentions in ALL-CAPS lines unless the name also occurs in ordinary text or is a country.

    The small model guesses wildly on capitals ("SURPRISE DEFEAT" as an organization); the names such a headline
    really holds are written normally in the story below it, and are added back from there."""
    ranges = _caps_ranges(text)
    if not ranges:
        return found

    def in_caps(m: Mention) -> bool:
        return any(a <= m.start < b for a, b in ranges)

    known = {aliases.norm(m.text) for m in found if not in_caps(m)}
    longer = {" ".join(m.text.split()).upper() for m in found if not in_caps(m) and " " in m.text.strip()}
    return [m for m in found if not in_caps(m) or m.source != "ner"
            or not _inside_longer(text, m, longer) and (aliases.norm(m.text) in known or places.country_code(m.text)
                                                        or sides.results_side(text, m))]


def _inside_longer(text: str, m: Mention, longer: set[str]) -> bool:
    """Say whether a mention in a capitals line is part of a longer name the story writes, set in capitals around it
    ("PALACE" of "LIVERPOOL HAMMER CRYSTAL PALACE" where the story names Crystal Palace): that name is added from
    the story instead."""
    for name in longer:
        if m.text.upper() == name or m.text.upper() not in name:
            continue
        for hit in re.finditer(re.escape(name), text[max(0, m.start - len(name)):m.end + len(name)]):
            a = max(0, m.start - len(name)) + hit.start()
            if a <= m.start and m.end <= a + len(name):
                return True
    return False


def _forms(found: list[Mention], clusters: list[list[int]]) -> dict[str, str]:
    """Return the name forms to look for elsewhere in the text, each with the label its entity carries."""
    forms: dict[str, str] = {}
    people: dict[str, set[tuple[str, ...]]] = {}
    for cl in clusters:
        ms = [found[i] for i in cl]
        label = _label_of(ms)
        if TYPES.get(label) not in ("person", "place", "organization"):
            continue
        for m in ms:
            if m.source == "author" or m.field == "byline":
                continue
            text = " ".join(m.text.split())
            if len(text) >= 3 and text[:1].isupper() and not text.isdigit():
                forms.setdefault(text, label)
                if len(text) >= 4 and not text.isupper():
                    forms.setdefault(text.upper(), label)  # the same name in a capitals headline
            if label == "PERSON":
                toks = names.clean_name(text).split()
                core = [t for t in toks if not names.is_particle(t)]
                if len(core) >= 2:
                    for short in {core[0], core[-1]}:
                        people.setdefault(short, set()).add(names.name_tokens(text))
    for short, who in people.items():
        # a family name two people share is left to the grouping rules, which look at order in the text
        if len(who) == 1 and len(short) >= 3 and short[:1].isupper() and short.isalpha() is not False:
            forms.setdefault(short, "PERSON")
            if len(short) >= 4:
                forms.setdefault(short.upper(), "PERSON")  # "HAMILTON EQUALS SCHUMACHER": a wire headline
    return forms


def _canonical(ms: list[Mention], label: str) -> str:
    texts = [names.clean_name(m.text) for m in ms]
    if label in ("GPE", "LOC"):
        for t in texts:
            code = places.country_code(t)
            if code:
                return places.country_name(code) or t
    counts = Counter(texts)
    if label == "PERSON":
        return max(counts, key=lambda t: (len(names.name_tokens(t)), counts[t], -texts.index(t)))
    full = [t for t in counts if not aliases.acronym_of(t)] or list(counts)
    return max(full, key=lambda t: (counts[t], len(t), -texts.index(t)))


def _best_cased(name: str, ms: list[Mention], label: str, authors: set[str]) -> str:
    """Return `name` as the text writes it best: a name set in capitals (a dateline, a byline, a wire headline)
    takes the mixed-case form of another mention or of the byline's author, else, for a person or a dateline
    place, ordinary capitalization. Acronyms (NATO, KCNA) have no other form and stay as they are."""
    if not name.isupper() or sum(c.isalpha() for c in name) < 2:
        return name
    key = aliases.norm(name)
    mixed = Counter(t for t in (names.clean_name(m.text) for m in ms) if not t.isupper() and aliases.norm(t) == key)
    if mixed:
        return mixed.most_common(1)[0][0]
    if label == "PERSON":
        written = next((a for a in authors if aliases.norm(a) == key and not a.isupper()), None)
        if written:
            return written
    if label == "PERSON" or (label in ("GPE", "LOC", "FAC") and any(m.source == "dateline" for m in ms)):
        return re.sub(r"[^\W\d_]+", lambda w: w.group(0).capitalize(), name)
    return name


def _label_of(ms: list[Mention]) -> str:
    """Return the label most of an entity's mentions carry; on a tie, the one most of its mentions outside the
    headline carry, where that decides: a headline capitalizes every word, and both models read its words less
    well ("Court blocks bid" over "The U.S. Supreme Court on Thursday blocked", "Court" a place)."""
    labels = [m.label for m in ms]
    counts = Counter(labels)
    top = max(counts.values())
    tied = {lab for lab, n in counts.items() if n == top}
    if len(tied) > 1:
        below = Counter(m.label for m in ms if m.field != "headline" and m.label in tied)
        if below:
            best = max(below.values())
            winners = [lab for lab, n in below.items() if n == best]
            if len(winners) == 1:
                return winners[0]
    return aliases.majority_label(labels)


def _entity(ms: list[Mention], doc: Doc, authors: set[str]) -> Entity | None:
    ms = sorted(ms, key=lambda m: m.start)
    label = _label_of(ms)
    if label == "PERSON" and not any(len(names.name_tokens(m.text)) for m in ms):
        return None
    name = _best_cased(_canonical(ms, label), ms, label, authors)
    if not name or not any(c.isupper() or c.isdigit() for c in name) and label != "EVENT":
        return None
    seen = {aliases.norm(name)}
    alias_list = []
    for m in ms:
        t = names.clean_name(m.text)
        if aliases.norm(t) not in seen:
            seen.add(aliases.norm(t))
            alias_list.append(t)
    titles: list[str] = []
    if label == "PERSON":
        for m in ms:
            for t in m.titles + person_titles(doc, m.tstart, m.tend):
                if t.lower() not in {x.lower() for x in titles}:
                    titles.append(t)
    author_keys = {aliases.norm(a) for a in authors}
    role: EntityRole | None = None
    if label == "PERSON" and (any(m.field == "byline" or m.source == "author" for m in ms)
                              or aliases.norm(name) in author_keys):
        role = "author"
    elif all(m.field == "credit" or m.source == "credit" for m in ms):
        role = "credit"  # "Photo: Unsplash" names who supplied a picture, not what the article is about
    spans = tuple(Span(m.start, m.end, m.text) for m in ms)
    return Entity(id="", name=name, type=TYPES[label], label=label, mentions=spans,
                  aliases=tuple(alias_list), titles=tuple(titles), role=role)


def _regions(text: str, article: Article | None) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Return the headline and lead character ranges (from the article layout, else the first lines)."""
    if article is not None and article.layout:
        head = [(ln.start, ln.end) for ln in article.spans_of("headline", "subheadline")]
        body = [(p.start, p.end) for p in article.paragraphs[:1]] or \
               [(ln.start, ln.end) for ln in article.spans_of("body")[:1]]
        return head, body
    lines, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    if not lines:
        return [], []
    first = text[lines[0][0]:lines[0][1]]
    if len(first.split()) <= 25 and len(lines) > 1:
        return [lines[0]], lines[1:3]
    return [], lines[:1]


def _rank(ents: list[Entity], text: str, article: Article | None) -> list[Entity]:
    """Score salience from headline presence, lead presence, mention share and first position; number by rank."""
    head, lead = _regions(text, article)
    top = max((e.count for e in ents if e.role != "author"), default=1) or 1
    n = max(len(text), 1)

    def inside(e: Entity, ranges: list[tuple[int, int]]) -> bool:
        return any(a <= m.start < b for m in e.mentions for a, b in ranges)

    scored = []
    for e in ents:
        s = (0.45 * min(e.count / top, 1.0) + 0.25 * inside(e, head) + 0.2 * inside(e, lead)
             + 0.1 * (1 - min(m.start for m in e.mentions) / n))
        if e.role == "author":
            s *= 0.2
        elif e.role == "credit":
            s = 0.0
        if e.type == "event":
            s *= 0.8  # an event noun is a topic, rarely what a reader scans the list for first
        scored.append((round(min(max(s, 0.0), 1.0), 4), e))
    scored.sort(key=lambda x: (x[1].role == "credit", -x[0], x[1].mentions[0].start))
    return [Entity(id=f"E{i}", name=e.name, type=e.type, label=e.label, mentions=e.mentions, aliases=e.aliases,
                   titles=e.titles, role=e.role, salience=s, key=entity_key(e.name, e.type, e.aliases))
            for i, (s, e) in enumerate(scored, 1)]
