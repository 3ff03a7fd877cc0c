"""Quotes: every quotation form on hand-written snippets, the seed article, and offsets that never lie."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newskit.entities.extract import extract_entities
from newskit.quotes.extract import extract_quotes
from newskit.quotes.marks import find_quote_marks


def _quotes(nlp, text, **kw):
    doc = nlp(text)
    return doc, extract_quotes(doc, extract_entities(doc), **kw)


def _direct(quotes):
    return [q for q in quotes if q.kind == "direct"]


def _check_offsets(text, quotes):
    for q in quotes:
        assert text[q.start:q.end] == q.text
        for p in q.parts:
            assert text[p.start:p.end] == p.text
        if q.cue:
            assert text[q.cue.start:q.cue.end] == q.cue.text
        if q.speaker:
            assert text[q.speaker.start:q.speaker.end] == q.speaker.text


def test_quote_then_speaker(nlp):
    text = "“We will win this race,” Senator Maria Lopez said on Monday."
    _, qs = _quotes(nlp, text)
    (q,) = _direct(qs)
    assert q.text == "“We will win this race,”"
    assert q.cue.text == "said"
    assert "Lopez" in q.speaker.text and q.speaker.entity is not None
    _check_offsets(text, qs)


def test_speaker_colon_then_quote(nlp):
    text = "Governor John Harris said: “The budget is balanced and the schools are funded.”"
    _, qs = _quotes(nlp, text)
    (q,) = _direct(qs)
    assert q.cue.text == "said" and "Harris" in q.speaker.text


def test_inverted_with_apposition(nlp):
    text = "“Nobody wants a longer commute,” said Megan Hester, the director of the Institute for Schools."
    _, qs = _quotes(nlp, text)
    (q,) = _direct(qs)
    assert q.cue.text == "said"
    assert q.speaker.text.endswith("Megan Hester") and q.speaker.name == "Megan Hester"


def test_split_quote_is_one_quote(nlp):
    text = "“This is in their heads,” said Pat Caddell, the pollster. “It is one of the things worrying them.”"
    _, qs = _quotes(nlp, text)
    (q,) = _direct(qs)
    assert q.start == 0 and q.end == len(text)
    assert len(q.parts) == 2 and q.parts[1].text == "“It is one of the things worrying them.”"
    assert "Caddell" in q.speaker.text


def test_split_around_cue_with_comma(nlp):
    text = "“The economy,” he said, “is doing better than anyone expected.”"
    _, qs = _quotes(nlp, text)
    (q,) = _direct(qs)
    assert len(q.parts) == 2 and q.speaker.text == "he"


def test_multi_paragraph_quote(nlp):
    text = ("Ms. Ellen Park told reporters:\n\n“The first thing we did was count the ballots again.\n\n"
            "“Then we counted them a third time, and the numbers held.”\n\nThe count ended on Friday.")
    _, qs = _quotes(nlp, text)
    (q,) = _direct(qs)
    assert len(q.parts) == 2
    assert q.text.startswith("“The first") and q.text.endswith("held.”")
    assert "Park" in q.speaker.name


def test_straight_single_and_timebank_marks(nlp):
    for text in ('"We are ready," the minister said.', "``We are ready,'' the minister said.",
                 "'We are ready to act now,' the minister said."):
        _, qs = _quotes(nlp, text)
        (q,) = [q for q in qs if q.direct]
        assert q.text.startswith(("\"", "``", "'")) and q.cue.text == "said", text
        assert q.speaker.text == "the minister"


def test_scare_quotes_are_marked(nlp):
    text = "The ministry dismissed the report as a “claim” and condemned the “provocative actions” by the North."
    _, qs = _quotes(nlp, text)
    assert qs and all(q.kind == "scare" for q in qs if q.direct)


def test_indirect_quote(nlp):
    text = "Kremlin spokesperson Dmitry Peskov said the Russian president has been invited to Pyongyang."
    _, qs = _quotes(nlp, text)
    (q,) = qs
    assert not q.direct and q.kind == "indirect"
    assert q.text == "the Russian president has been invited to Pyongyang"
    assert q.cue.text == "said" and q.speaker.name == "Dmitry Peskov"


def test_according_to(nlp):
    text = "According to the Ministry of Defense, the drills will last three days."
    _, qs = _quotes(nlp, text)
    (q,) = qs
    assert q.cue.text == "According to" and "Ministry" in q.speaker.text


def test_pronoun_resolves_to_previous_person(nlp):
    text = ("Senator Alice Warren spoke to voters in Ohio on Tuesday.\n\n"
            "“We need new jobs here,” she said.")
    _, qs = _quotes(nlp, text)
    (q,) = _direct(qs)
    assert q.speaker.text == "she" and q.speaker.name == "Alice Warren"


def test_spokesman_resolves_to_titled_person(nlp):
    text = ("Kremlin spokesman Dmitry Peskov met reporters in Moscow.\n\n"
            "“No date has been set,” the spokesman said.")
    _, qs = _quotes(nlp, text)
    (q,) = _direct(qs)
    assert q.speaker.text == "the spokesman" and q.speaker.name == "Dmitry Peskov"


def test_dash_signature(nlp):
    text = "“He does not understand our communities at all.” ― Carla Sanchez\n"
    _, qs = _quotes(nlp, text)
    (q,) = _direct(qs)
    assert q.speaker.text == "Carla Sanchez"


def test_unbalanced_marks_never_raise(nlp):
    for text in ("“Open and never closed", "closed only” here", "\"\"\"", "‘’‘", "``''``", "He said “a\n\nb"):
        doc, qs = _quotes(nlp, text)
        _check_offsets(text, qs)


def test_seed_quotes(seed_doc, seed_text):
    entities = extract_entities(seed_doc)
    qs = extract_quotes(seed_doc, entities)
    _check_offsets(seed_text, qs)
    names = {e.id: e.name for e in entities}
    kcna = next(q for q in qs if q.text.startswith("“The Democratic People’s Republic"))
    assert kcna.text.endswith("utmost respect,”") and kcna.cue.text == "said"
    assert kcna.speaker.text == "the KCNA" and names[kcna.speaker.entity] == "Korea Central News Agency"
    deep = next(q for q in qs if q.text.startswith("“deep appreciation"))
    assert deep.kind == "direct" and names[deep.speaker.entity] == "Russia"
    peskov = next(q for q in qs if q.kind == "indirect" and "has been invited" in q.text)
    assert names[peskov.speaker.entity] == "Dmitry Peskov"
    scare = {q.text for q in qs if q.kind == "scare"}
    assert "“successive provocative actions”" in scare


MARKS = st.sampled_from(["“", "”", "\"", "'", "‘", "’", "``", "''", "`", " ", "\n", "\n\n", "a", "He said ", ", "])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(MARKS, st.text(max_size=6)), max_size=25))
def test_random_marks_property(nlp, pieces):
    text = "".join(pieces)
    for q in find_quote_marks(text):
        for s, e in q.parts:
            assert 0 <= s < e <= len(text)
    doc, qs = _quotes(nlp, text)
    _check_offsets(text, qs)


@pytest.mark.parametrize("text", ["", "No quotes at all.", "“", "”"])
def test_degenerate_inputs(nlp, text):
    _, qs = _quotes(nlp, text)
    _check_offsets(text, qs)


def test_listener_pronoun_is_never_the_speaker(nlp):
    text = "The flood came at night. My neighbour, Dr. Amélie Roux, kept telling me that the river would rise again."
    _, qs = _quotes(nlp, text)
    (q,) = qs
    assert q.cue.text == "telling"
    assert q.speaker is not None and q.speaker.text != "me" and "Roux" in q.speaker.text
    assert q.speaker.role is None


def test_first_person_subject_is_the_author(nlp):
    text = "We drove north at dawn. I told the driver that the road was closed."
    _, qs = _quotes(nlp, text)
    (q,) = qs
    assert q.speaker.text == "I" and q.speaker.role == "author"
    assert q.speaker.to_dict()["role"] == "author"


def test_quoted_verdict_of_a_named_speaker_is_direct(nlp):
    text = ("Senate leader Mitch McConnell called it \u201ca responsible step.\u201d "
            "Some critics described the plan as \u201creckless.\u201d")
    _, qs = _quotes(nlp, text)
    first, second = sorted(qs, key=lambda q: q.start)
    assert first.kind == "direct" and first.cue.text == "called" and "McConnell" in first.speaker.text
    assert second.kind == "scare"  # nobody named: the reporter's distance, not a statement


def test_nested_attribution_is_one_quote(nlp):
    text = "Chuck Schumer told reporters on Tuesday that he expects the House to pass the bill quickly."
    _, qs = _quotes(nlp, text)
    (q,) = qs
    assert q.cue.text == "told" and "expects the House" in q.text


def test_country_us_is_not_first_person(nlp):
    text = "The US has said that the shipments broke the sanctions."
    _, qs = _quotes(nlp, text)
    (q,) = qs
    assert q.speaker.text == "The US" and q.speaker.role is None


@pytest.mark.parametrize("text", [
    "The governor repeated the promise on KTV's “Sunday Roundtable” before flying home.",
    "Her new documentary “Salt Roads” opens in twelve cities next month.",
    "The mayor walked out of an episode of “Morning Call” after two questions.",
    'Councilman Robert "Bobby" Lindqvist voted against the budget again.',
])
def test_a_capitalised_name_in_quotation_marks_is_no_quotation(nlp, text):
    _, qs = _quotes(nlp, text)
    named = [q for q in qs if q.direct]
    assert not named, [(q.kind, q.text) for q in named]


def test_capitalised_quoted_words_that_are_a_verdict_stay_a_quotation(nlp):
    # a verdict in capitals is not a name of a work: the quotation stays (as a scare quote of the clause)
    _, qs = _quotes(nlp, "Fact-checkers rated the claim “Mostly False” on Tuesday.")
    assert [q.text for q in qs if q.direct] == ["“Mostly False”"]


def test_transcript_turns_are_quotes_of_their_labelled_speakers(nlp):
    text = ("Excerpts from the interview follow.\n\n"
            "\"HARTLEY: Will the council raise fares this winter? Riders want an answer.\n\n"
            "\"OKONJO: No. We have frozen fares until the end of next year, and I stand by that.\n\n"
            "\"HARTLEY: Thank you, Mayor Okonjo.\"")
    _, qs = _quotes(nlp, text)
    turns = [(q.speaker.text if q.speaker else None, q.text.split(":")[0].strip('"')) for q in _direct(qs)]
    assert turns == [("HARTLEY", "HARTLEY"), ("OKONJO", "OKONJO"), ("HARTLEY", "HARTLEY")]
    _check_offsets(text, qs)


def test_a_line_that_is_only_a_capitalised_quotation_is_a_subheading(nlp):
    text = ("The mine reopened in March after two years.\n\n'A Long Way Back.'\n\n"
            "Workers returned slowly, the union said.")
    _, qs = _quotes(nlp, text)
    assert not [q for q in qs if q.direct], [(q.kind, q.text) for q in qs]
