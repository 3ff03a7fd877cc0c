"""The report's map panel: the resolved places as points on a world outline shipped with the package.

The outline (newskit/geo/data/world.svg.txt, built by `python3 -m newskit.geo.build`) is one SVG path on a
360 x 180 equirectangular box: x = lon + 180, y = 90 - lat. The panel's view is cut to the places (with a margin,
never narrower than MIN_SPAN degrees), so a local story shows its county and a world story the world. Plain
values for the template; nothing here writes markup.
"""
from __future__ import annotations

import math
from functools import cache
from importlib.resources import files
from typing import Any

from newskit.record import Record

MIN_SPAN = 24.0  # degrees of longitude the narrowest view shows
MARGIN = 0.15  # share of the places' extent added around them


@cache
def world_outline() -> str:
    """Return the world's land as SVG path data (read once per process)."""
    return files("newskit.geo").joinpath("data/world.svg.txt").read_text(encoding="utf-8").strip()


def map_panel(record: Record, anchored: set[str]) -> dict[str, Any] | None:
    """Return the map panel's points and view box, or None when no place of the record has a geo."""
    places = [(e, e.geo) for e in record.entities or () if e.type == "place" and e.geo is not None]
    if not places:
        return None
    xs = [g.lon + 180 for _, g in places]
    ys = [90 - g.lat for _, g in places]
    x0, x1, y0, y1 = _view(xs, ys)
    unit = (x1 - x0) / 100  # point sizes and label offsets follow the zoom
    points = []
    for (e, g), x, y in sorted(zip(places, xs, ys), key=lambda p: -(p[0][0].count or 1)):
        count = e.count or 1
        points.append({"x": round(x, 3), "y": round(y, 3), "r": round(unit * (1.2 + math.log2(count)), 3),
                       "name": e.name or "", "feature": g.feature, "count": count,
                       "href": f"#m-{e.id}" if e.id in anchored else ""})
    return {"view": f"{x0:.2f} {y0:.2f} {x1 - x0:.2f} {y1 - y0:.2f}", "unit": round(unit, 3),
            "outline": world_outline(), "points": points, "n": len(points)}


def _view(xs: list[float], ys: list[float]) -> tuple[float, float, float, float]:
    """Return (x0, x1, y0, y1): the places' extent with a margin, 2:1 like the world, inside the world box."""
    w = max(max(xs) - min(xs), MIN_SPAN) * (1 + 2 * MARGIN)
    h = max(max(ys) - min(ys), MIN_SPAN / 2) * (1 + 2 * MARGIN)
    w, h = max(w, 2 * h), max(h, w / 2)
    w, h = min(w, 360.0), min(h, 180.0)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    x0 = min(max(cx - w / 2, 0.0), 360.0 - w)
    y0 = min(max(cy - h / 2, 0.0), 180.0 - h)
    return x0, x0 + w, y0, y0 + h
