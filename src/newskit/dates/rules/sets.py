"""Sets ("every week", "annually", "$5 a year") and the reference words PRESENT_REF, PAST_REF and FUTURE_REF."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newskit import lexicon
from newskit.dates import timex
from newskit.dates.rules import rule
from newskit.dates.rules.calendar import in_name
from newskit.dates.rules.durations import amount_of
from newskit.dates.words import (
    MONTH,
    MONTH_WORDS,
    NUM,
    PART,
    PART_CODES,
    PART_WORDS,
    SEASON,
    SEASON_CODES,
    SEASON_WORDS,
    UNIT,
    UNIT_WORDS,
    WEEKDAY,
    WEEKDAY_PLURALS,
    WEEKDAY_WORDS,
    month_number,
    unit_code,
    weekday_number,
)
from newskit.lexicon import norm

if TYPE_CHECKING:
    from newskit.dates.anchor import Context

_ADVERBS = lexicon.table("dates/set_adverbs")


@rule("set", rf"(?:every|each|per|a)\s+(?:other\s+)?(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT}|{WEEKDAY}|{MONTH}"
             rf"|{SEASON}|{PART}|weekend|season)(?![\w])|(?P<adv>{lexicon.alternation(_ADVERBS)})(?![\w])"
             rf"|(?P<times>once|twice|(?:\w+|\d+)\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit2>{UNIT}|weekend)(?![\w])"
             rf"|(?P<plural>(?:{lexicon.alternation(WEEKDAY_PLURALS)}))(?![\w])",
      triggers=MONTH_WORDS | WEEKDAY_WORDS | UNIT_WORDS | SEASON_WORDS | PART_WORDS | set(_ADVERBS))
def _set(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    whole = norm(m.group(0))
    if whole.startswith("a ") and m.group("unit") and not re.search(r"(?:\d|once|twice|times|percent|%|cents?|share)"
                                                                     r"\s*$", ctx.before):
        return None
    if whole.startswith("per ") and m.group("unit") and re.search(r"[a-z]\s*$", ctx.before) \
            and not re.search(rf"(?:once|twice|times|percent|cents?|share|{UNIT}s?)\s*$", ctx.before, re.I):
        return None  # "cubic feet per second", "miles per hour": a rate of a measure, not a repeated time
    if m.group("adv"):
        if in_name(m.group("adv"), ctx):
            return None  # "the New York Daily News", "Washington Monthly"
        return "SET", _ADVERBS[m.group("adv").lower()]
    if m.group("plural"):
        return "SET", f"XXXX-WXX-{weekday_number(m.group('plural')[:-1])}"
    word = (m.group("unit") or m.group("unit2")).lower()
    if re.fullmatch(WEEKDAY, word, re.I):
        return "SET", f"XXXX-WXX-{weekday_number(word)}"
    if re.fullmatch(MONTH, word, re.I):
        return "SET", f"XXXX-{month_number(word):02d}"
    if word in SEASON_CODES:
        return "SET", f"XXXX-{SEASON_CODES[word]}"
    if word in PART_CODES:
        return "SET", f"XXXX-XX-XXT{PART_CODES[word]}"
    if word == "weekend":
        return "SET", "XXXX-WXX-WE"
    if word == "season":
        return "SET", "P1Y"  # in news "each season" is nearly always a sports or fashion season, once a year
    amount = amount_of(m) if m.group("num") else 1
    code = unit_code(word)
    if "other" in whole:
        amount = (amount or 1) * 2
    return "SET", timex.duration(amount or 1, code)


REF_WORDS = lexicon.table("dates/ref_words")


@rule("ref", r"(?:" + lexicon.alternation(REF_WORDS, space=r"\s+") + r")(?![\w-])",
      triggers="now current currently recent recently lately past future present these term soon later coming nowadays")
def _ref(m: re.Match[str], ctx: Context) -> tuple[str, str | None] | None:
    word = norm(m.group(0))
    if word == "now" and re.match(r"-\w", ctx.after):  # "now-defunct"
        return None
    if word == "current" and not re.match(r"\s+[a-z]", ctx.after):
        return None
    if word == "current" and re.match(r"\s+(?:account|assets|liabilit|ratio|affairs|events|dollars|prices|"
                                      r"yield|issue|rate|market|coupon)", ctx.after):
        return None
    if word == "the past" and re.match(r"\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?|quarters?|summers?"
                                       r"|winters?|springs?|falls?|autumns?|seasons?)\b", ctx.after):
        return None
    value = REF_WORDS[word]
    return ("DURATION" if not value.endswith("REF") else "DATE"), value
