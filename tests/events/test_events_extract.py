"""Events: the seed article's happenings with who/where/when/status, small snippets, and timeline ordering."""
from __future__ import annotations

import pytest

from newskit.dates import timex
from newskit.dates.extract import extract_dates
from newskit.entities.extract import extract_entities
from newskit.events.extract import TYPES, extract_events, timeline
from newskit.record import Event, Span, When


@pytest.fixture(scope="module")
def seed_events(seed_doc):
    entities = extract_entities(seed_doc)
    dates = extract_dates(seed_doc, "2024-01-22")
    names = {e.id: e.name for e in entities}
    return extract_events(seed_doc, entities, dates, published="2024-01-22"), names


def _find(events, names, typ, trigger=None, who=None):
    for ev in events:
        if ev.type != typ or trigger and ev.trigger.text != trigger:
            continue
        if who and who not in [names[i] for i in ev.who]:
            continue
        return ev
    raise AssertionError(f"no {typ} {trigger} {who} in {[(e.type, e.trigger.text) for e in events]}")


def _events(nlp, text, anchor="2024-01-22"):
    doc = nlp(text)
    entities = extract_entities(doc)
    return extract_events(doc, entities, extract_dates(doc, anchor), published=anchor), {e.id: e.name for e in entities}


def test_seed_putin_visit_is_planned(seed_events):
    events, names = seed_events
    ev = _find(events, names, "visit", who="Vladimir Putin")
    assert ev.status == "planned"
    visit_pyongyang = [e for e in events if e.type == "visit" and "Pyongyang" in [names[i] for i in e.where]
                       and "Vladimir Putin" in [names[i] for i in e.who]]
    assert visit_pyongyang and all(e.status == "planned" for e in visit_pyongyang)


def test_seed_groups_by_happening_not_by_word(seed_events):
    events, names = seed_events
    putin = _find(events, names, "visit", "visit", who="Vladimir Putin")
    words = {m.text for m in putin.mentions}
    assert {"visit", "trip"} <= words and "North Korea" in [names[i] for i in putin.where]
    trips = [e for e in events if e.type == "visit" and "trip" in {m.text for m in e.mentions}]
    travellers = [tuple(names[i] for i in e.who) for e in trips]
    assert ("Choe Sun-hui",) in travellers and ("Sergei Shoigu",) in travellers and len(set(travellers)) == len(trips)


def test_seed_visit_to_a_country_and_to_its_capital_is_one_event(seed_events):
    events, names = seed_events
    putin = [e for e in events if e.type == "visit" and "Vladimir Putin" in [names[i] for i in e.who]]
    assert len(putin) == 1
    assert {"North Korea", "Pyongyang"} <= {names[i] for i in putin[0].where}


def test_two_cities_of_one_country_stay_two_visits(nlp):
    events, names = _events(nlp, "Chancellor Anna Weber will visit Munich on Monday. Weber will also visit Hamburg "
                                 "on Monday.")
    places = [{names[i] for i in e.where} for e in events if e.type == "visit"]
    assert {"Munich"} in places and {"Hamburg"} in places


def test_seed_kim_visit_happened_in_september(seed_events):
    events, names = seed_events
    ev = _find(events, names, "visit", who="Kim Jong-un")
    assert ev.status == "happened" and ev.when.value == "2023-09"
    assert "Vostochny Spaceport" in [names[i] for i in ev.where]


def test_seed_choe_talks_in_moscow(seed_events):
    events, names = seed_events
    ev = _find(events, names, "meeting", "talks")
    assert {"Choe Sun-hui", "Vladimir Putin"} <= {names[i] for i in ev.who}
    assert [names[i] for i in ev.where] == ["Moscow"] and ev.when.value in ("2024-01-19", "2024-W03")
    assert "held" in [m.text for m in ev.mentions]  # the light verb is part of how the talks are told


def test_seed_launch_shoigu_test_drills(seed_events):
    events, names = seed_events
    assert _find(events, names, "launch", who="North Korea").when.value == "2023-11"
    trip = _find(events, names, "visit", "trip", who="Sergei Shoigu")
    assert trip.when.value == "2023-07" and [names[i] for i in trip.where] == ["Pyongyang"]
    test = _find(events, names, "test", who="North Korea")
    assert test.status == "reported" and test.when.value == "2024-01-19"
    drills = _find(events, names, "military_exercise", "drills")
    assert {"South Korea", "United States", "Japan"} <= {names[i] for i in drills.who}
    assert drills.when.value == "2024-W03"
    _find(events, names, "arms_transfer", "ship", who="North Korea")
    war = _find(events, names, "war", "war")
    assert "Ukraine" in [names[i] for i in war.where]


def test_seed_spans_and_types(seed_events, seed_text):
    events, _ = seed_events
    for ev in events:
        assert ev.type in TYPES and ev.status in ("happened", "planned", "reported", "negated", "hypothetical")
        assert ev.predicate and ev.predicate == ev.predicate.lower()
        for sp in (ev.trigger, ev.sentence, *ev.mentions):
            assert seed_text[sp.start:sp.end] == sp.text
        assert ev.sentence.start <= ev.trigger.start < ev.sentence.end
        if ev.when and ev.when.source != "published":
            assert seed_text[ev.when.start:ev.when.end] == ev.when.text
        assert set(ev.to_dict()) >= {"type", "trigger", "sentence", "who", "where", "when", "status"}


def test_seed_timeline_is_chronological(seed_events):
    events, _ = seed_events
    line = timeline(events)
    keys = [timex.sort_key(e.when.value) for e in line]
    assert keys == sorted(keys) and len(line) >= 6
    assert line[0].when.value == "2023-07"
    assert len(timeline(events, undated=True)) == len(events)


def test_modal_is_planned_and_condition_hypothetical(nlp):
    events, names = _events(nlp, "President Maria Lopez will visit Berlin next month. "
                                 "If the talks in Geneva go ahead, the two sides could sign an agreement.")
    visit = _find(events, names, "visit", "visit")
    assert visit.status == "planned" and "Berlin" in [names[i] for i in visit.where]
    assert visit.when and visit.when.value == "2024-02" and visit.when.source == "clause"
    assert _find(events, names, "meeting", "talks").status == "hypothetical"
    assert _find(events, names, "agreement", "sign").status == "hypothetical"


def test_claimed_is_reported(nlp):
    events, names = _events(nlp, "Iran claimed on Monday that it had launched a new satellite.")
    ev = _find(events, names, "launch", "launched")
    assert ev.status == "reported" and "Iran" in [names[i] for i in ev.who]
    assert names[ev.reported_by] == "Iran"


def test_past_attack_happened(nlp):
    events, names = _events(nlp, "Rebels attacked the town of Goma on Tuesday.")
    ev = _find(events, names, "attack", "attacked")
    assert ev.status == "happened" and ev.when.value == "2024-01-16"


def test_timeline_orders_mixed_granularity():
    def ev(value):
        sp = Span(0, 1, "x")
        return Event("other", sp, sp, "happened", when=When(0, 1, "x", value=value))
    values = ["2024-01-19", "2023-09", "2024-W03", "2023", None, "2024-Q1", "garbage"]
    events = [ev(v) if v else Event("other", Span(0, 1, "x"), Span(0, 1, "x"), "happened") for v in values]
    order = [e.when.value for e in timeline(events)]
    assert order == ["2023", "2023-09", "2024-Q1", "2024-W03", "2024-01-19"]
    assert len(timeline(events, undated=True)) == len(values)


def test_no_layers_no_crash(nlp):
    doc = nlp("Nothing happened. “Unclosed")
    assert isinstance(extract_events(doc, [], []), list)
