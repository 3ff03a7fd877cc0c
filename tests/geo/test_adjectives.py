"""A country's adjective modifying a noun is a mention of the country; people, languages and peoples are not."""
from __future__ import annotations

from newskit.article import parse_article
from newskit.entities import extract_entities


def _entities(nlp, text: str, *, all_types: bool = False):
    return extract_entities(nlp(text), parse_article(text), all_types=all_types)


def test_an_adjective_joins_the_country_the_article_names(nlp):
    text = "Norway said on Monday that Norwegian ships would patrol the fjord near Bergen."
    norway = [e for e in _entities(nlp, text) if e.type == "place" and e.name == "Norway"]
    assert len(norway) == 1
    assert [text[m.start:m.end] for m in norway[0].mentions] == ["Norway", "Norwegian"]
    assert norway[0].geo is not None and norway[0].geo.feature == "country" and norway[0].geo.country_code == "NO"


def test_an_adjective_alone_makes_a_place_named_for_its_country(nlp):
    text = "The Peruvian navy and Chilean fishermen argued over the catch for a week."
    places = {e.name: e for e in _entities(nlp, text) if e.type == "place"}
    assert places["Peru"].geo.country_code == "PE" and places["Chile"].geo.country_code == "CL"
    assert [m.text for m in places["Chile"].mentions] == ["Chilean"]


def test_people_languages_and_peoples_stay_nationality_words(nlp):
    text = ("Thousands of Peruvians marched in Lima. The leaflet was printed in Portuguese. "
            "Kurdish fighters held the ridge.")
    ents = _entities(nlp, text, all_types=True)
    place_texts = {m.text for e in ents if e.type == "place" for m in e.mentions}
    assert not place_texts & {"Peruvians", "Portuguese", "Kurdish"}
    kept = {m.text for e in ents if e.type == "nationality" for m in e.mentions}
    assert "Peruvians" in kept and "Kurdish" in kept


def test_with_all_types_a_word_is_in_one_entity_only(nlp):
    text = "Norwegian ships sailed. Norwegians cheered them from the quay in Oslo."
    ents = _entities(nlp, text, all_types=True)
    spans = [(m.start, m.end) for e in ents for m in e.mentions]
    assert len(spans) == len(set(spans))
    assert any(e.type == "place" and e.name == "Norway" for e in ents)


def test_a_city_the_model_called_a_nationality_word_is_a_place(nlp):
    from newskit.geo.adjectives import adjective_places
    from newskit.record import Entity, Span

    text = "Shelling resumed around Aleppo while Baptists prayed."
    doc = nlp(text)
    aleppo = Entity(id="", name="Aleppo", type="nationality", label="NORP", mentions=(Span(24, 30, "Aleppo"),))
    baptists = Entity(id="", name="Baptists", type="nationality", label="NORP", mentions=(Span(37, 45, "Baptists"),))
    out = adjective_places(doc, [aleppo, baptists], [aleppo, baptists], keep_rest=True)
    assert [(e.name, e.type) for e in out] == [("Aleppo", "place"), ("Baptists", "nationality")]
    assert [(e.name, e.type) for e in adjective_places(doc, [], [aleppo, baptists])] == [("Aleppo", "place")]
