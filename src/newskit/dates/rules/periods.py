"""Period rules: this/last/next units, quarters and halves, seasons, following the TimeBank conventions for news
text (a year-earlier quarter stays a quarter, "the year ended June 30" is P1Y). Amounts of time ("three years
ago", "two weeks") are in durations.py."""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, cast

from newskit import lexicon
from newskit.dates import timex
from newskit.dates.anchor import PAST
from newskit.dates.rules import rule
from newskit.dates.rules.calendar import DATE_PREPS, prev_word
from newskit.dates.words import (
    DECADE_WORDS,
    MONTH,
    ORDINALS,
    SEASON,
    SEASON_CODES,
    SEASON_WORDS,
    YEAR,
    month_number,
)
from newskit.lexicon import norm

if TYPE_CHECKING:
    from newskit.dates.anchor import Context

# "for the week", "ended the week": the whole period a market report sums up; "the week's" is read the same way.
_SUMMING = re.compile(r"\b(?:for|during|over|throughout|ended|ending|finished|closed|began|started|opened)\s+$", re.I)
_QUALIFIED = re.compile(r"\s*(?:of|before|after|when|that|in\s+which|ended|ending|to|through)\b", re.I)
_STEPS = ("the following", "the next", "the previous", "the preceding", "the prior")
_MATCH = re.compile(rf"\b(?:{lexicon.alternation(lexicon.words('dates/match_words'))})\b", re.I)
# "the same period" compares with a year earlier only after a word of comparison ("up from $2m in the same period");
# "costs rose over the same period" is the period just named.
_COMPARED = re.compile(r"\b(?:from|compared|versus|vs|against|than)\b[^.;]*$", re.I)
_OF_LAST_YEAR = re.compile(r"\s+(?:of|in)\s+the\s+(?:last|previous|prior|preceding)\s+year\b", re.I)


# Complexity kept: one case per unit and direction of a relative period.
@rule("relative", r"(?:(?P<edge>early|late|mid|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
                  r"|the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of|the\s+balance\s+of)[\s-]+(?:in\s+)?)?"
                  r"(?P<rel>this|last|next|the\s+past|the\s+last|the\s+coming|the\s+previous|the\s+preceding"
                  r"|the\s+prior|the\s+following|the\s+next|the\s+current|the\s+same|that|this\s+past|past"
                  r"|the\s+latest|the\s+full|the\s+calendar|the\s+current\s+fiscal|the\s+latest\s+fiscal|the"
                  r"|the\s+fiscal|the\s+new|the\s+whole|the\s+entire)\s+(?P<trading>(?:trading|business|working)\s+)?"
                  r"(?P<unit>day|week|weekend|month|year|decade|century)(?![\w-])",
      triggers="day week weekend month year decade century")
