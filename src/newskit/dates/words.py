"""The words of English temporal expressions (months, weekdays, numbers, units) and the regex pieces built on them."""
from __future__ import annotations

import re

from newskit import lexicon

_SPACE = r"\s+"


def _numbers(name: str) -> dict[str, int | float]:
    return {w: float(v) if "." in v else int(v) for w, v in lexicon.table(name).items()}


def _named(name: str) -> tuple[dict[str, int], list[str], list[str]]:
    """Return (word -> number, full names, abbreviations) of a months or weekdays table."""
    rows = lexicon.rows(name)
    return {r[0]: int(r[1]) for r in rows}, [r[0] for r in rows if len(r) == 2], [r[0] for r in rows if len(r) > 2]


MONTHS, _MONTH_NAMES, _MONTH_ABBREVIATIONS = _named("dates/months")
MONTH_NAMES = tuple(sorted(_MONTH_NAMES, key=MONTHS.__getitem__))  # january … december
WEEKDAYS, _WEEKDAY_NAMES, _WEEKDAY_ABBREVIATIONS = _named("dates/weekdays")
SEASON_CODES = lexicon.table("dates/seasons")
_PARTS = lexicon.rows("dates/day_parts")
PART_CODES = {r[0]: r[1] for r in _PARTS}
ORDINALS = _numbers("dates/ordinals")
CARDINALS = _numbers("dates/cardinals")  # "zero" ... "ninety"
NUMBER_WORDS = {**CARDINALS, **_numbers("dates/number_words")}
_TENS = {w: n for w, n in CARDINALS.items() if n >= 20}
VAGUE = lexicon.entries("dates/vague_quantities")
# "the twenties" ... "the nineties", in order
DECADE_WORDS = lexicon.entries("dates/decade_words")

# Unit words -> TIMEX3 unit codes (MIN is minutes, E decades, C centuries, L millennia).
UNITS = lexicon.table("dates/time_units")

# Trigger words of the date rules (see dates.rules.rule): the words their matches are built around.
MONTH_WORDS = frozenset(MONTHS)
WEEKDAY_PLURALS = tuple(w + "s" for w in _WEEKDAY_NAMES)  # "on Mondays": a set
WEEKDAY_WORDS = frozenset(WEEKDAYS) | frozenset(WEEKDAY_PLURALS)
UNIT_WORDS = frozenset(UNITS) | {w + "s" for w in UNITS} | {"centuries", "millennia"}
SEASON_WORDS = frozenset(SEASON_CODES) | {"season"}
PART_WORDS = frozenset(PART_CODES) | {"noon", "midnight"}

MONTH = rf"(?:{lexicon.alternation(_MONTH_NAMES)}|(?:{lexicon.alternation(_MONTH_ABBREVIATIONS)})\.?)"
WEEKDAY = rf"(?:{lexicon.alternation(_WEEKDAY_NAMES)}|(?:{lexicon.alternation(_WEEKDAY_ABBREVIATIONS)})\.)"
SEASON = rf"(?:{lexicon.alternation(SEASON_CODES)})"
PART = rf"(?:{lexicon.alternation([r[0] for r in _PARTS if r[2:] == ('day',)])})"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
# Time zones written after a clock time ("4 p.m. EDT", "1430 GMT").
ZONE = rf"(?:{lexicon.alternation(lexicon.entries('dates/time_zones'))})"


def cardinal(low: int, high: int) -> str:
    """Return a regex alternation of the spelled-out cardinals from `low` to `high` ("one" ... "twelve")."""
    return rf"(?:{lexicon.alternation(w for w, n in CARDINALS.items() if low <= n <= high)})"


# "twenty", "forty-five", "ninety nine"
SPOKEN_TENS = rf"(?:{lexicon.alternation(_TENS)})(?:[- ]{cardinal(1, 9)})?"
# A count written out: a spelled-out cardinal from one to ninety-nine, or a quantity word ("a dozen", "a couple of").
NUMWORD = (rf"(?:{SPOKEN_TENS}|{cardinal(1, 19)}"
           rf"|{lexicon.alternation(w for w, n in NUMBER_WORDS.items() if w not in CARDINALS and n >= 2)})")
NUM = (rf"(?:\d+(?:\.\d+)?(?:\s*1/2|\s+and\s+a\s+half)?|{NUMWORD}(?:[\s-]+and[\s-]+a[\s-]+half)?"
       r"|an?(?:\s+and\s+a\s+half)?"
       r"|half\s+an?|a\s+few|few|several|some|many|a\s+number\s+of)")
UNIT = (r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries"
        r"|century|millenni(?:um|a))")
APPROX = rf"(?:{lexicon.alternation(lexicon.entries('dates/approximators'), space=_SPACE)})"

def number(text: str) -> int | float | None:
    """Return the quantity a number phrase names (int or float), or None when it is vague ("several")."""
    t = " ".join(text.lower().replace("-", " ").split())
    half = 0.0
    if t.endswith("and a half"):
        half, t = 0.5, t[: -len("and a half")].strip()
    if re.fullmatch(r"\d+ 1/2|\d+1/2", t):
        return int(t.split()[0].replace("1/2", "") or 0) + 0.5
    if re.fullmatch(r"[\d,]+(\.\d+)?", t):
        val = float(t.replace(",", "")) + half
        return int(val) if val.is_integer() else val
    if t in VAGUE:
        return None
    value = None
    if t in NUMBER_WORDS:
        value = NUMBER_WORDS[t]
    else:
        parts = t.split()
        if len(parts) == 2 and parts[0] in _TENS and parts[1] in NUMBER_WORDS:
            value = _TENS[parts[0]] + NUMBER_WORDS[parts[1]]
    if value is None:
        return None
    return value + half if half else value


def month_number(word: str) -> int:
    """Return the month (1-12) a month name or abbreviation names."""
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    """Return the ISO weekday (1 = Monday) a weekday name names."""
    return WEEKDAYS[word.lower().rstrip(".").rstrip("s")] if word.lower().rstrip(".") not in WEEKDAYS \
        else WEEKDAYS[word.lower().rstrip(".")]


def unit_code(word: str) -> str:
    """Return the unit code of a unit word, singular or plural."""
    w = word.lower()
    if w in ("centuries",):
        return "C"
    if w.startswith("millenni"):
        return "L"
    return UNITS[w[:-1] if w.endswith("s") and w[:-1] in UNITS else w]
