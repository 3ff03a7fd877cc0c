"""Sports results set as lines of their own: a score line ("Pohang 3 Ulsan 2", "Bournemouth 2 Aston Villa 1 (half
time 1-0)"), a standings row ("Puchon 3 1 0 6 1 10", "NEW YORK 74 59 .556 -") and a placing ("1. Ines Barrow
(Kenya) 13:02.45"). Such lines are the story's content, not page furniture. The names a score line or a standings
row opens are the sides that played: clubs, national teams, or now and then a player in a table of averages
("Alec Stewart 3 5 0 396 170 79.20"), which is for the name's other evidence to tell."""
from __future__ import annotations

import re

_NAME = r"[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3}"
# a figure of a table: a count, a share (".556"), a fraction ("5 1/2"), a dash for none
_FIGURE = r"(?:\d+(?:\.\d+)?|\.\d+|\d+/\d+|-)"
_SCORE_LINE = re.compile(rf"[ \t]*({_NAME}) \d{{1,3}},? ({_NAME}) \d{{1,3}}(?:\s*\([^()\n]*\))?\s*")
_STANDINGS_ROW = re.compile(rf"[ \t]*({_NAME}) {_FIGURE}(?: {_FIGURE}){{2,}}\s*")
# a placing: a rank or a name with its country in brackets, ending with a time, a score or a mark ("1. Ines Barrow
# (Kenya) 13:02.45", "Ana Ruiz (Spain) beat Mia Holt (Norway) 2-0")
_MARK = r"\d+[-:.]\d+(?:[-:.]\d+)?(?:\s*\([^()\n]*\))?"
_PLACING = re.compile(rf"[ \t]*(?:\d{{1,3}}\.?\s+{_NAME}(?: \([A-Z][\w. ]*\))?|{_NAME} \([A-Z][\w. ]*\))"
                      rf"(?: [^\n]*)? {_MARK}\s*")


def result_names(line: str) -> list[tuple[int, int]]:
    """Return the character ranges, within `line`, of the names a score line or a standings row gives (none for
    any other line)."""
    m = _SCORE_LINE.fullmatch(line) or _STANDINGS_ROW.fullmatch(line)
    if m is None:
        return []
    return [m.span(i) for i in range(1, (m.lastindex or 0) + 1)]


def is_results_line(line: str) -> bool:
    """Say whether a line is a score line, a standings row or a placing."""
    return bool(result_names(line)) or bool(_PLACING.fullmatch(line))