def _relative(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:  # noqa: C901, PLR0912
    rel, unit, edge = norm(m.group("rel")), m.group("unit").lower(), norm(m.group("edge"))
    if m.group("unit")[0].isupper() and m.group("rel")[0].isupper() and not edge and \
            re.search(r"(?:[\"\u201c]|\w's\s)$", ctx.before):
        return None  # the title of a show or a column: ABC's "This Week", the paper's This Year column
    gran = {"day": "D", "week": "W", "weekend": "W", "month": "M", "year": "Y", "decade": "E", "century": "C"}[unit]
    if m.group("trading"):
        return _trading_day(rel, unit, ctx)
    if rel in ("the", "the fiscal") and unit == "year" and not edge and \
            (prev_word(ctx) in ("over", "throughout") or re.match(r"\s+(?:ended|ending)\b", ctx.after)):
        return "DURATION", "P1Y"
    if rel == "the":
        if unit == "year" and not edge:
            prev = prev_word(ctx)
            if prev not in ("in", "during", "of", "this", "by", "for"):
                return None
        elif unit == "weekend":
            pass
        elif unit == "day" and edge in ("earlier", "later") and re.search(r"\sin\s", m.group(0)):
            # "later in the day": the day the story is at, or the day of the report
            return "DATE", ctx.reference("D") or ctx.relative(0, "D")
        elif unit in ("week", "month") and not edge and (_SUMMING.search(ctx.before) or ctx.after.startswith("'s")) \
                and not _QUALIFIED.match(ctx.after):
            # a market wrap's "for the week" or "the month's biggest gain": the period being reported on
            return "DATE", ctx.reference(gran) or ctx.relative(0, gran)
        elif not edge or unit == "day":
            return None  # "the day" alone is part of a narrative, rarely a date of its own
    if unit == "day" and rel in ("this", "the past", "the last", "past", "the full", "the whole", "the entire",
                                 "the latest", "the current", "the new"):
        return None
    if rel in ("the full", "the whole", "the entire") and unit != "year":
        return "DURATION", timex.duration(1, gran if gran not in "EC" else gran)
    if gran in "EC" and rel in ("the past", "the last", "past"):
        return "DURATION", timex.duration(1, gran)
    # In a past-tense narrative "the next year" and "the end of the week" continue the story's own time line:
    # the year after, the week of, the date last mentioned.
    narrative = ctx.tense == PAST and unit != "weekend" and ctx.reference(gran) is not None \
        and (rel == "the next" or (rel == "the" and edge))
    if rel in ("that", "the same", "the following", "the previous", "the preceding", "the prior") or \
            (rel == "the next" and unit in ("day",)) or narrative:
        base = ctx.reference(gran)
        if base is None and gran != "Y":
            # A reference is a valid date, so its start is known.
            base = (day_ref := ctx.reference("D")) and timex.at(cast(date, timex.start_of(day_ref)), gran)
        if base is None and rel in _STEPS and ctx.anchor is not None:
            base = ctx.relative(0, gran)  # "had said the previous day": no date named yet, so the report's own
        if base is None:
            return ("DATE", ctx.unknown(gran)) if ctx.anchor is None else None
        n = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1, "the prior": -1}.get(rel, 0)
        value = timex.shift(base, n, gran) if n else base
    else:
        n = {"last": -1, "the past": -1, "the last": -1, "past": -1, "the previous": -1, "next": 1,
             "the next": 1, "the coming": 1}.get(rel, 0)
        value = ctx.relative(n, gran)
        if unit == "weekend" and rel == "the":
            value = ctx.relative(ctx.direction(-1) if ctx.tense != "PRESENT" else 0, gran)
    if unit == "weekend":
        if value is None:
            return None  # no weekend to read (the test below would raise on it, rejecting the match)
        if "X" not in value:
            value += "-WE"
    return "DATE", value


def _trading_day(rel: str, unit: str, ctx: Context) -> tuple[str, str | None] | None:
    """"The previous trading day": one business day from the day the story is at (Friday before a Monday)."""
    step = {"the previous": -1, "the preceding": -1, "the prior": -1, "the next": 1, "the following": 1}.get(rel)
    if unit != "day" or step is None:
        return None
    base = ctx.reference("D") or ctx.relative(0, "D")
    start = timex.start_of(base) if base else None
    if start is None:
        return ("DATE", base) if base else None
    day = start + timedelta(days=step)
    while day.isoweekday() > 5:
        day += timedelta(days=step)
    return "DATE", timex.day(day)


@rule("unit_before", r"the\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after|earlier)(?=\s*[,.;:!?)]|\s*$)",
      triggers="day week month year")
