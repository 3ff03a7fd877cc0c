"""Named dates: holidays ("Thanksgiving", "Christmas Eve") and years spelled out in broadcast transcripts."""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, cast

from newskit.dates import timex
from newskit.dates.rules import rule
from newskit.dates.rules.calendar import capitalized
from newskit.dates.words import (
    MONTH,
    NUMBER_WORDS,
    SEASON,
    SEASON_CODES,
    SPOKEN_TENS,
    YEAR,
    cardinal,
    month_number,
    number,
)
from newskit.lexicon import norm

if TYPE_CHECKING:
    from newskit.dates.anchor import Context


@rule("spoken_year", rf"(?:(?P<mon>{MONTH})\s+|(?:the\s+)?(?P<s>{SEASON})\s+of\s+)?"
                     rf"(?:the\s+year\s+)?(?P<c>nineteen|eighteen)[\s-](?P<y>{SPOKEN_TENS}|hundred)(?![\w-])"
                     r"|(?P<yr>the\s+year\s+)two\s+thousand(?:\s+(?:and\s+)?(?P<y2>"
                     rf"{cardinal(1, 19)}|{SPOKEN_TENS}))?(?![\w-])",
      triggers="nineteen eighteen thousand")
def _spoken_year(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    """Broadcast transcripts spell years out: "nineteen ninety-six", "the year two thousand"."""
    if m.group("yr"):
        y = 2000 + (number(m.group("y2")) or 0 if m.group("y2") else 0)
    else:
        tail = m.group("y").lower()
        y = NUMBER_WORDS[m.group("c").lower()] * 100 + (0 if tail == "hundred" else number(tail.replace("-", " ")) or 0)
    if m.group("mon"):
        if not capitalized(m.group("mon")):
            return None
        return "DATE", timex.month(cast(int, y), month_number(m.group("mon")))  # spoken years are whole
    if m.group("s"):
        return "DATE", f"{y:04d}-{SEASON_CODES[m.group('s').lower()]}"
    return "DATE", f"{y:04d}"


def _easter(y: int) -> date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(y, month, day + 1)


def _nth_weekday(y: int, month: int, wd: int, n: int) -> date:
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(y + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - wd) % 7)


def _key(name: str) -> str:
    """Return the key a holiday's name is looked up by: casefolded, letters and spaces only ("Presidents' Day" ->
    "presidents day", "Martin Luther King Jr. Day" -> "martin luther king jr day")."""
    return " ".join(re.sub(r"[^a-z ]", " ", norm(name)).split())


HOLIDAYS: dict[str, Callable[[int], date]] = {
            "christmas": lambda y: date(y, 12, 25), "christmas day": lambda y: date(y, 12, 25),
            "christmas eve": lambda y: date(y, 12, 24), "new year s day": lambda y: date(y, 1, 1),
            "new year s eve": lambda y: date(y, 12, 31), "independence day": lambda y: date(y, 7, 4),
            "halloween": lambda y: date(y, 10, 31), "valentine s day": lambda y: date(y, 2, 14),
            "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
            "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
            "labor day": lambda y: _nth_weekday(y, 9, 1, 1), "memorial day": lambda y: _nth_weekday(y, 5, 1, -1),
            "easter": _easter, "easter sunday": _easter,
            "good friday": lambda y: _easter(y) - timedelta(days=2),
            "easter monday": lambda y: _easter(y) + timedelta(days=1),
            "election day": lambda y: _nth_weekday(y, 11, 1, 1) + timedelta(days=1),
            # the holidays markets close for and news dates by, in the United States, Britain, Canada, Ireland,
            # France and Australia ("U.S. markets were closed for Martin Luther King Day")
            "martin luther king day": lambda y: _nth_weekday(y, 1, 1, 3),
            "martin luther king jr day": lambda y: _nth_weekday(y, 1, 1, 3),
            "mlk day": lambda y: _nth_weekday(y, 1, 1, 3),
            "presidents day": lambda y: _nth_weekday(y, 2, 1, 3), "president s day": lambda y: _nth_weekday(y, 2, 1, 3),
            "columbus day": lambda y: _nth_weekday(y, 10, 1, 2),
            "veterans day": lambda y: date(y, 11, 11), "remembrance day": lambda y: date(y, 11, 11),
            "armistice day": lambda y: date(y, 11, 11), "juneteenth": lambda y: date(y, 6, 19),
            "black friday": lambda y: _nth_weekday(y, 11, 4, 4) + timedelta(days=1),
            "cyber monday": lambda y: _nth_weekday(y, 11, 4, 4) + timedelta(days=4),
            "boxing day": lambda y: date(y, 12, 26), "st patrick s day": lambda y: date(y, 3, 17),
            "saint patrick s day": lambda y: date(y, 3, 17), "canada day": lambda y: date(y, 7, 1),
            "bastille day": lambda y: date(y, 7, 14), "australia day": lambda y: date(y, 1, 26)}


# A holiday's name, with "last"/"next"/"this" before it and a year after it.
_HOLIDAY = (rf"(?:(?P<rel>last|next|this)\s+)?(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)"
            rf"|Independence\s+Day|Halloween|Valentine's\s+Day|Thanksgiving(?:\s+Day)?|Labor\s+Day"
            rf"|Memorial\s+Day|Election\s+Day|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday"
            rf"|Martin\s+Luther\s+King(?:,?\s+Jr\.?)?\s+Day|MLK\s+Day|Presidents?'?(?:'s)?\s+Day"
            rf"|Columbus\s+Day|Veterans'?\s+Day|Remembrance\s+Day|Armistice\s+Day|Juneteenth"
            rf"|Black\s+Friday|Cyber\s+Monday|Boxing\s+Day|(?:St\.?|Saint)\s+Patrick's\s+Day"
            rf"|Canada\s+Day|Bastille\s+Day|Australia\s+Day)(?:,?\s+(?P<y>{YEAR}))?(?![\w])"
            r"(?!\s+(?:agreement|accords?)\b)")  # "the Good Friday Agreement" is a treaty
_HOLIDAY_NAME = re.compile(r"(?<![\w'])(?:" + _HOLIDAY + ")", re.IGNORECASE)


def holiday_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) character offsets of the capitalized holidays' names in `text` ("Martin Luther King
    Day", "Good Friday"): the entity layers drop the names the models find inside them."""
    return [m.span("h") for m in _HOLIDAY_NAME.finditer(text) if capitalized(m.group("h"))]


@rule("holiday", _HOLIDAY,
      triggers="christmas thanksgiving easter halloween valentine new independence labor memorial election good "
               "king mlk presidents columbus veterans remembrance armistice juneteenth black cyber "
               "boxing patrick canada bastille australia")
def _holiday(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    name = _key(m.group("h"))
    if not capitalized(m.group("h")):
        return None
    fn = HOLIDAYS[name]
    if m.group("y"):
        return "DATE", timex.day(fn(int(m.group("y"))))
    a = ctx.today()
    if a is None:
        return "DATE", "XXXX-XX-XX"
    rel = (m.group("rel") or "").lower()
    step = {"last": -1, "next": 1}.get(rel, ctx.direction(0))
    this = fn(a.year)
    if step < 0 and this > a:
        this = fn(a.year - 1)
    elif step > 0 and this < a:
        this = fn(a.year + 1)
    elif step == 0 and abs((this - a).days) > 183:
        this = fn(a.year + (1 if this < a else -1))
    return "DATE", timex.day(this)
