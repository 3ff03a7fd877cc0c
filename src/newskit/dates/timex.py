"""TIMEX3 value arithmetic: format, parse, shift and coarsen calendar values such as 2024-W03 or 1989-Q3.

Values are plain TimeML strings. Shifting keeps the value's own granularity ("a year earlier" than 1989-Q3 is
1988-Q3), which is how annotated news corpora resolve relative expressions against a reference point.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from newskit.dates.isodate import read_date

REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")

_NUM = r"(?:\d+(?:\.\d+)?|X)"
_DATE_VALUE = (r"(?:\d{4}|XXXX|\d{3}X?|\d{2}X{0,2})"
               r"(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:[1-7]|WE|X))?|-Q[1-4X]|-H[12X]"
               r"|-(?:SP|SU|FA|WI))?")
_TIME_PART = r"T(?:\d{2}(?::\d{2}(?::\d{2})?)?|MO|MI|AF|EV|NI|DT)(?:Z|[+-]\d{2}(?::?\d{2})?)?"
_DURATION = (rf"P(?:(?:{_NUM}[YMWDLCEQ])+(?:T(?:{_NUM}[HMS])+)?|T(?:{_NUM}[HMS])+)")
VALUE_RE = re.compile(rf"(?:{_DATE_VALUE}(?:{_TIME_PART})?|{_DURATION}|PRESENT_REF|PAST_REF|FUTURE_REF)")

_PARSE = re.compile(r"(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})(?:-(?P<wd>WE|[1-7]))?"
                    r"|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?(?P<t>T.*)?$")


def is_valid(value: str) -> bool:
    """Return True when `value` is a syntactically valid TIMEX3 value."""
    return bool(VALUE_RE.fullmatch(value or ""))


def as_date(anchor: date | str | None) -> date | None:
    """Return `anchor` (a date, datetime or ISO string) as a date, or None when it is missing or unreadable."""
    if isinstance(anchor, date):
        return date(anchor.year, anchor.month, anchor.day)
    return read_date(anchor if isinstance(anchor, str) else None, whole=False)


def day(d: date) -> str:
    """Format a calendar day."""
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def week(d: date) -> str:
    """Format the ISO week that contains `d`."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def month(y: int, m: int) -> str:
    """Format a month."""
    return f"{y:04d}-{m:02d}"


def quarter_of(d: date) -> int:
    """Return the calendar quarter (1-4) of `d`."""
    return (d.month - 1) // 3 + 1


def season_of(d: date) -> tuple[int, str]:
    """Return (year, season code) of `d`; December counts as the next year's winter start, like TimeML corpora."""
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return d.year, "WI"


def add_months(d: date, n: int) -> date:
    """Return `d` moved by `n` calendar months, clamping the day to the target month's length."""
    total = d.year * 12 + d.month - 1 + n
    y, m = divmod(total, 12)
    y = min(max(y, 1), 9999)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _week_start(y: int, w: int) -> date:
    w = min(w, 53 if date(y, 12, 28).isocalendar()[1] == 53 else 52)
    return date.fromisocalendar(y, max(w, 1), 1)


def granularity(value: str) -> str | None:
    """Return the granularity of a calendar value: D, W, M, Q, H, S, Y, E (decade), C (century), or None."""
    if value in REFS or value.startswith("P") or "X" in value:
        return None
    m = _PARSE.match(value)
    if not m:
        if re.fullmatch(r"\d{3}", value):
            return "E"
        if re.fullmatch(r"\d{2}", value):
            return "C"
        return None
    for key, gran in (("d", "D"), ("wd", "D"), ("w", "W"), ("m", "M"), ("q", "Q"), ("h", "H"), ("s", "S")):
        if m.group(key):
            return gran
    return "Y"


