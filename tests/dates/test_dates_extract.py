"""Dates found in a parsed article: the seed's expressions, spans in the article text and a TimeML accuracy floor."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newskit.dates import timex
from newskit.dates.extract import extract_dates
from newskit.evaluate.timeml import read_timeml_dir, score_dates
from newskit.record import DateMention

from conftest import shared_data


@pytest.fixture(scope="session")
def seed_dates(seed_doc):
    return extract_dates(seed_doc, "2024-01-22")


def test_seed_values(seed_dates):
    got = [(d.text, d.type, d.value) for d in seed_dates]
    for expected in [("January 22, 2024", "DATE", "2024-01-22"), ("Sunday", "DATE", "2024-01-21"),
                     ("Friday", "DATE", "2024-01-19"), ("September", "DATE", "2023-09"),
                     ("November", "DATE", "2023-11"), ("July 2023", "DATE", "2023-07"),
                     ("24 years", "DURATION", "P24Y"), ("earlier that week", "DATE", "2024-W03")]:
        assert expected in got


def test_seed_until_friday_leaves_out_the_preposition(seed_text, seed_dates):
    start = seed_text.index("until Friday") + len("until ")
    assert any(d.start == start and d.text == "Friday" and d.value == "2024-01-19" for d in seed_dates)


def test_seed_offsets_sorted_and_disjoint(seed_text, seed_dates):
    assert all(isinstance(d, DateMention) for d in seed_dates)
    assert all(seed_text[d.start:d.end] == d.text for d in seed_dates)
    assert all(a.end <= b.start for a, b in zip(seed_dates, seed_dates[1:]))


def test_seed_without_anchor(seed_doc):
    got = {d.text: (d.value, d.anchored) for d in extract_dates(seed_doc, None)}
    assert got["September"] == ("XXXX-09", False)
    assert got["Sunday"] == ("XXXX-WXX-7", False)
    assert got["January 22, 2024"] == ("2024-01-22", True)


def test_anchor_forms_agree(seed_doc):
    as_text = extract_dates(seed_doc, "2024-01-22")
    assert extract_dates(seed_doc, date(2024, 1, 22)) == as_text


@pytest.mark.parametrize("sentence,expected", [
    ("The minister will visit Seoul in September.", "2024-09"),
    ("The minister visited Seoul in September.", "2023-09"),
    ("The talks resume next Tuesday.", "2024-01-23"),
    ("Officials said Friday that talks had failed.", "2024-01-19"),
])
def test_tense_sets_direction(nlp, sentence, expected):
    assert [d.value for d in extract_dates(nlp(sentence), "2024-01-22")] == [expected]


@pytest.mark.parametrize("sentence,expected", [
    # "on Friday" belongs to "said" (past) though the parser hangs it from the complement's "would travel".
    ("The minister said on Friday she would travel.", "2024-01-19"),
    ("The mayor announced on Thursday she would resign.", "2024-01-18"),
    # After "that", or at the end of the complement, the complement's own tense still decides.
    ("The minister said that on Friday she would travel.", "2024-01-26"),
    ("The mayor announced that she would resign on Thursday.", "2024-01-25"),
])
def test_tense_comes_from_the_dates_own_clause(nlp, sentence, expected):
    assert [d.value for d in extract_dates(nlp(sentence), "2024-01-22")] == [expected]


@pytest.mark.parametrize("sentence,expected", [
    ("The hearing is on October 14.", "2024-10-14"),  # present tense: the next October 14, not 2023's
    ("The festival takes place in August.", "2024-08"),
    ("The hearing was on October 14.", "2023-10-14"),  # past tense keeps the earlier rules
    ("The hearing is on December 28.", "2023-12-28"),  # less than three months back: the nearest stays
])
def test_present_tense_month_day_looks_ahead(nlp, sentence, expected):
    assert [d.value for d in extract_dates(nlp(sentence), "2024-01-22")] == [expected]


def test_component_stores_dicts(nlp, seed_text):
    from newskit.nlp import load

    pipe = load()  # the cached session pipeline: the component is removed again below
    pipe.add_pipe("newskit_dates", config={"published": "2024-01-22"})
    try:
        doc = pipe(seed_text)
    finally:
        pipe.remove_pipe("newskit_dates")
    assert {"text": "July 2023", "value": "2023-07"}.items() <= next(
        d for d in doc._.newskit_dates if d["text"] == "July 2023").items()


SENTENCES = st.lists(st.sampled_from([
    "Putin will visit on Friday.", "Talks ended last week.", "It rose 5% in the third quarter.",
    "Sales fell a year earlier.", "He arrived at 10:35 a.m. Monday.", "The drills took place earlier that week.",
    "Since July 2023, exports have grown.", "She has lived there for 24 years.", "Prices rise every year.",
    "\n\n", "Now the future looks different.", "In the 1990s it was recently built.", "Nothing happened."]),
    min_size=1, max_size=6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=SENTENCES, days=st.integers(0, (date(2100, 12, 31) - date(1900, 1, 1)).days))
def test_doc_properties(nlp, parts, days):
    text = " ".join(parts)
    anchor = date.fromordinal(date(1900, 1, 1).toordinal() + days)
    found = extract_dates(nlp(text), anchor)
    assert all(text[d.start:d.end] == d.text for d in found)
    assert all(timex.is_valid(d.value) for d in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_timeml_sample_value_f1(nlp):
    docs = read_timeml_dir(str(shared_data("timeml")))[::16]
    pairs = [(d.gold, extract_dates(doc, d.published)) for d, doc in zip(docs, nlp.pipe([d.text for d in docs]))]
    scores = score_dates(pairs)
    assert scores["relaxed"]["f1"] >= 0.88
    assert scores["value"]["f1"] >= 0.74


@pytest.mark.parametrize("sentence,expected", [
    ("Congress still has no full-year budget for the agency.", []),
    ("Lawmakers failed to agree on a full-year budget.", []),
    ("The council adopted a whole-month schedule of repairs.", []),
    ("The strike lasted a full year.", ["P1Y"]),
    ("The inquiry became a year-long ordeal.", ["P1Y"]),
])
def test_hyphenated_full_period_is_an_adjective(nlp, sentence, expected):
    assert [d.value for d in extract_dates(nlp(sentence), "2024-01-22")] == expected


@pytest.mark.parametrize("sentence,expected", [
    # a modal looks ahead; "could" is as often the past of "can" and is left to the nearest reading
    ("Voters may punish the party in November.", ["2016-11"]),
    ("The senator said he can win Tuesday's primary.", ["2016-04-26"]),
    # a gerund has no tense of its own: the verb it hangs from decides
    ("She stopped giving speeches before launching her bid in September.", ["2015-09"]),
    # a reduced passive reports what was done
    ("They will appeal the ruling, issued Friday by the court.", ["2016-04-15"]),
])
def test_tense_of_modals_and_participles(nlp, sentence, expected):
    assert [d.value for d in extract_dates(nlp(sentence), "2016-04-20")] == expected


def test_live_blog_time_stamps_take_the_publication_day(nlp):
    text = ("Rally moves to Ohio\n\n9:40 p.m.\n\nThe governor spoke of the vote on Friday.\n\n"
            "8:15 p.m.\n\nThe candidates arrived late.\n")
    values = [d.value for d in extract_dates(nlp(text), "2016-04-20")]
    assert values == ["2016-04-20T21:40", "2016-04-15", "2016-04-20T20:15"]


@pytest.mark.parametrize("sentence", [
    "She told the Chicago Daily Herald that she would run.",
    "He writes a column for Harbor Monthly.",
    "Speaking to \u201cKBC This Morning\u201d on the radio, he smiled.",
    "Shares crashed on Black Monday and never recovered.",
])
def test_temporal_words_inside_names_are_not_dates(nlp, sentence):
    assert extract_dates(nlp(sentence), "2016-04-20") == []


@pytest.mark.parametrize("text,expected", [
    ("The ferry sank on May 3, 2011. The day before, the crew had warned of the storm.",
     ["2011-05-03", "2011-05-02"]),
    ("The mill closed in 2009. The next year, the town lost its school.", ["2009", "2010"]),
    ("The dam burst on June 3, 2011. By the end of the week, the water had gone.", ["2011-06-03", "2011-W22"]),
    ("The strike began in March. It ended on the 14th, when the union gave in.", ["2016-03", "2016-03-14"]),
    ("The rule applied from Feb. 1 of this year.", ["2016-02-01"]),
    ("Sales in the second half of the year fell.", ["2016-H2"]),
    ("The memorial recalls the attacks of Sept.11, 2001.", ["2001-09-11"]),
    ("The siege lasted four-and-a-half years.", ["P4Y6M"]),
    ("In after-hours trading the shares slipped.", []),
])
def test_narrative_and_unseen_forms(nlp, text, expected):
    assert [d.value for d in extract_dates(nlp(text), "2016-04-20")] == expected


@pytest.mark.parametrize("text, expected", [
    ("The polls closed at 8 p.m. ET on Tuesday, officials said.", [("8 p.m. ET on Tuesday", "2016-04-19T20:00")]),
    ("Trading resumed at 1430 KST after the outage.", [("1430 KST", "2016-04-20T14:30")]),
    ("She had moved there a couple weeks ago.", [("a couple weeks ago", "2016-W14")]),
    ("The bell rang at eleven o'clock sharp, witnesses said.", [("eleven o'clock", "2016-04-20T11:00")]),
    ("The company was founded in the year two thousand seventeen.", [("the year two thousand seventeen", "2017")]),
])
def test_number_words_and_time_zones_come_from_the_word_lists(nlp, text, expected):
    assert [(d.text, d.value) for d in extract_dates(nlp(text), "2016-04-20")] == expected


def test_every_rule_carries_its_triggers_and_runs_only_near_them():
    from newskit.dates.extract import find
    from newskit.dates.rules import RULES

    assert RULES and all(r.triggers or r.digits for r in RULES)
    from newskit.dates.extract import _windows

    text = "filler " * 30 + "They met on March 3 in Geneva."
    assert [f.rule for f in find(text)] == ["date"]
    date_rule = next(r for r in RULES if r.name == "date")
    # the rule is only run from 50 characters before its trigger word to the end of this short text
    assert _windows(text)[(date_rule.triggers, date_rule.digits)] == [(text.index("March") - 50, len(text))]


def test_a_long_list_of_dates_keeps_every_date_once_in_order():
    from newskit.dates.extract import find, resolve_all

    months = ["Jan.", "March", "June", "Sept.", "Nov."]
    text = " ".join(f"{months[i % 5]} {i % 27 + 1}, {1991 + i % 20};" for i in range(3_000))
    found = find(text, "2024-01-10")
    assert len(found) == 3_000
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    values = [d.value for d in resolve_all(text, "2024-01-10", found=found)]
    assert values[:2] == ["1991-01-01", "1992-03-02"] and values[-1] == "2010-11-03"


@pytest.mark.parametrize("text,expected", [
    # "over the same period" is the period just named; after "from" it is the year-earlier one
    ("Ticket sales climbed 9% in the third quarter. Staff costs grew 3% over the same period.",
     ["2023-Q3", "2023-Q3"]),
    ("Ticket sales climbed to $8 million in the third quarter from $6 million in the same period.",
     ["2023-Q3", "2022-Q3"]),
    # a half of a match is no half-year; a half of a year in a results story still is
    ("The visitors scored twice in the first-half and held on after the break.", []),
    ("Rovers conceded a second-half penalty and lost the match.", []),
    ("Profit in the first half rose 8%, the brewer said.", ["2023-H1"]),
    # a rate of flow is no repeated time; a wage per hour is
    ("The spillway released 9,000 cubic feet per second on Monday.", ["2023-10-23"]),
    ("Cleaners are paid $14 per hour.", ["PT1H"]),
    # a programme or paper named "Today" is no date
    ("The minister told the BBC's Today programme the plan was sound.", []),
    ("She spoke on the Today show about her book.", []),
    ("Today, the council voted to shut the pool.", ["2023-10-25"]),
    # "three in the morning" without a day named before it does not say which morning
    ("The alarm sounded at three in the morning, a neighbour said.", ["XXXX-XX-XXTMO"]),
    ("The alarm sounded on Tuesday at three in the morning.", ["2023-10-24", "2023-10-24TMO"]),
])
def test_comparisons_halves_rates_programmes_and_mornings(nlp, text, expected):
    assert [d.value for d in extract_dates(nlp(text), "2023-10-25")] == expected


@pytest.mark.parametrize("sentence,expected", [
    # a finite present verb with a weekday states a plan, as "will" does (published on a Wednesday)
    ("The brewer reports its results on Thursday.", "2023-10-26"),
    ("The two clubs meet at the Valley on Saturday.", "2023-10-28"),
    ("The final is on Sunday.", "2023-10-29"),
    ("The hospital is opening its new wing on Monday.", "2023-10-30"),
    # previews whose verb the tagger reads as a noun or an infinitive ("host", "face", "take on")
    ("Fulham host Crystal Palace on Saturday.", "2023-10-28"),
    ("Arsenal face Tottenham on Sunday in the derby.", "2023-10-29"),
    ("Manchester United take on Everton on Saturday.", "2023-10-28"),
    # the past tense keeps the day behind
    ("The brewer reported its results on Thursday.", "2023-10-19"),
    ("The two clubs met at the Valley on Saturday.", "2023-10-21"),
    ("Fulham hosted Crystal Palace on Saturday.", "2023-10-21"),
    # a verb whose past is its present, after a singular noun, is the past ("hurt", not "hurts")
    ("Weakness in bank shares hurt the index on Friday.", "2023-10-20"),
    # a verbless caption stays behind; plural nouns after a name are no verb ("Apple shares")
    ("Apple shares on Monday.", "2023-10-23"),
    ("Protesters in the square on Tuesday.", "2023-10-24"),
])
def test_present_tense_plans_look_ahead_to_the_weekday(nlp, sentence, expected):
    assert [d.value for d in extract_dates(nlp(sentence), "2023-10-25")] == [expected]


def test_dates_in_page_furniture_are_left_out(nlp):
    from newskit.article import parse_article

    text = ("Ferry timetable to change\n\nBy Ann Page\n\n"
            "The island ferry will run a winter timetable from Monday, the operator said on Friday.\n\n"
            "Related: Harbour fees rose in March 2022\n\n"
            "More stories\nPier closed after storm on Sunday\n\n"
            "\u00a9 2023 Westcombe Gazette. All rights reserved.\n")
    found = extract_dates(nlp(text), "2024-01-10", parse_article(text))
    assert [d.text for d in found] == ["Monday", "Friday"]
    # without the article's layout every date of the text is read
    assert "2023" in [d.text for d in extract_dates(nlp(text), "2024-01-10")]


def test_a_date_inside_an_outer_furniture_span_is_left_out_when_a_shorter_span_nests_in_it():
    from newskit.dates.extract import _outside, find
    from newskit.record import Span

    text = "Related stories: Pier shut on Monday (from 2019) and more on Friday. Open on Tuesday."
    found = find(text, "2024-01-10")
    outer, inner = Span(0, 68, text[:68]), Span(38, 47, text[38:47])
    assert [f.match.group(0) for f in _outside(found, [outer, inner])] == ["Tuesday"]


def test_the_same_period_of_the_previous_year_is_a_year_back_without_a_word_of_comparison(nlp):
    text = "Sales doubled in the third quarter, well above the profit of the same period of the previous year."
    found = {d.text: d.value for d in extract_dates(nlp(text), "2023-10-25")}
    assert found["the third quarter"] == "2023-Q3" and found["the same period"] == "2022-Q3"
