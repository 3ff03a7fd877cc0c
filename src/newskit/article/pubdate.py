"""Publication dates as written in article headers: find them in a line and turn them into ISO dates."""
from __future__ import annotations

import datetime as dt
import re

from newskit import lexicon
from newskit.dates.words import MONTHS, month_number

_MONTH = rf"(?P<mon>{lexicon.alternation(MONTHS)})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
PATTERNS = [
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),          # January 22, 2024
    re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),  # 22 Jan 2024
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),  # 2024-01-22
    re.compile(r"\b(?P<year>(?:19|20)\d\d)/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)\b"),  # 2024/01/22
    re.compile(r"\b(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b"),  # 01/22/2024 (US order)
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),  # 22.01.2024
]
UPDATED = re.compile(r"^\W*(updated|last\s+(?:updated|modified)|modified|edited|revised)\b", re.I)
PUBLISHED = re.compile(r"^\W*(published|posted|first\s+published|released|date|on)\b", re.I)
_TIME = re.compile(r"\b\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}T?|\s+[+-]\d{2}:?\d{2})?\b|\b\d{1,2}\s*"
                   r"[ap]\.?m\.?\b|\b(?:GMT|UTC|[ECMP][SD]?T|BST|CET|KST|JST|IST)(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?(?!\w)"
                   r"|\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago\b", re.I)


def find_date(line: str) -> tuple[str, int, int] | None:
    """Return (ISO date, start, end) of the first full calendar date written in `line`, or None."""
    best = None
    for pat in PATTERNS:
        m = pat.search(line)
        if m and (best is None or m.start() < best[1]):
            iso = _iso(m)
            if iso:
                best = (iso, m.start(), m.end())
    return best


def _iso(m: re.Match) -> str | None:
    g = m.groupdict()
    month = month_number(g["mon"]) if g.get("mon") else int(g["month"])
    try:
        return dt.date(int(g["year"]), month, int(g["day"])).isoformat()
    except (TypeError, ValueError):
        return None


def date_share(line: str) -> float:
    """Return how much of `line` is date, time and date-line words (1.0: nothing else)."""
    found = find_date(line)
    if not found:
        return 0.0
    rest = line[:found[1]] + " " + line[found[2]:]
    rest = _TIME.sub(" ", rest)
    rest = re.sub(r"\b(updated|last|modified|published|posted|first|on|at|date|edited|revised|released)\b"
                  r"|[|:,•·()\-–—]", " ", rest, flags=re.I)
    left = len(rest.split())
    return 1.0 / (1 + left)
