"""Sports results set as lines of their own: a score line ("Pohang 3 Ulsan 2", "Bournemouth 2 Aston Villa 1 (half
time 1-0)"), a standings row ("Puchon 3 1 0 6 1 10", "NEW YORK 74 59 .556 -") and a placing ("1. Ines Barrow
(Kenya) 13:02.45"). Such lines are the story's content, not page furniture. The names a score line or a standings
row opens are the sides that played: clubs, national teams, or now and then a player in a table of averages
("Alec Stewart 3 5 0 396 170 79.20"), which is for the name's other evidence to tell. A cricket scorecard's lines
("S. Law c Healy b Warne 13", "Bowling: McGrath 14-4-38-1, Warne 18-5-51-1") are results lines too."""
from __future__ import annotations

import re

from newskit import lexicon

_NAME = r"[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3}"
# a figure of a table: a count, a share (".556"), a fraction ("5 1/2"), a dash for none
_FIGURE = r"(?:\d+(?:\.\d+)?|\.\d+|\d+/\d+|-)"
# (a side's country may follow it, and the town the game was played in open the line: "In Bergen: Brann (Norway) 2
# Shelbourne (Ireland) 1 (1-1)")
_COUNTRY = r"(?: \([A-Z][\w. ]+\))?"
_SCORE_LINE = re.compile(rf"[ \t]*(?:In [A-Z][\w .'-]*:[ \t]*)?({_NAME}){_COUNTRY} \d{{1,3}},? "
                         rf"({_NAME}){_COUNTRY} \d{{1,3}}(?:\s*\([^()\n]*\))?\s*")
_STANDINGS_ROW = re.compile(rf"[ \t]*({_NAME}) {_FIGURE}(?: {_FIGURE}){{2,}}\s*")
# a placing: a rank or a name with its country in brackets, ending with a time, a score or a mark ("1. Ines Barrow
# (Kenya) 13:02.45", "Ana Ruiz (Spain) beat Mia Holt (Norway) 2-0")
_MARK = r"\d+[-:.]\d+(?:[-:.]\d+)?(?:\s*\([^()\n]*\))?"
_PLACING = re.compile(rf"[ \t]*(?:\d{{1,3}}\.?\s+{_NAME}(?: \([A-Z][\w. ]*\))?|{_NAME} \([A-Z][\w. ]*\))"
                      rf"(?: [^\n]*)? {_MARK}[,;]?\s*")
# a line of a match report's tables that names players: a ranked one with the country in brackets ("7. Ana Ruiz
# (Spain) Festina same time", "4 - Ivo Bek (Czech Republic) beat ..."), a result between two ("Ana Ruiz (Spain) beat
# Mia Holt (Norway), walkover") and a scorer with the minute ("Brann - Mons Mjelde (10th), Ivo Bek (72nd)")
_PLAYERS = re.compile(rf"[ \t]*\d{{1,3}}(?:\.|[ \t]+-)[ \t]+{_NAME}(?: - {_NAME})? \([A-Z][\w. ]+\)"
                      rf"|[ \t]*{_NAME} \([A-Z][\w. ]+\) beat "
                      rf"|.*\b[A-Z][\w'-]+ \(\d{{1,3}}(?:st|nd|rd|th)\b")
# a list of fixtures, wrapped over lines as a sentence of the wire is ("Morton v Falkirk, Partick v St Mirren,
# St Johnstone v")
_FIXTURES = re.compile(rf"[ \t]*(?:{_NAME}(?: v {_NAME})?, )*{_NAME} v(?: {_NAME})?"
                       rf"(?:, {_NAME}(?: v {_NAME})?)*[,.]?\s*")


def result_names(line: str) -> list[tuple[int, int]]:
    """Return the character ranges, within `line`, of the names a score line or a standings row gives (none for
    any other line)."""
    m = _SCORE_LINE.fullmatch(line) or _STANDINGS_ROW.fullmatch(line)
    if m is None:
        return []
    return [m.span(i) for i in range(1, (m.lastindex or 0) + 1)]


# a line of a cricket scorecard: a bowler's analysis ("McGrath 14-4-38-1"), a batsman's line ("S. Law c Healy b
# Warne 13", "R. Dravid not out 7", "B. Lara lbw b Bichel 2")
_ANALYSIS = re.compile(r"(?<![\w.-])\d{1,2}(?:\.\d)?-\d{1,2}-\d{1,3}-\d{1,2}(?![\w-])")
_BATTING = re.compile(r"(?:^|\s)(?:(?:c|b|lbw|st)\s+[A-Z][^\n]*|(?:not|run)\s+out)\s+\d{1,3}\s*$")


def fixture_names(line: str) -> list[tuple[int, int]]:
    """Return the character ranges, within `line`, of the sides a list of fixtures names ("Alloa v Brechin, Forfar
    v St Mirren"; none for any other line)."""
    if not _FIXTURES.fullmatch(line):
        return []
    return [m.span() for m in re.finditer(_NAME, line)]


def is_results_line(line: str) -> bool:
    """Say whether a line is a score line, a standings row, a placing or a line of a cricket scorecard."""
    return bool(result_names(line) or fixture_names(line)) or bool(_PLACING.fullmatch(line) or _PLAYERS.match(line)) \
        or len(line.split()) <= 40 and bool(
        _ANALYSIS.search(line) or len(line.split()) <= 12 and _BATTING.search(line))


_ROW_WORDS = lexicon.words("results_table_words")
_ROW_TOKEN = re.compile(r"[A-Za-z][\w'’.&-]*|(?<!\w)\d[\d.,:/-]*(?!\w)")
_CLOCK = re.compile(r"^\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?$", re.I)


def _row_shape(line: str) -> tuple[bool, bool]:
    """Return (whether the line reads as a row of a results table, whether it holds a figure): names in
    capitals, figures and only the table's own lower-case words."""
    toks = _ROW_TOKEN.findall(line)
    if not toks or len(toks) > 40:
        return False, False
    # a name: one mixed-case word or two words ("4 PHOTOS" is a page's label)
    names = [t for t in toks if t[0].isupper() and sum(c.isalpha() for c in t) >= 2]
    if not any(not t.isupper() for t in names) and len(names) < 2:
        names = []
    figures = [t for t in toks if t[0].isdigit() and not _CLOCK.match(t)]  # "247Sports" is no figure
    lower = [t for t in toks if t[0].islower()]
    return bool(names) and all(t.lower().rstrip(".") in _ROW_WORDS for t in lower), bool(figures)


def table_rows(lines: list[str]) -> set[int]:
    """Return the indexes of the lines that are rows of a results table set below a story: a run of two or more
    lines of names and figures, or such lines under a heading that ends with a colon ("Final standings:"); a
    row wrapped onto the next line ("66 Neal Lancaster, Dave Barr (Canada), Mike Sullivan, Willie") carries on."""
    shapes = [_row_shape(ln) for ln in lines]
    rows = {j for j, (row, fig) in enumerate(shapes) if row and fig}
    for j in range(1, len(lines)):  # a wrapped row: a list of names carried on from the row above
        if j not in rows and j - 1 in rows and shapes[j][0] and "," in lines[j]:
            rows.add(j)
    out = set()
    for j in sorted(rows):
        head = j - 1
        while head in rows:
            head -= 1
        headed = head >= 0 and lines[head].rstrip().endswith(":")
        if headed or j - 1 in rows or j + 1 in rows:
            out.add(j)
    return out
