"""The one reader of ISO date strings given by users and pages."""
from __future__ import annotations

from datetime import date

import pytest

from newskit.dates import timex
from newskit.dates.isodate import read_date


@pytest.mark.parametrize("text, day", [
    ("2024-01-22", date(2024, 1, 22)), ("20240122", date(2024, 1, 22)), ("2024-01-22T09:30:00Z", date(2024, 1, 22)),
    ("2024-01-22 09:30+01:00", date(2024, 1, 22)), ("2024-02-30", None), ("2024-0122", None), ("22/01/2024", None),
    ("2024-01-22garbage", None), ("yesterday", None), ("", None), (20240122, None)])
def test_read_date_takes_extended_and_basic_iso_days_with_an_optional_time(text, day):
    assert read_date(text) == day


def test_read_date_leading_takes_a_date_set_off_from_what_follows():
    assert read_date("2024-01-22 10:30 AM EST", whole=False) == date(2024, 1, 22)
    assert read_date("2024-01-22 10:30 AM EST") is None
    assert read_date("2024-01-22garbage", whole=False) is None
    assert timex.as_date("20240122") == date(2024, 1, 22)
