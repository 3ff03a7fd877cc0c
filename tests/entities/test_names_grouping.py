"""Name cleaning, short forms, acronyms and country variants: the word-level rules, without spaCy."""
from __future__ import annotations

from newskit.entities import grouping as aliases
from newskit.entities import names, places


def test_titles_and_particles():
    assert names.leading_titles(["Russian", "President", "Vladimir", "Putin"]) == 2
    assert names.leading_titles(["Mr.", "Putin"]) == 1
    assert names.leading_titles(["Putin"]) == 0
    assert names.is_particle("von") and names.is_particle("der") and not names.is_particle("Von")
    assert not names.is_particle("as")  # "as-" is an Arabic article only when glued by a hyphen
    assert names.is_honorific("Mr.") and not names.is_honorific("President")


def test_short_forms():
    assert names.is_short_form("Putin", "Vladimir Putin")
    assert names.is_short_form("Choe", "Choe Sun-hui")  # family name first
    assert names.is_short_form("Baghdadi", "Abu Bakr al-Baghdadi")
    assert names.is_short_form("Leyen", "Ursula von der Leyen")
    assert not names.is_short_form("Kim Arin", "Kim Jong-un")
    assert not names.is_short_form("Vladimir Putin", "Vladimir Putin")
    assert names.clean_name("North Korea\u2019s") == "North Korea"
    assert names.clean_name("Kim Arin\n\n") == "Kim Arin"


def test_acronyms():
    assert aliases.acronym_of("KCNA") == "KCNA" and aliases.acronym_of("U.N.") == "UN"
    assert aliases.acronym_of("Korea") is None
    assert "KCNA" in aliases.initials("Korea Central News Agency")
    assert "DPRK" in aliases.initials("Democratic People\u2019s Republic of Korea")
    assert "USAF" in aliases.initials("U.S. Air Force")
    assert "EADS" in aliases.initials("European Aeronautic Defence and Space NV")


def test_country_variants():
    for name in ("US", "U.S.", "the United States", "America", "United States of America"):
        assert places.country_code(name) == "USA", name
    assert places.country_code("UK") == places.country_code("Britain") == "GBR"
    assert places.country_code("DPRK") == places.country_code("North Korea") == "PRK"
    assert places.country_code("Democratic People\u2019s Republic of Korea") == "PRK"
    # institutions and places named after a country are not the country
    for name in ("Korea Central News Agency", "Air India", "Russia\u2019s Far East", "Bank of England", "Seoul"):
        assert places.country_code(name) is None, name
    assert places.country_name("PRK") == "North Korea"


def test_norm():
    assert aliases.norm("the U.S.") == "us"
    assert aliases.norm("North Korea\u2019s") == "north korea"
