"""The timeline: events ordered by the date they happened, whatever the granularity of that date."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from newskit.dates import timex
from newskit.record import When

_E = TypeVar("_E")  # an Event or a record dict

def when_value(ev: Any) -> str | None:
    """Return the TIMEX3 value of an event's date (an Event or a record dict), or None."""
    when = ev.get("when") if isinstance(ev, dict) else ev.when
    return when.value if isinstance(when, When) else (when or {}).get("value")


def timeline(events: Iterable[_E], *, undated: bool = False) -> list[_E]:
    """Return the events (Event values or record dicts) ordered by date, earliest first (timex.sort_key: by the
    period's first day, then its length); undated ones follow in text order when asked for."""
    dated: list[tuple[tuple[int, int, int, str], int, _E]] = []
    rest: list[tuple[tuple[int, int, int, str], int, _E]] = []
    for i, ev in enumerate(events):
        value = when_value(ev)
        (dated if timex.period(value) else rest).append((timex.sort_key(value), i, ev))
    dated.sort(key=lambda x: (x[0], x[1]))
    return [ev for _, _, ev in dated] + ([ev for _, _, ev in rest] if undated else [])
