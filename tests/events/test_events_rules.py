"""Event rules on short sentences of our own: each status, each `when` rule, reporters, roles and grouping."""
from __future__ import annotations

import pytest

from newskit.dates.extract import extract_dates
from newskit.entities.extract import extract_entities
from newskit.events.extract import extract_events
from newskit.record import When

PUB = "2025-03-14"  # a Friday


def _run(nlp, text, published=PUB):
    doc = nlp(text)
    entities = extract_entities(doc)
    names = {e.id: e.name for e in entities}
    return extract_events(doc, entities, extract_dates(doc, published), published=published), names


def _one(events, names, trigger):
    found = [e for e in events if any(m.text == trigger for m in e.mentions)]
    assert found, f"no event at {trigger!r} in {[(e.type, e.trigger.text) for e in events]}"
    return found[0]


def _who(ev, names, role="who"):
    return [names[i] for i in getattr(ev, role)]


@pytest.mark.parametrize("text, trigger, status", [
    ("Marta Kowalski resigned from Orbis Bank on Tuesday.", "resigned", "happened"),
    ("Orbis Bank will open a branch in Lisbon in June.", "open", "planned"),
    ("Helix Motors plans to acquire Tarn Robotics.", "acquire", "planned"),
    ("Orbis Bank did not renew its sponsorship of the Lisbon Marathon.", "renew", "negated"),
    ("Helix Motors never paid Tarn Robotics.", "paid", "negated"),
    ("If the vote fails, Marta Kowalski may leave Orbis Bank.", "leave", "hypothetical"),
    ("Tarn Robotics could sue Helix Motors over the patent.", "sue", "hypothetical"),
    ("Unless Orbis Bank raises capital, regulators in Portugal will step in.", "raises", "hypothetical"),
])
def test_each_status(nlp, text, trigger, status):
    events, names = _run(nlp, text)
    assert _one(events, names, trigger).status == status


def test_reporting_frame_gives_the_event_a_reporter(nlp):
    events, names = _run(nlp, "Radio Veritas said Pope Leo will visit Manila in May.")
    visit = _one(events, names, "visit")
    assert visit.type == "visit" and visit.status == "planned"
    assert _who(visit, names) == ["Leo"] or "Leo" in " ".join(_who(visit, names))
    assert names[visit.reported_by] == "Radio Veritas" and _who(visit, names, "where") == ["Manila"]
    said = _one(events, names, "said")
    assert said.type == "statement" and said.reported_by is None and _who(said, names) == ["Radio Veritas"]


def test_hearsay_in_the_past_is_reported(nlp):
    events, names = _run(nlp, "Prosecutors in Milan alleged that Dario Fumagalli bribed officials of Enel.")
    ev = _one(events, names, "bribed")
    assert ev.status == "reported" and _who(ev, names) == ["Dario Fumagalli"]


def test_when_from_the_clause(nlp):
    events, names = _run(nlp, "Helix Motors bought Tarn Robotics on March 3.")
    ev = _one(events, names, "bought")
    assert ev.when.value == "2025-03-03" and ev.when.source == "clause"
    assert ev.when.text == "March 3"


def test_when_from_a_governing_clause(nlp):
    events, names = _run(nlp, "On Monday, Orbis Bank confirmed that it had dismissed Marta Kowalski.")
    ev = _one(events, names, "dismissed")
    assert ev.when.value == "2025-03-10" and ev.when.source == "sentence"


def test_when_from_the_publication_day(nlp):
    events, names = _run(nlp, "Orbis Bank says its profits doubled. Marta Kowalski has joined Helix Motors.")
    says = _one(events, names, "says")
    assert says.when == When(None, None, None, value=PUB, source="published")
    joined = _one(events, names, "joined")
    assert joined.when.source == "published"


def test_no_date_for_an_undated_past_event(nlp):
    events, names = _run(nlp, "Marta Kowalski founded Orbis Bank in Porto.")
    ev = _one(events, names, "founded")
    assert ev.when is None and ev.type == "other" and ev.predicate == "found"


