"""Rule-based mentions the model misses: dateline cities, the venue of a fixture, the sides a score line or a standings
row gives, a match's scorers, the names of a wire story's sign-off, photo-credit names, agency names and the
publisher."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newskit import lexicon
from newskit.article.results import is_results_line, result_names
from newskit.dates.words import MONTH_WORDS
from newskit.doctext import doc_text
from newskit.entities import names, places
from newskit.entities.clean import AGENCIES, is_agency, trim
from newskit.entities.span import SKIP_FIELDS, Layout, Mention, make_mention, token_range
from newskit.geo.gazetteer import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newskit.record import Article

_CREDIT = re.compile(r"\b(?:photo(?:graph)?s?|images?|pictures?|credits?|source|courtesy|illustration)\b\s*"
                     r"(?:by|:|/|via|from)\s*", re.I)
_CREDIT_NAME = re.compile(r"[A-Z][\w.&'\u2019-]*(?:[ \-][A-Z][\w.&'\u2019-]*)*")
# "SEOUL –", "NEW YORK (AP) —", "AL-AIN , United Arab Emirates 1996-12-06", "LONDON 1996-08-30"
_DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z'\u2019.\-]*(?: [A-Z][A-Z'\u2019.\-]*){0,3})"
                       r"(?=\s*(?:[,(\u2013\u2014]|-\s|\d))")
# a fixture line of a sports schedule, "KANSAS CITY AT DETROIT", "Argentina at South Korea": the name after "at" is
# where the game is played, a place (CoNLL-2003 marks it so), whatever the side named like it is elsewhere
_SIDE = r"[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3}"
# (a full stop after a lower-case letter ends a sentence: "trained by Mark Prescott at Newmarket.")
_FIXTURE = re.compile(rf"^[ \t]*{_SIDE} (?:AT|at) ({_SIDE})(?<![a-z]\.)[ \t]*$")
# the long agency names, searched in one pass; short codes are only trusted where the model or a credit found them
_AGENCY_RE = re.compile(rf"\b(?:{lexicon.alternation(a for a in AGENCIES if len(a) >= 3 and not a.isupper())})\b")


# the desk a wire story's sign-off names, a unit of the agency ("Lisbon Newsroom", "New York Energy Desk"); a city
# before a lower-case "newsroom" or "bureau" is only where the desk sits ("Oslo newsroom"), a place
_DESKS = ((re.compile(r"((?:[A-Z][\w.&'-]*[ \t]+){1,4}(?:Newsroom|News Room|Newsdesk|Desk|Bureau))\b"), "ORG"),
          (re.compile(r"((?:[A-Z][\w.'-]*[ \t]+){0,2}[A-Z][\w.'-]*)[ \t]+(?:newsroom|newsdesk|bureau)\b"), "GPE"))
# a scorer in a match's summary, the minute after the name ("Marseille 1 (Gravelaine 24th) Metz 2 (Traore 65th,
# Bombarda 80th pen)"): a player, whatever club or town the name also is
_SCORER = re.compile(r"(?:^|\(|,[ \t]|\band[ \t])[ \t]*((?:[A-Z][\w'.-]*[ \t]){0,2}[A-Z][\w'-]*)"
                     r"[ \t](\d{1,3})(?:st|nd|rd|th)(?=[ \t]*(?:[,)]|pen|minute|$|\d))")
_DECIMAL = re.compile(r"\d\.\d")


def _sports_and_wire(doc: Doc, pos: int, line: str, fld: str | None, layout: Layout) -> list[Mention]:
    """Return the names of one line (at `pos`) that its form gives: the sides of a score line or a standings row, a
    match's scorers, and the desk and city of a wire story's sign-off (a line the layout calls a credit)."""
    out = []
    # (a row of decimals is a firm's accounts or a player's averages: "Sales 9.06 9.31 8.42")
    for a, b in result_names(line) if not _DECIMAL.search(line) else ():
        out.append(_side(doc, pos + a, pos + b, layout))
    for sc in _SCORER.finditer(line):
        if sc.group(1).split()[0].lower() not in MONTH_WORDS and int(sc.group(2)) <= 120:  # "August 24th": a date
            rng = token_range(doc, pos + sc.start(1), pos + sc.end(1))
            out.append(rng and make_mention(doc, *rng, "PERSON", "scorer", layout))
    for pattern, label in _DESKS if fld == "credit" else ():
        desk = pattern.search(line)
        rng = desk and token_range(doc, pos + desk.start(1), pos + desk.end(1))
        out.append(rng and make_mention(doc, *rng, label, "credit", layout))
    return [m for m in out if m]


def _side(doc: Doc, a: int, b: int, layout: Layout) -> Mention | None:
    """Return a side a score line or a standings row gives ("Sale 31 Wasps 33", "Forfar 3 2 0 1 7 4 6"), which the
    models may miss where the club bears a common word's name: a national side named by its country is a place, any
    other a club (CoNLL-2003's types); a name that opens with a given name is a player's in a table of averages,
    left to the models."""
    name = " ".join(doc_text(doc)[a:b].split())
    if name.split()[0].casefold() in names.given_names() or len(name) < 3:
        return None
    rng = token_range(doc, a, b)
    return rng and make_mention(doc, *rng, "GPE" if places.country_code(name) else "ORG", "side", layout)


def _line_starts(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


# Complexity kept: one case per kind of rule mention, in document order.
def rule_mentions(doc: Doc, layout: Layout, article: Article | None) -> list[Mention]:  # noqa: C901, PLR0912
    """Add dateline cities and photo-credit agencies that the model misses."""
    out = []
    text = doc_text(doc)
    for pos, line in _line_starts(text):
        fld = layout.field_at(pos) if line.strip() else None
        if fld in SKIP_FIELDS:
            continue
        m = _DATELINE.match(line)
        if m and ((fld == "date" or line[m.end():].lstrip().startswith("-")) and not gazetteer().lookup(m.group(1))
                  or is_results_line(line)):
            # a date stamp opens with a place ("LONDON 1996-08-30"), not with "UPDATED"; "BOSTON 69 65" is a team;
            # and a label in capitals before a dash is no place unless it names one ("NOTE - ...", "MARKET TALK - ")
            m = None
        if m and sum(c.isalpha() for c in m.group(1)) >= 3 and fld in (None, "dateline", "body", "date"):
            rest = line[m.end():]
            letters = [c for c in rest if c.isalpha()]
            # a dateline runs into ordinary text; a headline in capitals ("SOCCER - JAPAN WIN") does not
            if (not letters or any(c.islower() for c in letters)) and not is_agency(m.group(1)):
                rng = token_range(doc, pos + m.start(1), pos + m.end(1))
                if rng:
                    mm = make_mention(doc, *rng, "GPE", "dateline", layout)
                    if mm:
                        out.append(mm)
        venue = _FIXTURE.match(line) if fld not in SKIP_FIELDS else None
        if venue and gazetteer().lookup(venue.group(1)):
            rng = token_range(doc, pos + venue.start(1), pos + venue.end(1))
            mm = rng and make_mention(doc, *rng, "GPE", "venue", layout)
            if mm:
                out.append(mm)
        out += _sports_and_wire(doc, pos, line, fld, layout)
        for c in _CREDIT.finditer(line):
            n = _CREDIT_NAME.match(line, c.end())
            if not n:
                continue
            for part in re.split(r"/|\bvia\b|,|;", n.group(0)):
                part = part.strip()
                if not part:
                    continue
                a = pos + n.start() + n.group(0).index(part)
                rng = token_range(doc, a, a + len(part))
                if rng is None:
                    continue
                # a single word after "PHOTO:" is a stock or wire agency; longer names are left to the model
                if is_agency(part) or len(part.split()) == 1:
                    mm = make_mention(doc, *rng, "ORG", "credit", layout)
                    if mm:
                        out.append(mm)
    for m in _AGENCY_RE.finditer(text):
        rng = token_range(doc, m.start(), m.end())
        mm = rng and make_mention(doc, *rng, "ORG", "agency", layout)
        if mm and mm.field not in SKIP_FIELDS:
            out.append(mm)
    if article is not None and article.publisher:
        for m in re.finditer(re.escape(article.publisher), text):
            rng = token_range(doc, m.start(), m.end())
            if rng:
                s, e = trim(doc, *rng, "ORG")
                mm = make_mention(doc, s, e, "ORG", "publisher", layout)
                if mm and mm.field not in SKIP_FIELDS:
                    out.append(mm)
    return out
