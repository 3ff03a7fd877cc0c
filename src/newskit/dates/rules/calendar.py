"""Calendar rules: explicit dates, months, years, decades, weekdays, days relative to today and clock times.

Each handler turns its rule's match into a TIMEX3 (type, value) using a `Context`, or None to reject the match.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import cast

from newskit import lexicon
from newskit.dates import timex
from newskit.dates.anchor import Context
from newskit.dates.rules import rule
from newskit.dates.words import (
    DAYNUM,
    DECADE_WORDS,
    MONTH,
    MONTH_WORDS,
    PART,
    PART_CODES,
    PART_WORDS,
    WEEKDAY,
    WEEKDAY_WORDS,
    YEAR,
    ZONE,
    month_number,
    weekday_number,
)
from newskit.lexicon import norm

# Words after which a bare "May"/"March"/"fall"/"spring" is a date and not a verb or a name.
DATE_PREPS = lexicon.words("dates/date_prepositions")


def capitalized(word: str) -> bool:
    """Return True when `word` starts with a capital letter."""
    return word[:1].isupper()


_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\"\u2019\u201d]?\s+|\n\s*|[\"\u201c\u2018(]\s*)$")


def in_name(words: str, ctx: Context) -> bool:
    """Return True when common temporal words are capitalized inside a name: "the New York Daily News", "CBS This
    Morning", "Washington Monthly". Capitals mid-sentence, or before another capitalized word, mark a title."""
    if not all(w[:1].isupper() for w in re.findall(r"[A-Za-z]+", words)):
        return False
    return not _SENTENCE_START.search(ctx.before) or bool(re.match(r"\s+[A-Z]", ctx.after))


def prev_word(ctx: Context) -> str:
    """Return the lowercased word right before the match, or "" when there is none."""
    m = re.search(r"([A-Za-z]+)[\s-]*$", ctx.before)
    return m.group(1).lower() if m else ""


def day_num(s: str) -> int:
    """Return the day number a day-of-month string ("3rd", "21") starts with."""
    m = re.match(r"\d+", s)
    if m is None:
        raise ValueError(f"no day number in {s!r}")
    return int(m.group())


# What follows "September 11" when it names the attacks of 2001, not a day of the article's year.
_ATTACKS = re.compile(r"\s+(?:terror(?:ist)?\s+)?(?:attacks?|hijackings|commission)\b", re.IGNORECASE)


@rule("date", rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?P<mon>{MONTH})(?:\s+|(?<=\.))(?:the\s+)?(?P<d>{DAYNUM})(?![\d:])"
              rf"(?:,?\s+(?P<y>{YEAR})|,?\s+'(?P<yy>\d\d)|\s+of\s+(?P<ry>this|last|next)\s+year)?"
              rf"|(?:the\s+)?(?P<d2>{DAYNUM})\s+(?:of\s+)?(?P<mon2>{MONTH})(?:,?\s+(?P<y2>{YEAR}))?)(?![\w])",
      triggers=MONTH_WORDS)
