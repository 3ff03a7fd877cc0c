"""The gazetteer's data: the generated areas file and world outline are the pinned ones, names are keyed alike."""
from __future__ import annotations

import gzip
import hashlib
from importlib.resources import files

import pytest

from newskit.geo.gazetteer import gazetteer, key

DATA = files("newskit.geo").joinpath("data")


@pytest.mark.parametrize("name", ["areas.tsv.gz", "demonyms.tsv", "world.svg.txt"])
def test_generated_files_match_their_pinned_sha256(name):
    data = DATA.joinpath(name).read_bytes()
    digest = hashlib.sha256(gzip.decompress(data) if name.endswith(".gz") else data).hexdigest()  # the text's
    pinned = DATA.joinpath(name + ".sha256").read_text(encoding="utf-8").split()[0]
    assert digest == pinned, f"{name} differs from its pin: rebuild with python3 -m newskit.geo.build"


def test_shipped_data_stays_small():
    assert sum(len(DATA.joinpath(n).read_bytes()) for n in ("areas.tsv.gz", "demonyms.tsv", "world.svg.txt")) \
        < 600_000


def test_areas_carry_geonames_points_and_admin1_codes():
    gaz = gazetteer()
    us = gaz.country("US")
    assert us is not None and (us.geonameid, us.lat, us.lon) == (6252001, 39.76, -98.5)
    alberta = gaz.admin1[("CA", "01")]
    assert alberta.name == "Alberta" and alberta.feature == "admin1"
    assert gaz.admin1[("US", "TX")].name == "Texas"


@pytest.mark.parametrize(("a", "b"), [("U.S.", "US"), ("Québec", "quebec"), ("the Netherlands", "Netherlands"),
                                      ("Winston-Salem", "winston salem"), ("Canada\u2019s", "canada")])
def test_names_are_keyed_alike(a, b):
    assert key(a) == key(b)


def test_a_city_named_city_is_found_by_its_short_name_unless_an_area_has_it():
    gaz = gazetteer()
    assert any(h.place.name == "Dodge City" and h.own_name for h in gaz.lookup("Dodge"))
    assert not any(h.place.feature == "city" and h.own_name for h in gaz.lookup("Missouri"))  # not Missouri City
    assert not any(h.place.feature == "city" and h.own_name for h in gaz.lookup("New York"))


def test_a_county_near_a_state_line_lies_in_its_own_state():
    gaz = gazetteer()
    states = {h.place.admin1 for h in gaz.lookup("Dearborn County") if h.place.feature == "admin2"}
    assert states == {"IN"}  # its point is nearer Kentucky's cities than most of Indiana's