def _unit_before(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    """"The day before, the pilot had complained": the day before the date the story is at."""
    gran = {"day": "D", "week": "W", "month": "M", "year": "Y"}[m.group("unit").lower()]
    base = ctx.reference(gran)
    if base is None:
        return None
    return "DATE", timex.shift(base, 1 if m.group("dir").lower() == "after" else -1, gran)


_ENDED = re.compile(rf"\s+(?:that\s+)?(?P<verb>ended|ending|ends|closed)\s+(?:on\s+)?(?P<mon>{MONTH})"
                    rf"\s+(?P<d>\d{{1,2}})\b", re.I)
_QMODS = (r"year-earlier|year-ago|year\s+earlier|year\s+ago|comparable|corresponding|same|latest|current|previous|prior"
          rf"|recent|most\s+recent|just-ended|just\s+ended|fiscal|calendar|flat|first|second|third|fourth|final|last"
          rf"|1st|2nd|3rd|4th|{YEAR}|this|next|its|their|the")


# Complexity kept: one case per written form of a quarter or half.
@rule("quarter", rf"(?:(?:the|its|their|a|this|last|next)\s+)?(?:(?P<yr>this|last|next)\s+year's\s+)?"
                 rf"(?P<mods>(?:(?:{_QMODS})[\s-]+){{0,4}})(?P<unit>quarter|period|half)"
                 rf"(?:\s+(?:of|in|for)\s+(?:(?P<y>{YEAR})|fiscal\s+(?P<fy>{YEAR})|(?P<ry>this|last|next)\s+year"
                 r"|the\s+(?P<ty>year)))?"
                 rf"(?P<ago>\s+a\s+year\s+(?:ago|earlier)|\s+last\s+year)?(?![\w-])",
      triggers="quarter quarters period half")
def _quarter(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:  # noqa: C901, PLR0912
    mods = norm(m.group("mods")).replace("-", " ")
    whole = norm(m.group(0))
    unit = m.group("unit").lower()
    ords = [ORDINALS[w] for w in mods.split() if w in ORDINALS and w not in ("last", "final")]
    year = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", mods)
    if unit == "period" and not (year or re.search(r"year|comparable|corresponding|same|latest", mods)):
        return None
    if unit == "half" and not ords and "last" not in mods and "second" not in mods:
        return None
    if unit == "half" and not (year or m.group("y") or m.group("fy")) and _MATCH.search(ctx.before + ctx.after):
        return None  # "scored twice in the first half", "a second-half penalty": a half of the match
    if unit == "quarter" and not mods and not whole.startswith(("the ", "its ", "this ", "last ", "next ")):
        return None
    if unit == "quarter" and whole.startswith("a ") and not ords:
        return None
    gran = "H" if unit == "half" else "Q"
    a = ctx.today()
    same_a_year_back = "same" in mods and bool(_COMPARED.search(ctx.before) or _OF_LAST_YEAR.match(ctx.after))
    back = -1 if ("year earlier" in mods or "year ago" in mods or m.group("ago") or "corresponding" in mods
                  or "comparable" in mods or same_a_year_back) else 0
    if unit == "half":
        n = ords[0] if ords else 2
    elif ords:
        n = ords[0]
    elif "last" in mods.split() or "previous" in mods or "prior" in mods:
        n = None
    else:
        n = 0  # the quarter under discussion
    if m.group("y") or m.group("fy") or year:
        y = int(m.group("y") or m.group("fy") or (year.group(1) if year else ""))
    elif m.group("ry") or m.group("yr"):
        if a is None:
            return "DATE", ctx.unknown(gran)
        y = a.year + {"this": 0, "last": -1, "next": 1}[(m.group("ry") or m.group("yr")).lower()]
    elif m.group("ty"):
        # "the first half of the year": the year under discussion
        year_ref = ctx.reference("Y") or (timex.at(a, "Y") if a else None)
        if year_ref is None:
            return "DATE", ctx.unknown(gran)
        y = int(year_ref[:4])
    else:
        y = None
    if n == 0:
        ended = _ENDED.match(ctx.after)
        if ended and gran == "Q" and a is not None:
            mon, d = month_number(ended.group("mon")), int(ended.group("d"))
            end = ctx.month_day(mon, d, ctx.closed_year(mon, d) if ended.group("verb").lower() in ("ended", "closed")
                                else None)
            ref = timex.at(cast(date, timex.start_of(end)), "Q") if "X" not in end else None  # a valid day
        elif re.search(r"\b(?:current|this|latest|recent)\b", mods + " " + whole):
            ref = None
        else:
            ref = ctx.reference(gran)
        if ref is None:
            if a is None:
                return "DATE", ctx.unknown(gran)
            # Reports describe the last completed quarter as "the quarter" or "the latest quarter"; what "will"
            # happen "by the end of the quarter" happens in the one under way.
            current = re.search(r"\b(?:current|this)\b", mods + " " + whole) or \
                (ctx.direction(0) > 0 and not re.search(r"\b(?:latest|recent|last)\b", mods))
            # The quarter before a valid one always exists.
            ref = timex.at(a, "Q") if current else cast(str, timex.shift(timex.at(a, "Q"), -1, "Q"))
        value = ref if y is None else f"{y:04d}-{ref[5:]}"
        return "DATE", timex.shift(value, back, "Y") if back else value
    if n is None:
        base = ctx.reference(gran) or (ctx.relative(0, gran) if a else None)
        if base is None:
            return "DATE", ctx.unknown(gran)
        return "DATE", timex.shift(base, -1, gran)
    if y is None:
        if a is None:
            return "DATE", f"XXXX-{gran}{n}"
        cur = timex.quarter_of(a) if gran == "Q" else (1 if a.month <= 6 else 2)
        y = _quarter_year(a.year, n, cur, ctx) + back
    return "DATE", f"{y:04d}-{gran}{n}"


def _quarter_year(year: int, n: float, current: int, ctx: Context) -> int:
    """Return the year of quarter (or half) `n` named without one: a later quarter told in the past tense is last
    year's; one two or more back that a plan or forecast looks to is next year's ("expects a profit in the first
    quarter" written in October)."""
    step = ctx.direction(0)
    if n > current and step < 0:
        return year - 1
    if n < current - 1 and step > 0:
        return year + 1  # the quarter just ended is still to be reported on: "will post third-quarter results"
    return year


_SHORT_YEAR = rf"(?:FY\s?)?(?:{YEAR}|'\d\d)"


@rule("quarter_code", rf"(?:(?P<fy>FY\s?)?(?P<y0>{YEAR})[\s-]+)?"
                      rf"(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q|H(?P<h>[12])|(?P<h2>[12])H)"
                      rf"(?:(?:\s+|-|/|\s*(?='))(?P<y>{_SHORT_YEAR})|(?P<yy>\d\d))?(?![\w%-]|[.,]\d)"
                      rf"|(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?P<unit>quarter|half)"
                      rf"[\s-]+(?P<y3>{YEAR})(?![\w%-]|[.,]\d)",
      triggers=DECADE_WORDS, digits=True)
def _quarter_code(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    """Quarters and halves written the way earnings reports do: "Q3 2024", "3Q24", "H1 2024", "first-half 2024"."""
    if m.group("ord"):
        gran = "H" if m.group("unit").lower() == "half" else "Q"
        n = ORDINALS[m.group("ord").lower()]
        if gran == "H" and n > 2:
            return None
        return "DATE", f"{int(m.group('y3')):04d}-{gran}{n}"
    code = m.group("q") or m.group("q2") or m.group("h") or m.group("h2")
    if not re.search(r"[QH]", m.group(0)):
        return None  # "q3" or "h1" in lower case is rarely a quarter
    gran = "Q" if (m.group("q") or m.group("q2")) else "H"
    n = int(code)
    year = m.group("y0") or m.group("y") or m.group("yy")
    if year:
        year = year.upper().replace("FY", "").strip().lstrip("'")
        y = int(year) if len(year) == 4 else 2000 + int(year) if int(year) <= 50 else 1900 + int(year)
        return "DATE", f"{y:04d}-{gran}{n}"
    if gran == "H" or m.group("q2"):
        return None  # a bare "H1" or "3Q" is more often a heading, a visa or a model name
    a = ctx.today()
    if a is None:
        return "DATE", f"XXXX-Q{n}"
    return "DATE", f"{_quarter_year(a.year, n, timex.quarter_of(a), ctx):04d}-Q{n}"


@rule("season", rf"(?:(?P<edge>early|late|mid)[\s-]+)?(?:(?P<rel>this|last|next|this\s+past|this\s+coming|the|that"
                rf"|the\s+previous|the\s+following|the\s+coming|the\s+past)\s+)?(?:(?:early|late)\s+)?"
                rf"(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?(?![\w-])",
      triggers=SEASON_WORDS)
def _season(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    code = SEASON_CODES[m.group("s").lower()]
    rel = norm(m.group("rel"))
    if m.group("y"):
        return "DATE", f"{m.group('y')}-{code}"
    if not rel and not m.group("edge") and (m.group("s").lower() in ("fall", "spring")
                                             or prev_word(ctx) not in DATE_PREPS):
        return None
    if rel == "the" and re.match(r"\s+of\b", ctx.before[-0:] or "") is not None:
        return None
    a = ctx.today()
    if a is None:
        return "DATE", f"XXXX-{code}"
    order = ["WI", "SP", "SU", "FA"]
    cur_y, cur = timex.season_of(a)
    idx, target = order.index(cur), order.index(code)
    if rel in ("last", "this past", "the previous", "the past"):
        y = cur_y if target < idx else cur_y - 1
    elif rel in ("next", "this coming", "the following", "the coming"):
        y = cur_y if target > idx else cur_y + 1
    elif rel == "this":
        y = cur_y
    else:
        step = ctx.direction(0)
        y = cur_y - 1 if (step < 0 and target > idx) else cur_y + 1 if (step > 0 and target < idx) else cur_y
    return "DATE", f"{y:04d}-{code}"
