"""The words of English temporal expressions (months, weekdays, numbers, units) and the regex pieces built on them."""
from __future__ import annotations

import re

MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
          "september": 9, "october": 10, "november": 11, "december": 12,
          "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
          "nov": 11, "dec": 12}
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
            "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7}
SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PART_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
              "tonight": "NI", "midday": "MI"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": -1, "final": -1}

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
NUMBER_WORDS = {w: i for i, w in enumerate(_ONES)}
NUMBER_WORDS.update(_TENS)
NUMBER_WORDS.update({"a": 1, "an": 1, "dozen": 12, "a dozen": 12, "couple": 2, "a couple": 2, "a couple of": 2,
                     "couple of": 2, "hundred": 100, "a hundred": 100, "a half": 0.5, "half a": 0.5, "half": 0.5})
VAGUE = ("a few", "few", "several", "some", "many", "a number of", "dozens of", "hundreds of", "numerous",
         "a couple of", "the last few", "the past few")

# Unit words -> TIMEX3 unit codes (MIN is minutes, E decades, C centuries, L millennia).
UNITS = {"second": "S", "minute": "MIN", "hour": "H", "day": "D", "night": "D", "week": "W", "fortnight": "W",
         "month": "M", "quarter": "Q", "year": "Y", "decade": "E", "century": "C", "millennium": "L",
         "weekend": "WE", "semester": "M"}

MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
         r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)")
WEEKDAY = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
           r"|(?:mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.)")
SEASON = r"(?:spring|summer|fall|autumn|winter)"
PART = r"(?:morning|afternoon|evening|night)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
NUMWORD = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven"
           r"|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two"
           r"|three|four|five|six|seven|eight|nine|ten|a dozen|dozen|a couple of|couple of|a hundred|hundred)")
NUM = (rf"(?:\d+(?:\.\d+)?(?:\s*1/2|\s+and\s+a\s+half)?|{NUMWORD}(?:[\s-]+and[\s-]+a[\s-]+half)?"
       r"|an?(?:\s+and\s+a\s+half)?"
       r"|half\s+an?|a\s+few|few|several|some|many|a\s+number\s+of)")
UNIT = (r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries"
        r"|century|millenni(?:um|a))")
APPROX = (r"(?:about|around|approximately|roughly|nearly|almost|some|over|more\s+than|less\s+than|fewer\s+than"
          r"|at\s+least|at\s+most|up\s+to|no\s+more\s+than|not\s+more\s+than|just|only|barely|exactly"
          r"|well\s+over|upwards\s+of|the\s+better\s+part\s+of)")
EDGE = (r"(?:early|late|mid|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
        r"|the\s+middle\s+of|the\s+close\s+of|the\s+turn\s+of)")


def number(text: str):
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
    if t in VAGUE or t in ("few", "several", "some", "many", "a number of"):
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
