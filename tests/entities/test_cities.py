"""Known places: the names whose bare form is a place, for the type vote's place evidence."""
from __future__ import annotations

from newskit.entities import cities


def test_dotted_state_and_province_abbreviations_are_known_places():
    for name in ("Ky.", "Calif.", "Alta.", "B.C.", "N.Y.", "Mich.", "Mass.", "Conn."):  # the last three the
        assert cities.is_known_place(name), name  # gazetteer lacks or gives to Michoacan: news style's own table


def test_postal_codes_and_look_alike_abbreviations_are_not_regions():
    for name in ("KY", "IN", "Co.", "Mt.", "Col.", "Sen.", "Inc.", "Miss.", "Mich"):
        assert not cities.is_region_abbreviation(name), name


def test_a_full_state_name_is_still_known():
    assert cities.is_known_place("Kentucky") and not cities.is_region_abbreviation("Kentucky")
