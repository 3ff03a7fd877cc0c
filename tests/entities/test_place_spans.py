"""One place per mention: comma-joined place spans are cut into their names, offsets exact, the qualifier kept."""
from __future__ import annotations

import pytest

from newskit.article import parse_article
from newskit.entities import extract_entities
from newskit.entities.place_spans import split_places
from newskit.entities.span import Mention


def _mention(doc, text: str, label: str = "GPE") -> Mention:
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text))
    assert span is not None, text
    return Mention(span.start_char, span.end_char, span.text, label, span.start, span.end, "ner")


@pytest.mark.parametrize(("sentence", "span", "parts"), [
    ("The dam near Grand Forks, North Dakota, held.", "Grand Forks, North Dakota", ["Grand Forks", "North Dakota"]),
    ("Buses ran from Leeds, York and Hull.", "Leeds, York", ["Leeds", "York"]),
    ("The plant in Moose Jaw, Sask. closed.", "Moose Jaw, Sask.", ["Moose Jaw", "Sask."]),
])
def test_a_place_span_listing_names_is_cut_into_one_mention_per_name(nlp, sentence, span, parts):
    doc = nlp.make_doc(sentence)
    out = split_places(doc, [_mention(doc, span)])
    assert [m.text for m in out] == parts
    assert all(sentence[m.start:m.end] == m.text and doc[m.tstart:m.tend].text == m.text for m in out)
    assert {m.label for m in out} == {"GPE"}


@pytest.mark.parametrize(("sentence", "span", "label"), [
    ("Tourists crowded Pier 39, San Francisco on Friday.", "Pier 39, San Francisco", "FAC"),  # a part with a number
    ("The Bank of Leeds, York branch, shut.", "Bank of Leeds, York", "ORG"),  # not a place label
    ("Ferries left Halifax today.", "Halifax", "GPE"),  # nothing to cut
])
def test_other_spans_are_left_whole(nlp, sentence, span, label):
    doc = nlp.make_doc(sentence)
    m = _mention(doc, span, label)
    assert split_places(doc, [m]) == [m]


def test_the_town_and_its_state_become_two_places_and_the_town_is_found_inside_the_state(nlp):
    text = "Firefighters in Springfield, Oregon, saved a barn on Tuesday. Oregon officials praised them."
    ents = {e.name: e for e in extract_entities(nlp(text), parse_article(text)) if e.type == "place"}
    assert "Springfield, Oregon" not in ents
    town, state = ents["Springfield"], ents["Oregon"]
    assert [(m.start, m.end) for m in town.mentions] == [(16, 27)]
    assert len(state.mentions) == 2 and all(text[m.start:m.end] == "Oregon" for m in state.mentions)
    assert (town.geo.country_code, town.geo.admin1) == ("US", "OR")  # not Springfield, Illinois
