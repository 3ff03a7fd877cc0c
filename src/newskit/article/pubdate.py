"""Publication dates as written in article headers: find them in a line and turn them into ISO dates."""
from __future__ import annotations

import calendar
import datetime as dt
import re

from newskit import lexicon
from newskit.dates.words import MONTHS, ZONE, month_number

_MONTH = rf"(?P<mon>{lexicon.alternation(MONTHS)})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# "(?!\d)" rather than "\b" after the year: a page copy glues the next field on ("March 14, 2023Jane Doe").
# A copy also glues the clock time to the year: "December 15, 20163:33 PM ET" is 2016 at 3:33.
_YEAR = r"(?P<year>(?:19|20)\d\d)(?:(?!\d)|(?=\d{1,2}[:.]\d\d(?!\d)))"
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
# A month name may follow a glued word ("Yahoo FinanceOctober 13, 2016").
_GLUED = r"(?-i:(?<=[a-z])(?=[A-Z]))"
PATTERNS = [
    re.compile(rf"(?:\b{_WEEKDAY}|{_GLUED}){_MONTH}\s+{_DAY},?\s+{_YEAR}", re.I),           # January 22, 2024
    re.compile(rf"\b{_WEEKDAY}{_DAY}\.?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}", re.I),    # 22 Jan 2024, 14. March, 2023
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),  # 2024-01-22
    re.compile(r"\b(?P<year>(?:19|20)\d\d)/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)\b"),  # 2024/01/22
    # Numeric dates with the year last: 01/22/2024, 22.01.2024, 03/14/23; the order of day and month is decided
    # by the values, else by the page's habit (`dayfirst`), else the US order.
    re.compile(r"(?<![\d/.-])(?P<a>[01]?\d|[0-3]\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)"
               r"(?P<year>(?:19|20)\d\d|\d\d)(?![\d/]|\.\d)"),
    # "01-09-17" alone on a line (a magazine's date stamp): dashes only when nothing but the date is there.
    re.compile(r"^\s*(?P<a>[01]?\d|[0-3]\d)(?P<sep>-)(?P<b>[0-3]?\d)-(?P<year>(?:19|20)\d\d|\d\d)\s*$"),
]
_TWO_DIGITS = re.compile(r"\d\d")
UPDATED = re.compile(r"^\W*(updated|last\s+(?:updated|modified)|modified|edited|revised)\b", re.I)
_TIME = re.compile(r"\b\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}T?|\s+[+-]\d{2}:?\d{2})?\b|\b\d{1,2}\s*"
                   rf"[ap]\.?m\.?\b|\b{ZONE}(?:\s*[+-]\s*\d{{1,2}}(?::?\d\d)?)?(?!\w)"
                   r"|\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago\b", re.I)


def find_date(line: str, dayfirst=False) -> tuple[str, int, int] | None:
    """Return (ISO date, start, end) of the first full calendar date written in `line`, or None.

    `dayfirst` (a bool, or a function returning one, asked only when needed) reads an ambiguous numeric date
    (03/04/2023) day first, as UK and European pages write it."""
    if not _TWO_DIGITS.search(line):
        return None  # every date form holds a two-digit run (a day, a year)
    best = None
    for pat in PATTERNS:
        for m in pat.finditer(line):
            if best is not None and m.start() >= best[1]:
                break
            iso = _iso(m, dayfirst)
            if iso:
                best = (iso, m.start(), m.end())
                break
    return best


def find_dates(line: str, dayfirst=False) -> list[tuple[str, int, int]]:
    """Return every full calendar date written in `line`, in order."""
    out, pos = [], 0
    while pos < len(line):
        found = find_date(line[pos:], dayfirst)
        if not found:
            break
        out.append((found[0], found[1] + pos, found[2] + pos))
        pos += found[2]
    return out


def stamp_date(line: str, dayfirst=False) -> tuple[str, int, int] | None:
    """Return the publication date of a date stamp or byline: the earliest date the line writes.

    A stamp that shows two dates ("December 10, 2021April 9, 2019 by …", "15.26 EST First published on …")
    gives the last change and the original; a page is published before it is changed, so the earliest wins. A long
    line (a paragraph) gives its first date."""
    if len(line) > 160:
        return find_date(line, dayfirst)
    found = find_dates(line, dayfirst)
    return min(found, key=lambda f: f[0]) if found else None


# A print-issue date ("December 5, 2016 Issue", "Published in the print edition of …") dates the magazine, not the
# article's first appearance online: a last resort only.
ISSUE = re.compile(r"\b(?:issue|print\s+edition|in\s+print)\b", re.I)


def day_first_habit(text: str) -> bool:
    """Tell whether the numeric dates a text writes unambiguously put the day first (14/03/2023)."""
    votes = 0
    for m in PATTERNS[-2].finditer(text[:20000]):
        a, b = int(m["a"]), int(m["b"])
        votes += (a > 12 >= b) - (b > 12 >= a)
    return votes > 0


def _iso(m: re.Match, dayfirst=False) -> str | None:
    g = m.groupdict()
    year = int(g["year"])
    if year < 100:
        # Two-digit years on web pages are this century's.
        year += 2000
        if year > dt.date.today().year + 1:
            return None
    if g.get("mon"):
        orders = [(month_number(g["mon"]), int(g["day"]))]
    elif g.get("a"):
        a, b = int(g["a"]), int(g["b"])
        if a <= 12 and b <= 12 and callable(dayfirst):
            dayfirst = dayfirst()
        orders = [(b, a), (a, b)] if dayfirst is True else [(a, b), (b, a)]
    else:
        orders = [(int(g["month"]), int(g["day"]))]
    for month, day in orders:
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
            return dt.date(year, month, day).isoformat()
    return None


def date_share(line: str) -> float:
    """Return how much of `line` is date, time and date-line words (1.0: nothing else)."""
    found = find_dates(line)
    if not found:
        return 0.0
    rest, pos = "", 0
    for _, start, end in found:
        rest, pos = rest + " " + line[pos:start], end
    rest += " " + line[pos:]
    rest = re.sub(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?(?=\W|$)", " ", rest)
    rest = _TIME.sub(" ", rest)
    rest = re.sub(r"^\W*this\s+(?:story|article)\s+(?:is|was)\s+from\b", " ", rest, flags=re.I)
    rest = re.sub(r"\b(updated|last|modified|published|posted|first|on|at|date|edited|revised|released)\b"
                  r"|[|:,•·()\-–—]", " ", rest, flags=re.I)
    left = len(rest.split())
    return 1.0 / (1 + left)
