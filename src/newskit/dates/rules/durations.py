"""Amounts of time: "three years ago" (a date counted back from the reference), durations ("the past two weeks",
"24 years"), bare plural units ("for years") and year-end adjectives, following the TimeBank conventions."""
from __future__ import annotations

import re
from typing import cast

from newskit import lexicon
from newskit.dates import timex
from newskit.dates.anchor import Context
from newskit.dates.rules import rule
from newskit.dates.rules.calendar import prev_word
from newskit.dates.words import (
    APPROX,
    NUM,
    UNIT,
    UNIT_WORDS,
    number,
    unit_code,
)
from newskit.lexicon import norm


def amount_of(m: re.Match[str]) -> int | float | None:
    """Return the number a match's "num" group spells, or 1 when it has none."""
    return number(m.group("num")) if m.group("num") else 1


@rule("ago", rf"(?:(?P<approx>{APPROX})\s+)?(?P<num>{NUM})\s+(?P<unit>{UNIT})\s+(?:or\s+so\s+)?"
             r"(?P<dir>ago|earlier|later|before"
             r"|after|from\s+now|hence|back|previously|prior|before\s+that|after\s+that)(?![\w])",
      triggers=UNIT_WORDS)
def _ago(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    direction = norm(m.group("dir"))
    if direction in ("before", "after") and not re.match(r"\s*(?:[,.;:)\"]|$|and\b|but\b)", ctx.after):
        return None
    amount = amount_of(m)
    code = unit_code(m.group("unit"))
    sign = -1 if direction in ("ago", "earlier", "before", "back", "previously", "prior", "before that") else 1
    gran = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y", "E": "Y", "C": "Y"}.get(code)
    if gran is None:
        return None
    if amount is None:
        return ("DATE", "PAST_REF") if direction == "ago" else None
    n = amount * {"E": 10, "C": 100}.get(code, 1)
    if n != int(n):
        return None
    n = int(n)
    relative_to_ref = direction not in ("ago", "from now", "hence", "back")
    base = None
    if gran == "Y":
        base = ctx.reference("Q") if _ref_is(ctx, "Q") else None
    if base is None and relative_to_ref:
        base = ctx.reference(gran)
    if base is None:
        base = cast(str, ctx.relative(0, gran))  # the current period, never None
        if "X" in base:
            return "DATE", base
    return "DATE", timex.shift(base, sign * n, "Y" if code in "EC" else gran) or base


def _ref_is(ctx: Context, gran: str) -> bool:
    """Return True when the reference point has granularity `gran` and lies in the anchor's year (the period a
    report is about), so "a year earlier" compares with it and not with an older period mentioned in passing."""
    if not ctx.ref or timex.granularity(ctx.ref) != gran:
        return False
    return ctx.anchor is None or int(ctx.ref[:4]) >= ctx.anchor.year - (1 if ctx.anchor.month <= 3 else 0)


@rule("duration", rf"(?:(?:the|a|an|its|their|his|her|each\s+of\s+the)\s+)?(?:(?P<mod>first|past|last|next|coming"
                  r"|previous|preceding|following|final|latest|initial|remaining|additional|further|same|prior|ensuing"
                  rf"|entire|full|whole|recent|current|year-earlier|year-ago)\s+)?(?:(?P<approx>{APPROX})\s+)?(?P<num>{NUM})"
                  rf"(?:\s+(?:or|to|-)\s+(?P<num2>{NUM}))?(?:\s+(?:more|additional|further|straight|consecutive"
                  rf"|full|trading|business|calendar|working|long|short))?(?:\s+|-)(?P<unit>{UNIT})(?P<old>-old|-long)?"
                  r"(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+so)?(?![\w-])|(?P<bare>decades|years|months|weeks)-long",
      triggers=UNIT_WORDS)
def _duration(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    if m.group("bare"):
        return "DURATION", _vague(m.group("bare"))
    if (m.group("old") or "").lower() == "-old" or re.match(r"\s+(?:old|of\s+age)\b", ctx.after):
        return None  # ages are not durations in TimeML
    num_text = norm(m.group("num"))
    code = unit_code(m.group("unit"))
    if num_text in ("a", "an") and re.search(r"\s(?:full|whole|calendar|business|trading|working)-\w+$",
                                             m.group(0), re.I) and not m.group("old"):
        return None  # "a full-year budget": the article belongs to the noun; "full-year" is an adjective
    if code == "Q" and (re.match(r"\s+of\b", ctx.after) or "-" in m.group(0)) and not m.group("mod"):
        return None  # "three-quarters of its food", "a quarter of the market"
    if code == "S" and num_text in ("a", "an") and not m.group("approx"):
        return None  # "a second group", "a second betrayal"
    if num_text == "one" and code == "D" and not (m.group("mod") or m.group("approx") or m.group("num2")) and \
            prev_word(ctx) in _SOMEDAY_BEFORE and \
            re.match(r"\s+(?!(?:of|after|before|later|earlier|ago|and|or|to|in)\b)[a-z]", ctx.after):
        return "DATE", "FUTURE_REF"  # "the city will one day host the games": an indefinite future day
    amount = number(num_text)
    if m.group("num2"):
        amount = None if number(m.group("num2")) != amount else amount
    if m.group("half") and amount is not None:
        amount += 0.5  # "a minute and a half"
    if num_text in ("a", "an") and re.search(r"(?:\d|\bonce|\btwice|\btimes|percent|%|cents?|\ba share|dollars?"
                                             r"|\bmillion|\bbillion)\s*$", ctx.before):
        return "SET", timex.duration(1, code if code != "WE" else "W")
    if code == "WE":
        return "DURATION", f"P{'X' if amount is None else int(amount * 2)}D"
    if code == "L":
        return "DURATION", f"P{'X' if amount is None else int(amount)}L"
    if code == "Q" and amount is not None and amount == int(amount):
        return "DURATION", f"P{int(amount) * 3}M"
    return "DURATION", timex.duration(amount, code)


_SOMEDAY_BEFORE = lexicon.words("dates/someday_cues")
_DURATION_CUES = lexicon.words("dates/duration_cues")


@rule("bare_units", r"(?P<unit>years|months|weeks|decades|centuries|days|hours|minutes)(?![\w-])",
      triggers=UNIT_WORDS)
def _bare_units(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    if ctx.before.endswith("-"):
        return None  # "after-hours trading"
    if prev_word(ctx) not in _DURATION_CUES:
        return None
    return "DURATION", _vague(m.group("unit"))


def _vague(word: str) -> str:
    """Return the duration of an unquantified plural ("decades" is PXY in TimeBank, not PXE; "centuries" PXC)."""
    code = unit_code(word)
    return timex.duration(None, "Y" if code == "E" else code)


@rule("year_adjective", r"(?P<w>year-earlier|year-ago|year-end|year\s+end|year's\s+end|month-end)(?![\w-])",
      triggers="year month")
def _year_adjective(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    word = norm(m.group("w")).replace(" ", "-")
    if word in ("year-earlier", "year-ago"):
        base = ctx.reference("Q") if _ref_is(ctx, "Q") else ctx.relative(0, "Y")
        return "DATE", timex.shift(cast(str, base), -1, "Y") or base  # _ref_is: a reference is there
    if word == "month-end":
        return "DATE", ctx.relative(0, "M")
    return "DATE", ctx.reference("Y") or ctx.relative(0, "Y")
