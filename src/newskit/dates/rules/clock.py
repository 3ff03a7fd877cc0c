"""Clock times: "10:35 a.m.", "noon Saturday", "4 p.m. EDT", "1430 GMT", each on the day it names or the day the
story is at."""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, cast

from newskit.dates import timex
from newskit.dates.rules import rule
from newskit.dates.rules.calendar import capitalized, day_num
from newskit.dates.words import (
    DAYNUM,
    MONTH,
    NUMBER_WORDS,
    WEEKDAY,
    YEAR,
    ZONE,
    cardinal,
    month_number,
    weekday_number,
)

if TYPE_CHECKING:
    from newskit.dates.anchor import Context

# "10:35 a.m. (0735 GMT)": wire copy restates the time just given in GMT.
_RESTATED = re.compile(r"(?:[ap]\.\s?m\.?|[ap]m|\d:\d\d)\s*(?:[A-Z]{2,4}\s*)?\(\s*$", re.I)
# A weekday set off from the time by a restatement in parentheses names the time's day all the same.
_DAY_AFTER = re.compile(rf"\s*\([^()\n]{{1,25}}\)\s*,?\s*(?:on\s+)?(?P<wd>{WEEKDAY})(?!\w)", re.I)
_HEADING_BEFORE = re.compile(r"(?:^|\n)[ \t]*$")
_HEADING_AFTER = re.compile(r"[ \t.:]*(?:\n|$)")


# Complexity kept: one case per written form of a time of day.
@rule("clock", rf"(?:(?:around|about|at\s+about|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
               r"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.?|[ap]m\b)"
               r"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?![\d:])|(?P<named>noon|midnight|midday)"
               rf"|(?P<hw>\d{{1,2}}|{cardinal(1, 12)})\s+o'clock"
               rf"|(?P<h4>[01]\d|2[0-3])(?P<mi4>[0-5]\d)(?=\s+{ZONE}\b))"
               rf"(?:\s+(?P<tz>{ZONE}|local\s+time))?"
               rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY})|(?P<rd>today|yesterday|tomorrow)"
               rf"|(?P<mon>{MONTH})\s+(?P<d>{DAYNUM})(?:,?\s+(?P<y>{YEAR}))?))?(?![\w])",
      triggers="noon midnight midday clock", digits=True)
def _clock(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:  # noqa: PLR0912
    if m.group("named") and re.search(r"\bhigh\s*$", ctx.before, re.I):
        return None
    if m.group("named"):
        hh, mm = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[m.group("named").lower()]
    elif m.group("hw"):
        hw = m.group("hw").lower()
        hh, mm = (int(hw) if hw.isdigit() else cast(int, NUMBER_WORDS[hw])), 0  # an hour word is whole
    elif m.group("h4"):
        if _RESTATED.search(ctx.before):
            return None  # "10:35 a.m. (0735 GMT)" restates the time just given
        hh, mm = int(m.group("h4")), int(m.group("mi4"))
    elif m.group("h24"):
        if m.group("tz") is None and not re.search(r"\b(?:at|by|until|from|before|after)\s*$", ctx.before):
            return None
        hh, mm = int(m.group("h24")), int(m.group("mi24"))
    else:
        hh, mm = int(m.group("h")), int(m.group("mi") or 0)
        if hh > 12:
            return None
        pm = m.group("ampm").lower().startswith("p")
        hh = (hh % 12) + (12 if pm else 0)
    if m.group("wd"):
        if not capitalized(m.group("wd")):
            return None
        base = ctx.weekday(weekday_number(m.group("wd")))
    elif m.group("rd"):
        a = ctx.today()
        base = timex.day(a + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[m.group("rd").lower()])) \
            if a else "XXXX-XX-XX"
    elif m.group("mon"):
        base = ctx.month_day(month_number(m.group("mon")), day_num(m.group("d")),
                             int(m.group("y")) if m.group("y") else None)
    elif _HEADING_BEFORE.search(ctx.before) and _HEADING_AFTER.match(ctx.after):
        # a time alone on its line stamps an entry of a live blog ("3:40 p.m." then the news): the day of
        # publication, not the day the previous entry mentioned
        base = timex.day(cast(date, ctx.today())) if ctx.today() else "XXXX-XX-XX"
    elif (later := _DAY_AFTER.match(ctx.after)) and capitalized(later.group("wd")):
        base = ctx.weekday(weekday_number(later.group("wd")))  # "at 10:35 a.m. (0735 GMT) Friday"
    else:
        base = ctx.reference("D") or (timex.day(cast(date, ctx.today())) if ctx.today() else "XXXX-XX-XX")
    tz = "Z" if (m.group("tz") or "").upper() in ("UTC", "GMT") else ""
    return "TIME", f"{base}T{hh:02d}:{mm:02d}{tz}"
