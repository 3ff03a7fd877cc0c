"""Places as GeoJSON (RFC 7946): one Point feature per resolved place of each article, for QGIS, kepler.gl or
geojson.io."""
from __future__ import annotations

import json
from collections.abc import Iterable


def features(record: dict) -> list[dict]:
    """Return the Point features of one record's resolved places (none for an error record)."""
    out = []
    for e in record.get("entities") or []:
        geo = e.get("geo")
        if e.get("type") != "place" or not geo:
            continue
        out.append({"type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [geo["lon"], geo["lat"]]},
                    "properties": {"article_id": record.get("id"), "entity_id": e.get("id"), "name": e.get("name"),
                                   "feature": geo.get("feature"), "mentions": e.get("count"),
                                   "geonameid": geo.get("geonameid"), "gazetteer_name": geo.get("name"),
                                   "country_code": geo.get("country_code"), "confidence": geo.get("confidence")}})
    return out


def feature_collection(records: Iterable[dict]) -> dict:
    """Return one FeatureCollection holding the places of all `records`."""
    return {"type": "FeatureCollection", "features": [f for rec in records for f in features(rec)]}


def to_geojson(records: Iterable[dict]) -> str:
    """Return the FeatureCollection of `records` as JSON text."""
    return json.dumps(feature_collection(records), ensure_ascii=False, indent=1)
