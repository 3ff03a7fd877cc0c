"""Entity keys from one article: legal forms, country names, diacritics and acronyms give one key."""
from __future__ import annotations

from newskit.entities.keys import entity_key, fold


def test_legal_forms_and_descriptors_are_dropped():
    keys = {entity_key(n, "organization") for n in
            ("Ford Motor Co", "Ford Motor Company", "Ford Motor Co.", "the Ford Motor Company")}
    assert keys == {"organization:ford motor"}
    assert entity_key("Harbourline Shipping Inc.", "organization") == "organization:harbourline shipping"
    assert entity_key("Vandermolen Holdings NV", "organization") == entity_key("Vandermolen Holdings N.V.",
                                                                               "organization")
    assert entity_key("Procter & Gamble Co.", "organization") == "organization:procter and gamble"


def test_one_form_for_a_country_and_the_united_states():
    assert entity_key("U.S.", "place") == entity_key("United States", "place") == entity_key("the US", "place")
    assert entity_key("Britain", "place") == entity_key("United Kingdom", "place")
    assert entity_key("U.S. Coast Guard", "organization") == entity_key("United States Coast Guard", "organization")


def test_diacritics_case_and_titles():
    assert fold("Société Générale") == "societe generale"
    assert entity_key("SOCIÉTÉ GÉNÉRALE", "organization") == entity_key("Société Générale", "organization")
    assert entity_key("Senator Mara Oyelaran", "person") == entity_key("Mara Oyelaran", "person")
    assert entity_key("Oyelaran", "person") != entity_key("Mara Oyelaran", "person")  # that is link's job


def test_a_city_with_its_region_is_keyed_by_the_city():
    assert entity_key("Tacoma, Washington", "place") == entity_key("Tacoma", "place") == "place:tacoma"


def test_an_acronym_takes_the_long_form_its_article_spells_out():
    assert entity_key("NRB", "organization", ("Northern Rail Board",)) == "organization:northern rail board"
    assert entity_key("NRB", "organization") == "organization:nrb"
    assert entity_key("NRB", "organization", ("Harbour Trust",)) == "organization:nrb"


def test_nordic_and_asian_legal_forms_a_trailing_union_and_a_quoted_nickname_are_dropped():
    assert entity_key("Kallsberg Automobile AB", "organization") == "organization:kallsberg automobile"
    assert entity_key("Fjordline ASA", "organization") == entity_key("Fjordline", "organization")
    assert entity_key("Harbour Dockers union", "organization") == entity_key("Harbour Dockers", "organization")
    assert entity_key("European Union", "organization") == "organization:european union"  # a name's own word
    assert entity_key('Margaret "Peggy" Alder', "person") == entity_key("Margaret Alder", "person")


def test_an_acronym_writing_its_of_small_is_keyed_by_its_letters():
    assert entity_key("BofA", "organization") == entity_key("BoA", "organization") == "organization:boa"
    assert entity_key("BofA", "organization", ("Bank of America",)) == "organization:bank of america"


def test_a_clipping_named_most_is_keyed_by_the_name_it_clips():
    assert entity_key("Fed", "organization", ("Federal Reserve",)) == "organization:federal reserve"
    assert entity_key("Fed", "organization", ("Federal Reserve Bank of Kansas City", "Federal Reserve")) == \
        "organization:federal reserve"
    assert entity_key("Marlow", "organization", ("Marlow Leasing Inc.",)) == "organization:marlow"  # no clipping
