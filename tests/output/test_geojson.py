"""`newskit entities --geojson`: one valid FeatureCollection, a Point (lon, lat) per resolved place."""
from __future__ import annotations

import json

from click.testing import CliRunner

from newskit.cli import cli
from newskit.output.geojson import feature_collection, to_geojson
from newskit.record import Entity, ErrorInfo, ErrorRecord, Geo, Record, Span

GEO = Geo(geonameid=2988507, name="Paris", feature="city", country_code="FR", lat=48.85341, lon=2.3488,
          confidence=0.9)


def record(rid: str, *entities: Entity) -> Record:
    return Record(rid, entities=entities)


def entity(eid: str, name: str, etype: str = "place", geo: Geo | None = None, count: int = 2) -> Entity:
    spans = tuple(Span(i, i + len(name), name) for i in range(count))
    return Entity(id=eid, name=name, type=etype, label="GPE", mentions=spans, geo=geo)  # type: ignore[arg-type]


def test_one_point_per_resolved_place_with_its_article_and_counts():
    recs = [record("a.txt", entity("E1", "Paris", geo=GEO), entity("E2", "Atlantis"),
                   entity("E3", "Paris Hilton", "person", geo=GEO)),
            record("b.txt", entity("E1", "Paris", geo=GEO, count=5)),
            ErrorRecord("c.txt", ErrorInfo("empty", "empty input"))]
    fc = json.loads(to_geojson(recs))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2
    for f in fc["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert (lon, lat) == (GEO.lon, GEO.lat)  # RFC 7946: longitude first
        assert set(f["properties"]) >= {"article_id", "name", "feature", "mentions"}
    assert [(f["properties"]["article_id"], f["properties"]["mentions"]) for f in fc["features"]] == \
        [("a.txt", 2), ("b.txt", 5)]


def test_no_places_is_an_empty_collection():
    assert feature_collection([record("a.txt")]) == {"type": "FeatureCollection", "features": []}


def test_cli_geojson_of_the_seed_and_exclusive_with_json(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("Officials in Ukraine and Japan met in Seoul on Monday, Reuters said.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["entities", "--geojson", str(art)])
    assert result.exit_code == 0, result.output
    names = {f["properties"]["name"] for f in json.loads(result.output)["features"]}
    assert {"Ukraine", "Japan", "Seoul"} <= names
    result = CliRunner().invoke(cli, ["entities", "--geojson", "--json", str(art)])
    assert result.exit_code == 2 and "exclusive" in result.output
