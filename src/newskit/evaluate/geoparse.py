"""Geoparsing gold files (TR-News / GeoWebNews style XML) and the place-resolution scores newskit is measured with.

Two layouts are read: articles (`article`, with a `docid`) holding a `text` and `toponyms`, each `toponym` with its
`phrase`, `start`, `end` and a `gaztag` (a `geonameid` attribute, `lat` and `lon`); and articles holding `locations`,
each `location` with its `name`, `start`, `end`, `lat` and `lon`. A gold span whose text is
not its phrase is moved onto the nearest occurrence of the phrase within ALIGN_WINDOW characters (some corpora's
offsets drift by a few characters); gold toponyms without coordinates are counted and left out of every share.

Scores (Gritta et al., "A pragmatic guide to geoparsing evaluation", 2019), over the gold toponyms with
coordinates: a toponym is *found* when a place entity has a mention overlapping it (the largest overlap wins) and
*resolved* when that entity has a geo; acc@161 is the share resolved within 161 km (100 miles), over all toponyms
(a miss is wrong) and over the resolved ones; mean and median error in km and the AUC of the sorted log errors
over the resolved ones; id_match the share of resolved toponyms whose GeoNames id is the gold one. Stdlib only.
"""
from __future__ import annotations

import math
import re
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

ALIGN_WINDOW = 50
ACC_KM = 161.0
EARTH_KM = 6371.009
WORST_KM = 20039.0  # half the earth's circumference: the largest error there is


@dataclass
class GeoDoc:
    """One article with its gold toponyms (dicts: start, end, text, lat, lon, geonameid)."""

    id: str
    text: str
    published: str | None = None
    gold: list[dict] = field(default_factory=list)
    skipped: int = 0  # gold toponyms without coordinates


def is_geo_xml(path: str) -> bool:
    """Return True when an XML file holds toponym or location annotations (rather than MEANTIME tokens)."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        head = fh.read(20000)
    return bool(re.search(r"<(toponym|location)s?\b", head)) and "<token" not in head


def _number(text: str | None) -> float | None:
    try:
        v = float(text or "")
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def _realign(text: str, phrase: str, start: int, end: int) -> tuple[int, int]:
    if not phrase or text[start:end] == phrase:
        return start, end
    hits = [m.start() for m in re.finditer(re.escape(phrase), text[max(0, start - ALIGN_WINDOW):
                                                                     start + ALIGN_WINDOW + len(phrase)])]
    if not hits:
        return start, end
    best = min((h + max(0, start - ALIGN_WINDOW) for h in hits), key=lambda i: abs(i - start))
    return best, best + len(phrase)


def read_geo(path: str) -> list[GeoDoc]:
    """Return the articles of a geoparsing gold file."""
    root = ET.parse(path).getroot()
    docs = []
    for n, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        doc = GeoDoc(art.get("docid") or f"{n + 1}", text)
        m = re.match(r"\s*(\d{4}-\d{2}-\d{2})", art.findtext("dltime") or "")
        doc.published = m.group(1) if m else None
        for el in list(art.iter("toponym")) or list(art.iter("location")):
            tag = el.find("gaztag")
            where = tag if tag is not None else el
            lat, lon = _number(where.findtext("lat")), _number(where.findtext("lon"))
            if lat is None or lon is None:
                doc.skipped += 1
                continue
            phrase = el.findtext("phrase") if el.find("phrase") is not None else el.findtext("name")
            start, end = _realign(text, phrase or "", int(el.findtext("start") or 0), int(el.findtext("end") or 0))
            doc.gold.append({"start": start, "end": end, "text": text[start:end], "lat": lat, "lon": lon,
                             "geonameid": tag.get("geonameid") if tag is not None else None})
        docs.append(doc)
    if not docs:
        raise ValueError("no <article> elements")
    return docs


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in kilometres (haversine on a sphere)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def auc(errors: list[float], misses: int = 0) -> float | None:
    """Return the normalised area under the sorted ln(error + 1) curve (0 perfect, 1 worst); misses count worst."""
    top = math.log(WORST_KM)
    ys = sorted([math.log(e + 1) for e in errors] + [top] * misses)
    if len(ys) < 2:
        return ys[0] / top if ys else None
    return sum((a + b) / 2 for a, b in zip(ys, ys[1:])) / ((len(ys) - 1) * top)


def _place_for(gold: dict, mentions: list[tuple[dict, dict]]) -> dict | None:
    best, size = None, 0
    for ent, m in mentions:
        overlap = min(gold["end"], m["end"]) - max(gold["start"], m["start"])
        if overlap > size:
            best, size = ent, overlap
    return best


def score_geo(pairs: list[tuple[GeoDoc, dict]]) -> dict:
    """Return the geoparsing scores of (gold document, newskit record) pairs."""
    n = found = resolved = within = with_id = same_id = skipped = 0
    errors: list[float] = []
    for doc, record in pairs:
        skipped += doc.skipped
        mentions = [(e, m) for e in record.get("entities") or [] if e.get("type") == "place"
                    for m in e.get("mentions") or []]
        for g in doc.gold:
            n += 1
            ent = _place_for(g, mentions)
            if ent is None:
                continue
            found += 1
            geo = ent.get("geo")
            if not geo:
                continue
            resolved += 1
            err = km(g["lat"], g["lon"], geo["lat"], geo["lon"])
            errors.append(err)
            within += err <= ACC_KM
            if g["geonameid"]:
                with_id += 1
                same_id += str(geo.get("geonameid")) == str(g["geonameid"])

    def share(a: int, b: int) -> float:
        return a / b if b else 0.0

    return {"gold": n, "skipped": skipped, "found": share(found, n), "resolved": share(resolved, n),
            "acc161": share(within, n), "acc161_resolved": share(within, resolved),
            "mean_km": statistics.fmean(errors) if errors else None,
            "median_km": statistics.median(errors) if errors else None,
            "auc": auc(errors), "auc_all": auc(errors, n - resolved),
            "id_match": share(same_id, with_id) if with_id else None}
