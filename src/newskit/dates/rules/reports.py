"""Periods of earnings and sales reports: quarters named by their months ("the July-September quarter"), a month or
week compared with the one a year before ("the year-earlier month") and running totals ("year-to-date")."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from newskit import lexicon
from newskit.dates import timex
from newskit.dates.rules import rule
from newskit.dates.rules.calendar import capitalized
from newskit.dates.words import MONTH, MONTH_WORDS, YEAR, month_number
from newskit.lexicon import norm

if TYPE_CHECKING:
    from newskit.dates.anchor import Context

_YEAR_AGO = lexicon.entries("dates/year_ago_words")
_YEAR_AGO_RX = lexicon.alternation(_YEAR_AGO, space=r"[\s-]+")
# What may follow "the same month" to place it a year back: "a year earlier", "last year", "of the prior year".
_YEAR_BACK = (r"\s+(?:a\s+year\s+(?:ago|earlier|before)|(?:of\s+)?last\s+year"
              r"|(?:of|in)\s+the\s+(?:previous|prior|preceding)\s+year)")


@rule("month_range", rf"(?:the\s+)?(?P<m1>{MONTH})\s*(?:-|\u2013|\u2014|/|\s+to\s+|\s+through\s+)\s*(?P<m2>{MONTH})"
                     rf"\s+(?P<unit>quarter|period|half|months)(?:\s+(?:of\s+)?(?P<y>{YEAR}))?(?![\w-])",
      triggers=MONTH_WORDS)
def _month_range(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    """A quarter or half written as its first and last month, as Japanese and other fiscal calendars are reported:
    "the April-June quarter" is the second quarter; a range that is no calendar quarter or half is left alone."""
    if not (capitalized(m.group("m1")) and capitalized(m.group("m2"))):
        return None
    first, last = month_number(m.group("m1")), month_number(m.group("m2"))
    months = (last - first) % 12 + 1
    if months == 3 and first % 3 == 1:
        code = f"Q{(first + 2) // 3}"
    elif months == 6 and first in (1, 7):
        code = f"H{1 if first == 1 else 2}"
    else:
        return None
    if m.group("y"):
        year = int(m.group("y"))
    else:
        found = ctx.year_for(last)
        if found is None:
            return "DATE", f"XXXX-{code}"
        year = found
    return "DATE", f"{year:04d}-{code}"


@rule("year_ago_period", rf"(?:the\s+)?(?:(?P<same>same)|(?P<ago>{_YEAR_AGO_RX}))[\s-]+(?P<unit>month|week)"
                         rf"(?:(?P<back>{_YEAR_BACK})|\s+(?:of|in)\s+(?P<y>{YEAR}))?(?![\w-])",
      triggers="month week")
def _year_ago_period(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    """"Sales fell from the year-earlier month": the month under discussion (the last month named, even with a year
    named after it), one year back."""
    if m.group("same") and not (m.group("back") or m.group("y")):
        return None  # "the same month" alone is the month under discussion: the relative rule reads it
    gran = "M" if m.group("unit").lower() == "month" else "W"
    base = ctx.latest(gran) or ctx.reference(gran)
    if base is None:
        if ctx.anchor is None:
            return "DATE", ctx.unknown(gran)
        base = cast(str, ctx.relative(0, gran))  # the current period, never None
    if m.group("y"):  # "the same month in 2007": that year's month of the one under discussion
        return "DATE", f"{m.group('y')}{base[4:]}"
    return "DATE", timex.shift(base, -1, "Y")


@rule("to_date", r"(?P<unit>year|month|quarter)[\s-]+to[\s-]+date(?![\w-])", triggers="year month quarter")
def _to_date(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    """"Down 35 percent year-to-date": the running year (month, quarter) the report is in, like "so far this year"."""
    gran = {"year": "Y", "month": "M", "quarter": "Q"}[norm(m.group("unit"))]
    return "DATE", ctx.relative(0, gran)
