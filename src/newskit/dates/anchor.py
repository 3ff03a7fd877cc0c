"""Resolution context: the anchor date, the tense around an expression and the last date mentioned.

Every rule asks this object for "the Friday before the anchor", "the quarter being discussed" and so on, so the
choice of direction (tense) and of reference point (anaphora) lives in one place.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from newskit.dates import timex

PAST, PRESENT, FUTURE = "PAST", "PRESENT", "FUTURE"
# Words right before an expression that fix its direction whatever the verb's tense.
_FUTURE_CUE = re.compile(r"\b(?:as\s+(?:soon|early|late)\s+as|no\s+later\s+than|starting|beginning)\s*$", re.I)
_PAST_CUE = re.compile(r"\b(?:ended|ending|since|as\s+of)\s*$", re.I)
# A period that "ended" or "closed" on a day lies before the anchor, however near the next such day is.
_CLOSED = re.compile(r"\b(?:ended|closed)\s+(?:on\s+)?$", re.I)
_UNKNOWN = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX", "H": "XXXX-HX", "S": "XXXX-XX",
            "Y": "XXXX", "E": "XXX", "C": "XX"}


@dataclass
class Context:
    """What a rule may use: `anchor` (None leaves values underspecified), `tense`, `ref` and the text around."""

    anchor: date | None = None
    tense: str | None = None
    ref: str | None = None
    before: str = ""
    after: str = ""
    used_anchor: bool = False
    # The expression hangs from a finite present verb of its own clause ("the meeting is on September 5").
    present: bool = False
    # The last reference point of each granularity mentioned before this expression (`ref` is the last of all).
    recent: Mapping[str, str] = field(default_factory=dict)
    # Months away from the anchor at which the tense may overrule the nearest reading of a bare month (or day):
    # "payable Dec. 7" after "said" stays ahead, "shot on Oct. 23" in May goes back.
    TENSE_OVERRIDE_MONTH = 2.0
    TENSE_OVERRIDE_DAY = 4.0
    # Months back beyond which a present-tense statement ("the meeting is on September 5") means the next one.
    PRESENT_FORWARD = 3.0

    def today(self) -> date | None:
        """Return the anchor date, noting that the value depends on it."""
        self.used_anchor = True
        return self.anchor

    def unknown(self, gran: str) -> str:
        """Return the underspecified value of granularity `gran`, for when no anchor is known."""
        self.used_anchor = True
        return _UNKNOWN.get(gran, "XXXX-XX-XX")

    def direction(self, default: int = 0) -> int:
        """Return -1 for past tense, +1 for future, `default` otherwise; a cue just before the expression wins."""
        if _FUTURE_CUE.search(self.before):
            return 1
        if _PAST_CUE.search(self.before):
            return -1
        return {PAST: -1, FUTURE: 1}.get(self.tense or "", default)

    def relative(self, n: int, gran: str) -> str | None:
        """Return the period of granularity `gran` that is `n` periods from the anchor's."""
        a = self.today()
        if a is None:
            return self.unknown(gran)
        value = timex.at(a, gran)
        return timex.shift(value, n, gran) if n else value

    def reference(self, gran: str) -> str | None:
        """Return the last mentioned date at granularity `gran`, when it is at least that precise."""
        if not self.ref:
            return None
        have = timex.granularity(self.ref)
        order = "DWMQHSYEC"
        if have is None or order.index(have) > order.index(gran) or (have == "W" and gran in "MQ"):
            return None
        start = timex.start_of(self.ref)
        if start is None:
            return None
        if have == "W":
            start += timedelta(days=3)
        return timex.at(start, gran)

    def latest(self, gran: str) -> str | None:
        """Return the last mentioned date of exactly granularity `gran`: "the year-earlier month" compares with the
        month under discussion even when a year ("its weakest since 1983") was named after it."""
        return self.recent.get(gran)

    def weekday(self, wd: int, default: int = -1) -> str:
        """Return the date of ISO weekday `wd` nearest the anchor in the tense's direction (same day = anchor)."""
        a = self.today()
        if a is None:
            return f"XXXX-WXX-{wd}"
        delta = wd - a.isoweekday()
        if delta == 0:
            return timex.day(a)
        # A finite present verb with a weekday states a plan ("Chelsea host Villa on Saturday", "the firm reports
        # on Thursday", "the vote is on Friday"): the next such day, as with "will".
        step = self.direction(1 if self.present and self.tense == PRESENT else default)
        if step < 0:
            delta = delta - 7 if delta > 0 else delta
        elif step > 0:
            delta = delta + 7 if delta < 0 else delta
        else:
            delta = delta - 7 if delta > 3 else delta + 7 if delta < -3 else delta
        return timex.day(a + timedelta(days=delta))

    def year_for(self, month: int, day: int | None = None, default: int = 0) -> int | None:
        """Return the year of a month (and day) given without one: the nearest, unless the tense points the
        other way and the nearest is months off ("rose from $29 in March", said in October)."""
        a = self.today()
        if a is None:
            return None
        step = self.direction(default)
        diff = (month - a.month) + ((day or 15) - (a.day if day else 15)) / 31.0
        year = a.year - 1 if diff >= 6 else a.year + 1 if diff < -6 else a.year
        diff += 12 * (year - a.year)
        far = self.TENSE_OVERRIDE_DAY if day else self.TENSE_OVERRIDE_MONTH
        if step < 0 and diff >= far:
            year -= 1
        elif step > 0 and diff <= -far or \
                step == 0 and self.present and self.tense == PRESENT and diff <= -self.PRESENT_FORWARD:
            year += 1
        return year

    def closed_year(self, month: int, day: int) -> int:
        """Return the year of the latest `month`/`day` not after the anchor: a quarter that "ended Oct. 31" is over."""
        a = self.anchor
        if a is None:
            raise ValueError("no anchor date")
        return a.year if (month, day) <= (a.month, a.day) else a.year - 1

    def month_day(self, month: int, day: int, year: int | None = None) -> str:
        """Return the day value of a month and day, finding the year when it is not given."""
        if year is None:
            year = self.year_for(month, day)
            if year is None:
                return f"XXXX-{month:02d}-{day:02d}"
            if _CLOSED.search(self.before):
                year = self.closed_year(month, day)
        try:
            return timex.day(date(year, month, day))
        except ValueError:
            return f"{year:04d}-{month:02d}"
