"""Read the ISO 8601 dates users and pages give (--published, JSONL "published", HTML metadata): one reader.

Kept apart from timex so that reading inputs does not compile the TIMEX3 patterns (CLI start-up).
"""
from __future__ import annotations

import re
from datetime import date

# An ISO 8601 calendar date, extended (2024-01-22) or basic (20240122), and what may follow it: in a whole value
# only an ISO time (T10:30:00Z, " 10:30+01:00"), after a leading one anything set off by "T" or whitespace.
_DATE_STRING = re.compile(r"\s*(\d{4})(-?)(\d{2})\2(\d{2})")
_ISO_TIME = re.compile(r"(?:[T ][0-9:.,+\-Z]*)?\s*")


def read_date(value: object, *, whole: bool = True) -> date | None:
    """Return the calendar day an ISO date string names, or None when it names none.

    Read: YYYY-MM-DD or YYYYMMDD, optionally followed by an ISO time, which is ignored. With `whole` False the date
    only has to lead the string (metadata values such as "2024-01-22 10:30 AM EST").
    """
    if not isinstance(value, str):
        return None
    m = _DATE_STRING.match(value)
    if not m:
        return None
    rest = value[m.end():]
    if not (_ISO_TIME.fullmatch(rest) if whole else rest == "" or rest[0] == "T" or rest[0].isspace()):
        return None
    try:
        return date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    except ValueError:
        return None
