"""Place resolution: qualifier, dateline, the article's other places, prominence, and places left without geo."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from newskit.geo import gazetteer, resolve_name, resolve_places
from newskit.record import Entity, Span


def places(text: str, *names: str, types: dict[str, str] | None = None) -> list[Entity]:
    """One entity per name, its mentions every occurrence of the name in `text`."""
    out = []
    for i, name in enumerate(names, 1):
        spans = tuple(Span(m.start(), m.end(), name) for m in re.finditer(re.escape(name), text))
        assert spans, name
        out.append(Entity(id=f"E{i}", name=name, type=(types or {}).get(name, "place"), label="GPE", mentions=spans))
    return out


def resolved(text: str, *names: str, dateline: str | None = None) -> dict[str, object]:
    ents = resolve_places(places(text, *names), text, SimpleNamespace(dateline=dateline))
    return {e.name: e.geo for e in ents}


def test_a_qualifier_picks_the_namesake_inside_the_named_state():
    text = "The flood reached Paris, Texas, on Sunday; farther east, Alexandria, La. stayed dry."
    geo = resolved(text, "Paris, Texas", "Alexandria, La.")
    assert (geo["Paris, Texas"].country_code, geo["Paris, Texas"].admin1) == ("US", "TX")
    assert (geo["Alexandria, La."].country_code, geo["Alexandria, La."].admin1) == ("US", "LA")


def test_a_qualifier_written_after_the_mention_counts_too():
    text = "Crews left Paris, Texas early. Paris has been quiet since."
    geo = resolved(text, "Paris")
    assert geo["Paris"].country_code == "US"


def test_a_place_in_a_state_the_gazetteer_holds_nothing_of_is_put_at_the_state():
    text = "The fair moved to Smallvillette, Missouri this year."
    geo = resolved(text, "Smallvillette, Missouri")
    assert geo["Smallvillette, Missouri"].feature == "admin1"
    assert geo["Smallvillette, Missouri"].confidence < 1


def test_countries_and_states_side_by_side_are_a_list_not_a_place_and_its_area():
    text = ("Buyers in Belgium, Germany, Luxembourg and Spain will share the cost. "
            "The storm crossed Minnesota, Wisconsin, Michigan and Ohio in a day.")
    geo = resolved(text, "Germany", "Luxembourg", "Wisconsin", "Michigan")
    assert (geo["Germany"].feature, geo["Germany"].country_code) == ("country", "DE")
    assert (geo["Wisconsin"].feature, geo["Wisconsin"].admin1) == ("admin1", "WI")
    assert geo["Michigan"].name == "Michigan"


def test_a_city_in_a_list_of_cities_is_not_placed_in_the_next_item():
    text = "The carrier adds routes from Toronto, Los Angeles, Dubai and Sydney in the spring."
    geo = resolved(text, "Toronto", "Los Angeles", "Dubai", "Sydney")
    assert (geo["Los Angeles"].name, geo["Los Angeles"].country_code) == ("Los Angeles", "US")
    assert geo["Dubai"].country_code == "AE"


def test_a_list_whose_items_carry_states_keeps_each_qualifier():
    text = "The tour stops in Springfield, Illinois, Portland, Maine and Salem, Oregon."
    geo = resolved(text, "Springfield", "Portland", "Salem")
    assert (geo["Portland"].admin1, geo["Salem"].admin1) == ("ME", "OR")


def test_a_small_town_named_like_a_big_city_stays_at_its_state():
    geo = resolved("Volunteers in Paris, Idaho, cleared the creek on Saturday.", "Paris")
    assert (geo["Paris"].country_code, geo["Paris"].admin1) == ("US", "ID")


def test_the_dateline_pulls_a_namesake_toward_it():
    text = "Police in London said the road would reopen by Friday."
    assert resolved(text, "London")["London"].country_code == "GB"
    assert resolved(text, "London", dateline="TORONTO")["London"].country_code == "CA"


def test_an_opening_dateline_the_parser_missed_is_a_city():
    text = "WASHINGTON (AP) Senators from Oregon argued late into the night."
    geo = resolved(text, "WASHINGTON", "Oregon")
    assert (geo["WASHINGTON"].feature, geo["WASHINGTON"].admin1) == ("city", "DC")  # the capital, not the state
    text = "Headline about a bridge\nVICTORIA - Engineers in Alberta and Ontario disagree on the dam."
    geo = resolved(text, "VICTORIA", "Alberta", "Ontario")
    assert (geo["VICTORIA"].country_code, geo["VICTORIA"].feature) == ("CA", "city")  # its country is the story's
    text = "WASHINGTON LAWMAKERS BACK SEATTLE AND SPOKANE TRANSIT\nThe state's budget passed."
    assert resolved(text, "WASHINGTON", "SEATTLE", "SPOKANE")["WASHINGTON"].feature == "admin1"  # a headline
    text = "Washington state lawmakers met. Later, Washington voters in Seattle and Spokane agreed."
    assert resolved(text, "Washington", "Seattle", "Spokane")["Washington"].feature == "admin1"  # not at the start


def test_the_other_places_of_the_article_decide_between_namesakes():
    text = "Snow closed schools in Ontario. In London and Windsor buses ran late."
    geo = resolved(text, "Ontario", "London", "Windsor")
    assert geo["London"].country_code == "CA" and geo["Windsor"].country_code == "CA"
    text = "The governor of Georgia flew home to Atlanta after the vote."
    assert resolved(text, "Georgia", "Atlanta")["Georgia"].feature == "admin1"


def test_without_evidence_prominence_decides():
    assert resolve_name("Paris").country_code == "FR"
    georgia = resolve_name("Georgia")
    assert georgia.feature == "country" and georgia.country_code == "GE"
    us = resolve_name("U.S.")
    assert us.geonameid == 6252001 and (us.lat, us.lon) == (39.76, -98.5)  # the GeoNames point of the country


def test_a_region_inside_a_named_country_and_area_words():
    assert resolve_name("Russia's Far East").country_code == "RU"
    quebec = resolve_name("Quebec province")
    assert quebec.feature == "admin1" and quebec.country_code == "CA"


def test_a_state_abbreviation_standing_alone_is_its_state():
    sask = resolve_name("Sask.")
    assert (sask.feature, sask.country_code, sask.name) == ("admin1", "CA", "Saskatchewan")
    assert resolve_name("Ky.").admin1 == "KY"


@pytest.mark.parametrize(("name", "country"), [("Lisbon North", "PT"), ("Wartime Portugal", "PT"),
                                              ("Lisbon-based", "PT")])
def test_a_name_no_entry_has_is_read_as_the_place_it_is_built_on(name, country):
    assert resolve_name(name).country_code == country


@pytest.mark.parametrize("name", ["Lisbon Park", "Lisbon General Hospital", "Lisbon Bay Valley"])
def test_a_facility_or_feature_is_not_the_place_in_its_name(name):
    assert resolve_name(name) is None


@pytest.mark.parametrize("name", ["Vostochny Spaceport", "Qwertzland", "the Kremlin"])
def test_no_match_leaves_no_geo(name):
    assert resolve_name(name) is None


def test_only_places_get_geo():
    text = "Lincoln spoke in Lincoln, Nebraska."
    ents = resolve_places(places(text, "Lincoln", "Nebraska", types={"Lincoln": "person"}), text)
    assert ents[0].geo is None and ents[1].geo is not None and ents[1].geo.admin1 == "NE"


def test_the_gazetteer_is_built_once():
    assert gazetteer() is gazetteer()


def test_seed_places_resolve_to_their_entries(nlp, seed_text):
    from newskit.article import parse_article
    from newskit.entities import extract_entities

    ents = extract_entities(nlp(seed_text), parse_article(seed_text))
    ids = {e.name: (e.geo.geonameid if e.geo else None) for e in ents if e.type == "place"}
    expected = {"Pyongyang": 1871859, "Moscow": 524901, "Seoul": 1835848, "North Korea": 1873107,
                "Russia": 2017370, "South Korea": 1835841, "Ukraine": 690791, "Japan": 1861060,
                "United States": 6252001}
    assert {k: ids.get(k) for k in expected} == expected
    assert ids.get("Vostochny Spaceport") is None  # no gazetteer entry: honestly left without geo
    assert ids.get("Far East") in (None, 11961349)  # Russia's Far Eastern Federal District


def test_a_nationality_word_gets_its_country_and_keeps_its_type():
    text = "Turkish troops crossed as Kurdish fighters and Syrians fled."
    ents = resolve_places(places(text, "Turkish", "Kurdish", "Syrians",
                                 types={"Turkish": "nationality", "Kurdish": "nationality", "Syrians": "nationality"}),
                          text)
    geo = {e.name: e.geo for e in ents}
    assert geo["Turkish"].country_code == "TR" and geo["Turkish"].feature == "country"
    assert geo["Syrians"].country_code == "SY"
    assert geo["Kurdish"] is None  # a people without a country of that name
    assert all(e.type == "nationality" for e in ents)


def test_a_nationality_word_typed_as_a_place_is_its_country():
    assert resolve_name("Turkish").country_code == "TR"
    assert resolve_name("Kurdish") is None


def test_a_bare_name_of_a_capital_and_a_state_of_its_country_is_the_capital_unless_the_state_is_said():
    text = "Carmakers flew to Washington to ask Congress for loans. Michigan workers watched."
    assert (resolved(text, "Washington", "Michigan")["Washington"].admin1) == "DC"
    text = "The bank has branches in Washington state and in Oregon."
    assert resolved(text, "Washington", "Oregon")["Washington"].feature == "admin1"
    text = "The lender was based in Tacoma, Washington, before it failed."
    assert resolved(text, "Tacoma", "Washington")["Washington"].feature == "admin1"