def start_of(value: str) -> date | None:
    """Return the first day of a calendar value, or None when it has no fixed position."""
    m = _PARSE.match(value) if value else None
    if not m:
        return None
    y = int(m.group("y"))
    if m.group("d"):
        return date(y, int(m.group("m")), int(m.group("d")))
    if m.group("w"):
        start = _week_start(y, int(m.group("w")))
        wd = m.group("wd")
        return start + timedelta(days=5 if wd == "WE" else int(wd) - 1) if wd else start
    if m.group("m"):
        return date(y, int(m.group("m")), 1)
    if m.group("q"):
        return date(y, 3 * int(m.group("q")) - 2, 1)
    if m.group("h"):
        return date(y, 1 if m.group("h") == "1" else 7, 1)
    if m.group("s"):
        return date(y, {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[m.group("s")], 1)
    return date(y, 1, 1)


def _end_of(start: date, value: str, gran: str) -> date:
    """Return the last day of the period of granularity `gran` that starts on `start`."""
    if gran == "D":
        return start + timedelta(days=1) if value.endswith("-WE") else start
    if gran == "W":
        return start + timedelta(days=6)
    months = {"M": 1, "Q": 3, "H": 6, "S": 3, "Y": 12, "E": 120, "C": 1200}[gran]
    return add_months(start, months) - timedelta(days=1)


def period(value: str | None) -> tuple[date, date] | None:
    """Return the first and last day of a calendar value (2024-W03 → 15 and 21 January 2024), else None.

    Durations, references (PRESENT_REF) and values with unknown digits (XXXX-09) have no place in the calendar."""
    if not value:
        return None
    gran = granularity(value)
    if gran is None:
        return None
    try:
        if gran in ("E", "C"):
            start = date(max(int(value) * (10 if gran == "E" else 100), 1), 1, 1)
        else:
            first = start_of(value)
            if first is None:
                return None
            start = first
        return start, _end_of(start, value.split("T", 1)[0], gran)
    except (ValueError, OverflowError):
        return None


def sort_key(value: str | None) -> tuple[int, int, int, str]:
    """Return the one order of TIMEX3 values every view uses: by the period's first day, then its length
    (2024-W03 before 2024-01-19, 2024-01 before 2024-01-01), then the value; values with no calendar place last."""
    span = period(value)
    if span is None:
        return (1, 0, 0, value or "")
    first, last = span
    return (0, first.toordinal(), (last - first).days, value or "")


def at(d: date, gran: str) -> str:
    """Format the period of granularity `gran` (D, W, M, Q, H, S, Y, E, C) that contains `d`."""
    if gran == "D":
        return day(d)
    if gran == "W":
        return week(d)
    if gran == "M":
        return month(d.year, d.month)
    if gran == "Q":
        return f"{d.year:04d}-Q{quarter_of(d)}"
    if gran == "H":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if gran == "S":
        y, s = season_of(d)
        return f"{y:04d}-{s}"
    if gran == "E":
        return f"{d.year // 10:03d}"
    if gran == "C":
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"


# Complexity kept: one case per TIMEX3 value granularity.
def shift(value: str, n: int, unit: str) -> str | None:  # noqa: C901, PLR0912
    """Return `value` moved by `n` units (D, W, M, Q, Y, E, C), keeping its granularity; None when undefined."""
    gran = granularity(value)
    if gran is None:
        return None
    time = ""
    if "T" in value:
        value, time = value.split("T", 1)
        time = "T" + time
    if gran in ("E", "C"):
        years = {"Y": n, "E": 10 * n, "C": 100 * n}.get(unit)
        if years is None:
            return None
        base = int(value) * (10 if gran == "E" else 100)
        return at(date(max(1, min(9999, base + years)), 1, 1), gran)
    d = start_of(value)
    m = _PARSE.match(value)
    if d is None or m is None:
        return None
    try:
        if unit == "D":
            if gran not in ("D", "W"):
                return None
            d = d + timedelta(days=n)
        elif unit == "W":
            if gran not in ("D", "W"):
                return None
            d = d + timedelta(weeks=n)
        elif unit in ("M", "Q"):
            if gran == "Y" or (gran in ("H", "S") and unit == "M"):
                return None
            if gran == "W":
                d = d + timedelta(days=3)  # the ISO week's Thursday decides its month
            d = add_months(d, n * (3 if unit == "Q" else 1))
        elif unit in ("Y", "E", "C"):
            years = n * {"Y": 1, "E": 10, "C": 100}[unit]
            if gran == "W":
                y = int(m.group("y")) + years
                return f"{y:04d}-W{m.group('w')}" + (f"-{m.group('wd')}" if m.group("wd") else "") + time
            d = add_months(d, 12 * years)
        else:
            return None
    except (ValueError, OverflowError):
        return None
    if gran == "D" and m.group("wd") == "WE":
        return week(d) + "-WE" + time
    return at(d, gran) + time


def duration(amount: float | str | None, unit: str) -> str:
    """Format a TIMEX3 duration: `amount` units (Y, M, W, D, Q, E, C, H, MIN, S); amount None means unknown (X)."""
    if amount is None:
        qty = "X"
    else:
        amount = float(amount)
        whole = int(amount)
        frac = amount - whole
        if frac:
            sub = {"Y": (12, "M"), "D": (24, "H"), "H": (60, "MIN"), "MIN": (60, "S")}.get(unit)
            if sub and abs(frac * sub[0] - round(frac * sub[0])) < 1e-9:
                rest = duration(round(frac * sub[0]), sub[1])
                head = duration(whole, unit) if whole else ""
                if not head:
                    return rest
                if unit == "D":
                    return head + rest[1:]
                return head + rest[2:] if rest.startswith("PT") and head.startswith("PT") else head + rest[1:]
            qty = f"{amount:g}"
        else:
            qty = str(whole)
    if unit == "E":
        return f"P{qty}0Y" if qty != "X" else "PXE"
    if unit == "C":
        return f"P{qty}00Y" if qty != "X" else "PXC"
    if unit in ("H", "S"):
        return f"PT{qty}{unit}"
    if unit == "MIN":
        return f"PT{qty}M"
    return f"P{qty}{unit}"