def test_future_date_makes_a_plan(nlp):
    events, names = _run(nlp, "Helix Motors unveils its new truck in Detroit on April 2.")
    ev = _one(events, names, "unveils")
    assert ev.type == "product_launch" and ev.status == "planned" and ev.when.value == "2025-04-02"


def test_roles_who_whom_where(nlp):
    events, names = _run(nlp, "Police in Lagos arrested Tunde Bakare. Orbis Bank appointed Marta Kowalski.")
    arrest = _one(events, names, "arrested")
    assert arrest.type == "arrest" and _who(arrest, names, "whom") == ["Tunde Bakare"]
    appoint = _one(events, names, "appointed")
    assert appoint.type == "appointment" and _who(appoint, names) == ["Orbis Bank"]
    assert _who(appoint, names, "whom") == ["Marta Kowalski"]


def test_passive_agent_is_who(nlp):
    events, names = _run(nlp, "The merger was approved by Orbis Bank.")
    ev = _one(events, names, "approved")
    assert _who(ev, names) == ["Orbis Bank"]


def test_predicate_without_a_named_participant_is_no_event(nlp):
    events, _ = _run(nlp, "The weather improved and the crowd cheered.")
    assert events == []


def test_same_word_different_people_stay_apart(nlp):
    events, names = _run(nlp, "Marta Kowalski visited Porto in May. John Miller visited Lagos in June.")
    visits = [e for e in events if e.type == "visit"]
    assert len(visits) == 2 and {tuple(_who(e, names)) for e in visits} == {("Marta Kowalski",), ("John Miller",)}


def test_different_words_same_happening_group(nlp):
    events, names = _run(nlp, "Tunde Bakare will visit Lagos next week. The trip by Bakare will be his first.")
    visits = [e for e in events if e.type == "visit"]
    assert len(visits) == 1 and {m.text for m in visits[0].mentions} == {"visit", "trip"}


def test_announced_event_noun_is_planned_and_takes_the_announcer(nlp):
    events, names = _run(nlp, "Helix Motors negotiated the purchase of General Electric.")
    ev = _one(events, names, "purchase")
    assert ev.type == "sale" and ev.status == "planned"
    assert _who(ev, names) == ["Helix Motors"] and _who(ev, names, "whom") == ["General Electric"]


def test_first_person_is_the_speaker(nlp):
    events, names = _run(nlp, '"I will sue Orbis Bank," said Marta Kowalski.')
    sue = _one(events, names, "sue")
    assert _who(sue, names) == ["Marta Kowalski"] and _who(sue, names, "whom") == ["Orbis Bank"]
    assert sue.status == "planned" and names[sue.reported_by] == "Marta Kowalski"
    events, names = _run(nlp, "I met Marta Kowalski in Porto.")
    assert _one(events, names, "met").who == ()  # the writer: no one the article names


def test_disaster_verb_and_noun_are_one_event(nlp):
    events, names = _run(nlp, "An earthquake struck Turkey on Sunday.")
    quakes = [e for e in events if e.type == "disaster"]
    assert len(quakes) == 1 and {m.text for m in quakes[0].mentions} == {"earthquake", "struck"}
    assert _who(quakes[0], names, "where") == ["Turkey"] and quakes[0].status == "happened"


def test_reported_result_takes_the_reporter_as_agent(nlp):
    events, names = _run(nlp, "Orbis Bank reported record profits.")
    ev = _one(events, names, "profits")
    assert ev.type == "financial_result" and _who(ev, names) == ["Orbis Bank"]


def test_a_lone_it_makes_no_event_unless_it_is_the_reporter(nlp):
    events, names = _run(nlp, "Orbis Bank opened a branch in Porto. It grew quickly. "
                              "Orbis Bank said it would close 40 branches.")
    assert not [e for e in events if e.predicate == "grow"]
    close = _one(events, names, "close")
    assert _who(close, names) == ["Orbis Bank"] and close.status == "planned"
    assert names[close.reported_by] == "Orbis Bank"
