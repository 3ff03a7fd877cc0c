"""Holidays named in news resolve to their day relative to the article's date, and the names the models find
inside a holiday's name ("Martin Luther" of "Martin Luther King Day") are no people or places."""
from __future__ import annotations

import pytest

from newskit.dates.extract import extract_dates
from newskit.entities.extract import extract_entities


@pytest.mark.parametrize("sentence,anchor,text,value", [
    # fixed by a weekday of a month: the third Monday of January, of February, the second Monday of October
    ("U.S. markets were shut on Monday for Martin Luther King Day.", "2008-01-22", "Martin Luther King Day",
     "2008-01-21"),
    ("Trading resumes after Martin Luther King Jr. Day.", "2024-01-12", "Martin Luther King Jr. Day", "2024-01-15"),
    ("The exchange will be closed on Presidents' Day.", "2009-02-10", "Presidents' Day", "2009-02-16"),
    ("Banks closed for Columbus Day.", "2012-10-09", "Columbus Day", "2012-10-08"),
    # tied to Easter and to Thanksgiving
    ("Markets in London were closed for Good Friday.", "2009-04-14", "Good Friday", "2009-04-10"),
    ("Retailers are counting on Black Friday this year.", "2019-11-20", "Black Friday", "2019-11-29"),
    # fixed days, the year given or not
    ("The parade was held on St. Patrick's Day 2009.", "2009-05-01", "St. Patrick's Day 2009", "2009-03-17"),
    ("Sales on Boxing Day were the weakest in years.", "2011-12-28", "Boxing Day", "2011-12-26"),
    ("The memorial service is on Veterans Day.", "2015-11-02", "Veterans Day", "2015-11-11"),
])
def test_a_holiday_resolves_to_its_day(nlp, sentence, anchor, text, value):
    found = [(d.text, d.value) for d in extract_dates(nlp(sentence), anchor)]
    assert (text, value) in found


def test_a_treaty_named_for_a_holiday_is_no_date(nlp):
    assert [d.text for d in extract_dates(nlp("Both sides backed the Good Friday Agreement."), "2020-01-10")] == []


@pytest.mark.parametrize("sentence,name", [
    ("Markets in the United States were closed for Martin Luther King Day.", "Martin Luther"),
    ("Fireworks lit up Ottawa on Canada Day as crowds filled the streets.", "Canada"),
])
def test_no_entity_inside_a_holidays_name(nlp, sentence, name):
    names = {m.text for e in extract_entities(nlp(sentence)) for m in e.mentions}
    assert name not in names and not any(n in ("Day", "King Day") for n in names)


@pytest.mark.parametrize("sentence,value", [
    ("Stocks had their worst day since the September 11 attacks.", "2001-09-11"),
    ("Security was tightened after the Sept. 11 terrorist attacks.", "2001-09-11"),
    ("The board meets again on September 11.", "2008-09-11"),  # a day of the article's year
])
def test_september_11_names_the_attacks_of_2001_only_beside_them(nlp, sentence, value):
    assert [d.value for d in extract_dates(nlp(sentence), "2008-01-21")] == [value]
