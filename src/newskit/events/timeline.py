"""The timeline: events ordered by the date they happened, whatever the granularity of that date."""
from __future__ import annotations

import datetime as _dt
import re

_SEASON = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}


def date_key(value: str | None) -> tuple | None:
    """Return a sortable (first day, last day) for a TIMEX3 value such as 2024-01-19, 2023-09, 2024-W03, or None."""
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    w = re.match(r"^(\d{4})-W(\d{2})", value)
    try:
        if w:
            first = _dt.date.fromisocalendar(int(w.group(1)), int(w.group(2)), 1)
            return first.toordinal(), first.toordinal() + 6
        q = re.match(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|AU|WI)$", value)
        if q:
            y, p = int(q.group(1)), q.group(2)
            month = {"Q": lambda n: 3 * n - 2, "H": lambda n: 6 * n - 5}.get(p[0])
            mo = month(int(p[1])) if month else _SEASON[p]
            first = _dt.date(y, mo, 1)
            return first.toordinal(), first.toordinal() + (182 if p[0] == "H" else 90)
        if m:
            y, mo, d = int(m.group(1)), m.group(2), m.group(3)
            if d:
                day = _dt.date(y, int(mo), int(d)).toordinal()
                return day, day
            if mo:
                first = _dt.date(y, int(mo), 1)
                return first.toordinal(), first.toordinal() + 30
            return _dt.date(y, 1, 1).toordinal(), _dt.date(y, 12, 31).toordinal()
    except ValueError:
        return None
    return None


def timeline(events, *, undated: bool = False) -> list:
    """Return the events ordered by resolved date (earliest first); undated ones follow in text order if asked."""
    dated, rest = [], []
    for i, ev in enumerate(events):
        when = ev.when if not isinstance(ev, dict) else ev.get("when")
        key = date_key(when and when.get("value"))
        (dated if key else rest).append((key or (0, 0), i, ev))
    dated.sort(key=lambda x: (x[0], x[1]))
    return [ev for _, _, ev in dated] + ([ev for _, _, ev in rest] if undated else [])
