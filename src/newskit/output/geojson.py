"""Places as GeoJSON (RFC 7946): one Point feature per resolved place of each article, for QGIS, kepler.gl or
geojson.io."""
from __future__ import annotations

import json
from collections.abc import Iterable

from newskit.record import AnyRecord, ErrorRecord


def features(record: AnyRecord) -> list[dict]:
    """Return the Point features of one record's resolved places (none for an error record)."""
    if isinstance(record, ErrorRecord):
        return []
    out = []
    for e in record.entities or ():
        geo = e.geo
        if e.type != "place" or geo is None:
            continue
        out.append({"type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [geo.lon, geo.lat]},
                    "properties": {"article_id": record.id, "entity_id": e.id, "name": e.name,
                                   "feature": geo.feature, "mentions": e.count, "geonameid": geo.geonameid,
                                   "gazetteer_name": geo.name, "country_code": geo.country_code,
                                   "confidence": round(geo.confidence, 4)}})
    return out


def feature_collection(records: Iterable[AnyRecord]) -> dict:
    """Return one FeatureCollection holding the places of all `records`."""
    return {"type": "FeatureCollection", "features": [f for rec in records for f in features(rec)]}


def to_geojson(records: Iterable[AnyRecord]) -> str:
    """Return the FeatureCollection of `records` as JSON text."""
    return json.dumps(feature_collection(records), ensure_ascii=False, indent=1, allow_nan=False)
