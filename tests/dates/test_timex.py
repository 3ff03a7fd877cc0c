"""TIMEX3 value arithmetic and the pure resolver, without spaCy."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newskit.dates import timex
from newskit.dates.extract import find, resolve, resolve_all

ANCHOR = "2024-01-22"  # a Monday, ISO week 2024-W04


@pytest.mark.parametrize("value", ["2024-01-22", "2023-09", "2024", "199", "19", "2024-SU", "2024-Q3", "2024-W03",
                                   "2024-W03-WE", "2024-01-22TMO", "2024-01-22T10:35", "2009-12-15T18:00Z",
                                   "XXXX-09", "XXXX-WXX-7", "P24Y", "P10Y", "PT1H", "P2Y6M", "PT5H30M", "PXY",
                                   "PRESENT_REF", "PAST_REF", "FUTURE_REF", "2024-H2", "XXXX-XX-XX"])
def test_valid_values(value):
    assert timex.is_valid(value)


@pytest.mark.parametrize("value", ["", "2024-13x", "P", "PY", "yesterday", "2024-W", "T10:35", "24Y"])
def test_invalid_values(value):
    assert not timex.is_valid(value)


@pytest.mark.parametrize("value,n,unit,expected", [
    ("1989-Q3", -1, "Y", "1988-Q3"), ("2024-W04", -1, "W", "2024-W03"), ("2024-01", 1, "M", "2024-02"),
    ("2024-03-31", -1, "M", "2024-02-29"), ("2024-01-19", -1, "D", "2024-01-18"), ("2023-Q4", 1, "Q", "2024-Q1"),
    ("199", 1, "E", "200"), ("2024", 1, "M", None), ("PAST_REF", 1, "Y", None)])
def test_shift(value, n, unit, expected):
    assert timex.shift(value, n, unit) == expected


def test_duration_formats():
    assert timex.duration(24, "Y") == "P24Y"
    assert timex.duration(2.5, "Y") == "P2Y6M"
    assert timex.duration(5.5, "H") == "PT5H30M"
    assert timex.duration(None, "W") == "PXW"
    assert timex.duration(1, "E") == "P10Y"
    assert timex.duration(30, "MIN") == "PT30M"


@pytest.mark.parametrize("text,tense,expected", [
    ("September", "PAST", ("DATE", "2023-09")),
    ("September", "FUTURE", ("DATE", "2024-09")),
    ("2024", None, ("DATE", "2024")),
    ("the 1990s", None, ("DATE", "199")),
    ("this summer", None, ("DATE", "2024-SU")),
    ("the third quarter", None, ("DATE", "2024-Q3")),
    ("last week", None, ("DATE", "2024-W03")),
    ("Monday morning", None, ("TIME", "2024-01-22TMO")),
    ("10:35 a.m.", None, ("TIME", "2024-01-22T10:35")),
    ("next Tuesday", None, ("DATE", "2024-01-23")),
    ("Friday", "PAST", ("DATE", "2024-01-19")),
    ("Friday", "FUTURE", ("DATE", "2024-01-26")),
    ("Monday", "PAST", ("DATE", "2024-01-22")),
    ("24 years", None, ("DURATION", "P24Y")),
    ("a decade", None, ("DURATION", "P10Y")),
    ("three days", None, ("DURATION", "P3D")),
    ("every week", None, ("SET", "P1W")),
    ("annually", None, ("SET", "P1Y")),
    ("each season", None, ("SET", "P1Y")),
    ("now", None, ("DATE", "PRESENT_REF")),
    ("currently", None, ("DATE", "PRESENT_REF")),
    ("recently", None, ("DATE", "PAST_REF")),
    ("the future", None, ("DATE", "FUTURE_REF")),
    ("January 22, 2024", None, ("DATE", "2024-01-22")),
    ("yesterday", None, ("DATE", "2024-01-21")),
])
def test_resolve(text, tense, expected):
    assert resolve(text, ANCHOR, tense=tense) == expected


@pytest.mark.parametrize("text,expected", [
    ("that week", "2024-W03"), ("the same day", "2024-01-19"), ("the following month", "2024-02"),
    ("a day earlier", "2024-01-18"), ("later that year", "2024")])
def test_resolve_against_reference(text, expected):
    assert resolve(text, ANCHOR, ref="2024-01-19")[1] == expected


def test_quarter_is_kept_when_comparing_a_year_earlier():
    text = "Profit rose in the third quarter, up from $5 million a year earlier and $4 million a year ago."
    values = [m.value for m in resolve_all(text, "1989-10-26")]
    assert values == ["1989-Q3", "1988-Q3", "1988-Q3"]


def test_without_anchor_values_stay_underspecified():
    got = {m.text: (m.value, m.anchored) for m in resolve_all("He left on Sunday and returns in September. "
                                                              "In July 2023 he was home.", None)}
    assert got["Sunday"] == ("XXXX-WXX-7", False)
    assert got["September"] == ("XXXX-09", False)
    assert got["July 2023"] == ("2023-07", True)


def test_spans_leave_out_prepositions_and_keep_modifiers():
    text = "He was there until Friday, left in early September and came back late last week."
    spans = [text[f.start:f.end] for f in find(text, ANCHOR)]
    assert spans == ["Friday", "early September", "late last week"]


def test_ages_and_money_are_not_dates():
    text = "The 44-year-old paid $1990 for 1,990 shares."
    assert resolve_all(text, ANCHOR) == []


WORDS = st.sampled_from(["Friday", "last", "next", "week", "the", "September", "1990s", "3", "a.m.", "every",
                         "year", "ago", "quarter", "third", "that", "day", "earlier", "2024", "24", "years", "now",
                         "recently", "morning", "Jan.", "5,", "mid-", "summer", "decade", "each", ",", "."])


@settings(max_examples=150, deadline=None)
@given(words=st.lists(WORDS, max_size=12), days=st.integers(0, (date(2100, 12, 31) - date(1900, 1, 1)).days),
       tense=st.sampled_from([None, "PAST", "PRESENT", "FUTURE"]))
def test_resolution_never_raises_and_values_are_valid(words, days, tense):
    text = " ".join(words)
    anchor = date(1900, 1, 1) + timedelta(days=days)
    for m in resolve_all(text, anchor):
        assert text[m.start:m.end] == m.text
        assert timex.is_valid(m.value), (text, m)
        assert m.type in ("DATE", "TIME", "DURATION", "SET")
    resolve(text, anchor, tense=tense, ref=timex.day(anchor))


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=80))
def test_arbitrary_text(text):
    mentions = resolve_all(text, "2024-01-22")
    assert all(text[m.start:m.end] == m.text and timex.is_valid(m.value) for m in mentions)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


@pytest.mark.parametrize("text,span", [
    ("Dockers began a 48-hour walkout.", "48-hour"),
    ("The brewer reported its fourth-quarter profit.", "fourth-quarter"),
    ("Voters backed a ten year plan.", "ten year"),
    ("The siege lasted the past two weeks.", "the past two weeks"),
])
def test_compound_adjectives_leave_out_the_determiner(text, span):
    assert [text[f.start:f.end] for f in find(text, "2020-03-02")] == [span]


@pytest.mark.parametrize("text,expected", [
    ("Engineers hope the probe will one day reach Titan.", [("one day", "DATE", "FUTURE_REF")]),
    ("The jury deliberated for one day.", [("one day", "DURATION", "P1D")]),
    ("The senator told NBC's \"This Week\" the bill was dead.", []),
    ("The glaciers shrank over centuries.", [("centuries", "DURATION", "PXC")]),
    ("Right now the harbor is closed.", [("now", "DATE", "PRESENT_REF")]),
])
def test_indefinite_and_title_expressions(text, expected):
    assert [(d.text, d.type, d.value) for d in resolve_all(text, "2020-03-02")] == expected


@pytest.mark.parametrize("text,expected", [
    ("For the fiscal year ended Feb. 28, the grocer lost money.", "2021-02-28"),
    ("In the quarter ended Dec. 31, the miner earned more.", "2020-12-31"),
    ("For the quarter ending Dec. 31, the miner expects a loss.", "2021-12-31"),
])
def test_a_period_that_ended_lies_before_the_anchor(text, expected):
    assert [d.value for d in resolve_all(text, "2021-11-15") if d.type == "DATE"][-1] == expected


@pytest.mark.parametrize("text,expected", [
    ("Revenue for Q3 2025 beat forecasts.", [("Q3 2025", "2025-Q3")]),
    ("Revenue for 3Q 2025 beat forecasts.", [("3Q 2025", "2025-Q3")]),
    ("The chain's H1 2025 sales fell.", [("H1 2025", "2025-H1")]),
    ("Its first-half 2025 margin narrowed.", [("first-half 2025", "2025-H1")]),
    ("Margins in 2Q25 narrowed.", [("2Q25", "2025-Q2")]),
    ("The third quarter of 2025 was weak.", [("The third quarter of 2025", "2025-Q3")]),
    ("Analysts expect a rebound in Q3.", [("Q3", "2024-Q3")]),  # a bare quarter resolves like "the third quarter"
    ("An H1-B visa and the H1N1 virus.", []),
])
def test_quarter_and_half_codes(text, expected):
    assert [(m.text, m.value) for m in resolve_all(text, ANCHOR)] == expected


def test_one_sort_key_for_timex_values():
    values = ["2024-01-22", "2024-W03", "2024-01-19", "2024-Q1", "2024", "2024-01", "2023-WI", "201", "PXY",
              "XXXX-09", "2024-01-19T10:30", "PRESENT_REF"]
    assert sorted(values, key=timex.sort_key) == [
        "201", "2023-WI", "2024-01", "2024-Q1", "2024", "2024-W03", "2024-01-19", "2024-01-19T10:30", "2024-01-22",
        "PRESENT_REF", "PXY", "XXXX-09"]
    assert timex.period("2024-W03") == (date(2024, 1, 15), date(2024, 1, 21))
    assert timex.period("2024-Q4") == (date(2024, 10, 1), date(2024, 12, 31))
    assert timex.period("2024-W03-WE") == (date(2024, 1, 20), date(2024, 1, 21))
    assert timex.period("2024-02-30") is None and timex.period("P3D") is None

