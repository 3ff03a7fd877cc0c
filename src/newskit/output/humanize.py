"""Reader's versions of TIMEX3 values for the report: 2024-01-21 → Sunday 21 January 2024, P24Y → 24 years."""
from __future__ import annotations

import datetime as _dt
import re

from newskit import lexicon
from newskit.dates.words import MONTH_NAMES, PART_CODES, SEASON_CODES, UNITS

_MONTHS = tuple(name.capitalize() for name in MONTH_NAMES)
_REFS = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}


def _words(table: dict[str, str]) -> dict[str, str]:
    """Return each code of a word -> code table with the first word the table gives it."""
    out: dict[str, str] = {}
    for word, code in table.items():
        out.setdefault(code, word)
    return out


_UNITS = _words(UNITS)
_PARTS = _words(PART_CODES)
_SEASONS = _words(SEASON_CODES)
_TIME_OF_DAY = re.compile(rf"(\d{{4}}-\d{{2}}-\d{{2}})T({lexicon.alternation(_PARTS)}|\d{{2}}:\d{{2}})(?::\d{{2}})?")
_SEASON = re.compile(rf"(\d{{4}})-({lexicon.alternation(_SEASONS)})")
_DURATION = re.compile(rf"PT?(\d+(?:\.\d+)?)({lexicon.alternation(_UNITS)})")


def _plural(word: str) -> str:
    if word.endswith("y"):
        return word[:-1] + "ies"  # century
    if word.endswith("um"):
        return word[:-2] + "a"  # millennium
    return word + "s"


def human_date(value: str | None) -> str:
    """Return a reader's version of a TIMEX3 value (2024-01-21 → Sunday 21 January 2024), else the value."""
    if not value:
        return ""
    m = _TIME_OF_DAY.fullmatch(value)
    if m:
        day = human_date(m[1])
        return f"{day}, {_PARTS[m[2]]}" if m[2] in _PARTS else f"{day}, {m[2]}"
    try:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
        if m:
            d = _dt.date(int(m[1]), int(m[2]), int(m[3]))
            return f"{d.strftime('%A')} {d.day} {_MONTHS[d.month - 1]} {d.year}"
        m = re.fullmatch(r"(\d{4})-(\d{2})", value)
        if m and 1 <= int(m[2]) <= 12:
            return f"{_MONTHS[int(m[2]) - 1]} {m[1]}"
        m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
        if m:
            first = _dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            last = first + _dt.timedelta(days=6)
            return f"week {int(m[2])} of {m[1]} ({first.day} {_MONTHS[first.month - 1][:3]}–" \
                   f"{last.day} {_MONTHS[last.month - 1][:3]})"
        m = re.fullmatch(r"(\d{4})-(Q[1-4]|H[12])", value)
        if m:
            return f"{'quarter' if m[2][0] == 'Q' else 'half'} {m[2][1]} of {m[1]}"
        m = _SEASON.fullmatch(value)
        if m:
            return f"{_SEASONS[m[2]]} {m[1]}"
        m = _DURATION.fullmatch(value)
        if m:
            unit = "minute" if value.startswith("PT") and m[2] == "M" else _UNITS[m[2]]
            n = m[1][:-2] if m[1].endswith(".0") else m[1]
            return f"{n} {unit if n == '1' else _plural(unit)}"
    except (ValueError, KeyError):
        return value
    return _REFS.get(value, value)