def _date(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    mon = m.group("mon") or m.group("mon2")
    if not capitalized(mon):
        return None
    d = day_num(m.group("d") or m.group("d2"))
    y = m.group("y") or m.group("y2")
    if m.group("yy"):
        y = ("19" if int(m.group("yy")) > 30 else "20") + m.group("yy")
    if m.group("ry"):  # "Jan. 1 of this year"
        a = ctx.today()
        if a is None:
            return "DATE", f"XXXX-{month_number(mon):02d}-{d:02d}"
        y = str(a.year + {"this": 0, "last": -1, "next": 1}[m.group("ry").lower()])
    if y:
        return "DATE", ctx.month_day(month_number(mon), d, int(y))
    if (month_number(mon), d) == (9, 11) and _ATTACKS.match(ctx.after):
        return "DATE", "2001-09-11"  # "since the September 11 attacks": the day of 2001 whatever the article's year
    if ctx.anchor is None:
        ctx.used_anchor = True
    return "DATE", ctx.month_day(month_number(mon), d)


@rule("ordinal_day", r"(?<=\bon\s)the\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?=\s*[,.;)]|\s+(?:and|at|when)\b)",
      triggers=(), digits=True)
def _ordinal_day(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    """"on the 15th" after a month was named: that day of the month under discussion."""
    month = ctx.reference("M")
    if month is None:
        return None
    try:
        return "DATE", timex.day(date(int(month[:4]), int(month[5:7]), int(m.group("d"))))
    except ValueError:
        return None


# "April 24 and 25", "Nov. 4-5", "March 2, 9 and 16": the month named once before a list of days.
_LISTED = re.compile(rf"(?P<mon>{MONTH})\s+{DAYNUM}(?:\s*,\s*{DAYNUM})*\s*(?:,?\s*(?:and|or|to|through)\s+|[-\u2013])$",
                     re.I)
_LIST_END = re.compile(r"(?:\d|\band|\bor|\bto|\bthrough)\s*$|[-\u2013]$", re.I)


@rule("listed_day", r"(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:1[5-9]|20)\d\d))?"
                    r"(?=\s*[,.;:)]|\s+(?:and|or|in|at|on|when|before|after|to|for|with|the|a)\b|\s*$)",
      triggers=MONTH_WORDS)
def _listed_day(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    """The second day of "the summit on April 24 and 25": a day of the month just named."""
    listed = _LISTED.search(ctx.before) if _LIST_END.search(ctx.before[-10:]) else None
    if listed is None or not capitalized(listed.group("mon")):
        return None
    month, d = month_number(listed.group("mon")), int(m.group("d"))
    ref = ctx.reference("D")
    year = int(m.group("y")) if m.group("y") else int(ref[:4]) if ref and int(ref[5:7]) == month else None
    return "DATE", ctx.month_day(month, d, year)


@rule("week_of", rf"the\s+week\s+of\s+(?P<mon>{MONTH})\s+(?P<d>{DAYNUM})(?:,?\s+(?P<y>{YEAR}))?(?![\w])",
      triggers="week")
def _week_of(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    if not capitalized(m.group("mon")):
        return None
    value = ctx.month_day(month_number(m.group("mon")), day_num(m.group("d")),
                          int(m.group("y")) if m.group("y") else None)
    start = timex.start_of(value)
    return "DATE", timex.week(start) if start else value


@rule("numeric_date", r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d:])"
                      r"|(?P<m2>1[0-2]|0?[1-9])/(?P<d2>[12]\d|3[01]|0?[1-9])/(?P<y2>\d{4}|\d\d)(?![\d/])",
      triggers=DECADE_WORDS, digits=True)
def _numeric_date(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    if m.group("y"):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    else:
        y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        if y < 100:
            y += 1900 if y > 30 else 2000
    try:
        return "DATE", timex.day(date(y, mo, d))
    except ValueError:
        return None


@rule("month_year", rf"(?:(?P<edge>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of"
                    rf"|the\s+start\s+of)[\s-]+)?(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR})(?![\w])",
      triggers=MONTH_WORDS)
def _month_year(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    if not capitalized(m.group("mon")):
        return None
    return "DATE", timex.month(int(m.group("y")), month_number(m.group("mon")))


@rule("month", rf"(?:(?P<edge>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of"
               rf"|the\s+rest\s+of)[\s-]+)?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|the\s+previous"
               rf"|the\s+following|the\s+same|that|the\s+coming|since\s+last)\s+)?(?P<mon>{MONTH})(?![\w])"
               r"(?:(?P<ry>,?\s+(?:of\s+)?(?:this|last|next)\s+year)(?![\w']))?(?!\s+\d)",
      triggers=MONTH_WORDS)
def _month(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    word = m.group("mon")
    if not capitalized(word) or (word.endswith(".") is False and len(word) <= 3 and word.lower() != "may"):
        return None
    mo = month_number(word)
    rel = norm(m.group("rel"))
    if word.lower() in ("may", "march") and not rel and not m.group("edge") and prev_word(ctx) not in DATE_PREPS:
        return None
    a = ctx.today()
    if a is None:
        return "DATE", f"XXXX-{mo:02d}"
    if m.group("ry"):
        return "DATE", timex.month(a.year + {"this": 0, "last": -1, "next": 1}[m.group("ry").split()[-2].lower()], mo)
    # A writer names the month just gone "last month": "last February" written in March is a year back (and
    # "next April" written in March a year ahead); "this past" and "the previous" keep the nearest.
    near = 1 if rel in ("last", "next") else 0
    if rel in ("last", "this past", "since last", "the previous"):
        y = a.year if mo < a.month - near else a.year - 1
    elif rel in ("next", "this coming", "the coming", "the following"):
        y = a.year if mo > a.month + near else a.year + 1
    elif rel == "this":
        y = a.year
    else:
        y = cast(int, ctx.year_for(mo))  # an int: the anchor is known here
    return "DATE", timex.month(y, mo)


@rule("year", rf"(?:(?P<edge>early|late|mid|pre|post|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of"
              rf"|the\s+start\s+of|the\s+rest\s+of)[\s-]+|(?:the\s+)?(?:fiscal|calendar|financial|model)"
              rf"(?:\s+year)?\s+|the\s+year\s+|FY\s?)?(?P<y>{YEAR})(?![\d%]|,\d|\.\d|-\d)",
      triggers=DECADE_WORDS, digits=True)
def _year(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    if re.search(r"[$#]\s*$|\bNo\.\s*$|\bNos?\s*$|\d[,.]?$", ctx.before) or re.match(rf"\s+{ZONE}\b", ctx.after):
        return None
    return "DATE", m.group("y")


@rule("decade", r"(?:the\s+)?(?:(?P<edge>early|mid|late)[\s-]+)?(?P<dec>1[5-9]\d0|20\d0)'?s(?![\w])"
                r"|(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?'(?P<short>\d0)s(?![\w])"
                rf"|the\s+(?:(?:early|mid|late)[\s-]+)?(?P<word>{lexicon.alternation(DECADE_WORDS)})",
      triggers=DECADE_WORDS, digits=True)
def _decade(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    if m.group("dec"):
        return "DATE", m.group("dec")[:3]
    if m.group("short"):
        return "DATE", ("19" if m.group("short") != "00" and int(m.group("short")) > 10 else "20") + m.group("short")[0]
    return "DATE", f"19{DECADE_WORDS.index(m.group('word').lower()) + 2}"


@rule("century", r"(?:the\s+)?(?:(?P<edge>early|mid|late)[\s-]+)?(?P<n>1\d|20|21)(?:st|nd|rd|th)[\s-]+century"
                 r"|(?:the\s+)?(?P<w>nineteenth|twentieth|twenty-first)[\s-]+century",
      triggers="century")
def _century(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    n = int(m.group("n")) if m.group("n") else {"nineteenth": 19, "twentieth": 20, "twenty-first": 21}[
        m.group("w").lower()]
    return "DATE", f"{n - 1:02d}"


# A capitalized "Today" or "Tonight" names a programme or a paper ("the BBC's Today programme", "USA Today"): before a
# word for one, or mid-sentence after "the", a possessive or a capitalized word.
_PROGRAMME_AFTER = re.compile(r"\s+(?:programme|program|show|newspaper|broadcast|presenter|podcast)s?\b", re.I)
_PROGRAMME_BEFORE = re.compile(r"(?:\bthe|['\u2019]s|\b[A-Z][\w.]*)\s+$")


def _programme(word: str, ctx: Context) -> bool:
    if not capitalized(word) or word.isupper():
        return False
    return bool(_PROGRAMME_AFTER.match(ctx.after)) or (not _SENTENCE_START.search(ctx.before)
                                                        and bool(_PROGRAMME_BEFORE.search(ctx.before)))


@rule("day_word", r"(?:(?P<edge>early|late|later|earlier)\s+)?(?P<w>today|yesterday|tomorrow|tonight)"
                  rf"(?:\s+(?P<part>{PART}))?|the\s+day\s+(?P<ba>before|after)\s+(?P<w2>yesterday|tomorrow)",
      triggers="today yesterday tomorrow tonight")
def _day_word(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    w = (m.group("w") or m.group("w2")).lower()
    if m.group("w") and _programme(m.group("w"), ctx):
        return None
    off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w]
    if m.group("ba"):
        off += -1 if m.group("ba").lower() == "before" else 1
    a = ctx.today()
    part = PART_CODES.get((m.group("part") or "").lower()) or ("NI" if w == "tonight" else None)
    if a is None:
        return ("TIME" if part else "DATE"), "XXXX-XX-XX" + (f"T{part}" if part else "")
    value = timex.day(a + timedelta(days=off))
    return ("TIME", f"{value}T{part}") if part else ("DATE", value)


# Named days that are not the nearest such weekday: "Black Monday" (1987), "Cyber Monday", "Bloody Sunday".
_NAMED_DAY = re.compile(rf"\b(?:{lexicon.alternation(lexicon.words('dates/named_day_words'))})\s+$")


@rule("weekday", rf"(?:(?P<rel>last|next|this|this\s+past|this\s+coming|the\s+previous|the\s+following|the\s+next"
                 rf"|(?:early|late)(?:\s+on)?|that)\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?"
                 rf"(?:,?\s+(?P<mon>{MONTH})\s+(?P<d>{DAYNUM})(?:,?\s+(?P<y>{YEAR}))?)?(?![\w])",
      triggers=WEEKDAY_WORDS)
def _weekday(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    if not capitalized(m.group("wd")) or (not m.group("rel") and _NAMED_DAY.search(ctx.before)):
        return None
    if m.group("mon"):
        if not capitalized(m.group("mon")):
            return None
        y = int(m.group("y")) if m.group("y") else None
        value = ctx.month_day(month_number(m.group("mon")), day_num(m.group("d")), y)
    else:
        wd = weekday_number(m.group("wd"))
        rel = norm(m.group("rel"))
        a = ctx.today()
        if a is None:
            value = f"XXXX-WXX-{wd}"
        elif rel in ("last", "this past", "the previous"):
            # A day-precise reference is a valid date, so its start is known.
            ref = cast(date, timex.start_of(cast(str, ctx.ref))) if rel == "the previous" and ctx.reference("D") else a
            delta = (ref.isoweekday() - wd) % 7 or 7
            value = timex.day(ref - timedelta(days=delta))
        elif rel in ("next", "this coming", "the following", "the next"):
            ref = cast(date, timex.start_of(cast(str, ctx.ref))) if rel != "next" and ctx.reference("D") else a
            delta = (wd - ref.isoweekday()) % 7 or 7
            value = timex.day(ref + timedelta(days=delta))
        elif rel == "this":
            value = timex.day(a + timedelta(days=wd - a.isoweekday()))
        else:
            value = ctx.weekday(wd)
    part = PART_CODES.get((m.group("part") or "").lower())
    part = None if part == "NI" else part
    return ("TIME", f"{value}T{part}") if part else ("DATE", value)


@rule("part_of_day", rf"(?:(?P<edge>early|late|later|earlier)\s+)?(?P<rel>this|last|that|the|the\s+next"
                     rf"|the\s+following|the\s+previous|the\s+same)\s+(?P<part>{PART})(?![\w])"
                     rf"|(?:(?:early|late|mid)[\s-]+)?(?P<part2>{PART})\s+(?P<w>yesterday|today|tomorrow"
                     rf"|{WEEKDAY})(?![\w])",
      triggers=PART_WORDS)
def _part_of_day(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    if m.group("part") and in_name(m.group(0), ctx):
        return None
    part = PART_CODES[(m.group("part") or m.group("part2")).lower()]
    if m.group("w"):
        w = m.group("w").lower()
        if w in ("yesterday", "today", "tomorrow"):
            a = ctx.today()
            if a is None:
                return "TIME", f"XXXX-XX-XXT{part}"
            base = timex.day(a + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[w]))
        elif not capitalized(m.group("w")):
            return None
        else:
            base = ctx.weekday(weekday_number(m.group("w")))
        return "TIME", f"{base}T{part}"
    rel = norm(m.group("rel"))
    a = ctx.today()
    if rel == "the" and re.match(r"\s+(?:of|before|after|when)\b", ctx.after):
        return None
    if rel in ("this", "last") or (rel == "the" and not ctx.reference("D")):
        if rel == "the" and (prev_word(ctx) not in ("in", "on", "during", "by", "until", "this") or a is None):
            return None
        if a is None or rel == "the":
            # "at three in the morning" with no day named before it: which morning the text does not say
            return "TIME", f"XXXX-XX-XXT{part}"
        off = -1 if rel == "last" else 0
        return "TIME", f"{timex.day(a + timedelta(days=off))}T{part}"
    ref = ctx.reference("D")
    if ref is None:
        return None
    d = cast(date, timex.start_of(ref))  # a reference is a valid date
    off = {"the next": 1, "the following": 1, "the previous": -1}.get(rel, 0)
    return "TIME", f"{timex.day(d + timedelta(days=off))}T{part}"
